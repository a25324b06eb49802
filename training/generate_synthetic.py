"""Write seeded synthetic minutes as scheme JSON Lines.

    python training/generate_synthetic.py --n 200 --seed 0 --output training/output/synthetic.jsonl

A thin wrapper over :func:`famhbg_nlp.training.synthetic.generate_records`; the same seed
writes the same file.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write seeded synthetic minutes (scheme JSON Lines).")
    parser.add_argument("--n", type=int, default=200, help="number of documents (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--output", type=Path, required=True, help="the .jsonl file to write")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be 0 or more")

    from famhbg_nlp.corpus import write_records
    from famhbg_nlp.training.synthetic import generate_records

    started = time.perf_counter()
    records = generate_records(args.n, seed=args.seed)
    write_records(records, args.output)
    labels = Counter(span.label for record in records for span in record.spans)
    chars = sum(len(record.text) for record in records)
    print(
        f"{len(records)} documents, {chars} characters, "
        + ", ".join(f"{label} {count}" for label, count in sorted(labels.items()))
        + f" -> {args.output} ({time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
