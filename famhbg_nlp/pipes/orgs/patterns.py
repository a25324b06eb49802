"""What makes a span an organisation, read from the lexicon (``org_words.tsv``, ``organisations.tsv``).

The closed classes here are token shapes; every word list is data in :mod:`famhbg_nlp.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon import org_words, organisations

#: Words that may stand inside a name between its capitalised words (``Vatten & Avfall i Malung-Sälen
#: AB``, ``Sveriges Kommuner och Regioner``, ``International Cities of Refuge Network``).
CONNECTORS: frozenset[str] = frozenset(
    {"och", "&", "i", "för", "på", "av", "de", "-", "of", "and", "for", "the", "Of", "And", "For", "The"}
)

#: Capitalised words that open sentences and headings but never a name (``Att``, ``Enligt``).
FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "att",
        "det",
        "den",
        "de",
        "detta",
        "dessa",
        "denna",
        "som",
        "och",
        "eller",
        "samt",
        "enligt",
        "från",
        "till",
        "för",
        "med",
        "om",
        "inom",
        "under",
        "efter",
        "vid",
        "i",
        "på",
        "av",
        "ett",
        "en",
        "hos",
        "mellan",
        "genom",
        "inför",
        "utan",
        "mot",
        "även",
        "också",
        "dock",
        "men",
        "när",
        "där",
        "här",
        "nu",
        "då",
        "så",
        "vi",
        "ni",
        "han",
        "hon",
        "man",
        "bolaget",
        "beslut",
        "beslutet",
        "ärende",
        "ärendet",
        "information",
        "ordförande",
        "förslag",
        "yrkande",
        "kommunen",
        "kommunstyrelsen",
        "styrelsen",
        "nämnden",
        "ledamot",
        "ersättare",
        "firman",
        "företaget",
        "bolagen",
        "föreningen",
        "stiftelsen",
        "avtal",
        "avtalet",
        "sekreterare",
        "justerare",
        "närvarande",
        "övriga",
        "via",
        "ang",
        "angående",
        "avseende",
        "bilaga",
    }
)

#: Tokens that end a name chain (punctuation; ``&`` and ``-`` are connectors).
STOP = re.compile(r"^[^\w&-]+$")
#: A token that is all capitals and letters (an acronym: ``NÖVA``, ``SKR``, ``LKAB``), 2-8 long.
ACRONYM = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9&]{1,7}$")
#: A genitive ending of an acronym or name written with a colon or apostrophe (``AB:s``, ``SKR:s``).
GENITIVE = re.compile(r"(?::s|'s|’s|s)$")


@dataclass(frozen=True)
class OrgPatterns:
    """The lexicon's organisation words, by kind, ready for token lookups."""

    form_after: tuple[tuple[str, ...], ...]
    form_before: dict[str, tuple[str, ...]]
    heads: tuple[str, ...]
    mid_heads: frozenset[str]
    head_words: frozenset[str]
    head_word_sequences: tuple[tuple[str, ...], ...]
    club_after: frozenset[str]
    club_before: frozenset[str]
    english_heads: frozenset[str]
    internal: tuple[str, ...]
    names: tuple[tuple[str, str, str], ...] = field(default=())  # (written form, kind, case)

    @classmethod
    def packaged(cls) -> OrgPatterns:
        words = org_words()
        heads = sorted({w.word.lower() for w in words["head"]}, key=lambda h: (-len(h), h))
        head_words = [tuple(w.word.split()) for w in words["head_word"]]
        names: list[tuple[str, str, str]] = []
        for org in organisations():
            for written in org.names:
                names.append((written, org.kind, org.case))
        return cls(
            form_after=tuple(sorted({tuple(w.word.split()) for w in words["form_after"]}, key=lambda t: (-len(t), t))),
            form_before={w.word: w.joins for w in words["form_before"]},
            heads=tuple(heads),
            mid_heads=frozenset(w.word.lower() for w in words["head"] if "mid" in w.joins),
            head_words=frozenset(t[0] for t in head_words if len(t) == 1),
            head_word_sequences=tuple(t for t in head_words if len(t) > 1),
            club_after=frozenset(w.word for w in words["club_after"]),
            club_before=frozenset(w.word for w in words["club_before"]),
            english_heads=frozenset(w.word for w in words["english_head"]),
            internal=tuple(sorted({w.word.lower() for w in words["internal"]}, key=lambda h: (-len(h), h))),
            names=tuple(names),
        )

    def to_json(self) -> dict:
        """Every list as JSON (saved with a pipeline)."""
        return {
            "form_after": [list(f) for f in self.form_after],
            "form_before": {word: list(joins) for word, joins in self.form_before.items()},
            "heads": list(self.heads),
            "mid_heads": sorted(self.mid_heads),
            "head_words": sorted(self.head_words),
            "head_word_sequences": [list(t) for t in self.head_word_sequences],
            "club_after": sorted(self.club_after),
            "club_before": sorted(self.club_before),
            "english_heads": sorted(self.english_heads),
            "internal": list(self.internal),
            "names": [list(n) for n in self.names],
        }

    @classmethod
    def from_json(cls, data: dict) -> OrgPatterns:
        return cls(
            form_after=tuple(tuple(f) for f in data["form_after"]),
            form_before={word: tuple(joins) for word, joins in data["form_before"].items()},
            heads=tuple(data["heads"]),
            mid_heads=frozenset(data["mid_heads"]),
            head_words=frozenset(data["head_words"]),
            head_word_sequences=tuple(tuple(t) for t in data["head_word_sequences"]),
            club_after=frozenset(data["club_after"]),
            club_before=frozenset(data["club_before"]),
            english_heads=frozenset(data["english_heads"]),
            internal=tuple(data["internal"]),
            names=tuple((n[0], n[1], n[2]) for n in data["names"]),
        )

    def head_of(self, word: str) -> str | None:
        """The organisation head a compound ends in (``Sjuhärads samordningsförbund`` -> ``samordningsförbund``),
        if the word is longer than the head; its genitive counts (``förbundets``)."""
        low = word.lower()
        for stem in (low, low[:-1] if low.endswith("s") else None):
            if stem is None:
                continue
            for head in self.heads:
                if stem.endswith(head) and len(stem) >= len(head) + 3:
                    return head
        return None

    def is_internal(self, word: str) -> bool:
        """Does ``word`` name an internal body, unit, venue or plan (``Kommunstyrelsen``, ``Brännaskolan``)?"""
        low = word.lower()
        internal = tuple(self.internal)
        return low.endswith(internal) or (low.endswith("s") and low[:-1].endswith(internal))
