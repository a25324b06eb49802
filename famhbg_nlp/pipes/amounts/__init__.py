"""Money amounts (``1500 tkr``, ``700 000 kr``, ``1,5 mnkr``) with their value in whole kronor."""

from .value import Amount, parse_amount

__all__ = ["Amount", "parse_amount"]
