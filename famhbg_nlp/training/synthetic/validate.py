"""The scheme's edge rules, checked on every generated span (a failure is a generator bug).

Stricter than the corpus validator on purpose: a synthetic span must also start and end on
a word boundary and a MUNICIPALITY value must be a canonical name of the gazetteer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ...defaults import LABELS
from ...labels import iso_date, value_problem
from .lexicon import load_lexicon


def span_problems(text: str, spans: Iterable[Mapping[str, Any]]) -> list[str]:
    """One message per broken rule: bounds, label, edges, word boundaries, overlap, value."""
    municipalities = frozenset(m.name for m in load_lexicon().municipalities)
    problems: list[str] = []
    end_so_far = -1
    for span in sorted(spans, key=lambda s: (s["start"], s["end"])):
        start, end, label = span["start"], span["end"], span["label"]
        where = f"span {start}-{end} {label} {text[start:end]!r}"
        if not 0 <= start < end <= len(text):
            problems.append(f"{where}: outside the text")
            continue
        if label not in LABELS:
            problems.append(f"{where}: unknown label")
        if not (text[start].isalnum() and text[end - 1].isalnum()):
            problems.append(f"{where}: whitespace or punctuation at an edge")
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            problems.append(f"{where}: starts or ends inside a word")
        if start < end_so_far:
            problems.append(f"{where}: overlaps the span before it")
        end_so_far = max(end_so_far, end)
        reason = value_problem(label, span.get("value"), canonical={"MUNICIPALITY": municipalities})
        if reason:
            problems.append(f"{where}: {reason}")
    return problems


def record_problems(record: Any) -> list[str]:
    """:func:`span_problems` of a :class:`~famhbg_nlp.corpus.Record` (or its dict form)."""
    data = record.to_dict() if hasattr(record, "to_dict") else record
    problems = span_problems(data["text"], data["spans"])
    meta = data.get("meta") or {}
    if meta.get("source") != "synthetic" or iso_date(meta.get("meeting_date")) is None:
        problems.append("meta needs source 'synthetic' and an ISO meeting_date")
    return problems
