"""Lines of a document: cleaned text with offsets back to the document, and what each line is.

Every cue is matched on a *cleaned* line (markdown/HTML markup dropped, whitespace
collapsed) that keeps a map from each character back to its document offset, so every
result stays anchored to the document text.

Minutes whose tables lost their columns (PDF exports, web transcripts) run a whole cover
page into one line (``... 11.08. Beslutande Anna Svensson (M), ordförande ...``).
:func:`split_at` cuts such a line into *virtual lines* at the labels found inside it, so
the rest of the parser reads a flattened page like a tidy one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from . import patterns as P

#: A line with nothing to clean: no white space at its ends, no run of it, no tab.
_PLAIN = re.compile(r"(?:[^\s|](?: [^\s|]|[^\s|])*)?")
_BULLET = re.compile(r"^\s*(?:[-•–·▪]|\*(?=\s))\s+\S")


class LineKind(Enum):
    """What a line is, decided from its cleaned text (and, for some kinds, its neighbours)."""

    TEXT = "text"
    NOISE = "noise"  # page header, page number
    BOILERPLATE = "boilerplate"  # electronic-signature page and everything after it
    SIGNATURE = "signature"  # a name or role line of a signature block
    ROSTER = "roster"  # an attendance label (``Närvarande:``, ``Tjänstgörande ersättare``)
    ROSTER_LINE = "roster_line"  # a line of an attendance list
    OFFICER = "officer"  # ``Ordförande``, ``Sekreterare``, ``Utses att justera`` as a label
    FIELD = "field"  # any other cover label (``Plats och tid``, ``Paragrafer``, ``Organ`` ...)
    TOC = "toc"  # ``Innehållsförteckning`` and its entries
    PROPOSAL = "proposal"  # ``Förslag till beslut``, ``Yrkanden``
    DECISION = "decision"  # ``Beslut``, ``Kommunstyrelsens beslut``, ``<Organ> beslutar``
    VOTE = "vote"  # ``Omröstning``, ``Omröstningsresultat``
    RESERVATION = "reservation"  # ``Reservation``, ``X (S) reserverar sig``
    SECTION = "section"  # another section label that ends a decision (``Beslutsgång``, ``Bakgrund``)
    PRESENTER = "presenter"  # ``Föredragande:``
    ATTACHMENT = "attachment"  # ``Underlag:``
    ATTACHMENT_LINE = "attachment_line"  # ``Bilaga 3 – slutrapport``
    PAUSE = "pause"  # ``Paus``, ``Lunch``
    ITEM_TIMED = "item_timed"  # ``10.30 Rubrik``
    ITEM_PARA = "item_para"  # ``§ 12`` / ``KF § 12`` / ``12`` alone (the title follows)
    ITEM_NUM = "item_num"  # ``3. Rubrik``, ``§ 12 Rubrik``, ``Ks 52 Rubrik``
    ATT = "att"  # an ``att`` clause
    TITLE = "title"  # the title line below an ``ITEM_PARA`` heading


@dataclass(frozen=True)
class LineInfo:
    """What classification found on a line; which fields are set depends on the kind."""

    rest: tuple[int, int] | None = None  # document range of the value after a label on the line
    target: str | None = None  # ROSTER: attendees | absent | guests; OFFICER: chair | secretary | adjusters
    role: str | None = None  # ROSTER: the role of people listed without one; FIELD: which field
    num: str | None = None  # item number as written
    title: str | None = None  # item title on the heading line
    time: str | None = None  # ITEM_TIMED: the clock time
    att: int | None = None  # ATT: document offset of the ``att``
    label: bool = False  # DECISION: a label cue (``Beslut``) rather than a verb (``beslutar``)
    form: str | None = None  # item headings: paragraph (``§ 12``) | organ (``Ks 52``) | number (``12`` alone)


@dataclass
class Line:
    """One (possibly virtual) line: raw text, cleaned text and the offset map between them."""

    index: int
    start: int
    end: int
    raw: str
    text: str
    offsets: list[int]
    kind: LineKind = LineKind.TEXT
    info: LineInfo = field(default_factory=LineInfo)
    physical: int = 0  # index of the physical line it was cut from
    virtual: bool = False  # cut out of a longer physical line

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def bullet(self) -> bool:
        """Whether the raw line starts with a list bullet (dropped from the cleaned text)."""
        return bool(_BULLET.match(self.raw))

    @property
    def content_start(self) -> int:
        return self.offsets[0] if self.offsets else self.start

    @property
    def content_end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else self.start

    def doc_offset(self, i: int) -> int:
        """Document offset of cleaned character ``i`` (``len(text)`` -> end of the content)."""
        return self.offsets[i] if i < len(self.offsets) else self.content_end

    def clean_index(self, offset: int) -> int:
        """Index in the cleaned text of the first character at or after document ``offset``."""
        for i, off in enumerate(self.offsets):
            if off >= offset:
                return i
        return len(self.offsets)

    def set(self, kind: LineKind, **info: object) -> None:
        self.kind = kind
        self.info = LineInfo(**info)  # type: ignore[arg-type]


def clean_line(raw: str, base: int = 0) -> tuple[str, list[int]]:
    """``raw`` without markup and with whitespace collapsed, plus each kept char's offset (+ ``base``).

    White space becomes one space, or one tab where it holds a tab or a table bar (``|``): the
    border of a table cell (``Sekreterare<TAB>Maria Holm``, ``| Ordförande | Anna Ek |``).
    """
    prefix = P.LINE_PREFIX.match(raw)
    pos = prefix.end() if prefix else 0
    if pos == 0 and _PLAIN.fullmatch(raw) and P.MARKUP.search(raw) is None:
        return raw, list(range(base, base + len(raw)))  # most lines: nothing to drop
    kept: list[tuple[str, int]] = []
    for m in P.MARKUP.finditer(raw, pos):
        kept.extend((raw[i], base + i) for i in range(pos, m.start()))
        pos = m.end()
    kept.extend((raw[i], base + i) for i in range(pos, len(raw)))
    chars: list[str] = []
    offsets: list[int] = []
    for ch, off in kept:
        if ch.isspace() or ch == "|":
            # a run of white space is one space; a tab or a table bar makes it a cell border (a tab)
            sep = "\t" if ch in "\t|" else " "
            if not chars:
                continue
            if chars[-1] in " \t":
                if sep == "\t":
                    chars[-1], offsets[-1] = "\t", off
                continue
            ch = sep
        chars.append(ch)
        offsets.append(off)
    while chars and chars[-1] in " \t":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def split_lines(text: str) -> list[Line]:
    """The physical lines of ``text`` (``<br />`` of web transcripts counts as a line break)."""
    lines: list[Line] = []
    start = 0
    for raw in text.split("\n"):
        end = start + len(raw)
        # "Bert Öhlund<br />" is a line of its own in a transcript: cut there as at a newline
        pieces = [(start, end)]
        if "<br" in raw:
            pieces = []
            a = start
            for m in P.HTML_BREAK.finditer(raw):
                pieces.append((a, start + m.end()))
                a = start + m.end()
            pieces.append((a, end))
        for a, b in pieces:
            clean, offsets = clean_line(text[a:b], a)
            lines.append(Line(len(lines), a, b, text[a:b], clean, offsets, physical=len(lines)))
        start = end + 1
    for i, ln in enumerate(lines):
        ln.physical = i
    return lines


def split_at(lines: list[Line], cuts: dict[int, list[int]], text: str) -> list[Line]:
    """``lines`` with each line in ``cuts`` (index -> document offsets) cut into virtual lines there."""
    out: list[Line] = []
    for ln in lines:
        points = sorted({c for c in cuts.get(ln.index, ()) if ln.content_start < c < ln.content_end})
        if not points:
            ln.index = len(out)
            out.append(ln)
            continue
        bounds = [ln.start, *points, ln.end]
        for a, b in zip(bounds, bounds[1:]):
            clean, offsets = clean_line(text[a:b], a)
            if not clean:
                continue
            out.append(Line(len(out), a, b, text[a:b], clean, offsets, physical=ln.physical, virtual=True))
    return out


def clean_span_text(text: str) -> str:
    """``text`` (possibly over several lines) with markup removed and whitespace collapsed."""
    parts = (clean_line(part)[0] for part in P.HTML_BREAK.sub("\n", text).split("\n"))
    return " ".join(p for p in parts if p).strip()


_TRIM = " \t\n,;:.–-&/|"


def tidy(text: str | None) -> str | None:
    """``text`` cleaned and without leading/trailing punctuation; ``None`` when nothing is left."""
    if text is None:
        return None
    text = clean_span_text(text).replace("\t", " ").strip(_TRIM + " ")
    return text or None


def normalize_clock(value: str | None) -> str | None:
    """``0830`` / ``8.30`` / ``11:00`` / ``13`` -> ``HH:MM``; ``None`` when not a valid time."""
    if not value:
        return None
    digits = re.split(r"[.:]\s?", value)
    if len(digits) == 2:
        hours, minutes = digits
    elif len(value) == 4 and value.isdigit():
        hours, minutes = value[:2], value[2:]
    elif value.isdigit() and len(value) <= 2:
        hours, minutes = value, "00"
    else:
        return None
    if not (hours.isdigit() and minutes.isdigit()):
        return None
    h, m = int(hours), int(minutes)
    return f"{h:02d}:{m:02d}" if h < 24 and m < 60 else None
