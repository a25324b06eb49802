"""The corpus record: one document, its text, its metadata and its annotated spans.

The on-disk form is the annotation scheme's JSON Lines record
(``{"id", "text", "meta", "spans": [{"start", "end", "label", "value"}]}``).
:meth:`Record.from_dict` checks the *shape* of a record (types, required fields);
:func:`check_record` checks what every tool needs to trust its spans (inside the
text, known labels, no overlaps). :mod:`famhbg_nlp.corpus.validate` adds the
scheme's finer rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..defaults import LABELS


class CorpusError(Exception):
    """Bad corpus input; ``str()`` is one sentence naming file, line, document and offset.

    ``path``, ``line``, ``doc_id`` and ``offset`` are ``None`` where unknown.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        doc_id: str | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.doc_id = doc_id
        self.offset = offset

    def located(
        self, *, path: str | Path | None = None, line: int | None = None, doc_id: str | None = None
    ) -> CorpusError:
        """A copy with the location fields that are still unknown filled in."""
        return CorpusError(
            self.message,
            path=self.path if self.path is not None else path,
            line=self.line if self.line is not None else line,
            doc_id=self.doc_id if self.doc_id is not None else doc_id,
            offset=self.offset,
        )

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(self.path)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.doc_id is not None:
            where.append(f"document {self.doc_id!r}")
        if self.offset is not None:
            where.append(f"offset {self.offset}")
        message = self.message.rstrip(".")
        return f"{', '.join(where)}: {message}." if where else f"{message}."


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class SpanRecord:
    """A labelled character range ``[start, end)`` of a record's text, with its scheme value."""

    start: int
    end: int
    label: str
    value: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "value": self.value}

    @classmethod
    def from_dict(cls, data: Any, *, index: int | None = None) -> SpanRecord:
        """Parse one span object; ``index`` (its position in ``spans``) goes into the message."""
        which = "span" if index is None else f"span #{index}"
        if not isinstance(data, Mapping):
            raise CorpusError(f"{which} is a {type(data).__name__}, not an object")
        missing = [key for key in ("start", "end", "label") if key not in data]
        if missing:
            raise CorpusError(f"{which} has no {', '.join(repr(key) for key in missing)}")
        start, end, label = data["start"], data["end"], data["label"]
        offset = start if _is_int(start) else None
        if not (_is_int(start) and _is_int(end)):
            raise CorpusError(f"{which} has non-integer offsets {start!r}-{end!r}", offset=offset)
        if not isinstance(label, str):
            raise CorpusError(f"{which} has a label that is not a string: {label!r}", offset=offset)
        return cls(start=start, end=end, label=label, value=data.get("value"))


@dataclass
class Record:
    """One annotated document."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "meta": dict(self.meta),
            "spans": [span.to_dict() for span in self.spans],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Record:
        """Parse one record object; raises :class:`CorpusError` on a wrong shape.

        ``meta`` may be missing (empty); ``id``, ``text`` and ``spans`` are required.
        """
        if not isinstance(data, Mapping):
            raise CorpusError(f"a record must be a JSON object, not a {type(data).__name__}")
        doc_id = data.get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise CorpusError(
                "the record has no 'id' (a non-empty string)"
                if "id" not in data
                else f"the record's 'id' is not a non-empty string: {doc_id!r}"
            )
        missing = [key for key in ("text", "spans") if key not in data]
        if missing:
            raise CorpusError(f"the record has no {' and no '.join(repr(key) for key in missing)}", doc_id=doc_id)
        text, meta, spans = data["text"], data.get("meta", {}), data["spans"]
        if not isinstance(text, str):
            raise CorpusError(f"'text' is a {type(text).__name__}, not a string", doc_id=doc_id)
        if meta is None:
            meta = {}
        if not isinstance(meta, Mapping):
            raise CorpusError(f"'meta' is a {type(meta).__name__}, not an object", doc_id=doc_id)
        if not isinstance(spans, list):
            raise CorpusError(f"'spans' is a {type(spans).__name__}, not a list", doc_id=doc_id)
        try:
            parsed = [SpanRecord.from_dict(span, index=i) for i, span in enumerate(spans)]
        except CorpusError as err:
            raise err.located(doc_id=doc_id) from None
        return cls(id=doc_id, text=text, meta=dict(meta), spans=parsed)

    def span_text(self, span: SpanRecord) -> str:
        return self.text[span.start : span.end]


def span_problems(record: Record, *, labels: Iterable[str] = LABELS) -> list[tuple[SpanRecord, str]]:
    """``(span, reason)`` for every span that is unusable: outside the text, empty, unknown label, overlapping."""
    labels = set(labels)
    problems: list[tuple[SpanRecord, str]] = []
    size = len(record.text)
    inside: list[SpanRecord] = []
    for span in record.spans:
        if span.start < 0 or span.end > size:
            problems.append(
                (span, f"span {span.start}-{span.end} ({span.label}) lies outside the text (length {size})")
            )
            continue
        if span.end <= span.start:
            problems.append((span, f"span {span.start}-{span.end} ({span.label}) is empty or reversed"))
            continue
        if span.label not in labels:
            problems.append(
                (
                    span,
                    f"span {span.start}-{span.end} {record.span_text(span)!r} has the unknown label {span.label!r} "
                    f"(expected one of {', '.join(sorted(labels))})",
                )
            )
        inside.append(span)
    inside.sort(key=lambda s: (s.start, s.end))
    before: SpanRecord | None = None  # the span reaching furthest so far
    for after in inside:
        if before is not None and after.start < before.end:
            problems.append(
                (
                    after,
                    f"span {after.start}-{after.end} ({after.label}) {record.span_text(after)!r} overlaps "
                    f"span {before.start}-{before.end} ({before.label}) {record.span_text(before)!r}",
                )
            )
        if before is None or after.end > before.end:
            before = after
    return problems


def check_record(record: Record, *, labels: Iterable[str] = LABELS) -> list[CorpusError]:
    """:func:`span_problems` as :class:`CorpusError` objects naming the document and the span's offset."""
    return [
        CorpusError(reason, doc_id=record.id, offset=span.start)
        for span, reason in span_problems(record, labels=labels)
    ]
