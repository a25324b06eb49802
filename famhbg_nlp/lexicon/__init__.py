"""Swedish vocabulary shared by the components, the protocol parser and the synthetic generator.

One place for what the package knows about Swedish: month and day names, money units and number
words, political parties, organisations (agencies, regions, courts, unions ...), the words that make
a name an organisation's, conjunctions, the words of a municipality's name, localities, and the
rules of a name's forms (genitive, official stem). Every list is packaged data (``data/*.tsv``, sources in
``data/SOURCE.md``) read once through :mod:`importlib.resources`; the functions here return it as
small typed, immutable values. Nothing is read at import.
"""

from __future__ import annotations

from .grammar import SIBILANTS, genitive, genitives, official_stem
from .organisations import ORG_WORD_KINDS, Organisation, OrgWord, org_words, organisations
from .vocabulary import (
    CONJUNCTION_KINDS,
    MoneyUnit,
    Party,
    conjunctions,
    coordinators,
    localities,
    money_units,
    months,
    municipality_suffixes,
    municipality_words,
    number_words,
    parties,
    party_letters,
    weekdays,
)

__all__ = [
    "CONJUNCTION_KINDS",
    "ORG_WORD_KINDS",
    "SIBILANTS",
    "MoneyUnit",
    "OrgWord",
    "Organisation",
    "conjunctions",
    "coordinators",
    "genitive",
    "genitives",
    "localities",
    "org_words",
    "organisations",
    "Party",
    "money_units",
    "months",
    "municipality_suffixes",
    "municipality_words",
    "number_words",
    "official_stem",
    "parties",
    "party_letters",
    "weekdays",
]
