"""Reading minutes from ``.txt``, ``.pdf`` and ``.docx`` files into plain text.

The text keeps the layout cues the protocol parser relies on: one line per line,
and a blank line between paragraphs.

* ``.txt``: UTF-8 (a byte-order mark is dropped); a file that is not UTF-8 is read
  as cp1252, else latin-1, and the result says so in ``warnings``.
* ``.pdf``: the text layer (pdfplumber). Lines are rebuilt from word positions; a
  vertical gap larger than the line spacing becomes a blank line (a new paragraph),
  and a line that was only wrapped by the page margin is joined to the next one, so a
  name is not cut in two by a line break. A PDF without a text layer (a scan) is an
  error: there is nothing to read without OCR.
* ``.docx``: the body's paragraphs and tables in order (python-docx); paragraphs are
  separated by a blank line, a line break inside a paragraph stays a line break, a
  table row becomes one line with its cells separated by tabs, and struck-through text
  is written ``~~like this~~`` (as in markdown minutes: a struck name did not attend).

Every failure is a :class:`ReadError` naming the file and the reason.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: File suffixes the readers handle (lower case).
SUFFIXES: tuple[str, ...] = (".txt", ".pdf", ".docx")

#: Encodings tried, in order, for a ``.txt`` file that is not UTF-8.
FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")

#: PDF: lines further apart than the usual line step plus this share of the font height
#: belong to different paragraphs.
PDF_PARAGRAPH_GAP = 0.45
#: PDF: the usual line step is taken to be at most this many font heights.
PDF_MAX_LINE_STEP = 1.45
#: PDF: a line shorter than this share of the text width ends where its author broke it.
PDF_WRAP_MIN_WIDTH = 0.5
#: PDF: words closer than this (points) vertically belong to one line.
PDF_LINE_TOLERANCE = 3.0


class ReadError(Exception):
    """A file that cannot be read; ``str()`` is one sentence naming the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot read: {reason}")


@dataclass(frozen=True)
class Document:
    """The text of one file, and what was unusual about reading it."""

    path: str
    text: str
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


def read_document(path: str | Path) -> Document:
    """Read ``path`` (``.txt``, ``.pdf`` or ``.docx``); raises :class:`ReadError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(path, f"unsupported file type {path.suffix or '(none)'!r}; expected {', '.join(SUFFIXES)}")
    if not path.is_file():
        raise ReadError(path, "no such file")
    reader = {".txt": _read_txt, ".pdf": _read_pdf, ".docx": _read_docx}[suffix]
    try:
        return reader(path)
    except ReadError:
        raise
    except Exception as err:  # a broken file: the third-party parsers raise many kinds
        raise ReadError(path, f"{type(err).__name__}: {err}") from err


def read_text(path: str | Path) -> str:
    """Only the text of :func:`read_document`."""
    return read_document(path).text


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs``: files as given, folders searched recursively for readable
    files (sorted), glob patterns expanded. Each file once, in order."""
    seen: set[Path] = set()

    def emit(path: Path) -> Iterator[Path]:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path

    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from emit(found)
        elif path.exists() or not any(ch in text for ch in "*?["):
            yield from emit(path)  # a missing plain path is yielded so that reading it reports the error
        else:
            anchor = Path(text).anchor
            pattern = text[len(anchor) :] if anchor else text
            base = Path(anchor) if anchor else Path(".")
            for found in sorted(base.glob(pattern)):
                if found.is_file() and found.suffix.lower() in SUFFIXES:
                    yield from emit(found)


# --- .txt -----------------------------------------------------------------------------------


def _read_txt(path: Path) -> Document:
    data = path.read_bytes()
    try:
        return Document(str(path), data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as err:
        first_error = err
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warning = (
            f"{path}: not UTF-8 (byte {first_error.start}: {first_error.reason}); read as {encoding}, "
            "check å, ä, ö in the output"
        )
        return Document(str(path), text, encoding, (warning,))
    raise ReadError(path, "not valid text in UTF-8, cp1252 or latin-1")  # pragma: no cover - latin-1 takes all bytes


# --- .pdf -----------------------------------------------------------------------------------


def _read_pdf(path: Path) -> Document:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = [
            _pdf_lines(page.extract_words(keep_blank_chars=False, use_text_flow=True, x_tolerance=1.5))
            for page in pdf.pages
        ]
    lines = [line for page in pages for line in page]
    if not lines:
        raise ReadError(path, "the PDF has no text layer (a scanned document needs OCR first)")
    box = (min(ln[0]["x0"] for ln in lines), max(ln[-1]["x1"] for ln in lines))
    text = ""
    previous: list[dict[str, Any]] | None = None
    for page in pages:
        if not page:
            continue
        page_text = _pdf_page_text(page, box)
        if previous is None:
            text = page_text
        elif _pdf_wrapped(previous, page[0], box):
            text += ("" if text.endswith("-") else " ") + page_text
        else:
            text += "\n\n" + page_text
        previous = page[-1]
    return Document(str(path), text, None)


def _pdf_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= PDF_LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _pdf_line_text(line: list[dict[str, Any]]) -> str:
    out = line[0]["text"]
    for prev, word in zip(line, line[1:]):
        gap = word["x0"] - prev["x1"]
        height = max(prev["bottom"] - prev["top"], 1.0)
        out += ("" if gap < 0.1 * height else " ") + word["text"]
    return out


def _pdf_wrapped(prev: list[dict[str, Any]], line: list[dict[str, Any]], box: tuple[float, float]) -> bool:
    """Whether ``line`` continues ``prev`` only because ``prev`` reached the right margin.

    True when ``prev`` is long and the first word of ``line`` would not have fitted after it.
    """
    left, right = box
    first = line[0]
    space = 0.3 * (first["bottom"] - first["top"])
    end = prev[-1]["x1"]
    return end - left >= PDF_WRAP_MIN_WIDTH * (right - left) and right - end < (first["x1"] - first["x0"]) + space


def _pdf_page_text(lines: list[list[dict[str, Any]]], box: tuple[float, float]) -> str:
    """Text of one page: blank lines at paragraph gaps, lines wrapped by the margin joined."""
    height = statistics.median(ln[0]["bottom"] - ln[0]["top"] for ln in lines)
    steps = sorted(b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:]) if b[0]["top"] > a[0]["top"])
    # the usual distance of two lines in one paragraph: the tighter steps, within sane bounds
    tight = steps[len(steps) // 4] if steps else height * 1.2
    step = min(max(tight, height), PDF_MAX_LINE_STEP * height)
    out: list[str] = []
    for k, line in enumerate(lines):
        text = _pdf_line_text(line)
        if k == 0:
            out.append(text)
            continue
        prev = lines[k - 1]
        if line[0]["top"] - prev[0]["top"] > step + PDF_PARAGRAPH_GAP * height:
            out.extend(("", text))
        elif _pdf_wrapped(prev, line, box):
            out[-1] += ("" if out[-1].endswith("-") else " ") + text
        else:
            out.append(text)
    return "\n".join(out)


# --- .docx ----------------------------------------------------------------------------------


def _read_docx(path: Path) -> Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _docx_paragraph_text(Paragraph(element, document))
            if text.strip():
                blocks.append(text.rstrip())
        elif tag == "tbl":
            rows = []
            for row in Table(element, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if value and (not cells or cells[-1] != value):  # merged cells repeat their text
                        cells.append(value)
                if cells:
                    rows.append("\t".join(cells))
            if rows:
                blocks.append("\n".join(rows))
    text = "\n\n".join(blocks)
    if not text.strip():
        raise ReadError(path, "the document has no text")
    return Document(str(path), text, None)


def _docx_paragraph_text(paragraph: Any) -> str:
    """The paragraph's text; struck-through runs as ``~~text~~`` (a struck name did not attend)."""
    segments: list[list[Any]] = []  # [text, struck]
    for item in paragraph.iter_inner_content():
        for run in getattr(item, "runs", None) or [item]:
            text = run.text
            if not text:
                continue
            struck = bool(run.font.strike or run.font.double_strike)
            if segments and segments[-1][1] == struck:
                segments[-1][0] += text
            else:
                segments.append([text, struck])
    out = []
    for text, struck in segments:
        core = text.strip()
        if struck and core:
            start = text.index(core)
            out.append(f"{text[:start]}~~{core}~~{text[start + len(core) :]}")
        else:
            out.append(text)
    return "".join(out)
