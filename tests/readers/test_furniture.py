"""Page furniture found across pages: running headers and footers, page numbers, margin text,
e-signature pages; content that only looks similar stays."""

from __future__ import annotations

import pytest

from famhbg_nlp.readers.furniture import PageSegments, remove_furniture
from famhbg_nlp.readers.layout import Segment
from famhbg_nlp.readers.patterns import PAGE_NUMBER, PAGE_NUMBER_TAIL, page_number_ok

W, H = 595.0, 842.0


def seg(text: str, x: float, top: float, size: float = 10.0, **kw) -> Segment:
    """A segment whose top is ``top`` points below the top of the page."""
    y1 = H - top
    return Segment(text, x, y1 - 1.15 * size, x + 0.5 * size * len(text), y1, **kw)


def body(k: int) -> list[Segment]:
    return [seg(f"Brödtext rad {i} på sidan {k}", 72, 200 + 14 * i) for i in range(5)]


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("2", True), ("- 2 -", True), ("2 (77)", True), ("Sida 2 av 5", True), ("sid. 3", True),
        ("2/12", True), ("Page 2 of 5", True), ("12/5", False), ("5/2018", False), ("2018", False),
        ("Protokoll 5/2018", False), ("17-18/5", False),
    ],
)  # fmt: skip
def test_page_numbers(text, whole):
    match = PAGE_NUMBER.match(text)
    assert bool(match and page_number_ok(match)) == whole


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("Kommunstyrelsen Sida 2 av 5", "Sida 2 av 5"), ("Protokoll 2 (16)", "2 (16)"),
        ("Kommundirektörsgruppens protokoll 5/2018", None), ("Rapport 17-18/5", None), ("Bilaga 3", None),
    ],
)  # fmt: skip
def test_page_number_at_the_end_of_a_header(text, tail):
    match = PAGE_NUMBER_TAIL.search(text)
    found = match.group().strip() if match and match.start() > 0 and page_number_ok(match) else None
    assert found == tail


def test_running_header_footer_and_page_numbers_are_removed():
    pages = []
    for k in range(1, 5):
        segments = [
            seg("Kommunstyrelsen", 72, 40),
            seg(f"Sida {k} ({4})", 480, 40),
            seg("Sammanträdesdatum 2020-06-09", 72, 54),
            seg(f"Utskrivet 2020-06-1{k} 14:3{k}", 72, 800, size=7),  # the date of printing changes
            seg("Justerandes sign", 300, 800, size=7),
            seg("Verifikat 3F2A-19C7 signerat med BankID", 20, 300, rotated=True),
            *body(k),
        ]
        pages.append(PageSegments(k, W, H, segments))
    removed = remove_furniture(pages)
    assert removed.counts == {"running header": 12, "running footer": 8, "margin text": 4}
    for k, page in enumerate(pages, 1):
        assert [s.text for s in page.segments] == [s.text for s in body(k)]


def test_a_changing_number_that_is_not_a_page_number_stays():
    pages = [PageSegments(k, W, H, [seg(f"§ {n}", 72, 40), *body(k)]) for k, n in enumerate((55, 59, 60, 64), 1)]
    removed = remove_furniture(pages)
    assert not removed.counts
    assert all(page.segments[0].text.startswith("§") for page in pages)


def test_a_header_seen_on_few_pages_stays():
    pages = [PageSegments(k, W, H, [*([seg("Beslut", 72, 40)] if k == 2 else []), *body(k)]) for k in range(1, 5)]
    assert not remove_furniture(pages).counts


def test_lone_page_number_of_a_one_page_document():
    page = PageSegments(1, W, H, [*body(1), seg("1 (1)", 300, 810)])
    assert remove_furniture([page]).counts == {"page number": 1}


def test_trailing_verification_page_is_removed():
    verification = [
        seg("Verifikat", 72, 60, 16),
        seg("Transaktion 09222115557493841234", 72, 90),
        seg("Signerande parter", 72, 120),
        seg("Anna Svensson anna.svensson@kommun.se", 72, 140),
        seg("Signerat med svenskt BankID 2020-06-16 14:32:10 CEST", 72, 160),
    ]
    pages = [PageSegments(1, W, H, body(1)), PageSegments(2, W, H, body(2)), PageSegments(3, W, H, verification)]
    removed = remove_furniture(pages)
    assert removed.esignature_pages == [3] and removed.counts == {"e-signature page": 1}
    assert pages[2].segments == [] and pages[1].segments
    # the same page first in a document is content (a document about e-signing)
    pages = [PageSegments(1, W, H, verification), PageSegments(2, W, H, body(2))]
    assert not remove_furniture(pages).counts
