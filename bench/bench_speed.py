"""Speed of the shipped pipeline against a bare spaCy ``--optimize efficiency`` NER pipeline.

Run from the repository root::

    python bench/bench_speed.py [--seeds ../shared/seeds] [--synthetic 200] [--json bench/speed.json]

Both pipelines run on the same texts (the seed protocols and synthetic documents), each in
a fresh subprocess so that load time and peak memory are its own. Words are counted as
whitespace-separated strings of the input, the same for both pipelines. The baseline is
``spacy init config --lang sv --pipeline ner --optimize efficiency``, initialized (untrained)
on the same data with the same five labels: an untrained model costs the same to run as a
trained one of the same architecture.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any


def texts_for_bench(seeds_dir: Path | None, n_synthetic: int, seed: int) -> list[str]:
    texts = []
    if seeds_dir is not None and seeds_dir.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    if n_synthetic:
        from famhbg_nlp.training.synthetic import generate_records

        texts += [r.text for r in generate_records(n_synthetic, seed=seed)]
    if not texts:
        raise SystemExit("No texts: give --seeds DIR with *.txt files and/or --synthetic N > 0.")
    return texts


def build_baseline(out_dir: Path, texts: list[str]) -> Path:
    """Write an initialized ``--optimize efficiency`` tok2vec+ner pipeline to ``out_dir``."""
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.training import Example

    from famhbg_nlp.defaults import LABELS

    config = init_config(lang="sv", pipeline=["ner"], optimize="efficiency", gpu=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    ner = nlp.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    examples = [Example(nlp.make_doc(t), nlp.make_doc(t)) for t in texts[:10]]
    nlp.initialize(lambda: examples)
    nlp.to_disk(out_dir)
    return out_dir


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _measure(kind: str, path: str | None, texts: list[str], rounds: int, batch_size: int) -> dict[str, Any]:
    """In a child process: load, warm up, time ``rounds`` passes."""
    import spacy

    import famhbg_nlp

    started = time.perf_counter()
    nlp = famhbg_nlp.load() if kind == "shipped" else spacy.load(path)
    load_s = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5], batch_size=batch_size))  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        times.append(time.perf_counter() - started)
    # memory in one more pass, untimed (tracing slows Python down)
    tracemalloc.start()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    best = min(times)
    return {
        "pipeline": list(nlp.pipe_names),
        "words": words,
        "docs": len(texts),
        "load_s": round(load_s, 3),
        "seconds_best": round(best, 3),
        "seconds_median": round(statistics.median(times), 3),
        "words_per_second": round(words / best, 1),
        "peak_rss_mb": round(rss / 1024, 1),
        "peak_traced_mb": round(traced_peak / 2**20, 1),
    }


def measure(kind: str, path: Path | None, texts: list[str], rounds: int, batch_size: int) -> dict[str, Any]:
    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(_measure, kind, None if path is None else str(path), texts, rounds, batch_size).result()


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=Path("../shared/seeds"), help="Directory of *.txt protocols.")
    parser.add_argument("--synthetic", type=int, default=200, help="Synthetic documents added to the texts.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3, help="Timed passes over the texts (best is reported).")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", type=Path, default=None, help="A pipeline directory instead of the shipped one.")
    parser.add_argument("--json", type=Path, default=None, help="Write the results here.")
    args = parser.parse_args(argv)

    import famhbg_nlp
    from famhbg_nlp.pipeline import shipped_model_path

    texts = texts_for_bench(args.seeds, args.synthetic, args.seed)
    ours_path = args.model or shipped_model_path()
    with tempfile.TemporaryDirectory() as tmp:
        base_path = build_baseline(Path(tmp) / "baseline", texts)
        baseline = measure("path", base_path, texts, args.rounds, args.batch_size)
        baseline["size_mb"] = round(dir_size(base_path) / 2**20, 2)
        ours = measure("path" if args.model else "shipped", args.model, texts, args.rounds, args.batch_size)
        ours["size_mb"] = None if ours_path is None else round(dir_size(Path(ours_path)) / 2**20, 2)
    result = {
        "famhbg_nlp": famhbg_nlp.__version__,
        "model": None if ours_path is None else str(ours_path),
        "ours": ours,
        "baseline_efficiency": baseline,
        "speed_ratio": round(ours["words_per_second"] / baseline["words_per_second"], 3),
    }
    rows = [
        ("pipeline", " ".join(ours["pipeline"]), " ".join(baseline["pipeline"])),
        ("words/s", ours["words_per_second"], baseline["words_per_second"]),
        ("load s", ours["load_s"], baseline["load_s"]),
        ("peak RSS MB", ours["peak_rss_mb"], baseline["peak_rss_mb"]),
        ("peak traced MB", ours["peak_traced_mb"], baseline["peak_traced_mb"]),
        ("size on disk MB", ours["size_mb"], baseline["size_mb"]),
    ]
    width = max(len(str(r[1])) for r in rows)
    print(f"{len(texts)} docs, {ours['words']} words, best of {args.rounds} passes")
    print(f"{'':16}  {'famhbg':>{width}}  efficiency-baseline")
    for name, a, b in rows:
        print(f"{name:16}  {str(a):>{width}}  {b}")
    print(f"speed ratio (famhbg / baseline): {result['speed_ratio']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
