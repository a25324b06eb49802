"""Build the gold corpus ``corpus/gold.jsonl`` from the hand-written annotation lists.

The annotations live in ``corpus/annotations/<id>.ann``, one span a line, in reading order::

    LINE | LABEL | SURFACE | VALUE   # comment

``LINE`` is the 1-based line of the source file the span lies on, ``SURFACE`` the exact text
(``context [[surface]] context`` picks a span out of a longer context; ``\\n`` in a surface stands for a
line break and the whitespace around it, for a name broken over lines: ``Carlos \\n González``; ``LINE`` is
then the line the span starts on), ``VALUE`` the scheme's
value (MUNICIPALITY: canonical name; DATE: ISO date, ``START..END`` or ``null``; AMOUNT: int
kronor; empty for PERSON and ORG). Offsets are computed, never written by hand: each surface is
searched forward from the end of the previous span, and the build fails loudly when a surface is
not found on its line, sits inside a word, overlaps another span, carries edge whitespace or
punctuation, has a value that an independent re-reading of the surface contradicts, or does not
align to the project tokenizer.

Run from the repository root::

    python corpus/tools/annotate_seeds.py                 # build corpus/gold.jsonl, update README table
    python corpus/tools/annotate_seeds.py --check         # validate; fail if gold.jsonl is out of date
    python corpus/tools/annotate_seeds.py --misses        # list capitalised words/numbers outside spans
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABELS = ("PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT")

#: SHA-256 of every seed text the annotations were made on; a changed seed must be re-annotated.
SEED_SHA256 = {
    "000_87a4eb6fd371db95.txt": "187da3f171cafdc0",
    "001_5768a7406313c58d.txt": "f95ad312b3f3a51c",
    "002_c0d7de841479e53d.txt": "46de93128a6984ac",
    "003_c65f064872759ff5.txt": "a78969ef6a56b745",
    "004_401aef40d086e529.txt": "8f75986f6787ef89",
}

MONTHS = {
    name: number
    for number, name in enumerate(
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
}
AMOUNT_UNITS = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    "tkr": 1_000,
    "kkr": 1_000,
    "tsek": 1_000,
    "mkr": 1_000_000,
    "mnkr": 1_000_000,
    "msek": 1_000_000,
    "mdkr": 1_000_000_000,
}
MUNICIPALITY_SUFFIX = re.compile(r"(?:\s+(?i:kommuns?|stads?))?$")
STATS_BEGIN, STATS_END = "<!-- stats:begin -->", "<!-- stats:end -->"


class AnnotationError(Exception):
    """A listed span that cannot be placed or validated; the message names file, line and span."""


@dataclass(frozen=True)
class Entry:
    ann_file: str
    ann_line: int
    line: int
    label: str
    surface: str
    value: Any

    def where(self) -> str:
        return f"{self.ann_file}:{self.ann_line}: {self.label} {self.surface!r} (source line {self.line})"


@dataclass
class Document:
    id: str
    source: str
    meeting_date: dt.date | None  # None: the text shows no meeting date (``meeting_date: null``)
    entries: list[Entry]


# --------------------------------------------------------------------------- parsing the lists


def parse_value(label: str, raw: str, where: str) -> Any:
    raw = raw.strip()
    if label in ("PERSON", "ORG"):
        if raw:
            raise AnnotationError(f"{where}: {label} spans carry no value, got {raw!r}")
        return None
    if label == "MUNICIPALITY":
        if not raw:
            raise AnnotationError(f"{where}: MUNICIPALITY needs its canonical name as value")
        return raw
    if label == "AMOUNT":
        if not raw.isdigit():
            raise AnnotationError(f"{where}: AMOUNT value must be whole kronor, got {raw!r}")
        return int(raw)
    if raw == "null":
        return None
    try:
        if ".." in raw:
            start, end = raw.split("..")
            dt.date.fromisoformat(start), dt.date.fromisoformat(end)
            return {"start": start, "end": end}
        dt.date.fromisoformat(raw)
        return raw
    except ValueError:
        raise AnnotationError(f"{where}: DATE value must be ISO, START..END or null, got {raw!r}") from None


def read_ann(path: Path) -> Document:
    return parse_ann(path.read_text(encoding="utf-8"), path)


def parse_ann(content: str, path: Path) -> Document:
    """The document that the ``.ann`` text ``content`` of ``path`` lists."""
    header: dict[str, str] = {}
    entries: list[Entry] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if "|" not in line:
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
            continue
        fields = [field.strip() for field in line.split("|")]
        if len(fields) != 4:
            raise AnnotationError(f"{path.name}:{number}: expected 'LINE | LABEL | SURFACE | VALUE', got {raw!r}")
        line_no, label, surface, value = fields
        where = f"{path.name}:{number}"
        if label not in LABELS:
            raise AnnotationError(f"{where}: unknown label {label!r}")
        if not line_no.isdigit():
            raise AnnotationError(f"{where}: LINE must be a number, got {line_no!r}")
        entries.append(Entry(path.name, number, int(line_no), label, surface, parse_value(label, value, where)))
    for key in ("source", "meeting_date"):
        if key not in header:
            raise AnnotationError(f"{path.name}: header '{key}:' missing")
    date = header["meeting_date"]
    return Document(path.stem, header["source"], None if date == "null" else dt.date.fromisoformat(date), entries)


# --------------------------------------------------------------------------- independent value checks


def closest_year(day: int, month: int, reference: dt.date) -> dt.date:
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            pass
    return min(candidates, key=lambda date: abs((date - reference).days))


def reread_date(surface: str, reference: dt.date) -> Any:
    """The value the scheme gives ``surface``, computed independently of the hand-written value."""

    def make(start: dt.date, end: dt.date | None = None) -> Any:
        if end is None or end == start:
            return start.isoformat()
        return {"start": start.isoformat(), "end": end.isoformat()}

    try:
        if m := re.fullmatch(r"(\d\d)(\d\d)(\d\d)(?:-(\d\d))?", surface):
            year, month, day = 2000 + int(m[1]), int(m[2]), int(m[3])
            start = dt.date(year, month, day)
            return make(start, dt.date(year, month, int(m[4])) if m[4] else None)
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", surface):
            return make(dt.date(int(m[1]), int(m[2]), int(m[3])))
        month_names = "|".join(MONTHS)
        if m := re.fullmatch(rf"(\d{{1,2}})(?:[-–](\d{{1,2}}))? ({month_names})(?: (\d{{4}}))?", surface):
            month = MONTHS[m[3]]
            if m[4]:
                start = dt.date(int(m[4]), month, int(m[1]))
            else:
                start = closest_year(int(m[1]), month, reference)
            return make(start, start.replace(day=int(m[2])) if m[2] else None)
        if m := re.fullmatch(r"(\d{1,2})(?:[-–](\d{1,2}))?/(\d{1,2})", surface):
            start = closest_year(int(m[1]), int(m[3]), reference)
            return make(start, start.replace(day=int(m[2])) if m[2] else None)
    except ValueError:
        return None
    return None  # not a well-formed date: the scheme's null


def reread_amount(surface: str) -> int | None:
    m = re.fullmatch(r"(\d{1,3}(?:[ .\u2009\u202f]\d{3})+|\d+)(?:,(\d+))?\s*([A-Za-z]+)", surface)
    if not m or m[3].lower() not in AMOUNT_UNITS:
        return None
    whole = int(re.sub(r"\D", "", m[1]))
    fraction = m[2] or ""
    factor = AMOUNT_UNITS[m[3].lower()]
    value = (whole * 10 ** len(fraction) + int(fraction or 0)) * factor
    if value % 10 ** len(fraction):
        return None
    return value // 10 ** len(fraction)


def municipality_names(repo: Path) -> set[str] | None:
    path = repo / "famhbg_nlp/pipes/municipalities/data/municipalities.tsv"
    if not path.is_file():
        return None
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row["name"] for row in csv.DictReader(lines, delimiter="\t")}


def check_value(entry: Entry, doc: Document, known_municipalities: set[str] | None) -> None:
    if entry.label == "DATE":
        expected = reread_date(surface_of(entry), doc.meeting_date)
        if expected != entry.value:
            raise AnnotationError(f"{entry.where()}: value {entry.value!r}, but the surface reads as {expected!r}")
    elif entry.label == "AMOUNT":
        expected = reread_amount(surface_of(entry))
        if expected != entry.value:
            raise AnnotationError(f"{entry.where()}: value {entry.value!r}, but the surface reads as {expected!r}")
    elif entry.label == "MUNICIPALITY":
        name = MUNICIPALITY_SUFFIX.sub("", surface_of(entry))
        if name not in (entry.value, entry.value + "s"):
            raise AnnotationError(f"{entry.where()}: surface does not spell the municipality {entry.value!r}")
        if known_municipalities is not None and entry.value not in known_municipalities:
            raise AnnotationError(f"{entry.where()}: {entry.value!r} is not one of Sweden's 290 municipalities")


# --------------------------------------------------------------------------- placing the spans

CONTEXT = re.compile(r"^(?P<before>.*?)\[\[(?P<surface>.+?)\]\](?P<after>.*)$")


def surface_of(entry: Entry) -> str:
    m = CONTEXT.match(entry.surface)
    return m["surface"] if m else entry.surface


def line_starts(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def place(
    doc: Document,
    text: str,
    known_municipalities: set[str] | None,
    *,
    check: Any = None,
    problems: list[str] | None = None,
) -> list[dict[str, Any]]:
    """The spans of ``doc`` with offsets in ``text``. ``check(entry, doc, known)`` validates a value
    (default :func:`check_value`). Without ``problems`` the first problem raises; with it, every problem
    is appended there and the entry skipped."""
    check = check or check_value
    starts = line_starts(text)
    spans: list[dict[str, Any]] = []
    cursor = 0
    for entry in doc.entries:
        try:
            span = _place_one(entry, doc, text, starts, cursor, known_municipalities, check)
        except AnnotationError as error:
            if problems is None:
                raise
            problems.append(str(error))
            continue
        spans.append(span)
        cursor = span["end"]
    return spans


def _place_one(
    entry: Entry, doc: Document, text: str, starts: list[int], cursor: int, known: set[str] | None, check: Any
) -> dict[str, Any]:
    """One entry placed at or after ``cursor`` on its declared line; raises on any problem."""
    if entry.line > len(starts):
        raise AnnotationError(f"{entry.where()}: the source has only {len(starts)} lines")
    line_start = starts[entry.line - 1]
    line_end = starts[entry.line] - 1 if entry.line < len(starts) else len(text)
    m = CONTEXT.match(entry.surface)
    if LINE_BREAK in entry.surface:
        return _place_broken(entry, doc, text, line_start, line_end, cursor, known, check)
    needle = (m["before"] + m["surface"] + m["after"]) if m else entry.surface
    offset_in_needle = len(m["before"]) if m else 0
    surface = surface_of(entry)
    found = text.find(needle, max(0, max(cursor, line_start) - offset_in_needle))
    if found < 0 or found + offset_in_needle >= line_end:
        raise AnnotationError(f"{entry.where()}: not found on its line after offset {cursor}")
    start = found + offset_in_needle
    end = start + len(surface)
    if start < cursor:
        raise AnnotationError(f"{entry.where()}: overlaps or precedes the previous span (ends at {cursor})")
    if end > line_end:
        raise AnnotationError(f"{entry.where()}: runs past the end of its line")
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        raise AnnotationError(f"{entry.where()}: starts or ends inside a word at {start}-{end}")
    if not (surface[0].isalnum() and surface[-1].isalnum()):
        raise AnnotationError(f"{entry.where()}: leading or trailing whitespace/punctuation")
    check(entry, doc, known)
    return {"start": start, "end": end, "label": entry.label, "value": entry.value}


LINE_BREAK = "\\n"  # in a surface: a line break and the whitespace around it (a name broken over lines)


def _place_broken(
    entry: Entry,
    doc: Document,
    text: str,
    line_start: int,
    line_end: int,
    cursor: int,
    known: set[str] | None,
    check: Any,
) -> dict[str, Any]:
    """An entry whose surface runs over a line break (``Carlos \\n González``): it must start on its line."""
    if CONTEXT.match(entry.surface):
        raise AnnotationError(f"{entry.where()}: a surface with a line break cannot take a [[context]]")
    parts = [part.strip() for part in entry.surface.split(LINE_BREAK)]
    if not all(parts):
        raise AnnotationError(f"{entry.where()}: empty part around a line break")
    pattern = re.compile(r"[^\S\n]*\n\s*".join(map(re.escape, parts)))
    match = pattern.search(text, max(cursor, line_start))
    if match is None or match.start() >= line_end:
        raise AnnotationError(f"{entry.where()}: not found from its line after offset {cursor}")
    start, end = match.span()
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        raise AnnotationError(f"{entry.where()}: starts or ends inside a word at {start}-{end}")
    if not (parts[0][0].isalnum() and parts[-1][-1].isalnum()):
        raise AnnotationError(f"{entry.where()}: leading or trailing whitespace/punctuation")
    check(entry, doc, known)
    return {"start": start, "end": end, "label": entry.label, "value": entry.value}


def check_alignment(doc_id: str, text: str, spans: list[dict[str, Any]]) -> list[str]:
    """Spans the project tokenizer cannot align strictly (an empty list when all align)."""
    try:
        import famhbg_nlp
    except ImportError:  # pragma: no cover - the tool runs inside the project venv
        print("warning: famhbg_nlp not importable, token alignment not checked", file=sys.stderr)
        return []
    doc = famhbg_nlp.blank()(text)
    return [
        f"{doc_id}: {span['label']} {text[span['start'] : span['end']]!r} at {span['start']}-{span['end']}"
        for span in spans
        if doc.char_span(span["start"], span["end"], alignment_mode="strict") is None
    ]


# --------------------------------------------------------------------------- output


def build(annotations: Path, seeds: Path, repo: Path) -> tuple[list[dict[str, Any]], list[str]]:
    known = municipality_names(repo)
    records, misaligned = [], []
    for path in sorted(annotations.glob("*.ann")):
        doc = read_ann(path)
        seed = seeds / doc.source
        text = open(seed, encoding="utf-8").read()  # exactly as the scheme reads it
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if not digest.startswith(SEED_SHA256.get(doc.source, "?")):
            raise AnnotationError(f"{seed}: content differs from the annotated version (sha256 {digest[:16]})")
        if not re.fullmatch(r"kdg-\d{4}-\d\d-\d\d", doc.id) or doc.id[4:] != doc.meeting_date.isoformat():
            raise AnnotationError(f"{path.name}: id must be kdg-<meeting date>, meeting date is {doc.meeting_date}")
        spans = place(doc, text, known)
        misaligned += check_alignment(doc.id, text, spans)
        records.append(
            {
                "id": doc.id,
                "text": text,
                "meta": {"source": doc.source, "meeting_date": doc.meeting_date.isoformat()},
                "spans": spans,
            }
        )
    return sorted(records, key=lambda record: record["id"]), misaligned


def serialize(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def write_atomic(path: Path, content: str) -> None:
    from famhbg_nlp.io_utils import write_atomic as write  # the package's writer: atomic, with the umask

    write(path, content)


def stats_table(records: list[dict[str, Any]], meta_columns: tuple[str, ...] = ("source",)) -> str:
    """Spans per label and document, a Markdown table with the ``meta`` fields ``meta_columns``."""
    rows = [
        "| document | " + "".join(f"{c} | " for c in meta_columns) + " | ".join(LABELS) + " | total |",
        "|---|" + "---|" * len(meta_columns) + "---:|" * (len(LABELS) + 1),
    ]
    totals: Counter[str] = Counter()
    for record in records:
        counts = Counter(span["label"] for span in record["spans"])
        totals.update(counts)
        rows.append(
            f"| {record['id']} | "
            + "".join(f"{record['meta'][c]} | " for c in meta_columns)
            + " | ".join(str(counts[label]) for label in LABELS)
            + f" | {sum(counts.values())} |"
        )
    rows.append(
        f"| **all ({len(records)})** | "
        + "| " * len(meta_columns)
        + " | ".join(f"**{totals[label]}**" for label in LABELS)
        + f" | **{sum(totals.values())}** |"
    )
    return "\n".join(rows)


def update_readme(readme: Path, table: str, markers: tuple[str, str] = (STATS_BEGIN, STATS_END)) -> None:
    """Replace the block between ``markers`` in ``readme`` with ``table``."""
    if not readme.is_file():
        return
    begin, end = markers
    content = readme.read_text(encoding="utf-8")
    if begin not in content or end not in content:
        print(f"warning: {readme} has no {begin} ... {end} block, table not written", file=sys.stderr)
        return
    head, rest = content.split(begin, 1)
    _, tail = rest.split(end, 1)
    write_atomic(readme, f"{head}{begin}\n{table}\n{end}{tail}")


def misses(records: list[dict[str, Any]]) -> str:
    """Every capitalised word and every number outside a span, by line, for a second reading."""
    out = []
    for record in records:
        text, spans = record["text"], record["spans"]
        covered = [False] * len(text)
        for span in spans:
            covered[span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
        starts = line_starts(text)
        out.append(f"== {record['id']} ({record['meta']['source']})")
        for number, start in enumerate(starts, start=1):
            end = starts[number] - 1 if number < len(starts) else len(text)
            words = [
                m.group()
                for m in re.finditer(r"\w[\w./:–-]*\w|\w", text[start:end])
                if not covered[start + m.start()] and (m.group()[0].isupper() or any(c.isdigit() for c in m.group()))
            ]
            if words:
                out.append(f"{number:4d}: " + " · ".join(words))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=Path, default=Path("corpus/annotations"))
    parser.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    parser.add_argument("--out", type=Path, default=Path("corpus/gold.jsonl"))
    parser.add_argument("--readme", type=Path, default=Path("corpus/README.md"))
    parser.add_argument("--repo", type=Path, default=Path("."))
    parser.add_argument("--check", action="store_true", help="validate only; fail if --out is out of date")
    parser.add_argument("--misses", action="store_true", help="print words outside spans for a second reading")
    args = parser.parse_args(argv)
    try:
        records, misaligned = build(args.annotations, args.seeds, args.repo)
    except (AnnotationError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for problem in misaligned:
        print(f"misaligned with the project tokenizer: {problem}", file=sys.stderr)
    if args.misses:
        print(misses(records))
        return 0
    content = serialize(records)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != content:
            print(f"error: {args.out} is out of date; rebuild with corpus/tools/annotate_seeds.py", file=sys.stderr)
            return 1
    else:
        write_atomic(args.out, content)
        update_readme(args.readme, stats_table(records))
    print(stats_table(records))
    return 1 if misaligned else 0


if __name__ == "__main__":
    sys.exit(main())
