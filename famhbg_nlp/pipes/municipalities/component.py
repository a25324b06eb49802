"""The municipalities rule component: every written form of Sweden's 290 municipalities.

Candidates come from a case-sensitive ``PhraseMatcher`` over every form of every name
(:meth:`Gazetteer.forms`); a directly following ``kommun``/``kommuns``/``stad``/``stads`` joins
the span. A candidate is dropped in a known false-positive context (``data/exclusions.tsv``:
``Familjen Helsingborg``, ``Högskolan i Kristianstad``, ``Stockholms län`` ...), and a name listed
in ``data/ambiguous.tsv`` (``Vara``, ``Lund``, ``Gotland`` ...) needs evidence beyond its capital
letter (see :func:`_ambiguous_ok`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ...serialization import TableKnowledge
from ...spans import longest_first
from ..base import RuleComponent, tokens
from .gazetteer import TABLE_FILES, Form, Gazetteer, packaged_tables
from .patterns import (
    CONJUNCTIONS,
    DATELINE_WORDS,
    DIRECTIONS,
    EXCLUSION_WINDOW,
    LIST_CLOSERS,
    LIST_OPENERS,
    MARKUP,
    PLACE_PREPOSITIONS,
    PLURAL_CONTEXT,
    SENTENCE_ENDS,
    SUFFIXES,
    Exclusion,
)
from .value import Municipality


class MunicipalitiesComponent(TableKnowledge, RuleComponent):
    """Finds MUNICIPALITY spans; ``span._.municipality`` is the :class:`Municipality` record.
    What it knows is the gazetteer's three tables (:data:`TABLE_FILES`), saved with the pipeline."""

    label = "MUNICIPALITY"
    table_files = TABLE_FILES

    def __init__(self, nlp: Language, name: str, *, policy: str, drop_unvalued: bool, match_uppercase: bool) -> None:
        super().__init__(nlp, name, policy=policy, drop_unvalued=drop_unvalued)
        self.match_uppercase = match_uppercase

    # -- data ---------------------------------------------------------------------------

    @property
    def gazetteer(self) -> Gazetteer:
        self.ensure_tables()
        return self._gazetteer

    def add_municipalities(self, municipalities: Iterable[Municipality | Mapping[str, str]]) -> list[Municipality]:
        """Add records or table rows (``code``, ``name``, optional ``official_name`` ...) to the gazetteer."""
        added = self.gazetteer.add(municipalities)
        self._build()
        return added

    def _packaged_tables(self) -> dict[str, str]:
        return packaged_tables()

    def _dump_tables(self) -> dict[str, str]:
        return self.gazetteer.to_tables()

    def _load_from_tables(self, tables: Mapping[str, str]) -> None:
        self._gazetteer = Gazetteer.from_tables(tables)
        self._build()

    def _build(self) -> None:
        self._forms: dict[str, Form] = self._gazetteer.forms(uppercase=self.match_uppercase)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        texts = list(self._forms)
        for text, pattern in zip(texts, self.nlp.tokenizer.pipe(texts)):  # type: ignore[union-attr]
            self.matcher.add(text, [pattern])
        self._exclusions = tuple(self._gazetteer.exclusions)
        self._excluded = _exclusion_test(self._exclusions)

    # -- matching -----------------------------------------------------------------------

    def find(self, doc: Doc, **kwargs: Any) -> Iterator[tuple[Span, Municipality]]:
        accepted: list[tuple[Span, Municipality]] = []
        strings = self.nlp.vocab.strings
        toks = tokens(doc)
        texts, starts = toks.text, toks.starts
        text = toks.doc_text
        exclusions = tuple(self.gazetteer.exclusions)
        if exclusions != self._exclusions:  # (the gazetteer's list may have changed since)
            self._exclusions, self._excluded = exclusions, _exclusion_test(exclusions)
        excluded = self._excluded
        for match_id, start, end in self.matcher(doc):
            form = self._forms[strings[match_id]]
            has_suffix = end < len(texts) and texts[end].lower() in SUFFIXES  # Token.lower_ is str.lower
            if form.needs_suffix and not has_suffix:
                continue
            if excluded(text, starts[start], starts[end - 1] + len(texts[end - 1])):
                continue
            if form.ambiguity and not _ambiguous_ok(doc, start, end, form.ambiguity, has_suffix):
                continue
            span = Span(doc, start, end + 1 if has_suffix else end, label=self.label)
            accepted.append((span, form.municipality))
        yield from longest_first(
            accepted, lambda item: (item[0].start, item[0].end), rank=lambda item: (-len(item[0]), item[0].start)
        )

    def value_of(self, span: Span, **kwargs: Any) -> Municipality | None:
        """The record of a MUNICIPALITY span proposed by the NER (``Helsingborgs Stads``), or ``None``."""
        return self.gazetteer.lookup(span.text)


def _exclusion_test(exclusions: Iterable[Exclusion]) -> Callable[[str, int, int], bool]:
    """``any(ex.applies(text, start, end) for ex in exclusions)``, with the contexts on one side joined
    into one regex (one search of the window before a name, one match after it, instead of one per
    exclusion)."""
    exclusions = list(exclusions)
    lefts = [ex for ex in exclusions if ex.left is not None and ex.right is None]
    rights = [ex for ex in exclusions if ex.right is not None and ex.left is None]
    both = [ex for ex in exclusions if ex.left is not None and ex.right is not None]
    try:
        left = re.compile("|".join(f"(?:{ex.left.pattern})" for ex in lefts)) if lefts else None  # type: ignore[union-attr]
        right = re.compile("|".join(f"(?:{ex.right.pattern})" for ex in rights)) if rights else None  # type: ignore[union-attr]
    except re.error:  # patterns that cannot be joined (a global flag): one by one
        return lambda text, start, end: any(ex.applies(text, start, end) for ex in exclusions)

    def excluded(text: str, start: int, end: int) -> bool:
        if left is not None and left.search(text[max(0, start - EXCLUSION_WINDOW) : start]):
            return True
        if right is not None and right.match(text, end):
            return True
        return any(ex.applies(text, start, end) for ex in both)

    return excluded


# -- context of an ambiguous name ------------------------------------------------------


def _transparent(token: Token) -> bool:
    return token.is_space or MARKUP.fullmatch(token.text) is not None


def _neighbour(doc: Doc, i: int, step: int) -> Token | None:
    """The nearest non-markup token from ``i`` in direction ``step`` on the same line, or ``None``."""
    j = i + step
    while 0 <= j < len(doc) and _transparent(doc[j]):
        j += step
    if not 0 <= j < len(doc):
        return None
    lo, hi = (j, i) if step < 0 else (i, j)
    between = doc[lo].whitespace_ + doc[lo + 1 : hi].text_with_ws
    return None if "\n" in between else doc[j]


def _name_like(token: Token | None) -> bool:
    return token is not None and token.is_alpha and token.text[0].isupper() and not token.is_upper


def _ambiguous_ok(doc: Doc, start: int, end: int, kinds: frozenset[str], has_suffix: bool) -> bool:
    """Whether an ambiguous name at ``doc[start:end]`` has the evidence its kinds need.

    Evidence: ``kommun``/``stad`` after it, or ``kommuner`` (``Vara och Ale kommuner``); a list
    item (``Per Borg, Lund`` / ``Malmö och Lund.``) or letterhead (``Lund 2024-04-19``); a place
    preposition (``i Lund``). A person name (``Anna Lund``, ``Nora Svensson``) is vetoed by a
    name-like word next to it; a common word is also accepted when capitalised mid-sentence.
    """
    if has_suffix:
        return True
    text = doc[start:end].text
    if text.isupper():
        return False  # VARA, EDA: capitals say nothing
    prev, nxt = _neighbour(doc, start, -1), _neighbour(doc, end - 1, 1)
    prev_text, next_text = (prev.lower_ if prev is not None else None), (nxt.lower_ if nxt is not None else None)
    if next_text in PLURAL_CONTEXT:
        return True
    line_start = prev is None
    # a conjunction joins list items only between names: "Malmö och Lund", not "Mark och exploatering"
    opens = (
        line_start
        or prev_text in LIST_OPENERS
        or (prev is not None and prev_text in CONJUNCTIONS and _name_like(_neighbour(doc, prev.i, -1)))
    )
    closes = (
        nxt is None
        or next_text in LIST_CLOSERS
        or (next_text in CONJUNCTIONS and _name_like(_neighbour(doc, nxt.i, 1)))
        or (line_start and (nxt.text[:1].isdigit() or next_text in DATELINE_WORDS))
    )
    listed = opens and closes
    preposition = prev_text in PLACE_PREPOSITIONS or (
        prev is not None
        and prev_text == "om"
        and (before := _neighbour(doc, prev.i, -1)) is not None
        and before.lower_ in DIRECTIONS
    )
    if "region" in kinds:
        return listed
    if "person" in kinds:
        vetoed = (_name_like(prev) and not preposition) or (_name_like(nxt) and next_text not in SUFFIXES)
        return not vetoed and (listed or preposition)
    # "word": a capital letter away from a sentence start is evidence too
    mid_sentence = prev is not None and prev_text not in SENTENCE_ENDS and not prev.like_num
    return listed or preposition or mid_sentence
