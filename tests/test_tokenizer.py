"""Every span form the annotation scheme allows starts and ends on a token boundary."""

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import famhbg_nlp


@pytest.fixture(scope="module")
def nlp():
    return famhbg_nlp.blank()


# (text, span that must be a whole token sequence)
SCHEME_FORMS = [
    pytest.param("700 000 kr.", "700 000 kr", id="kr-sentence-final"),
    pytest.param("Kostar 1500 tkr.", "1500 tkr", id="tkr-sentence-final"),
    pytest.param("beviljas 200.000 kr", "200.000 kr", id="period-grouping"),
    pytest.param("med 115 kkr finansieras", "115 kkr", id="kkr"),
    pytest.param("ram 1,5 mnkr.", "1,5 mnkr", id="mnkr-decimal"),
    pytest.param("totalt 3 mkr,", "3 mkr", id="mkr"),
    pytest.param("budget 4,5 Mkr.", "4,5 Mkr", id="Mkr"),
    pytest.param("2 miljoner kronor.", "2 miljoner kronor", id="miljoner"),
    pytest.param("500 000 SEK.", "500 000 SEK", id="sek"),
    pytest.param("21 kr/invånare", "21 kr", id="rate-per-inhabitant"),
    pytest.param("85 tkr/år", "85 tkr", id="rate-per-year"),
    pytest.param("1500tkr", "1500", id="glued-unit"),
    pytest.param("styrelsemötet 201204.", "201204", id="yymmdd"),
    pytest.param("styrelsemötet 200903-04 har", "200903-04", id="yymmdd-range"),
    pytest.param("Datum: 2016-03-17", "2016-03-17", id="iso"),
    pytest.param("Den 19 april 2024 08.30", "19 april 2024", id="long-form"),
    pytest.param("styrelsemötet 5 april.", "5 april", id="no-year"),
    pytest.param("senast 28 dec.", "28 dec", id="abbreviated-month"),
    pytest.param("internatet 22–23 augusti 2024.", "22–23 augusti 2024", id="en-dash-range"),
    pytest.param("den 2-3 september.", "2-3 september", id="hyphen-range-month"),
    pytest.param("halvdag 3/9.", "3/9", id="day-month"),
    pytest.param("styrelsen den 2-3/9 inför", "2-3/9", id="day-range-month"),
    pytest.param("nätverk 17-18/5.", "17-18/5", id="day-range-slash"),
    pytest.param("internat 30-31/8.", "30-31/8", id="end-of-month-range"),
    pytest.param("mellan 30/8-1/9.", "30/8-1/9", id="cross-month-range"),
    pytest.param("onsdagen den 21 november 2018", "21 november 2018", id="weekday-den"),
    pytest.param(
        "<strong>2019</strong>-<strong>05</strong>-<strong>14</strong><br />",
        "2019</strong>-<strong>05</strong>-<strong>14",
        id="html-tags-around-date",
    ),
    pytest.param("Justerare /Anna Berg, ordförande", "Anna Berg", id="slash-before-signature-name"),
    pytest.param("sträckan Emmaboda-\n\nKarlskrona", "Emmaboda", id="line-end-hyphen"),
    pytest.param("budget +11,5 miljoner kronor", "11,5 miljoner kronor", id="plus-sign"),
    pytest.param("~~Jonas Jönsson, Åstorp~~", "Jonas Jönsson", id="strike-through-start"),
    pytest.param("~~Jonas Jönsson, Åstorp~~", "Åstorp", id="strike-through-end"),
    pytest.param("**Närvarande:** Palle Lundberg, Helsingborg", "Palle Lundberg", id="bold-markup"),
    pytest.param("*Camilla Alfredsson Helsingborg***", "Helsingborg", id="emphasis-markup"),
    pytest.param("Tomas Rikse (från 0840), Klippan", "Tomas Rikse", id="name-before-note"),
    pytest.param("Pernilla Fahlstedt (Ängelholms kommun) för", "Ängelholms kommun", id="municipality-in-parens"),
    pytest.param("av Helsingborgs Stads Kommunikationsavdelning", "Helsingborgs Stads", id="genitive-stad"),
    pytest.param("Rapport från SKLs Kommundirektörsnätverk", "SKLs", id="org-genitive"),
    pytest.param("Lilian Eriksson\nÄngelholm", "Ängelholm", id="line-break"),
]


@pytest.mark.parametrize("text,span_text", SCHEME_FORMS)
def test_scheme_forms_align_to_tokens(nlp, text, span_text):
    doc = nlp(text)
    start = text.index(span_text)
    assert doc.char_span(start, start + len(span_text), alignment_mode="strict") is not None, [t.text for t in doc]


@pytest.mark.parametrize(
    "text,tokens",
    [
        pytest.param("2-3/9", ["2-3/9"], id="day-range-is-one-token"),
        pytest.param("200903-04", ["200903-04"], id="compact-range-is-one-token"),
        pytest.param("22–23 augusti", ["22–23", "augusti"], id="en-dash-range"),
        pytest.param("700 000 kr.", ["700", "000", "kr", "."], id="kr-period-splits"),
        pytest.param("fr.o.m. 160101", ["fr.o.m.", "160101"], id="other-abbreviations-kept"),
        pytest.param("kl. 08.30", ["kl.", "08.30"], id="kl-kept"),
        pytest.param("Lars-Ola Mårtensson-Stenudd", ["Lars-Ola", "Mårtensson-Stenudd"], id="hyphenated-names-kept"),
        pytest.param("johan.lindberg@familjenhelsingborg.se", ["johan.lindberg@familjenhelsingborg.se"], id="email"),
    ],
)
def test_tokens(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_tokenizer_survives_save_and_load(tmp_path):
    import spacy

    famhbg_nlp.blank().to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert [t.text for t in loaded("700 000 kr.")] == ["700", "000", "kr", "."]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\x00\x01\ufffd", "kr." * 1000, "~~" * 50, "*" * 100])
def test_odd_text_does_not_crash(nlp, text):
    assert nlp(text).text == text


# ------------------------------------------------------------ the compiled rules

SEEDS = Path(os.environ.get("FAMHBG_SEEDS", "/work/shared/seeds"))


def _compiled_pairs():
    """(name, spaCy's compilation of the project rules, the project's) for prefixes, suffixes, infixes."""
    from spacy.lang.sv import Swedish
    from spacy.lang.tokenizer_exceptions import URL_MATCH
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from famhbg_nlp import tokenizer as T

    prefixes, suffixes, infixes = T._rules(Swedish.Defaults)
    return [
        ("prefix", compile_prefix_regex(prefixes).search, T.prefix_regex(prefixes).search),
        ("suffix", compile_suffix_regex(suffixes).search, T.suffix_regex(suffixes).search),
        ("infix", compile_infix_regex(infixes).finditer, T.infix_regex(infixes).finditer),
        ("url", URL_MATCH, T.url_regex().match),
    ]


def _spans(result):
    if result is None or isinstance(result, re.Match):
        return None if result is None else result.span()
    return [m.span() for m in result]


_PAIRS = _compiled_pairs()
#: Every character the rules name (but the long classes of symbols and letters), letters, digits, spaces.
_RULE_CHARS = sorted(
    {
        c
        for pattern in (p for _, legacy, _ in _PAIRS for p in [legacy.__self__.pattern])
        for c in pattern
        if ord(c) < 0x2E80
    }
    | set("0123456789aAkmgtKMGTbBsSxXzZåÄéÉ \n\t\u00a6\u00b0\u00b2\u00b5\u0100\u0101\u0130\u212a\uff21\uff41\u3008")
    | set("wh.:/@?#-_~%&=+comseu")
)


def _agree(text: str) -> None:
    for name, legacy, fast in _PAIRS:
        assert _spans(fast(text)) == _spans(legacy(text)), (name, text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(_RULE_CHARS), max_size=14))
def test_the_compiled_rules_match_as_spacy_compiles_them(text):
    """The prefix, suffix and infix regexes (anchored once, one-character rules as one class, a character
    tested before a look-behind) find what spaCy's ``compile_*_regex`` of the same rules finds."""
    _agree(text)


def test_the_compiled_rules_agree_around_every_character():
    for char in [chr(c) for c in range(0x20, 0x3100)] + ["\U0001f600", "\uff0c", "\u3002"]:
        for text in (char, f"a{char}", f"1{char}", f"{char}a", f"A{char}B", f"aa{char}", f"AA{char}", f"a{char}a"):
            _agree(text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed protocols not available at {SEEDS}")
def test_the_compiled_rules_tokenize_the_seeds_as_spacy_compiles_them():
    from spacy.lang.sv import Swedish
    from spacy.lang.tokenizer_exceptions import URL_MATCH
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from famhbg_nlp import tokenizer as T

    prefixes, suffixes, infixes = T._rules(Swedish.Defaults)
    fast = famhbg_nlp.blank().tokenizer
    legacy = famhbg_nlp.blank().tokenizer
    legacy.prefix_search = compile_prefix_regex(prefixes).search
    legacy.suffix_search = compile_suffix_regex(suffixes).search
    legacy.infix_finditer = compile_infix_regex(infixes).finditer
    legacy.url_match = URL_MATCH
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert [(t.text, t.idx) for t in fast(text)] == [(t.text, t.idx) for t in legacy(text)], path.name


@pytest.mark.parametrize(
    "text",
    ["www.helsingborg.se", "https://famhbg.se/a?b=1#c", "anna@x.se", "192.168.1.1", "8.8.8.8", "a.b", "x.se.",
     "mailto:a@b.com", "localhost", "kl.", "1.5", "ftp://x", "Båstad.se/protokoll", "a" * 80 + ".se"],
)  # fmt: skip
def test_the_compiled_rules_agree_on_urls(text):
    _agree(text)


def test_a_loaded_pipeline_gets_the_fast_regexes(tmp_path):
    """A pipeline saved with the rules as spaCy compiles them (the shipped one) is loaded with the fast
    regexes; a pipeline with other rules keeps its own."""
    from spacy.util import compile_suffix_regex

    from famhbg_nlp import tokenizer as T
    from famhbg_nlp.pipeline import load

    blank = famhbg_nlp.blank()
    attrs = {"prefix": "prefix_search", "suffix": "suffix_search", "infix": "infix_finditer", "url": "url_match"}
    for name, legacy, _ in _PAIRS:
        setattr(blank.tokenizer, attrs[name], legacy)
    blank.to_disk(tmp_path / "legacy")
    loaded = load(tmp_path / "legacy")
    fresh = famhbg_nlp.blank().tokenizer
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(loaded.tokenizer, attr).__self__.pattern == getattr(fresh, attr).__self__.pattern
    other = famhbg_nlp.blank()
    other.tokenizer.suffix_search = compile_suffix_regex(["kr"]).search
    other.to_disk(tmp_path / "other")
    assert load(tmp_path / "other").tokenizer.suffix_search.__self__.pattern == "kr$"
    assert T.speed_up(other.tokenizer, other.Defaults).suffix_search.__self__.pattern == "kr$"
