"""From positioned text runs of one page to paragraphs in reading order.

The input is a page's *segments*: runs of characters on one baseline without a wide gap
(:class:`Segment`, PDF coordinates: points, y grows upwards). The page is cut, XY-cut
style, into *bands* at vertical gaps wider than the usual line gap (paragraph spacing);
consecutive bands that share a vertical whitespace strip (a *gutter*) form an *area*,
which is then either

* text columns (the cells left of each gutter hold flowing text: many full lines that
  continue on the next line) and is read column by column, each column cut again; or
* a table (a label/value block, a table, a ``§`` number in a margin column) and is read
  row by row: cells on one baseline become one line with the cells separated by tabs
  (``Beslutande<TAB>Anna Svensson (S), ordförande``), the further lines of a multi-line
  cell follow on their own lines, and a bold first row is a heading of its own.

A band without a gutter is a paragraph: its lines are joined where the layout wrapped
them (the next word would not have fitted on the line; :func:`~.hyphenation.join_wrapped`
decides about a line-end hyphen) and kept apart where the author ended the line.
All thresholds are multiples of the text height, so they hold for any font size.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .hyphenation import ends_with_hyphen, join_wrapped

#: Characters closer than this many text heights belong to one word.
WORD_GAP = 0.2
#: A horizontal gap wider than this many text heights ends a segment.
SEGMENT_GAP = 0.6
#: A vertical whitespace strip at least this many text heights wide is a gutter.
GUTTER = 0.6
#: Two segments of one line further apart than this many heights are joined by a tab.
TAB_GAP = 1.0
#: A vertical gap this many heights larger than the usual line gap starts a new paragraph.
PARAGRAPH_GAP = 0.35
#: Segments overlapping vertically by this share of the smaller height are on one line.
LINE_OVERLAP = 0.5
#: A column of text: at least this many lines, and this share of them full and flowing on.
COLUMN_MIN_LINES = 4
COLUMN_FLOW_SHARE = 0.4
#: A line is full when it ends within this share of the column width from the right edge.
FULL_LINE = 0.12


class Segment:
    """A run of characters on one baseline: its text and box (``x0 < x1``, ``y0 < y1``, points).

    ``height`` is the height of the characters' box (font ascent plus descent), the unit of
    every threshold; ``bold`` comes from the font weight of the first character.
    """

    __slots__ = ("text", "x0", "y0", "x1", "y1", "height", "bold", "rotated")

    def __init__(
        self,
        text: str,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        height: float | None = None,
        *,
        bold: bool = False,
        rotated: bool = False,
    ) -> None:
        self.text = text
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.height = height if height is not None else max(y1 - y0, 1.0)
        self.bold = bold
        self.rotated = rotated

    def __repr__(self) -> str:
        return f"Segment({self.text!r}, {self.x0:.1f}, {self.y0:.1f}, {self.x1:.1f}, {self.y1:.1f})"


@dataclass
class Line:
    """Segments on one baseline, left to right."""

    segments: list[Segment]
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return max(s.height for s in self.segments)

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segments)

    def text(self, justified: bool = False) -> str:
        """The segments joined by spaces, or by a tab across a wide gap (not in a justified line)."""
        out = self.segments[0].text
        for prev, seg in zip(self.segments, self.segments[1:]):
            wide = not justified and seg.x0 - prev.x1 > TAB_GAP * max(prev.height, seg.height)
            out += ("\t" if wide else " ") + seg.text
        return out


@dataclass
class Block:
    """A paragraph (or a table) of the page, with what page assembly needs to know.

    ``flowing``: a paragraph of running text (not a table), which may continue on the next
    page. ``last_full``: its last line reached the column's right edge. ``first_word``: the
    width of the first word, to tell whether it would have fitted on the previous page.
    """

    text: str
    flowing: bool = True
    last_full: bool = False
    first_word: float = 0.0
    height: float = 10.0


@dataclass(frozen=True)
class Metrics:
    """Document-wide measures: the usual text height, the usual gap between two lines, and
    the right edge of the text (where justified and wrapped lines end)."""

    height: float
    line_gap: float
    right: float


def measure(pages: Sequence[Sequence[Segment]]) -> Metrics:
    """The :class:`Metrics` of a document, from its pages' segments."""
    heights = [s.height for page in pages for s in page]
    if not heights:
        return Metrics(10.0, 0.0, 0.0)
    height = statistics.median(heights)
    gaps: list[float] = []
    ends: list[float] = []
    for page in pages:
        lines = make_lines(page)
        gaps.extend(a.y0 - b.y1 for a, b in zip(lines, lines[1:]) if -0.5 * height < a.y0 - b.y1 < 2 * height)
        ends.extend(line.x1 for line in lines)
    ends.sort()
    line_gap = _usual_gap(gaps, height)
    right = ends[min(len(ends) - 1, int(0.9 * len(ends)))]
    return Metrics(height, max(line_gap, 0.0), right)


def _usual_gap(gaps: list[float], height: float) -> float:
    """The gap between two lines of one paragraph: the smallest gap seen more than once.

    Not a percentile: in minutes made of one-line paragraphs (lists, tables of contents,
    templates with spacing after every paragraph) most gaps are paragraph gaps.
    """
    if not gaps:
        return 0.2 * height
    step = 0.05 * height
    counts = Counter(round(g / step) for g in gaps)
    needed = 2
    common = sorted(k for k, n in counts.items() if n >= needed)
    if not common:
        return sorted(gaps)[len(gaps) // 4]
    # the bin and its neighbours: one gap measured in slightly different places
    k = common[0]
    members = [g for g in gaps if k - 1 <= round(g / step) <= k + 1]
    return max(members)


def make_lines(segments: Iterable[Segment]) -> list[Line]:
    """Segments grouped into lines (vertical overlap), top to bottom, each left to right."""
    lines: list[Line] = []
    for seg in sorted(segments, key=lambda s: (-s.y1, s.x0)):
        if lines:
            line = lines[-1]
            overlap = min(line.y1, seg.y1) - max(line.y0, seg.y0)
            if overlap >= LINE_OVERLAP * min(seg.height, line.y1 - line.y0):
                line.segments.append(seg)
                line.x0, line.x1 = min(line.x0, seg.x0), max(line.x1, seg.x1)
                line.y0 = min(line.y0, seg.y0)
                continue
        lines.append(Line([seg], seg.x0, seg.y0, seg.x1, seg.y1))
    for line in lines:
        line.segments.sort(key=lambda s: s.x0)
    return lines


def page_blocks(segments: Sequence[Segment], metrics: Metrics | None = None) -> list[Block]:
    """The paragraphs and tables of one page, in reading order."""
    if not segments:
        return []
    metrics = metrics or measure([segments])
    out: list[Block] = []
    _region(list(segments), max(metrics.right, max(s.x1 for s in segments)), metrics, out, 0)
    return out


# --- regions -------------------------------------------------------------------------------------


def _bands(lines: list[Line], metrics: Metrics) -> list[list[Line]]:
    """Lines split at paragraph gaps."""
    limit = metrics.line_gap + PARAGRAPH_GAP * metrics.height
    bands: list[list[Line]] = []
    for line in lines:
        if bands and bands[-1][-1].y0 - line.y1 <= limit:
            bands[-1].append(line)
        else:
            bands.append([line])
    return bands


def _justified(line: Line) -> bool:
    """A line of three or more segments with even gaps: stretched (justified) text, whose wide
    gaps are word spaces, not gutters."""
    segments = line.segments
    if len(segments) < 3:
        return False
    gaps = [b.x0 - a.x1 for a, b in zip(segments, segments[1:])]
    return min(gaps) > 0 and max(gaps) <= 1.15 * min(gaps) and max(gaps) < 3 * line.height


def _strips(lines: list[Line], height: float) -> list[tuple[float, float]]:
    """Vertical whitespace strips inside the band that are wide enough to be gutters."""
    spans = sorted(
        span
        for line in lines
        for span in ([(line.x0, line.x1)] if _justified(line) else [(s.x0, s.x1) for s in line.segments])
    )
    strips: list[tuple[float, float]] = []
    end = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - end >= GUTTER * height:
            strips.append((end, x0))
        end = max(end, x1)
    return strips


def _common(a: list[tuple[float, float]], b: list[tuple[float, float]], height: float) -> list[tuple[float, float]]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= GUTTER * height:
                out.append((lo, hi))
    return out


def _one_side(band: list[Line], strips: list[tuple[float, float]]) -> bool:
    """Whether every segment of ``band`` lies on one side of the first gutter (a column's tail)."""
    x0 = min(line.x0 for line in band)
    x1 = max(line.x1 for line in band)
    g0, g1 = strips[0]
    return x1 <= g1 or x0 >= g0


def _region(segments: list[Segment], right: float, metrics: Metrics, out: list[Block], depth: int) -> None:
    lines = make_lines(segments)
    bands = _bands(lines, metrics)
    h = metrics.height
    # areas: runs of bands that share a gutter
    areas: list[tuple[list[list[Line]], list[tuple[float, float]]]] = []
    for band in bands:
        strips = _strips(band, h) if depth < 6 else []
        if areas and areas[-1][1]:
            if strips:
                common = _common(areas[-1][1], strips, h)
                if common:
                    areas[-1][0].append(band)
                    areas[-1] = (areas[-1][0], common)
                    continue
            elif min(line.x0 for line in band) >= areas[-1][1][0][0]:
                areas[-1][0].append(band)  # more lines of a value (or right-hand) column
                continue
        areas.append(([band], strips))
    # a column area takes in the neighbouring bands that lie on one side of its gutter
    # (the end of the left column below the right one's end, a short last paragraph)
    k = 0
    while k < len(areas):
        group, strips = areas[k]
        j = k + 1
        while strips and j < len(areas) and all(_one_side(band, strips) for band in areas[j][0]):
            j += 1
        if j > k + 1:
            extended = group + [band for area in areas[k + 1 : j] for band in area[0]]
            narrowed = _common(strips, _strips([line for band in extended for line in band], h), h)
            if narrowed and _is_columns(_cells(extended, narrowed), metrics):
                areas[k] = (extended, narrowed)
                del areas[k + 1 : j]
        k += 1
    for group, strips in areas:
        if not strips:
            for band in group:
                out.append(_paragraph(band, right, h))
            continue
        cells = _cells(group, strips)
        if _is_columns(cells, metrics):
            for k, cell in enumerate(cells):
                cell_segments = [s for line in cell for s in line.segments]
                before = len(out)
                _region(cell_segments, max(s.x1 for s in cell_segments), metrics, out, depth + 1)
                if k and 0 < before < len(out) and continues(out[before - 1], out[before]):
                    first = out.pop(before)  # a paragraph that goes on at the top of the next column
                    last = out[before - 1]
                    last.text = join_wrapped(last.text, first.text)
                    last.last_full = first.last_full
        else:
            out.extend(_table(cells, strips, right, metrics))


def _cells(group: list[list[Line]], strips: list[tuple[float, float]]) -> list[list[Line]]:
    """The segments of an area split at its gutters, each cell as lines."""
    bounds = [(s0 + s1) / 2 for s0, s1 in strips]
    buckets: list[list[Segment]] = [[] for _ in range(len(bounds) + 1)]
    for band in group:
        for line in band:
            for seg in line.segments:
                k = sum(1 for b in bounds if (seg.x0 + seg.x1) / 2 > b)
                buckets[k].append(seg)
    return [make_lines(b) for b in buckets if b]


def _is_columns(cells: list[list[Line]], metrics: Metrics) -> bool:
    """Whether the cells are columns of running text (else a table)."""
    if len(cells) < 2:
        return False
    limit = metrics.line_gap + PARAGRAPH_GAP * metrics.height
    for cell in cells[:-1]:
        if len(cell) < COLUMN_MIN_LINES:
            return False
        left, right = min(ln.x0 for ln in cell), max(ln.x1 for ln in cell)
        width = max(right - left, 1.0)
        flowing = sum(1 for a, b in zip(cell, cell[1:]) if a.x1 >= right - FULL_LINE * width and a.y0 - b.y1 <= limit)
        if flowing < COLUMN_FLOW_SHARE * len(cell):
            return False
    return True


def continues(previous: Block, block: Block) -> bool:
    """Whether ``block`` (first in its column or page) continues ``previous`` (last in the one before)."""
    return previous.flowing and block.flowing and previous.last_full and bool(block.text[:1].strip())


# --- paragraphs ----------------------------------------------------------------------------------


def _first_word_width(line: Line) -> float:
    text = line.segments[0].text
    word = text.split(None, 1)[0] if text.strip() else text
    seg = line.segments[0]
    return (seg.x1 - seg.x0) * len(word) / max(len(text), 1)


#: Characters that start an item of a list: a line starting so was started by its author.
BULLETS = "•◦▪▫■□●○‣⁃–-*"


def _wrapped(prev: Line, line: Line, right: float) -> bool:
    """Whether ``prev`` ended only because the next word would not have fitted."""
    first = line.segments[0].text
    if len(first) > 1 and first[0] in BULLETS and first[1] == " ":
        return False
    if ends_with_hyphen(prev.segments[-1].text) and prev.x1 >= right - 3 * prev.height:
        return True
    space = 0.6 * prev.height
    return right - prev.x1 < _first_word_width(line) + space


def _paragraph(band: list[Line], right: float, height: float) -> Block:
    if len(band) >= 3:  # a paragraph of a column narrower than the region (a page's last column)
        longest = max(line.x1 for line in band)
        if longest < right - 2 * height:
            right = longest
    wrapped = [_wrapped(prev, line, right) for prev, line in zip(band, band[1:])]
    text = band[0].text(justified=bool(wrapped) and wrapped[0])
    for k, line in enumerate(band[1:], 1):
        line_text = line.text(justified=k < len(wrapped) and wrapped[k])
        text = join_wrapped(text, line_text) if wrapped[k - 1] else f"{text}\n{line_text}"
    last = band[-1]
    return Block(
        text,
        flowing=True,
        last_full=right - last.x1 < 2.5 * last.height or ends_with_hyphen(text),
        first_word=_first_word_width(band[0]),
        height=height,
    )


# --- tables ------------------------------------------------------------------------------------


@dataclass
class _Cell:
    column: int
    text: str
    y1: float  # top of the first line
    y0: float  # bottom of the last line
    height: float
    bold: bool


def _cell_lines(
    column: int, lines: list[Line], right: float, last: bool, alone: set[int], metrics: Metrics
) -> list[_Cell]:
    """The logical lines of one table column.

    A line joins the one above it only when it is alone on its row (no other column has a
    line there: a continuation, not the next row) and close below it; in the last column
    also only when the one above was wrapped (else it is the next name of a list), in the
    other columns always (a label too long for its column: ``Justeringens plats`` / ``och tid``).
    ``right`` is where the column ends: the middle of the gutter after it, or the table's edge.
    """
    limit = metrics.line_gap + PARAGRAPH_GAP * metrics.height
    out: list[_Cell] = []
    prev: Line | None = None
    for line in lines:
        joins = (
            prev is not None
            and id(line) in alone
            and prev.y0 - line.y1 <= limit
            and (not last or _wrapped(prev, line, right))
        )
        if joins:
            cell = out[-1]
            cell.text = join_wrapped(cell.text, line.text())
            cell.y0 = line.y0
        else:
            out.append(_Cell(column, line.text(), line.y1, line.y0, line.height, line.bold))
        prev = line
    return out


def _overlaps(a: Line, b: Line) -> bool:
    return min(a.y1, b.y1) - max(a.y0, b.y0) >= LINE_OVERLAP * min(a.y1 - a.y0, b.y1 - b.y0)


def _table(cells: list[list[Line]], strips: list[tuple[float, float]], right: float, metrics: Metrics) -> list[Block]:
    """Rows of a table or label/value block: one line per row, cells separated by tabs."""
    n = len(cells)
    edges = [(a + b) / 2 for a, b in strips][: n - 1] + [right]
    alone = {
        id(line)
        for k, lines in enumerate(cells)
        for line in lines
        if not any(_overlaps(line, other) for j, others in enumerate(cells) if j != k for other in others)
    }
    logical = [c for k, lines in enumerate(cells) for c in _cell_lines(k, lines, edges[k], k == n - 1, alone, metrics)]
    logical.sort(key=lambda c: (-c.y1, c.column))
    merged: list[list[_Cell]] = []
    for cell in logical:
        if merged:
            row = merged[-1]
            anchor = row[0]
            overlap = min(anchor.y1, cell.y1) - max(anchor.y1 - anchor.height, cell.y1 - cell.height)
            if overlap >= LINE_OVERLAP * min(anchor.height, cell.height) and all(c.column != cell.column for c in row):
                row.append(cell)
                continue
        merged.append([cell])
    texts: list[tuple[str, bool]] = []
    for row in merged:
        row.sort(key=lambda c: c.column)
        parts = [""] * n
        for c in row:
            parts[c.column] = c.text
        first = row[0].column
        last = row[-1].column
        texts.append(("\t".join(parts[first : last + 1]), all(c.bold for c in row)))
    blocks: list[Block] = []
    h = metrics.height
    if len(texts) > 1 and texts[0][1] and not all(bold for _, bold in texts[1:]) and len(merged[0]) > 1:
        blocks.append(Block(texts[0][0], flowing=False, height=h))  # a heading row
        texts = texts[1:]
    blocks.append(Block("\n".join(t for t, _ in texts), flowing=False, height=h))
    return blocks
