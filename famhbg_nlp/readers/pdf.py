"""PDF: the text layer through pypdfium2, laid out, without page furniture, with a page map.

pypdfium2 (PDFium; Apache-2.0/BSD) gives each character with its box; characters are
grouped into segments here (:func:`page_segments`), furniture is removed across pages
(:mod:`.furniture`), each page is laid out (:mod:`.layout`) and the pages are joined, a
paragraph wrapped across a page break joined again (:mod:`.hyphenation`). Pages without a
text layer (scans) are named in a warning, and read by OCR when asked (:mod:`.ocr`).
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Sequence
from pathlib import Path

from .document import Document, TextBuilder
from .errors import ReadError
from .furniture import KINDS, PageSegments, Removed, remove_furniture
from .hyphenation import join_wrapped
from .layout import SEGMENT_GAP, WORD_GAP, Block, Segment, continues, measure, page_blocks

#: A page with fewer characters than this left after furniture removal, and an image over
#: at least :data:`SCAN_IMAGE_SHARE` of its area, is a scan.
SCAN_MAX_CHARS = 20
SCAN_IMAGE_SHARE = 0.3
#: Font weight from which a character counts as bold.
BOLD_WEIGHT = 600

_SPACES = frozenset(" \t\r\n\xa0\u2002\u2003\u2009\u202f")
_LINE_END_HYPHEN = frozenset("\x02\ufffe")


def page_segments(textpage: object) -> list[Segment]:
    """The segments of one page: runs of characters on a baseline without a wide gap.

    Spaces are written where PDFium saw one (its generated spaces too) or where the gap
    between two characters is wider than :data:`~.layout.WORD_GAP` heights. A character
    PDFium marks as a line-end hyphen is written ``-``.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw  # type: ignore[attr-defined]
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    if len(text) != n:  # rare: PDFium's text and char lists differ; read char by char
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(n))
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    box = memoryview(rect).cast("B").cast("f")  # left, top, right, bottom: one read for all four
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    angle_of = pdfium_c.FPDFText_GetCharAngle
    weight_of = pdfium_c.FPDFText_GetFontWeight
    font_name = ctypes.create_string_buffer(128)
    segments: list[Segment] = []
    chars: list[str] = []
    x0 = y0 = x1 = y1 = h = 0.0
    rotated = bold = False
    space = False
    for i, ch in enumerate(text):
        if ch in _SPACES:
            space = True
            continue
        if not loose_box(raw, i, rect_ref):
            continue
        left, top, right, bottom = box
        height = top - bottom
        if height <= 0.0:
            continue
        if ch in _LINE_END_HYPHEN:
            ch = "-"
        turned = False
        if right - left > 1.05 * height:  # wider than high: maybe a character turned on its side
            angle = angle_of(raw, i) % (2 * math.pi)
            turned = 0.05 < angle < 2 * math.pi - 0.05
        if chars:
            if turned and rotated:
                chars.append(ch)
                x0, y0, x1, y1 = min(x0, left), min(y0, bottom), max(x1, right), max(y1, top)
                space = False
                continue
            gap = left - x1
            if (
                not turned
                and not rotated
                and (top if top < y1 else y1) - (bottom if bottom > y0 else y0) >= 0.5 * (height if height < h else h)
                and -0.5 * height <= gap <= SEGMENT_GAP * height
            ):
                if space or gap > WORD_GAP * height:
                    chars.append(" ")
                chars.append(ch)
                if right > x1:
                    x1 = right
                if bottom < y0:
                    y0 = bottom
                if top > y1:
                    y1 = top
                space = False
                continue
            segments.append(Segment("".join(chars), x0, y0, x1, y1, h, bold=bold, rotated=rotated))
        chars = [ch]
        x0, y0, x1, y1, h = left, bottom, right, top, height
        rotated = turned
        bold = _bold(raw, i, weight_of, font_name)
        space = False
    if chars:
        segments.append(Segment("".join(chars), x0, y0, x1, y1, h, bold=bold, rotated=rotated))
    return segments


#: Font names of bold faces (``ABCDEF+LiberationSans-Bold``, ``Arial,Bold``, ``Calibri-Semibold``).
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def _bold(raw: object, index: int, weight_of: object, buffer: ctypes.Array) -> bool:
    """Whether the character's font is bold: by its weight, else by its name (subset fonts often
    have no weight)."""
    import pypdfium2.raw as pdfium_c

    if weight_of(raw, index) >= BOLD_WEIGHT:  # type: ignore[operator]
        return True
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace").lower() if 0 < size <= len(buffer) else ""
    return any(word in name for word in _BOLD_NAMES)


def _image_share(page: object) -> float:
    """The share of the page covered by its largest image."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()  # type: ignore[attr-defined]
    best = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):  # type: ignore[attr-defined]
        left, bottom, right, top = obj.get_bounds()
        best = max(best, (right - left) * (top - bottom) / max(width * height, 1.0))
    return best


def _open(path: Path) -> object:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise ReadError(path, "the PDF is encrypted and needs a password; save it without one") from err
        raise ReadError(path, f"not a readable PDF ({message})") from err


def read_pdf(path: Path, *, ocr: bool = False) -> Document:
    """Read a PDF; ``ocr=True`` runs Tesseract on the pages without a text layer."""
    pdf = _open(path)
    try:
        pages: list[PageSegments] = []
        for index in range(len(pdf)):  # type: ignore[arg-type]
            page = pdf[index]  # type: ignore[index]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    segments = page_segments(textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(PageSegments(index + 1, width, height, segments))
        removed = remove_furniture(pages)
        esign = set(removed.esignature_pages)
        scanned = []
        for page_segs in pages:
            if page_segs.number in esign:
                continue
            if sum(len(s.text) for s in page_segs.segments) < SCAN_MAX_CHARS:
                page = pdf[page_segs.number - 1]  # type: ignore[index]
                try:
                    if _image_share(page) >= SCAN_IMAGE_SHARE:
                        scanned.append(page_segs.number)
                finally:
                    page.close()
        warnings: list[str] = []
        ocr_pages: list[int] = []
        if scanned and ocr:
            from .ocr import OcrUnavailable, ocr_page

            try:
                for number in scanned:
                    page = pdf[number - 1]  # type: ignore[index]
                    try:
                        pages[number - 1].segments = ocr_page(page)
                    finally:
                        page.close()
                    ocr_pages.append(number)
            except OcrUnavailable as err:
                warnings.append(f"{path}: cannot read the scanned page(s) by OCR: {err}")
    finally:
        pdf.close()  # type: ignore[attr-defined]
    metrics = measure([p.segments for p in pages if p.number not in ocr_pages])
    builder = TextBuilder()
    previous: Block | None = None
    for page_segs in pages:
        builder.start_page()
        page_metrics = measure([page_segs.segments]) if page_segs.number in ocr_pages else metrics
        blocks = page_blocks(page_segs.segments, page_metrics) if page_segs.segments else []
        for k, block in enumerate(blocks):
            if k == 0 and previous is not None and continues(previous, block):
                joined = join_wrapped(builder.tail(), block.text)
                builder.continue_paragraph(joined[: len(joined) - len(block.text)], block.text)
            else:
                builder.paragraph(block.text)
        previous = blocks[-1] if blocks else None
    text, page_map = builder.build()
    missing = [n for n in scanned if n not in ocr_pages]
    if not text.strip() and not ocr_pages:
        if missing:
            raise ReadError(path, f"the PDF has no text layer (a scan); {_ocr_advice(ocr)}")
        raise ReadError(path, "the PDF has no text layer and no scanned pages: nothing to read")
    warnings[:0] = _furniture_warnings(path, removed)
    if missing:
        which = ", ".join(str(n) for n in missing)
        warnings.append(
            f"{path}: page{'s' if len(missing) > 1 else ''} {which} of {len(pages)} "
            f"{'have' if len(missing) > 1 else 'has'} no text layer (a scan): its text is missing; {_ocr_advice(ocr)}"
        )
    if ocr_pages:
        warnings.append(
            f"{path}: page{'s' if len(ocr_pages) > 1 else ''} {', '.join(map(str, ocr_pages))} read by OCR "
            "(Tesseract, Swedish); check names and numbers there"
        )
    return Document(
        str(path),
        text,
        None,
        tuple(warnings),
        page_map,
        scanned_pages=tuple(scanned),
        ocr_pages=tuple(ocr_pages),
        removed=dict(removed.counts),
    )


def _ocr_advice(asked: bool) -> str:
    from .ocr import ocr_status

    problem = ocr_status()
    if problem is None:
        return "run with --ocr (ocr=True) to read it with Tesseract" if not asked else "OCR failed"
    return f"for OCR, {problem}"


def _furniture_warnings(path: Path, removed: Removed) -> list[str]:
    parts = []
    for kind in KINDS:
        count = removed.counts.get(kind, 0)
        if not count:
            continue
        if kind == "e-signature page":
            pages = ", ".join(map(str, removed.esignature_pages))
            parts.append(f"{count} e-signature page{'s' if count > 1 else ''} ({pages})")
        else:
            parts.append(f"{count} {kind}{'s' if count > 1 else ''}")
    if not parts:
        return []
    return [f"{path}: removed page furniture: {', '.join(parts)}"]


def pages_text(blocks: Sequence[Block]) -> str:
    """The text of one page's blocks (for debugging and tests)."""
    return "\n\n".join(b.text for b in blocks)
