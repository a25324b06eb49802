"""What an item says besides its decisions: who presented it and what was attached.

Presenters come from ``Föredragande: ...``, from the subject of a verb of presenting
(``Johan Lindberg redogjorde ...``, ``X och Y, från Z, berättade``) and from the agent of a
passive (``presenteras av X, Y och Z``, ``Följande presenterades:`` + a list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import patterns as P
from .attendance import participants
from .context import Context, Mention
from .lines import Line, LineKind, tidy
from .model import Participant

_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ\"”]|\n\s*\n")


def attachments(ctx: Context, lines: list[Line]) -> Iterator[str]:
    for k, ln in enumerate(lines):
        if ln.kind == LineKind.ATTACHMENT_LINE:
            if (t := tidy(ln.text)) is not None:
                yield t
        elif ln.kind == LineKind.ATTACHMENT:
            if ln.info.rest:
                a, b = ln.info.rest
                for part in re.split(r";", ctx.text[a:b]):
                    if (t := tidy(part)) is not None:
                        yield t
            else:
                for nxt in lines[k + 1 :]:
                    if nxt.kind == LineKind.ATTACHMENT_LINE or (nxt.kind == LineKind.TEXT and _list_like(nxt.text)):
                        if nxt.kind == LineKind.TEXT and (t := tidy(nxt.text)) is not None:
                            yield t
                    else:
                        break


def _list_like(text: str) -> bool:
    return bool(re.match(r"^(?:[a-zåäö]\)|\d{1,2}[.)]|[-•–·▪*])\s*\S", text)) or len(text) < 60


def presenters(ctx: Context, lines: list[Line], decisions: list[tuple[int, int]]) -> list[tuple[Mention, Participant]]:
    found: list[tuple[Mention, Participant]] = []
    for k, ln in enumerate(lines):
        if ln.kind == LineKind.PRESENTER:
            if ln.info.rest:
                found.extend(participants(ctx, *ln.info.rest))
            else:
                for nxt in lines[k + 1 :]:
                    if nxt.kind != LineKind.TEXT or ctx.person_at_start(nxt) is None:
                        break
                    found.extend(participants(ctx, nxt.content_start, nxt.content_end))
    # sentences: "X och Y, från Z, berättade", "presenteras av X, Y och Z"
    paragraphs: list[list[Line]] = []
    for ln in lines:
        if ln.kind not in (LineKind.TEXT, LineKind.SECTION):
            continue
        if any(a <= ln.content_start < b for a, b in decisions):
            continue
        if paragraphs and ln.index == paragraphs[-1][-1].index + 1:
            paragraphs[-1].append(ln)
        else:
            paragraphs.append([ln])
    for n, para in enumerate(paragraphs):
        start, end = para[0].content_start, para[-1].content_end
        chunk = ctx.text[start:end]
        for m in P.PRESENT_ACTIVE.finditer(chunk):
            found.extend(_subjects(ctx, start, start + m.start()))
        for m in P.PRESENT_PASSIVE.finditer(chunk):
            if chunk[m.start() : m.end()].rstrip().endswith(":"):
                found.extend(_listed_after(ctx, paragraphs[n + 1 :]))
            else:
                found.extend(_agents(ctx, start + m.end(), end))
    found.sort(key=lambda pair: pair[0].start)
    seen: set[int] = set()
    out = []
    for person, part in found:
        if person.start not in seen:
            seen.add(person.start)
            out.append((person, part))
    return out


def _small_gap(gap: str) -> bool:
    return (
        len(gap) <= P.PERSON_LIST_GAP
        and not _SENTENCE_BREAK.search(gap)
        and not re.search(r"(?i)\batt\b|[.!?]\s*$", gap)
    )


def _subjects(ctx: Context, para_start: int, verb: int) -> list[tuple[Mention, Participant]]:
    """The persons listed right before a verb of presenting."""
    chain: list[Mention] = []
    bound = verb
    for person in reversed(ctx.persons_in(para_start, verb)):
        if not _small_gap(ctx.text[person.end : bound]):
            break
        chain.insert(0, person)
        bound = person.start
    if not chain:
        return []
    return participants(ctx, chain[0].start, verb)


def _agents(ctx: Context, after: int, para_end: int) -> list[tuple[Mention, Participant]]:
    """The persons listed right after ``presenteras av``."""
    chain: list[Mention] = []
    bound = after
    for person in ctx.persons_in(after, para_end):
        if not _small_gap(ctx.text[bound : person.start]):
            break
        chain.append(person)
        bound = person.end
    if not chain:
        return []
    tail = ctx.text[bound:para_end]
    stop = _SENTENCE_BREAK.search(tail) or re.search(r"[.!?]\s*$", tail)
    end = bound + (stop.start() + 1 if stop else len(tail))
    return participants(ctx, chain[0].start, end)


def _listed_after(ctx: Context, paragraphs: list[list[Line]]) -> list[tuple[Mention, Participant]]:
    """Persons in the short list paragraphs that follow ``presenterades:``."""
    out: list[tuple[Mention, Participant]] = []
    for para in paragraphs:
        if len(para) != 1 or para[0].text.endswith((".", "!", "?")) or len(para[0].text) > P.PROSE_MIN_CHARS:
            break
        out.extend(participants(ctx, para[0].content_start, para[0].content_end))
    return out
