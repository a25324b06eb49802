"""Protocol structure: who attended, what was on the agenda, what was decided.

``parse(text_or_path)`` runs the pipeline and reads the layout; ``parse_doc(doc)``
reads the layout of a document already processed (or annotated by hand). The JSON
form of the result is documented in ``SCHEMA.md``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

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
]

#: Longest string that :func:`parse` still tries as a file path.
_MAX_PATH_CHARS = 4096


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The pipeline :func:`parse` uses when none is given (:func:`famhbg_nlp.load`, once per process)."""
    from ..pipeline import load

    return load()


def _as_path(text_or_path: str | Path) -> Path | None:
    if isinstance(text_or_path, Path):
        return text_or_path
    if len(text_or_path) <= _MAX_PATH_CHARS and "\n" not in text_or_path:
        try:
            candidate = Path(text_or_path)
            if candidate.is_file():
                return candidate
        except OSError:  # a name too long for the file system, say
            return None
    return None


def parse(text_or_path: str | Path | Doc, nlp: Language | None = None) -> Protocol:
    """Parse minutes given as text, or as a path to a ``.txt``, ``.pdf`` or ``.docx`` file.

    A ``Path``, or a string naming an existing file, is read with :mod:`famhbg_nlp.readers`;
    any other string is the text itself; a processed ``Doc`` is parsed as it is. ``nlp``
    defaults to :func:`famhbg_nlp.load`. Raises :class:`famhbg_nlp.readers.ReadError`
    when a file cannot be read.
    """
    from ..readers import read_document

    if isinstance(text_or_path, Doc):
        return parse_doc(text_or_path)
    nlp = default_nlp() if nlp is None else nlp
    path = _as_path(text_or_path)
    if path is not None:
        document = read_document(path)
        return parse_doc(nlp(document.text), str(path))
    return parse_doc(nlp(str(text_or_path)))
