"""Pages and scans through ``famhbg extract`` and the API: entities and items carry their page,
a scanned page is named in a warning, ``--ocr`` reads it, the HTML shows page breaks."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from famhbg_nlp.cli import app
from famhbg_nlp.extract import Extraction, extract_files
from famhbg_nlp.pipeline import rules_pipeline
from famhbg_nlp.protocol.render import render_page
from famhbg_nlp.readers import read_document
from famhbg_nlp.readers.ocr import ocr_status

runner = CliRunner()


@pytest.fixture(scope="module")
def one(system_files):
    """A minutes-system PDF with a scanned page (page 2) and a verification page."""
    return system_files["seed-2020-11-27"]


def test_extract_gives_pages(one):
    (result,) = extract_files([one.path], nlp=rules_pipeline())
    assert isinstance(result, Extraction)
    document = read_document(one.path)
    assert result.text == document.text
    assert result.page_starts == document.page_map.starts
    entities = result.protocol.entities
    assert entities and all(e.page == document.page_at(e.start) for e in entities)
    assert {e.page for e in entities} >= {1, 3}  # the cover, and the page after the scan
    assert all(i.page == document.page_at(i.start) for i in result.protocol.items)
    assert any("page 2 of" in w and "no text layer" in w for w in result.warnings)


def test_cli_names_the_scanned_page(one):
    result = runner.invoke(app, ["extract", str(one.path), "--model", "rules", "-q"])
    assert result.exit_code == 0, result.stderr
    assert f"{one.path}: page 2 of {one.typeset.pages} has no text layer" in result.stderr
    assert "--ocr" in result.stderr  # and says how to read it
    assert "removed page furniture" in result.stderr
    (data,) = json.loads(result.stdout)
    assert all(isinstance(e["page"], int) for e in data["entities"])
    assert all(isinstance(i["page"], int) for i in data["items"])


def test_cli_ocr_reads_the_scanned_page(one, appendix_text):
    problem = ocr_status()
    if problem is not None:
        pytest.skip(f"OCR not available here ({problem}); .ci/run installs it")
    result = runner.invoke(app, ["extract", str(one.path), "--model", "rules", "-q", "--ocr", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert "page 2 read by OCR" in result.stderr
    assert "no text layer" not in result.stderr
    plain = runner.invoke(app, ["extract", str(one.path), "--model", "rules", "-q", "-f", "csv"])
    # the scanned page holds a date and a municipality the text layer does not have
    assert len(result.stdout.splitlines()) > len(plain.stdout.splitlines())


def test_html_shows_page_breaks(one):
    (result,) = extract_files([one.path], nlp=rules_pipeline())
    html = render_page([(result.protocol, result.text, result.page_starts)])
    for page in range(1, one.typeset.pages + 1):
        assert f'data-page="{page}"' in html
    assert html.index('data-page="1"') < html.index('data-page="3"') < html.index('data-page="4"')
    assert render_page([(result.protocol, result.text)]).count('class="page-break"') == 0
