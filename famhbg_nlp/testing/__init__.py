"""Test material: realistic minutes files built from real minutes texts, through real tools.

Real minutes PDFs cannot be downloaded in the test environment, so this package builds
them the ways they are made: a Word template filled in (python-docx, :mod:`.word`) and
saved as PDF by LibreOffice (:mod:`.office`), then e-signed (:mod:`.stamps`: a signature
reference turned up the margin of every page, a verification page at the end); a
minutes system's own PDF (fpdf2, :mod:`.system`: running header and footer with page
numbers, justified and hyphenated text, label/value cover, attendance table, a scanned
page, the verification page), and the same in two columns. :mod:`.minutes` dresses a
real text (``../shared/minutes``, the seeds) as minutes and says what a reader should
give back (:func:`expected_text`). Used by the tests and by ``bench/bench_reader.py``;
nothing here is needed at run time.
"""

from __future__ import annotations

from .minutes import (
    Fields,
    Furniture,
    Heading,
    Minutes,
    PageBreak,
    Paragraph,
    Table,
    esignature_lines,
    expected_text,
    minutes_from_text,
    normalise_space,
    source_paragraphs,
    summary_from_text,
)

__all__ = [
    "Fields",
    "Furniture",
    "Heading",
    "Minutes",
    "PageBreak",
    "Paragraph",
    "Table",
    "esignature_lines",
    "expected_text",
    "minutes_from_text",
    "normalise_space",
    "source_paragraphs",
    "summary_from_text",
]
