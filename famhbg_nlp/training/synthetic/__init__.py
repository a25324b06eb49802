"""Seeded synthetic minutes of Swedish municipal bodies and collaborations, for training the NER.

    >>> from famhbg_nlp.training.synthetic import generate_records
    >>> records = generate_records(200, seed=0)   # list[famhbg_nlp.corpus.Record]

Every span's offsets are recorded while its text is appended (never searched for afterwards);
values follow the annotation scheme, DATE values relative to ``meta.meeting_date``. Document
``i`` of a seed depends only on ``(seed, i)``: the same seed gives the same records, and a
shorter run is a prefix of a longer one.
"""

from __future__ import annotations

import random

from .documents import build_document
from .lexicon import load_lexicon
from .validate import record_problems, span_problems

__all__ = ["generate_dicts", "generate_records", "record_problems", "span_problems"]


class GeneratorError(RuntimeError):
    """A generated document broke the scheme's span rules (a bug of the generator)."""


def _rng(seed: int, index: int) -> random.Random:
    # string seeds go through SHA-512: stable across processes and PYTHONHASHSEED
    return random.Random(f"famhbg-synthetic/{seed}/{index}")


def generate_dicts(n: int, *, seed: int = 0) -> list[dict]:
    """``n`` records in the scheme's JSON form (``id``, ``text``, ``meta``, ``spans``)."""
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n}.")
    lexicon = load_lexicon()
    out = []
    for index in range(n):
        text, spans, meta = build_document(_rng(seed, index), lexicon, index=index)
        record = {"id": f"synthetic-{seed}-{index:05d}", "text": text, "meta": {**meta, "seed": seed}, "spans": spans}
        problems = span_problems(text, spans)
        if problems:
            raise GeneratorError(f"synthetic document {record['id']}: {problems[0]} ({len(problems)} problem(s)).")
        out.append(record)
    return out


def generate_records(n: int, *, seed: int = 0) -> list:
    """``n`` synthetic :class:`famhbg_nlp.corpus.Record` objects; the same seed gives the same records."""
    from ...corpus import Record

    return [Record.from_dict(data) for data in generate_dicts(n, seed=seed)]
