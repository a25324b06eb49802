"""Decisions, votes and reservations of one item.

A decision follows a decision cue (``Beslut``, ``Beslut:``, ``Kommunstyrelsens beslut``,
``<Organ> beslutar``, ``Mötet beslutar``): each ``att`` clause (``att``, ``samt att``, ``Att``,
``**att**``, ``2. Att``, clauses run together on one line) from its ``att`` to the end of its
paragraph (and a list that a clause ending in ``:`` introduces). Without ``att`` clauses, the
enumerated or bulleted clauses are the decisions, or else the sentence after the cue
(``Beslut: Informationen noteras.``, ``Kommunstyrelsen beslutar enligt förslaget.``). An item
without any cue takes its ``att`` clauses as decisions (informal minutes).

Not decisions: clauses after ``Förslag till beslut`` / ``... föreslår`` / ``Yrkanden`` (proposals),
``Beslutsgång``, ``Reservation``, ``Protokollsanteckning`` and other section labels, which end a
decision. ``beslöt``/``beslutade`` tell an item's history and are no cue.
"""

from __future__ import annotations

import re

from . import patterns as P
from .context import Context, entity
from .lines import Line, LineKind, clean_span_text
from .model import Decision, Reservation, Vote

#: Kinds that end a decision region.
_ENDS = frozenset({LineKind.SECTION, LineKind.VOTE, LineKind.RESERVATION, LineKind.PRESENTER, LineKind.ATTACHMENT})


def decision_ranges(ctx: Context, lines: list[Line]) -> list[tuple[int, int]]:
    """Document ranges of the decided clauses of an item (``lines``: its lines after the heading)."""
    has_cue = any(ln.kind in (LineKind.DECISION, LineKind.PROPOSAL) for ln in lines)
    out: list[tuple[int, int]] = []
    region: str | None = None
    label_cue = with_att = False
    current: list[int] | None = None  # [start, end]
    prev: Line | None = None
    listing = continue_list = False

    def close() -> None:
        nonlocal current
        if current is not None:
            out.append((current[0], current[1]))
            current = None

    def start_at(offset: int, ln: Line) -> None:
        nonlocal current
        close()
        current = [offset, ln.content_end]
        _split_inline(ctx, ln, offset, out, current)

    for ln in lines:
        if ln.kind == LineKind.ITEM_NUM:  # "1. Skolan byggs om." under a decision: a numbered line, no heading
            ln = _as_text(ln)
        same_paragraph = prev is not None and ln.index == prev.index + 1
        intro = current is not None and ctx.text[current[1] - 1] == ":"  # a clause that introduces a list
        if ln.kind == LineKind.DECISION:
            close()
            region, label_cue, with_att = "decision", ln.info.label, False
            rest = ln.info.rest
            if rest:
                start_at(rest[0], ln)
                with_att = ctx.text.startswith(("att", "Att"), rest[0])
        elif ln.kind == LineKind.PROPOSAL:
            close()
            region = "proposal"
        elif ln.kind == LineKind.ATT:
            if region == "decision" or (region is None and not has_cue):
                start_at(ln.info.att if ln.info.att is not None else ln.content_start, ln)
                with_att = True
            else:
                close()
        elif (
            ln.kind == LineKind.TEXT
            and current is not None
            and (
                (intro and _list_like(ln)) or (listing and (same_paragraph or ln.bullet or P.ENUMERATED.match(ln.text)))
            )
        ):
            current[1] = ln.content_end  # the list a clause ending in ":" introduces
            listing = True
            continue_list = True
        elif (
            ln.kind == LineKind.TEXT
            and region == "decision"
            and not with_att
            and (P.ENUMERATED.match(ln.text) or ln.bullet)
        ):
            start_at(ln.content_start, ln)  # "1. Budgeten godkänns.", "- Budgeten godkänns."
        elif ln.kind == LineKind.TEXT and current is not None and same_paragraph and not ln.bullet:
            current[1] = ln.content_end
            _split_inline(ctx, ln, ln.content_start, out, current)
        elif ln.kind == LineKind.TEXT and region == "decision" and label_cue and current is None and not out:
            start_at(ln.content_start, ln)
        else:
            close()
            if (
                ln.kind in _ENDS
                or (region == "decision" and (out or ln.kind != LineKind.TEXT))
                or (region == "proposal" and ln.kind != LineKind.TEXT)
            ):
                region = None
        if not continue_list:
            listing = False
        continue_list = False
        prev = ln
    close()
    return out


def _as_text(ln: Line) -> Line:
    copy = Line(
        ln.index, ln.start, ln.end, ln.raw, ln.text, ln.offsets, LineKind.TEXT, physical=ln.physical, virtual=ln.virtual
    )
    return copy


def _split_inline(ctx: Context, ln: Line, after: int, out: list[tuple[int, int]], current: list[int]) -> None:
    """Start a new decision at an emphasised ``**samt att**`` or a run-on ``, att`` inside the line."""
    starts = [ln.start + m.start("att") for m in P.ATT_EMPHASIS.finditer(ln.raw)]
    starts += [ln.doc_offset(m.start("att")) for m in P.ATT_INLINE.finditer(ln.text)]
    for pos in sorted(set(starts)):
        if pos <= after or pos <= current[0]:
            continue
        end = _rstrip_offset(ctx.text, current[0], pos)
        while end > current[0] and ctx.text[end - 1] in "*_ ,;":
            end -= 1
        if re.search(r"(?i)(?:samt|och)\s*$", ctx.text[current[0] : end]):
            end = current[0] + re.search(r"(?i)(?<!\s)\s*(?:samt|och)\s*$", ctx.text[current[0] : end]).start()  # type: ignore[union-attr]
        out.append((current[0], end))
        current[0] = pos


def _list_like(ln: Line) -> bool:
    return ln.bullet or bool(re.match(r"^(?:[a-zåäö]\)|\d{1,2}[.)])\s*\S", ln.text)) or len(ln.text) < 60


def _rstrip_offset(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*_~,"):
        end -= 1
    return end


def decision(ctx: Context, start: int, end: int) -> Decision:
    end = _rstrip_offset(ctx.text, start, end)
    return Decision(
        text=clean_span_text(ctx.text[start:end]),
        start=start,
        end=end,
        entities=tuple(entity(e) for e in ctx.ents_in(start, end)),
    )


def votes(ctx: Context, lines: list[Line]) -> list[Vote]:
    """The votes of an item: a paragraph after ``Omröstning``, or one that counts ``ja``/``nej`` votes."""
    out: list[Vote] = []
    after_cue = False
    for para in _paragraphs(lines):
        text = " ".join(ln.text for ln in para)
        cue, after_cue = after_cue, para[0].kind == LineKind.VOTE and len(para) == 1
        if not (cue or para[0].kind == LineKind.VOTE or re.search(r"(?i)omröstning|röster|röstade|voter", text)):
            continue
        counts: dict[str, int] = {}
        for m in P.VOTE_COUNT.finditer(text):
            kind = (m.group("k1") or m.group("k2")).lower()
            n = int(m.group("n1") or m.group("n2"))
            key = "yes" if kind == "ja" else "no" if kind == "nej" else "abstain"
            counts.setdefault(key, n)
        if not counts:
            continue
        start, end = para[0].content_start, para[-1].content_end
        out.append(Vote(clean_span_text(ctx.text[start:end]), start, end, **counts))
    return out


def reservations(ctx: Context, lines: list[Line]) -> list[Reservation]:
    """Reservations: the paragraph after or on a ``Reservation`` label, or a sentence ``X reserverar sig``."""
    out: list[Reservation] = []
    paragraphs = _paragraphs(lines)
    taken: set[int] = set()
    for k, para in enumerate(paragraphs):
        if k in taken:
            continue
        text = " ".join(ln.text for ln in para)
        if para[0].kind == LineKind.RESERVATION:
            body = para
            if len(para) == 1 and " " not in para[0].text.strip(" :") and k + 1 < len(paragraphs):
                if paragraphs[k + 1][0].kind == LineKind.TEXT:  # "Reservation" / the text below it
                    body = paragraphs[k + 1]
                    taken.add(k + 1)
            out.append(_reservation(ctx, body[0].content_start, body[-1].content_end))
        elif P.RESERVATION_VERB.search(text):
            for m in re.finditer(
                r"(?<![^.!?])[^.!?]*\breserver(?:ar|ade)\s+sig\b[^.!?]*[.!?]?",
                ctx.text[para[0].content_start : para[-1].content_end],
            ):
                a = para[0].content_start + m.start() + len(m.group()) - len(m.group().lstrip())
                out.append(_reservation(ctx, a, para[0].content_start + m.end()))
    return out


def _reservation(ctx: Context, start: int, end: int) -> Reservation:
    text = ctx.text[start:end]
    names = tuple(p.text for p in ctx.persons_in(start, end))
    parties = tuple(dict.fromkeys(m.group(1) for m in re.finditer(r"\(([A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3})\)", text)))
    return Reservation(clean_span_text(text), start, end, names, parties)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    prev: Line | None = None
    for ln in lines:
        if ln.blank:
            prev = None
            continue
        if prev is not None and ln.index == prev.index + 1 and ln.kind in (LineKind.TEXT, LineKind.ATT):
            out[-1].append(ln)
        else:
            out.append([ln])
        prev = ln
    return out
