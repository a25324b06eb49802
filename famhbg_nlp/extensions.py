"""Custom attributes on ``Doc`` and ``Span``.

Registration is explicit: each factory (and :func:`famhbg_nlp.load`) calls
:func:`register_extensions`, which is idempotent. Nothing is registered at import.

Typed values live in per-label attributes (``span._.date``, ``span._.amount``,
``span._.municipality``, ``span._.person``); ``span._.value`` forwards to the
attribute of the span's label and returns the scheme's JSON value (ISO date or
``{"start", "end"}``, whole kronor, canonical municipality name).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .labels import LabelMap, value_attrs

#: label -> name of the Span attribute that holds the typed value for that label (a live view
#: of the label registry, :mod:`famhbg_nlp.labels`).
VALUE_ATTRS = LabelMap(value_attrs, "VALUE_ATTRS")


def span_value(span: Span) -> Any:
    """The scheme value of ``span``: its label's typed value as JSON, or ``None``."""
    attr = VALUE_ATTRS.get(span.label_)
    if attr is None or not Span.has_extension(attr):
        return None
    typed = getattr(span._, attr)
    return None if typed is None else typed.to_json()


def register_extensions() -> None:
    """Register every custom attribute the package uses (one per registered label with a value), once."""
    for attr in value_attrs().values():
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=span_value)
    if not Doc.has_extension("meeting_date"):
        Doc.set_extension("meeting_date", default=None)
    # where the meeting date (or, without one, the meeting's year) came from: "label", "filename" ...
    # (famhbg_nlp.pipes.dates.meeting_date.SOURCES); the meeting's year, also when no day is known
    for attr in ("meeting_date_source", "meeting_year"):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)
    # the document's file name, set by whoever reads the file (evidence of its date)
    if not Doc.has_extension("source_name"):
        Doc.set_extension("source_name", default=None)
