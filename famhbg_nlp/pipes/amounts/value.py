"""The typed value of an AMOUNT and the parser shared by the rules and the NER.

Reading rules (annotation scheme, AMOUNT):

* ``tkr``/``kkr``/``tusen kronor`` x 1 000, ``mkr``/``mnkr``/``MSEK``/``miljoner kronor``
  x 1 000 000, ``mdkr``/``miljarder kronor`` x 1 000 000 000; ``kr``/``kronor``/``SEK``/``:-`` x 1.
* A space, no-break space, thin space or a period before exactly three digits groups
  thousands; a comma is the decimal mark (``1,5 mnkr`` -> 1 500 000).
* A period before one or two digits after ungrouped digits is read as an English decimal
  point (``1.5 mkr`` -> 1 500 000): no thousands reading exists for it, and such text is
  copied from English-style sources often enough to matter. A colon before two digits is
  the Swedish kronor:öre notation (``12:50 kr``, no whole kronor: no amount).
* ``SEK`` counts only in capitals (``sek`` is seconds); ``svenska kronor`` is kronor,
  ``norska kronor`` and other currencies are not amounts in the scheme's sense.
* Kronor and öre (``21,35 kronor``, ``12:50 kr``) are no amount: the scheme's values are whole kronor
  and such figures are rates (v1.1); ``21,00 kr`` is 21. A multiple of kronor is rounded to whole
  kronor, half up (``1,2345 tkr`` -> 1235).
* A number in words needs a unit that takes words (``tre miljoner kronor``, ``tio kronor``, not
  ``tre mkr``) and must be a Swedish number word (``flera miljoner kronor`` is none).
* A range (``100-200 tkr``) has no single value: :func:`parse_amount` returns ``None``.
* No cap on the value: the number is read as written (``99999999999999 mdkr`` is an int);
  the integer part is capped at 15 digits instead (see ``patterns.MAX_INT_DIGITS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .patterns import AMOUNT_RE, MULTIPLIERS, NUMBER_RE, NUMBER_WORDS, UNIT_RE

_SEPARATORS = re.compile(r"[^\d]")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Amount:
    """A sum of money: its value in whole kronor and how it was written."""

    kronor: int
    #: The number as written (``"1,5"``, ``"700 000"``, ``"två"``).
    number: str
    #: The unit as written (``"mnkr"``, ``"miljoner kronor"``, ``":-"``).
    unit: str
    #: Kronor per unit (1, 1 000, 1 000 000 or 1 000 000 000).
    multiplier: int = 1

    def to_json(self) -> int:
        """The scheme value: whole kronor."""
        return self.kronor


def parse_number(text: str) -> Decimal | None:
    """The value of a number written in digits or words (``"1 500"``, ``"1,5"``, ``"tre"``)."""
    match = NUMBER_RE.fullmatch(text.strip())
    if match is None:
        return None
    if match["grouped"] is not None:
        digits = _SEPARATORS.sub("", match["grouped"])
        decimals = match["grouped_decimals"]
    elif match["plain"] is not None:
        digits = match["plain"]
        decimals = match["decimals"] or match["point_decimals"]
    else:
        words = _WS.sub(" ", match["words"].lower())
        if words != "en halv" and words not in NUMBER_WORDS:
            return None  # a word of the right shape that is no number (``flera miljoner kronor``)
        value = Decimal("0.5") if words == "en halv" else Decimal(NUMBER_WORDS[words])
        return value + Decimal("0.5") if match["and_a_half"] else value
    return Decimal(f"{digits}.{decimals}") if decimals else Decimal(digits)


def unit_multiplier(text: str) -> int | None:
    """Kronor per ``text`` (``"tkr"`` -> 1000), or ``None`` if it is not a money unit."""
    match = UNIT_RE.fullmatch(text.strip())
    if match is None:
        return None
    return MULTIPLIERS[match.lastgroup] if match.lastgroup else None


def make_amount(number: str, unit: str) -> Amount | None:
    """An :class:`Amount` from a number and a unit as written, or ``None`` if either is unreadable."""
    value = parse_number(number)
    multiplier = unit_multiplier(unit)
    if value is None or multiplier is None:
        return None
    if multiplier == 1 and value != value.to_integral_value():
        return None  # kronor and öre (``skattesats 21,35 kronor``): a rate, not a sum in whole kronor
    kronor = int((value * multiplier).to_integral_value(rounding=ROUND_HALF_UP))
    return Amount(kronor=kronor, number=number, unit=unit, multiplier=multiplier)


def amount_of_match(match: re.Match[str]) -> Amount | None:
    """The value of a match of :data:`~.patterns.AMOUNT_RE`; ``None`` for a range."""
    if match["number"] is not None:
        return make_amount(match["number"], match["unit"])
    if match["words"] is not None:
        return make_amount(match["words"], match["word_unit"])
    if match["first_number"] is not None:
        return make_amount(match["first_number"], match["first_unit"])
    return None


def parse_amount(text: str) -> Amount | None:
    """The amount that ``text`` is, in full (``"1,5 mnkr"`` -> 1 500 000 kronor), else ``None``.

    Used for spans proposed by the NER: surrounding whitespace is ignored, anything else
    that is not part of the amount (``knappt``, a final period) makes it unparseable.
    Never raises.
    """
    if not isinstance(text, str):
        return None
    match = AMOUNT_RE.fullmatch(text.strip())
    return None if match is None else amount_of_match(match)
