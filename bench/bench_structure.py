"""Speed of the protocol parser on long minutes (30-80 pages), in seconds per page, in one run.

Two kinds of long protocols are built from the real texts in ``../shared``:

* ``text``: a real cover page (place and time, attendance, signatures) followed by the § sections
  of the real minutes, taken from their bodies, renumbered so that they ascend, and repeated until
  the protocol has the pages asked for; a page (about 3,000 characters) ends with the page
  furniture of printed minutes (``SAMMANTRÄDESPROTOKOLL`` / ``Sida n (m)`` / ``Justerandes
  signatur``);
* ``pdf``: the reading issue's generator (:func:`famhbg_nlp.testing.minutes_from_text`,
  :func:`famhbg_nlp.testing.system.write_system_pdf`): a minutes system's PDF (cover table with
  tabs, attendance table, table of contents, § sections holding the paragraphs of the real
  summaries, page headers and footers, a signature page), read back with
  :func:`famhbg_nlp.readers.read_document`.

Each protocol is run through the shipped pipeline once (``famhbg_nlp.load()``) and its layout is
then parsed (``famhbg_nlp.protocol.parse_doc``) ``--repeat`` times; the fastest parse counts (the
machine is shared). The script checks that every § section is found as an item of the body, with
its number, and for the generated PDFs that the attendees, chair, secretary and adjusters are the
generator's; it reports the pipeline's time per page too (not part of the target).

Writes ``bench/structure.json``::

    python bench/bench_structure.py                     # 30, 55 and 80 pages, both kinds
    python bench/bench_structure.py --pages 40 --kinds text
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET_S_PER_PAGE = 0.05
PAGE_CHARS = 3000
#: Characters of source text a page of the generated PDF holds (its cover, tables and margins take the rest).
PDF_PAGE_CHARS = 2400
#: Real minutes whose cover page opens the long protocols (chosen for a full cover: attendance,
#: officers, signatures).
COVERS = ("067-hassleholm-mn-2012-09-26.txt", "013-nykvarn-kf-2017-06-21.txt", "002-alvsbyn-myn-2013-04-04.txt")
_HEADING = re.compile(r"(?m)^[^\n]{0,20}§\s*\d+[^\n]*$")


def sections(nlp) -> list[tuple[str, str]]:
    """(title, body) of every § section of the real minutes whose body the parser reads as an item."""
    from famhbg_nlp.protocol import parse_doc

    out: list[tuple[str, str]] = []
    for path in sorted((SHARED / "minutes").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for item in parse_doc(nlp(text)).items:
            if item.number is None or not item.title:
                continue
            body = text[item.start : item.end].split("\n", 1)[-1].strip()
            body = _HEADING.sub("", body).strip()
            if len(body) > 200:
                out.append((item.title, body))
    return out


def cover(name: str) -> str:
    """The cover page of a real protocol: its text up to its first § section."""
    text = (SHARED / "minutes" / name).read_text(encoding="utf-8")
    m = re.search(r"(?m)^[^\n]{0,12}§\s*\d+", text)
    return text[: m.start()] if m else text[:2500]


def build(pages: int, cover_text: str, found: list[tuple[str, str]], first: int) -> tuple[str, list[str], int]:
    """A protocol of about ``pages`` pages: the cover, then § sections numbered from ``first``."""
    parts = [cover_text.rstrip(), ""]
    numbers: list[str] = []
    size = len(cover_text)
    k = 0
    page = 1
    while size < pages * PAGE_CHARS:
        title, body = found[k % len(found)]
        number = str(first + k)
        section = f"§ {number} {title}\n\n{body}\n"
        parts.append(section)
        numbers.append(number)
        size += len(section)
        k += 1
        if size > page * PAGE_CHARS:
            page += 1
            parts.append(f"SAMMANTRÄDESPROTOKOLL\nSida {page} ({pages})\nJusterandes signatur Utdragsbestyrkande\n")
    return "\n".join(parts), numbers, page


def summaries() -> list[str]:
    """Paragraphs of the real summaries (``kind`` ``summary`` in SOURCES.md) that hold no § heading."""
    kinds: dict[str, str] = {}
    for line in (SHARED / "minutes" / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 9 and cells[1].endswith(".txt"):
            kinds[cells[1]] = cells[8]
    out = []
    for name, kind in sorted(kinds.items()):
        if kind == "summary":
            text = (SHARED / "minutes" / name).read_text(encoding="utf-8")
            out += [p for p in re.split(r"\n\s*\n", text) if len(p) > 80 and not re.search(r"§\s*\d", p)]
    return out


def generated_pdf(pages: int, folder: Path):
    """A minutes system's PDF of about ``pages`` pages, read back: (text, expected numbers, minutes, pages)."""
    from famhbg_nlp.readers import read_document
    from famhbg_nlp.testing import minutes_from_text
    from famhbg_nlp.testing.system import write_system_pdf

    paragraphs = summaries()
    body = "\n\n".join(paragraphs * (1 + pages * PAGE_CHARS // max(1, sum(map(len, paragraphs)))))
    minutes = minutes_from_text(body[: pages * PDF_PAGE_CHARS], seed=pages, sections=2 * pages)
    path = folder / f"minutes-{pages}.pdf"
    typeset = write_system_pdf(minutes, path, scan=False)
    numbers = [b.text.split()[1] for b in minutes.blocks if type(b).__name__ == "Heading" and b.text.startswith("§ ")]
    return read_document(path).text, numbers, minutes, typeset.pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[30, 55, 80])
    parser.add_argument("--kinds", nargs="*", default=["text", "pdf"], choices=["text", "pdf"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "structure.json")
    args = parser.parse_args(argv)

    import famhbg_nlp
    from famhbg_nlp.protocol import parse_doc

    nlp = famhbg_nlp.load()
    found = sections(nlp) if "text" in args.kinds else []
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds:
            for n, pages in enumerate(args.pages):
                minutes = None
                if kind == "text":
                    text, numbers, real_pages = build(pages, cover(COVERS[n % len(COVERS)]), found, first=100)
                else:
                    text, numbers, minutes, real_pages = generated_pdf(pages, Path(tmp))
                t0 = time.perf_counter()
                doc = nlp(text)
                pipeline_s = time.perf_counter() - t0
                best = float("inf")
                protocol = None
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    protocol = parse_doc(doc)
                    best = min(best, time.perf_counter() - t0)
                assert protocol is not None
                got = [i.number for i in protocol.items]
                row = {
                    "kind": kind,
                    "pages": real_pages,
                    "characters": len(text),
                    "sections": len(numbers),
                    "items_found": sum(1 for a, b in zip(got, numbers) if a == b),
                    "items_exact": got == numbers,
                    "parse_s": round(best, 4),
                    "parse_s_per_page": round(best / real_pages, 5),
                    "pipeline_s_per_page": round(pipeline_s / real_pages, 4),
                }
                if minutes is not None:  # the generator knows who attended and who signs
                    row["attendees_exact"] = {a.name for a in protocol.attendees} == set(minutes.names)
                    row["officers_exact"] = (protocol.chair, protocol.secretary, list(protocol.adjusters)) == (
                        minutes.names[0],
                        minutes.names[6],
                        [minutes.names[2]],
                    )
                rows.append(row)
                checks = "".join(
                    f"  {k.replace('_exact', '')} {'ok' if row[k] else 'WRONG'}" for k in row if k.endswith("_exact")
                )
                print(
                    f"{kind:4s} {row['pages']:3d} pages  {row['sections']:4d} § sections  items "
                    f"{row['items_found']}/{row['sections']}{checks}  parse {row['parse_s']:.3f} s = "
                    f"{row['parse_s_per_page']:.4f} s/page  (pipeline {row['pipeline_s_per_page']:.3f} s/page)"
                )
    worst = max(r["parse_s_per_page"] for r in rows)
    ok = worst <= TARGET_S_PER_PAGE and all(r[k] for r in rows for k in r if k.endswith("_exact"))
    print(f"worst {worst:.4f} s/page, target {TARGET_S_PER_PAGE} s/page: {'met' if ok else 'NOT met'}")
    args.output.write_text(
        json.dumps(
            {
                "target_s_per_page": TARGET_S_PER_PAGE,
                "machine": {"python": platform.python_version(), "platform": platform.platform()},
                "runs": rows,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
