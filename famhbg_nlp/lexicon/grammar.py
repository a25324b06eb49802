"""Rules of Swedish word forms that the components, the protocol parser and the generator apply to names."""

from __future__ import annotations

import re
from functools import cache

from .vocabulary import municipality_words

#: Letters after which a name takes no genitive ``-s`` (``Borås``, ``Kalix``, ``Höganäs``).
SIBILANTS: frozenset[str] = frozenset("sxzSXZ")


def genitive(name: str) -> str:
    """``Bjuv`` -> ``Bjuvs``; ``Borås`` stays ``Borås`` (the form without an apostrophe)."""
    return name if name[-1] in SIBILANTS else f"{name}s"


def genitives(name: str) -> tuple[str, ...]:
    """The genitives of ``name`` that differ from it: ``Helsingborgs``; ``Borås'``/``Borås’``
    (a name that ends in a sibilant is its own genitive too, see :func:`genitive`)."""
    if name[-1] in SIBILANTS:
        return (f"{name}'", f"{name}\u2019")
    return (f"{name}s",)


@cache
def _official_suffix() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in municipality_words())
    return re.compile(rf"^(?P<stem>.*\S)\s+(?i:{words})$")


def official_stem(official_name: str) -> str | None:
    """``Falu`` of ``Falu kommun``, ``Helsingborgs`` of ``Helsingborgs stad``; ``None`` for ``Region Gotland``."""
    match = _official_suffix().match(official_name.strip())
    return match.group("stem") if match else None
