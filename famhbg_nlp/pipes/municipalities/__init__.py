"""Sweden's 290 municipalities: matching every written form, value = canonical name + SCB record."""

from .gazetteer import Gazetteer
from .value import Municipality

__all__ = ["Gazetteer", "Municipality"]
