"""Swedish vocabulary shared by the components, the protocol parser and the synthetic generator.

One place for what the package knows about Swedish: month and day names, money units and number
words, political parties, organisations (agencies, regions, courts, unions ...), the words that make
a name an organisation's, and localities. Every list is packaged data (``data/*.tsv``, sources in
``data/SOURCE.md``) read once through :mod:`importlib.resources`; the functions here return it as
small typed, immutable values. Nothing is read at import.
"""

from __future__ import annotations

from .organisations import ORG_WORD_KINDS, Organisation, OrgWord, org_words, organisations
from .vocabulary import (
    MoneyUnit,
    Party,
    localities,
    money_units,
    months,
    number_words,
    parties,
    party_letters,
    weekdays,
)

__all__ = [
    "ORG_WORD_KINDS",
    "MoneyUnit",
    "OrgWord",
    "Organisation",
    "localities",
    "org_words",
    "organisations",
    "Party",
    "money_units",
    "months",
    "number_words",
    "parties",
    "party_letters",
    "weekdays",
]
