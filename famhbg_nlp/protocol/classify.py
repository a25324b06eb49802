"""Deciding what each line is: label, heading, decision cue, page furniture ...

Two passes. :func:`find_cuts` finds where a flattened line holds more than one cell of a
lost table (labels in the middle of a line, a decision cue after a heading, a § heading
after a page header) so that :func:`~.lines.split_at` can cut it. :func:`classify` then
gives every line its :class:`~.lines.LineKind` from the cues of :mod:`.patterns`.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from . import patterns as P
from .context import Context
from .lines import Line, LineKind

#: Kinds that are cues (a line of one of them is never a page header, a name or a title).
CUE_KINDS = frozenset(
    {
        LineKind.ROSTER,
        LineKind.OFFICER,
        LineKind.FIELD,
        LineKind.TOC,
        LineKind.PROPOSAL,
        LineKind.DECISION,
        LineKind.VOTE,
        LineKind.RESERVATION,
        LineKind.SECTION,
        LineKind.PRESENTER,
        LineKind.ATTACHMENT,
        LineKind.ITEM_TIMED,
        LineKind.ITEM_PARA,
        LineKind.ITEM_NUM,
    }
)

_CAPITAL = re.compile(r"(?<![\w§/-])[A-ZÅÄÖ]")
_AFTER_PERSON = re.compile(r"^[\s,]*(?:\([^()]{0,12}\)[\s,]*|[A-ZÅÄÖa-zåäö]{1,3}\s*,\s*)?$")
_ITEM_CUT = re.compile(
    r"(?<=\s)(?:(?:[A-ZÅÄÖ]{2,6}|[A-ZÅÄÖ][a-zåäö]{1,2})\s+)?§\s*\d{1,4}(?:/\d{2,4})?(?=\s+(?:\d{1,4}\s+)?[A-ZÅÄÖ]|\s+(?i:dnr)\b)"
)


def label_occurrences(ln: Line) -> list[tuple[int, int, P.Label]]:
    """Labels of the table inside a cleaned line: (start, end, label), not overlapping, in order."""
    found: list[tuple[int, int, P.Label]] = []
    for word in _CAPITAL.finditer(ln.text):  # labels start with a capital: try them only there
        if P.any_label().match(ln.text, word.start()) is None:
            continue
        for label in P.labels():
            m = label.anywhere.match(ln.text, word.start())
            if m is not None:
                found.append((m.start(), m.end(), label))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, P.Label]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    return out


def find_cuts(ctx: Context, lines: list[Line], paragraphs: tuple[int, int] | None) -> dict[int, list[int]]:
    """Document offsets, by line index, where a flattened line is cut into virtual lines.

    A label inside a line is a cut when it is a strong label (``Beslutande``, ``Utses att
    justera``) or the line holds two labels or more (a table row); a role word right after a
    name (``Eva Lind Sekreterare``) is that person's role, not a label. A decision or section
    cue inside a line is a cut (:data:`~.patterns.BODY_CUT`), and so is a § heading, or, when
    the cover declares its paragraphs (``Paragrafer 88-112``), a number of that range that
    starts a title (``3 (30) 88 Val av justerare``).
    """
    cuts: dict[int, list[int]] = {}
    expected = paragraphs[0] if paragraphs else None
    for ln in lines:
        if ln.blank:
            continue
        here: list[int] = []
        occ = label_occurrences(ln)
        at_start = bool(P.match_label(ln.text))
        many = len(occ) + (0 if any(o[0] == 0 for o in occ) else int(at_start)) >= 2
        for start, end, label in occ:
            if start == 0:
                continue
            if not (label.strong or many):
                continue
            offset = ln.doc_offset(start)
            if label.kind == "officer" and _role_after_name(ctx, ln, start, end):
                continue
            here.append(offset)
        for m in P.BODY_CUT.finditer(ln.text):
            if m.start() > 0:
                here.append(ln.doc_offset(m.start()))
        for m in _ITEM_CUT.finditer(ln.text):
            before = ln.text[: m.start()].rstrip()
            if before[-1:].islower() or before.endswith(",") or re.search(r"(?i)\b(?:kap|st|mom|p|jfr|enl)\.$", before):
                continue  # "... enligt 6 kap. § 7 Kommunallagen": a reference inside a sentence
            if not _in_a_list(ctx, ln, m.start(), m.end()):
                here.append(ln.doc_offset(m.start()))
        if paragraphs is not None:
            for m in re.finditer(r"(?<=\s)(\d{1,4})(?=\s+(?:Dnr\b|[A-ZÅÄÖ][a-zåäö]))", ln.text):
                n = int(m.group(1))
                if (
                    paragraphs[0] <= n <= paragraphs[1]
                    and expected is not None
                    and n >= expected
                    and not _in_a_list(ctx, ln, m.start(), m.end())
                ):
                    before = ln.text[: m.start()].rstrip()
                    # not a count (``3 ärenden``), a date or a page reference (``sidan 4``)
                    if re.search(r"(?i)(?:sid(?:an|a)?|nr|§§?|kap\.?|och|till|-|–)$", before):
                        continue
                    here.append(ln.doc_offset(m.start()))
                    expected = n + 1
        if here:
            cuts[ln.index] = here
    return cuts


def _in_a_list(ctx: Context, ln: Line, start: int, end: int) -> bool:
    """``Sven Ek (C), § 80, ordf § 71-79``, ``§ 80 Bernt Jons (C)``: a § of a list of names, no heading."""
    after = ln.doc_offset(end)
    following = ctx.persons_in(after, after + 120)
    if following and following[0].start - after <= 2:
        return True
    before = ctx.persons_in(ln.content_start, ln.doc_offset(start))
    if not before:
        return False
    gap = ctx.text[before[-1].end : ln.doc_offset(start)]
    return re.fullmatch(r"[\s,]*(?:\([^()]{0,12}\)[\s,]*)?(?:[^!?\d]{0,40})", gap) is not None and not re.search(
        r"[a-zåäö]{3}\.\s",
        gap,  # a sentence ended in between: "... utses att justera. 89 Information"
    )


def _role_after_name(ctx: Context, ln: Line, start: int, end: int) -> bool:
    """``Eva Lind Sekreterare``: the officer word directly follows a name and no name follows it."""
    offset = ln.doc_offset(start)
    before = [p for p in ctx.persons_in(ln.content_start, offset)]
    if not before or not _AFTER_PERSON.match(ctx.text[before[-1].end : offset]):
        return False
    if ctx.text[before[-1].end : offset].rstrip().endswith(","):
        return True  # "Anna Ek, M, Ordförande Per Berg, C": a list of name, party, role
    after = ln.doc_offset(end)
    nxt = ctx.text[after : after + 40]
    gap = len(nxt) - len(nxt.lstrip(" .:…_\t"))
    found = P.match_label(ctx.text[after + gap : after + 120])
    if found is not None and found[1].group("rest"):
        value = after + gap + found[1].start("rest")
        value += len(ctx.text[value : value + 10]) - len(ctx.text[value : value + 10].lstrip(" .…_"))
        if ctx.person_at(value) is not None:
            return False  # "Malai Ek Ordförande Justerande ... Jimmy Ek": labels of a table read row by row
    return not any(p.start < after + gap + 1 for p in ctx.persons_in(after, after + 40))


def mark_boilerplate(lines: list[Line]) -> None:
    """Everything from an electronic-signature page on is no content."""
    for i, line in enumerate(lines):
        if P.BOILERPLATE_START.match(line.text):
            for rest in lines[i:]:
                rest.kind = LineKind.BOILERPLATE
            return


def classify(ctx: Context) -> None:
    """Give every line its kind (see :class:`~.lines.LineKind`)."""
    for ln in ctx.lines:
        if ln.blank or ln.kind != LineKind.TEXT:
            continue
        _classify(ctx, ln)
    _join_wrapped_labels(ctx)


def _join_wrapped_labels(ctx: Context) -> None:
    """A label wrapped over two lines (``Ej tjänstgörande`` / ``distansdeltagande ersättare``,
    ``Justeringens plats`` / ``och tid: Stadshuset``): the lower-case second line is the label's."""
    lines = ctx.lines
    for k, ln in enumerate(lines):
        if ln.kind not in (LineKind.ROSTER, LineKind.FIELD, LineKind.OFFICER) or ln.info.rest is not None:
            continue
        j = ctx.next_content(k)
        if j is None or lines[j].kind != LineKind.TEXT or not lines[j].text[:1].islower():
            continue
        nxt = lines[j]
        found = P.match_label(f"{ln.text} {nxt.text}")
        if found is None:
            continue
        label, m = found
        if m.start("rest") >= 0 and m.group("rest") is not None and m.group("rest").strip():
            offset = m.start("rest") - len(ln.text) - 1
            if offset <= 0:
                continue
            rest = (nxt.doc_offset(offset), nxt.content_end)
        else:
            rest = None
        kind = {"roster": LineKind.ROSTER, "officer": LineKind.OFFICER, "field": LineKind.FIELD}[label.kind]
        ln.set(kind, rest=rest, target=label.target, role=label.role if label.kind == "roster" else label.target)
        nxt.set(LineKind.NOISE)


def _rest(ln: Line, m: re.Match[str], group: str = "rest") -> tuple[int, int] | None:
    value = m.group(group)
    if value is None or not value.strip(" .…_:\t"):
        return None
    start = m.start(group) + len(value) - len(value.lstrip(" .…_:\t"))
    return ln.doc_offset(start), ln.content_end


def _classify(ctx: Context, ln: Line) -> None:
    t = ln.text
    if (P.PAGE_NUMBER.match(t) and not t.isdigit()) or P.FURNITURE.match(t):
        ln.set(LineKind.NOISE)  # (a bare number is a page number or a heading: see mark_noise)
        return
    if P.TOC_HEADING.match(t):
        ln.set(LineKind.TOC)
        return
    if m := P.ITEM_PARAGRAPH.match(t):
        ln.set(LineKind.ITEM_PARA, num=m.group("num") or m.group("num2"), title=m.group("title"), form="paragraph")
        return
    found = P.match_label(t)
    if found is not None:
        label, m = found
        kind = {"roster": LineKind.ROSTER, "officer": LineKind.OFFICER, "field": LineKind.FIELD}[label.kind]
        ln.set(
            kind, rest=_rest(ln, m), target=label.target, role=label.role if label.kind == "roster" else label.target
        )
        return
    if P.PROPOSAL_CUE.match(t):
        ln.set(LineKind.PROPOSAL)
        return
    if P.VOTE_CUE.match(t):
        ln.set(LineKind.VOTE)
        return
    if P.RESERVATION_CUE.match(t):
        ln.set(LineKind.RESERVATION)
        return
    m = P.DECISION_CUE.match(t)
    if m:
        verb = re.search(r"(?i)\bbeslutar\b", t) is not None
        rest: tuple[int, int] | None
        if m.group("whole") is not None:  # "Kommunstyrelsen beslutar enligt förslaget."
            rest = (ln.content_start, ln.content_end)
        elif verb:
            rest = _rest(ln, m, "rest2")
        else:
            rest = _rest(ln, m) or _rest(ln, m, "rest3")
        ln.set(LineKind.DECISION, rest=rest, label=not verb or m.group("whole") is not None)
        return
    for kind, rx in ((LineKind.PRESENTER, P.PRESENTER_FIELD), (LineKind.ATTACHMENT, P.ATTACHMENT_FIELD)):
        m = rx.match(t)
        if m:
            ln.set(kind, rest=_rest(ln, m))
            return
    if P.ATTACHMENT_LINE.match(t):
        ln.set(LineKind.ATTACHMENT_LINE)
    elif P.PAUSE.match(t):
        ln.set(LineKind.PAUSE)
    elif m := P.ITEM_TIMED.match(t):
        ln.set(LineKind.ITEM_TIMED, time=m.group("time"), num=m.group("num"), title=m.group("title"))
    elif m := P.ITEM_NUMBER_ONLY.match(t):
        ln.set(LineKind.ITEM_PARA, num=m.group("num"), title=None, form="number")
    elif (m := P.ITEM_NUMBERED.match(t)) and _heading_title(m.group("title")):
        ln.set(LineKind.ITEM_NUM, num=m.group("num"), title=m.group("title"), form="numbered")
    elif (m := P.ITEM_ORGAN_NUM.match(t)) and (
        m.group("title") is None or P.CASE_PREFIX.match(m.group("title") + " ") or P.CASE_NUMBER.match(m.group("title"))
    ):
        ln.set(LineKind.ITEM_PARA, num=m.group("num"), title=m.group("title"), form="organ")
    elif m := P.ATT_LINE.match(t):
        ln.set(LineKind.ATT, att=ln.doc_offset(m.start("att")))
    elif P.SECTION_CUE.match(t):
        ln.set(LineKind.SECTION)


def _page_numbers(ctx: Context) -> None:
    for k, ln in enumerate(ctx.lines):
        if ln.kind != LineKind.ITEM_PARA or ln.info.form != "number":
            continue
        j = ctx.next_content(k)
        nxt = ctx.lines[j] if j is not None else None
        if (
            nxt is None
            or nxt.kind not in (LineKind.TEXT, LineKind.SECTION)
            or not nxt.text[:1].isupper()
            or len(nxt.text) > P.ITEM_TITLE_MAX_CHARS
            or nxt.text.endswith(".")
            or ctx.person_at_start(nxt) is not None
        ):
            ln.set(LineKind.NOISE)


def _heading_title(title: str) -> bool:
    """A title rather than a run-on sentence (a numbered list inside an item is told apart by its numbers)."""
    return len(title) <= P.ITEM_TITLE_MAX_CHARS and not title.rstrip().endswith((";", ","))


def mark_noise(ctx: Context) -> None:
    """Repeated page headers, near-copies of the title line; a bare number that no title follows
    is a page number."""
    _page_numbers(ctx)
    content = [ln for ln in ctx.lines if not ln.blank and ln.kind == LineKind.TEXT]
    if not content:
        return
    title = content[0].text.lower()
    counts = Counter(ln.text.lower() for ln in content)
    for ln in content[1:]:
        key = ln.text.lower()
        if len(ln.text) > P.HEADER_MAX_CHARS or ln.text.endswith((".", ":", ",", ";")):
            continue
        if P.ATT_LINE.match(ln.text) or ctx.person_at_start(ln) is not None:
            continue
        if counts[key] >= 2 or difflib.SequenceMatcher(None, key, title).ratio() >= P.HEADER_SIMILARITY:
            ln.kind = LineKind.NOISE
