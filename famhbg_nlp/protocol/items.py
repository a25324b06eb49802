"""Items: the § sections (or numbered / time-stamped headings) of the body.

Headings are ``§ 12``, ``12 §``, ``KF § 45``, ``BUN § 7``, ``§ 14/21``, ``Ks 52 KS 2021/0311``, a
number alone on a line before its title, ``3. Rubrik`` / ``3 Rubrik``, ``10.30 Rubrik``. A
document numbers its items one way: when it has § headings, a numbered list inside an item
(``1. Leena Lindström avsäger sig ...``) is no item. Numbers ascend. Once items have begun,
minutes without § headings also take a short stand-alone heading followed by prose as an
item (``Tematisk uppföljning``), except under a collecting item (``Övrigt``).

A table of contents (``Innehållsförteckning``, ``Ärendeförteckning``, entries with dotted
leaders or page numbers) is no item: it is recognised, left out, and used only to
cross-check. The cover's ``Paragrafer §§ A-B`` cross-checks too: a § of the body outside
that range, or a body that starts elsewhere, is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as P
from .attendance import Attendance
from .content import attachments, presenters
from .context import Context
from .decisions import decision, decision_ranges, reservations, votes
from .lines import Line, LineKind, normalize_clock, tidy
from .model import Item, Participant

_HEADINGS = frozenset({LineKind.ITEM_PARA, LineKind.ITEM_NUM, LineKind.ITEM_TIMED})
_SKIP = frozenset({LineKind.NOISE, LineKind.BOILERPLATE, LineKind.SIGNATURE, LineKind.TITLE, LineKind.TOC})


@dataclass
class Draft:
    heading: Line
    number: str | None
    time: str | None
    title: str
    lines: list[Line] = field(default_factory=list)
    presenters: list[Participant] = field(default_factory=list)
    title_lines: list[int] = field(default_factory=list)  # lines below the heading that hold its title


def _value(num: str | None) -> int:
    """The number of a heading as an integer: ``12`` -> 12, ``14/21`` -> 14, ``4 ½`` -> 4."""
    m = re.match(r"\d+", num or "")
    return int(m.group()) if m else -1


def _fraction(num: str | None) -> bool:
    """``4 ½``, ``12a``: an item put in between, numbered after its neighbour."""
    return bool(num and re.search(r"[½¼¾]|\d\s?[a-z]$", num))


# --- table of contents ----------------------------------------------------------------------


def mark_toc(ctx: Context) -> list[int]:
    """Mark the lines of a table of contents ``TOC``; returns the § numbers it lists."""
    listed: list[int] = []
    lines = ctx.lines
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == LineKind.TOC:
            i = _toc_region(ctx, i, listed)
            continue
        if (
            ln.kind in _HEADINGS
            and ln.info.title
            and P.TOC_LEADER.search(ln.info.title)
            and re.search(r"\.{3,}|…", ln.text)
        ):
            ln.kind = LineKind.TOC
            listed.append(_value(ln.info.num))
        i += 1
    return listed


def _toc_region(ctx: Context, i: int, listed: list[int]) -> int:
    lines = ctx.lines
    last: int | None = None
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if ln.blank or ln.kind in (LineKind.NOISE, LineKind.BOILERPLATE):
            j += 1
            continue
        if ln.kind in _HEADINGS:
            n = _value(ln.info.num)
            if last is not None and n <= last:
                break  # numbering starts again: the body
            if ln.info.title and _prose_title(ln.info.title):
                break
            last = n
            listed.append(n)
        elif P.TOC_FURNITURE.match(ln.text) or P.TOC_LEADER.search(ln.text):
            pass
        elif (
            ln.kind in (LineKind.TEXT, LineKind.SECTION, LineKind.TOC)
            and len(ln.text) <= 200
            and not _prose_title(ln.text)
        ):
            pass
        else:
            break
        ln.kind = LineKind.TOC
        j += 1
    return j


def _prose_title(text: str) -> bool:
    """A sentence (body text) rather than a title of a list."""
    return len(text) > 120 and bool(re.search(r"[a-zåäö]{2}\.\s+[A-ZÅÄÖ]", text))


# --- headings -------------------------------------------------------------------------------


def numbering(ctx: Context) -> str:
    """``paragraph`` when the body has § headings (``§ 12``, ``KF § 45``, ``Ks 52``), else ``plain``."""
    for ln in ctx.lines:
        if ln.kind == LineKind.ITEM_PARA and ln.info.form in ("paragraph", "organ"):
            return "paragraph"
    return "plain"


def drafts(ctx: Context, mode: str, declared: tuple[int, int] | None) -> list[Draft]:
    """The items of the document, each with its lines (blank and page furniture left out).

    With § headings, the § sections are the items; an agenda that numbers items without §
    (a meeting page: ``1 Sammanträdets öppnande`` ...) is the items when the body has fewer
    than two § sections (the excerpt ends where the sections begin).
    """
    found = _drafts(ctx, mode, declared)
    if mode == "paragraph" and len(found) < 2 and not any(d.lines for d in found):
        plain = _drafts(ctx, "plain", declared)
        if len(plain) > len(found):
            return plain
    return found


def _drafts(ctx: Context, mode: str, declared: tuple[int, int] | None) -> list[Draft]:
    out: list[Draft] = []
    nested = _Nested()
    for ln in ctx.lines:
        if ln.blank or ln.kind in _SKIP or ln.kind in (LineKind.ROSTER_LINE,):
            continue
        draft = _start(ctx, ln, out, mode, declared, nested)
        if draft is not None:
            out.append(draft)
        elif out:
            out[-1].lines.append(ln)
    return out


@dataclass
class _Nested:
    """A numbered list inside an item (``1. En ny skola.`` ``2. Fler lärare.``): its last number."""

    last: int | None = None


def _start(
    ctx: Context, ln: Line, drafts: list[Draft], mode: str, declared: tuple[int, int] | None, nested: _Nested
) -> Draft | None:
    numbers = [d.number for d in drafts[-1:] if d.number is not None] or _last_number(drafts)
    if ln.kind == LineKind.ITEM_TIMED:
        if mode == "paragraph":
            return None
        timed = tidy(ln.info.title) or ln.info.title or ""
        return Draft(ln, ln.info.num, normalize_clock(ln.info.time), timed)
    if ln.kind in (LineKind.ITEM_PARA, LineKind.ITEM_NUM):
        n = _value(ln.info.num)
        strong = ln.info.form in ("paragraph", "organ")
        if drafts and not numbers and any(d.time for d in drafts):
            return None  # numbered lines under a time-stamped agenda are not items
        if mode == "paragraph" and not strong and (declared is None or not declared[0] <= n <= declared[1]):
            return None  # a numbered list inside a § section; a bare number of the declared range is a heading
        if not strong and not _is_bare_heading(ctx, ln):
            return None
        if not strong and nested.last is not None and n == nested.last + 1:
            nested.last = n  # the list inside the item goes on
            return None
        nested.last = None
        if numbers:
            last = numbers[-1]
            step = P.PARAGRAPH_MAX_STEP if mode == "paragraph" else P.ITEM_NUMBER_MAX_STEP
            ahead = _value(last) < n <= _value(last) + step
            between = n == _value(last) and (_fraction(last) or _fraction(ln.info.num))
            if not (ahead or between):
                if not strong and n <= _value(last):
                    nested.last = n  # "1. En ny skola." under item 1: a list of its own
                return None
        elif mode == "plain" and drafts:
            return None
        title, below = _title_of(ctx, ln)
        if title is None:
            if not strong:
                return None
            title, below = "", []
        return Draft(ln, ln.info.num, None, tidy(title) or title, title_lines=below)
    if (
        mode == "plain"
        and drafts
        and not any(d.number is not None and not re.match(r"\d+\.\s", d.heading.text) for d in drafts)
        and _heading_like(ctx, ln)
        and not P.COLLECTION_TITLE.match(drafts[-1].title)
        and _is_prose(ctx, ctx.next_content(ln.index))
    ):
        return Draft(ln, None, None, ln.text)
    return None


def _last_number(drafts: list[Draft]) -> list[str]:
    """The number of the last numbered item (as a one-element list), or ``[]``."""
    for d in reversed(drafts):
        if d.number is not None:
            return [d.number]
    return []


def _is_bare_heading(ctx: Context, ln: Line) -> bool:
    """``88 Val av protokollsjusterare``: a bare number of the declared range on a line of its own."""
    return ctx.person_at(ln.doc_offset(len(ln.info.num or "") + 1)) is None


def _title_of(ctx: Context, ln: Line) -> tuple[str | None, list[int]]:
    """The title of a heading, on its line after any case number or on the lines below (with the
    indexes of the lines below that hold the title and case numbers: no content of the item)."""
    title = ln.info.title
    if title is not None:
        title = P.CASE_PREFIX.sub("", title + " ").strip() or None
    if title is not None and not P.CASE_NUMBER.match(title):
        return title, []
    if ln.kind == LineKind.ITEM_PARA and ln.info.form == "number" and title is None:
        k = ctx.next_content(ln.index)
        if k is None:
            return None, []
        nxt = ctx.lines[k]
        if nxt.kind != LineKind.TEXT or ctx.person_at_start(nxt) is not None or P.match_label(nxt.text):
            return None, []
    return _title_below(ctx, ln)


def _title_below(ctx: Context, ln: Line) -> tuple[str | None, list[int]]:
    used: list[int] = []
    k = ctx.next_content(ln.index)
    while (
        k is not None
        and ctx.lines[k].kind in (LineKind.TEXT, LineKind.SECTION)
        and (P.CASE_NUMBER.match(ctx.lines[k].text) or P.CASE_PREFIX.match(ctx.lines[k].text + " "))
    ):
        used.append(k)
        rest = P.CASE_PREFIX.sub("", ctx.lines[k].text + " ").strip()
        if rest and not P.CASE_NUMBER.match(rest):
            return rest, used
        k = ctx.next_content(k)
    if k is None or ctx.lines[k].kind in _HEADINGS or ctx.lines[k].kind in _SKIP:
        return None, used
    return ctx.lines[k].text, [*used, k]


def mark_titles(ctx: Context, found: list[Draft]) -> None:
    """The lines a title (and a case number) was taken from below its heading are no content of the item."""
    for d in found:
        for k in d.title_lines:
            ctx.lines[k].kind = LineKind.TITLE


def _heading_like(ctx: Context, ln: Line) -> bool:
    t = ln.text
    if ln.kind != LineKind.TEXT or not t[:1].isupper() or len(t) > P.HEADING_MAX_CHARS:
        return False
    if len(t.split()) > P.HEADING_MAX_WORDS or t.endswith((".", ",", ";", ":", "!", "?")) or "," in t:
        return False
    lines = ctx.lines
    prev = lines[ln.index - 1] if ln.index > 0 else None
    nxt = lines[ln.index + 1] if ln.index + 1 < len(lines) else None
    alone = (prev is None or prev.blank) and (nxt is None or nxt.blank)
    return alone and ctx.person_at_start(ln) is None


def _is_prose(ctx: Context, index: int | None) -> bool:
    if index is None or ctx.lines[index].kind != LineKind.TEXT:
        return False
    para = []
    for ln in ctx.lines[index:]:
        if ln.blank:
            break
        if ln.kind != LineKind.NOISE:
            para.append(ln)
    if any(ln.kind != LineKind.TEXT for ln in para):
        return False
    joined = " ".join(ln.text for ln in para)
    return joined.endswith((".", "!", "?")) or len(joined) >= P.PROSE_MIN_CHARS


# --- items ----------------------------------------------------------------------------------


def build(ctx: Context, draft: Draft) -> Item:
    lines = [
        ln for ln in draft.lines if ln.kind not in _SKIP and ln.kind not in (LineKind.ROSTER, LineKind.ROSTER_LINE)
    ]
    end = max((ln.content_end for ln in lines), default=draft.heading.content_end)
    ranges = decision_ranges(ctx, lines)
    found = presenters(ctx, lines, ranges)
    draft.presenters = [p for _, p in found]
    names: list[str] = []
    for _, part in found:
        if part.name not in names:
            names.append(part.name)
    return Item(
        title=draft.title,
        start=draft.heading.content_start,
        end=end,
        number=draft.number,
        time=draft.time,
        presenters=tuple(names),
        attachments=tuple(attachments(ctx, lines)),
        decisions=tuple(decision(ctx, a, b) for a, b in ranges),
        votes=tuple(votes(ctx, lines)),
        reservations=tuple(reservations(ctx, lines)),
    )


def add_presenters_as_guests(found: list[Draft], attendance: Attendance) -> None:
    """Presenters who are in no attendance list are guests (not a politician with party letters, who
    is a member, and not a single word: a guest is named in full)."""
    known = {p.name.lower() for p in (*attendance.attendees, *attendance.absent, *attendance.guests)}
    for d in found:
        for part in d.presenters:
            if part.party is not None or len(part.name.split()) < 2:
                continue
            if part.name.lower() not in known:
                attendance.guests.append(part)
                known.add(part.name.lower())


def cross_check(items: list[Item], declared: tuple[int, int] | None, listed: list[int]) -> list[str]:
    """Warnings where the body's § numbers disagree with the cover's range or the table of contents."""
    warnings: list[str] = []
    numbers = [_value(i.number) for i in items if i.number is not None]
    if declared is not None and numbers:
        outside = [n for n in numbers if not declared[0] <= n <= declared[1]]
        if outside:
            warnings.append(
                f"§ {', '.join(map(str, outside))} of the body outside the paragraphs {declared[0]}-{declared[1]} of the cover"
            )
        elif numbers[0] != declared[0]:
            warnings.append(
                f"the body starts at § {numbers[0]}, the cover declares paragraphs {declared[0]}-{declared[1]}"
            )
    if listed and numbers:
        missing = [n for n in listed if numbers[0] <= n <= numbers[-1] and n not in numbers]
        if missing:
            warnings.append(f"§ {', '.join(map(str, missing))} in the table of contents but not in the body")
    return warnings
