"""The organisations component: ORG spans from knowledge and from the form of a name.

Runs after the trained NER and before the names component. It finds, in this order of strength:

1. **known organisations** (:func:`famhbg_nlp.lexicon.organisations`): agencies, regions, county
   boards, courts, universities, parties, unions, associations, companies, media, with their
   acronyms, genitives (``Skatteverkets``, ``SKR:s``), names in capitals, and, for courts and
   parties, the lower-case forms (``kammarrätten``, ``socialdemokraterna``);
2. **names made organisations by their form** (``org_words.tsv``): a company or association form
   after the name (``Boliden Mineral AB``, ``West Sweden ideell förening``) or before it
   (``AB Familjebostäder``, ``Stiftelsen Jamtli``, ``Region Jönköping``, ``Länsstyrelsen i X län``),
   a compound ending in an association's head (``Sjuhärads samordningsförbund``,
   ``Naturskyddsföreningen``, ``Nykvarnspartiet``), a separate head word after a name (``Lunds
   universitet``, ``Stockholms tingsrätt``, ``Hallands Nyheter``), sports-club letters (``Färjestads
   BK``), an English organisation word (``... Refuge Network``);
3. **names the text itself makes organisations**: an acronym defined next to an organisation
   (``Nordöstra Vatten och Avlopp AB (NÖVA)``) and a company's name without its form (``Erastos``
   after ``Erastos AB``), wherever they recur.

Spans of internal bodies, units and venues (``Kommunstyrelsen``, ``Kostserviceenheten``,
``Brännaskolan``) are never ORG. ORG spans found so replace the entities they overlap (a PERSON or
MUNICIPALITY the NER put on ``Malungs Elverk AB``); the parts of a PERSON outside the organisation
stay a PERSON (``Jonas Larsson Malung-Sälen Turism AB``). ORG entities of the NER that the rules do
not find are kept only with some evidence of being a name (``drop_unsupported``, see
:meth:`OrgsComponent.supported`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ...extensions import register_extensions
from ...lexicon import genitive, party_letters
from ...serialization import TableKnowledge
from ...spans import longest_first, same_ents
from ..base import Tokens, tokens
from .patterns import ACRONYM, CONNECTORS, FUNCTION_WORDS, STOP, OrgPatterns

if TYPE_CHECKING:
    from ..names.lexicon import NameLexicon

LABEL = "ORG"
#: File written by :meth:`OrgsComponent.to_disk`.
DISK_FILE = "patterns.json"
#: Most words whose test answers :meth:`OrgsComponent._memo` keeps.
MEMO_SIZE = 200_000
#: Longest name (in tokens) before a form word or after a prefix word.
MAX_NAME_TOKENS = 6
#: Endings of common nouns that open headings and sentences of minutes (never the first word of a name).
COMMON_ENDINGS: tuple[str, ...] = (
    "ning",
    "ningar",
    "ningen",
    "ningarna",
    "else",
    "elser",
    "het",
    "heten",
    "tion",
    "tionen",
    "rapport",
    "rapporten",
    "direktiv",
    "förslag",
    "yttrande",
    "avtal",
    "ansökan",
    "uppdrag",
    "beslut",
    "information",
    "ordning",
    "plan",
    "planen",
    "policy",
    "program",
    "frågor",
    "ärende",
    "ärenden",
)
#: Direction words that open place names (``Södra Älvsborgs Räddningstjänstförbund``).
DIRECTIONS: frozenset[str] = frozenset(
    {
        "Norra",
        "Södra",
        "Östra",
        "Västra",
        "Mellersta",
        "Nordvästra",
        "Nordöstra",
        "Sydvästra",
        "Sydöstra",
        "Övre",
        "Nedre",
        "Stora",
        "Lilla",
    }
)
#: Separators that end a sentence (a name never crosses one; the next word is sentence-initial).
SENTENCE_END = frozenset({".", "!", "?", ":", ";", "•", "–", "—", "|", "*", "#"})


def _is_cap(text: str) -> bool:
    return (
        bool(text)
        and (text[0].isupper() or text[0].isdigit() and any(c.isalpha() for c in text))
        and not STOP.match(text)
    )


def _same_line(toks: Tokens, i: int, j: int) -> bool:
    """No line break between tokens ``i`` and ``j`` (``i < j``)."""
    text, space = toks.text, toks.space
    return all(not (space[k] and "\n" in text[k]) for k in range(i, j))


def sentence_initial(doc: Doc | Tokens, i: int) -> bool:
    """Is token ``i`` the first of a line or a sentence (after ``.``, ``:``, a bullet)?"""
    toks = doc if isinstance(doc, Tokens) else tokens(doc)
    text, space = toks.text, toks.space
    k = i - 1
    while k >= 0 and space[k]:
        if "\n" in text[k]:
            return True
        k -= 1
    if k < 0:
        return True
    prev = text[k]
    return prev in SENTENCE_END or prev in ("(", "-", '"', "”", "»")


class OrgsComponent(TableKnowledge):
    """Finds ORG spans (see the module docstring); keeps all of them in ``doc.spans[name]``."""

    label = LABEL
    table_files = (DISK_FILE,)

    def __init__(
        self,
        nlp: Language,
        name: str = "famhbg_orgs",
        *,
        drop_unsupported: bool,
        acronyms: bool,
        patterns: OrgPatterns | None = None,
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.drop_unsupported = drop_unsupported
        self.acronyms = acronyms
        self._party_letters = party_letters()
        self._known_tokens: set[int] = set()
        if patterns is not None:
            self.patterns = patterns

    # -- knowledge ------------------------------------------------------------------------------

    @property
    def patterns(self) -> OrgPatterns:
        self.ensure_tables()
        return self._patterns

    @patterns.setter
    def patterns(self, patterns: OrgPatterns) -> None:
        self.load_tables({DISK_FILE: srsly.json_dumps(patterns.to_json())})

    def _packaged_tables(self) -> dict[str, str]:
        return {DISK_FILE: srsly.json_dumps(OrgPatterns.packaged().to_json())}

    def _dump_tables(self) -> dict[str, str]:
        return {DISK_FILE: srsly.json_dumps(self._patterns.to_json())}

    def _load_from_tables(self, tables: Mapping[str, str]) -> None:
        self._patterns = OrgPatterns.from_json(srsly.json_loads(tables[DISK_FILE]))
        self._build()

    def _build(self) -> None:
        """A case-sensitive phrase matcher over every written form of every known organisation."""
        self._memos: dict[str, dict[str, Any]] = {}
        self._known_names = frozenset(written for written, _, _ in self.patterns.names)
        heads = "|".join(re.escape(h) for h in self.patterns.heads)
        self._head_ends = re.compile(rf"(?i:(?:{heads})s?)$")
        # the same test on the reversed word, anchored at its start: fails at once on most words (a search
        # for the pattern above tries every position of every word)
        reversed_heads = "|".join(re.escape(h[::-1]) for h in self.patterns.heads)
        self._head_ends_reversed = re.compile(rf"(?i:s?(?:{reversed_heads}))")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.ambiguous: set[str] = set()
        forms: dict[str, set[str]] = {"ORG": set(), "ORG_AMBIGUOUS": set()}
        for written, _kind, case in self.patterns.names:
            key = "ORG_AMBIGUOUS" if case == "ambiguous" else "ORG"
            variants = {written}
            if written.isupper() or ACRONYM.match(written):
                variants |= {f"{written}:s", f"{written}s"}
            else:
                variants |= {genitive(written), written.upper()}
                if case == "lower":
                    lowered = written[0].lower() + written[1:]
                    variants |= {lowered, genitive(lowered)}
            forms[key] |= variants
        for key, texts in forms.items():
            self.matcher.add(key, [self.nlp.make_doc(text) for text in sorted(texts)])

    # -- pipeline -------------------------------------------------------------------------------

    def __call__(self, doc: Doc, **kwargs: Any) -> Doc:
        ents = list(doc.ents)  # read once (spaCy builds the spans anew on every read)
        found = self._find(doc, ents)
        doc.spans[self.name] = found
        self._merge(doc, found, ents)
        return doc

    def find(self, doc: Doc) -> list[Span]:
        """Every ORG span the rules give, non-overlapping (longest first), in text order."""
        return self._find(doc, list(doc.ents))

    def _find(self, doc: Doc, ents: list[Span]) -> list[Span]:
        self.ensure_tables()
        toks = tokens(doc)  # the scans below read the tokens' strings
        known = self._known(doc, toks, ents)
        self._known_tokens = {i for start, end in known for i in range(start, end)}
        named = known + self._forms_before(toks)  # the name of the organisation is given
        shaped = (
            self._forms_after(toks)
            + self._heads(toks)
            + self._head_words(toks)
            + self._clubs(toks)
            + self._english(toks)
        )
        shaped = [c for c in shaped if not self._internal(toks, *c)]  # Kostserviceenheten, Brännaskolan
        kept = longest_first(named + shaped, lambda c: c)
        kept += self._recurring(doc, toks, kept, ents)
        kept = longest_first(set(kept), lambda c: c)
        return [Span(doc, start, end, label=self.label) for start, end in kept]

    def _known(self, doc: Doc, toks: Tokens, ents: list[Span]) -> list[tuple[int, int]]:
        out = []
        ambiguous = self.nlp.vocab.strings["ORG_AMBIGUOUS"]
        texts, ws = toks.text, toks.ws
        persons: set[int] | None = None  # tokens inside a PERSON of two words or more
        for match_id, start, end in self.matcher(doc):
            if match_id == ambiguous and not self._ambiguous_ok(toks, start, end):
                continue
            if end < len(texts) and ws[end - 1] == "" and texts[end] in ("-", "‐"):
                continue  # the first part of a compound (EU-stöd is no EU)
            if end - start == 1:
                if self._after_first_name(toks, start):
                    continue  # a surname that is also a company (Thom Ericsson)
                if self._names_lexicon().is_surname(texts[start]):
                    if persons is None:
                        persons = {
                            i
                            for e in ents
                            if e.label_ == "PERSON" and e.end - e.start > 1
                            for i in range(e.start, e.end)
                        }
                    if start in persons:
                        continue  # a known surname inside a longer PERSON of the NER (Anna Sandvik)
            if self._spaced_capitals(toks, start, end):
                continue  # letters of a spaced heading (PRO T OK OL L)
            out.append((start, end))
        return out

    def _after_first_name(self, toks: Tokens, i: int) -> bool:
        """Token ``i`` is a surname after a name (``Thom Ericsson``, ``Erika Rydja Sandvik``)."""
        if i <= 0:
            return False
        prev = toks.text[i - 1]
        names = self._names_lexicon()
        if not _same_line(toks, i - 1, i) or not _is_cap(prev) or ACRONYM.match(prev):
            return False
        if names.is_first(prev):
            return True
        # a known surname after another capitalised word (an unknown first name: Thom Ericsson)
        return names.is_surname(toks.text[i]) and prev.lower() not in FUNCTION_WORDS and not self._is_form_word(prev)

    @staticmethod
    def _spaced_capitals(toks: Tokens, start: int, end: int) -> bool:
        """A span in a heading written with spaced capitals (``PRO T OK OL L``)."""
        texts = toks.text
        near = [texts[k] for k in (start - 1, end) if 0 <= k < len(texts)]
        return texts[start].isupper() and any(t.isupper() and len(t) <= 2 and t.isalpha() for t in near)

    @staticmethod
    def _ambiguous_ok(toks: Tokens, start: int, end: int) -> bool:
        """A name that is also a common word (``Kommunal``, ``Vision``) counts inside a sentence only,
        and not before a lower-case word it would describe (``Kommunal vuxenutbildning``)."""
        if sentence_initial(toks, start):
            return False
        nxt = toks.text[end] if end < len(toks) else None
        if nxt is None or not (nxt[:1].islower() and nxt.isalpha()):
            return True
        # a lower-case word after it: a verb (gäller, har) or a function word, not a noun it describes
        return nxt in FUNCTION_WORDS or nxt in CONNECTORS or nxt.endswith("r")

    def _name_left(self, toks: Tokens, end: int, *, lowercase_next: bool) -> int:
        """Start of the name that ends at ``end`` (exclusive): capitalised words, connectors between
        them, one lower-case word right before the form (``Kiladalens utvecklings AB``). The chain
        stops at punctuation, a line break, a role (``VD``), another form word (``... AB och X AB``),
        and a common word opening the sentence (``Årsredovisning``, ``Återredovisningar av``)."""
        start = end
        j = end - 1
        names = self._names_lexicon()
        texts, space = toks.text, toks.space
        while j >= 0 and end - j <= MAX_NAME_TOKENS:
            text = texts[j]
            if space[j] or not _same_line(toks, j, end) or STOP.match(text):
                break
            if self._is_form_word(text) or (names.is_role(text) and (text.isupper() or text[0].islower())):
                break  # a role (VD, ordförande), another form (X AB och Y AB); Ek Konsult KB keeps Konsult
            if j in self._known_tokens and j + 1 < end and texts[j + 1] in CONNECTORS:
                break  # a known organisation before a connector (Skatteverket och Y AB)
            if _is_cap(text) or ACRONYM.match(text):
                if text.lower() in FUNCTION_WORDS and sentence_initial(toks, j):
                    break
                if self._common_word(toks, text) and (
                    (start < end and sentence_initial(toks, j)) or (j + 1 < end and texts[j + 1] in CONNECTORS)
                ):
                    break  # Årsredovisning Sjuhärads ..., Återredovisningar av Malungshem AB
                start = j
            elif text in CONNECTORS and start < end:
                pass  # kept only if a capitalised word comes before it
            elif lowercase_next and j == end - 1 and text.isalpha():
                pass
            else:
                break
            j -= 1
        return start

    def _is_form_word(self, text: str) -> bool:
        p = self.patterns
        return any(text in (f[-1], f"{f[-1]}:s") for f in p.form_after if len(f) == 1) or text in p.form_before

    @staticmethod
    def _common_word(toks: Tokens, text: str) -> bool:
        """A capitalised word that is a common noun: written in lower case elsewhere in the document, or
        ending like the nouns of minutes' headings (``-ning``, ``-ningar``, ``-rapport``)."""
        low = text.lower()
        if low.endswith(COMMON_ENDINGS):
            return True
        return low in toks.lower_words

    def _forms_after(self, toks: Tokens) -> list[tuple[int, int]]:
        out = []
        by_first = _forms_by_first_word(self.patterns.form_after)
        texts = toks.text
        for i, text in enumerate(texts):
            for form in by_first.get(text, ()):  # only the forms that can start here, in their order
                n = len(form)
                words = texts[i : i + n]
                if len(words) < n:
                    continue
                last = words[-1]
                if words[:-1] != list(form[:-1]) or last not in (form[-1], f"{form[-1]}:s", f"{form[-1]}s"):
                    continue
                if n > 1 and not _same_line(toks, i, i + n - 1):
                    continue
                start = self._name_left(toks, i, lowercase_next=True)
                start = self._skip_person(toks, start, i)
                while start < i and texts[start] in CONNECTORS:
                    start += 1
                if start < i and any(_is_cap(t) for t in texts[start:i]):
                    out.append((start, i + n))
                break
        return out

    def _skip_person(self, toks: Tokens, start: int, end: int) -> int:
        """Move ``start`` past a person's name that opens the chain in a flattened table (``VD Jonas
        Larsson Malung-Sälen Turism AB``, ``Lars Bälter Malungs Elverk AB``): known first name(s) and a
        surname, or a known surname alone, before at least two more words or a name in the genitive.
        A company named after a person (``Per Ek Bygg AB``) keeps the name: one word follows it."""
        names = self._names_lexicon()
        texts = toks.text
        k = start
        while (
            k < end
            and _is_cap(texts[k])
            and names.is_first(texts[k])
            and (k == start or not names.is_surname(texts[k]))
        ):
            k += 1
        if k == start:
            surname_first = names.is_surname(texts[k]) and not names.is_first(texts[k])
            k = start + 1 if surname_first else start
        elif k < end and _is_cap(texts[k]):
            k += 1  # the surname, known or not
        else:
            return start
        rest = texts[k:end]
        if k == start or not rest or not _is_cap(rest[0]):
            return start
        if len(rest) >= 2 or rest[0].endswith("s"):
            return k
        return start

    def _names_lexicon(self) -> NameLexicon:
        """The name lexicon of the pipeline's names component (one vocabulary, saved with that
        component), or the packaged one in a pipeline without it."""
        lexicon = getattr(self, "_names", None)
        if lexicon is None:
            from ..names.component import NamesComponent
            from ..names.lexicon import NameLexicon

            names = [pipe for _, pipe in self.nlp.pipeline if isinstance(pipe, NamesComponent)]
            lexicon = self._names = names[0].lexicon if names else NameLexicon.packaged()
        return lexicon

    def _name_right(self, toks: Tokens, start: int, *, joins: tuple[str, ...], limit: int) -> int:
        """End of the name that starts at ``start``: an optional join word (``i``, ``för``), then
        capitalised words, connectors between them and ``län`` after a genitive."""
        texts, space = toks.text, toks.space
        n = len(texts)
        end = start
        j = start
        if j < n and texts[j] in joins:
            j += 1
        if j >= n or not _is_cap(texts[j]):
            return start  # the name starts with a capital (AB och VAMAS is no name)
        names = self._names_lexicon()
        while j < n and j - start < limit:
            text = texts[j]
            if space[j] or not _same_line(toks, start - 1, j) or STOP.match(text):
                break
            if self._is_form_word(text) or names.is_role(text):
                break
            if names.is_first(text) and j + 1 < n and _is_cap(texts[j + 1]) and (end > start or not joins):
                break  # a person's name after the organisation's (Region Skåne Per Ek, Centerpartiet Mats Ek)
            if _is_cap(text) and self._common_word(toks, text) and end > start:
                break
            if _is_cap(text) and text.lower() not in FUNCTION_WORDS:
                end = j + 1
            elif text == "län" and end == j and texts[j - 1].endswith("s"):
                end = j + 1
            elif (
                text in CONNECTORS
                and text not in ("och", "&", "and")
                and end == j
                and j + 1 < n
                and _is_cap(texts[j + 1])
            ):
                pass  # Hovrätten för Västra Sverige; never across ``och`` (Högskolan i X och Krinova)
            else:
                break
            j += 1
        return end

    def _forms_before(self, toks: Tokens) -> list[tuple[int, int]]:
        out = []
        before = self.patterns.form_before
        known = self._known_names
        texts = toks.text
        n = len(texts)
        for i, text in enumerate(texts):
            joins = before.get(text)
            if joins is None:
                continue
            if text in known and not (i + 1 < n and texts[i + 1] in joins):
                continue  # Polisen, Länsstyrelsen: a name of its own unless ``i``/``för`` follows
            end = self._name_right(toks, i + 1, joins=joins, limit=4)
            if end > i + 1 and not (end == i + 2 and texts[i + 1] in joins):
                out.append((i, end))
        return out

    def _heads(self, toks: Tokens) -> list[tuple[int, int]]:
        out = []
        ends = self._head_ends_reversed.match
        texts = toks.text
        n = len(texts)
        heads_of = self._memo("heads")  # each distinct word tested once
        for text in [t for t in set(texts) if t not in heads_of]:
            if not text[:1].isalpha() or not (ends(text[::-1]) if text[-1:] != "\n" else self._head_ends.search(text)):
                heads_of[text] = None
            else:
                heads_of[text] = self.patterns.head_of(text)
        for i, text in enumerate(texts):
            head = heads_of.get(text)
            if head is None:
                continue
            start = self._genitive_chain(toks, i)
            if text[0].isupper():
                if head in self.patterns.mid_heads and start == i and sentence_initial(toks, i):
                    continue
            elif start == i:
                continue  # a lower-case compound names no one by itself (idrottsföreningen)
            end = i + 1
            if text[0].isupper() and text.lower().endswith(("et", "en", "an")) and i + 2 < n:
                if texts[i + 1] == "i" and _is_cap(texts[i + 2]) and _same_line(toks, i, i + 2):
                    end = i + 3  # Järnvägsmuseet i Landeryd
                elif start == i:
                    end = max(end, self._name_right(toks, i + 1, joins=(), limit=3))  # Brottsofferjouren Småland West
            out.append((start, end))
        return out

    def _genitive_chain(self, toks: Tokens, i: int) -> int:
        """Start of the name in the genitive before token ``i`` (``Sjuhärads``, ``Södra Älvsborgs``,
        ``Kalmar läns``, ``Sveriges``); ``i`` when there is none."""
        j = i - 1
        if j < 0 or not _same_line(toks, j, i):
            return i
        texts = toks.text
        text = texts[j]
        if text == "läns":
            k = j - 1
            if k >= 0 and _same_line(toks, k, i) and _is_cap(texts[k]) and texts[k].lower() not in FUNCTION_WORDS:
                return self._direction_before(toks, k)
            return i
        if _is_cap(text) and text.lower() not in FUNCTION_WORDS and not ACRONYM.match(text):
            if sentence_initial(toks, j) and self._common_word(toks, text):
                return i
            if text.endswith("s") or texts[i][:1].islower():
                return self._direction_before(toks, j)  # Sjuhärads samordningsförbund, Täby samordningsförbund
        return i

    @staticmethod
    def _direction_before(toks: Tokens, j: int) -> int:
        """``j``, or one earlier when a direction word opens the name (``Södra Älvsborgs``)."""
        k = j - 1
        if k >= 0 and _same_line(toks, k, j) and toks.text[k] in DIRECTIONS:
            return k
        return j

    def _head_words(self, toks: Tokens) -> list[tuple[int, int]]:
        out = []
        words = self.patterns.head_words
        heads = set(self.patterns.heads)
        firsts = {seq[0] for seq in self.patterns.head_word_sequences}
        texts = toks.text
        single = self._memo("head_words")  # each distinct word tested once
        for text in [t for t in set(texts) if t not in single]:
            bare = text[:-1] if text.endswith("s") else text
            single[text] = text in words or bare in words or text.lower() in heads or bare.lower() in heads
        for i, text in enumerate(texts):
            n = 0
            if single[text]:
                n = 1
            elif text in firsts:
                for seq in self.patterns.head_word_sequences:
                    if tuple(texts[i : i + len(seq)]) == seq:
                        n = len(seq)
                        break
            if not n or i == 0:
                continue
            prev = texts[i - 1]
            if not _same_line(toks, i - 1, i) or not (_is_cap(prev) or prev == "läns"):
                continue
            start = self._genitive_chain(toks, i)
            if start == i:
                bare = text[:-1] if text.endswith("s") else text
                if text[0].isupper() or text.lower() in heads or bare.lower() in heads:
                    continue  # Hallands Nyheter, Markaryds Folkhögskola: after a genitive only
                start = i - 1  # Karolinska institutet
                if prev.lower() in FUNCTION_WORDS or (sentence_initial(toks, start) and self._common_word(toks, prev)):
                    continue
            out.append((start, i + n))
        return out

    def _memo(self, name: str) -> dict[str, Any]:
        """A word's answer to one of the tests above, kept across documents (the same words recur); emptied
        when it grows large, and when the patterns change (:meth:`_build`)."""
        memo = self._memos.setdefault(name, {})
        if len(memo) > MEMO_SIZE:
            memo.clear()
        return memo

    def _clubs(self, toks: Tokens) -> list[tuple[int, int]]:
        out = []
        p = self.patterns
        clubs = p.club_after | p.club_before
        texts = toks.text
        n = len(texts)
        for i, text in enumerate(texts):
            if text not in clubs:
                continue
            if text in p.club_after and i > 0 and _is_cap(texts[i - 1]) and _same_line(toks, i - 1, i):
                if texts[i - 1].lower() not in FUNCTION_WORDS and not ACRONYM.match(texts[i - 1]):
                    start = i - 1
                    if (
                        i > 1
                        and _is_cap(texts[i - 2])
                        and _same_line(toks, i - 2, i)
                        and texts[i - 2].lower() not in FUNCTION_WORDS
                    ):
                        start = i - 2
                    out.append((start, i + 1))
            elif text in p.club_before and i + 1 < n and _is_cap(texts[i + 1]) and _same_line(toks, i, i + 1):
                if not ACRONYM.match(texts[i + 1]):
                    out.append((i, i + 2))
        return out

    def _english(self, toks: Tokens) -> list[tuple[int, int]]:
        out = []
        for i, text in enumerate(toks.text):
            if text in self.patterns.english_heads and i > 0:
                start = self._name_left(toks, i, lowercase_next=False)
                if start < i:
                    out.append((start, i + 1))
        return out

    def _internal(self, toks: Tokens, start: int, end: int) -> bool:
        """A span whose last word names an internal body, unit, venue or plan."""
        last = toks.text[end - 1]
        low = last.lower()
        if low in self.patterns.heads or low.rstrip("s") in self.patterns.heads:
            return False
        return self.patterns.head_of(last) is None and self.patterns.is_internal(last)

    # -- names the text makes organisations -------------------------------------------------------

    def _recurring(
        self, doc: Doc, toks: Tokens, spans: list[tuple[int, int]], doc_ents: list[Span]
    ) -> list[tuple[int, int]]:
        """Acronyms defined next to an organisation (``... AB (NÖVA)``) and a company's name without its
        form (``Erastos`` after ``Erastos AB``), everywhere in the document."""
        aliases: set[tuple[str, ...]] = set()
        texts = toks.text
        n = len(texts)
        ents = spans + [(e.start, e.end) for e in doc_ents if e.label_ == LABEL]
        for start, end in ents:
            if self.acronyms and end + 2 < n and texts[end] == "(" and texts[end + 2] == ")":
                acronym = texts[end + 1]
                if ACRONYM.match(acronym) and acronym not in self._party_letters:
                    aliases.add((acronym,))
            last = texts[end - 1]
            if end - start >= 2 and any(last in (f[-1], f"{f[-1]}:s") for f in self.patterns.form_after if len(f) == 1):
                name = tuple(texts[start : end - 1])
                if (
                    name
                    and any(c.isupper() for c in name[0][:1])
                    and not (len(name) == 1 and name[0].lower() in FUNCTION_WORDS)
                ):
                    aliases.add(name)
        if not aliases:
            return []
        matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for alias in aliases:
            variants = {
                " ".join(alias),
                " ".join(alias[:-1] + (genitive(alias[-1]),)),
                " ".join(alias[:-1] + (f"{alias[-1]}:s",)),
            }
            matcher.add("ALIAS", [self.nlp.make_doc(text) for text in variants])
        return [(s, e) for _, s, e in matcher(doc)]

    # -- merging ----------------------------------------------------------------------------------

    def merge(self, doc: Doc, found: Iterable[Span]) -> None:
        """Put the rule spans into ``doc.ents``: they replace the entities they overlap; a PERSON's
        parts outside them stay PERSON; unsupported NER ORG entities go (``drop_unsupported``)."""
        self._merge(doc, list(found), list(doc.ents))

    def _merge(self, doc: Doc, found: list[Span], ents: list[Span]) -> None:
        toks = tokens(doc)
        texts = toks.text
        owner = [-1] * len(doc)
        for k, span in enumerate(found):
            for i in range(span.start, span.end):
                owner[i] = k
        kept: list[Span] = list(found)
        counts: dict[str, int] = {}
        for ent in ents:
            if ent.label_ == LABEL:
                text = toks.span_text(ent.start, ent.end)
                counts[text] = counts.get(text, 0) + 1
        recurring = {text for text, n in counts.items() if n >= 2}
        for ent in ents:
            covered = [i for i in range(ent.start, ent.end) if owner[i] >= 0]
            if not covered:
                if ent.label_ == LABEL and self.drop_unsupported and not self._supported(toks, ent, recurring):
                    continue
                kept.append(ent)
                continue
            if ent.label_ != "PERSON":
                continue
            for a, b in ((ent.start, min(covered)), (max(covered) + 1, ent.end)):
                while a < b and not _is_cap(texts[a]):
                    a += 1
                while b > a and not texts[b - 1][:1].isalpha():
                    b -= 1
                if b > a:
                    kept.append(Span(doc, a, b, label="PERSON"))
        merged = sorted(longest_first(kept, lambda s: (s.start, s.end)), key=lambda s: s.start)
        if not same_ents(doc, merged, ents):
            doc.ents = merged

    def supported(self, ent: Span, recurring: Iterable[str] = ()) -> bool:
        """Is an ORG entity of the NER (that no rule found) plausible? Not when one of its words names
        an internal body, unit or venue (``Naturbruksgymnasiet i Kalix``), when it holds a property or
        page number (``Malmberget 2:11``, ``Sid 312``), when it is party letters, or when it is one word:
        a single word or acronym the rules do not know is as often a heading word, a place or a plan
        (``Möten``, ``Fageråsen``, ``EVP``) as an organisation, unless the NER marks it again elsewhere
        in the document, inside a sentence (``FoodEvolution``, ``NSR``)."""
        return self._supported(tokens(ent.doc), ent, recurring)

    def _supported(self, toks: Tokens, ent: Span, recurring: Iterable[str]) -> bool:
        words = [t for t in toks.text[ent.start : ent.end] if not t.isspace()]
        if len(words) < 2:
            text = words[0] if words else ""
            genitive = text.endswith("s") and not ACRONYM.match(text[:-1])  # Traryds, Justerarens: a place's or role's
            return (
                text in recurring
                and not genitive
                and text not in self._party_letters
                and not sentence_initial(toks, ent.start)
                and not self.patterns.is_internal(text)
            )
        for text in words:
            if self.patterns.head_of(text) is None and self.patterns.is_internal(text):
                return False
            if any(c.isdigit() for c in text):
                return False
        return not all(t in self._party_letters for t in words)


@functools.lru_cache(maxsize=8)
def _forms_by_first_word(forms: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The forms that can start at a word, keyed by that word, each list in the order of ``forms``
    (a one-word form also under its genitives): one look-up per token instead of a test per form."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        firsts = (form[0],) if len(form) > 1 else (form[0], f"{form[0]}:s", f"{form[0]}s")
        for first in dict.fromkeys(firsts):
            index.setdefault(first, []).append(form)
    return {word: tuple(found) for word, found in index.items()}
