"""Every part that reads text finishes in bounded time on hostile input and on real minutes.

* the tokenizer, each rule component of :func:`famhbg_nlp.rules_pipeline` and the protocol
  parser on long runs of ``_ . - … * | space tab digits`` (alone and cut into lines);
* the readers on the same runs written as ``.txt``, ``.pdf`` and ``.docx``;
* the shipped pipeline, through ``famhbg_nlp.parse(path)``, on every file of
  ``../shared/minutes`` and ``../shared/seeds``: a document of ordinary length takes well under a
  second; the bound here is generous (a loaded machine must not fail the test), the speed
  itself is measured in ``bench/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from robustness.hostile import hostile_texts, timed

import famhbg_nlp
from famhbg_nlp.protocol import parse_doc
from famhbg_nlp.readers import ReadError, read_document

#: The characters the issue names: runs of each, alone and mixed with line breaks.
ISSUE_UNITS = ("_", ".", "-", "…", "*", "|", " ", "\t", "1")
TEXTS = [(name, text) for name, text in hostile_texts(ISSUE_UNITS) if not name.endswith("run+x")]

#: Seconds for one component (or the parser, or a reader) on one hostile text.
BOUND = 5.0
#: Seconds for the whole shipped pipeline and the parser on one real document.
DOCUMENT_BOUND = 5.0

SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL_FILES = sorted([*SHARED.glob("minutes/*.txt"), *SHARED.glob("seeds/*.txt")])


@pytest.fixture(scope="module")
def rules_nlp():
    return famhbg_nlp.rules_pipeline()


@pytest.mark.parametrize("name,text", TEXTS, ids=[name for name, _ in TEXTS])
def test_each_component_on_hostile_text(name, text, rules_nlp):
    doc, _ = timed(BOUND, f"the tokenizer on {name}", rules_nlp.make_doc, text)
    assert doc.text == text
    for component, pipe in rules_nlp.pipeline:
        doc, _ = timed(BOUND, f"{component} on {name}", pipe, doc)
    protocol, _ = timed(BOUND, f"the protocol parser on {name}", parse_doc, doc)
    for entity in protocol.entities:
        assert text[entity.start : entity.end] == entity.text


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for line in text.split("\n"):
        pdf.multi_cell(0, 5, line.replace("…", "..."), new_x="LMARGIN", new_y="NEXT", wrapmode="CHAR")
    return bytes(pdf.output())


def _docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
@pytest.mark.parametrize("name,text", TEXTS[::2], ids=[name for name, _ in TEXTS[::2]])
def test_each_reader_on_hostile_text(name, text, suffix, tmp_path):
    path = tmp_path / f"hostile{suffix}"
    if suffix == ".txt":
        path.write_text(text, encoding="utf-8")
    elif suffix == ".pdf":
        path.write_bytes(_pdf(text))
    else:
        _docx(text, path)
    try:
        document, _ = timed(BOUND, f"the {suffix} reader on {name}", read_document, path)
    except ReadError as err:  # allowed: a file of only blanks has no text
        assert str(path) in str(err) and text.strip(" \t\n") == ""
    else:
        assert document.text.strip() or not text.strip()


def test_the_real_minutes_are_there():
    assert len(REAL_FILES) >= 70, f"expected ../shared/minutes and ../shared/seeds next to the repository ({SHARED})"


@pytest.fixture(scope="module")
def shipped():
    return famhbg_nlp.load()


@pytest.mark.parametrize("path", REAL_FILES, ids=[f"{p.parent.name}/{p.name}" for p in REAL_FILES])
def test_a_real_document_takes_less_than_the_bound(path, shipped):
    protocol, seconds = timed(DOCUMENT_BOUND, f"parse({path.name})", famhbg_nlp.parse, path, nlp=shipped)
    assert protocol.path == str(path) and protocol.entities
