"""Joining a line to the next where the layout wrapped it, and what to do with a line-end hyphen.

A word broken at a line end (``uppfölj-`` + ``ning``) is one word again; a hyphen that is
part of the text stays: Swedish coordination (``Näringslivs- och Destinationsutveckling``,
the hyphen stands for the shared last part), a compound with an abbreviation or a number
(``EU-`` + ``projekt``, ``2020-`` + ``2021``), a one-letter prefix (``e-`` + ``tjänster``)
and anything followed by a capital letter (``Nord-`` + ``Amerika``). The decision is by the
shape of the two parts only, never by a list of words seen in some document.
"""

from __future__ import annotations

from ..lexicon import coordinators

#: Characters that end a line with a hyphen: ASCII hyphen-minus, the Unicode hyphen, the soft
#: hyphen, and pdfium's marker for a hyphen it found at a line end.
HYPHENS = "-\u2010\u00ad\x02\ufffe"

#: Dashes of ranges (``2021–2023``, ``kl. 13–15``): at a line end right after a number or word, the
#: range goes on on the next line.
DASHES = "–—"

#: Words after which a line-end hyphen is Swedish coordination and stays (``Närings- och``; the
#: shared lexicon's ``conjunctions.tsv``).
COORDINATORS: frozenset[str] = coordinators()


def ends_with_hyphen(line: str) -> bool:
    """Whether ``line`` ends with a hyphen right after a letter or digit (not a dash between words)."""
    return len(line) >= 2 and line[-1] in HYPHENS and line[-2].isalnum()


def join_wrapped(line: str, following: str) -> str:
    """``line`` and ``following``, one line that the layout had wrapped, as one string."""
    if not line:
        return following
    if not following:
        return line
    if line[-1] in DASHES and len(line) >= 2 and line[-2].isalnum():
        return line + following  # a range broken after its dash: 2021–2023
    if not ends_with_hyphen(line):
        return f"{line} {following}"
    stem = line[:-1]
    next_word = following.split(None, 1)[0] if following.strip() else ""
    if next_word.rstrip(".,;:").lower() in COORDINATORS:
        return f"{stem}- {following}"  # Swedish coordination: the hyphen stands for the shared part
    if _one_word(stem, following):
        return stem + following
    return f"{stem}-{following}"


def _one_word(stem: str, following: str) -> bool:
    """Whether ``stem`` (before the hyphen) and ``following`` are parts of one broken word."""
    word = stem.rsplit(None, 1)[-1] if stem.strip() else ""
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2 or not word[-1].isalpha() or not word[-1].islower():
        return False  # EU-, 2020-, e-: a compound hyphen, not a line-end break
    if any(ch.isdigit() for ch in word) or "-" in word:
        return False  # covid-19-, Skåne-Blekinge-: already a hyphenated compound
    first = following[0]
    return first.isalpha() and first.islower()
