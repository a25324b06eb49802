"""Loaders of the general vocabulary: months, weekdays, money units, number words, parties,
conjunctions, municipality words, localities."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..resources import read_tsv

#: The package that holds the TSV files.
DATA = "famhbg_nlp.lexicon.data"


def _split(cell: str | None) -> tuple[str, ...]:
    """``a|b`` -> ``("a", "b")``; an empty cell -> ``()``."""
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


@cache
def months() -> dict[int, tuple[str, ...]]:
    """Month number -> its name and abbreviations, longest first (``3 -> ("mars", "mar")``)."""
    return {int(row["number"]): (row["name"], *_split(row["abbreviations"])) for row in read_tsv(DATA, "months.tsv")}


@cache
def weekdays() -> tuple[str, ...]:
    """Day names, Monday first, without the definite ``-en``."""
    return tuple(row["name"] for row in read_tsv(DATA, "weekdays.tsv"))


@dataclass(frozen=True)
class MoneyUnit:
    """One spelling of a money unit (see the header of ``money_units.tsv`` for the form syntax)."""

    form: str
    kind: str  # "currency" or "unit"
    multiplier: int
    exact_case: bool
    after_words: bool  # a number written in words may come before it


@cache
def money_units() -> tuple[MoneyUnit, ...]:
    """Every unit spelling, in file order (currencies first, then units from the smallest)."""
    return tuple(
        MoneyUnit(
            form=row["form"],
            kind=row["kind"],
            multiplier=int(row["multiplier"]),
            exact_case=row["case"] == "exact",
            after_words=row["words"] == "yes",
        )
        for row in read_tsv(DATA, "money_units.tsv")
    )


@cache
def number_words() -> dict[str, int]:
    """Swedish number words 1-999 that minutes write before a money unit, with their values.

    Built from ``number_words.tsv``: the words themselves, tens + units (``tjugofem``, ``trettioen``),
    and ``hundra`` after a unit word (``tvåhundra``, ``etthundra``) alone or before tens and units
    (``tvåhundrafemtio``).
    """
    rows = read_tsv(DATA, "number_words.tsv")
    units = {row["word"]: int(row["value"]) for row in rows if row["kind"] == "unit"}
    tens = {row["word"]: int(row["value"]) for row in rows if row["kind"] == "ten"}
    hundred = next(row["word"] for row in rows if row["kind"] == "hundred")
    below_hundred = dict(units) | dict(tens)
    for ten, ten_value in tens.items():
        for unit, unit_value in units.items():
            if unit_value < 10:
                below_hundred[ten + unit] = ten_value + unit_value
    words = dict(below_hundred)
    words[hundred] = 100
    for unit, unit_value in units.items():
        if unit_value < 10:
            hundreds = unit_value * 100
            words[unit + hundred] = hundreds
            for rest, rest_value in below_hundred.items():
                words[unit + hundred + rest] = hundreds + rest_value
    return words


@dataclass(frozen=True)
class Party:
    """A political party: its letters (``S``), name (``Socialdemokraterna``), other names, kind."""

    short: str
    name: str
    kind: str  # riksdag | former | other | letters
    variants: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every other name it is written with."""
        return ((self.name,) if self.name else ()) + self.variants


@cache
def parties() -> tuple[Party, ...]:
    """Every party of ``parties.tsv``, Riksdag parties first."""
    return tuple(
        Party(short=row["short"], name=row["name"] or "", kind=row["kind"], variants=_split(row["variants"]))
        for row in read_tsv(DATA, "parties.tsv")
    )


@cache
def party_letters() -> frozenset[str]:
    """Party letters as written after a name (``S``, ``KD``, ``MP``, ``SPI`` ...)."""
    return frozenset(party.short for party in parties() if party.short)


def unit_pattern(unit: MoneyUnit, *, space: str, kronor: str) -> str:
    """The regex of one unit spelling: a space in the form is ``space`` repeated (one or more),
    ``". "`` a period and optional ``space``, ``{KRONOR}`` the ``kronor`` pattern; exact-case forms
    are wrapped in ``(?-i:...)`` (their ``{KRONOR}`` part keeps its own flags)."""
    parts = []
    for piece in unit.form.replace(". ", ".\0").split("{KRONOR}"):
        text = ""
        for char in piece:
            if char == " ":
                text += f"{space}+"
            elif char == "\0":
                text += f"{space}*"
            else:
                text += "\\." if char == "." else char
        parts.append(f"(?-i:{text})" if unit.exact_case and text else text)
    return kronor.join(parts)


@cache
def localities() -> dict[str, str]:
    """Locality or city district -> the municipality it lies in (``Nödinge`` -> ``Ale``)."""
    return {row["name"]: row["municipality"] for row in read_tsv(DATA, "localities.tsv")}


#: Kinds of ``conjunctions.tsv`` (see its header).
CONJUNCTION_KINDS: tuple[str, ...] = ("list", "hyphen")


@cache
def _conjunctions_by_kind() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {kind: set() for kind in CONJUNCTION_KINDS}
    for row in read_tsv(DATA, "conjunctions.tsv"):
        if row["kind"] not in words:
            raise ValueError(f"conjunctions.tsv: unknown kind {row['kind']!r} of {row['word']!r}.")
        words[row["kind"]].add(row["word"].lower())
    return {kind: frozenset(found) for kind, found in words.items()}


@cache
def conjunctions() -> frozenset[str]:
    """Words and signs that join two items of a list (``Anna Ek och Per Borg``, ``Malmö & Lund``), lower case."""
    return _conjunctions_by_kind()["list"]


@cache
def coordinators() -> frozenset[str]:
    """Words after which a line-end hyphen is Swedish coordination and stays (``Närings- och``,
    ``förskole- till``): the :func:`conjunctions` and the words that coordinate only there."""
    return conjunctions() | _conjunctions_by_kind()["hyphen"]


@cache
def municipality_words() -> tuple[str, ...]:
    """The words an official municipality name ends with (``kommun``, ``stad``), lower case."""
    return tuple(row["word"] for row in read_tsv(DATA, "municipality_words.tsv"))


@cache
def municipality_suffixes() -> frozenset[str]:
    """The words after a municipality's name that belong to its span, with their genitives
    (``kommun``, ``kommuns``, ``stad``, ``stads``), lower case."""
    rows = read_tsv(DATA, "municipality_words.tsv")
    return frozenset(word for row in rows for word in (row["word"], row["genitive"]) if word)
