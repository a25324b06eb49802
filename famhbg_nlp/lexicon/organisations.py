"""Loaders of the organisation knowledge: named organisations and the words that make a name one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..resources import read_tsv
from .vocabulary import DATA, _split

#: Kinds of :func:`org_words` (see the header of ``org_words.tsv``).
ORG_WORD_KINDS: tuple[str, ...] = (
    "form_after",
    "form_before",
    "head",
    "head_word",
    "club_after",
    "club_before",
    "english_head",
    "internal",
)


@dataclass(frozen=True)
class Organisation:
    """A named organisation: its name, other names and acronyms, kind and how it may be written."""

    name: str
    kind: str
    short: tuple[str, ...] = ()
    #: ``"lower"``: also written with a lower-case first letter; ``"ambiguous"``: also a common word
    case: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.short)


@cache
def organisations() -> tuple[Organisation, ...]:
    """The named organisations of ``organisations.tsv`` and the parties of ``parties.tsv`` (by name,
    not by party letters: those stand after person names and are no span)."""
    from .vocabulary import parties

    rows = tuple(
        Organisation(name=row["name"], kind=row["kind"], short=_split(row["short"]), case=row["case"] or "")
        for row in read_tsv(DATA, "organisations.tsv")
    )
    party_rows = tuple(
        Organisation(name=party.name, kind="party", short=party.variants, case="lower")
        for party in parties()
        if party.name
    )
    return rows + party_rows


@dataclass(frozen=True)
class OrgWord:
    """A word of ``org_words.tsv``: the word (maybe several tokens), its kind, the words it joins with."""

    word: str
    kind: str
    joins: tuple[str, ...] = ()


@cache
def org_words() -> dict[str, tuple[OrgWord, ...]]:
    """The words of ``org_words.tsv`` by kind (:data:`ORG_WORD_KINDS`)."""
    words: dict[str, list[OrgWord]] = {kind: [] for kind in ORG_WORD_KINDS}
    for row in read_tsv(DATA, "org_words.tsv"):
        if row["kind"] not in words:
            raise ValueError(f"org_words.tsv: unknown kind {row['kind']!r} of {row['word']!r}.")
        words[row["kind"]].append(OrgWord(word=row["word"], kind=row["kind"], joins=_split(row["joins"])))
    return {kind: tuple(found) for kind, found in words.items()}
