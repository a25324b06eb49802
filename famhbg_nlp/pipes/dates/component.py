"""The dates rule component: DATE spans with ISO values, and the document's date context."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...serialization import TableKnowledge
from ..base import RuleComponent, doc_text
from .meeting_date import NO_CONTEXT, DateContext, infer_date_context
from .parse import Reference, Resolved, as_reference, find_dates, value_in
from .patterns import FALSE_POSITIVES_FILE, DateCues, packaged_cues
from .value import DateValue


class DatesComponent(TableKnowledge, RuleComponent):
    """Marks day-precision dates and day ranges as DATE; sets ``doc._.meeting_date``,
    ``doc._.meeting_date_source`` and ``doc._.meeting_year``.

    The date context is, in order: the ``meeting_date`` given for this call
    (``nlp(text, component_cfg={"famhbg_dates": {"meeting_date": "2020-11-27"}})``), one already
    on the doc (``doc._.meeting_date``), or the one read from the text and the document's file
    name (:func:`~.meeting_date.infer_date_context`; the file name is ``doc._.source_name``, set
    by the reader, or the ``source_name`` given for this call). Dates without a year take the year
    closest to the meeting date, or the meeting's year when only that is known; without any
    context their value is ``None``.
    """

    label = "DATE"
    table_files = (FALSE_POSITIVES_FILE,)

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        policy: str,
        drop_unvalued: bool,
        century_pivot: int,
        meeting_date_head_chars: int,
        meeting_date_label_chars: int,
    ) -> None:
        super().__init__(nlp, name, policy=policy, drop_unvalued=drop_unvalued)
        self.century_pivot = century_pivot
        self.meeting_date_head_chars = meeting_date_head_chars
        self.meeting_date_label_chars = meeting_date_label_chars

    # -- knowledge --------------------------------------------------------------------------

    @property
    def cues(self) -> DateCues:
        """The context words that make a date-shaped string something else, saved with the pipeline."""
        self.ensure_tables()
        return self._cues

    def _packaged_tables(self) -> dict[str, str]:
        return {FALSE_POSITIVES_FILE: packaged_cues().table}

    def _dump_tables(self) -> dict[str, str]:
        return {FALSE_POSITIVES_FILE: self._cues.table}

    def _load_from_tables(self, tables: Mapping[str, str]) -> None:
        self._cues = DateCues.from_table(tables[FALSE_POSITIVES_FILE])

    # -- dates ------------------------------------------------------------------------------

    def date_context_of(self, text: str, source_name: str | None = None) -> DateContext:
        """The date context read from ``text`` (and a file name) with this component's settings."""
        return infer_date_context(
            text,
            source_name=source_name,
            head_chars=self.meeting_date_head_chars,
            label_chars=self.meeting_date_label_chars,
            century_pivot=self.century_pivot,
            cues=self.cues,
        )

    def meeting_date_of(self, text: str, source_name: str | None = None) -> datetime.date | None:
        """The meeting date read from ``text`` with this component's settings."""
        return self.date_context_of(text, source_name).date

    def __call__(
        self,
        doc: Doc,
        meeting_date: Reference = None,
        source_name: str | None = None,
        date_context: DateContext | None = None,
        **kwargs: Any,
    ) -> Doc:
        # the date context comes first: yearless dates are resolved against it
        if source_name is not None:
            doc._.source_name = source_name
        given = as_reference(meeting_date) if meeting_date is not None else None
        if given is not None:
            context = DateContext.of_date(given, "given")
        elif date_context is not None:
            context = date_context
        elif doc._.meeting_date is not None:
            context = DateContext.of_date(doc._.meeting_date, doc._.meeting_date_source or "given")
        else:
            text = doc_text(doc)
            context = self.date_context_of(text, doc._.source_name) if text else NO_CONTEXT
        doc._.meeting_date = context.date
        doc._.meeting_date_source = context.source
        doc._.meeting_year = context.year
        return super().__call__(doc, reference=context.resolves, **kwargs)

    def find(self, doc: Doc, reference: Resolved = None, **kwargs: Any) -> Iterator[tuple[Span, DateValue | None]]:
        for match in find_dates(doc_text(doc), reference, century_pivot=self.century_pivot, cues=self.cues):
            span = doc.char_span(match.start, match.end, label=self.label)
            if span is not None:  # a date glued to other text inside one token is left to the NER
                yield span, match.value

    def value_of(self, span: Span, reference: Resolved = None, **kwargs: Any) -> DateValue | None:
        return value_in(span.text, reference, century_pivot=self.century_pivot, cues=self.cues)
