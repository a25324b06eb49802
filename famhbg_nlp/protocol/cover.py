"""The cover page: organ, protocol number, date, time and place, declared paragraphs, and the
officers (chair, secretary, adjusters).

Officers are read from three kinds of evidence, the first that names one winning:

1. labels: ``Ordförande: Anna Ek``, ``Sekreterare Maria Holm`` (a table cell), ``Utses att
   justera Eva Lind och Karl Berg``, ``Sekreterare är Per Ek.``, and signature blocks where a
   role line and a name line pair up in either order (``Anna Ek`` / ``Ordförande`` or
   ``Ordförande ......`` / ``Anna Ek``). Labels stacked without their values (``Sekreterare
   Ordförande Justerande Anna Ek Per Ek Eva Lind``: a table read row by row) take the names
   that follow in order, the last label the rest;
2. a name with its role after it outside the attendance lists (``/Anna Ek, ordförande/``);
3. the attendee whose role is ``ordförande`` / ``sekreterare``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import patterns as P
from .context import Context, Mention
from .lines import Line, LineKind, normalize_clock, tidy
from .model import Participant, TimeRange

#: Line kinds that end a wait for the names of stacked labels.
_BARRIERS = frozenset({LineKind.ITEM_PARA, LineKind.ITEM_NUM, LineKind.ITEM_TIMED, LineKind.ROSTER, LineKind.TOC})
#: ``X som ersättare`` after an adjuster: X is the adjuster's substitute.
_SUBSTITUTE_AFTER = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*)?som\s+ersättare\b", re.I)
_SUBSTITUTE_BEFORE = re.compile(r"(?i)\bmed\s+$")
_ROLE_AFTER = re.compile(
    rf"^[\s,/]*(?:\([^()]{{0,12}}\)[\s,]*)?(?P<role>{P.CHAIR_ROLE}|{P.SECRETARY_ROLE}|(?:protokolls)?justerare)(?![\wåäö])",
    re.I,
)


@dataclass
class Officers:
    """Chair, secretary and adjusters found so far, by strength of evidence (1 strongest)."""

    found: dict[str, dict[int, list[str]]] = field(
        default_factory=lambda: {"chair": {}, "secretary": {}, "adjusters": {}}
    )

    sources: dict[tuple[str, int], object] = field(default_factory=dict)

    def add(self, target: str, names: list[str], rank: int, source: object = None) -> None:
        """Names for ``target`` from one piece of evidence; of several, the first one counts
        (``Utses att justera X och Y`` before a signature block where the chair signs as ``Justerande``)."""
        if not names:
            return
        key = (target, rank)
        if source is not None and self.sources.setdefault(key, source) != source:
            return
        bucket = self.found[target].setdefault(rank, [])
        for name in names:
            name = " ".join(name.split()).strip("/,.;: ")
            if name not in bucket:
                bucket.append(name)

    def best(self, target: str) -> list[str]:
        ranks = self.found[target]
        return ranks[min(ranks)] if ranks else []


def declared_paragraphs(ctx: Context) -> tuple[int, int] | None:
    """The range of paragraphs the cover declares (``Paragrafer §§ 12-31``, ``Justerade paragrafer 252-273``)."""
    for ln in ctx.lines:
        if ln.kind in (LineKind.ITEM_PARA, LineKind.ITEM_NUM):
            break
        if ln.kind == LineKind.FIELD and ln.info.target == "paragraphs" and ln.info.rest is not None:
            numbers = _numbers(ctx.text[ln.info.rest[0] : ln.info.rest[1]])
            if numbers:
                return min(numbers), max(numbers)
    return None


def scan_declared_paragraphs(text: str) -> tuple[int, int] | None:
    """The same, read from the raw text before the lines are cut (to find § headings inside lines)."""
    m = re.search(
        r"(?i)(?:\bparagrafer?|§§|\bomfattning)\s*:?\s*(?:§§?\s*)?(?P<v>\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:[\s,]+\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*)",
        text,
    )
    if m is None:
        return None
    numbers = _numbers(m.group("v"))
    return (min(numbers), max(numbers)) if numbers and max(numbers) > min(numbers) else None


def _numbers(value: str) -> list[int]:
    # each number ends where its digits end ((?!\d)): a run of digits is split one way only
    head = re.match(r"[\s§:,]*((?:\d{1,4}(?!\d)(?:\s*[-–]\s*\d{1,4}(?!\d))?[\s,§]*)+)", value)
    if head is None:
        return []
    return [int(n) for n in re.findall(r"\d{1,4}", head.group(1))]


# --- header ---------------------------------------------------------------------------------


def title_and_number(ctx: Context, header: list[Line]) -> tuple[str | None, str | None]:
    """The organ (``Kommunstyrelsen``) and the protocol number (``9/2020``) of the cover."""
    body = number = None
    for ln in header:
        t = ln.text
        if number is None and (m := P.PROTOCOL_NUMBER.search(t)):
            number = re.sub(r"\s+", "", m.group("num"))
        if body is not None:
            continue
        if ln.kind == LineKind.FIELD and ln.info.target == "body" and ln.info.rest:
            value = tidy(ctx.text[slice(*ln.info.rest)])
            if value and P.ORGAN_WORD.search(value):
                body = _organ_only(value)
            continue
        for rx in (P.PROTOCOL_FROM, P.PROTOCOL_TITLE):
            m = rx.match(t)
            if m and P.ORGAN_WORD.search(m.group("organ")) and len(m.group("organ").split()) <= 6:
                body = m.group("organ").strip(" ,;:.–-")
                break
        else:
            if ln.kind in (LineKind.TEXT, LineKind.NOISE) and (organ := _organ_line(t)):
                body = organ
    return body, number


def _organ_only(value: str) -> str:
    m = P.ORGAN_WORD.search(value)
    if m is None:
        return value
    words = value.split()
    # "Hässleholms kommun, Miljönämnden" -> "Miljönämnden"; "Kommunstyrelsen 2020-09-15" -> "Kommunstyrelsen"
    for part in re.split(r"\s*,\s*", value):
        if P.ORGAN_WORD.search(part):
            value = part
            break
    value = re.sub(r"(?<!\s)\s+\d.*$", "", value)
    return value if len(words) <= 8 else m.group(0)


def _organ_line(t: str) -> str | None:
    """A short line naming an organ (``Kommunstyrelsen``, ``Barn- och utbildningsnämnden SAMMANTRÄDESPROTOKOLL``)."""
    t = re.sub(r"(?i)^(?:sammanträdes|möte?s)?protokoll\s+", "", t).strip()
    t = re.sub(r"(?i)(?<!\s)\s*(?:sammanträdes|möte?s)?protokoll\b.*$", "", t).strip()
    t = re.sub(r"(?<!\s)\s+\d{4}-\d{2}-\d{2}.*$", "", t).strip()
    if not t or len(t.split()) > 5 or re.search(r"\d", t) or not t[:1].isupper():
        return None
    if re.match(r"(?i)(?:sammanträdes)?protokoll\b", t):
        return None
    return t if P.ORGAN_WORD.fullmatch(t.split()[-1]) else None


def place_time(ctx: Context, header: list[Line]) -> tuple[TimeRange | None, str | None, date | None]:
    """Time, place and the meeting date written on the cover (``Sammanträdesdatum`` first)."""
    time: TimeRange | None = None
    place: str | None = None
    field_date: date | None = None
    other_date: date | None = None
    for k, ln in enumerate(header):
        if ln.kind != LineKind.FIELD or ln.info.target not in ("place_time", "place", "time", "date"):
            continue
        if ln.info.rest:
            a, b = ln.info.rest
        else:
            nxt = next((h for h in header[k + 1 : k + 3] if h.kind in (LineKind.TEXT, LineKind.NOISE)), None)
            if nxt is None:
                continue
            a, b = nxt.content_start, nxt.content_end
        for e in ctx.ents_in(a, b, "DATE"):
            if isinstance(e.value, str) and (d := _iso(e.value)) is not None:
                if ln.info.target == "date":
                    field_date = field_date or d
                else:
                    other_date = other_date or d
        if ln.info.target == "date":
            continue
        value = ctx.text[a:b]
        m = P.TIME_RANGE.search(value)
        if m and time is None:
            start = normalize_clock(m.group("start") or m.group("start2"))
            if start:
                time = TimeRange(start, normalize_clock(m.group("end") or m.group("end2")))
        if place is None and ln.info.target in ("place_time", "place"):
            place = _place(ctx, a, b, m)
    if time is None:
        for ln in header:
            m = P.TIME_RANGE.search(ln.text)
            if m and (m.group("start") or m.group("start2")):
                start = normalize_clock(m.group("start") or m.group("start2"))
                if start:
                    time = TimeRange(start, normalize_clock(m.group("end") or m.group("end2")))
                    break
    return time, place, field_date or other_date


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _place(ctx: Context, a: int, b: int, time_match: re.Match[str] | None) -> str | None:
    value = ctx.text[a:b]
    mask = [False] * len(value)
    for e in ctx.ents_in(a, b, "DATE"):
        for i in range(e.start - a, e.end - a):
            mask[i] = True
    for m in P.DATE_LIKE.finditer(value):
        for i in range(m.start(), m.end()):
            mask[i] = True
    if time_match:
        for i in range(time_match.start(), time_match.end()):
            mask[i] = True
    first = mask.index(True) if True in mask else len(value)
    before = _place_text(value[:first]) if first else None
    after = None
    if time_match:
        rest = "".join(" " if mask[i] else value[i] for i in range(time_match.end(), len(value)))
        rest = re.sub(
            r"(?i)\([^()]*(?:\d[.:]\d|ajourn|paus)[^()]*\)|(?:,|(?<!\s))\s*(?:med\s+)?ajournering.*$", " ", rest
        )
        after = _place_text(rest)
    # "... kl 08.30-12.00 på distans via Teams": a place after the time that says where it is
    candidate: str | None
    if after is not None and (before is None or re.match(r"(?i)(?:på|i|via)\s", rest.strip(" ,"))):
        candidate = after
    else:
        candidate = before
    if candidate is None:
        candidate = _place_text("".join(" " if mask[i] else ch for i, ch in enumerate(value)))
    return candidate


def _place_text(text: str) -> str | None:
    text = tidy(text) or ""
    text = re.sub(r"^[\s,;:–-]+|[\s,;:.–-]+$", "", text)
    text = re.sub(r"^(?i:på|i)\s+(?=[A-ZÅÄÖ])", "", text)
    text = re.sub(r"(?i)^(?:kl\.?|klockan)\s*$|(?:,|(?<!\s))\s*\b(?:kl\.?|klockan|tid)\s*$", "", text).strip(" ,")
    return text or None


# --- officers -------------------------------------------------------------------------------


def read_officers(ctx: Context, lines: list[Line], cover_end: int) -> Officers:
    """Chair, secretary and adjusters from labels and signature blocks (ranks 1 and 2).

    ``cover_end``: index of the first line after the cover; labels and signature blocks are read
    on the cover and after it (a signature block closes the minutes), names with a role after
    them only on the cover.
    """
    officers = Officers()
    content = [ln for ln in lines if not ln.blank and ln.kind not in (LineKind.NOISE, LineKind.BOILERPLATE)]
    _signature_blocks(ctx, content, officers)
    pending: list[str] = []
    age = 0
    prev: Line | None = None
    for ln in content:
        if ln.kind in _BARRIERS:
            pending, age = [], 0
            prev = ln
            continue
        persons = _persons(ctx, ln.info.rest) if ln.kind in (LineKind.OFFICER, LineKind.FIELD) else []
        if ln.kind == LineKind.OFFICER and ln.info.target is not None and ln.kind != LineKind.SIGNATURE:
            if persons:
                _assign(officers, [*pending, ln.info.target], persons, ln.index)
                pending, age = [], 0
            elif ln.info.rest is None and not (
                prev is not None and prev.kind == LineKind.ROSTER and prev.info.rest is None
            ):
                # (a label stacked under attendance labels waits in vain: the names are the list's)
                pending.append(ln.info.target)
                age = 0
            prev = ln
            continue
        if pending and ln.kind in (LineKind.FIELD, LineKind.TEXT):
            if ln.kind == LineKind.TEXT:
                persons = _persons(ctx, (ln.content_start, ln.content_end))
                if persons and persons[0].start > ln.content_start + 12:
                    persons = []  # a sentence that mentions a name is no signature
            if persons:
                _assign(officers, pending, persons, ln.index)
                pending, age = [], 0
                continue
        age += 1
        if age > 3:
            pending = []
        prev = ln
    # "Sekreterare är Per Ek." anywhere
    for person in ctx.persons:
        line_start = ctx.text.rfind("\n", 0, person.start) + 1
        role = P.ROLE_SENTENCE.search(ctx.text[max(line_start, person.start - 60) : person.start])
        if role is not None:
            officers.add(_target(role.group("role")), [person.text], 1, ("sentence", person.start))
    # "X och Y utses att justera protokollet", "Utsågs X att jämte Y justera dagens protokoll"
    for m in P.ADJUSTER_SENTENCE.finditer(ctx.text):
        names = [p.text for p in _persons(ctx, (m.start(), m.end()))]
        officers.add("adjusters", names, 2, ("adjusters", m.start()))
    return officers


def roles_after_names(ctx: Context, officers: Officers, cover: list[Line]) -> None:
    """Rank 2: a name with its role after it on the cover, outside the attendance lists
    (``/Anna Ek, ordförande/``, ``Per Ek, sekreterare`` under a signature line)."""
    for ln in cover:
        if ln.blank or ln.kind in (LineKind.ROSTER_LINE, LineKind.ROSTER, LineKind.NOISE, LineKind.BOILERPLATE):
            continue
        for person in ctx.persons_in(ln.content_start, ln.content_end):
            m = _ROLE_AFTER.match(ctx.text[person.end : person.end + 40])
            if m:
                officers.add(_target(m.group("role")), [person.text], 2, ("after", person.start))


_ROLE_ROW = re.compile(
    rf"(?i)^(?:(?:{P.CHAIR_ROLE}|(?:\d:e\s+|förste\s+|andre\s+)?vice\s+ordförande|ledamot|ersättare|{P.SECRETARY_ROLE})\s*)+$"
)


def role_column(ctx: Context, officers: Officers, cover: list[Line], first_listed: dict[int, str]) -> None:
    """A column of roles under a column of names (a table read column by column): ``Ordförande`` /
    ``1:e vice ordförande 2:e vice ordförande ledamot`` after a list: the list's first name chairs.
    ``first_listed``: the first name of each attendance block, by the index of its last line."""
    ends = sorted(first_listed)
    for k, ln in enumerate(cover):
        if not (ln.kind == LineKind.OFFICER and ln.info.target == "chair" and ln.info.rest is None):
            continue
        nxt = next((c for c in cover[k + 1 :] if not c.blank and c.kind != LineKind.NOISE), None)
        if nxt is None or not _ROLE_ROW.match(nxt.text):
            continue
        before = [e for e in ends if e < ln.index]
        if before:
            officers.add("chair", [first_listed[before[-1]]], 1, ("column", ln.index))


def _target(role: str) -> str:
    if P.CHAIR_RE.match(role):
        return "chair"
    if P.SECRETARY_RE.match(role):
        return "secretary"
    return "adjusters"


def _persons(ctx: Context, rest: tuple[int, int] | None) -> list[Mention]:
    """The persons in a label's value, without substitutes (``med X som ersättare``)."""
    if rest is None:
        return []
    out = []
    for p in ctx.persons_in(*rest):
        if _SUBSTITUTE_AFTER.match(ctx.text[p.end : rest[1]]) or _SUBSTITUTE_BEFORE.search(ctx.text[rest[0] : p.start]):
            continue
        if " " not in p.text.strip():
            continue  # one word is no name to sign with
        role = _ROLE_AFTER.match(ctx.text[p.end : rest[1]])
        if role is not None and _target(role.group("role")) != "adjusters":
            continue  # "Justeras Roger Ek ordförande Anna Ek": the chair signs too, as chair
        out.append(p)
    return out


def _assign(officers: Officers, targets: list[str], persons: list[Mention], source: object) -> None:
    """Stacked labels take one name each in order; the last label takes the rest."""
    names = [p.text for p in persons]
    for k, target in enumerate(targets):
        if not names:
            break
        if k == len(targets) - 1:
            officers.add(target, names if target == "adjusters" else names[:1], 1, source)
        else:
            officers.add(target, names[:1], 1, (source, k))
            names = names[1:]


def _signature_blocks(ctx: Context, content: list[Line], officers: Officers) -> None:
    """Runs of role lines and name lines: pair each role with the name above or below it,
    whichever reading pairs more of them (``Anna Ek`` / ``ordförande`` or ``Ordförande`` / ``Anna Ek``)."""
    k = 0
    while k < len(content):
        if not _role_alone(content[k]) and not _names_line(ctx, content[k]):
            k += 1
            continue
        j = k
        while j < len(content) and (_role_alone(content[j]) or _names_line(ctx, content[j])):
            j += 1
        run = content[k:j]
        k = j
        roles = [i for i, ln in enumerate(run) if _role_alone(ln)]
        if not roles:
            continue
        below = [(i, i + 1) for i in roles if i + 1 < len(run) and not _role_alone(run[i + 1])]
        above = [(i, i - 1) for i in roles if i > 0 and not _role_alone(run[i - 1])]
        before = _before_run(content, run[0])
        if len(above) > len(below) or (
            len(above) == len(below) and above and _names_first(run, roles[0]) and not _role_alone_line(before)
        ):
            pairs = above
        else:
            pairs = below
        for role_i, name_i in pairs:
            role_ln, name_ln = run[role_i], run[name_i]
            persons = ctx.persons_in(name_ln.content_start, name_ln.content_end)
            target = role_ln.info.target
            if target is None:
                continue
            names = [p.text for p in (persons if target == "adjusters" else persons[:1])]
            officers.add(target, names, 1, ("block", run[0].index) if target == "adjusters" else role_ln.index)
            role_ln.kind = name_ln.kind = LineKind.SIGNATURE
        # a row of names above a row of roles (``Astrid Edin Thor Lindgren`` / ``sekreterare ordförande``)
    _row_pairs(ctx, content, officers)


def _before_run(content: list[Line], first: Line) -> Line | None:
    """The line before a block, past labels without names (``Sekreterare`` / ``Paragrafer 1-3`` / ``Anna Ek``)."""
    k = content.index(first) - 1
    while k >= 0 and content[k].kind == LineKind.FIELD and content[k].info.target in ("paragraphs", "signatures"):
        k -= 1
    return content[k] if k >= 0 else None


def _role_alone_line(ln: Line | None) -> bool:
    return ln is not None and _role_alone(ln)


def _names_first(run: list[Line], first_role: int) -> bool:
    """Whether names stand above their roles: not when a role has a line to sign on after it
    (``Ordförande ......``); yes when the roles are in lower case or the block starts with a name."""
    if any(re.search(r"[._…]{2,}", ln.text) for ln in run if _role_alone(ln)):
        return False
    return run[first_role].text[:1].islower() or first_role > 0


def _role_alone(ln: Line) -> bool:
    return (
        ln.kind in (LineKind.OFFICER,)
        and ln.info.rest is None
        and ln.info.target in ("chair", "secretary", "adjusters")
    )


def _names_line(ctx: Context, ln: Line) -> bool:
    """A line of nothing but names (and party letters): a signature under or over a role."""
    if ln.kind not in (LineKind.TEXT, LineKind.SIGNATURE):
        return False
    persons = ctx.persons_in(ln.content_start, ln.content_end)
    if not persons or persons[0].start != ln.content_start:
        return False
    rest = ctx.text[ln.content_start : ln.content_end]
    for p in reversed(persons):
        rest = rest[: p.start - ln.content_start] + rest[p.end - ln.content_start :]
    return re.fullmatch(r"(?:[\s,/.…_]|\(\s*[\w-]{1,4}\s*\)|\b(?:och|samt)\b)*", rest) is not None


def _row_pairs(ctx: Context, content: list[Line], officers: Officers) -> None:
    """``Astrid Edin Thor Lindgren Ulf Lundberg`` over ``sekreterare ordförande justerare``."""
    roles_rx = re.compile(rf"(?i)^(?:(?:{P.CHAIR_ROLE}|{P.SECRETARY_ROLE}|{P.ADJUSTER_ROLE})\s*)+$")
    for k in range(1, len(content)):
        ln = content[k]
        if not roles_rx.match(ln.text) or len(ln.text.split()) < 2:
            continue
        prev = content[k - 1]
        persons = ctx.persons_in(prev.content_start, prev.content_end)
        roles = re.findall(rf"(?i){P.CHAIR_ROLE}|{P.SECRETARY_ROLE}|{P.ADJUSTER_ROLE}", ln.text)
        if len(persons) != len(roles):
            continue
        for person, role in zip(persons, roles):
            officers.add(
                _target(role), [person.text], 1, ("row", k) if _target(role) == "adjusters" else (k, person.start)
            )
        prev.kind = ln.kind = LineKind.SIGNATURE


def from_attendance(officers: Officers, attendees: list[Participant]) -> None:
    """Rank 3: the one attendee whose role is ``ordförande`` or ``sekreterare`` (two say nothing)."""
    chairs = [p.name for p in attendees if p.role and P.CHAIR_IN_ROLE.match(p.role)]
    secretaries = [p.name for p in attendees if p.role and P.SECRETARY_IN_ROLE.match(p.role)]
    if chairs:
        officers.add("chair", chairs[:1], 3)
    if len(secretaries) == 1:
        officers.add("secretary", secretaries, 3)
