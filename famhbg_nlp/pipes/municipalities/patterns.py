"""Building blocks of municipality matching: written forms of a name and the words of its context.

The names themselves are data (``data/municipalities.tsv``); this module says how a name is
written (space or hyphen in two-part names, capitals; its genitive and official stem are the shared
lexicon's rules) and which neighbouring tokens count as evidence for the ambiguous names of
``data/ambiguous.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon import conjunctions, municipality_suffixes

#: Words that directly follow a name and belong to the span (scheme: ``Båstad Kommun``,
#: ``Helsingborgs Stads``); compared in lower case (the shared lexicon's ``municipality_words.tsv``).
SUFFIXES: frozenset[str] = municipality_suffixes()

#: Words after a name that show it is a municipality but stay outside the span
#: (``Huddinge och Haninge kommuner`` -> ``Huddinge``, ``Haninge``).
PLURAL_CONTEXT: frozenset[str] = frozenset({"kommuner", "kommunerna", "kommunernas", "städer", "städerna"})

#: Tokens before a name that open a list item (``Tomas Rikse, Klippan``).
LIST_OPENERS: frozenset[str] = frozenset({",", ";", "(", "/", "&", "-", "–", "—"})

#: Tokens after a name that close a list item, or a letterhead's place (``Lund, 2024-04-19``).
LIST_CLOSERS: frozenset[str] = frozenset({",", ";", ")", "/", "&", ".", "-", "–", "—"})

#: Conjunctions that join list items on either side (``Malmö och Lund``; the shared lexicon's
#: ``conjunctions.tsv``).
CONJUNCTIONS: frozenset[str] = conjunctions()

#: Place prepositions: ``i Lund``, ``från Mora`` name the place (compared in lower case).
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"i", "från", "inom", "utanför", "mellan", "kring", "runt", "nära"})

#: Compass words that make a following ``om`` a place preposition (``nordväst om Lund``).
DIRECTIONS: frozenset[str] = frozenset(
    {"norr", "söder", "öster", "väster", "nordost", "nordväst", "sydost", "sydväst", "nordöst", "sydöst"}
)

#: Tokens after which a capital letter says nothing (a sentence or heading starts).
SENTENCE_ENDS: frozenset[str] = frozenset({".", "!", "?", ":", "…"})

#: Tokens after a place at a line start that make it a letterhead (``Lund 2024-04-19``, ``Lund den 5 maj``).
DATELINE_WORDS: frozenset[str] = frozenset({"den"})

#: Markup and bullets that neither separate nor join words (``**Lund**``, ``~~Åstorp~~``, ``- Lund``).
MARKUP = re.compile(r"[*_~#>|•·]+")

#: Kinds of ambiguity a name can have in ``data/ambiguous.tsv``.
AMBIGUITY_KINDS: frozenset[str] = frozenset({"word", "person", "region"})

#: How many characters before a name an exclusion pattern may look at.
EXCLUSION_WINDOW = 120

_PARTS = re.compile(r"(?<=\w)[ -](?=[A-ZÅÄÖ])")


def spellings(name: str) -> tuple[str, ...]:
    """A two-part name with a space or a hyphen (``Upplands Väsby``/``Upplands-Väsby``, ``Dals-Ed``/``Dals Ed``)."""
    variants = [name]
    if _PARTS.search(name):
        variants += [_PARTS.sub(" ", name), _PARTS.sub("-", name)]
    return tuple(dict.fromkeys(variants))


@dataclass(frozen=True)
class Exclusion:
    """A known false-positive context: regex left of the name, regex right of it, and why."""

    pattern: str
    reason: str
    left: re.Pattern[str] | None
    right: re.Pattern[str] | None

    @classmethod
    def compile(cls, pattern: str, reason: str = "") -> Exclusion:
        parts = pattern.split("{M}")
        if len(parts) != 2:
            raise ValueError(f"Exclusion pattern {pattern!r} must contain exactly one {{M}} (the name).")
        left, right = parts
        try:
            return cls(
                pattern=pattern,
                reason=reason,
                left=re.compile(f"(?:{left})\\Z") if left else None,
                right=re.compile(right) if right else None,
            )
        except re.error as err:
            raise ValueError(f"Exclusion pattern {pattern!r} is not a valid regular expression: {err}.") from err

    def applies(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``text[start:end]`` stands in this context."""
        if self.left is not None and not self.left.search(text[max(0, start - EXCLUSION_WINDOW) : start]):
            return False
        return self.right is None or self.right.match(text, end) is not None
