"""Layout parsing of Swedish meeting minutes into a :class:`~famhbg_nlp.protocol.model.Protocol`.

The parser reads the *layout* with the generic cues of :mod:`.patterns` and takes every
*name* from the pipeline's entities: a person is a ``PERSON`` entity, a municipality a
``MUNICIPALITY`` entity with its canonical value. No list of people or places is needed to
parse a new protocol. The steps, each in its own module:

1. :mod:`.lines` and :mod:`.classify`: cut flattened lines at the labels inside them, then
   give every line its kind;
2. :mod:`.items`: the table of contents, the § sections of the body;
3. :mod:`.cover`: organ, number, date, time, place, declared paragraphs, officers;
4. :mod:`.attendance`: present, absent, guests;
5. :mod:`.decisions` and :mod:`.content`: what each item decided, who presented it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import attendance, classify, cover, items, names
from . import patterns as P
from .context import Context, entity
from .lines import Line, LineKind, clean_line, normalize_clock, split_at, split_lines
from .model import Protocol

__all__ = ["clean_line", "normalize_clock", "parse_doc"]


def _listing(lines: list[Line]) -> list[tuple[int, int]]:
    """Where the cover may list names: its text lines and the values of its labels."""
    out = []
    for ln in lines:
        if ln.kind == LineKind.TEXT:
            out.append((ln.content_start, ln.content_end))
        elif ln.kind in (LineKind.ROSTER, LineKind.OFFICER) and ln.info.rest is not None:
            out.append(ln.info.rest)
    return out


def _labelled(lines: list[Line]) -> list[tuple[int, int]]:
    """Where the body may list names: after an attendance or officer label on a line of its own."""
    out = []
    for k, ln in enumerate(lines):
        if ln.kind in (LineKind.ROSTER, LineKind.OFFICER) and not ln.virtual:
            end = next(
                (m.content_end for m in lines[k + 1 : k + 12] if m.blank),
                lines[min(k + 11, len(lines) - 1)].content_end,
            )
            out.append((ln.content_start, max(end, ln.content_end)))
    return out


def parse_doc(doc: Doc, path: str | None = None) -> Protocol:
    """The :class:`Protocol` of a processed ``doc`` (its entities come from ``doc.ents``)."""
    text = doc.text
    ctx = Context.of(doc, split_lines(text))
    guess = cover.scan_declared_paragraphs(text)
    cuts = classify.find_cuts(ctx, ctx.lines, guess)
    ctx.lines = split_at(ctx.lines, cuts, text)
    trims = [offset for offsets in cuts.values() for offset in offsets]
    for ln in ctx.lines:
        for start, end, _ in classify.label_occurrences(ln):
            trims += [ln.doc_offset(start), ln.doc_offset(end)]
        for m in P.BODY_CUT.finditer(ln.text):
            trims += [ln.doc_offset(m.start()), ln.doc_offset(m.end())]
    ctx.trim_persons(trims)

    classify.mark_boilerplate(ctx.lines)
    classify.classify(ctx)
    classify.mark_noise(ctx)
    listed = items.mark_toc(ctx)
    declared = cover.declared_paragraphs(ctx) or guess
    mode = items.numbering(ctx)
    drafts = items.drafts(ctx, mode, declared)
    cover_end = drafts[0].heading.index if drafts else len(ctx.lines)
    names.recover(ctx, _listing(ctx.lines[:cover_end]) + _labelled(ctx.lines[cover_end:]))

    officers = cover.read_officers(ctx, ctx.lines, cover_end)
    cover_lines = [ln for ln in ctx.lines[:cover_end] if ln.kind != LineKind.TOC]
    blocks = attendance.blocks(ctx, cover_lines)
    if (extra := attendance.unlabelled(ctx, cover_lines, blocks)) is not None:
        blocks.insert(0, extra)
    blocks += attendance.blocks(ctx, ctx.lines[cover_end:], strict=True)
    if (guests := attendance.invited(ctx, cover_lines)) is not None:
        blocks.append(guests)
    names.recover(ctx, [r for b in blocks for r in b.ranges], lists=True)
    present = attendance.read(ctx, blocks)
    cover.roles_after_names(ctx, officers, cover_lines)
    cover.role_column(ctx, officers, cover_lines, attendance.first_names(ctx, blocks))
    items.mark_titles(ctx, drafts)
    built = [items.build(ctx, d) for d in drafts]
    items.add_presenters_as_guests(drafts, present)
    cover.from_attendance(officers, present.attendees)

    header = [ln for ln in cover_lines if not ln.blank and ln.kind not in (LineKind.ROSTER_LINE,)]
    body, number = cover.title_and_number(ctx, header)
    time, place, field_date = cover.place_time(ctx, header)
    pipeline_date = doc._.meeting_date if Doc.has_extension("meeting_date") else None
    chair = officers.best("chair")
    secretary = officers.best("secretary")
    return Protocol(
        path=None if path is None else str(path),
        body=body,
        protocol_number=number,
        meeting_date=pipeline_date or field_date,
        time=time,
        place=place,
        attendees=tuple(present.attendees),
        absent=tuple(present.absent),
        guests=tuple(present.guests),
        items=tuple(built),
        chair=chair[0] if chair else None,
        secretary=secretary[0] if secretary else None,
        adjusters=tuple(officers.best("adjusters")),
        warnings=tuple(items.cross_check(built, declared, listed)),
        entities=tuple(entity(e) for e in ctx.mentions),
    )
