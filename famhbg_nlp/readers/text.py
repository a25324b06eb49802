"""Plain text: bytes to clean text, whatever the encoding, or a clear refusal.

* A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) and is dropped.
* UTF-16 without a mark is recognised by its zero bytes (Swedish text is mostly ASCII).
* Otherwise UTF-8; a file that is not valid UTF-8 is read as cp1252 (Windows), else
  latin-1, with a warning, because that guess can be wrong for å, ä, ö.
* Content that is not text (many control bytes, or the signature of a PDF, ZIP, image or
  Office file) raises :class:`ReadError` instead of giving garbage entities.
* NUL and other control characters are normalised (NUL dropped, the rest become spaces,
  ``\\r\\n``/``\\r`` become ``\\n``), invisible soft hyphens and zero-width marks dropped; form
  feeds are page breaks (``pdftotext`` writes them), and then the document gets a page map.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .document import Document, TextBuilder
from .errors import ReadError

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

#: Encodings tried, in order, for a file that is not UTF-8 (latin-1 takes every byte).
FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")

#: File signatures of formats that are sometimes saved with a wrong ``.txt`` name.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file (name it .pdf)"),
    (b"PK\x03\x04", "a ZIP archive (a .docx? name it .docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls); save it as .docx or text"),
    (b"{\\rtf", "an RTF file; save it as .docx or text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)

#: Share of control characters (other than tab, newline, carriage return, form feed) above
#: which the content is taken for binary data.
MAX_CONTROL_SHARE = 0.05

#: UTF-16 without a mark: at least this share of the bytes on one side of each pair is zero.
UTF16_ZERO_SHARE = 0.4

# C0 and C1 controls except \t \n \f \r, plus DEL
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# invisible: soft hyphen, zero-width space/joiners, word joiner, BOM used as ZWNBSP
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_NEWLINES = re.compile("\r\n?|[\u0085\u2028]")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used, and the warnings about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> Decoded:
    """Decode ``data`` (the content of ``path``) to normalised text; raises :class:`ReadError` only."""
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise ReadError(path, f"this is {what}, not text")
    warnings: list[str] = []
    text, encoding = _decode(data, path, warnings)
    controls = len(_CONTROL.findall(text))
    if text and controls > MAX_CONTROL_SHARE * len(text) and controls > 2:
        raise ReadError(path, f"binary content, not text ({controls} of {len(text)} characters are control characters)")
    text, replaced = normalise(text)
    if replaced:
        warnings.append(f"{path}: {replaced} control character(s) (NUL, ...) removed or replaced by spaces")
    return Decoded(text, encoding, tuple(warnings))


def _decode(data: bytes, path: str | Path, warnings: list[str]) -> tuple[str, str]:
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError as err:
                raise ReadError(
                    path,
                    f"starts with a {name.upper()} byte-order mark but is not valid {name.upper()} "
                    f"(byte {err.start + len(bom)}: {err.reason})",
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            warnings.append(f"{path}: no byte-order mark, but the zero bytes say {utf16.upper()}; read so")
            return text, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_error = err
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.append(
            f"{path}: not UTF-8 (byte {first_error.start}: {first_error.reason}); read as {encoding}, "
            "check å, ä, ö in the output"
        )
        return text, encoding
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is mostly zero (and the others are not)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    even_zero, odd_zero = even.count(0) / half, odd.count(0) / half
    if odd_zero >= UTF16_ZERO_SHARE and even_zero < 0.1:
        return "utf-16-le"
    if even_zero >= UTF16_ZERO_SHARE and odd_zero < 0.1:
        return "utf-16-be"
    return None


def normalise(text: str) -> tuple[str, int]:
    """Newlines to ``\\n``, NUL dropped, other controls to spaces, invisible marks dropped.

    Returns the text and the number of control characters (other than newlines and tabs)
    that were dropped or replaced. Form feeds are kept: they separate pages.
    """
    text = _NEWLINES.sub("\n", text).replace("\u2029", "\n\n").replace("\v", "\n")
    replaced = 0
    if "\x00" in text:
        replaced += text.count("\x00")
        text = text.replace("\x00", "")
    text, n = _CONTROL.subn(" ", text)
    replaced += n
    text = _INVISIBLE.sub("", text)
    return text, replaced


def read_txt(path: Path) -> Document:
    """A ``.txt`` file; form feeds split it into pages (and then it has a page map)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(path, err.strerror or str(err)) from err
    decoded = decode_bytes(data, path)
    text, page_map = decoded.text, None
    if "\f" in text:
        builder = TextBuilder()
        for page in text.split("\f"):
            builder.start_page()
            builder.paragraph(page.strip("\n"))
        text, page_map = builder.build()
    return Document(str(path), text, decoded.encoding, decoded.warnings, page_map)
