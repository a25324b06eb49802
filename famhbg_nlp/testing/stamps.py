"""What an e-signing service does to a finished PDF: a signature reference up the margin of
every page and a verification page at the end; and a scanned page put in (pypdfium2)."""

from __future__ import annotations

import ctypes
from pathlib import Path


def _wide(text: str) -> ctypes.Array:
    data = text.encode("utf-16-le") + b"\x00\x00"
    return (ctypes.c_ushort * (len(data) // 2)).from_buffer_copy(data)


def stamp_margin(pdf: object, text: str, *, x: float = 28.0, y: float = 120.0, size: float = 7.0) -> None:
    """Print ``text`` turned 90 degrees up the left margin of every page of ``pdf`` (a PdfDocument)."""
    import pypdfium2.raw as pdfium_c

    font = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")  # type: ignore[attr-defined]
    for index in range(len(pdf)):  # type: ignore[arg-type]
        page = pdf[index]  # type: ignore[index]
        obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, size)  # type: ignore[attr-defined]
        pdfium_c.FPDFText_SetText(obj, _wide(text))
        pdfium_c.FPDFPageObj_Transform(obj, 0, 1, -1, 0, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdfium_c.FPDFFont_Close(font)


def finish(
    source: Path,
    out: Path,
    *,
    stamp: str | None = None,
    append: bytes | None = None,
    insert: tuple[int, bytes] | None = None,
) -> Path:
    """Copy ``source`` to ``out``, inserting a page (``(index, pdf bytes)``), appending pages
    (pdf bytes, a verification page) and stamping every page's margin."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    try:
        if insert is not None:
            index, data = insert
            extra = pdfium.PdfDocument(data)
            pdf.import_pages(extra, index=index)
            extra.close()
        if append is not None:
            extra = pdfium.PdfDocument(append)
            pdf.import_pages(extra)
            extra.close()
        if stamp:
            stamp_margin(pdf, stamp)
        out.parent.mkdir(parents=True, exist_ok=True)
        pdf.save(str(out))
    finally:
        pdf.close()
    return out
