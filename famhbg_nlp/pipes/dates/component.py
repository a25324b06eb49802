"""The dates rule component: DATE spans with ISO values, and the document's meeting date."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..base import RuleComponent
from .meeting_date import infer_meeting_date
from .parse import Reference, as_reference, find_dates, value_in
from .value import DateValue


class DatesComponent(RuleComponent):
    """Marks day-precision dates and day ranges as DATE; sets ``doc._.meeting_date``.

    The meeting date is, in order: the ``meeting_date`` given for this call
    (``nlp(text, component_cfg={"famhbg_dates": {"meeting_date": "2020-11-27"}})``), one
    already on the doc, or the one read from the text (:func:`infer_meeting_date`). Dates
    without a year take the year closest to it; without a meeting date their value is ``None``.
    """

    label = "DATE"

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

    def meeting_date_of(self, text: str) -> datetime.date | None:
        """The meeting date read from ``text`` with this component's settings."""
        return infer_meeting_date(
            text,
            head_chars=self.meeting_date_head_chars,
            label_chars=self.meeting_date_label_chars,
            century_pivot=self.century_pivot,
        )

    def __call__(self, doc: Doc, meeting_date: Reference = None, **kwargs: Any) -> Doc:
        # the meeting date comes first: yearless dates are resolved against it
        if meeting_date is not None:
            doc._.meeting_date = as_reference(meeting_date)
        elif doc._.meeting_date is None:
            doc._.meeting_date = self.meeting_date_of(doc.text)
        return super().__call__(doc, **kwargs)

    def find(self, doc: Doc, **kwargs: Any) -> Iterator[tuple[Span, DateValue | None]]:
        for match in find_dates(doc.text, doc._.meeting_date, century_pivot=self.century_pivot):
            span = doc.char_span(match.start, match.end, label=self.label)
            if span is not None:  # a date glued to other text inside one token is left to the NER
                yield span, match.value

    def value_of(self, span: Span, **kwargs: Any) -> DateValue | None:
        return value_in(span.text, span.doc._.meeting_date, century_pivot=self.century_pivot)
