"""Build the real-minutes gold corpus ``corpus/real.jsonl`` from ``corpus/annotations/real/*.ann``.

The ``.ann`` format is the seeds' (see ``annotate_seeds.py``): a header (``source:`` the file in
``../shared/minutes``, ``meeting_date:`` the ISO date the text shows, or ``null``) and one span a line,
``LINE | LABEL | SURFACE | VALUE   # why``. Offsets are computed, never written by hand; the build fails,
naming the file, line and span, on every problem it finds (all of them, not only the first).

Document metadata (body, municipality, county, kind) comes from ``../shared/minutes/SOURCES.md``; the id is
the file name without its number (``001-gallivare-kf-2017-06-20.txt`` -> ``gallivare-kf-2017-06-20``).

The structure gold (``corpus/structure/<id>.json``, format in ``corpus/README.md``) is checked too: every
name it gives must be written in the text (whitespace and line breaks inside a name may differ).

Run from the repository root, in the project venv::

    python corpus/tools/build_real.py                    # build corpus/real.jsonl, update the README table
    python corpus/tools/build_real.py --check            # validate; fail if real.jsonl is out of date
    python corpus/tools/build_real.py --misses ID ...    # capitalised words / numbers outside spans
    python corpus/tools/build_real.py --draft FILE ...   # pre-annotate: print a draft .ann from the pipeline
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import annotate_seeds as seeds  # noqa: E402  (the shared .ann machinery)
from annotate_seeds import AnnotationError, Document, Entry  # noqa: E402

STATS_BEGIN, STATS_END = "<!-- real-stats:begin -->", "<!-- real-stats:end -->"
NUMBER_PREFIX = re.compile(r"^\d+-")

#: Unit words of money and their factor in kronor (lower case; periods and spaces removed).
UNITS = {
    "kr": 1,
    "kronor": 1,
    "krona": 1,
    "sek": 1,
    "tkr": 10**3,
    "kkr": 10**3,
    "tsek": 10**3,
    "ksek": 10**3,
    "tusenkronor": 10**3,
    "tusenkr": 10**3,
    "mkr": 10**6,
    "mnkr": 10**6,
    "msek": 10**6,
    "miljkr": 10**6,
    "miljonkr": 10**6,
    "miljonerkr": 10**6,
    "miljonkronor": 10**6,
    "miljonerkronor": 10**6,
    "miljoner": 10**6,
    "milj": 10**6,
    "miljkronor": 10**6,
    "mdkr": 10**9,
    "mdrkr": 10**9,
    "miljardkronor": 10**9,
    "miljarderkronor": 10**9,
    "miljarder": 10**9,
    "miljard": 10**9,
    "mdr": 10**9,
    "mdkronor": 10**9,
}
AMOUNT = re.compile(
    r"(?P<number>\d{1,3}(?:[ .\u00a0\u2009\u202f]\d{3})+|\d+)(?:[,.](?P<fraction>\d{1,2}))?\s*(?P<unit>[^\d].*)"
)


def reread_amount(surface: str) -> int | None:
    """Whole kronor of ``surface`` under the scheme, or ``None`` when this reader cannot tell."""
    m = AMOUNT.fullmatch(surface)
    if not m:
        return None
    unit = re.sub(r"[\s.:-]", "", m["unit"]).lower()
    if unit not in UNITS:
        return None
    whole = int(re.sub(r"\D", "", m["number"]))
    fraction = m["fraction"] or ""
    value = (whole * 10 ** len(fraction) + int(fraction or 0)) * UNITS[unit]
    if value % 10 ** len(fraction):
        return None
    return value // 10 ** len(fraction)


def sources_table(minutes: Path) -> dict[str, dict[str, str]]:
    """Rows of ``SOURCES.md`` by file name."""
    rows: dict[str, dict[str, str]] = {}
    for line in (minutes / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 9 and cells[1].endswith(".txt"):
            rows[cells[1]] = {"body": cells[2], "municipality": cells[3], "county": cells[4], "kind": cells[8]}
    return rows


def group_name(municipality: str) -> str:
    """The municipality column without its remark: ``Skellefteå (not named ...)`` -> ``Skellefteå``."""
    return municipality.split(" (", 1)[0].strip()


def check_value(entry: Entry, doc: Document, known: set[str] | None) -> None:
    surface = seeds.surface_of(entry)
    if entry.label == "DATE":
        if doc.meeting_date is None and not re.search(r"\d{4}", surface):
            return  # yearless date in a document without a meeting date: the annotator's reading stands
        expected = seeds.reread_date(surface, doc.meeting_date or dt.date(2000, 1, 1))
        if expected is not None and expected != entry.value:
            raise AnnotationError(f"{entry.where()}: value {entry.value!r}, but the surface reads as {expected!r}")
    elif entry.label == "AMOUNT":
        expected = reread_amount(surface)
        if expected is not None and expected != entry.value:
            raise AnnotationError(f"{entry.where()}: value {entry.value!r}, but the surface reads as {expected!r}")
    elif entry.label == "MUNICIPALITY":
        # any case (``SKELLEFTEÅ KOMMUN``), and the stem of the official name (``Falu kommun`` -> Falun)
        name = seeds.MUNICIPALITY_SUFFIX.sub("", surface).casefold()
        stems = {entry.value, OFFICIAL_STEMS.get(entry.value, entry.value)}
        if name not in {form.casefold() for stem in stems for form in (stem, stem + "s")}:
            raise AnnotationError(f"{entry.where()}: surface does not spell the municipality {entry.value!r}")
        if known is not None and entry.value not in known:
            raise AnnotationError(f"{entry.where()}: {entry.value!r} is not one of Sweden's 290 municipalities")
    else:
        seeds.check_value(entry, doc, known)


def official_stems(repo: Path) -> dict[str, str]:
    """Municipality name -> its official name without ``kommun``/``stad`` (``Falun`` -> ``Falu``)."""
    path = repo / "famhbg_nlp/pipes/municipalities/data/municipalities.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {
        row["name"]: re.sub(r"\s+(?:kommun|stad)$", "", row["official_name"])
        for row in csv.DictReader(lines, delimiter="\t")
    }


OFFICIAL_STEMS = official_stems(Path(__file__).resolve().parents[2])


def names_in(text: str, name: str) -> bool:
    pattern = r"\s+".join(map(re.escape, name.split()))
    return re.search(rf"(?<!\w){pattern}(?!\w)", text) is not None


def check_structure(path: Path, text_of: dict[str, str]) -> list[str]:
    """Problems of one structure gold file."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        return [f"{path}: {error}"]
    problems = []
    text = text_of.get(gold.get("id", ""))
    if text is None:
        return [f"{path}: id {gold.get('id')!r} has no entity annotation (corpus/annotations/real/<id>.ann)"]
    names = [gold.get("chair"), gold.get("secretary"), *gold.get("adjusters", [])]
    for key in ("attendees", "absent", "guests"):
        for person in gold.get(key, []):
            if not isinstance(person, dict) or "name" not in person:
                problems.append(f"{path}: {key} entry {person!r} needs a 'name'")
                continue
            names.append(person["name"])
    for name in names:
        if name and not names_in(text, name):
            problems.append(f"{path}: name {name!r} is not written in the text")
    for item in gold.get("items", []):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("number"), str)
            or not isinstance(item.get("decisions"), int)
        ):
            problems.append(f"{path}: item {item!r} needs 'number' (string) and 'decisions' (int)")
    return problems


def build(annotations: Path, minutes: Path, repo: Path) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    known = seeds.municipality_names(repo)
    table = sources_table(minutes)
    records, problems, warnings = [], [], []
    for path in sorted(annotations.glob("*.ann")):
        try:
            doc = seeds.read_ann(path)
        except AnnotationError as error:
            problems.append(str(error))
            continue
        if doc.source not in table:
            problems.append(f"{path.name}: source {doc.source!r} is not listed in {minutes / 'SOURCES.md'}")
            continue
        expected_id = NUMBER_PREFIX.sub("", Path(doc.source).stem)
        if doc.id != expected_id:
            problems.append(f"{path.name}: the file must be named {expected_id}.ann for source {doc.source}")
        text = open(minutes / doc.source, encoding="utf-8").read()  # exactly as the scheme reads it
        spans = seeds.place(doc, text, known, check=check_value, problems=problems)
        warnings += seeds.check_alignment(doc.id, text, spans)
        row = table[doc.source]
        meta = {
            "source": doc.source,
            "meeting_date": None if doc.meeting_date is None else doc.meeting_date.isoformat(),
            "body": row["body"],
            "municipality": group_name(row["municipality"]),
            "county": row["county"],
            "kind": row["kind"],
        }
        records.append({"id": doc.id, "text": text, "meta": meta, "spans": spans})
    text_of = {record["id"]: record["text"] for record in records}
    for path in sorted((annotations.parent.parent / "structure").glob("*.json")):
        problems += check_structure(path, text_of)
    return sorted(records, key=lambda record: record["id"]), problems, warnings


def draft(path: Path) -> str:
    """A draft ``.ann`` for ``path`` from the shipped pipeline: every line must still be read by hand."""
    import famhbg_nlp

    text = open(path, encoding="utf-8").read()
    doc = famhbg_nlp.load()(text)
    starts = seeds.line_starts(text)
    meeting = getattr(doc._, "meeting_date", None)
    out = [
        f"# Gold annotations: {path.name} (draft from the pipeline; read every line)",
        f"source: {path.name}",
        f"meeting_date: {meeting.isoformat() if meeting else 'null'}",
        "",
    ]
    import bisect

    for ent in doc.ents:
        line = bisect.bisect_right(starts, ent.start_char)
        value = ent._.value
        if ent.label_ in ("PERSON", "ORG"):
            value = ""
        elif isinstance(value, dict):
            value = f"{value['start']}..{value['end']}"
        elif value is None:
            value = "null" if ent.label_ == "DATE" else ""
        out.append(f"{line} | {ent.label_} | {ent.text} | {value}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=Path, default=Path("corpus/annotations/real"))
    parser.add_argument("--minutes", type=Path, default=Path("../shared/minutes"))
    parser.add_argument("--out", type=Path, default=Path("corpus/real.jsonl"))
    parser.add_argument("--readme", type=Path, default=Path("corpus/README.md"))
    parser.add_argument("--repo", type=Path, default=Path("."))
    parser.add_argument("--check", action="store_true", help="validate only; fail if --out is out of date")
    parser.add_argument("--misses", nargs="*", metavar="ID", help="words outside spans (all documents if none)")
    parser.add_argument("--draft", nargs="+", type=Path, metavar="FILE", help="print draft .ann files")
    args = parser.parse_args(argv)
    if args.draft:
        for path in args.draft:
            print(draft(path))
        return 0
    records, problems, warnings = build(args.annotations, args.minutes, args.repo)
    for warning in warnings:
        print(f"warning: misaligned with the project tokenizer: {warning}", file=sys.stderr)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if args.misses is not None:
        chosen = [r for r in records if not args.misses or r["id"] in args.misses]
        print(seeds.misses(chosen))
        return 1 if problems else 0
    if problems:
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    content = seeds.serialize(records)
    table = seeds.stats_table(records, ("municipality", "kind"))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != content:
            print(f"error: {args.out} is out of date; rebuild with corpus/tools/build_real.py", file=sys.stderr)
            return 1
    else:
        seeds.write_atomic(args.out, content)
        seeds.update_readme(args.readme, table, (STATS_BEGIN, STATS_END))
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
