"""Minutes as a Word document made from a municipal template (python-docx).

What the templates of Swedish municipalities have: a header on every page with the
municipality, ``SAMMANTRÄDESPROTOKOLL``, the body and the meeting date and ``Sida 2 (5)``
(PAGE and NUMPAGES fields), a footer with ``Justerandes sign`` and ``Utdragsbestyrkande``
boxes, the cover block as a borderless two-column table, the attendance list as a table
with a repeated heading row, a table of contents, justified body text with hyphenation
(soft hyphens: LibreOffice and Word break there and print a hyphen).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .hyphenate import soft_hyphenate
from .minutes import Fields, Heading, Minutes, PageBreak, Paragraph, Table

FONT = "Liberation Sans"  # LibreOffice's metric-compatible Arial


def _field(paragraph: Any, instruction: str) -> None:
    """A field (``PAGE``, ``NUMPAGES``) that the word processor fills in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _no_borders(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.append(borders)


def _repeat_heading(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _widths(table: Any, widths_cm: list[float]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def _cell_lines(cell: Any, text: str, *, bold: bool = False) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].add_run(lines[0]).bold = bold
    for line in lines[1:]:
        cell.add_paragraph().add_run(line).bold = bold


def write_docx(minutes: Minutes, path: Path, *, hyphenate: bool = True) -> Path:
    """Write ``minutes`` as a DOCX in the style of a municipal Word template."""
    import docx
    from docx.enum.section import WD_SECTION  # noqa: F401  (python-docx import check)
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(3.0), Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.2)

    f = minutes.furniture
    header = section.header
    table = header.add_table(rows=1, cols=3, width=Cm(16))
    _no_borders(table)
    _widths(table, [5.5, 6.5, 4.0])
    _cell_lines(table.cell(0, 0), f"{f.header[0]}\n{f.header[2]}", bold=True)
    _cell_lines(table.cell(0, 1), f"{f.header[1]}\n{f.header[3]}\n{f.header[4]}")
    page = table.cell(0, 2).paragraphs[0]
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run("Sida ")
    _field(page, "PAGE")
    page.add_run(" (")
    _field(page, "NUMPAGES")
    page.add_run(")")
    header.paragraphs[0].text = ""
    footer = section.footer
    table = footer.add_table(rows=1, cols=2, width=Cm(16))
    _widths(table, [8.0, 8.0])
    _cell_lines(table.cell(0, 0), f.footer[0])
    _cell_lines(table.cell(0, 1), f.footer[1])

    for block in minutes.blocks:
        if isinstance(block, Heading):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = True
            run.font.size = Pt({0: 18, 1: 13, 2: 12}.get(block.level, 12))
            paragraph.paragraph_format.space_before = Pt(12 if block.level else 0)
            paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            if len(block.text) > 200 and "\n" not in block.text:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            lines = block.text.split("\n")
            for k, line in enumerate(lines):
                run = paragraph.add_run(soft_hyphenate(line) if hyphenate else line)
                if k < len(lines) - 1:
                    run.add_break()
        elif isinstance(block, Fields):
            table = document.add_table(rows=len(block.rows), cols=2)
            _no_borders(table)
            for r, (label, value) in enumerate(block.rows):
                _cell_lines(table.cell(r, 0), label, bold=True)
                _cell_lines(table.cell(r, 1), value)
            _widths(table, [4.5, 11.5])
            document.add_paragraph()
        elif isinstance(block, Table):
            rows = ([block.header] if block.header else []) + list(block.rows)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            if block.header:
                table.style = document.styles["Table Grid"]
                _repeat_heading(table.rows[0])
            else:
                _no_borders(table)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    _cell_lines(table.cell(r, c), value, bold=bool(block.header) and r == 0)
            _widths(table, [6.5, 2.5, 7.0] if len(rows[0]) == 3 else [2.5, 13.5])
            document.add_paragraph()
        elif isinstance(block, PageBreak):
            document.add_page_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
