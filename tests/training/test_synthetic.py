"""The synthetic generator: reproducible, scheme-clean, varied, fast, and free of gold text."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

import famhbg_nlp
from famhbg_nlp.corpus import Record, read_records, record_to_doc
from famhbg_nlp.training.synthetic import generate_dicts, generate_records, span_problems
from famhbg_nlp.training.synthetic.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("FAMHBG_SEEDS", "/work/shared/seeds"))
N = 500


@pytest.fixture(scope="module")
def records():
    return generate_dicts(N, seed=0)


@pytest.fixture(scope="module")
def nlp():
    return famhbg_nlp.blank()


def spans_of(records, label):
    return [(r, s) for r in records for s in r["spans"] if s["label"] == label]


def texts_of(records, label):
    return [r["text"][s["start"] : s["end"]] for r, s in spans_of(records, label)]


# -- reproducibility ---------------------------------------------------------------------------


def test_same_seed_same_records():
    assert generate_dicts(25, seed=7) == generate_dicts(25, seed=7)


def test_other_seed_other_records():
    assert [r["text"] for r in generate_dicts(5, seed=1)] != [r["text"] for r in generate_dicts(5, seed=2)]


def test_shorter_run_is_prefix():
    assert generate_dicts(4, seed=3) == generate_dicts(9, seed=3)[:4]


def test_reproducible_across_processes_and_hash_seeds():
    code = "import json,sys; from famhbg_nlp.training.synthetic import generate_dicts; json.dump(generate_dicts(8, seed=5), sys.stdout)"
    outputs = [
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0]) == generate_dicts(8, seed=5)


def test_generate_records_returns_corpus_records():
    records = generate_records(3, seed=0)
    assert all(isinstance(r, Record) for r in records)
    assert [r.to_dict() for r in records] == generate_dicts(3, seed=0)
    assert generate_records(0) == []
    with pytest.raises(ValueError):
        generate_records(-1)


def test_meta(records):
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for r in records:
        assert r["meta"]["source"] == "synthetic"
        dt.date.fromisoformat(r["meta"]["meeting_date"])


# -- scheme rules ------------------------------------------------------------------------------


def test_every_span_passes_the_edge_rules(records):
    problems = [p for r in records for p in span_problems(r["text"], r["spans"])]
    assert problems == []


@pytest.mark.parametrize(
    "text,spans,reason",
    [
        pytest.param(
            "Anna Berg ", [{"start": 0, "end": 10, "label": "PERSON", "value": None}], "edge", id="trailing-space"
        ),
        pytest.param(
            "700 kr.", [{"start": 0, "end": 7, "label": "AMOUNT", "value": 700}], "edge", id="trailing-period"
        ),
        pytest.param(
            "Bjuvs",
            [{"start": 0, "end": 4, "label": "MUNICIPALITY", "value": "Bjuv"}],
            "inside a word",
            id="inside-word",
        ),
        pytest.param(
            "Anna Berg",
            [
                {"start": 0, "end": 9, "label": "PERSON", "value": None},
                {"start": 5, "end": 9, "label": "PERSON", "value": None},
            ],
            "overlaps",
            id="overlap",
        ),
        pytest.param(
            "Bjuv",
            [{"start": 0, "end": 4, "label": "MUNICIPALITY", "value": "Bjuvs"}],
            "canonical",
            id="value-not-canonical",
        ),
        pytest.param("3 kr", [{"start": 0, "end": 4, "label": "AMOUNT", "value": "3"}], "integer", id="amount-not-int"),
        pytest.param("5 maj", [{"start": 0, "end": 5, "label": "DATE", "value": "5 maj"}], "ISO", id="date-not-iso"),
    ],
)
def test_validator_catches_broken_spans(text, spans, reason):
    problems = span_problems(text, spans)
    assert problems and any(reason in p for p in problems), problems


def test_spans_align_to_the_project_tokenizer(records, nlp):
    for data in records:
        doc = nlp.make_doc(data["text"])
        for span in data["spans"]:
            assert doc.char_span(span["start"], span["end"], alignment_mode="strict") is not None, (data["id"], span)


def test_records_convert_to_docs(records, nlp):
    for data in records[:100]:
        record = Record.from_dict(data)
        doc = record_to_doc(record, nlp)
        assert len(doc.ents) == len(record.spans)


# -- values, recomputed independently ------------------------------------------------------------

MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            (
                "januari",
                "februari",
                "mars",
                "april",
                "maj",
                "juni",
                "juli",
                "augusti",
                "september",
                "oktober",
                "november",
                "december",
            ),
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"), start=1
        )
    },
}


def nearest(day: int, month: int, meeting: dt.date) -> dt.date:
    candidates = [dt.date(y, month, day) for y in (meeting.year - 1, meeting.year, meeting.year + 1)]
    return min(candidates, key=lambda d: abs((d - meeting).days))


def read_date(text: str, meeting: dt.date):
    """An independent reading of the scheme's date forms (value or range dict)."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return dt.date(*map(int, m.groups())).isoformat()
    if m := re.fullmatch(r"(\d{2})(\d{2})(\d{2})", text):
        y, mo, d = map(int, m.groups())
        return dt.date(2000 + y, mo, d).isoformat()
    if m := re.fullmatch(r"(\d{2})(\d{2})(\d{2})-(\d{2})", text):
        y, mo, d, e = map(int, m.groups())
        return {"start": dt.date(2000 + y, mo, d).isoformat(), "end": dt.date(2000 + y, mo, e).isoformat()}
    if m := re.fullmatch(r"(\d{1,2}) ([a-zåäö]+)(?: (\d{4}))?", text):
        d, mo, y = int(m[1]), MONTHS[m[2]], m[3]
        try:
            return (dt.date(int(y), mo, d) if y else nearest(d, mo, meeting)).isoformat()
        except ValueError:  # 31 april: no such day
            return None
    if m := re.fullmatch(r"(\d{1,2})[-–](\d{1,2}) ([a-zåäö]+)(?: (\d{4}))?", text):
        d, e, mo, y = int(m[1]), int(m[2]), MONTHS[m[3]], m[4]
        start = dt.date(int(y), mo, d) if y else nearest(d, mo, meeting)
        return {"start": start.isoformat(), "end": start.replace(day=e).isoformat()}
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})", text):
        return nearest(int(m[1]), int(m[2]), meeting).isoformat()
    if m := re.fullmatch(r"(\d{1,2})[-–](\d{1,2})/(\d{1,2})", text):
        start = nearest(int(m[1]), int(m[3]), meeting)
        return {"start": start.isoformat(), "end": start.replace(day=int(m[2])).isoformat()}
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})[-–](\d{1,2})/(\d{1,2})", text):
        start = nearest(int(m[1]), int(m[2]), meeting)
        end = dt.date(start.year + (int(m[4]) < start.month), int(m[4]), int(m[3]))
        return {"start": start.isoformat(), "end": end.isoformat()}
    if re.fullmatch(r"\d{7}", text):
        return None
    raise AssertionError(f"unexpected DATE form {text!r}")


def test_date_values(records):
    seen = 0
    for r, s in spans_of(records, "DATE"):
        meeting = dt.date.fromisoformat(r["meta"]["meeting_date"])
        text = r["text"][s["start"] : s["end"]]
        assert read_date(text, meeting) == s["value"], (r["id"], text, s["value"])
        seen += 1
    assert seen > 1000


#: Every unit the generator writes, with periods and spaces removed, in lower case (read independently
#: of the amounts component).
UNITS = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    "tkr": 1000,
    "kkr": 1000,
    "tsek": 1000,
    "ksek": 1000,
    "tusenkronor": 1000,
    "tusenkr": 1000,
    "tusensek": 1000,
    "mkr": 10**6,
    "mnkr": 10**6,
    "msek": 10**6,
    "mnsek": 10**6,
    "mnkronor": 10**6,
    "miokr": 10**6,
    "miokronor": 10**6,
    "miosek": 10**6,
    "miljkr": 10**6,
    "miljkronor": 10**6,
    "miljsek": 10**6,
    "miljonkr": 10**6,
    "miljonkronor": 10**6,
    "miljonsek": 10**6,
    "miljonerkr": 10**6,
    "miljonerkronor": 10**6,
    "miljonersek": 10**6,
    "mdkr": 10**9,
    "mdrkr": 10**9,
    "mrdkr": 10**9,
    "mdkronor": 10**9,
    "mdrkronor": 10**9,
    "mrdkronor": 10**9,
    "mdsek": 10**9,
    "mdrsek": 10**9,
    "mrdsek": 10**9,
    "miljardkr": 10**9,
    "miljardkronor": 10**9,
    "miljardsek": 10**9,
    "miljarderkr": 10**9,
    "miljarderkronor": 10**9,
    "miljardersek": 10**9,
}


def read_amount(text: str) -> int:
    m = re.fullmatch(r"(\d[\d \u2009.]*(?:,\d+)?) ([A-Za-z .]+)", text)
    assert m, text
    written = m[1]
    if re.fullmatch(r"\d+\.\d", written):  # one digit after a period: a decimal point (4.5 m.kr)
        number = Decimal(written)
    else:
        number = Decimal(re.sub(r"[ \u2009.]", "", written).replace(",", "."))
    value = number * UNITS[re.sub(r"[ .]", "", m[2]).lower()]
    assert value == int(value), text
    return int(value)


def test_amount_values(records):
    pairs = spans_of(records, "AMOUNT")
    assert len(pairs) > 500
    for r, s in pairs:
        assert read_amount(r["text"][s["start"] : s["end"]]) == s["value"], (r["id"], s)


def test_municipality_values_are_canonical(records):
    lex = load_lexicon()
    forms = {}
    for m in lex.municipalities:
        for form in (m.name, m.genitive, m.name.replace("-", " ")):
            forms[form.lower()] = m.name
    for r, s in spans_of(records, "MUNICIPALITY"):
        text = r["text"][s["start"] : s["end"]]
        key = re.sub(r"\s+(kommun|kommuns|stad|stads)$", "", text, flags=re.IGNORECASE).lower()
        assert forms.get(key) == s["value"], (r["id"], text, s["value"])


def test_all_municipalities_appear():
    """Any 290 consecutive documents name every municipality."""
    values = {s["value"] for r in generate_dicts(290, seed=4) for s in r["spans"] if s["label"] == "MUNICIPALITY"}
    assert values == {m.name for m in load_lexicon().municipalities}
    assert len(values) == 290


# -- coverage of forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label,pattern",
    [
        ("DATE", r"\d{6}"),
        ("DATE", r"\d{6}-\d{2}"),
        ("DATE", r"\d{4}-\d{2}-\d{2}"),
        ("DATE", r"\d{1,2} [a-zåäö]+ \d{4}"),
        ("DATE", r"\d{1,2} [a-zåäö]+"),
        ("DATE", r"\d{1,2} (jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)"),
        ("DATE", r"\d{1,2}–\d{1,2} [a-zåäö]+ \d{4}"),
        ("DATE", r"\d{1,2}-\d{1,2} [a-zåäö]+"),
        ("DATE", r"\d{1,2}/\d{1,2}"),
        ("DATE", r"\d{1,2}-\d{1,2}/\d{1,2}"),
        ("DATE", r"\d{1,2}/\d{1,2}-\d{1,2}/\d{1,2}"),
        ("DATE", r"\d{7}"),
        ("DATE", r"3[01] (februari|april|juni)( \d{4})?"),
        ("AMOUNT", r"\d+ tkr"),
        ("AMOUNT", r"\d{1,3}(?: \d{3})+ kr"),
        ("AMOUNT", r"\d{1,3}(?:\.\d{3})+ kr"),
        ("AMOUNT", r"\d+ kkr"),
        ("AMOUNT", r"\d+,\d+ mnkr"),
        ("AMOUNT", r"\d+ mkr"),
        ("AMOUNT", r"\d+,\d+ Mkr"),
        ("AMOUNT", r"\d+ miljoner kronor"),
        ("AMOUNT", r"\d+,\d+ mdkr"),
        ("AMOUNT", r"[\d ]+ SEK"),
        ("AMOUNT", r".*\u2009.*"),
        ("MUNICIPALITY", r"\w+s kommun"),
        ("MUNICIPALITY", r"\w+ Kommun"),
        ("MUNICIPALITY", r"\w+s [sS]tad"),
        ("MUNICIPALITY", r"\w+s Stads"),
        ("MUNICIPALITY", r"\w+s kommuns"),
        ("MUNICIPALITY", r"Falu kommun"),
        ("MUNICIPALITY", r"[A-ZÅÄÖ ]+ (KOMMUN|STAD)"),
        ("MUNICIPALITY", r"Gotlands kommun"),
        ("ORG", r"Region \w+"),
        ("ORG", r"Högskolan i \w+"),
        ("ORG", r"\w+ universitet"),
        ("ORG", r"Länsstyrelsen .+"),
        ("ORG", r"Kammarrätten i \w+"),
        ("ORG", r"[A-ZÅÄÖ]+:s"),
        ("ORG", r"Familjen Helsingborg"),
        ("ORG", r"Skåne Nordväst"),
        ("ORG", r"Trafikverket"),
        ("ORG", r"SKR"),
        ("ORG", r"Skånes Kommuner"),
        ("ORG", r".+ AB"),
        ("PERSON", r"[A-ZÅÄÖ]\w+-[A-ZÅÄÖ]\w+ \w+"),
        ("PERSON", r"\w+ [A-ZÅÄÖ]\w+-[A-ZÅÄÖ]\w+"),
        ("PERSON", r"\w+ [A-ZÅÄÖ]\w+ [A-ZÅÄÖ]\w+"),
        ("PERSON", r"\w+ (af|von|de|van) \w+"),
        ("PERSON", r"\w+ [A-Z]\.? \w+"),
        ("PERSON", r"[A-ZÅÄÖ][a-zåäöé]+"),
        ("PERSON", r".*[åäö].*"),
        ("PERSON", r".*(ić|ic|ović|ski|oğlu|nen|Abdi|Mohamed|Ali).*"),
        ("PERSON", r"\w+ \w+s"),
        ("PERSON", r"[A-ZÅÄÖ\- ]+"),
    ],
)
def test_form_is_generated(records, label, pattern):
    assert any(re.fullmatch(pattern, text) for text in texts_of(records, label)), (label, pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bstyrelsen\b",
        r"\bKommunstyrelsen\b",
        r"\bsekretariatet\b",
        r"\bnätverket\b",
        r"\bprojektet \w+",
        r"\bNordvästra Skåne\b",
        r"\bSkåne\b",
        r"[\w.]+@[\w.]+\.se",
        r"\bkl\. \d",
        r"\b\d+/20\d\d\b",
        r"§ \d+",
        r"Dnr",
        r"\d %",
        r"\d,\d+ tjänst",
        r"\b20\d\d[-–]20\d\d\b",
        r"\b(hösten|våren) 20\d\d\b",
        r"\bi (januari|mars|september)\b",
        r"\bStadshuset\b",
        r"\bkommundirektör\b",
        r"\(S\)",
        r"\(från \d{4}\)",
        r"~~",
        r"\*\*att\*\*",
        r"\*att\*",
        r"Justeras",
        r"Anmält förhinder",
        r"Inbjudna gäster",
        r"Tjänstgörande ersättare|tjänstgörande ersättare",
        r"Sammanträdesdatum",
        r"Tid/Plats:",
        r"Plats och tid:",
        r"Mötet beslutar",
        r"Förslag till beslut",
        r"samt att",
        r"^\d\d\.\d\d \*\*",
        r"^#{3,4} \d+\. ",
        r"^§ \d+",
        r"Underskriftssida|Signeringssida|Verifikat",
    ],
)
def test_negative_or_layout_form_is_generated(records, pattern):
    """Look-alikes and layout the NER must see outside any span."""
    for r in records:
        covered = [(s["start"], s["end"]) for s in r["spans"]]
        for m in re.finditer(pattern, r["text"], flags=re.MULTILINE):
            if not any(a < m.end() and m.start() < b for a, b in covered):
                return
    pytest.fail(f"{pattern!r} never appears outside a span")


# -- label noise --------------------------------------------------------------------------------


def test_no_unlabelled_municipality_or_first_name(records, nlp):
    """A capitalised municipality name or a Swedish first name outside every span is label noise.

    Exceptions are what the scheme leaves unannotated: a name inside an ORG (covered), an e-mail
    address (one token). Sentence starts are skipped for first names (``Per``, ``Bo`` ...)."""
    lex = load_lexicon()
    municipality_words = {m.name for m in lex.municipalities} | {m.genitive for m in lex.municipalities}
    first_names = set(lex.first_names[("sv_SE", "f")].names) | set(lex.first_names[("sv_SE", "m")].names)
    noise = []
    for r in records:
        text = r["text"]
        covered = bytearray(len(text))
        for s in r["spans"]:
            covered[s["start"] : s["end"]] = b"\x01" * (s["end"] - s["start"])
        doc = nlp.make_doc(text)
        for token in doc:
            if covered[token.idx]:
                continue
            previous = doc[token.i - 1].text if token.i else "\n"
            if token.text in municipality_words:
                noise.append((r["id"], text[max(0, token.idx - 30) : token.idx + 30]))
            if token.text in first_names and previous not in (".", ":", "\n", "-", "*") and not previous.isspace():
                noise.append((r["id"], text[max(0, token.idx - 30) : token.idx + 30]))
    assert noise == []


def _gold_sentences() -> set[str]:
    texts = []
    for path in sorted((ROOT / "corpus").glob("*.jsonl")):
        texts += [record.text for record in read_records(path)]
    if SEEDS.is_dir():
        texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    sentences = set()
    for text in texts:
        for part in re.split(r"(?<=[.!?:])\s+|\n+", text):
            part = part.strip(" *#-~\t")
            if (
                len(part) >= 40 and len(part.split()) >= 6
            ):  # a sentence, not a form line (Förvaringsplats för protokollet X)
                sentences.add(part)
    return sentences


def test_no_gold_sentence_in_synthetic_text(records):
    sentences = _gold_sentences()
    assert len(sentences) > 50, "no gold text found to compare with"
    leaked = [(r["id"], s) for r in records for s in sentences if s in r["text"]]
    assert leaked == []


# -- speed and script ---------------------------------------------------------------------------


def test_500_documents_take_seconds():
    started = time.perf_counter()
    generate_dicts(500, seed=11)
    assert time.perf_counter() - started < 15


def test_script_writes_jsonl(tmp_path):
    out = tmp_path / "synthetic.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "training" / "generate_synthetic.py"),
            "--n",
            "6",
            "--seed",
            "2",
            "--output",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "6 documents" in result.stdout
    assert [r.to_dict() for r in read_records(out)] == generate_dicts(6, seed=2)


def test_synthetic_organisations_use_the_shared_lexicon():
    """The generator writes the shared lexicon's organisations and parties, not a copy of its own."""
    from famhbg_nlp import lexicon

    lex = load_lexicon()
    names = {org.name for org in lex.organisations}
    assert {"Skatteverket", "Försäkringskassan", "Vårdförbundet", "Socialdemokraterna"} <= names
    assert {org.kind for org in lex.organisations if org.name == "Socialdemokraterna"} == {"party"}
    assert len(lex.org_shapes) >= 10 and all("{" in row["template"] for row in lex.org_shapes)
    assert {p.short for p in lexicon.parties() if p.kind == "riksdag"} == {"S", "M", "SD", "C", "V", "L", "KD", "MP"}


def test_shaped_organisations_are_found_by_the_org_rules(records):
    """Organisations made by their form (``Storviks IF``, ``Malungshem AB``) are ones the rules find."""
    import famhbg_nlp

    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_orgs")
    shaped = re.compile(r"(?: AB| HB| KB| IF| IK| BK| FF| SK| GoIF|förening|förbund|folkhögskola|partiet)$")
    names = sorted({r["text"][s["start"] : s["end"]] for r, s in spans_of(records, "ORG")})
    names = [n for n in names if shaped.search(n)]
    assert len(names) > 20
    missed = [n for n in names if [e.text for e in nlp(f"Avtal med {n} tecknas.").ents] != [n]]
    assert missed == []
