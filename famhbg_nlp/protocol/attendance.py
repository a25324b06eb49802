"""Attendance: who was present, absent or invited, with role, party and notes.

A block starts at an attendance label (``Närvarande``, ``Beslutande``, ``Tjänstgörande
ersättare``, ``Icke deltagande``, ``Inbjudna gäster`` ...; see ``data/labels.tsv``) and runs
over the label's paragraph (up to the next label, or a line that is a phrase rather than a
list) and every following paragraph that starts with a name. Labels stacked without values
(a table read row by row: ``Närvarande`` / ``Frånvarande`` / ``Ersättare`` / names) give their
names to the first of them that takes names.

Each name takes what follows it up to the next name: the first municipality, notes in
parentheses and § ranges (``§§ 69-81``, ``t.o.m. § 54``), party letters, an affiliation (an
ORG, or the phrase after ``från``/``representerar``) and the remaining words as role.
``X ersätter Y``, ``X tjänstgör för Y``, ``X tjg för Y``, ``X ers. Y``, ``för Y`` in a list
of substitutes: Y is absent. ``samtliga ledamöter med undantag för X och Y``: X and Y are
absent. A struck-through name is absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as P
from .context import Context, Mention
from .lines import Line, LineKind, clean_span_text, tidy
from .model import Participant

_TRIM = " \t\n,;:.–-&/|"
_CONJ = re.compile(r"(?i)^(?:och|samt|&|,|\s)+|(?<![\s,])[\s,]+(?:(?:och|samt|&)\s*)?$|(?<!\s)\s+(?:och|samt|&)$")
_LEADING_NON_ROLE = re.compile(
    r"(?i)^(?:som|för|om|med|i|på|till|av|inom|under|har|är|var|hade|kommer|ska|skulle|och|samt|se|enligt)\b"
)
#: ``för Y`` right before a name in a list of substitutes (``Eva Lind (S) för Omar Ali (S)``).
_FOR = re.compile(r"(?:^|(?<=[\s,)]))för[\s:]*$")
_PAREN = re.compile(r"\(([^()]*)\)?")
_LINE_LABEL = re.compile(r"(?=(?P<open>[\s*_~#>-]{0,64}))(?P=open)(?P<label>[^\W\d_][\w .-]{1,40}?)\s*[:\t]\s*[*_~]*")
#: The column heads of a table: short capitalised words (``Namn Parti Uppdrag``, ``Parti Närv Frånv Ja Nej``);
#: ``\b``: one way to cut the words, so the match is linear.
_COLUMN_HEADS = re.compile(r"(?:[A-ZÅÄÖ][\wåäö]{0,7}\b\.?\s*){1,12}")
#: Kinds of lines an attendance list may run over.
_LIST_KINDS = frozenset({LineKind.TEXT, LineKind.SIGNATURE, LineKind.ROSTER_LINE, LineKind.NOISE})


@dataclass
class Block:
    """An attendance block: its target bucket, default role and the document ranges it covers."""

    target: str
    role: str | None
    ranges: list[tuple[int, int]] = field(default_factory=list)
    line: int = 0
    columns: tuple[str, str] | None = None  # two columns read row by row: the target of each
    last: int = 0  # index of its last line


@dataclass
class Attendance:
    attendees: list[Participant] = field(default_factory=list)
    absent: list[Participant] = field(default_factory=list)
    guests: list[Participant] = field(default_factory=list)


def blocks(ctx: Context, cover: list[Line], *, strict: bool = False) -> list[Block]:
    """The attendance blocks of ``cover`` (marks their list lines ``ROSTER_LINE``).

    ``strict``: only labels on lines of their own that end with a colon or stand alone
    (``Närvarande:``), for the body, where a list of those present closes some minutes.
    """
    out: list[Block] = []
    stacked: list[Line] = []
    i = 0
    while i < len(cover):
        ln = cover[i]
        if ln.kind == LineKind.ROSTER and strict and not _strict_label(ln):
            ln.kind = LineKind.TEXT
        if ln.kind != LineKind.ROSTER:
            if ln.kind in (LineKind.FIELD, LineKind.OFFICER) and ln.info.rest is None:
                pass  # a stacked label between stacked attendance labels keeps the stack
            elif not ln.blank and ln.kind != LineKind.NOISE:
                stacked = []
            i += 1
            continue
        nxt = _next_label(ctx, cover, i)
        if ln.info.rest is None and nxt is not None and not _has_person_right_after(ctx, cover, i):
            stacked.append(ln)  # "Närvarande" / "Frånvarande" / names: the label is one of a stack
            i += 1
            continue
        head = stacked[0] if stacked else ln
        target, role = head.info.target or "attendees", head.info.role
        columns: tuple[str, str] | None = None
        if len(stacked) == 1 and stacked[0].info.target != ln.info.target:
            # "Förhindrad ledamot" / "Inkallad ersättare" / names: a two-column table read row by row
            columns = (stacked[0].info.target or "attendees", ln.info.target or "attendees")
        elif stacked and any(s.info.target == "attendees" for s in [*stacked, ln]):
            target = "attendees"
        stacked = []
        block = Block(target, role, line=ln.index, columns=columns)
        if ln.info.rest:
            block.ranges.append(_skip_stacked_value(ctx, cover, i, ln.info.rest))
        last = _extend(ctx, cover, i, block)
        block.last = cover[last].index
        out.append(block)
        i = last + 1
    return out


def _strict_label(ln: Line) -> bool:
    if ln.virtual:
        return False
    if ln.info.rest is None:
        return True
    return ":" in ln.text[: ln.clean_index(ln.info.rest[0])]


#: A party after a name, possibly after its role (``Anna Ek (S)``, ``Anna Ek, ordförande (S)``).
_PARTY_AFTER = re.compile(r"^[\s,]*(?:[^\s()][^()]{0,30}?\s*)?\(\s*[A-ZÅÄÖa-zåäö-]{1,4}\s*\)")


def unlabelled(ctx: Context, cover: list[Line], found: list[Block]) -> Block | None:
    """Names with party letters on the cover under no label (the label lost in the export,
    ``... kl. 13.00 ande Anna Ek (M) Per Berg (C) ...``): the decision-makers. Only a list: three
    names or more, one after the other, with nothing between them but roles, notes and § numbers
    (a sentence about politicians, ``Anna Ek (S) fortsätter som ordförande``, is none)."""
    labels = sum(1 for ln in cover if ln.kind in (LineKind.FIELD, LineKind.OFFICER, LineKind.ROSTER))
    if labels < 2:
        return None  # no cover page (a press release, a summary): its lists of names are prose
    taken = [r for b in found for r in b.ranges]
    marked: list[tuple[Mention, int, int]] = []  # person, end of its party letters, end of its line
    for ln in cover:
        if ln.kind not in (LineKind.TEXT, LineKind.FIELD) or ln.blank:
            continue
        if ln.kind == LineKind.FIELD and ln.info.target in ("posting", "signatures", "adjustment"):
            continue
        start, end = (ln.content_start, ln.content_end) if ln.kind == LineKind.TEXT else (ln.info.rest or (0, 0))
        if any(a <= start < b for a, b in taken):
            continue
        for p in ctx.persons_in(start, end):
            m = _PARTY_AFTER.match(ctx.text[p.end : end])
            if m is not None:
                marked.append((p, p.end + m.end(), end))
    runs: list[list[tuple[Mention, int, int]]] = []
    for entry in marked:
        if runs and _LIST_GAP.fullmatch(ctx.text[runs[-1][-1][1] : entry[0].start]):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    ranges = [(run[0][0].start, run[-1][2]) for run in runs if len(run) >= 3]
    return Block("attendees", None, ranges, line=-1) if ranges else None


#: What may stand between two names of a list: roles, notes, § numbers, separators (each alternative
#: takes its own characters, so the match is linear).
_LIST_GAP = re.compile(
    r"(?:[\s\d§,;/–-]|\([^()]{0,60}\)|:e\b|\b(?:och|samt|förste|andre|vice|ordförande|ordf|ledamot|ersättare"
    r"|tjänstgörande|tjg|ers|ej)\b\.?)*",
    re.IGNORECASE,
)


def _next_label(ctx: Context, cover: list[Line], i: int) -> Line | None:
    """The next content line if it is a label (the label at ``i`` has no value of its own)."""
    for ln in cover[i + 1 :]:
        if ln.blank or ln.kind == LineKind.NOISE:
            continue
        if ln.kind == LineKind.OFFICER and _officer_in_list(ctx, ln, Block("attendees", None)):
            return None
        return ln if ln.kind in (LineKind.ROSTER, LineKind.FIELD, LineKind.OFFICER) else None
    return None


def _has_person_right_after(ctx: Context, cover: list[Line], i: int) -> bool:
    for ln in cover[i + 1 :]:
        if ln.blank or ln.kind == LineKind.NOISE:
            continue
        return ctx.person_at_start(ln) is not None
    return False


def _skip_stacked_value(ctx: Context, cover: list[Line], i: int, rest: tuple[int, int]) -> tuple[int, int]:
    """``Plats och tid`` / ``Beslutande Stadshuset kl. 10-15 Anna Ek ...``: a place-and-time label
    stacked right before holds the start of this value, up to its time or date."""
    prev = next((c for c in reversed(cover[:i]) if not c.blank and c.kind != LineKind.NOISE), None)
    if prev is None or prev.kind != LineKind.FIELD or prev.info.rest is not None:
        return rest
    if prev.info.target not in ("place_time", "place", "time"):
        return rest
    value = ctx.text[rest[0] : rest[1]]
    ends = [m.end() for m in P.TIME_RANGE.finditer(value)]
    ends += [e.end - rest[0] for e in ctx.ents_in(rest[0], rest[1], "DATE")]
    if not ends:
        return rest
    cut = max(e for e in ends if e <= min(ends) + 40)
    # a person before the time is in the list, not in the place (the place is a venue)
    return (rest[0] + cut, rest[1])


def _extend(ctx: Context, cover: list[Line], i: int, block: Block) -> int:
    """Lines of the block after its label line: the rest of its paragraph, then following paragraphs
    that list names (starting with a name, or short lines with a name: ``Vice ordföranden Per Ek``,
    ``Verkställande direktören`` / ``Anna Ek``). Returns the index of its last line."""
    last = i
    j = i + 1
    # the rest of the label's paragraph
    while j < len(cover) and not cover[j].blank:
        ln = cover[j]
        if ln.kind != LineKind.NOISE:
            if not _in_list(ctx, ln, block) or _ends_list(ctx, ln):
                return last
            _take(block, ln)
            last = j
        j += 1
    # following paragraphs
    while True:
        k = _next_content(cover, last)
        if k is None:
            return last
        para = _paragraph(cover, k)
        how = _listing(ctx, para, block)
        if how is None:
            return last
        for idx, ln in para:
            if not _in_list(ctx, ln, block) or (how == "list" and _ends_list(ctx, ln)):
                return last
            _take(block, ln)
            last = idx


def _take(block: Block, ln: Line) -> None:
    block.ranges.append((ln.content_start, ln.content_end))
    ln.kind = LineKind.ROSTER_LINE


def _in_list(ctx: Context, ln: Line, block: Block) -> bool:
    return ln.kind in _LIST_KINDS or _officer_in_list(ctx, ln, block)


def _listing(ctx: Context, para: list[tuple[int, Line]], block: Block) -> str | None:
    """Whether a paragraph goes on with the list: ``list`` when it starts with a name or is short
    lines with a name, ``sentence`` when it carries on a sentence wrapped over a blank line."""
    if not para:
        return None
    first = para[0][1]
    if not _in_list(ctx, first, block):
        return None
    if first.kind == LineKind.TEXT and not ctx.text[
        max(0, first.content_start - 200) : first.content_start
    ].rstrip().endswith((".", ":", "!", "?", ")")):
        # a sentence of the list wrapped over a blank line (``... samt övriga`` / ``ledamöter utom ...``,
        # ``... My Ek, Caroline`` / ``Öwall, Per Berg``, ``... och Carlos`` / ``González.``)
        if first.text[:1].islower() or ctx.persons_in(first.content_start, first.content_end):
            return "sentence"
        if len(first.text) <= 25 and first.text.endswith(".") and len(para) == 1:
            return "sentence"
    if _ends_list(ctx, first):
        return None
    if ctx.person_at_start(first) is not None or _officer_in_list(ctx, first, block):
        return "list"
    if P.PARTIAL.match(first.text) and ctx.persons_in(first.content_start, first.content_end):
        return "list"  # "§§ 135-143, Anna Ek (S), ...": the last name's paragraphs, then more names
    if all(_COLUMN_HEADS.fullmatch(ln.text) for _, ln in para):
        return "list"  # the column heads of the list's table (``Namn Parti Uppdrag``)
    lines = [ln for _, ln in para]
    if (
        first.text[:1].isupper()
        and all(len(ln.text) <= 60 and not ln.text.endswith((".", ":")) for ln in lines)
        and any(ctx.persons_in(ln.content_start, ln.content_end) for ln in lines)
    ):
        return "list"
    return None


def _officer_in_list(ctx: Context, ln: Line, block: Block) -> bool:
    """``Ordförande: Anna Ek (S)`` inside a list of those present: a member with her role."""
    return (
        block.target == "attendees"
        and ln.kind == LineKind.OFFICER
        and ln.info.target in ("chair", "secretary")
        and ln.info.rest is not None
        and ctx.person_at(ln.info.rest[0]) is not None
    )


def _next_content(cover: list[Line], index: int) -> int | None:
    for j in range(index + 1, len(cover)):
        if cover[j].blank or cover[j].kind == LineKind.NOISE:
            continue
        return j
    return None


def _paragraph(cover: list[Line], index: int) -> list[tuple[int, Line]]:
    out = []
    for k in range(index, len(cover)):
        ln = cover[k]
        if ln.blank:
            break
        if ln.kind != LineKind.NOISE:
            out.append((k, ln))
    return out


def _ends_list(ctx: Context, ln: Line) -> bool:
    """A line that does not continue a list of names (``Utses att justera Per Olsson``, a sentence):
    it starts with a capitalised word that is no entity, and its first part is a phrase."""
    if ln.kind == LineKind.NOISE:
        return False
    label = _LINE_LABEL.match(ctx.text, ln.content_start, ln.content_end)
    starts = {ln.content_start, label.end() if label else -1}
    if not ln.text[:1].isupper() or any(e.start in starts for e in ctx.ents_in(ln.content_start, ln.content_end)):
        return False
    if _COLUMN_HEADS.fullmatch(ln.text):
        return False  # the column heads of a table (``Parti Närv Frånv Ja Nej Avst``)
    first = re.split(r"[,(\t;]", ln.text, maxsplit=1)[0]
    if ctx.persons_in(ln.content_start, ln.content_end) and len(ln.text) > 0:
        # a list line with a role first (``Kommunsekreterare Pia Ek, ekonomichef Per Ek``)
        if len(first.split()) <= 3 or ln.virtual:
            return False
    return len(first.split()) >= 3 and not P.PARTIAL.match(ln.text)


# --- participants ---------------------------------------------------------------------------


def read(ctx: Context, found: list[Block]) -> Attendance:
    """Participants of all blocks by bucket; each block is read as one text, so names and places
    run over line breaks (``Lilian Eriksson\\nÄngelholm``)."""
    out = Attendance()
    replaced: dict[int, str] = {}
    for block in found:
        if not block.ranges:
            continue
        for start, end in _spans(ctx, block.ranges):
            excepted = _excepted(ctx, start, end)
            guests = _guest_sentences(ctx, start, end)
            left = _left(ctx, start, end)
            column = 0
            listed = participants(ctx, start, end, block.role, replaced)
            for n, (person, part) in enumerate(listed):
                upto = listed[n + 1][0].start if n + 1 < len(listed) else end
                if len(part.name.split()) < 2:
                    continue  # a single word is no name of a list of those present
                target = block.target
                if block.columns is not None:
                    target = block.columns[column % 2]
                    column += 1
                    if column % 2 == 1 and _NO_SUBSTITUTE.search(ctx.text[person.end : upto]):
                        column += 1  # "Kjell Ek (V) Saknar ersättare": the second cell of the row is empty
                if person.start in replaced or person.start in excepted or ctx.struck(person):
                    target = "absent"
                elif part.role and _ABSENT_ROLE.match(part.role):
                    target = "absent"  # "Staffan Nilsson frånvarande"
                    part = Participant(part.name, part.municipality, part.affiliation, None, part.party, part.role)
                elif any(a <= person.start < b for a, b in guests):
                    target = "guests"
                bucket = getattr(out, target)
                if all(p.name != part.name for p in bucket):  # a name listed twice counts once
                    bucket.append(part)
                if person.start in left and target != "absent" and all(p.name != part.name for p in out.absent):
                    out.absent.append(part)  # present for part of the meeting, then replaced
    return out


#: A member who leaves (``lämnar sammanträdet``) or is replaced (``ersättes av X``, ``dessförinnan ersatt av X``):
#: present for part of the meeting and absent for the rest.
_LEAVES = re.compile(
    r"(?i)\b(?:lämna(?:r|de)\s+(?:också\s+)?(?:sammanträdet|mötet)|ers(?:ättes|ätts|attes|att)\s+av|avgår|avgick)\b"
)


def _left(ctx: Context, start: int, end: int) -> set[int]:
    """Starts of the persons a sentence says left the meeting or were replaced."""
    out: set[int] = set()
    text = ctx.text[start:end]
    # a sentence ends at a period, or at a blank line before a capital (the next entry of a list)
    for sentence in re.finditer(r"(?:[^.!?\n]|\n(?!\s*\n\s*[A-ZÅÄÖ]))+[.!?]?", text):
        verb = _LEAVES.search(sentence.group())
        if verb is None:
            continue
        a = start + sentence.start()
        for p in ctx.persons_in(a, a + verb.start()):
            out.add(p.start)
    return out


#: A role that says the person was not there.
_ABSENT_ROLE = re.compile(r"(?i)^(?:frånvarande|ej\s+närvarande|förhindrad|anmält\s+förhinder|anmält\s+frånvaro)$")
#: A substitute column left empty (``Saknar ersättare``).
_NO_SUBSTITUTE = re.compile(r"(?i)\b(?:saknar|utan|ingen)\s+ersättare\b")
#: ``Under § 55 deltog X, rektor``: persons invited for an item.
_GUEST_SENTENCE = re.compile(
    r"(?i)\b(?:under|vid|i)\s+(?:ärende\s+)?(?:§§?|paragraf(?:erna)?|punkt)\s*[\d\s,–-]+(?:och\s+\d+\s*)?(?:deltog|närvarade|medverkade|deltar|närvarar|medverkar)\b[^.]*"
)


def _guest_sentences(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _GUEST_SENTENCE.finditer(ctx.text[start:end])]


def invited(ctx: Context, cover: list[Line]) -> Block | None:
    """``Under § 55 deltog Anna Ek, rektor`` on the cover outside the lists: guests of an item."""
    ranges = []
    for ln in cover:
        if ln.kind == LineKind.TEXT:  # the sentence may run on: read to the paragraph's end
            ranges += _guest_sentences(ctx, ln.content_start, _paragraph_end(ctx, ln))
    return Block("guests", None, ranges) if ranges else None


def _paragraph_end(ctx: Context, ln: Line) -> int:
    end = ctx.text.find("\n\n", ln.content_start)
    return len(ctx.text) if end == -1 else end


def first_names(ctx: Context, found: list[Block]) -> dict[int, str]:
    """The first name each block lists, by the index of the block's last line."""
    out: dict[int, str] = {}
    for block in found:
        if block.ranges and block.line >= 0:
            persons = ctx.persons_in(block.ranges[0][0], block.ranges[-1][1])
            if persons:
                out[block.last] = persons[0].text
    return out


def _spans(ctx: Context, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of a block joined where only white space lies between them."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and not ctx.text[out[-1][1] : a].strip():
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _excepted(ctx: Context, start: int, end: int) -> set[int]:
    """Starts of the persons named after ``med undantag för`` / ``utom`` (absent members)."""
    out: set[int] = set()
    text = ctx.text[start:end]
    for m in re.finditer(r"(?i)\b(?:med\s+undantag\s+(?:för|av)|utom|förutom)\b\s*:?", text):
        stop = re.search(r"[.;](?:\s|$)", text[m.end() :])
        limit = start + m.end() + (stop.start() if stop else len(text) - m.end())
        for p in ctx.persons_in(start + m.end(), limit):
            out.add(p.start)
    return out


def participants(
    ctx: Context,
    start: int,
    end: int,
    default_role: str | None = None,
    replaced: dict[int, str] | None = None,
) -> list[tuple[Mention, Participant]]:
    """Each PERSON in ``[start, end)`` with what follows it up to the next person.

    Persons joined only by ``och``/``samt``/``&`` (and commas) share what follows the last of
    them: ``Jennica Ericson och Christer Paulsson från FoodEvolution``. ``replaced`` collects
    the starts of persons another one replaces (start -> name of the substitute).
    """
    replaced = {} if replaced is None else replaced
    persons = ctx.persons_in(start, end)
    labels: dict[int, tuple[int, str]] = {}
    for person in persons:
        line_start = ctx.text.rfind("\n", start, person.start) + 1
        m = _LINE_LABEL.fullmatch(ctx.text, max(line_start, start), person.start)
        if m:
            labels[person.start] = (m.start(), m.group("label").lower())
    parsed: list[tuple[Mention, Participant, bool | None]] = []
    for k, person in enumerate(persons):
        nxt = persons[k + 1] if k + 1 < len(persons) else None
        seg_end = nxt.start if nxt is not None else end
        if nxt is not None and nxt.start in labels:
            seg_end = labels[nxt.start][0]
        seg = ctx.text[person.end : seg_end]
        replaces = None
        rep = (P.REPLACES.search(seg) or _FOR.search(seg)) if nxt is not None else None
        if rep is not None and "," in seg[: rep.start()] and not re.search(r"(?i)\bför\b", rep.group()):
            rep = None  # "Lena Lind (s), tjg ers Ulf Berg": the role of the one before, no replacement
        if rep is not None:
            # "Eva Lind (S) ersätter Omar Ali (S)", "... för Omar Ali": Omar Ali is absent
            replaces = nxt
            seg_end = person.end + rep.start()
            seg = seg[: rep.start()]
        bare = nxt is not None and re.fullmatch(r"[\s,*_~]*(?:(?:och|samt|&)[\s,*_~]*)?", seg) is not None
        conj = bare and re.search(r"(?i)\b(?:och|samt)\b|&", seg) is not None
        label = labels.get(person.start)
        part = segment(ctx, person, person.end, seg_end, label[1] if label else default_role)
        if replaces is not None:
            replaced[replaces.start] = person.text
            note = "; ".join(x for x in (part.note, f"ersätter {replaces.text}") if x)
            part = Participant(part.name, part.municipality, part.affiliation, part.role, part.party, note)
        if person.start in replaced:
            note = "; ".join(x for x in (f"ersätts av {replaced[person.start]}", part.note) if x)
            part = Participant(part.name, part.municipality, part.affiliation, None, part.party, note)
        parsed.append((person, part, conj if bare else None))
    out: list[tuple[Mention, Participant]] = []
    k = 0
    while k < len(parsed):
        # a run of persons joined by bare separators; shared only if a conjunction joins them
        j = k
        while j < len(parsed) - 1 and parsed[j][2] is not None:
            j += 1
        group = parsed[k : j + 1]
        shared = any(g[2] for g in group[:-1])
        last = group[-1][1]
        for person, part, _ in group:
            if shared and part is not last:
                part = Participant(
                    name=part.name,
                    municipality=last.municipality,
                    affiliation=last.affiliation,
                    role=last.role,
                    party=part.party,
                    note=part.note,
                )
            out.append((person, part))
        k = j + 1
    return out


def segment(ctx: Context, person: Mention, start: int, end: int, default_role: str | None) -> Participant:
    """Municipality, affiliation, role, party and note from the text after a name."""
    seg = ctx.text[start:end]
    removed = [False] * len(seg)

    def drop(a: int, b: int) -> None:
        for i in range(max(a, 0), min(b, len(seg))):
            removed[i] = True

    municipality: str | None = None
    party = role_in_paren = None
    notes: list[str] = []
    munis = ctx.ents_in(start, end, "MUNICIPALITY")
    orgs = ctx.ents_in(start, end, "ORG")
    for m in _PAREN.finditer(seg):
        inner = m.group(1).strip()
        inner_munis = [e for e in munis if start + m.start(1) <= e.start and e.end <= start + m.end(1)]
        if inner_munis:
            municipality = municipality or inner_munis[0].municipality
        elif P.PARTY.match(inner) and (inner.upper() in P.PARTY_LETTERS or len(inner) <= 4):
            party = party or inner
        elif (
            P.CHAIR_RE.match(inner)
            or P.SECRETARY_RE.match(inner)
            or re.fullmatch(r"(?i)(?:\d:e\s+)?vice\s+ordförande", inner)
        ):
            role_in_paren = inner
        elif inner:
            notes.append(inner)
        drop(m.start(), m.end())
    visible = "".join(" " if removed[i] else ch for i, ch in enumerate(seg))
    for m in P.PARTIAL.finditer(visible):
        notes.append(re.sub(r"\s+", " ", m.group().strip(" ,")))
        drop(m.start(), m.end())
    visible = "".join(" " if removed[i] else ch for i, ch in enumerate(seg))

    affiliation = None
    found = P.AFFILIATION.search(visible)
    if found:
        aff_start = found.start("aff")
        aff_end = len(visible)
        stop = re.search(r"[,;\n]", visible[aff_start:])
        if stop:
            aff_end = aff_start + stop.start()
        for e in munis:
            rel = e.start - start
            if aff_start <= rel < aff_end:
                cut = re.search(r"(?i)(?<!\s)\s+i\s*$", visible[aff_start:rel])
                aff_end = aff_start + (cut.start() if cut else rel - aff_start)
                break
        aff = _CONJ.sub("", visible[aff_start:aff_end]).strip(_TRIM)
        if aff:
            affiliation = tidy(aff)
            drop(found.start(), aff_end)
    if affiliation is None and orgs:
        affiliation = orgs[0].text
    for e in munis:
        if municipality is None:
            municipality = e.municipality
        drop(e.start - start, e.end - start)
    for e in orgs:
        drop(e.start - start, e.end - start)
    visible = "".join(" " if removed[i] else ch for i, ch in enumerate(seg))
    pieces = []
    for piece in re.split(r"[,;\t\n]", visible):
        piece = clean_span_text(piece)
        piece = _CONJ.sub("", piece).strip(_TRIM)
        if not piece:
            continue
        first, _, tail = piece.partition(" ")
        if party is None and first.upper() in P.PARTY_LETTERS and (first.isupper() or len(first) <= 2):
            party = first  # "Anna Svensson S, ordförande", "Thor Lindgren, s, ordförande"
            piece = tail.strip(_TRIM)
            if not piece:
                continue
        if not _LEADING_NON_ROLE.match(piece):
            pieces.append(piece)
    role = ", ".join(pieces) or None
    if role is not None and len(role.split()) > P.ROLE_MAX_WORDS:
        role = None
    role = role or role_in_paren or default_role
    note = "; ".join(notes) or None
    return Participant(
        name=person.text, municipality=municipality, affiliation=affiliation, role=role, party=party, note=note
    )
