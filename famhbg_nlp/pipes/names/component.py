"""The names component: Swedish name knowledge applied to the PERSON entities the NER proposes.

It runs after the ``ner`` and before the municipality component. For every PERSON entity it

1. **splits** run-together lists at commas, conjunctions, line breaks, parentheses and
   lower-case words (``Jonas Florén och Mia Wihlborg`` -> two names), and between two full
   names written without a separator (``Per Borg Carina Leffler``);
2. **trims** titles and roles (``kommundirektör``), party letters (``(S)``), notes
   (``(från 0840)``), markup and municipality names at the edges (``Tomas Rikse Klippan`` ->
   ``Tomas Rikse``; ``Klippan`` is left for the municipality component);
3. **extends** a cut-off name over double surnames, particles and initials
   (``Charlotte Rosenlund`` + ``Sjövall``, ``Carl`` + ``af Ugglas``, ``Sten`` + ``G Johansson``);
4. gives each PERSON a :class:`~.value.PersonName` in ``span._.person`` (base form: the
   genitive ``-s`` removed, names in capitals re-cased).

Pieces that are no name at all (a lone role, a municipality, punctuation) are dropped.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ...extensions import register_extensions
from ...lexicon import localities
from ...serialization import TableKnowledge
from ...spans import merge_into, merge_policy
from ..base import Tokens, tokens
from ..orgs.patterns import OrgPatterns
from .lexicon import PLACE_SUFFIXES, TABLE_FILES, NameLexicon
from .patterns import (
    CONJUNCTIONS,
    EXTEND_PARTICLES,
    INITIAL,
    LABEL_ENDINGS,
    NAME_WORD,
    NOT_NOUNS,
    NOUN_ENDINGS,
    PARTICLES,
    PARTIES,
    PLACE_ENDINGS,
    PRESENT_ENDINGS,
    PROPERTY,
    SPEECH_VERBS,
    SURNAME_ENDINGS,
    VERB_ENDINGS,
)
from .value import PersonName

#: File of a saved pipeline with the lists the evidence test reads (localities, organisation words).
EVIDENCE_FILE = "evidence.json"

#: The merge policy of the fixed names: they never overlap the other entities.
NER_WINS = merge_policy("ner")

#: Longest name (in words) the component builds by extension or keeps after a split.
MAX_NAME_TOKENS = 6


def _is_name_word(text: str) -> bool:
    return bool(text) and text[0].isupper() and bool(NAME_WORD.match(text))


def _is_initial(text: str) -> bool:
    return bool(INITIAL.match(text))


class _Outside:
    """Tokens of the entities around one entity: ``taken`` minus the entity's own ``[start, end)``.
    A view, so that fixing each entity does not copy the set of every entity's tokens."""

    __slots__ = ("taken", "start", "end")

    def __init__(self, taken: set[int], start: int, end: int) -> None:
        self.taken, self.start, self.end = taken, start, end

    def __contains__(self, i: object) -> bool:
        return i in self.taken and not (isinstance(i, int) and self.start <= i < self.end)


class NamesComponent(TableKnowledge):
    """Fixes boundaries of PERSON entities and gives them a normalized :class:`PersonName`. What it
    knows (the name lexicon's tables and the lists its evidence test reads) is saved with the pipeline."""

    table_files = (*TABLE_FILES, EVIDENCE_FILE)

    def __init__(
        self,
        nlp: Language,
        name: str = "famhbg_names",
        *,
        label: str,
        extend: bool,
        split: bool,
        trim_places: bool,
        evidence: bool = True,
        lexicon: NameLexicon | None = None,
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.label = label
        self.extend = extend
        self.split = split
        self.trim_places = trim_places
        self.evidence = evidence
        if lexicon is not None:
            self.lexicon = lexicon

    # -- knowledge ------------------------------------------------------------------------------

    @property
    def lexicon(self) -> NameLexicon:
        self.ensure_tables()
        return self._lexicon

    @lexicon.setter
    def lexicon(self, lexicon: NameLexicon) -> None:
        self.load_tables({**self.get_tables(), **lexicon.to_tables()})

    def _packaged_tables(self) -> dict[str, str]:
        evidence = {"localities": localities(), "org_words": OrgPatterns.packaged().to_json()}
        return {**NameLexicon.packaged().to_tables(), EVIDENCE_FILE: srsly.json_dumps(evidence)}

    def _dump_tables(self) -> dict[str, str]:
        evidence = {"localities": self._localities, "org_words": self._org_words.to_json()}
        return {**self._lexicon.to_tables(), EVIDENCE_FILE: srsly.json_dumps(evidence)}

    def _load_from_tables(self, tables: Mapping[str, str]) -> None:
        evidence = srsly.json_loads(tables[EVIDENCE_FILE])
        self._lexicon = NameLexicon.from_tables({name: tables[name] for name in TABLE_FILES})
        self._localities: dict[str, str] = dict(evidence["localities"])
        self._org_words = OrgPatterns.from_json(evidence["org_words"])

    # -- pipeline -------------------------------------------------------------------------

    def __call__(self, doc: Doc, **kwargs: Any) -> Doc:
        self.ensure_tables()
        ents = list(doc.ents)
        persons = [ent for ent in ents if ent.label_ == self.label]
        if not persons:
            return doc
        others = [ent for ent in ents if ent.label_ != self.label]
        occupied = {i for ent in ents for i in range(ent.start, ent.end)}
        toks = tokens(doc)
        fixed: list[Span] = []
        for ent in persons:
            start, end = ent.start, ent.end
            for a, b in self._fix(toks, start, end, _Outside(occupied, start, end)):
                fixed.append(Span(doc, a, b, label=self.label))
                occupied.update(range(a, b))
        _, merged = merge_into(doc, fixed, NER_WINS, others, current=ents)  # fixed names never overlap the others
        for ent in merged:
            if ent.label_ == self.label:
                ent._.person = self._value(toks, ent.start, ent.end)
        return doc

    def value_of(self, span: Span, **kwargs: Any) -> PersonName:
        """The :class:`PersonName` of a PERSON span (whatever its boundaries)."""
        return self._value(tokens(span.doc), span.start, span.end)

    def _value(self, toks: Tokens, start: int, end: int) -> PersonName:
        lex = self.lexicon
        texts = [t for t in toks.text[start:end] if not t.isspace()]
        words = [lex.normal(t) if t.isupper() and len(t) > 1 else t for t in texts]
        if words:
            words[-1] = self._base_form(
                words[-1], lone=len(words) == 1, after=toks.text[end] if end < len(toks) else None
            )
        first, last = self._first_last(words)
        return PersonName(text=toks.span_text(start, end), first=first, last=last)

    # -- fixing one entity ----------------------------------------------------------------------

    def fix(
        self, doc: Doc, start: int, end: int, *, blocked: Iterable[int] | Container[int] = ()
    ) -> list[tuple[int, int]]:
        """The token ranges of the names inside ``doc[start:end]`` (possibly extended); ``blocked``:
        token indices (of other entities) that an extension must not take."""
        self.ensure_tables()
        blocked = blocked if isinstance(blocked, (set, frozenset, _Outside)) else set(blocked)  # type: ignore[arg-type]
        return self._fix(tokens(doc), start, end, blocked)

    def _fix(self, toks: Tokens, start: int, end: int, blocked: Container[int]) -> list[tuple[int, int]]:
        text = toks.text
        if not any(t[:1].isupper() for t in text[start:end]):
            return [(start, end)]  # no capitals at all: nothing to go by, trust the NER
        segments = self._segments(toks, start, end) if self.split else [(start, end)]
        out: list[tuple[int, int]] = []
        for seg_start, seg_end in segments:
            seg_start, seg_end = self._trim(toks, seg_start, seg_end)
            if seg_start >= seg_end:
                continue
            # a flattened table runs many names together (Susanne Norberg Jonny Gahnshag ...): split first
            pieces = self._split_run(toks, seg_start, seg_end) if self.split else [(seg_start, seg_end)]
            for piece_start, piece_end in pieces:
                piece_start, piece_end = self._trim(toks, piece_start, piece_end)
                if piece_start >= piece_end or not self._accept(toks, piece_start, piece_end, primary=not out):
                    continue
                out.append((piece_start, piece_end))
        if self.extend and out:
            first_start, first_end = out[0]
            if first_start == start:
                out[0] = (self._extend_left(toks, first_start, first_end, blocked), first_end)
            last_start, last_end = out[-1]
            if last_end < end and all(t in PARTICLES for t in text[last_end:end]):
                # cut off after a particle (Carl af | Ugglas): continue from the entity's end
                extended = self._extend_right(toks, last_start, end, blocked, open_after=True)
                if extended > end:
                    out[-1] = (last_start, extended)
            elif last_end == end:
                out[-1] = (last_start, self._extend_right(toks, last_start, last_end, blocked))
        if self.evidence:
            out = [(a, b) for a, b in out if self._evident(toks, a, b)]
        return out

    def _segments(self, toks: Tokens, start: int, end: int) -> list[tuple[int, int]]:
        """Cut at separators: whitespace runs and line breaks, punctuation and markup, parenthesised
        notes, conjunctions, digits, e-mail addresses and lower-case words other than particles."""
        segments: list[tuple[int, int]] = []
        current: int | None = None
        depth = 0
        texts = toks.text
        for i in range(start, end):
            text = texts[i]
            if text in ("(", "["):
                depth += 1
            separator = depth > 0 or self._is_separator(toks, i, end)
            if text in (")", "]") and depth:
                depth -= 1
            if separator:
                if current is not None:
                    segments.append((current, i))
                    current = None
            elif current is None:
                current = i
        if current is not None:
            segments.append((current, end))
        return segments

    def _is_separator(self, toks: Tokens, i: int, end: int) -> bool:
        text = toks.text[i]
        if toks.space[i] or "@" in text or any(c.isdigit() for c in text):
            return True
        if text.lower() in CONJUNCTIONS:
            return True
        if _is_initial(text):
            return False
        if not any(c.isalpha() for c in text):
            return True  # punctuation, markup
        if text[0].islower():
            # a particle (or two: van der) is inside a name when a name word follows it
            texts, ws = toks.text, toks.ws
            j = i
            while j < end and texts[j] in PARTICLES and ws[j] == " ":
                j += 1
            return not (j > i and j < end and _is_name_word(texts[j]))
        return False

    def _is_place_at(self, toks: Tokens, start: int, end: int) -> tuple[int, int] | None:
        """The token range of a municipality name starting at ``start`` (one or two words, maybe with
        ``kommun``/``stad``) inside ``[start, end)``, or ``None``."""
        lex = self.lexicon
        texts, space = toks.text, toks.space
        if start + 2 <= end and toks.ws[start] == " " and not space[start] and not space[start + 1]:
            if lex.place_of_two(texts[start], texts[start + 1]) is not None:
                stop = start + 2
                if stop < end and texts[stop].lower() in PLACE_SUFFIXES:
                    stop += 1
                return start, stop
        if start + 1 <= end and not space[start] and lex.place(texts[start]) is not None:
            stop = start + 1
            if stop < end and texts[stop].lower() in PLACE_SUFFIXES:
                stop += 1
            return start, stop
        return None

    def _place_ending_at(self, toks: Tokens, start: int, end: int) -> int | None:
        """Start of a municipality name (maybe with ``kommun``/``stad``) that ends at ``end``, or ``None``."""
        last = end
        if end - start >= 2 and toks.text[end - 1].lower() in PLACE_SUFFIXES:
            last = end - 1
        for width in (2, 1):
            first = last - width
            if first < start:
                continue
            found = self._is_place_at(toks, first, last)
            if found is not None and found[1] == last:
                return first
        return None

    def _trim(self, toks: Tokens, start: int, end: int) -> tuple[int, int]:
        """Strip roles, party letters and municipality names from the edges of one segment."""
        lex = self.lexicon
        texts = toks.text
        changed = True
        while changed and start < end:
            changed = False
            first, last = texts[start], texts[end - 1]
            if lex.is_role(first) and not lex.is_first(first):
                start, changed = start + 1, True
                continue
            if end - start > 1 and self._label_word(toks, first):
                start, changed = start + 1, True  # Överläggning Ann-Sofie Lagercrantz
                continue
            if end - start > 1 and self._label_word(toks, last):
                end, changed = end - 1, True  # Maria Landström Paragraf, Eva Lind Mobil
                continue
            if end - start > 1 and lex.is_role(last) and not lex.is_surname(last):
                end, changed = end - 1, True
                continue
            if end - start > 1 and last in PARTIES and len(last) <= 3 and not self._initial_before_name(toks, end - 1):
                end, changed = end - 1, True
                continue
            if self.trim_places:
                place_start = self._place_ending_at(toks, start, end)
                if (
                    place_start is not None
                    and place_start > start
                    and self._name_before(toks, start, place_start)
                    and not (end - place_start == 1 and lex.is_surname(last))  # Annette Melander Berg
                ):
                    end, changed = place_start, True
                    continue
                place = self._is_place_at(toks, start, end)
                if place is not None and end - place[1] >= 2 and not lex.is_first(first):
                    start, changed = place[1], True
                    continue
        return start, end

    @staticmethod
    def _initial_before_name(toks: Tokens, i: int) -> bool:
        """``S`` in ``Sten S Andersson``: a single letter followed by a name on the same line."""
        return len(toks.text[i]) == 1 and i + 1 < len(toks) and toks.ws[i] == " " and _is_name_word(toks.text[i + 1])

    def _name_before(self, toks: Tokens, start: int, end: int) -> bool:
        """Is ``doc[start:end]`` a whole name once a municipality after it is cut off? Needs two words,
        the last of which is no mere first name (``Anna Karin`` + ``Lund`` keeps ``Lund``)."""
        words = [t for t in toks.text[start:end] if not t.isspace()]
        if len(words) < 2:
            return False
        last = words[-1]
        return not (self.lexicon.is_first(last) and not self.lexicon.is_surname(last))

    def _accept(self, toks: Tokens, start: int, end: int, *, primary: bool) -> bool:
        """Is the segment a name? The NER's own first piece needs one name word; a piece split off
        from it must look like a name by itself (a known first name or initial first)."""
        lex = self.lexicon
        texts = [t for t in toks.text[start:end] if not t.isspace()]
        words = [t for t in texts if _is_name_word(t) or _is_initial(t)]
        if not words or len(texts) > MAX_NAME_TOKENS:
            return False
        if all(lex.is_role(t) for t in words):
            return False
        if self._is_place_at(toks, start, end) == (start, end):  # the whole piece is a municipality
            single = texts[0] if len(texts) == 1 else ""
            if not (single and (lex.is_first(single) or lex.is_surname(single))):
                return False
        if primary:
            return True
        head = texts[0]
        if len(texts) == 1:  # a lone name split off a list: a known name, not also a municipality
            return (lex.is_first(head) or lex.is_surname(head)) and self._is_place_at(toks, start, end) is None
        if lex.is_first(head) or _is_initial(head):
            return True
        if len(texts) >= 2 and _is_name_word(head) and not head.isupper():
            tail = texts[-1]
            places = any(lex.place(t) for t in texts)
            return not places and (lex.is_surname(tail) or bool(SURNAME_ENDINGS.search(tail.lower())))
        return False

    def _label_word(self, toks: Tokens, text: str) -> bool:
        """A capitalised word that is no name: a label, heading or table word next to names
        (``Justeringens``, ``Paragrafer``, ``Utses``, ``Bevis``) -- no known first name or surname, and
        ending like such words or written in lower case elsewhere in the document."""
        memo = toks.memo(self.name + ".label_word")  # (the answer depends on the document's words)
        found = memo.get(text)
        if found is None:
            found = memo[text] = self._is_label_word(toks, text)
        return found

    def _is_label_word(self, toks: Tokens, text: str) -> bool:
        lex = self.lexicon
        if not text[:1].isupper() or lex.is_first(text) or lex.is_surname(text) or _is_initial(text):
            return False
        low = text.lower()
        if lex.is_role(text) or low.endswith(LABEL_ENDINGS) or low.endswith(PLACE_ENDINGS):
            return True
        return low in toks.lower_words

    def evident(self, doc: Doc, start: int, end: int) -> bool:
        """Does ``doc[start:end]`` show that it is a person's name? It needs a known first name or
        surname, or (two words or more) a last word shaped like a Swedish surname; a word that names
        a street, a square or a venue, or a place before a property number (``Vittsjö 4:12``), makes it
        no name, and so does a span made only of label words (``Justering``, ``Nämnd``, ``Svar``)."""
        return self._evident(tokens(doc), start, end)

    def _evident(self, toks: Tokens, start: int, end: int) -> bool:
        lex = self.lexicon
        texts = [t for t in toks.text[start:end] if not t.isspace()]
        if not texts:
            return False
        if end < len(toks) and PROPERTY.match(toks.text[end]):
            return False
        if any(t.lower().endswith(PLACE_ENDINGS) and not (lex.is_first(t) or lex.is_surname(t)) for t in texts):
            return False
        if all(self._label_word(toks, t) for t in texts):
            return False
        known = [
            lex.is_first(t) or lex.is_surname(t) or lex.is_first(t.rstrip("s")) or lex.is_surname(t.rstrip("s"))
            for t in texts
        ]
        places = [self._is_place_word(t) for t in texts]
        if len(texts) == 1 and places[0]:
            return False  # Mora, Nödinge: a place alone
        if self.trim_places and any(p and not k for p, k in zip(places, known)):
            return False  # Campus Skellefteå, Hemavan Tärnaby
        if any(known) or any(lex.is_first(t.split("-")[0]) for t in texts if "-" in t):
            return True  # Anna-Riekje: a double first name whose first part is known
        if len(texts) >= 2 and not all(_is_initial(t) for t in texts):
            last = texts[-1].lower()
            if SURNAME_ENDINGS.search(last) and not NOUN_ENDINGS.search(last):
                return True
            if self._name_shaped(toks, texts):
                return True
        return self._context_evidence(toks, start, end)

    def _is_place_word(self, text: str) -> bool:
        """A municipality or a locality (``Skellefteå``, ``Nödinge``, ``Torups``)."""
        bare = text[:-1] if text.endswith("s") else text
        localities = self._localities
        return self.lexicon.place(text) is not None or text in localities or bare in localities

    def _name_shaped(self, toks: Tokens, words: list[str]) -> bool:
        """Two or three words no list knows, written as names (``Pousha Mohammady``): capitalised, not in
        capitals, no label, place, organisation or common word (one written in lower case elsewhere)."""
        if len(words) > 3:
            return False
        lowered = toks.lower_words
        for text in words:
            if not _is_name_word(text) or text.isupper() or text.lower() in lowered or self._label_word(toks, text):
                return False
            if self._org_words.is_internal(text) or self._org_words.head_of(text):
                return False
        return True

    def _context_evidence(self, toks: Tokens, start: int, end: int) -> bool:
        """What is around an unknown name that shows it is a person's: party letters after it
        (``Kaatriina Hiotala (S)``, ``Per Ek, KD``), a role next to it (``ordförande X``, ``X, sekreterare``),
        or a verb of speech or action right after it (``Rikses redogjorde``)."""
        lex = self.lexicon
        texts = [t for t in toks.text[end : end + 4] if not t.isspace()]
        before = [t for t in toks.text[max(0, start - 2) : start] if not t.isspace()]
        if texts[:1] and texts[0] in PARTIES:
            return True
        if (
            len(texts) >= 2
            and texts[0] in ("(", ",")
            and (texts[1] in PARTIES or texts[1].upper() in PARTIES and len(texts[1]) <= 3)
        ):
            return True
        if len(texts) >= 2 and texts[0] == "," and (lex.is_role(texts[1]) or lex.place(texts[1]) is not None):
            return True  # X, sekreterare; an attendance entry X, Örkelljunga
        if before and lex.is_role(before[-1]) and before[-1][:1].islower():
            return True
        if texts[:1] and texts[0] in SPEECH_VERBS:
            return True
        return False

    def _split_run(self, toks: Tokens, start: int, end: int) -> list[tuple[int, int]]:
        """``Per Borg Carina Leffler`` -> two names: split before a known first name that follows a
        surname, when both sides keep at least two words."""
        lex = self.lexicon
        texts = toks.text
        last = texts[end - 1]
        if end - start >= 3 and lex.is_first(last) and not lex.is_surname(last) and not lex.is_first(texts[end - 2]):
            # Jan Bohman Karin: the next person's first name, her surname on the next line
            return [*self._split_run(toks, start, end - 1), (end - 1, end)]
        for i in range(start + 2, end - 1):
            text, before = texts[i], texts[i - 1]
            if not lex.is_first(text):
                continue
            if lex.is_surname(text) and lex.is_first(before) and not lex.is_surname(before):
                continue  # Anna Lund: a surname that is also a first name, after a first name
            if before in PARTICLES or _is_initial(before):
                continue
            if lex.is_first(before) and not lex.is_surname(before):
                continue  # Anna Karin Maria ...: still first names
            return [(start, i), *self._split_run(toks, i, end)]
        return [(start, end)]

    def _extend_right(
        self, toks: Tokens, start: int, end: int, blocked: Container[int], *, open_after: bool = False
    ) -> int:
        """``open_after``: the name ends in a particle or an initial, so any name word continues it.
        A lone first name that ends its line continues with a surname opening the next line (the
        scheme: a name broken by a line break is one span)."""
        lex = self.lexicon
        texts, ws = toks.text, toks.ws
        n = len(texts)
        if end - start == 1 and end + 1 < n and texts[end] == "\n" and not ws[end - 1]:
            first, second = texts[start], texts[end + 1]
            if (
                (end + 1) not in blocked
                and lex.is_first(first)
                and not lex.is_surname(first)
                and _is_name_word(second)
                and (
                    lex.is_surname(second)
                    or (
                        not lex.is_first(second)
                        and self._name_shaped(toks, [second])
                        and not self._is_place_word(second)
                    )
                )
            ):
                return end + 2
        last = texts[end - 1]
        if end - start >= MAX_NAME_TOKENS - 1 or not (_is_name_word(last) or _is_initial(last) or open_after):
            return end
        open_after = open_after or (_is_initial(last) and end - start > 1)
        while end < n and end - start < MAX_NAME_TOKENS:
            text = texts[end]
            if end in blocked or ws[end - 1] != " ":
                break
            nxt = texts[end + 1] if end + 1 < n else None
            nxt_ok = nxt is not None and (end + 1) not in blocked and ws[end] == " " and _is_name_word(nxt)
            if text in EXTEND_PARTICLES and (nxt_ok or (nxt is not None and nxt in PARTICLES and ws[end] == " ")):
                end, open_after = end + 1, True
                continue
            if (
                _is_initial(text)
                and len(text) <= 3
                and nxt_ok
                and text.rstrip(".") not in PARTIES - {"S", "M", "C", "V", "L"}
            ):
                end, open_after = end + 1, True
                continue
            if not _is_name_word(text) or lex.is_role(text) or (text.isupper() and not last.isupper()):
                break
            if open_after:
                end, open_after = end + 1, False
                continue
            if (
                end - start >= 2
                and lex.is_first(text)
                and nxt_ok
                and nxt is not None
                and self._label_word(toks, nxt) is False
            ):
                break  # the first name of the next person in a flattened list (Anna Andersson | Anders Ullvén)
            if self._is_place_at(toks, end, end + 1) is not None and not lex.is_surname(text):
                break
            low = text.lower()
            bare = text[:-1] if low.endswith("s") and not low.endswith("ss") else text  # genitive
            surname_like = (
                lex.is_surname(text)
                or lex.is_surname(bare)
                or (not lex.is_first(text) and bool(SURNAME_ENDINGS.search(low)) and not NOUN_ENDINGS.search(low))
            )
            if not surname_like:
                break
            end += 1
        return end if not open_after else end - 1

    def _extend_left(self, toks: Tokens, start: int, end: int, blocked: Container[int]) -> int:
        lex = self.lexicon
        texts, ws = toks.text, toks.ws
        head = texts[start]
        starts_with_first = lex.is_first(head) and not lex.is_surname(head)
        taken_first = False
        while start > 0 and end - start < MAX_NAME_TOKENS:
            text = texts[start - 1]
            if (start - 1) in blocked or ws[start - 1] != " ":
                break
            if (
                text in PARTICLES
                and not taken_first
                and (_is_name_word(texts[start]) or texts[start] in PARTICLES)
                and (text in EXTEND_PARTICLES or texts[start] in PARTICLES)
            ):
                start -= 1
                continue
            if _is_initial(text) and start - 2 >= 0 and ws[start - 2] == " " and lex.is_first(texts[start - 2]):
                start -= 1
                continue
            if (
                _is_name_word(text)
                and lex.is_first(text)
                and not lex.is_role(text)
                and (not starts_with_first or taken_first or _is_initial(texts[start]))
            ):
                start, taken_first = start - 1, True
                continue
            break
        return start

    # -- values ----------------------------------------------------------------------------------

    def _base_form(self, word: str, *, lone: bool, after: str | None) -> str:
        """Remove a genitive ``-s``: when the name without it is known and the name with it is not
        (``Johanssons``, ``Johans``), or when a noun follows (``Sahléns förslag``)."""
        lex = self.lexicon
        for ending in ("’s", "'s", ":s"):
            if word.endswith(ending):
                return word[: -len(ending)]
        if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
            return word
        base = word[:-1]
        if lex.is_swedish(word):
            return word  # Jonas, Niklas, Claes
        base_known = lex.is_surname(base) or (lone and lex.is_first(base))
        if base_known and (lex.is_swedish(base) or not (lex.is_surname(word) or lex.is_first(word))):
            return base  # Johanssons; Johans (a rare foreign name) next to Johan
        if lex.is_surname(word) or lex.is_first(word):
            return word
        if after is not None and not after.isspace() and after.isalpha() and after.islower():
            following = after
            verb = following in NOT_NOUNS or following.endswith(VERB_ENDINGS + PRESENT_ENDINGS)
            if not verb and len(following) > 2:
                return base  # Sahléns förslag
        return word

    def _first_last(self, words: list[str]) -> tuple[str | None, str | None]:
        lex = self.lexicon
        if not words:
            return None, None
        if len(words) == 1:
            word = words[0]
            if lex.is_surname(word) and not lex.is_first(word):
                return None, word
            return word, None
        for i, word in enumerate(words[1:], start=1):
            if word in PARTICLES:
                return " ".join(words[:i]), " ".join(words[i:])
        n = 0
        while n < len(words) - 1 and (lex.is_first(words[n]) or INITIAL.match(words[n])):
            n += 1
        n = max(n, 1)
        return " ".join(words[:n]), " ".join(words[n:])
