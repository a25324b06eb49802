"""Reading minutes from ``.txt``, ``.pdf`` and ``.docx`` files into clean text with a page map.

:func:`read_document` gives a :class:`Document`: the text (one line per line, a blank line
between paragraphs, ``Label<TAB>value`` for label/value blocks and table rows), the
page of every character (:class:`PageMap`), and warnings that name everything unusual:
page furniture removed (counts per kind), pages without a text layer, a guessed encoding.

* ``.txt``: :mod:`.text` (byte-order marks, UTF-16, cp1252/latin-1 fallback, control
  characters, binary content refused; form feeds are page breaks).
* ``.pdf``: :mod:`.pdf` (pypdfium2 characters -> :mod:`.layout` -> :mod:`.furniture`
  removed -> :mod:`.hyphenation` at line ends; scans by :mod:`.ocr` when asked).
* ``.docx``: :mod:`.docx` (body paragraphs and tables, headers and footers left out).

Every failure is a :class:`ReadError` naming the file and the reason.
"""

from __future__ import annotations

from pathlib import Path

from .document import Document, PageMap
from .errors import ReadError
from .files import SUFFIXES, iter_files
from .text import FALLBACK_ENCODINGS, decode_bytes

__all__ = [
    "FALLBACK_ENCODINGS",
    "SUFFIXES",
    "Document",
    "PageMap",
    "ReadError",
    "decode_bytes",
    "iter_files",
    "read_document",
    "read_text",
]


def read_document(path: str | Path, *, ocr: bool = False) -> Document:
    """Read ``path`` (``.txt``, ``.pdf`` or ``.docx``); raises :class:`ReadError`.

    ``ocr=True`` reads the pages of a PDF that have no text layer with Tesseract (the
    ``ocr`` extra); without it such pages are named in the warnings.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(path, f"unsupported file type {path.suffix or '(none)'!r}; expected {', '.join(SUFFIXES)}")
    if path.is_dir():
        raise ReadError(path, "a folder, not a file")
    if not path.is_file():
        raise ReadError(path, "no such file")
    try:
        if suffix == ".txt":
            from .text import read_txt

            return read_txt(path)
        if suffix == ".pdf":
            from .pdf import read_pdf

            return read_pdf(path, ocr=ocr)
        from .docx import read_docx

        return read_docx(path)
    except ReadError:
        raise
    except Exception as err:  # a broken file: the third-party parsers raise many kinds
        raise ReadError(path, f"{type(err).__name__}: {err}") from err


def read_text(path: str | Path, *, ocr: bool = False) -> str:
    """Only the text of :func:`read_document`."""
    return read_document(path, ocr=ocr).text
