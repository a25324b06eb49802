"""DOCX: paragraphs, line breaks, tables (a heading row a paragraph of its own), struck text,
content controls, headers and footers left out, pages from Word's rendered page breaks."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import OxmlElement

from famhbg_nlp.readers import read_document, read_text

""" + open('/tmp/rd/docx_test.txt').read().rstrip() + """


def _heading_row(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


@pytest.mark.parametrize("how", ["marked", "bold"])
def test_a_heading_row_is_a_paragraph_of_its_own(tmp_path, how):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for r, (name, party) in enumerate([("Namn", "Parti"), ("Anna Svensson", "S"), ("Per Olsson", "M")]):
        for c, value in enumerate((name, party)):
            table.cell(r, c).paragraphs[0].add_run(value).bold = how == "bold" and r == 0
    if how == "marked":
        _heading_row(table.rows[0])
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_text(path) == "Namn\tParti\n\nAnna Svensson\tS\nPer Olsson\tM"


def test_merged_cells_once_and_multi_line_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 0).text = "Beslutande"
    merged.text = "Anna Svensson (S), ordförande"
    merged.add_paragraph("Per Olsson (M)")
    table.cell(1, 0).text = "S"
    table.cell(1, 1).text = "S"  # equal neighbours that are not merged stay two cells
    table.cell(1, 2).text = "ledamot"
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_text(path) == "Beslutande\tAnna Svensson (S), ordförande\nPer Olsson (M)\nS\tS\tledamot"


def test_headers_and_footers_are_left_out(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Ystads kommun  SAMMANTRÄDESPROTOKOLL  2020-06-09"
    section.footer.paragraphs[0].text = "Justerandes sign  Utdragsbestyrkande"
    document.add_paragraph("§ 1 Val av justerare")
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_text(path) == "§ 1 Val av justerare"


def test_content_controls_and_soft_hyphens(tmp_path):
    document = docx.Document()
    document.add_paragraph("Innehåll")
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    paragraph = document.add_paragraph("§ 1 Uppfölj\u00adning av budget")
    content.append(paragraph._p)  # moved into the content control (a table of contents)
    sdt.append(content)
    document.element.body.insert(1, sdt)
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_text(path) == "Innehåll\n\n§ 1 Uppföljning av budget"


def test_pages_from_rendered_page_breaks(tmp_path):
    document = docx.Document()
    document.add_paragraph("Sida ett")
    paragraph = document.add_paragraph("Slutet av sidan ett ")
    run = paragraph.add_run("och början av sidan två")
    run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    later = document.add_paragraph("Sida tre")
    later.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    path = tmp_path / "a.docx"
    document.save(str(path))
    read = read_document(path)
    assert read.text == "Sida ett\n\nSlutet av sidan ett och början av sidan två\n\nSida tre"
    assert read.pages == 3
    assert [read.page_at(read.text.index(w)) for w in ("ett\n", "Slutet", "och början", "tre")] == [1, 1, 2, 3]


def test_without_rendered_page_breaks_there_is_no_page_map(tmp_path):
    document = docx.Document()
    document.add_paragraph("Sida ett")
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_document(path).page_map is None
