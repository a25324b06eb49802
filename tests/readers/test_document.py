"""The page map: every character offset of the text to its page, pages without text included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from famhbg_nlp.readers import PageMap
from famhbg_nlp.readers.document import TextBuilder


def test_page_map_spans_and_empty_pages():
    builder = TextBuilder()
    for page in (["Protokoll", "Närvarande"], [], ["§ 1 Val"]):  # page 2 is a scan without text
        builder.start_page()
        for paragraph in page:
            builder.paragraph(paragraph)
    text, page_map = builder.build()
    assert text == "Protokoll\n\nNärvarande\n\n§ 1 Val"
    assert page_map.pages == 3
    assert page_map.span(1) == (0, text.index("§"))
    assert page_map.span(2) == (text.index("§"), text.index("§"))
    assert page_map.span(3) == (text.index("§"), len(text))
    assert page_map.page_at(text.index("§")) == 3 and page_map.page_at(0) == 1
    assert page_map.page_at(len(text) + 5) == 3


def test_a_paragraph_continued_on_the_next_page():
    builder = TextBuilder()
    builder.start_page()
    builder.paragraph("arbetet med uppfölj-")
    builder.start_page()
    builder.continue_paragraph("arbetet med uppfölj", "ning av målen")
    text, page_map = builder.build()
    assert text == "arbetet med uppföljning av målen"
    assert page_map.page_at(text.index("ning av")) == 2
    assert page_map.page_at(text.index("uppfölj")) == 1


@pytest.mark.parametrize(
    "starts",
    [pytest.param((1, 2), id="not-from-0"), pytest.param((0, 5, 3), id="decreasing"), pytest.param((), id="none")],
)
def test_bad_page_maps_are_refused(starts):
    with pytest.raises(ValueError):
        PageMap(starts, 10)


@given(st.lists(st.lists(st.text(alphabet="ab ", min_size=1, max_size=8), max_size=3), min_size=1, max_size=6))
def test_every_character_is_on_the_page_it_came_from(pages):
    builder = TextBuilder()
    for paragraphs in pages:
        builder.start_page()
        for paragraph in paragraphs:
            builder.paragraph(paragraph)
    text, page_map = builder.build()
    assert page_map.pages == len(pages) and page_map.length == len(text)
    position = 0
    for number, paragraphs in enumerate(pages, 1):
        for paragraph in paragraphs:
            position = text.index(paragraph, position)
            assert {page_map.page_at(i) for i in range(position, position + len(paragraph))} == {number}
            position += len(paragraph)
