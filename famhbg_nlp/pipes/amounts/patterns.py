"""Regex building blocks of money amounts, as data.

Group names carry the value: a unit group ``unit_tkr`` multiplies by 1 000
(:data:`MULTIPLIERS`); a number group says how the number is written
(``grouped``: thousands grouped by a space or a period; ``plain``: digits only,
with ``decimals`` after a decimal comma or ``point_decimals`` after an
English decimal point; ``words``: a number word).

Two compiled patterns are built from the same blocks: :data:`AMOUNT_RE` finds
whole amounts in running text (and full-matches one amount in
:func:`~famhbg_nlp.pipes.amounts.value.parse_amount`), while :data:`NUMBER_RE`
and :data:`UNIT_RE` read the value of the parts it captured.
"""

from __future__ import annotations

import bisect
import re

from ...lexicon import money_units, number_words
from ...lexicon.vocabulary import unit_pattern

#: One thousands separator: space, no-break space, thin space, narrow no-break space.
SPACE_SEP = "[ \u00a0\u2009\u202f]"
#: Horizontal whitespace (any whitespace but a line break).
HS = r"[^\S\n]"
#: Longest integer part read as an amount, in digits (15 digits: 10^15 is more money than
#: any Swedish minutes mention). Longer digit runs are ids or run-together table cells, and
#: the cap keeps ``int()`` far below Python's string-conversion limit.
MAX_INT_DIGITS = 15
#: Longest fraction after a decimal comma.
MAX_DECIMALS = 9

# ---------------------------------------------------------------------------- numbers

#: Digits grouped in thousands by spaces (``700 000``) or periods (``200.000``); up to 15 digits.
#: A leading zero is never the start of a grouped number, so ``000 kr`` inside ``1 000 kr``
#: cannot match on its own.
GROUPED_SPACE = rf"[1-9]\d{{0,2}}(?:{SPACE_SEP}\d{{3}}){{1,4}}"
GROUPED_PERIOD = r"[1-9]\d{0,2}(?:\.\d{3}){1,4}"
PLAIN = rf"(?:[1-9]\d{{0,{MAX_INT_DIGITS - 1}}}|0)"
DECIMALS = rf",\d{{1,{MAX_DECIMALS}}}"
#: An English decimal point: only after ungrouped digits and with one or two decimals
#: (``1.5 mkr``); a period before exactly three digits groups thousands (``200.000``).
#: A colon before two digits is the Swedish kronor:öre notation (``12:50 kr``, ``6:25 kronor``).
POINT_DECIMALS = r"[.:]\d{1,2}"

#: A number as written in digits (no capture groups: used inside larger patterns).
NUMBER = (
    rf"(?:(?:{GROUPED_SPACE}|{GROUPED_PERIOD})(?:{DECIMALS})?"
    rf"|{PLAIN}(?:{DECIMALS}|{POINT_DECIMALS})?)(?!\d)"
)

#: Number words read before a unit that takes them (``tre miljoner kronor``, ``tio kronor``,
#: ``tvåhundrafemtio tusen kronor``); the lexicon builds compounds up to 999. Digits are what
#: minutes mostly use; these cover prose. In running text a word is matched by shape (:data:`WORD`)
#: and looked up in this table, so the pattern stays small.
NUMBER_WORDS: dict[str, int] = number_words()
#: A candidate number word (checked against :data:`NUMBER_WORDS` after matching).
WORD = r"[^\W\d_]{2,30}"
#: ``tre``, ``två och en halv``, ``en halv``.
NUMBER_IN_WORDS = rf"(?:{WORD}(?:{HS}+och{HS}+en{HS}+halv)?|en{HS}+halv)"

#: The parts of a number, named by how they are written (for reading a captured number).
NUMBER_RE = re.compile(
    rf"(?P<grouped>{GROUPED_SPACE}|{GROUPED_PERIOD})(?:,(?P<grouped_decimals>\d{{1,{MAX_DECIMALS}}}))?"
    rf"|(?P<plain>{PLAIN})(?:,(?P<decimals>\d{{1,{MAX_DECIMALS}}})|[.:](?P<point_decimals>\d{{1,2}}))?"
    rf"|(?P<words>en{HS}+halv|{WORD})(?P<and_a_half>{HS}+och{HS}+en{HS}+halv)?",
    re.IGNORECASE,
)

# ------------------------------------------------------------------------------ units

#: Group name of the units of each multiplier (looked up in :data:`MULTIPLIERS`).
UNIT_GROUPS: dict[int, str] = {
    1_000_000_000: "unit_mdkr",
    1_000_000: "unit_mkr",
    1_000: "unit_tkr",
    1: "unit_kr",
}
MULTIPLIERS: dict[str, int] = {name: multiplier for multiplier, name in UNIT_GROUPS.items()}

_UNITS = money_units()


def _alternation(units) -> str:
    """Longest spelling first, so that a shorter one never wins over the full unit."""
    patterns = sorted({unit_pattern(u, space=HS, kronor=KRONOR) for u in units}, key=lambda rx: (-len(rx), rx))
    return "|".join(patterns)


#: The word for the currency itself (``kr``, ``kronor``, ``svenska kronor``, ``SEK`` in capitals
#: only: lower-case ``sek`` is seconds). Other countries' ``norska kronor`` do not match.
KRONOR = (
    "(?:"
    + "|".join(
        unit_pattern(u, space=HS, kronor="") for u in sorted(_UNITS, key=lambda u: -len(u.form)) if u.kind == "currency"
    )
    + ")"
)

#: Units, from the largest, as ``group name -> regex``, from the lexicon's ``money_units.tsv``;
#: matched case-insensitively except the spellings marked exact (``SEK``, ``T kr``).
UNITS: dict[str, str] = {
    name: _alternation(u for u in _UNITS if u.multiplier == multiplier) for multiplier, name in UNIT_GROUPS.items()
}
# ``25 000:-`` / ``500,-`` is Swedish price notation for whole kronor: the ``:-`` is the unit.
UNITS["unit_kr"] += rf"|[:,]-(?:{HS}*{KRONOR}(?!\w))?"

#: Units that a number in words may stand before (``tre miljoner kronor``, ``tio kronor``).
WORD_UNITS: tuple[str, ...] = tuple(
    unit_pattern(u, space=HS, kronor=KRONOR) for u in sorted(_UNITS, key=lambda u: -len(u.form)) if u.after_words
)

#: Units that may stand before the number (``SEK 500 000``, ``kr 5 000``).
UNITS_FIRST = r"(?:kr|(?-i:SEK))"

UNIT = "(?:" + "|".join(f"(?:{rx})" for rx in UNITS.values()) + ")"
UNIT_RE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in UNITS.items()), re.IGNORECASE)

# ---------------------------------------------------------------------------- amounts

#: Where an amount may start: not inside a word or a number (``x700``, ``1.500``, ``2020-11-27 500``
#: must not start at the ``500`` after the date's last digit). A sign or bullet before it
#: (``- 300 tkr``) is allowed and stays outside the span.
BEFORE = r"(?<![\w.,:/])(?<!\d[-–])"
#: Between a number and its unit: spaces, at most one line break (text extracted from PDFs).
GAP = rf"{HS}*(?:\n{HS}*)?"

#: An amount in running text. Group names: ``low``/``high``/``range_unit`` for a range
#: (``100-200 tkr``), ``number``/``unit`` for a number and its unit, ``words``/``word_unit``
#: for a number in words, ``first_unit``/``first_number`` for a unit before its number.
AMOUNT = (
    rf"{BEFORE}(?:"
    rf"(?P<low>{NUMBER})[-–](?P<high>{NUMBER}){HS}*(?P<range_unit>{UNIT})"
    rf"|(?P<number>{NUMBER}){GAP}(?P<unit>{UNIT})"
    rf"|(?P<words>{NUMBER_IN_WORDS}){HS}+(?P<word_unit>{'|'.join(WORD_UNITS)})"
    rf")(?!\w)"
    rf"|{BEFORE}(?<!-)(?P<first_unit>{UNITS_FIRST}){HS}+(?P<first_number>{NUMBER})(?![\w]|[.,]\d)"
)
AMOUNT_RE = re.compile(AMOUNT, re.IGNORECASE)

# ------------------------------------------------------------------ where an amount can start

#: Every amount starts with a digit (a number), with a unit written first, or with a number word that
#: a word unit follows: the search tries those places only (:func:`search_amount`), not every
#: position of the text (where the number-word form tries every word).
_DIGIT_RUN = re.compile(r"[0-9]+")
_UNIT_FIRST_AT = re.compile(rf"(?:{UNITS_FIRST})(?={HS})", re.IGNORECASE)


def _word_unit_heads() -> re.Pattern[str] | None:
    """A space and the letters a word unit starts with (``miljoner``, ``kronor`` ...: the unit after its
    number word), or ``None`` when one starts otherwise (then every word is a candidate). The space
    comes first, so that the search skips to the spaces of the text."""
    heads = []
    for rx in WORD_UNITS:
        head = re.match(r"[^\W\d_]+", rx)
        if head is None:
            return None
        heads.append(head.group())
    return re.compile(rf"{HS}(?i:{'|'.join(sorted(set(heads), key=lambda h: (-len(h), h)))})")


_WORD_UNIT_HEAD = _word_unit_heads()
#: In the reversed text: the spaces before a word unit (or a word) and the word before them.
_WORD_BEHIND = re.compile(rf"{HS}+([^\W\d_]+)")
_ANY_WORD = re.compile(r"[^\W\d_]+")
#: Words before a word unit where a number in words can start (``tre``, ``två och en halv``, ``en halv``).
_WORDS_BEFORE_UNIT = 4


def amount_starts(text: str) -> list[int]:
    """Positions, in order, that include every position where :data:`AMOUNT_RE` can match in ``text``."""
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    starts += [m.start() for m in _UNIT_FIRST_AT.finditer(text)]
    if _WORD_UNIT_HEAD is None:
        starts += [m.start() for m in _ANY_WORD.finditer(text)]
    else:
        reverse = None
        for unit in _WORD_UNIT_HEAD.finditer(text):
            if reverse is None:
                reverse = text[::-1]
            pos = len(text) - unit.start() - 1  # the space before the unit
            for _ in range(_WORDS_BEFORE_UNIT):
                word = _WORD_BEHIND.match(reverse, pos)
                if word is None:
                    break
                starts.append(len(text) - word.end(1))
                pos = word.end()
    return sorted(set(starts))


def search_amount(text: str, pos: int, starts: list[int]) -> re.Match[str] | None:
    """``AMOUNT_RE.search(text, pos)``, trying only ``starts`` (of :func:`amount_starts`)."""
    match = AMOUNT_RE.match
    for k in range(bisect.bisect_left(starts, pos), len(starts)):
        found = match(text, starts[k])
        if found is not None:
            return found
    return None


#: A year written without separators (a candidate for a column heading, ``Budget 2021 tkr``).
YEAR_RE = re.compile(r"(?:19|20)\d\d")
#: The word right before a match (up to three non-word characters between, same line).
WORD_BEFORE_RE = re.compile(r"(?P<word>\w+)[^\w\n]{0,3}$")
