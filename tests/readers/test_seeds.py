"""A plain PDF and DOCX made from each seed protocol give the entities and structure of its text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from famhbg_nlp.corpus import read_records
from famhbg_nlp.pipeline import rules_pipeline
from famhbg_nlp.protocol import parse_doc
from famhbg_nlp.readers import read_text

# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(request):
    """The five seed protocols (their text as stored in the gold corpus), by record id."""
    records = read_records(Path(request.config.rootpath) / "corpus" / "gold.jsonl")
    return {r.id: r for r in records}


@pytest.fixture(scope="module")
def nlp(seeds):
    """The rule components plus an entity ruler that knows the gold PERSON and ORG names.

    It finds the same entities wherever the words are, so it shows what a change of
    file format does to the text, independently of a trained model.
    """
    nlp = rules_pipeline()
    ruler = nlp.add_pipe("entity_ruler", first=True)
    names = {
        (s.label, r.text[s.start : s.end]) for r in seeds.values() for s in r.spans if s.label in ("PERSON", "ORG")
    }
    ruler.add_patterns([{"label": label, "pattern": name} for label, name in sorted(names)])
    return nlp


def _font() -> Path | None:
    """A TrueType font with å, ä, ö, – and ” (DejaVu or Liberation from the distribution)."""
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts"), Path("C:/Windows/Fonts")]
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf"):
        for root in roots:
            if root.is_dir():
                found = sorted(root.rglob(name))
                if found:
                    return found[0]
    return None


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def write_pdf(text: str, path: Path) -> None:
    """An A4 PDF of ``text``: a paragraph per block, its lines wrapped at the margin."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev extra) writes the test PDFs")
    font = _font()
    if font is None:
        pytest.skip("no TrueType font with å/ä/ö found (install fonts-dejavu-core or fonts-liberation)")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("Body", "", str(font))
    pdf.set_font("Body", size=10)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for para in _paragraphs(text):
        for line in para.split("\n"):
            pdf.multi_cell(0, 4.6, line.strip(), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4.6)
    pdf.output(str(path))


def write_docx(text: str, path: Path) -> None:
    """A DOCX of ``text``: a paragraph per block, line breaks inside it."""
    import docx

    document = docx.Document()
    for para in _paragraphs(text):
        paragraph = document.add_paragraph()
        lines = para.split("\n")
        for k, line in enumerate(lines):
            run = paragraph.add_run(line)
            if k < len(lines) - 1:
                run.add_break()
    document.save(str(path))


def _entities(doc):
    return Counter((e.label_, e.text, str(e._.value)) for e in doc.ents)


# --- same entities from every format ---------------------------------------------------------------

SEED_IDS = ["kdg-2016-03-17", "kdg-2018-06-15", "kdg-2020-11-27", "kdg-2021-06-18", "kdg-2024-04-19"]


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_pdf_and_docx_give_the_entities_of_the_text(tmp_path, seeds, nlp, seed_id, suffix):
    text = seeds[seed_id].text
    txt = tmp_path / f"{seed_id}.txt"
    txt.write_text(text, encoding="utf-8")
    converted = tmp_path / f"{seed_id}{suffix}"
    (write_pdf if suffix == ".pdf" else write_docx)(text, converted)

    from_text = nlp(read_text(txt))
    from_file = nlp(read_text(converted))
    assert len(from_text.ents) > 40
    assert _entities(from_file) == _entities(from_text)

    # the protocol structure survives the conversion too
    a, b = parse_doc(from_text), parse_doc(from_file)
    assert [(p.name, p.municipality) for p in b.attendees] == [(p.name, p.municipality) for p in a.attendees]
    assert [(p.name, p.municipality) for p in b.absent] == [(p.name, p.municipality) for p in a.absent]
    assert [(i.number, i.time, i.title, len(i.decisions)) for i in b.items] == [
        (i.number, i.time, i.title, len(i.decisions)) for i in a.items
    ]
    assert (b.chair, b.secretary, b.time, b.place) == (a.chair, a.secretary, a.time, a.place)


def test_pdf_paragraphs_and_wrapped_lines(tmp_path):
    long = "Ordet " * 40 + "slut."
    text = f"Närvarande: Anna Svensson, Ystad\nPer Olsson, Skurup\n\n{long}\n\nBeslut\n\natt godkänna."
    path = tmp_path / "a.pdf"
    write_pdf(text, path)
    assert read_text(path) == text
