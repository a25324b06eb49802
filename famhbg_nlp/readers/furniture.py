"""Page furniture: what a layout prints around the text, found across the pages of a document.

* **Margin text**: text that is rotated (a signature reference or stamp up the margin).
* **Running headers and footers**: a segment in the top or bottom band of the page that
  comes back at the same place on at least half of the pages, equal up to dates and times
  and up to numbers that count with the page (``Sida 2 (16)``, ``Sida 3 (16)``); a number
  that changes otherwise (``§ 55``, ``§ 57``) makes it content.
* **Page numbers**: a segment in a band that is only a page number (:data:`.patterns.PAGE_NUMBER`),
  and a page number at the end of a band segment (``Kommunstyrelsen  Sida 2 av 5``).
* **E-signature pages**: trailing pages that read like the verification page of an
  e-signing service (several of the cues in ``data/esignature.tsv``).

:func:`remove_furniture` takes the pages' segments and gives back what is left and what
was removed, counted by kind, so that the reader can say so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ..resources import read_tsv
from .layout import Segment
from .patterns import DATE_TIME, NUMBER, PAGE_NUMBER, PAGE_NUMBER_TAIL, SPACE, page_number_ok

#: Share of the page height, at the top and at the bottom, where headers and footers live.
BAND = 0.16
#: Copies of a running header must be this close (points) in position.
POSITION_TOLERANCE = 4.0
#: A running header comes back on at least this share of the pages (and on two at least).
REPEAT_SHARE = 0.5
#: Distinct e-signature cues that make a trailing page a verification page.
ESIGN_MIN_CUES = 3

#: Kinds of furniture, in the order they are reported.
KINDS: tuple[str, ...] = ("running header", "running footer", "page number", "margin text", "e-signature page")


@cache
def esignature_cues() -> tuple[str, ...]:
    """The cues of an e-signature verification page (lower case)."""
    return tuple(row["cue"] for row in read_tsv("famhbg_nlp.readers.data", "esignature.tsv"))


@dataclass
class PageSegments:
    """One page: its size and its segments (PDF coordinates)."""

    number: int
    width: float
    height: float
    segments: list[Segment]


@dataclass
class Removed:
    """What :func:`remove_furniture` took out, by kind, and the pages it dropped whole."""

    counts: Counter[str] = field(default_factory=Counter)
    esignature_pages: list[int] = field(default_factory=list)


def remove_furniture(pages: Sequence[PageSegments]) -> Removed:
    """Remove furniture from ``pages`` in place; returns what was removed."""
    removed = Removed()
    for page in pages:
        kept = [s for s in page.segments if not s.rotated]
        if len(kept) < len(page.segments):
            removed.counts["margin text"] += len(page.segments) - len(kept)
            page.segments = kept
    _running(pages, removed)
    for page in pages:
        _page_numbers(page, removed)
    _esignature(pages, removed)
    return removed


def _band(page: PageSegments, seg: Segment) -> str | None:
    if seg.y0 >= page.height * (1 - BAND):
        return "running header"
    if seg.y1 <= page.height * BAND:
        return "running footer"
    return None


def _key(text: str) -> str:
    return SPACE.sub(" ", NUMBER.sub("#", DATE_TIME.sub("@", text))).strip().lower()


def _close(a: Segment, b: Segment) -> bool:
    if abs(a.y0 - b.y0) > POSITION_TOLERANCE:
        return False
    return (
        abs(a.x0 - b.x0) <= POSITION_TOLERANCE
        or abs(a.x1 - b.x1) <= POSITION_TOLERANCE
        or abs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 2 * POSITION_TOLERANCE
    )


def _counts_with_page(members: list[tuple[int, Segment]]) -> bool:
    """Whether the numbers of the copies are equal, or move with the page number."""
    numbers = [(page, [int(n) for n in NUMBER.findall(DATE_TIME.sub("@", seg.text))]) for page, seg in members]
    width = {len(ns) for _, ns in numbers}
    if len(width) != 1:
        return False
    for k in range(width.pop()):
        values = {ns[k] for _, ns in numbers}
        offsets = {ns[k] - page for page, ns in numbers}
        if len(values) > 1 and len(offsets) > 1:
            return False
    return True


def _running(pages: Sequence[PageSegments], removed: Removed) -> None:
    with_text = [p for p in pages if p.segments]
    if len(with_text) < 2:
        return
    needed = max(2, math.ceil(REPEAT_SHARE * len(with_text)))
    groups: dict[tuple[str, str], list[list[tuple[int, Segment]]]] = {}
    for page in with_text:
        for seg in page.segments:
            band = _band(page, seg)
            if band is None:
                continue
            clusters = groups.setdefault((band, _key(seg.text)), [])
            for cluster in clusters:
                if _close(cluster[0][1], seg):
                    cluster.append((page.number, seg))
                    break
            else:
                clusters.append([(page.number, seg)])
    drop: set[int] = set()
    for (band, _), clusters in groups.items():
        for cluster in clusters:
            if len({page for page, _ in cluster}) >= needed and _counts_with_page(cluster):
                drop.update(id(seg) for _, seg in cluster)
                removed.counts[band] += len(cluster)
    if drop:
        for page in pages:
            page.segments = [s for s in page.segments if id(s) not in drop]


def _page_numbers(page: PageSegments, removed: Removed) -> None:
    kept: list[Segment] = []
    for seg in page.segments:
        if _band(page, seg) is not None:
            whole = PAGE_NUMBER.match(seg.text)
            if whole and page_number_ok(whole):
                removed.counts["page number"] += 1
                continue
            tail = PAGE_NUMBER_TAIL.search(seg.text)
            if tail and tail.start() > 0 and page_number_ok(tail):
                removed.counts["page number"] += 1
                share = tail.start() / len(seg.text)
                seg.text = seg.text[: tail.start()].rstrip()
                seg.x1 = seg.x0 + (seg.x1 - seg.x0) * share
        kept.append(seg)
    page.segments = kept


def page_cues(page: PageSegments) -> int:
    """How many distinct e-signature cues the page's text contains."""
    text = " ".join(s.text for s in page.segments).lower()
    return sum(1 for cue in esignature_cues() if cue in text)


def _esignature(pages: Sequence[PageSegments], removed: Removed) -> None:
    with_text = [p for p in pages if p.segments]
    trailing: list[PageSegments] = []
    for page in reversed(with_text[1:]):  # never the first page with text
        if page_cues(page) >= ESIGN_MIN_CUES:
            trailing.append(page)
        else:
            break
    for page in trailing:
        page.segments = []
        removed.counts["e-signature page"] += 1
        removed.esignature_pages.append(page.number)
    removed.esignature_pages.sort()
