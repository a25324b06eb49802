"""Records <-> spaCy ``Doc``s.

:func:`record_to_doc` tokenizes a record's text with the given pipeline's tokenizer
(nothing else runs), puts its spans into ``doc.ents``, gold values into the label's
value attribute and ``meta.meeting_date`` into ``doc._.meeting_date``.
:func:`doc_to_record` goes back, taking each entity's value from ``ent._.value``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..labels import iso_date as parse_iso_date
from ..labels import value_attrs, value_labels
from .records import CorpusError, Record, SpanRecord, check_record


@dataclass(frozen=True)
class GoldValue:
    """An annotated value as it stands in the corpus (the scheme's JSON value).

    :func:`record_to_doc` puts it in ``span._.date`` / ``span._.amount`` /
    ``span._.municipality``, where components put their typed values; like those it
    has ``to_json()``, so ``span._.value`` gives the gold value back.
    """

    value: Any

    def to_json(self) -> Any:
        return self.value


def _tokens_near(doc: Doc, start: int, end: int) -> str:
    tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    return " | ".join(repr(t.text) for t in tokens)


def align_span(doc: Doc, span: SpanRecord, *, alignment_mode: str = "strict") -> Span | None:
    """The ``Span`` of ``span`` in ``doc``, or ``None`` where its edges are not token edges."""
    return doc.char_span(span.start, span.end, label=span.label, alignment_mode=alignment_mode)


def record_to_doc(
    record: Record,
    nlp: Language,
    *,
    alignment_mode: str = "strict",
    values: bool = True,
) -> Doc:
    """A ``Doc`` of ``record``'s text tokenized by ``nlp``, with the spans as ``doc.ents``.

    With ``values``, a span's non-null value goes into its label's value attribute as a
    :class:`GoldValue`, and ``meta.meeting_date`` into ``doc._.meeting_date``.
    Raises :class:`CorpusError` naming the document and the span when a span is unusable
    (:func:`check_record`) or does not align to the tokens (``alignment_mode`` as in
    ``Doc.char_span``; ``"expand"`` or ``"contract"`` move the edges instead).
    """
    register_extensions()
    problems = check_record(record)
    if problems:
        raise problems[0]
    doc = nlp.make_doc(record.text)
    ents: list[tuple[Span, SpanRecord]] = []
    for span in record.spans:
        ent = align_span(doc, span, alignment_mode=alignment_mode)
        if ent is None or len(ent) == 0:
            raise CorpusError(
                f"span {span.start}-{span.end} ({span.label}) {record.span_text(span)!r} does not align to "
                f"the tokens ({_tokens_near(doc, span.start, span.end)})",
                doc_id=record.id,
                offset=span.start,
            )
        ents.append((ent, span))
    try:
        doc.ents = [ent for ent, _ in ents]
    except ValueError as err:  # "expand" can make neighbours overlap
        raise CorpusError(f"the spans overlap once aligned to the tokens: {err}", doc_id=record.id) from None
    if values:
        by_edges = {(ent.start_char, ent.end_char, ent.label_): span for ent, span in ents}
        attrs = value_attrs()
        for ent in doc.ents:
            span = by_edges[(ent.start_char, ent.end_char, ent.label_)]
            attr = attrs.get(span.label)
            if span.value is not None and attr is not None:
                setattr(ent._, attr, GoldValue(span.value))
        if "meeting_date" in record.meta and record.meta["meeting_date"] is not None:
            meeting_date = parse_iso_date(record.meta["meeting_date"])
            if meeting_date is None:
                raise CorpusError(
                    f"meta.meeting_date {record.meta['meeting_date']!r} is not an ISO date (YYYY-MM-DD)",
                    doc_id=record.id,
                )
            doc._.meeting_date = meeting_date
    return doc


def doc_to_record(doc: Doc, id: str, meta: dict[str, Any] | None = None) -> Record:
    """A record of ``doc``'s text and entities; a value is ``ent._.value`` for value labels, else ``None``.

    ``meta`` is copied; ``meeting_date`` is added from ``doc._.meeting_date`` when ``meta`` lacks it.
    """
    register_extensions()
    meta = dict(meta or {})
    if "meeting_date" not in meta and doc._.meeting_date is not None:
        meta["meeting_date"] = doc._.meeting_date.isoformat()
    valued = value_labels()
    spans = [
        SpanRecord(
            start=ent.start_char,
            end=ent.end_char,
            label=ent.label_,
            value=ent._.value if ent.label_ in valued else None,
        )
        for ent in doc.ents
    ]
    return Record(id=id, text=doc.text, meta=meta, spans=spans)
