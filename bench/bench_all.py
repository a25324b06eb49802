"""Speed and scale of famhbg-nlp in one run: every number of issue 13 from one command.

    python bench/bench_all.py [--json bench/all.json] [--quick] [--only speed,tokenizer] [--rounds 9]

Prints, and writes as JSON:

* ``imports``: ``famhbg --version`` and ``import famhbg_nlp`` (wall seconds, best of 5), and
  whether torch is imported by loading and running the shipped pipeline;
* ``tokenizer``: CPU time of the project tokenizer against spaCy's own Swedish one;
* ``speed``: words per second of the full shipped pipeline against a bare spaCy
  ``--optimize efficiency`` tok2vec+ner (:mod:`bench_speed`'s baseline), both in one process,
  their passes interleaved so that the machine's load falls on both alike;
* ``parallel``: ``famhbg extract DIR -j 1`` against ``-j 2`` on 200 documents of four real minutes
  texts each (wall seconds of the whole command, loading included, and the CPU seconds it got:
  on a machine others share, ``-j 2`` can only be as fast as the cores it is given);
* ``long_document``: a 2 MB text (real minutes end to end): seconds and peak memory of
  ``famhbg_nlp.extract.extract_files`` on it in a fresh process;
* ``pdf``: milliseconds per PDF page of the reader (:mod:`bench_reader`'s generated minutes PDFs)
  and of the whole extraction (read, pipeline, protocol);
* ``ray``: :func:`famhbg_nlp.extract_dataset` on the 200 documents with 1 and 2 workers on a
  local Ray (documents per second, Ray and actor start included).

The machine's load average is recorded next to the numbers: on a shared machine they move.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))

#: Targets of issue 13.
TARGETS = {
    "version_s": 0.5,
    "import_s": 1.0,
    "speed_ratio": 1.3,
    "parallel_speedup_2": 1.7,
    "long_document_s": 60.0,
    "long_document_mb": 2048.0,
}
#: The sections of a run, in order (``--only`` picks some).
SECTIONS = ("imports", "tokenizer", "speed", "parallel", "long_document", "pdf", "ray")
LONG_CHARS = 2_000_000


def minutes_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((SHARED / "minutes").glob("*.txt"))]


def load() -> float:
    return round(os.getloadavg()[0], 2)


def run(command: list[str], **kwargs: Any) -> float:
    """Wall seconds of a command (it must succeed, or exit 1 for partly failed input)."""
    return run_cpu(command, **kwargs)[0]


def run_cpu(command: list[str], **kwargs: Any) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the command and all its processes) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def child(code: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- sections ------------------------------------------------------------------------------------


def bench_imports() -> dict[str, Any]:
    famhbg = shutil.which("famhbg") or str(Path(sys.executable).parent / "famhbg")
    version = min(run([famhbg, "--version"]) for _ in range(5))
    imported = min(run([sys.executable, "-c", "import famhbg_nlp"]) for _ in range(5))
    torch = child(
        "import sys, json, famhbg_nlp\n"
        "famhbg_nlp.load()('Närvarande: Anna Berg, Båstad, den 5 april 2021.')\n"
        "print(json.dumps({'torch': 'torch' in sys.modules}))"
    )["torch"]
    return {"famhbg_version_s": round(version, 3), "import_famhbg_nlp_s": round(imported, 3), "torch_imported": torch}


def bench_tokenizer(rounds: int) -> dict[str, Any]:
    return child(
        "import json, time, spacy, famhbg_nlp\n"
        "from pathlib import Path\n"
        f"texts = [p.read_text(encoding='utf-8') for p in sorted(Path({str(SHARED / 'minutes')!r}).glob('*.txt'))]\n"
        "def once(make):\n"
        "    nlp = make()\n"
        "    t = time.process_time()\n"
        "    for text in texts: nlp.tokenizer(text)\n"
        "    return time.process_time() - t\n"
        "spacy_s, ours_s = [], []\n"
        f"for _ in range({rounds}):\n"
        "    spacy_s.append(once(lambda: spacy.blank('sv'))); ours_s.append(once(famhbg_nlp.blank))\n"
        "print(json.dumps({'spacy_sv_cpu_s': round(min(spacy_s), 4), 'project_cpu_s': round(min(ours_s), 4),\n"
        "                  'ratio': round(min(ours_s) / min(spacy_s), 3)}))"
    )


def bench_speed(rounds: int, synthetic: int) -> dict[str, Any]:
    from bench_speed import build_baseline, texts_for_bench

    texts = texts_for_bench(SHARED / "seeds", synthetic, 0)
    with tempfile.TemporaryDirectory(prefix="famhbg-bench-") as tmp:
        base = build_baseline(Path(tmp) / "baseline", texts)
        (Path(tmp) / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        result = child(
            "import json, time, spacy, statistics, famhbg_nlp\n"
            f"texts = json.load(open({str(Path(tmp) / 'texts.json')!r}, encoding='utf-8'))\n"
            "words = sum(len(t.split()) for t in texts)\n"
            f"pipes = {{'shipped': famhbg_nlp.load(), 'baseline': spacy.load({str(base)!r})}}\n"
            "for nlp in pipes.values(): list(nlp.pipe(texts[:5]))\n"
            "times = {name: [] for name in pipes}\n"
            f"for _ in range({rounds}):\n"
            "    for name, nlp in pipes.items():\n"
            "        t = time.perf_counter()\n"
            "        for _doc in nlp.pipe(texts, batch_size=64): pass\n"
            "        times[name].append(time.perf_counter() - t)\n"
            "ratios = [b / s for s, b in zip(times['shipped'], times['baseline'])]\n"
            "print(json.dumps({'docs': len(texts), 'words': words,\n"
            "    'shipped_pipeline': pipes['shipped'].pipe_names, 'baseline_pipeline': pipes['baseline'].pipe_names,\n"
            "    'shipped_words_per_s': round(words / min(times['shipped']), 1),\n"
            "    'baseline_words_per_s': round(words / min(times['baseline']), 1),\n"
            "    'ratio_best': round(min(times['baseline']) / min(times['shipped']), 3),\n"
            "    'ratio_median_of_pairs': round(statistics.median(ratios), 3), 'rounds': len(ratios)}))"
        )
    return result


#: Real minutes texts per benchmark document (the shared texts are excerpts of 1-2 pages; four
#: of them, page breaks between, make a document of about 7,000 characters and 4 pages).
TEXTS_PER_DOCUMENT = 4


def write_documents(folder: Path, n: int) -> list[Path]:
    """``n`` minutes files, each :data:`TEXTS_PER_DOCUMENT` real texts in turn (no two files alike)."""
    texts = minutes_texts()
    paths = []
    for k in range(n):
        parts = [texts[(k * TEXTS_PER_DOCUMENT + j) % len(texts)] for j in range(TEXTS_PER_DOCUMENT)]
        path = folder / f"{k:03d}.txt"
        path.write_text("\n\n\f".join(parts) + f"\n\n(dokument {k})\n", encoding="utf-8")
        paths.append(path)
    return paths


def bench_parallel(folder: Path, rounds: int) -> dict[str, Any]:
    famhbg = shutil.which("famhbg") or str(Path(sys.executable).parent / "famhbg")
    times: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    load_before = load()
    for _ in range(rounds):
        for jobs in (1, 2):
            out = folder.parent / f"j{jobs}.jsonl"
            command = [famhbg, "extract", str(folder), "-j", str(jobs), "-q", "-f", "jsonl", "-o", str(out)]
            times[jobs].append(run_cpu(command))
    best = {jobs: min(values) for jobs, values in times.items()}
    # the part that does not divide: starting the command and loading the pipeline (one document)
    one = folder.parent / "one"
    one.mkdir(exist_ok=True)
    shutil.copy(sorted(folder.iterdir())[0], one / "one.txt")
    _, serial = run_cpu([famhbg, "extract", str(one), "-q", "-f", "jsonl", "-o", str(folder.parent / "one.jsonl")])
    projected = best[1][0] / (serial + (best[2][1] - serial) / 2)
    return {
        # a projection from CPU seconds, not a measurement: -j 2's CPU work, all but the start-up
        # shared by two cores, against -j 1's wall time
        "speedup_2_projected_on_2_free_cores": round(projected, 3),
        "startup_cpu_s": round(serial, 2),
        "documents": len(list(folder.iterdir())),
        "chars": sum(p.stat().st_size for p in folder.iterdir()),
        "j1_s": round(best[1][0], 2),
        "j2_s": round(best[2][0], 2),
        "speedup_2": round(best[1][0] / best[2][0], 3),
        # CPU seconds of the whole command; divided by the wall time: the cores the machine gave it
        "j1_cpu_s": round(best[1][1], 2),
        "j2_cpu_s": round(best[2][1], 2),
        "j1_cores_used": round(best[1][1] / best[1][0], 2),
        "j2_cores_used": round(best[2][1] / best[2][0], 2),
        "load_average_before_after": [load_before, load()],
    }


def bench_long(folder: Path) -> dict[str, Any]:
    texts = minutes_texts()
    joined = "\n\n\f".join(texts)
    text = (joined * (LONG_CHARS // len(joined) + 1))[:LONG_CHARS]
    path = folder / "long.txt"
    path.write_text(text, encoding="utf-8")
    return child(
        "import json, resource, time, famhbg_nlp\n"
        "from famhbg_nlp.extract import extract_files\n"
        "t = time.perf_counter(); nlp = famhbg_nlp.load(); load_s = time.perf_counter() - t\n"
        "t, c = time.perf_counter(), time.process_time()\n"
        f"[result] = extract_files([{str(path)!r}], nlp=nlp)\n"
        "wall, cpu = time.perf_counter() - t, time.process_time() - c\n"
        "print(json.dumps({'chars': len(result.text), 'entities': len(result.protocol.entities),\n"
        "    'items': len(result.protocol.items), 'load_s': round(load_s, 2), 'seconds': round(wall, 2),\n"
        "    'cpu_seconds': round(cpu, 2),\n"
        "    'peak_rss_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))"
    )


def bench_pdf(folder: Path, limit: int) -> dict[str, Any]:
    from bench_reader import build, pages_of, read_ours, time_reader

    files = build(folder, limit)
    paths = files["system"] + files["columns"]
    pages = sum(pages_of(p) for p in paths)
    wall, cpu = time_reader(read_ours, paths, 2)
    listing = folder / "pdfs.json"
    listing.write_text(json.dumps([str(p) for p in paths]), encoding="utf-8")
    whole = child(
        "import json, time, famhbg_nlp\n"
        "from famhbg_nlp.extract import extract_files\n"
        f"paths = json.load(open({str(listing)!r}))\n"
        "nlp = famhbg_nlp.load(); list(extract_files(paths[:1], nlp=nlp))\n"
        "t, c = time.perf_counter(), time.process_time()\n"
        "results = list(extract_files(paths, nlp=nlp))\n"
        "print(json.dumps({'seconds': time.perf_counter() - t, 'cpu_seconds': time.process_time() - c,\n"
        "    'words': sum(len(r.text.split()) for r in results if hasattr(r, 'text'))}))"
    )
    return {
        "files": len(paths),
        "pages": pages,
        "reader_ms_per_page": round(1000 * wall / pages, 2),
        "reader_cpu_ms_per_page": round(1000 * cpu / pages, 2),
        "extraction_ms_per_page": round(1000 * whole["seconds"] / pages, 2),
        "extraction_cpu_ms_per_page": round(1000 * whole["cpu_seconds"] / pages, 2),
        "words_per_page": round(whole["words"] / pages, 1),
    }


def bench_ray(folder: Path) -> dict[str, Any]:
    try:
        import ray
    except ImportError:
        return {"skipped": 'Ray is not installed (pip install "famhbg-nlp[ray]")'}
    from famhbg_nlp import extract_dataset

    out: dict[str, Any] = {"documents": len(list(folder.iterdir()))}
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        for workers in (1, 2):
            with tempfile.TemporaryDirectory(prefix="famhbg-bench-ray-") as tables:
                summary = extract_dataset(folder, tables, num_workers=workers, progress=False)
            out[f"workers_{workers}"] = {
                "seconds": round(summary.seconds, 2),
                "documents_per_s": round(summary.documents_per_second, 2),
                "failures": summary.failures,
            }
    finally:
        ray.shutdown()
    out["speedup_2"] = round(out["workers_2"]["documents_per_s"] / out["workers_1"]["documents_per_s"], 3)
    return out


# --- report --------------------------------------------------------------------------------------


def report(result: dict[str, Any]) -> str:
    i, t, s, p, g, f, r = (
        result[k] for k in ("imports", "tokenizer", "speed", "parallel", "long_document", "pdf", "ray")
    )
    lines = [
        f"machine: {result['machine']['cpus']} CPUs, load average {result['machine']['load_average_start']} at the start",
        f"famhbg --version            {i['famhbg_version_s']:>9} s     (target < {TARGETS['version_s']})",
        f"import famhbg_nlp           {i['import_famhbg_nlp_s']:>9} s     (target < {TARGETS['import_s']}); "
        f"torch imported by the shipped pipeline: {i['torch_imported']}",
        f"tokenizer / spaCy sv (CPU)  {t['ratio']:>9}       (target <= 1.0)",
        f"words/s shipped             {s['shipped_words_per_s']:>9}",
        f"words/s bare baseline       {s['baseline_words_per_s']:>9}",
        f"  ratio (best / median)     {s['ratio_best']:>9} / {s['ratio_median_of_pairs']} (target >= {TARGETS['speed_ratio']})",
        f"-j 1 / -j 2, {p['documents']} documents {p['j1_s']:>6} s / {p['j2_s']} s: {p['speedup_2']}x "
        f"(target >= {TARGETS['parallel_speedup_2']}); cores obtained {p['j1_cores_used']} / {p['j2_cores_used']}, "
        f"CPU {p['j1_cpu_s']} s / {p['j2_cpu_s']} s, load {p['load_average_before_after']}; projected on 2 free "
        f"cores from the CPU seconds: {p['speedup_2_projected_on_2_free_cores']}x",
        f"2 MB document               {g['seconds']:>9} s, {g['peak_rss_mb']} MB peak "
        f"(targets < {TARGETS['long_document_s']} s, < {TARGETS['long_document_mb']} MB); CPU {g['cpu_seconds']} s",
        f"PDF reader                  {f['reader_ms_per_page']:>9} ms/page; whole extraction "
        f"{f['extraction_ms_per_page']} ms/page ({f['pages']} pages, {f['words_per_page']} words/page)",
    ]
    if "skipped" in r:
        lines.append(f"Ray                         skipped: {r['skipped']}")
    else:
        lines.append(
            f"Ray, {r['documents']} documents   1 worker {r['workers_1']['documents_per_s']} docs/s, "
            f"2 workers {r['workers_2']['documents_per_s']} docs/s: {r['speedup_2']}x (start-up included)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=None, help="Where to write the JSON (default bench/all.json).")
    parser.add_argument("--quick", action="store_true", help="Fewer rounds and documents (a smoke run).")
    parser.add_argument(
        "--only",
        type=lambda value: [name.strip() for name in value.split(",") if name.strip()],
        default=None,
        metavar="SECTIONS",
        help=f"Run only these sections (comma-separated: {', '.join(SECTIONS)}); prints their JSON, no summary, "
        "and writes no JSON file unless --json is given.",
    )
    parser.add_argument(
        "--rounds", type=int, default=None, help="Timed passes of each pipeline in the speed section (default 3)."
    )
    args = parser.parse_args(argv)
    if args.only is not None:
        unknown = sorted(set(args.only) - set(SECTIONS))
        if unknown:
            parser.error(f"unknown section(s): {', '.join(unknown)} (known: {', '.join(SECTIONS)})")
    elif args.json is None:
        args.json = ROOT / "bench" / "all.json"
    rounds = 1 if args.quick else 3
    started = time.perf_counter()
    result: dict[str, Any] = {
        "command": "python bench/bench_all.py"
        + (" --quick" if args.quick else "")
        + (f" --only {','.join(args.only)}" if args.only is not None else "")
        + (f" --rounds {args.rounds}" if args.rounds else ""),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_start": load(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "targets": TARGETS,
    }
    with tempfile.TemporaryDirectory(prefix="famhbg-bench-all-") as tmp:
        work = Path(tmp)
        documents = work / "documents"
        documents.mkdir()
        write_documents(documents, 40 if args.quick else 200)
        sections = {
            "imports": bench_imports,
            "tokenizer": lambda: bench_tokenizer(3 if args.quick else 9),
            "speed": lambda: bench_speed(args.rounds or rounds, 40 if args.quick else 200),
            "parallel": lambda: bench_parallel(documents, 1 if args.quick else 2),
            "long_document": lambda: bench_long(work),
            "pdf": lambda: bench_pdf(work / "pdf", 4 if args.quick else 12),
            "ray": lambda: bench_ray(documents),
        }
        for name, section in sections.items():
            if args.only is not None and name not in args.only:
                continue
            t = time.perf_counter()
            result[name] = section()
            result[name]["bench_seconds"] = round(time.perf_counter() - t, 1)
            print(f"{name}: {json.dumps(result[name], ensure_ascii=False)}", file=sys.stderr, flush=True)
    result["machine"]["load_average_end"] = load()
    result["seconds"] = round(time.perf_counter() - started, 1)
    if args.only is not None:
        print(json.dumps({name: result[name] for name in args.only} | {"machine": result["machine"]}, indent=2))
        if args.json:
            args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return result
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
