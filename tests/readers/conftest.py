"""Realistic minutes files, generated once per test session from real minutes texts.

Three layouts per text (:mod:`famhbg_nlp.testing`): a Word template saved as PDF by
LibreOffice and e-signed (``word``), a minutes system's PDF with a scanned page
(``system``), and the DOCX itself (``docx``); summaries also in two columns
(``columns``). LibreOffice converts all DOCX files in one call (it is slow to start).
"""

from __future__ import annotations

import pytest
from readers.material import APPENDIX, MINUTES_TEXTS, SUMMARY_TEXTS, Material, read_shared

from famhbg_nlp.testing import Minutes, minutes_from_text, summary_from_text
from famhbg_nlp.testing.fonts import find_fonts
from famhbg_nlp.testing.office import convert_to_pdf, soffice
from famhbg_nlp.testing.stamps import finish
from famhbg_nlp.testing.system import esignature_pdf, write_system_pdf
from famhbg_nlp.testing.word import write_docx


@pytest.fixture(scope="session")
def fonts():
    found = find_fonts()
    if found is None:
        pytest.skip("no TrueType font with å/ä/ö (apt-get install fonts-liberation2 or fonts-dejavu-core)")
    return found


@pytest.fixture(scope="session")
def appendix_text() -> str:
    return "\n".join(read_shared(APPENDIX).split("\n")[:14]).strip()


@pytest.fixture(scope="session")
def minutes_set(appendix_text) -> dict[str, Minutes]:
    out = {}
    for k, (name, relative) in enumerate(MINUTES_TEXTS.items()):
        out[name] = minutes_from_text(read_shared(relative), seed=k, appendix=appendix_text)
    return out


@pytest.fixture(scope="session")
def system_files(tmp_path_factory, minutes_set, fonts) -> dict[str, Material]:
    folder = tmp_path_factory.mktemp("system")
    out = {}
    for name, minutes in minutes_set.items():
        typeset = write_system_pdf(minutes, folder / f"{name}.pdf")
        out[name] = Material(name, "system", minutes, typeset.path, typeset)
    return out


@pytest.fixture(scope="session")
def column_files(tmp_path_factory, fonts) -> dict[str, Material]:
    folder = tmp_path_factory.mktemp("columns")
    out = {}
    for k, (name, files) in enumerate(SUMMARY_TEXTS.items()):
        minutes = summary_from_text("\n\n".join(read_shared(f) for f in files), seed=10 + k)
        typeset = write_system_pdf(minutes, folder / f"{name}.pdf", columns=2, scan=False, esign=False, stamp=False)
        out[name] = Material(name, "columns", minutes, typeset.path, typeset)
    return out


@pytest.fixture(scope="session")
def docx_files(tmp_path_factory, minutes_set) -> dict[str, Material]:
    folder = tmp_path_factory.mktemp("docx")
    return {
        name: Material(name, "docx", minutes, write_docx(minutes, folder / f"{name}.docx"))
        for name, minutes in minutes_set.items()
    }


@pytest.fixture(scope="session")
def word_files(tmp_path_factory, docx_files, fonts) -> dict[str, Material]:
    """The DOCX files saved as PDF by LibreOffice, then e-signed (margin stamp, verification page)."""
    if soffice() is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui; .ci/run installs it)")
    folder = tmp_path_factory.mktemp("word")
    converted = convert_to_pdf([m.path for m in docx_files.values()], folder / "converted")
    out = {}
    for (name, material), pdf in zip(docx_files.items(), converted):
        minutes = material.minutes
        signed = finish(pdf, folder / f"{name}.pdf", stamp=minutes.furniture.stamp, append=esignature_pdf(minutes))
        out[name] = Material(name, "word", minutes, signed)
    return out
