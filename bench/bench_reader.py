"""Speed of the PDF reader, in milliseconds per page, against pdfplumber, in one run.

Builds realistic minutes PDFs from the real texts in ``../shared`` with
:mod:`famhbg_nlp.testing` (a minutes system's PDF with a scanned page and a verification
page, a two-column summary, and, when LibreOffice is installed, Word templates saved as PDF
and e-signed), then reads every file with

* ``famhbg_nlp.readers.read_document`` (pypdfium2 characters, layout, furniture removal,
  hyphenation, page map),
* pdfplumber the way the previous reader did (``extract_words(use_text_flow=True)`` per page),
  and ``extract_text()`` per page,
* pypdfium2's plain text (``get_text_range`` per page): the floor, no layout at all.

Each file is read ``--repeat`` times per reader and the fastest time counts (the machine is
shared); wall-clock and CPU time are both reported. Writes ``bench/reader.json``::

    python bench/bench_reader.py            # all texts of ../shared/minutes and the seeds
    python bench/bench_reader.py --limit 10 # fewer, for a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET_MS_PER_PAGE = 10.0


def build(folder: Path, limit: int | None) -> dict[str, list[Path]]:
    """Generate the PDFs; returns them by layout."""
    from famhbg_nlp.testing import minutes_from_text, summary_from_text
    from famhbg_nlp.testing.office import convert_to_pdf, soffice
    from famhbg_nlp.testing.stamps import finish
    from famhbg_nlp.testing.system import esignature_pdf, write_system_pdf
    from famhbg_nlp.testing.word import write_docx

    texts = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "minutes").glob("*.txt"))
    texts = texts[:limit] if limit else texts
    appendix = (SHARED / "minutes" / "034-orebro-nff-2015-04-16.txt").read_text(encoding="utf-8")[:900]
    out: dict[str, list[Path]] = {"system": [], "columns": [], "word": []}
    minutes = [minutes_from_text(p.read_text(encoding="utf-8"), seed=k, appendix=appendix) for k, p in enumerate(texts)]
    for k, m in enumerate(minutes):
        out["system"].append(write_system_pdf(m, folder / f"system-{k:03d}.pdf").path)
    for k in range(0, len(texts) - 3, 4):  # four summaries to a two-column document
        text = "\n\n".join(p.read_text(encoding="utf-8") for p in texts[k : k + 4])
        summary = summary_from_text(text, seed=k)
        out["columns"].append(
            write_system_pdf(summary, folder / f"columns-{k:03d}.pdf", columns=2, scan=False, esign=False).path
        )
    if soffice() is not None:
        docx = [write_docx(m, folder / f"word-{k:03d}.docx") for k, m in enumerate(minutes)]
        for k, (m, pdf) in enumerate(zip(minutes, convert_to_pdf(docx, folder / "converted"))):
            out["word"].append(
                finish(pdf, folder / f"word-{k:03d}.pdf", stamp=m.furniture.stamp, append=esignature_pdf(m))
            )
    else:
        print(
            "LibreOffice not installed: no Word-template PDFs (apt-get install libreoffice-writer-nogui)",
            file=sys.stderr,
        )
    return {layout: paths for layout, paths in out.items() if paths}


def read_ours(path: Path) -> int:
    from famhbg_nlp.readers import read_document

    return len(read_document(path).text)


def read_pdfplumber_words(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(
            len(page.extract_words(keep_blank_chars=False, use_text_flow=True, x_tolerance=1.5)) for page in pdf.pages
        )


def read_pdfplumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def read_pypdfium2_text(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return sum(len(page.get_textpage().get_text_range()) for page in pdf)
    finally:
        pdf.close()


READERS: dict[str, Callable[[Path], int]] = {
    "famhbg_nlp.readers": read_ours,
    "pdfplumber extract_words (previous reader)": read_pdfplumber_words,
    "pdfplumber extract_text": read_pdfplumber_text,
    "pypdfium2 get_text_range (no layout)": read_pypdfium2_text,
}


def pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def time_reader(reader: Callable[[Path], int], paths: list[Path], repeat: int) -> tuple[float, float]:
    """Total wall-clock and CPU seconds, the fastest of ``repeat`` runs for each file."""
    wall = cpu = 0.0
    for path in paths:
        reader(path)  # warm: imports, file cache
        best_wall = best_cpu = float("inf")
        for _ in range(repeat):
            w, c = time.perf_counter(), time.process_time()
            reader(path)
            best_wall = min(best_wall, time.perf_counter() - w)
            best_cpu = min(best_cpu, time.process_time() - c)
        wall += best_wall
        cpu += best_cpu
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="Use only this many texts.")
    parser.add_argument("--repeat", type=int, default=3, help="Reads per file and reader; the fastest counts.")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "reader.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="famhbg-bench-reader-") as tmp:
        started = time.perf_counter()
        files = build(Path(tmp), args.limit)
        build_s = time.perf_counter() - started
        layouts: dict[str, dict[str, object]] = {}
        totals: dict[str, list[float]] = {name: [0.0, 0.0] for name in READERS}
        all_pages = 0
        for layout, paths in files.items():
            pages = sum(pages_of(p) for p in paths)
            all_pages += pages
            row: dict[str, object] = {"files": len(paths), "pages": pages}
            for name, reader in READERS.items():
                wall, cpu = time_reader(reader, paths, args.repeat)
                totals[name][0] += wall
                totals[name][1] += cpu
                row[name] = {
                    "ms_per_page": round(1000 * wall / pages, 2),
                    "cpu_ms_per_page": round(1000 * cpu / pages, 2),
                }
            layouts[layout] = row
            print(layout, json.dumps(row, ensure_ascii=False), file=sys.stderr)
    overall = {
        name: {"ms_per_page": round(1000 * w / all_pages, 2), "cpu_ms_per_page": round(1000 * c / all_pages, 2)}
        for name, (w, c) in totals.items()
    }
    ours = overall["famhbg_nlp.readers"]["ms_per_page"]
    previous = overall["pdfplumber extract_words (previous reader)"]["ms_per_page"]
    result = {
        "command": "python bench/bench_reader.py" + (f" --limit {args.limit}" if args.limit else ""),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "repeat": args.repeat,
        "build_seconds": round(build_s, 1),
        "pages": all_pages,
        "layouts": layouts,
        "all": overall,
        "target_ms_per_page": TARGET_MS_PER_PAGE,
        "meets_target": ours <= TARGET_MS_PER_PAGE,
        "speedup_vs_previous_reader": round(previous / ours, 1) if ours else None,
    }
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["all"], ensure_ascii=False, indent=2))
    print(f"famhbg_nlp.readers: {ours} ms/page (target <= {TARGET_MS_PER_PAGE}); previous reader {previous} ms/page")


if __name__ == "__main__":
    main()
