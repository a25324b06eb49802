"""OCR of scanned pages with Tesseract (Swedish), through pytesseract: an optional extra.

Only pages without a text layer are read, and only when asked (``ocr=True``, ``--ocr``).
Tesseract's words come back as :class:`~.layout.Segment` objects in PDF coordinates, so a
scanned page is laid out like any other (paragraphs, label/value blocks, hyphens).
"""

from __future__ import annotations

from functools import cache

from .layout import SEGMENT_GAP, Segment

#: Resolution pages are rendered at for Tesseract.
DPI = 300
#: Tesseract language (``tesseract-ocr-swe`` on Debian and Ubuntu).
LANGUAGE = "swe"
#: Words Tesseract is less sure of than this (0-100) are dropped (specks, lines).
MIN_CONFIDENCE = 20.0

INSTALL = (
    "install Tesseract with Swedish (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-swe; "
    "macOS: brew install tesseract tesseract-lang) and pytesseract (pip install 'famhbg-nlp[ocr]')"
)


class OcrUnavailable(RuntimeError):
    """Tesseract, its Swedish data or pytesseract is missing; the message says how to install it."""


@cache
def ocr_status() -> str | None:
    """``None`` when OCR can run, else what is missing and how to install it."""
    try:
        import pytesseract
    except ImportError:
        return f"pytesseract is not installed: {INSTALL}"
    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError, RuntimeError):
        return f"the tesseract program is not installed: {INSTALL}"
    if LANGUAGE not in languages:
        return f"Tesseract has no Swedish ({LANGUAGE}) data: {INSTALL}"
    return None


def ocr_page(page: object, *, dpi: int = DPI) -> list[Segment]:
    """The segments of a rendered page read by Tesseract; raises :class:`OcrUnavailable`."""
    problem = ocr_status()
    if problem is not None:
        raise OcrUnavailable(problem)
    import pytesseract

    _, height = page.get_size()  # type: ignore[attr-defined]
    image = page.render(scale=dpi / 72).to_pil()  # type: ignore[attr-defined]
    data = pytesseract.image_to_data(image, lang=LANGUAGE, output_type=pytesseract.Output.DICT)
    scale = 72 / dpi
    lines: dict[tuple[int, int, int], list[tuple[float, float, float, float, str]]] = {}
    for k, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word or float(data["conf"][k]) < MIN_CONFIDENCE:
            continue
        left, top = data["left"][k] * scale, data["top"][k] * scale
        right, bottom = left + data["width"][k] * scale, top + data["height"][k] * scale
        key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
        lines.setdefault(key, []).append((left, height - bottom, right, height - top, word))
    segments: list[Segment] = []
    for words in lines.values():
        words.sort()
        line_h = max(w[3] for w in words) - min(w[1] for w in words)
        y0 = min(w[1] for w in words)
        run = [words[0]]
        for word in words[1:]:
            if word[0] - run[-1][2] > SEGMENT_GAP * 1.5 * line_h:
                segments.append(_segment(run, y0, line_h))
                run = []
            run.append(word)
        segments.append(_segment(run, y0, line_h))
    return segments


def _segment(words: list[tuple[float, float, float, float, str]], y0: float, height: float) -> Segment:
    return Segment(" ".join(w[4] for w in words), words[0][0], y0, words[-1][2], y0 + height, height)
