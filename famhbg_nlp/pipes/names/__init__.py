"""Swedish name knowledge for PERSON entities: boundaries, list splitting and base forms."""

from .component import NamesComponent
from .lexicon import NameLexicon
from .value import PersonName

__all__ = ["NameLexicon", "NamesComponent", "PersonName"]
