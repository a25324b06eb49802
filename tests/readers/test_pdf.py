"""PDF specifics: errors (encrypted, broken, nothing to read), scans, hyphens at line and page ends."""

from __future__ import annotations

import pytest

from famhbg_nlp.readers import ReadError, read_document
from famhbg_nlp.readers.ocr import ocr_status
from famhbg_nlp.testing.fonts import find_fonts

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev extra) writes the test PDFs")

LEFT, RIGHT = 72.0, 520.0


def justified(pages: list[list[str]], path, *, last_full: bool = True) -> None:
    """Each line's words spread from the left to the right margin (a justified paragraph), one
    list of lines per page; the last line of each page is set ragged unless ``last_full``."""
    fonts = find_fonts()
    if fonts is None:
        pytest.skip("no TrueType font with å/ä/ö (apt-get install fonts-liberation2)")
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_font("Body", "", str(fonts[0]))
    pdf.set_font("Body", size=11)
    for lines in pages:
        pdf.add_page()
        for k, line in enumerate(lines):
            words = line.split()
            widths = [pdf.get_string_width(w) for w in words]
            stretch = k < len(lines) - 1 or last_full
            gap = (RIGHT - LEFT - sum(widths)) / (len(words) - 1) if stretch and len(words) > 1 else 3.1
            x, y = LEFT, 100 + 15 * k
            for word, width in zip(words, widths):
                pdf.text(x, y, word)
                x += width + gap
    pdf.output(str(path))


def test_line_end_hyphens(tmp_path):
    path = tmp_path / "a.pdf"
    justified(
        [
            [
                "Johan Lindberg redogjorde för arbetet med Näringslivs-",
                "och Destinationsutveckling och för uppföljningen av EU-",
                "projektet i kommunerna samt för kostnaderna för den nya",
                "verksamhetsplanen som gäller från och med år 2020-",
                "2021 och för arbetet med den interna kontrollen av uppfölj-",
                "ningen av målen i styrelsens plan.",
            ]
        ],
        path,
        last_full=False,
    )
    assert read_document(path).text == (
        "Johan Lindberg redogjorde för arbetet med Näringslivs- och Destinationsutveckling och för uppföljningen "
        "av EU-projektet i kommunerna samt för kostnaderna för den nya verksamhetsplanen som gäller från och med "
        "år 2020-2021 och för arbetet med den interna kontrollen av uppföljningen av målen i styrelsens plan."
    )


def test_a_word_hyphenated_across_a_page_break(tmp_path):
    path = tmp_path / "a.pdf"
    first = [
        "Kommunstyrelsen beslutar att godkänna förslaget till den nya planen för",
        "verksamheten under nästa år, med de ändringar som gjorts i den delårs-",
    ]
    second = [
        "rapporten för perioden januari till och med augusti som gäller nu.",
        "Beslutet skickas till revisorerna.",
    ]
    justified([first, second], path)
    document = read_document(path)
    text = document.text
    assert "delårsrapporten för perioden" in text
    assert document.pages == 2
    assert document.page_at(text.index("delårsrapporten")) == 1
    assert document.page_at(text.index("för perioden")) == 2


def test_encrypted_pdf_needs_a_password(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "Protokoll")
    pdf.set_encryption(owner_password="owner", user_password="user")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert str(path) in str(info.value) and "encrypted and needs a password" in info.value.reason


def test_pdf_without_text_or_scans(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)  # a drawing, no text and no image
    path = tmp_path / "drawing.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError, match="no text layer and no scanned pages"):
        read_document(path)


def test_a_scanned_document(tmp_path):
    from famhbg_nlp.testing.scan import scanned_pdf

    fonts = find_fonts()
    if fonts is None:
        pytest.skip("no TrueType font with å/ä/ö (apt-get install fonts-liberation2)")
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf("Protokoll fört vid sammanträde med kommunstyrelsen i Ystad", fonts[0]))
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert "no text layer (a scan)" in info.value.reason
    problem = ocr_status()
    assert ("--ocr" in info.value.reason) if problem is None else ("apt-get install tesseract-ocr" in info.value.reason)
    if problem is not None:
        pytest.skip(f"OCR not available here ({problem}); .ci/run installs it")
    document = read_document(path, ocr=True)
    assert "sammanträde med kommunstyrelsen i Ystad" in document.text
    assert document.ocr_pages == (1,) and document.page_at(0) == 1


def test_without_tesseract_the_warning_says_how_to_install_it(system_files, monkeypatch):
    from famhbg_nlp.readers import ocr

    problem = f"the tesseract program is not installed: {ocr.INSTALL}"
    monkeypatch.setattr(ocr, "ocr_status", lambda: problem)
    m = system_files["krokom-bun"]
    scan = m.typeset.scan_page
    (warning,) = [w for w in read_document(m.path).warnings if "no text layer" in w]
    assert f"page {scan} of" in warning and "apt-get install tesseract-ocr tesseract-ocr-swe" in warning
    asked = read_document(m.path, ocr=True)  # asked for OCR without Tesseract: the rest is still read
    assert asked.ocr_pages == () and asked.scanned_pages == (scan,)
    assert any("cannot read the scanned page(s) by OCR" in w and "pip install" in w for w in asked.warnings)


@pytest.mark.parametrize("angle", [90, 270])
def test_a_page_set_sideways_is_read_in_its_direction(tmp_path, angle):
    """A landscape table turned onto a portrait page: its text is the page's, not margin text."""
    fonts = find_fonts()
    if fonts is None:
        pytest.skip("no TrueType font with å/ä/ö (apt-get install fonts-liberation2)")
    lines = [
        "Kommunstyrelsen beslutar att godkänna förslaget.",
        "Ärendet återremitteras till förvaltningen.",
        "Beslutet skickas till revisorerna i Ystad.",
        "Mötet avslutas klockan 15.00.",
    ]
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_font("Body", "", str(fonts[0]))
    pdf.set_font("Body", size=11)
    pdf.add_page()
    with pdf.rotation(angle, 297, 421):
        for k, line in enumerate(lines):
            pdf.text(150, 380 + 16 * k, line)
    path = tmp_path / "sideways.pdf"
    pdf.output(str(path))
    document = read_document(path)
    assert " ".join(document.text.split()) == " ".join(lines)  # in order, nothing taken for margin text
    assert not document.removed
