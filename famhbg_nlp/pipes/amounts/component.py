"""The amounts rule component: sums of money with their value in whole kronor.

Spans follow the annotation scheme: the number and its unit only (``knappt 700 000 kr.``
-> ``700 000 kr``; ``85 tkr/år`` -> ``85 tkr``). A sign or bullet before the number is
outside the span and values are never negative. A regex match that does not align with
the tokens is skipped, and the search goes on from the next character, so one odd token
never hides a later amount.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...defaults import AMOUNTS_RANGES, AMOUNTS_UNIT_FIRST, DROP_UNVALUED
from ...resources import read_tsv
from ...serialization import TableKnowledge
from ..base import RuleComponent, doc_text
from .patterns import WORD_BEFORE_RE, YEAR_RE, amount_starts, search_amount
from .value import Amount, amount_of_match, parse_amount

#: Packaged table of known false positives (see its header for the kinds).
FALSE_POSITIVES = ("famhbg_nlp.pipes.amounts", "false_positives.tsv")
#: File written by :meth:`AmountsComponent.to_disk`.
DISK_FILE = "year_headings.json"


def packaged_year_headings() -> list[str]:
    """Words that make a following year a column heading (``Budget 2021 tkr``)."""
    rows = read_tsv(*FALSE_POSITIVES)
    return sorted({row["text"].strip().lower() for row in rows if row["kind"] == "year_heading"})


class AmountsComponent(TableKnowledge, RuleComponent):
    """Finds AMOUNT spans and reads their value; see :mod:`.value` for the reading rules. What it
    knows is the words that make a year a column heading, saved with the pipeline."""

    label = "AMOUNT"
    table_files = (DISK_FILE,)

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        policy: str,
        drop_unvalued: bool = DROP_UNVALUED,
        ranges: bool = AMOUNTS_RANGES,
        unit_first: bool = AMOUNTS_UNIT_FIRST,
    ) -> None:
        super().__init__(nlp, name, policy=policy, drop_unvalued=drop_unvalued)
        self.ranges = ranges
        self.unit_first = unit_first

    @property
    def year_headings(self) -> frozenset[str]:
        self.ensure_tables()
        return self._year_headings

    @year_headings.setter
    def year_headings(self, words: Iterable[str]) -> None:
        self.load_tables({DISK_FILE: json.dumps(sorted(words), ensure_ascii=False)})

    def _packaged_tables(self) -> dict[str, str]:
        return {DISK_FILE: json.dumps(packaged_year_headings(), ensure_ascii=False)}

    def _dump_tables(self) -> dict[str, str]:
        return {DISK_FILE: json.dumps(sorted(self._year_headings), ensure_ascii=False)}

    def _load_from_tables(self, tables: Mapping[str, str]) -> None:
        self._year_headings = frozenset(json.loads(tables[DISK_FILE]))

    # ------------------------------------------------------------------ finding

    def find(self, doc: Doc, **kwargs: Any) -> Iterator[tuple[Span, Amount | None]]:
        text = doc_text(doc)
        starts = amount_starts(text)
        pos = 0
        while True:
            match = search_amount(text, pos, starts)
            if match is None:
                return
            span = doc.char_span(match.start(), match.end(), label=self.label, alignment_mode="strict")
            if span is None:
                # not on token boundaries: try again one character on (lookbehinds keep
                # the retry from starting inside the same number)
                pos = match.start() + 1
                continue
            pos = match.end()
            if self._rejected(match, text):
                continue
            amount = amount_of_match(match)
            if amount is None and match["low"] is None:
                continue  # kronor and öre, or a word that is no number: not a sum in whole kronor
            yield span, amount

    def _rejected(self, match, text: str) -> bool:
        """Whether a match is a known false positive or a form switched off in the config."""
        if match["low"] is not None:
            return not self.ranges
        if match["words"] is not None and any(c.isupper() for c in match["word_unit"].replace("SEK", "")):
            return True  # a name (``Tre Kronor``), not a sum written in words
        if match["first_number"] is not None:
            return not self.unit_first or YEAR_RE.fullmatch(match["first_number"]) is not None
        if match["number"] is not None and YEAR_RE.fullmatch(match["number"]):
            before = WORD_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
            return before is not None and before["word"].lower() in self.year_headings
        return False

    def value_of(self, span: Span, **kwargs: Any) -> Amount | None:
        """The value of an AMOUNT proposed by the NER: its whole text must be one amount."""
        return parse_amount(span.text)
