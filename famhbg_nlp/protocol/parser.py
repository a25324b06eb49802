"""Layout parsing of Swedish meeting minutes into a :class:`~famhbg_nlp.protocol.model.Protocol`.

The parser reads the *layout* with the generic cues of :mod:`.patterns` (attendance
labels, numbered / ``§`` / time-stamped headings, ``Beslut`` and ``att`` clauses,
signature blocks) and takes every *name* from the pipeline's entities: a person is a
``PERSON`` entity, a municipality a ``MUNICIPALITY`` entity with its canonical value.
No list of people or places is needed to parse a new protocol.

It works on lines of the document text. Each line is *cleaned* (markdown and HTML
markup dropped, whitespace collapsed) and keeps a map from every cleaned character
back to its offset in the document, so cues are matched on clean text while every
result (items, decisions, entities) stays anchored to document offsets.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from . import patterns as P
from .model import Decision, Entity, Item, Participant, Protocol, TimeRange

# --- lines ----------------------------------------------------------------------------------


@dataclass
class Line:
    """One line of the document: raw text, cleaned text and the offset map between them."""

    index: int
    start: int
    end: int
    raw: str
    text: str
    offsets: list[int]
    kind: str = "text"
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def content_start(self) -> int:
        return self.offsets[0] if self.offsets else self.start

    @property
    def content_end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else self.start

    def doc_offset(self, i: int) -> int:
        """Document offset of cleaned character ``i`` (``len(text)`` -> end of the content)."""
        return self.offsets[i] if i < len(self.offsets) else self.content_end


def clean_line(raw: str, base: int = 0) -> tuple[str, list[int]]:
    """``raw`` without markup and with whitespace collapsed, plus each kept char's offset (+ ``base``)."""
    prefix = P.LINE_PREFIX.match(raw)
    pos = prefix.end() if prefix else 0
    kept: list[tuple[str, int]] = []
    for m in P.MARKUP.finditer(raw, pos):
        kept.extend((raw[i], base + i) for i in range(pos, m.start()))
        pos = m.end()
    kept.extend((raw[i], base + i) for i in range(pos, len(raw)))
    chars: list[str] = []
    offsets: list[int] = []
    for ch, off in kept:
        if ch.isspace():
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        offsets.append(off)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for index, raw in enumerate(text.split("\n")):
        end = start + len(raw)
        clean, offsets = clean_line(raw, start)
        lines.append(Line(index, start, end, raw, clean, offsets))
        start = end + 1
    return lines


def _clean_span_text(text: str) -> str:
    return " ".join(clean_line(part)[0] for part in text.split("\n") if clean_line(part)[0]).strip()


_TRIM = " \t\n,;:.–-&"
_CONJ = re.compile(r"(?i)^(?:och|samt|&|,|\s)+|(?:\s|,)+(?:och|samt|&)?\s*$|\s+(?:och|samt|&)$")
_LEADING_NON_ROLE = re.compile(
    r"(?i)^(?:som|för|om|med|i|på|till|av|inom|under|har|är|var|hade|kommer|ska|skulle|och|samt)\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ\"”]|\n\s*\n")
_PAREN = re.compile(r"\(([^()]*)\)")
_LINE_LABEL = re.compile(r"[\s*_~#>-]*(?P<label>[^\W\d][\w .-]{1,40}?)\s*[:\t]\s*[*_~]*")


def normalize_clock(value: str | None) -> str | None:
    """``0830`` / ``8.30`` / ``11:00`` / ``13`` -> ``HH:MM``; ``None`` when not a valid time."""
    if not value:
        return None
    digits = re.split(r"[.:]", value)
    if len(digits) == 2:
        hours, minutes = digits
    elif len(value) == 4 and value.isdigit():
        hours, minutes = value[:2], value[2:]
    elif value.isdigit() and len(value) <= 2:
        hours, minutes = value, "00"
    else:
        return None
    h, m = int(hours), int(minutes)
    return f"{h:02d}:{m:02d}" if h < 24 and m < 60 else None


def _tidy(text: str | None) -> str | None:
    if text is None:
        return None
    text = _clean_span_text(text).strip(_TRIM + " ")
    return text or None


# --- the parser -----------------------------------------------------------------------------


@dataclass
class _Block:
    """An attendance block: its kind, default role and the document ranges it covers."""

    kind: str
    role: str | None
    ranges: list[tuple[int, int]]


@dataclass
class _ItemDraft:
    heading: Line
    number: str | None
    time: str | None
    title: str
    lines: list[Line] = field(default_factory=list)
    presenters: list[Participant] = field(default_factory=list)


class _Parser:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = split_lines(self.text)
        self.ents: list[Span] = sorted(doc.ents, key=lambda e: e.start_char)
        self.persons = [e for e in self.ents if e.label_ == "PERSON"]
        self.strikes = [
            (m.start("a") if m.group("a") else m.start("b"), m.end("a") if m.group("a") else m.end("b"))
            for m in P.STRIKE.finditer(self.text)
        ]
        self.signatures: list[tuple[str, str]] = []  # (role text, name)
        self.replaced: dict[int, str] = {}  # start of a replaced member's name -> who replaces them

    # -- entity helpers --

    def ents_in(self, start: int, end: int, label: str | None = None) -> list[Span]:
        return [
            e for e in self.ents if e.start_char >= start and e.end_char <= end and (label is None or e.label_ == label)
        ]

    def person_at_start(self, line: Line) -> Span | None:
        """The PERSON entity the line's content starts with (markup and strike-through skipped)."""
        if line.blank:
            return None
        for e in self.persons:
            if e.start_char == line.content_start:
                return e
            if e.start_char > line.content_start:
                break
        return None

    def line_is_person(self, line: Line) -> Span | None:
        """The PERSON entity that is the line's whole content, if any."""
        e = self.person_at_start(line)
        return e if e is not None and e.end_char == line.content_end else None

    def struck(self, ent: Span) -> bool:
        return any(s <= ent.start_char and ent.end_char <= e for s, e in self.strikes)

    # -- passes --

    def mark_boilerplate(self) -> None:
        for i, line in enumerate(self.lines):
            if P.BOILERPLATE_START.match(line.text):
                for rest in self.lines[i:]:
                    rest.kind = "boilerplate"
                return

    def mark_noise(self) -> None:
        """Repeated page headers, near-copies of the title line and page numbers."""
        content = [ln for ln in self.lines if not ln.blank and ln.kind == "text"]
        if not content:
            return
        title = content[0].text.lower()
        counts = Counter(ln.text.lower() for ln in content)
        for ln in content[1:]:
            key = ln.text.lower()
            if P.PAGE_NUMBER.match(ln.text):
                ln.kind = "noise"
                continue
            if len(ln.text) > P.HEADER_MAX_CHARS or ln.text.endswith((".", ":", ",", ";")) or self._is_cue(ln.text):
                continue
            if P.ATT_LINE.match(ln.text) or self.person_at_start(ln) is not None:
                continue
            similar = difflib.SequenceMatcher(None, key, title).ratio() >= P.HEADER_SIMILARITY
            if counts[key] >= 2 or similar:
                ln.kind = "noise"

    @staticmethod
    def _is_cue(text: str) -> bool:
        return bool(
            any(rx.match(text) for rx, _, _ in P.ROSTER_RES)
            or P.DECISION_CUE.match(text)
            or P.PROPOSAL_CUE.match(text)
            or P.PLACE_TIME_FIELD.match(text)
            or P.ITEM_TIMED.match(text)
            or P.ITEM_NUMBERED.match(text)
            or P.ITEM_PARAGRAPH_ONLY.match(text)
        )

    def mark_signatures(self) -> None:
        """Name lines next to a role line (``Palle Lundberg`` / ``ordförande``) and ``Ordförande: X`` fields."""
        content = [ln for ln in self.lines if not ln.blank and ln.kind == "text"]
        for k, ln in enumerate(content):
            m = P.SIGNATURE_FIELD.match(ln.text)
            if m:
                names = self.ents_in(ln.doc_offset(m.start("rest")), ln.content_end, "PERSON")
                if names:
                    ln.kind = "signature"
                    self.signatures.extend((m.group("role"), n.text) for n in names)
                    continue
            role = P.SIGNATURE_ROLE.match(ln.text)
            if not role:
                continue
            before = content[k - 1] if k > 0 else None
            after = content[k + 1] if k + 1 < len(content) else None
            # "Vid protokollet", "Justeras" and a line to sign on ("Ordförande ......") stand
            # before the name; a plain role stands under it ("Palle Lundberg" / "ordförande").
            role_first = re.match(r"(?i)vid|justeras", ln.text) or len(role.group("line").strip()) >= 2
            first = (after, before) if role_first else (before, after)
            for cand in first:
                if cand is not None and cand.kind == "text" and self.line_is_person(cand) is not None:
                    ln.kind = cand.kind = "signature"
                    self.signatures.append((role.group("role"), cand.text))
                    break

    def classify(self) -> None:
        for ln in self.lines:
            if ln.blank or ln.kind != "text":
                continue
            t = ln.text
            for rx, kind, role in P.ROSTER_RES:
                m = rx.match(t)
                if m:
                    ln.kind, ln.info = "roster", {"kind": kind, "role": role, "rest": self._rest(ln, m)}
                    break
            if ln.kind != "text":
                continue
            for kind, rx in (
                ("placetime", P.PLACE_TIME_FIELD),
                ("datefield", P.DATE_FIELD),
                ("bodyfield", P.BODY_FIELD),
            ):
                m = rx.match(t)
                if m:
                    ln.kind, ln.info = kind, {"rest": self._rest(ln, m)}
                    break
            if ln.kind != "text":
                continue
            if P.PROPOSAL_CUE.match(t):
                ln.kind = "proposal"
                continue
            m = P.DECISION_CUE.match(t)
            if m:
                verb = re.search(r"(?i)\bbeslutar\b", t) is not None
                if m.group("whole") is not None:  # "Kommunstyrelsen beslutar enligt förslaget."
                    rest = (ln.content_start, ln.content_end)
                else:
                    rest = self._rest(ln, m, "rest2" if verb else "rest")
                ln.kind, ln.info = "decision", {"rest": rest, "label": not verb or m.group("whole") is not None}
                continue
            for kind, rx in (("presenter", P.PRESENTER_FIELD), ("attachment", P.ATTACHMENT_FIELD)):
                m = rx.match(t)
                if m:
                    ln.kind, ln.info = kind, {"rest": self._rest(ln, m)}
                    break
            if ln.kind != "text":
                continue
            if P.ATTACHMENT_LINE.match(t):
                ln.kind = "attachment_line"
            elif P.PAUSE.match(t):
                ln.kind = "pause"
            elif m := P.ITEM_TIMED.match(t):
                ln.kind, ln.info = (
                    "item_timed",
                    {"time": m.group("time"), "num": m.group("num"), "title": m.group("title")},
                )
            elif m := P.ITEM_PARAGRAPH_ONLY.match(t):
                ln.kind, ln.info = "item_para", {"num": m.group("num")}
            elif (m := P.ITEM_NUMBERED.match(t)) and self._heading_title(m.group("title")):
                ln.kind, ln.info = "item_num", {"num": m.group("num"), "title": m.group("title")}
            elif m := P.ATT_LINE.match(t):
                ln.kind, ln.info = "att", {"att": ln.doc_offset(m.start("att"))}
            elif P.SECTION_CUE.match(t):
                ln.kind = "section"

    @staticmethod
    def _heading_title(title: str) -> bool:
        return len(title) <= P.ITEM_TITLE_MAX_CHARS and not title.rstrip().endswith((".", ";", ","))

    @staticmethod
    def _rest(ln: Line, m: re.Match[str], group: str = "rest") -> tuple[int, int] | None:
        if m.group(group) is None or not m.group(group).strip():
            return None
        return ln.doc_offset(m.start(group)), ln.content_end

    # -- paragraphs --

    def next_content(self, index: int) -> int | None:
        """Index of the next line after ``index`` that is neither blank nor noise."""
        for j in range(index + 1, len(self.lines)):
            ln = self.lines[j]
            if ln.blank or ln.kind == "noise":
                continue
            return j
        return None

    def paragraph(self, index: int) -> list[Line]:
        """The lines of the paragraph that starts at ``index`` (up to the next blank line)."""
        out = []
        for ln in self.lines[index:]:
            if ln.blank:
                break
            if ln.kind != "noise":
                out.append(ln)
        return out

    def is_prose(self, index: int | None) -> bool:
        if index is None or self.lines[index].kind != "text":
            return False
        para = self.paragraph(index)
        if any(ln.kind != "text" for ln in para):
            return False
        joined = " ".join(ln.text for ln in para)
        return joined.endswith((".", "!", "?")) or len(joined) >= P.PROSE_MIN_CHARS

    def heading_like(self, ln: Line) -> bool:
        t = ln.text
        if ln.kind != "text" or not t[:1].isupper() or len(t) > P.HEADING_MAX_CHARS:
            return False
        if len(t.split()) > P.HEADING_MAX_WORDS or t.endswith((".", ",", ";", ":", "!", "?")) or "," in t:
            return False
        prev = self.lines[ln.index - 1] if ln.index > 0 else None
        nxt = self.lines[ln.index + 1] if ln.index + 1 < len(self.lines) else None
        alone = (prev is None or prev.blank) and (nxt is None or nxt.blank)
        return alone and self.person_at_start(ln) is None

    # -- attendance blocks --

    def roster_block(self, index: int) -> tuple[_Block, int]:
        """The block opened by the roster cue at ``index`` and the index of its last line."""
        cue = self.lines[index]
        block = _Block(cue.info["kind"], cue.info["role"], [])
        if cue.info["rest"]:
            block.ranges.append(cue.info["rest"])
        last = index
        j = index + 1
        # the rest of the cue's paragraph
        while j < len(self.lines) and not self.lines[j].blank:
            ln = self.lines[j]
            if ln.kind == "noise":
                j += 1
                continue
            if ln.kind not in ("text", "signature") or self._ends_roster(ln):
                return block, last
            block.ranges.append((ln.content_start, ln.content_end))
            ln.kind = "roster_line"
            last = j
            j += 1
        # following paragraphs that start with a name
        while True:
            k = self.next_content(last)
            if k is None:
                break
            first = self.lines[k]
            if first.kind not in ("text", "signature") or self.person_at_start(first) is None:
                break
            for ln in self.paragraph(k):
                if ln.kind not in ("text", "signature"):
                    return block, last
                block.ranges.append((ln.content_start, ln.content_end))
                ln.kind = "roster_line"
                last = ln.index
        return block, last

    def _ends_roster(self, ln: Line) -> bool:
        """A line that is not a continuation of a list of names (``Utses att justera Per Olsson``):
        it starts with a capitalised word that is no entity, and its first part is a phrase."""
        label = _LINE_LABEL.match(self.text, ln.content_start, ln.content_end)
        starts = {ln.content_start, label.end() if label else -1}
        if not ln.text[:1].isupper() or any(e.start_char in starts for e in self.ents):
            return False
        return len(re.split(r"[,(\t;]", ln.text, maxsplit=1)[0].split()) >= 3

    def participants(self, start: int, end: int, default_role: str | None = None) -> list[tuple[Span, Participant]]:
        """Each PERSON in ``[start, end)`` with what follows it up to the next person.

        Persons joined only by ``och``/``samt``/``&`` (and commas) share what follows the
        last of them: ``Jennica Ericson och Christer Paulsson från FoodEvolution``.
        """
        persons = self.ents_in(start, end, "PERSON")
        # "Ordförande: Anna Svensson": a label on the name's own line is that person's role
        labels: dict[int, tuple[int, str]] = {}
        for person in persons:
            line_start = self.text.rfind("\n", start, person.start_char) + 1
            m = _LINE_LABEL.fullmatch(self.text, max(line_start, start), person.start_char)
            if m:
                labels[person.start_char] = (m.start(), m.group("label").lower())
        parsed: list[tuple[Span, Participant, bool | None]] = []
        for k, person in enumerate(persons):
            seg_end = persons[k + 1].start_char if k + 1 < len(persons) else end
            if k + 1 < len(persons) and persons[k + 1].start_char in labels:
                seg_end = labels[persons[k + 1].start_char][0]
            seg = self.text[person.end_char : seg_end]
            if k + 1 < len(persons) and (m := P.REPLACES.search(seg)):
                # "Eva Lind (S) ersätter Omar Ali (S)": Omar Ali is absent, replaced by Eva Lind
                self.replaced[persons[k + 1].start_char] = person.text
                seg_end = person.end_char + m.start()
                seg = seg[: m.start()]
            bare = k + 1 < len(persons) and re.fullmatch(r"[\s,*_~]*(?:(?:och|samt|&)[\s,*_~]*)?", seg) is not None
            conj = bare and re.search(r"(?i)\b(?:och|samt)\b|&", seg) is not None
            label = labels.get(person.start_char)
            part = self._segment(person, person.end_char, seg_end, label[1] if label else default_role)
            if person.start_char in self.replaced:
                note = f"ersatt av {self.replaced[person.start_char]}"
                part = Participant(part.name, part.municipality, part.affiliation, None, part.party, note)
            elif k + 1 < len(persons) and persons[k + 1].start_char in self.replaced:
                note = "; ".join(x for x in (part.note, f"ersätter {persons[k + 1].text}") if x)
                part = Participant(part.name, part.municipality, part.affiliation, part.role, part.party, note)
            parsed.append((person, part, conj if bare else None))
        out: list[tuple[Span, Participant]] = []
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

    def _segment(self, person: Span, start: int, end: int, default_role: str | None) -> Participant:
        """Municipality, affiliation, role, party and note from the text after a name."""
        seg = self.text[start:end]
        removed = [False] * len(seg)

        def drop(a: int, b: int) -> None:
            for i in range(max(a, 0), min(b, len(seg))):
                removed[i] = True

        municipality: str | None = None
        party = note = role_in_paren = None
        notes: list[str] = []
        munis = self.ents_in(start, end, "MUNICIPALITY")
        orgs = self.ents_in(start, end, "ORG")
        for m in _PAREN.finditer(seg):
            inner = m.group(1).strip()
            inner_munis = [e for e in munis if start + m.start(1) <= e.start_char and e.end_char <= start + m.end(1)]
            if inner_munis:
                municipality = municipality or _municipality_value(inner_munis[0])
            elif P.PARTY.match(inner):
                party = inner
            elif (
                P.CHAIR_RE.match(inner) or P.SECRETARY_RE.match(inner) or re.fullmatch(r"(?i)vice\s+ordförande", inner)
            ):
                role_in_paren = inner
            elif inner:
                notes.append(inner)
            drop(m.start(), m.end())
        note = "; ".join(notes) or None
        visible = "".join(" " if removed[i] else ch for i, ch in enumerate(seg))

        affiliation = None
        m = P.AFFILIATION.search(visible)
        if m:
            aff_start = m.start("aff")
            aff_end = len(visible)
            stop = re.search(r"[,;\n]", visible[aff_start:])
            if stop:
                aff_end = aff_start + stop.start()
            for e in munis:
                rel = e.start_char - start
                if aff_start <= rel < aff_end:
                    cut = re.search(r"(?i)\s+i\s*$", visible[aff_start:rel])
                    aff_end = aff_start + (cut.start() if cut else rel - aff_start)
                    break
            aff = _CONJ.sub("", visible[aff_start:aff_end]).strip(_TRIM)
            if aff:
                affiliation = _tidy(aff)
                drop(m.start(), aff_end)
        if affiliation is None and orgs:
            affiliation = orgs[0].text
        for e in munis:
            if municipality is None:
                municipality = _municipality_value(e)
            drop(e.start_char - start, e.end_char - start)
        for e in orgs:
            drop(e.start_char - start, e.end_char - start)
        visible = "".join(" " if removed[i] else ch for i, ch in enumerate(seg))
        pieces = []
        for piece in re.split(r"[,;\t\n]", visible):
            piece = _clean_span_text(piece)
            piece = _CONJ.sub("", piece).strip(_TRIM)
            if party is None and piece in P.PARTY_LETTERS:
                party = piece  # "Anna Svensson S, ordförande"
            elif piece and not _LEADING_NON_ROLE.match(piece):
                pieces.append(piece)
        role = ", ".join(pieces) or None
        if role is not None and len(role.split()) > P.ROLE_MAX_WORDS:
            role = None
        role = role or role_in_paren or default_role
        return Participant(
            name=person.text, municipality=municipality, affiliation=affiliation, role=role, party=party, note=note
        )

    # -- run --

    def run(self, path: str | None) -> Protocol:
        self.mark_boilerplate()
        self.mark_signatures()
        self.classify()
        self.mark_noise()
        header: list[Line] = []
        blocks: list[_Block] = []
        drafts: list[_ItemDraft] = []
        i = 0
        while i < len(self.lines):
            ln = self.lines[i]
            if ln.blank or ln.kind in ("noise", "boilerplate", "signature", "roster_line"):
                if ln.kind == "noise" and not drafts:
                    header.append(ln)  # a page header repeats the title: keep it for the header fields
                i += 1
                continue
            if ln.kind == "roster" and not drafts:
                block, last = self.roster_block(i)
                blocks.append(block)
                i = last + 1
                continue
            draft = self._item_start(ln, drafts)
            if draft is not None:
                drafts.append(draft)
            elif drafts:
                drafts[-1].lines.append(ln)
            else:
                header.append(ln)
            i += 1

        buckets = self._attendance(blocks)
        attendees, absent, guests = buckets["attendees"], buckets["absent"], buckets["guests"]

        items = [self._item(d) for d in drafts]
        known = {p.name.lower() for p in (*attendees, *absent, *guests)}
        for d in drafts:
            for part in d.presenters:
                if part.name.lower() not in known:
                    guests.append(part)
                    known.add(part.name.lower())

        chair, secretary = self._officers(attendees)
        body, number = self._title(header)
        time, place, field_date = self._place_time(header)
        meeting_date = self.doc._.meeting_date if Doc.has_extension("meeting_date") else None
        if meeting_date is None:
            meeting_date = field_date
        return Protocol(
            path=path,
            body=body,
            protocol_number=number,
            meeting_date=meeting_date,
            time=time,
            place=place,
            attendees=tuple(attendees),
            absent=tuple(absent),
            guests=tuple(guests),
            items=tuple(items),
            chair=chair,
            secretary=secretary,
            entities=tuple(entity(e) for e in self.ents),
        )

    def _attendance(self, blocks: list[_Block]) -> dict[str, list[Participant]]:
        """Participants of all blocks by kind; each block is read as one text, so names and
        places run over line breaks (``Lilian Eriksson\\nÄngelholm``)."""
        out: dict[str, list[Participant]] = {"attendees": [], "absent": [], "guests": []}
        for block in blocks:
            if not block.ranges:
                continue
            start, end = block.ranges[0][0], block.ranges[-1][1]
            for person, part in self.participants(start, end, block.role):
                absent = self.struck(person) or block.kind == "absent" or person.start_char in self.replaced
                bucket = out["absent" if absent else block.kind]
                if all(p.name != part.name for p in bucket):  # a name listed twice counts once
                    bucket.append(part)
        return out

    # -- items --

    def _item_start(self, ln: Line, drafts: list[_ItemDraft]) -> _ItemDraft | None:
        numbers = [int(d.number) for d in drafts if d.number is not None]
        if ln.kind == "item_timed":
            title = _tidy(ln.info["title"]) or ln.info["title"]
            return _ItemDraft(ln, ln.info["num"], normalize_clock(ln.info["time"]), title)
        if ln.kind in ("item_num", "item_para"):
            n = int(ln.info["num"])
            if drafts and (not numbers and any(d.time for d in drafts)):
                return None
            if numbers and not (numbers[-1] < n <= numbers[-1] + P.ITEM_NUMBER_MAX_STEP):
                return None
            title = ln.info.get("title")
            if title is None or P.CASE_NUMBER.match(title):
                # "§ 12" / "§ 12 Dnr KS 2023/45": the title is on the next line (after a case number)
                title = self._title_below(ln)
                if title is None:
                    return None
            return _ItemDraft(ln, str(n), None, _tidy(title) or title)
        if (
            drafts
            and self.heading_like(ln)
            and not P.COLLECTION_TITLE.match(drafts[-1].title)
            and self.is_prose(self.next_content(ln.index))
        ):
            return _ItemDraft(ln, None, None, ln.text)
        return None

    def _title_below(self, ln: Line) -> str | None:
        k = self.next_content(ln.index)
        while k is not None and self.lines[k].kind == "text" and P.CASE_NUMBER.match(self.lines[k].text):
            self.lines[k].kind = "title"
            k = self.next_content(k)
        if k is None or self.lines[k].kind != "text":
            return None
        self.lines[k].kind = "title"
        return self.lines[k].text

    def _item(self, draft: _ItemDraft) -> Item:
        lines = [ln for ln in draft.lines if ln.kind not in ("noise", "boilerplate", "signature", "title")]
        end = max((ln.content_end for ln in lines), default=draft.heading.content_end)
        decisions = self._decisions(lines)
        in_decision = [(d[0], d[1]) for d in decisions]
        presenters = self._presenters(lines, in_decision)
        draft.presenters = [p for _, p in presenters]
        names: list[str] = []
        for _, part in presenters:
            if part.name not in names:
                names.append(part.name)
        return Item(
            title=draft.title,
            start=draft.heading.content_start,
            end=end,
            number=draft.number,
            time=draft.time,
            presenters=tuple(names),
            attachments=tuple(self._attachments(lines)),
            decisions=tuple(self._decision(a, b) for a, b in decisions),
        )

    def _decisions(self, lines: list[Line]) -> list[tuple[int, int]]:
        """Document ranges of the ``att`` clauses decided in an item."""
        has_cue = any(ln.kind in ("decision", "proposal") for ln in lines)
        out: list[tuple[int, int]] = []
        region: str | None = None
        label_cue = with_att = False
        current: list[int] | None = None  # [start, end]
        prev: Line | None = None

        def close() -> None:
            nonlocal current
            if current is not None:
                out.append((current[0], current[1]))
                current = None

        def start_at(offset: int, ln: Line) -> None:
            nonlocal current
            close()
            current = [offset, ln.content_end]
            self._split_emphasis(ln, offset, out, current)

        for ln in lines:
            same_paragraph = prev is not None and ln.index == prev.index + 1
            if ln.kind == "decision":
                close()
                region, label_cue, with_att = "decision", ln.info["label"], False
                rest = ln.info["rest"]
                if rest:
                    start_at(rest[0], ln)
                    with_att = self.text.startswith(("att", "Att"), rest[0])
            elif ln.kind == "proposal":
                close()
                region = "proposal"
            elif ln.kind == "att":
                if region == "decision" or (region is None and not has_cue):
                    start_at(ln.info["att"], ln)
                    with_att = True
                else:
                    close()
            elif ln.kind == "text" and region == "decision" and not with_att and P.ENUMERATED.match(ln.text):
                start_at(ln.content_start, ln)  # "1. Budgeten godkänns."
            elif (
                ln.kind == "text"
                and current is not None
                and (same_paragraph or (self.text[current[1] - 1] == ":" and _list_like(ln.text)))
            ):
                current[1] = ln.content_end
                self._split_emphasis(ln, ln.content_start, out, current)
            elif ln.kind == "text" and region == "decision" and label_cue and current is None and not out:
                start_at(ln.content_start, ln)
            else:
                close()
                if (region == "decision" and (out or ln.kind != "text")) or (
                    region == "proposal" and ln.kind != "text"
                ):
                    region = None
            prev = ln
        close()
        return out

    def _split_emphasis(self, ln: Line, after: int, out: list[tuple[int, int]], current: list[int]) -> None:
        """Start a new decision at an emphasised ``**samt att**`` inside the line."""
        for m in P.ATT_EMPHASIS.finditer(ln.raw):
            pos = ln.start + m.start("att")
            if pos <= after or pos <= current[0]:
                continue
            out.append((current[0], _rstrip_offset(self.text, current[0], ln.start + m.start())))
            current[0] = pos

    def _decision(self, start: int, end: int) -> Decision:
        end = _rstrip_offset(self.text, start, end)
        return Decision(
            text=_clean_span_text(self.text[start:end]),
            start=start,
            end=end,
            entities=tuple(entity(e) for e in self.ents_in(start, end)),
        )

    def _attachments(self, lines: list[Line]) -> Iterator[str]:
        for k, ln in enumerate(lines):
            if ln.kind == "attachment_line":
                if (t := _tidy(ln.text)) is not None:
                    yield t
            elif ln.kind == "attachment":
                if ln.info["rest"]:
                    a, b = ln.info["rest"]
                    for part in re.split(r";", self.text[a:b]):
                        if (t := _tidy(part)) is not None:
                            yield t
                else:
                    for nxt in lines[k + 1 :]:
                        if nxt.kind == "attachment_line" or (nxt.kind == "text" and _list_like(nxt.text)):
                            if nxt.kind == "text" and (t := _tidy(nxt.text)) is not None:
                                yield t
                        else:
                            break

    def _presenters(self, lines: list[Line], decisions: list[tuple[int, int]]) -> list[tuple[Span, Participant]]:
        found: list[tuple[Span, Participant]] = []
        for k, ln in enumerate(lines):
            if ln.kind == "presenter":
                if ln.info["rest"]:
                    found.extend(self.participants(*ln.info["rest"]))
                else:
                    for nxt in lines[k + 1 :]:
                        if nxt.kind != "text" or self.person_at_start(nxt) is None:
                            break
                        found.extend(self.participants(nxt.content_start, nxt.content_end))
        # sentences: "X och Y, från Z, berättade", "presenteras av X, Y och Z"
        paragraphs: list[list[Line]] = []
        for ln in lines:
            if ln.kind not in ("text", "section"):
                continue
            if any(a <= ln.content_start < b for a, b in decisions):
                continue
            if paragraphs and ln.index == paragraphs[-1][-1].index + 1:
                paragraphs[-1].append(ln)
            else:
                paragraphs.append([ln])
        for n, para in enumerate(paragraphs):
            start, end = para[0].content_start, para[-1].content_end
            chunk = self.text[start:end]
            for m in P.PRESENT_ACTIVE.finditer(chunk):
                found.extend(self._subjects(start, start + m.start()))
            for m in P.PRESENT_PASSIVE.finditer(chunk):
                if chunk[m.start() : m.end()].rstrip().endswith(":"):
                    found.extend(self._listed_after(paragraphs[n + 1 :]))
                else:
                    found.extend(self._agents(start + m.end(), end))
        found.sort(key=lambda pair: pair[0].start_char)
        seen: set[int] = set()
        out = []
        for person, part in found:
            if person.start_char not in seen:
                seen.add(person.start_char)
                out.append((person, part))
        return out

    def _subjects(self, para_start: int, verb: int) -> list[tuple[Span, Participant]]:
        """The persons listed right before a verb of presenting."""
        chain: list[Span] = []
        bound = verb
        for person in reversed([p for p in self.persons if para_start <= p.start_char and p.end_char <= verb]):
            if not _small_gap(self.text[person.end_char : bound]):
                break
            chain.insert(0, person)
            bound = person.start_char
        if not chain:
            return []
        return self.participants(chain[0].start_char, verb)

    def _agents(self, after: int, para_end: int) -> list[tuple[Span, Participant]]:
        """The persons listed right after ``presenteras av``."""
        chain: list[Span] = []
        bound = after
        for person in [p for p in self.persons if after <= p.start_char and p.end_char <= para_end]:
            if not _small_gap(self.text[bound : person.start_char]):
                break
            chain.append(person)
            bound = person.end_char
        if not chain:
            return []
        tail = self.text[bound:para_end]
        stop = _SENTENCE_BREAK.search(tail) or re.search(r"[.!?]\s*$", tail)
        end = bound + (stop.start() + 1 if stop else len(tail))
        return self.participants(chain[0].start_char, end)

    def _listed_after(self, paragraphs: list[list[Line]]) -> list[tuple[Span, Participant]]:
        """Persons in the short list paragraphs that follow ``presenterades:``."""
        out: list[tuple[Span, Participant]] = []
        for para in paragraphs:
            if len(para) != 1 or para[0].text.endswith((".", "!", "?")) or len(para[0].text) > P.PROSE_MIN_CHARS:
                break
            out.extend(self.participants(para[0].content_start, para[0].content_end))
        return out

    # -- header --

    def _title(self, header: list[Line]) -> tuple[str | None, str | None]:
        body = number = None
        for ln in header:
            t = ln.text
            if number is None and (m := P.PROTOCOL_NUMBER.search(t)):
                number = re.sub(r"\s+", "", m.group("num"))
            if body is not None:
                continue
            if ln.kind == "bodyfield" and ln.info["rest"]:
                body = _tidy(self.text[slice(*ln.info["rest"])])
                continue
            for rx in (P.PROTOCOL_FROM, P.PROTOCOL_TITLE):
                m = rx.match(t)
                if m and P.ORGAN_WORD.search(m.group("organ")) and len(m.group("organ").split()) <= 6:
                    body = m.group("organ").strip(_TRIM)
                    break
            else:
                if (
                    ln.kind in ("text", "noise")
                    and len(t.split()) <= 5
                    and not re.search(r"\d", t)
                    and t[:1].isupper()
                    and not re.match(r"(?i)(?:sammanträdes)?protokoll\b", t)
                    and P.ORGAN_WORD.fullmatch(t.split()[-1])
                ):
                    body = t
        return body, number

    def _place_time(self, header: list[Line]) -> tuple[TimeRange | None, str | None, date | None]:
        time: TimeRange | None = None
        place: str | None = None
        field_date: date | None = None
        for k, ln in enumerate(header):
            if ln.kind not in ("placetime", "datefield"):
                continue
            if ln.info["rest"]:
                a, b = ln.info["rest"]
            else:
                nxt = next((h for h in header[k + 1 :] if h.kind == "text"), None)
                if nxt is None:
                    continue
                a, b = nxt.content_start, nxt.content_end
            for e in self.ents_in(a, b, "DATE"):
                if field_date is None and isinstance(e._.value, str):
                    field_date = _iso(e._.value)
            if ln.kind == "datefield":
                continue
            value = self.text[a:b]
            m = P.TIME_RANGE.search(value)
            if m and time is None:
                start = normalize_clock(m.group("start") or m.group("start2"))
                if start:
                    time = TimeRange(start, normalize_clock(m.group("end") or m.group("end2")))
            if place is None and re.search(r"(?i)plats|lokal", ln.text.split(":")[0]):
                place = self._place(a, b, m)
        if time is None:
            for ln in header:
                m = P.TIME_RANGE.search(ln.text)
                if m and (m.group("start") or m.group("start2")):
                    start = normalize_clock(m.group("start") or m.group("start2"))
                    if start:
                        time = TimeRange(start, normalize_clock(m.group("end") or m.group("end2")))
                        break
        if field_date is None:
            for ln in header:
                for e in self.ents_in(ln.start, ln.end, "DATE"):
                    if isinstance(e._.value, str):
                        field_date = _iso(e._.value)
                        break
                if field_date is not None:
                    break
        return time, place, field_date

    def _place(self, a: int, b: int, time_match: re.Match[str] | None) -> str | None:
        value = self.text[a:b]
        mask = [False] * len(value)
        for e in self.ents_in(a, b, "DATE"):
            for i in range(e.start_char - a, e.end_char - a):
                mask[i] = True
        for m in P.DATE_LIKE.finditer(value):
            for i in range(m.start(), m.end()):
                mask[i] = True
        if time_match:
            for i in range(time_match.start(), time_match.end()):
                mask[i] = True
        after = "".join(" " if mask[i] else value[i] for i in range(time_match.end(), len(value))) if time_match else ""
        candidate = _place_text(after) if time_match else None
        if candidate is None:
            first = mask.index(True) if True in mask else len(value)
            candidate = _place_text(value[:first]) if first else None
        if candidate is None:
            candidate = _place_text("".join(" " if mask[i] else ch for i, ch in enumerate(value)))
        return candidate

    def _officers(self, attendees: list[Participant]) -> tuple[str | None, str | None]:
        chair = secretary = None
        for role, name in self.signatures:
            if chair is None and P.CHAIR_RE.match(role):
                chair = name
            elif secretary is None and P.SECRETARY_RE.match(role):
                secretary = name
        for part in attendees:
            if chair is None and part.role and P.CHAIR_RE.match(part.role):
                chair = part.name
            if secretary is None and part.role and P.SECRETARY_RE.match(part.role):
                secretary = part.name
        return chair, secretary


# --- helpers ----------------------------------------------------------------------------------


def entity(ent: Span) -> Entity:
    return Entity(ent.start_char, ent.end_char, ent.label_, ent.text, _value(ent))


def _value(ent: Span) -> Any:
    return ent._.value if Span.has_extension("value") else None


def _municipality_value(ent: Span) -> str:
    value = _value(ent)
    return value if isinstance(value, str) else ent.text


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _small_gap(gap: str) -> bool:
    return (
        len(gap) <= P.PERSON_LIST_GAP
        and not _SENTENCE_BREAK.search(gap)
        and not re.search(r"(?i)\batt\b|[.!?]\s*$", gap)
    )


def _list_like(text: str) -> bool:
    return bool(re.match(r"^(?:[a-zåäö]\)|\d{1,2}[.)]|[-•–·▪*])\s*\S", text)) or len(text) < 60


def _rstrip_offset(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*_~,"):
        end -= 1
    return end


def _place_text(text: str) -> str | None:
    text = _clean_span_text(text)
    text = re.sub(r"^[\s,;:–-]+|[\s,;:.–-]+$", "", text)
    text = re.sub(r"^(?i:på|i)\s+(?=[A-ZÅÄÖ])", "", text)
    text = re.sub(r"^(?i:kl\.?)\s*$", "", text)
    return text or None


def parse_doc(doc: Doc, path: str | None = None) -> Protocol:
    """The :class:`Protocol` of a processed ``doc`` (its entities come from ``doc.ents``)."""
    return _Parser(doc).run(None if path is None else str(path))
