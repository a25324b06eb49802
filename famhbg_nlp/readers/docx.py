"""DOCX: the body's paragraphs and tables in order (python-docx), without headers and footers.

* Paragraphs are separated by a blank line; a line break inside a paragraph stays one.
* A table row is one line with its cells separated by tabs (a merged cell once); the
  lines of a multi-line cell follow on their own lines; a heading row (marked to repeat
  on each page, or bold over plain rows) is a paragraph of its own, so that ``Namn  Parti``
  is not read as the first attendee.
* Content controls (``w:sdt``: tables of contents, template fields) are read like the body.
* Struck-through text is written ``~~like this~~`` (a struck name did not attend).
* Headers and footers are other parts of the file and are never read.
* Pages: Word records where it broke the pages when it last laid the document out
  (``w:lastRenderedPageBreak``); with those the document gets a page map, without them
  (files written by programs) it has none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .document import Document, TextBuilder
from .errors import ReadError
from .text import normalise

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Document:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises many kinds for a broken file
        raise ReadError(path, f"not a readable DOCX ({type(err).__name__}: {err})") from err
    blocks: list[tuple[str, list[int]]] = []  # text, offsets of page breaks inside it
    _body(document.element.body, document, blocks)
    has_pages = any(breaks for _, breaks in blocks)
    builder = TextBuilder()
    if has_pages:
        builder.start_page()
    for text, breaks in blocks:
        cuts = sorted({min(max(b, 0), len(text)) for b in breaks}) if has_pages else []
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        started = False
        for k, piece in enumerate(pieces):
            if k:
                builder.start_page()
            if not piece.strip():
                continue
            if started:  # the paragraph goes on on the next page
                builder.continue_paragraph(builder.tail(), piece)
            else:
                builder.paragraph(piece.strip("\n"))
                started = True
    text, page_map = builder.build()
    if not text.strip():
        raise ReadError(path, "the document has no text")
    return Document(str(path), text, None, (), page_map if has_pages else None)


def _body(element: Any, parent: Any, blocks: list[tuple[str, list[int]]]) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            text, breaks = _paragraph_text(Paragraph(child, parent))
            blocks.append((text.rstrip(), breaks))
        elif tag == f"{_W}tbl":
            blocks.extend(_table_blocks(Table(child, parent)))
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _body(content, parent, blocks)


def _table_blocks(table: Any) -> list[tuple[str, list[int]]]:
    rows: list[tuple[str, bool, bool]] = []  # text, marked as heading, all bold
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell comes back once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        while cells and not cells[-1]:
            cells.pop()
        while cells and not cells[0]:
            cells.pop(0)
        if not cells:
            continue
        tr_pr = row._tr.trPr
        marked = tr_pr is not None and tr_pr.find(f"{_W}tblHeader") is not None
        rows.append(("\t".join(cells), marked, _row_bold(row)))
    if not rows:
        return []
    heading = rows[0][1] or (len(rows) > 1 and rows[0][2] and not all(bold for _, _, bold in rows[1:]))
    blocks: list[tuple[str, list[int]]] = []
    if heading and len(rows) > 1:
        blocks.append((rows[0][0], []))
        rows = rows[1:]
    blocks.append(("\n".join(text for text, _, _ in rows), []))
    return blocks


def _cell_text(cell: Any) -> str:
    from docx.table import Table

    parts: list[str] = []
    for item in cell.iter_inner_content():
        if isinstance(item, Table):
            parts.extend(text for text, _ in _table_blocks(item))
        else:
            parts.append(_paragraph_text(item)[0].strip())
    return "\n".join(p for p in parts if p)


def _row_bold(row: Any) -> bool:
    runs = [run for cell in row.cells for p in cell.paragraphs for run in p.runs if run.text.strip()]
    return bool(runs) and all(run.bold or _style_bold(run) for run in runs)


def _style_bold(run: Any) -> bool:
    style = getattr(run, "style", None)
    while style is not None:
        if style.font.bold:
            return True
        style = style.base_style
    return False


def _paragraph_text(paragraph: Any) -> tuple[str, list[int]]:
    """The paragraph's text, struck-through runs as ``~~text~~``, and where Word broke the page."""
    from docx.text.pagebreak import RenderedPageBreak

    segments: list[list[Any]] = []  # [text, struck]
    breaks: list[int] = []
    length = 0
    for item in paragraph.iter_inner_content():
        for run in getattr(item, "runs", None) or [item]:
            struck = bool(run.font.strike or run.font.double_strike)
            for piece in run.iter_inner_content():
                if isinstance(piece, RenderedPageBreak):
                    breaks.append(length)
                    continue
                if not isinstance(piece, str) or not piece:
                    continue
                length += len(piece)
                if segments and segments[-1][1] == struck:
                    segments[-1][0] += piece
                else:
                    segments.append([piece, struck])
    out = []
    shift = 0
    segments = [[normalise(text)[0], struck] for text, struck in segments]  # soft hyphens, controls
    for text, struck in segments:
        core = text.strip()
        if struck and core:
            start = text.index(core)
            out.append(f"{text[:start]}~~{core}~~{text[start + len(core) :]}")
            shift += 4
        else:
            out.append(text)
    if shift and breaks:  # markers moved the text; put the breaks at the nearest paragraph edge
        breaks = [0 if b == 0 else length + shift if b >= length else b for b in breaks]
    return "".join(out), breaks
