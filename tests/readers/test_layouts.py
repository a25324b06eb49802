"""Generated minutes in realistic layouts read back: content only, in order, with pages.

For each layout and text: the reader gives back the content (modulo whitespace), none of
the page furniture (and says what it removed), hyphenated words whole, labels before
their values, every character on its page, and the entities of the content.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache

import pytest
from readers.material import MINUTES_TEXTS, SUMMARY_TEXTS, Material

from famhbg_nlp.pipeline import rules_pipeline
from famhbg_nlp.readers import Document, read_document
from famhbg_nlp.testing import Fields, Table, expected_text, normalise_space, source_paragraphs

FIXTURES = {"word": "word_files", "system": "system_files", "docx": "docx_files", "columns": "column_files"}
PDF_LAYOUTS = ("word", "system")

ALL = [pytest.param(layout, name, id=f"{layout}-{name}") for layout in (*PDF_LAYOUTS, "docx") for name in MINUTES_TEXTS]
ALL += [pytest.param("columns", name, id=f"columns-{name}") for name in SUMMARY_TEXTS]
PDFS = [p for p in ALL if p.values[0] != "docx"]
MINUTES = [p for p in ALL if p.values[0] != "columns"]


def material(request, layout: str, name: str) -> Material:
    return request.getfixturevalue(FIXTURES[layout])[name]


@cache
def _read(path: str) -> Document:
    return read_document(path)


def read(m: Material) -> Document:
    return _read(str(m.path))


@pytest.fixture(scope="module")
def nlp():
    return rules_pipeline()


# --- content ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("layout", "name"), ALL)
def test_the_text_is_the_content(request, layout, name):
    m = material(request, layout, name)
    text = read(m).text
    assert normalise_space(text) == normalise_space(expected_text(m.minutes))
    # the real text is all there, in order
    flat, position = normalise_space(text), 0
    for paragraph in source_paragraphs(m.minutes.source):
        position = flat.index(normalise_space(paragraph), position)


@pytest.mark.parametrize(("layout", "name"), ALL)
def test_no_furniture_in_the_text(request, layout, name):
    m = material(request, layout, name)
    text, content = read(m).text, expected_text(m.minutes)
    f = m.minutes.furniture
    pieces = [*f.header, *f.footer, "Sida ", "Verifikat", "BankID", "Signerade", f.transaction]
    pieces += [mail for _, mail in f.signers]
    for piece in pieces:
        assert text.count(piece) == content.count(piece), piece
    assert not re.search("[\u00ad\ufffe\x02]", text)


@pytest.mark.parametrize(("layout", "name"), [p for p in PDFS if p.values[0] in PDF_LAYOUTS])
def test_what_was_removed_is_reported(request, layout, name):
    m = material(request, layout, name)
    document = read(m)
    pages = document.pages
    (report,) = [w for w in document.warnings if "removed page furniture" in w]
    assert str(m.path) in report
    headers = int(re.search(r"(\d+) running headers?", report).group(1))
    assert headers >= pages - 2  # every page but the scan and the verification page
    assert re.search(r"(\d+) running footers?", report)
    assert f"{pages} margin texts" in report  # the signature reference up every page's margin
    assert f"1 e-signature page ({pages})" in report
    assert document.removed["e-signature page"] == 1


@pytest.mark.parametrize(("layout", "name"), ALL)
def test_hyphenated_words_are_whole(request, layout, name):
    m = material(request, layout, name)
    text, content = read(m).text, expected_text(m.minutes)
    # a hyphen before a space is Swedish coordination ("Näringslivs- och") and only where the content has one
    assert Counter(re.findall(r"\w+- \w+", text)) == Counter(re.findall(r"\w+- \w+", content))
    if m.typeset is not None:
        assert m.typeset.broken_words or layout == "columns"
        for word in m.typeset.broken_words:
            assert text.count(word) == content.count(word), word


def test_the_word_layout_has_hyphenated_lines(word_files):
    """LibreOffice broke words at the soft hyphens: the material tests the joining."""
    import pypdfium2 as pdfium

    broken = 0
    for m in word_files.values():
        pdf = pdfium.PdfDocument(str(m.path))
        for page in pdf:
            broken += page.get_textpage().get_text_range().count("\ufffe")
        pdf.close()
    assert broken >= 5


@pytest.mark.parametrize(("layout", "name"), MINUTES)
def test_labels_come_before_their_values(request, layout, name):
    m = material(request, layout, name)
    lines = read(m).text.split("\n")
    for block in m.minutes.blocks:
        if isinstance(block, Fields):
            for label, value in block.rows:
                first, *more = value.split("\n")
                k = lines.index(f"{label}\t{first}")
                assert lines[k + 1 : k + 1 + len(more)] == more
        elif isinstance(block, Table):
            rows = ["\t".join(row) for row in block.rows]
            k = lines.index(rows[0])
            assert lines[k : k + len(rows)] == rows
            if block.header:  # the heading row is a paragraph of its own, not a first name
                assert lines[k - 2 : k] == ["\t".join(block.header), ""]
                assert "\t".join(block.header) in lines[:k]


# --- pages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("layout", "name"), [p for p in PDFS if p.values[0] != "word"])
def test_page_map_of_typeset_pages(request, layout, name):
    m = material(request, layout, name)
    document = read(m)
    assert document.pages == m.typeset.pages
    for page, expected in enumerate(m.typeset.page_texts, 1):
        start, end = document.page_map.span(page)
        assert normalise_space(document.text[start:end]) == normalise_space(expected), page
        assert all(document.page_at(i) == page for i in range(start, end))


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


@pytest.mark.parametrize("name", MINUTES_TEXTS)
def test_page_map_of_libreoffice_pages(word_files, name):
    """Every word the page map puts on a page is printed on that page (PDFium's plain text)."""
    import pypdfium2 as pdfium

    m = word_files[name]
    document = read(m)
    pdf = pdfium.PdfDocument(str(m.path))
    raw = [_letters(page.get_textpage().get_text_range()) for page in pdf]
    pdf.close()
    assert document.pages == len(raw)
    assert document.page_map.span(len(raw))[0] == document.page_map.span(len(raw))[1]  # the verification page
    for page in range(1, len(raw) + 1):
        start, end = document.page_map.span(page)
        words = [_letters(w) for w in document.text[start:end].split()]
        words = [w for w in words if len(w) >= 3]
        inside = words[1:-1]  # the first and last word may be hyphenated across the page break
        missing = [w for w in inside if w not in raw[page - 1]]
        assert not missing, (page, missing[:5])


def test_docx_has_no_page_map(docx_files):
    for m in docx_files.values():
        assert read(m).page_map is None


# --- scans ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MINUTES_TEXTS)
def test_scanned_page_is_named(system_files, name):
    m = system_files[name]
    document = read(m)
    scan = m.typeset.scan_page
    assert document.scanned_pages == (scan,)
    assert any(f"page {scan} of {document.pages} has no text layer" in w for w in document.warnings)
    assert document.page_map.span(scan)[0] == document.page_map.span(scan)[1]


def test_ocr_reads_the_scanned_page(system_files, appendix_text):
    from famhbg_nlp.readers.ocr import ocr_status

    problem = ocr_status()
    if problem is not None:
        pytest.skip(f"OCR not available here ({problem}); .ci/run installs it")
    m = next(iter(system_files.values()))
    document = read_document(m.path, ocr=True)
    scan = m.typeset.scan_page
    assert document.ocr_pages == (scan,)
    assert any(f"page {scan} read by OCR" in w for w in document.warnings)
    start, end = document.page_map.span(scan)
    read_words = set(_letters(w) for w in document.text[start:end].split())
    words = [_letters(w) for w in appendix_text.split() if len(_letters(w)) >= 4]
    found = sum(1 for w in words if w in read_words)
    assert found >= 0.9 * len(words), [w for w in words if w not in read_words]
    # the rest of the document is read as without OCR
    rest = document.text[:start] + document.text[end:]
    assert normalise_space(rest) == normalise_space(read(m).text)


# --- entities ---------------------------------------------------------------------------------------


def _entities(doc) -> Counter:
    return Counter((e.label_, normalise_space(e.text), json.dumps(e._.value, sort_keys=True)) for e in doc.ents)


@pytest.mark.parametrize(("layout", "name"), ALL)
def test_entities_equal_those_of_the_content(request, nlp, layout, name):
    m = material(request, layout, name)
    expected = _entities(nlp(expected_text(m.minutes)))
    assert sum(expected.values()) >= 3
    assert _entities(nlp(read(m).text)) == expected
