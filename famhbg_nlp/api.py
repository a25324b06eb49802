"""The Python API for one document: ``parse(path)`` reads a file, ``parse_text(text)`` takes a string.

Two functions, because one function that guesses whether a string is a path or a text
gets it wrong silently: ``parse("typo.txt")`` used to parse the nine characters
``typo.txt`` and return an empty protocol. Now:

* :func:`parse` takes a path (``str`` or ``os.PathLike``). A missing path raises
  :class:`FileNotFoundError`, a folder :class:`IsADirectoryError`, a file that cannot be read
  (unsupported type, binary content, no text at all, an encrypted or broken PDF ...) a
  :class:`~famhbg_nlp.readers.ReadError`; each message names the path. What was unusual
  about reading the file (a fallback encoding, say) is issued as a :class:`ReadWarning`.
* :func:`parse_text` takes the text itself, of any length (texts over ``nlp.max_length`` are
  processed in pieces, :mod:`famhbg_nlp.chunking`), and an optional ``meeting_date``.

The old use of ``parse`` with the text itself still works for a while: a string with a line
break, or one longer than any path (:data:`PATH_MAX_CHARS`), is taken as text with a
:class:`DeprecationWarning`; so is a processed ``Doc`` (use :func:`parse_doc`).
"""

from __future__ import annotations

import datetime
import errno
import os
import re
import warnings
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .chunking import DATES_COMPONENT, process
from .protocol.model import Protocol
from .protocol.parser import parse_doc

__all__ = ["PATH_MAX_CHARS", "ReadWarning", "parse", "parse_doc", "parse_text", "process_text"]

#: A string longer than this is never a path (Linux's PATH_MAX); ``parse`` takes it as text.
PATH_MAX_CHARS = 4096

#: Control characters that are not layout (everything in C0/C1 but tab, line feed, carriage
#: return, form feed): replaced by a space, one for one, so offsets stay those of the input.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class ReadWarning(UserWarning):
    """Something unusual about reading a file (its text may be imperfect); the message names the file."""


def _default_nlp(nlp: Language | None) -> Language:
    if nlp is not None:
        return nlp
    from .protocol import default_nlp

    return default_nlp()


def _looks_like_text(value: str) -> bool:
    return "\n" in value or "\r" in value or len(value) > PATH_MAX_CHARS


def parse(
    path: str | os.PathLike[str],
    *,
    nlp: Language | None = None,
    meeting_date: datetime.date | str | None = None,
    ocr: bool = False,
) -> Protocol:
    """The protocol of the minutes in the file ``path`` (``.txt``, ``.pdf`` or ``.docx``).

    ``ocr=True`` reads PDF pages without a text layer with Tesseract (the ``ocr`` extra); the
    entities and items of a PDF carry the ``page`` they are on.

    ``nlp`` defaults to :func:`famhbg_nlp.load` (loaded once per process); ``meeting_date``
    (a ``date`` or an ISO string) overrides the one read from the document. Raises
    ``FileNotFoundError``, ``IsADirectoryError`` or :class:`~famhbg_nlp.readers.ReadError`.
    """
    if isinstance(path, Doc):
        warnings.warn(
            "famhbg_nlp.parse(doc) is deprecated; use famhbg_nlp.parse_doc(doc).", DeprecationWarning, stacklevel=2
        )
        return parse_doc(path)
    if isinstance(path, str) and _looks_like_text(path):
        warnings.warn(
            "famhbg_nlp.parse(text) is deprecated; parse takes a path, use famhbg_nlp.parse_text(text) for a text.",
            DeprecationWarning,
            stacklevel=2,
        )
        return parse_text(path, nlp=nlp, meeting_date=meeting_date)
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"parse takes a path (str or os.PathLike), not {type(path).__name__}; see parse_text")
    if isinstance(path, str) and not path.strip():
        raise ValueError("parse takes a path, not an empty string (for a text use parse_text)")
    from .readers import ReadError, read_document

    file = Path(path)
    if not file.exists():
        raise FileNotFoundError(
            errno.ENOENT, "no such file (famhbg_nlp.parse takes a path; for a text use parse_text)", str(file)
        )
    if file.is_dir():
        raise IsADirectoryError(
            errno.EISDIR, "is a folder; parse reads one file (famhbg extract reads folders)", str(file)
        )
    document = read_document(file, ocr=ocr)
    if not document.text.strip():
        raise ReadError(file, "the file holds no text")
    for message in document.warnings:
        warnings.warn(message, ReadWarning, stacklevel=2)
    from .readers.pages import with_pages

    protocol = parse_text(document.text, nlp=nlp, meeting_date=meeting_date, path=str(file))
    return with_pages(protocol, document.page_map)


def parse_text(
    text: str,
    *,
    meeting_date: datetime.date | str | None = None,
    nlp: Language | None = None,
    path: str | None = None,
) -> Protocol:
    """The protocol of minutes given as a string.

    ``meeting_date`` (a ``date`` or an ISO string; a ``ValueError`` if it is neither) is the
    reference for dates written without a year; by default it is read from the text. ``path``
    only labels the result. Control characters (NUL ...) count as spaces.
    """
    doc = process_text(text, meeting_date=meeting_date, nlp=nlp)
    return parse_doc(doc, path)


def process_text(
    text: str,
    *,
    meeting_date: datetime.date | str | None = None,
    nlp: Language | None = None,
) -> Doc:
    """The processed ``Doc`` behind :func:`parse_text` (same arguments; same checks)."""
    if not isinstance(text, str):
        hint = "; decode it first, or give the file to parse()" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"parse_text takes a str, not {type(text).__name__}{hint}")
    reference = _meeting_date(meeting_date)
    nlp = _default_nlp(nlp)
    cfg: dict[str, dict[str, Any]] = {}
    if reference is not None and DATES_COMPONENT in nlp.pipe_names:
        cfg[DATES_COMPONENT] = {"meeting_date": reference}
    doc = process(nlp, clean_controls(text), component_cfg=cfg)
    if reference is not None and Doc.has_extension("meeting_date") and doc._.meeting_date is None:
        doc._.meeting_date = reference
    return doc


def clean_controls(text: str) -> str:
    """``text`` with control characters that carry no layout replaced by spaces (same length)."""
    return _CONTROL.sub(" ", text)


def _meeting_date(value: datetime.date | str | None) -> datetime.date | None:
    from .pipes.dates.parse import as_reference

    return as_reference(value)
