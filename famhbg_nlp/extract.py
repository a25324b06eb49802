"""Plain functions behind ``famhbg extract``: text in, JSON-ready data out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


def entity_dicts(doc: Doc) -> list[dict[str, Any]]:
    """The entities of ``doc`` in the scheme's span format, with text and JSON value."""
    return [
        {"start": ent.start_char, "end": ent.end_char, "label": ent.label_, "text": ent.text, "value": ent._.value}
        for ent in doc.ents
    ]


def doc_result(doc: Doc, path: str | Path | None = None) -> dict[str, Any]:
    """``{"path", "meeting_date", "entities"}`` for one processed document."""
    meeting_date = doc._.meeting_date
    return {
        "path": None if path is None else str(path),
        "meeting_date": None if meeting_date is None else meeting_date.isoformat(),
        "entities": entity_dicts(doc),
    }


def extract_text(text: str, nlp: Language, path: str | Path | None = None) -> dict[str, Any]:
    """Run ``nlp`` on ``text`` and return :func:`doc_result`."""
    return doc_result(nlp(text), path)
