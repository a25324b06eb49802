"""What every part of the parser shares: the text, its lines, and the entities found in it.

Entities are copied out of the ``Doc`` once into :class:`Mention` values, so lookups by
offset are a bisection and a person can be trimmed where the layout shows that the
pipeline ran a name into the next cell of a lost table (``Maria Holm Paragraf``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from . import patterns as P
from .lines import Line
from .model import Entity


@dataclass(frozen=True)
class Mention:
    """An entity of the document: offsets, label, text as written and its value."""

    start: int
    end: int
    label: str
    text: str
    value: Any = None

    @property
    def municipality(self) -> str:
        """The canonical municipality name (the value), or the text when there is none."""
        return self.value if isinstance(self.value, str) else self.text


def _value(ent: Span) -> Any:
    return ent._.value if Span.has_extension("value") else None


def entity(m: Mention) -> Entity:
    return Entity(m.start, m.end, m.label, m.text, m.value)


@dataclass
class Context:
    """The document being parsed and the indexes the parts of the parser look things up in."""

    doc: Doc
    text: str
    lines: list[Line]
    mentions: list[Mention] = field(default_factory=list)  # as the pipeline found them
    ents: list[Mention] = field(default_factory=list)  # persons trimmed at labels
    persons: list[Mention] = field(default_factory=list)
    strikes: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _person_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, lines: list[Line]) -> Context:
        mentions = sorted(
            (Mention(e.start_char, e.end_char, e.label_, e.text, _value(e)) for e in doc.ents), key=lambda m: m.start
        )
        ctx = cls(doc=doc, text=doc.text, lines=lines, mentions=mentions)
        ctx.strikes = [
            (m.start("a") if m.group("a") else m.start("b"), m.end("a") if m.group("a") else m.end("b"))
            for m in P.STRIKE.finditer(ctx.text)
        ]
        ctx.set_entities(mentions)
        ctx.propagate_names()
        return ctx

    def propagate_names(self) -> None:
        """Other occurrences of a name the pipeline found (two words or more) are that person too,
        where no entity covers them (a cover page repeated on the next page)."""
        known = sorted({p.text for p in self.persons if " " in p.text and "\n" not in p.text}, key=len, reverse=True)
        if not known:
            return
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in known) + r")(?![\w-])")
        added = []
        for m in rx.finditer(self.text):
            i = bisect.bisect_right(self._starts, m.start()) - 1
            if i >= 0 and self.ents[i].end > m.start():
                continue
            if i + 1 < len(self.ents) and self.ents[i + 1].start < m.end():
                continue
            added.append(Mention(m.start(), m.end(), "PERSON", m.group()))
        if added:
            self.set_entities(self.ents + added)

    def set_entities(self, ents: list[Mention]) -> None:
        self.ents = sorted(ents, key=lambda m: m.start)
        self._starts = [e.start for e in self.ents]
        self.persons = [e for e in self.ents if e.label == "PERSON"]
        self._person_starts = [p.start for p in self.persons]

    def trim_persons(self, cuts: list[int]) -> None:
        """Cut PERSON entities at the offsets in ``cuts`` (labels found inside them) and at day names;
        keep the pieces that still look like a name."""
        cuts = sorted(cuts)
        out: list[Mention] = []
        for e in self.ents:
            if e.label != "PERSON":
                out.append(e)
                continue
            i = bisect.bisect_right(cuts, e.start)
            inner = []
            while i < len(cuts) and cuts[i] < e.end:
                inner.append(cuts[i])
                i += 1
            for w in re.finditer(r"\S+", e.text):
                if P.PERSON_STOP.match(w.group()) or (w.start() > 0 and P.ORG_ENDING.search(w.group())):
                    inner.extend((e.start + w.start(), e.start + w.end()))
            if not inner:
                out.append(e)
                continue
            bounds = [e.start, *sorted(inner), e.end]
            for a, b in zip(bounds, bounds[1:]):
                piece = self.text[a:b]
                lead = len(piece) - len(piece.lstrip())
                piece = piece.strip()
                if not piece or not piece[0].isupper() or P.PERSON_STOP.match(piece) or len(piece) < 3:
                    continue
                if " " not in piece and P.ORG_ENDING.search(piece):
                    continue  # the unit the pipeline ran into the name (``Kanslienheten``)
                found = P.match_label(piece)
                if found is not None and not (found[1].group("rest") or "").strip():
                    continue  # the piece is a label and nothing else
                out.append(Mention(a + lead, a + lead + len(piece), "PERSON", piece))
        self.set_entities(out)

    # -- lookups --

    def ents_in(self, start: int, end: int, label: str | None = None) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].start < end:
            e = self.ents[i]
            if e.end <= end and (label is None or e.label == label):
                out.append(e)
            i += 1
        return out

    def persons_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._person_starts, start)
        out = []
        while i < len(self.persons) and self.persons[i].start < end:
            if self.persons[i].end <= end:
                out.append(self.persons[i])
            i += 1
        return out

    def person_at(self, offset: int) -> Mention | None:
        i = bisect.bisect_left(self._person_starts, offset)
        if i < len(self.persons) and self.persons[i].start == offset:
            return self.persons[i]
        return None

    def person_at_start(self, line: Line) -> Mention | None:
        """The PERSON entity the line's content starts with (markup and strike-through skipped)."""
        return None if line.blank else self.person_at(line.content_start)

    def struck(self, ent: Mention) -> bool:
        return any(s <= ent.start and ent.end <= e for s, e in self.strikes)

    def next_content(self, index: int) -> int | None:
        """Index of the next line after ``index`` that is neither blank nor noise."""
        from .lines import LineKind

        for j in range(index + 1, len(self.lines)):
            ln = self.lines[j]
            if ln.blank or ln.kind in (LineKind.NOISE,):
                continue
            return j
        return None
