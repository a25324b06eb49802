"""Organisations (ORG): named agencies, regions, courts, parties, unions and associations from the
lexicon, and names made organisations by their form (``AB``, ``förening``, ``Stiftelsen``, ``IF``)."""

from .component import OrgsComponent
from .patterns import OrgPatterns

__all__ = ["OrgPatterns", "OrgsComponent"]
