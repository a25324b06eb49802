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
import re
from pathlib import Path

from .document import Document, PageMap, TextBuilder
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
#: A line's box above and below its baseline, in font sizes (a typical Latin font's ascent and descent).
ASCENT, DESCENT = 0.9, 0.22

_LINE_END_HYPHEN = frozenset("\x02\ufffe")


#: A word of PDFium's text: characters up to a space, a line break or a line-end hyphen.
_WORD = re.compile("[^ \t\r\n\xa0\u2002\u2003\u2009\u202f\x02\ufffe]+[\x02\ufffe]?|[\x02\ufffe]")


class _Chars:
    """PDFium's view of one page's characters: box, baseline, size and direction of each."""

    def __init__(self, textpage: object, width: float, height: float) -> None:
        import pypdfium2.raw as pdfium_c

        self.raw = textpage.raw  # type: ignore[attr-defined]
        self.width, self.height = width, height
        self.frame = 0  # the direction text runs in, in quarter turns: 0 on an upright page
        self._rect = pdfium_c.FS_RECTF()
        self._rect_ref = ctypes.byref(self._rect)
        self._box = memoryview(self._rect).cast("B").cast("f")  # left, top, right, bottom at once
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ref = ctypes.byref(self._matrix)
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._x_ref, self._y_ref = ctypes.byref(self._x), ctypes.byref(self._y)
        self._loose_box = pdfium_c.FPDFText_GetLooseCharBox
        self._get_matrix = pdfium_c.FPDFText_GetMatrix
        self._size_of = pdfium_c.FPDFText_GetFontSize
        self._origin_of = pdfium_c.FPDFText_GetCharOrigin
        self._weight_of = pdfium_c.FPDFText_GetFontWeight
        self._font_name = ctypes.create_string_buffer(128)

    def direction(self, i: int) -> tuple[int, float]:
        """Quarter turns of character ``i``'s text direction (0 upright, -1 skewed) and the scale
        of its text matrix (fonts set at size 1 and scaled by the matrix)."""
        if not self._get_matrix(self.raw, i, self._matrix_ref):
            return 0, 1.0
        m = self._matrix
        scale = math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
        if m.b == 0.0 and m.a > 0.0:  # upright: most characters
            return 0, scale
        angle = math.atan2(m.b, m.a)
        turns = round(angle / (math.pi / 2))
        return (turns % 4 if abs(angle - turns * math.pi / 2) < 0.05 else -1), scale

    def geometry(self, i: int, turn: tuple[int, float] | None = None) -> tuple[float, float, float, float, int] | None:
        """``(left, right, baseline, em, direction)`` of character ``i`` in the page's text frame
        (the frame turned so that its text runs left to right); ``direction`` is relative to the
        frame. ``turn`` is :meth:`direction` of the character when known; without it ``em`` is 0
        and the direction is not read (the last character of a word)."""
        if not self._loose_box(self.raw, i, self._rect_ref):
            return None
        if not self._origin_of(self.raw, i, self._x_ref, self._y_ref):
            return None
        left, top, right, bottom = self._box
        x, y = self._x.value, self._y.value
        direction, scale = turn if turn is not None else (0, 0.0)
        em = self._size_of(self.raw, i) * scale if turn is not None else 0.0
        frame = self.frame
        if frame == 1:  # text runs up the page
            left, right, y = bottom, top, self.width - x
        elif frame == 2:
            left, right, y = self.width - right, self.width - left, self.height - y
        elif frame == 3:  # text runs down the page
            left, right, y = self.height - top, self.height - bottom, x
        extent = max(top - bottom, right - left, 1.0)
        if turn is not None and not 0.2 * extent <= em <= 5.0 * extent:  # a size PDFium got wrong
            em = top - bottom if frame in (0, 2) else right - left
        return left, right, y, em, (direction - frame) % 4 if direction >= 0 else -1

    def origin(self, i: int) -> tuple[float, float] | None:
        """Where character ``i`` sits on the page (its origin on the baseline), page coordinates."""
        if not self._origin_of(self.raw, i, self._x_ref, self._y_ref):
            return None
        return self._x.value, self._y.value

    def bold(self, i: int) -> bool:
        return _bold(self.raw, i, self._weight_of, self._font_name)

    @property
    def frame_size(self) -> tuple[float, float]:
        """Width and height of the page in its text frame."""
        return (self.height, self.width) if self.frame % 2 else (self.width, self.height)


def page_segments(textpage: object, width: float = 612.0, height: float = 792.0) -> tuple[list[Segment], float, float]:
    """The segments of one page (runs of words on a baseline without a wide gap), and the page's
    width and height in the frame they are in.

    PDFium's text gives the words (it writes a space, generated if need be, between words
    apart and a line break between lines); a word's box is read from its first and last
    character, the line's height from the baseline and the font size (so that a word with a
    descender sits on the line like one without), and a word whose ends are not on one line
    (turned text, odd fonts) is read character by character. Text turned against the page's
    own direction (a stamp up the margin) is marked ``rotated``; a page whose text mostly
    runs up or down (a landscape table) is read in that direction. A character PDFium marks
    as a line-end hyphen is written ``-``.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw  # type: ignore[attr-defined]
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return [], width, height
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    if len(text) != n:  # rare: PDFium's text and char lists differ; read char by char
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(n))
    chars = _Chars(textpage, width, height)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    turns = [chars.direction(start) for start, _, _ in words]
    chars.frame = _frame(chars, words, turns)
    runs = _Runs()

    def add(
        word: str, i: int, left: float, right: float, baseline: float, em: float, direction: int, space: bool
    ) -> None:
        top, bottom = baseline + ASCENT * em, baseline - DESCENT * em
        turned = direction != 0
        if not runs.extend(word, left, top, right, bottom, space, turned):
            runs.start(word, left, top, right, bottom, turned, chars.bold(i))

    previous_end = -1
    upright = chars.frame == 0
    # the common case inline (upright page, upright word): a word's box from its first and last
    # character, the line from the first one's baseline and size
    loose_box, origin_of, size_of = chars._loose_box, chars._origin_of, chars._size_of
    rect_ref, box, x_ref, y_ref, y_origin = chars._rect_ref, chars._box, chars._x_ref, chars._y_ref, chars._y
    for (start, end, word), turn in zip(words, turns):
        space = start > previous_end  # a space or a line break before the word
        previous_end = end
        if word[-1] in _LINE_END_HYPHEN:
            word = word[:-1] + "-"
        if upright and turn[0] == 0 and loose_box(raw, start, rect_ref) and origin_of(raw, start, x_ref, y_ref):
            left, top, right, bottom = box
            baseline = y_origin.value
            em = size_of(raw, start) * turn[1]
            extent = top - bottom
            if not 0.2 * extent <= em <= 5.0 * extent:  # a size PDFium got wrong
                em = extent
            if end - start > 1:
                if not (loose_box(raw, end - 1, rect_ref) and origin_of(raw, end - 1, x_ref, y_ref)):
                    right = -1.0
                else:
                    last_left, _, right, _ = box
                    if abs(y_origin.value - baseline) > 0.25 * em or last_left < left:
                        right = -1.0
            if right >= left:
                add(word, start, left, right, baseline, em, 0, space)
                continue
        elif not upright:
            first = chars.geometry(start, turn)
            if first is not None and first[4] == 0:
                left, right, baseline, em, _ = first
                last = chars.geometry(end - 1) if end - start > 1 else first
                if last is not None and abs(last[2] - baseline) <= 0.25 * em and last[1] >= left:
                    add(word, start, left, last[1], baseline, em, 0, space)
                    continue
        for k in range(start, end):  # read this word character by character
            geometry = chars.geometry(k, chars.direction(k))
            if geometry is not None and geometry[3] > 0:
                ch = "-" if text[k] in _LINE_END_HYPHEN else text[k]
                add(ch, k, *geometry, space and k == start)
    return (runs.finish(), *chars.frame_size)


#: A page is read turned when its turned text has this many lines and this many times the upright text.
TURNED_MIN_LINES = 3
TURNED_SHARE = 3.0


def _frame(chars: _Chars, words: list[tuple[int, int, str]], turns: list[tuple[int, float]]) -> int:
    """The direction most text of the page runs in: upright unless several lines of turned text
    outweigh the upright text (a landscape table), never for a stamp up the margin."""
    amount = [0, 0, 0, 0]
    lines: list[set[int]] = [set(), set(), set(), set()]
    for (start, end, _), (direction, _scale) in zip(words, turns):
        origin = chars.origin(start) if direction > 0 else None
        if origin is not None:
            lines[direction].add(round(origin[0 if direction % 2 else 1] / 2))
        if direction >= 0:
            amount[direction] += end - start
    turned = max(range(1, 4), key=lambda k: amount[k])
    if len(lines[turned]) >= TURNED_MIN_LINES and amount[turned] >= TURNED_SHARE * amount[0]:
        return turned
    return 0


class _Runs:
    """The segments of a page, built word by word (see :func:`page_segments`)."""

    __slots__ = ("segments", "chars", "x0", "y0", "x1", "y1", "height", "rotated", "bold")

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.chars: list[str] = []
        self.x0 = self.y0 = self.x1 = self.y1 = self.height = 0.0
        self.rotated = self.bold = False

    def extend(
        self, word: str, left: float, top: float, right: float, bottom: float, space: bool, turned: bool
    ) -> bool:
        """Add ``word`` to the current segment when it goes on there; whether it did."""
        if not self.chars:
            return False
        if turned and self.rotated:  # turned text: one segment, whatever its direction
            self.chars.append(word)
            self.x0, self.y0 = min(self.x0, left), min(self.y0, bottom)
            self.x1, self.y1 = max(self.x1, right), max(self.y1, top)
            return True
        height = top - bottom
        gap = left - self.x1
        overlap = min(top, self.y1) - max(bottom, self.y0)
        if turned or self.rotated or overlap < 0.5 * min(height, self.height):
            return False
        if not -0.5 * height <= gap <= SEGMENT_GAP * height:
            return False
        if space or gap > WORD_GAP * height:
            self.chars.append(" ")
        self.chars.append(word)
        self.x1, self.y0, self.y1 = max(self.x1, right), min(self.y0, bottom), max(self.y1, top)
        return True

    def start(self, word: str, left: float, top: float, right: float, bottom: float, turned: bool, bold: bool) -> None:
        """End the current segment and start one with ``word``."""
        self._flush()
        self.chars = [word]
        self.x0, self.y0, self.x1, self.y1, self.height = left, bottom, right, top, top - bottom
        self.rotated, self.bold = turned, bold

    def _flush(self) -> None:
        if self.chars:
            text = "".join(self.chars)
            self.segments.append(
                Segment(text, self.x0, self.y0, self.x1, self.y1, self.height, bold=self.bold, rotated=self.rotated)
            )
            self.chars = []

    def finish(self) -> list[Segment]:
        self._flush()
        return self.segments


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
    warnings: list[str] = []
    try:
        pages = [_page(pdf, index) for index in range(len(pdf))]  # type: ignore[arg-type]
        removed = remove_furniture(pages)
        scanned = _scans(pdf, pages, set(removed.esignature_pages))
        ocr_pages = _ocr(pdf, pages, scanned, path, warnings) if scanned and ocr else []
    finally:
        pdf.close()  # type: ignore[attr-defined]
    text, page_map = _assemble(pages, ocr_pages)
    missing = [n for n in scanned if n not in ocr_pages]
    if not text.strip() and not ocr_pages:
        if missing:
            raise ReadError(path, f"the PDF has no text layer (a scan); {_ocr_advice(ocr)}")
        raise ReadError(path, "the PDF has no text layer and no scanned pages: nothing to read")
    warnings[:0] = _furniture_warnings(path, removed)
    if missing:
        many = len(missing) > 1
        warnings.append(
            f"{path}: page{'s' if many else ''} {', '.join(map(str, missing))} of {len(pages)} "
            f"{'have' if many else 'has'} no text layer (a scan): {'their' if many else 'its'} text is missing; "
            f"{_ocr_advice(ocr)}"
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


def _page(pdf: object, index: int) -> PageSegments:
    page = pdf[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            segments, frame_width, frame_height = page_segments(textpage, width, height)
            return PageSegments(index + 1, frame_width, frame_height, segments)
        finally:
            textpage.close()
    finally:
        page.close()


def _scans(pdf: object, pages: list[PageSegments], skip: set[int]) -> list[int]:
    """Pages with (almost) no text left and a large image: scans."""
    scanned = []
    for page_segs in pages:
        if page_segs.number in skip or sum(len(s.text) for s in page_segs.segments) >= SCAN_MAX_CHARS:
            continue
        page = pdf[page_segs.number - 1]  # type: ignore[index]
        try:
            if _image_share(page) >= SCAN_IMAGE_SHARE:
                scanned.append(page_segs.number)
        finally:
            page.close()
    return scanned


def _ocr(pdf: object, pages: list[PageSegments], scanned: list[int], path: Path, warnings: list[str]) -> list[int]:
    """Read the scanned pages with Tesseract; the pages read. A page that fails is named in a warning."""
    from .ocr import OcrUnavailable, ocr_page

    done = []
    for number in scanned:
        page = pdf[number - 1]  # type: ignore[index]
        try:
            pages[number - 1].segments = ocr_page(page)
            done.append(number)
        except OcrUnavailable as err:
            warnings.append(f"{path}: cannot read the scanned page(s) by OCR: {err}")
            break
        except Exception as err:  # Tesseract failed on this page: keep the others
            warnings.append(f"{path}: OCR of page {number} failed: {type(err).__name__}: {err}")
        finally:
            page.close()
    return done


def _assemble(pages: list[PageSegments], ocr_pages: list[int]) -> tuple[str, PageMap | None]:
    """The pages laid out and joined; a paragraph that goes on on the next page is joined again."""
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
    return builder.build()


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
