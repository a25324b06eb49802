"""Protocol structure: who attended, what was on the agenda, what was decided.

``parse(path)`` / ``parse_text(text)`` (:mod:`famhbg_nlp.api`) run the pipeline and read the
layout; ``parse_doc(doc)`` reads the layout of a document already processed (or annotated by hand). The JSON
form of the result is documented in ``SCHEMA.md``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from .model import SCHEMA_VERSION, Decision, Entity, Item, Participant, Protocol, TimeRange
from .parser import parse_doc

__all__ = [
    "SCHEMA_VERSION",
    "Decision",
    "Entity",
    "Item",
    "Participant",
    "Protocol",
    "TimeRange",
    "default_nlp",
    "parse",
    "parse_doc",
    "parse_text",
]


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The pipeline :func:`parse` uses when none is given (:func:`famhbg_nlp.load`, once per process)."""
    from ..pipeline import load

    return load()


def __getattr__(name: str) -> object:
    """``parse`` and ``parse_text`` live in :mod:`famhbg_nlp.api` (they read files and run the pipeline)."""
    if name in ("parse", "parse_text"):
        from .. import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
