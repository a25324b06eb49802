"""Helpers shared by test modules (on ``sys.path`` through ``pythonpath`` in pyproject.toml)."""

from __future__ import annotations

from famhbg_nlp.corpus import Record, SpanRecord


def record(doc_id: str, text: str, *items: tuple, meeting_date: str | None = "2021-04-19") -> Record:
    """A record whose spans are ``(substring, label[, value])`` at the substring's first occurrence."""
    spans = []
    for sub, label, *value in items:
        start = text.index(sub)
        spans.append(SpanRecord(start, start + len(sub), label, value[0] if value else None))
    meta = {} if meeting_date is None else {"meeting_date": meeting_date}
    return Record(id=doc_id, text=text, meta=meta, spans=spans)
