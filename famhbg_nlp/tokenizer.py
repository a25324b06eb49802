"""The project tokenizer: spaCy's Swedish rules plus what the annotation scheme needs.

Every span the scheme allows must start and end on a token boundary:

* a sentence-final period after a money unit or a month abbreviation is its own
  token (``700 000 kr.`` -> ``kr`` ``.``, ``28 dec.`` -> ``dec`` ``.``);
* a unit glued to its number or followed by ``/`` splits (``1500tkr``, ``21 kr/invånare``);
* markdown strike-through and emphasis split from words (``~~Jonas``, ``Åstorp~~``);
* day ranges (``2-3/9``, ``200903-04``, ``22–23``) stay single tokens, so a range is one span;
* HTML tags of transcribed pages, a slash glued before a name (``/Anna Berg``) and a hyphen ending a
  word at a line break (``Emmaboda-``) split from the words they touch;
* a run of :data:`LONG_PUNCTUATION` or more punctuation characters is one token (linear time).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import BaseDefaults, Language
from spacy.language import create_tokenizer as spacy_tokenizer
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

#: Money units and month abbreviations whose trailing period is punctuation, not part of the span.
UNITS = ("kr", "tkr", "kkr", "mkr", "mnkr", "mdkr", "sek", "msek", "tsek")
MONTH_ABBREVIATIONS = ("jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec")

_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))

#: An HTML tag left in a transcribed page (``<strong>``, ``</p>``, ``<br />``): never part of a word.
HTML_TAG = r"</?[A-Za-z][A-Za-z0-9]*\s*/?>"

#: A run of punctuation (underscores too) at least this long is one token. spaCy strips punctuation one character
#: per step and searches the rest of the word for suffixes at every step, which is quadratic in the
#: length of the run (4,000 ``*`` took 4 s); no run this long carries meaning in minutes.
LONG_PUNCTUATION = 64
#: Such a run, to come first among the prefixes and suffixes. (As a suffix it needs no look-behind to
#: start at the run's start: the search takes the leftmost match, and that is where the run starts.)
_PUNCTUATION_RUN = rf"(?:[^\w\s]|_){{{LONG_PUNCTUATION},}}"

PREFIXES = (
    _PUNCTUATION_RUN,
    r"~~",
    HTML_TAG,
    # a slash glued before a word in a signature line: "/Anna Berg" -> "/" "Anna"
    r"/(?=[^\W\d_])",
    # a sign before a number is not part of an amount: "-300 tkr" -> "-" "300" "tkr", "+11,5" -> "+" "11,5"
    r"[-−–+](?=[0-9])",
)


def _after_words(words: tuple[str, ...], then: str) -> str:
    """The literal ``then`` right after one of ``words`` (case-insensitive), as one pattern.

    The literal comes first and the words are checked behind it (a look-behind per word length,
    as a look-behind must have a fixed width): the regex engine, which tries every alternative
    at every position of every new word, fails at once wherever ``then`` is not. One look-behind
    per word, tried first, made the tokenizer 10-20% slower than spaCy's own Swedish one.
    """
    lengths = sorted({len(word) for word in words})
    behind = "|".join(rf"(?<=\b(?:{'|'.join(word for word in words if len(word) == n)}){then})" for n in lengths)
    return rf"(?i:{then}(?:{behind}))"


SUFFIXES = (
    _PUNCTUATION_RUN,
    r"~~",
    HTML_TAG,
    # a hyphen at the end of a word (a line-end break "Emmaboda-", coordination "Näringslivs-"): its own token,
    # so the word before it can be a span
    r"-(?<=[^\W\d_]{2}-)",
    # the period after "kr", "tkr", "dec" ... is punctuation (spans end before it)
    _after_words(UNITS + MONTH_ABBREVIATIONS, r"\."),
)
INFIXES = (
    # "1500tkr" -> "1500" "tkr"
    rf"(?i:(?<=[0-9])(?=(?:{_UNIT_ALT})\b))",
    # "kr/invånare", "tkr/år" -> "kr" "/" ...
    _after_words(UNITS, "/"),
    r"~~",
    HTML_TAG,
    # "25:-/år" -> "25:-" "/" "år"
    r"/(?<=[:,]-/)",
)


def customize(tokenizer: Tokenizer, defaults: type[BaseDefaults]) -> Tokenizer:
    """Add the project rules to a spaCy tokenizer built from ``defaults``, in place."""
    prefixes = list(PREFIXES) + list(defaults.prefixes or ())
    suffixes = list(SUFFIXES) + list(defaults.suffixes or ())
    infixes = list(INFIXES) + list(defaults.infixes or ())
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    dotted = {f"{word}." for word in UNITS + MONTH_ABBREVIATIONS}
    tokenizer.rules = {key: value for key, value in tokenizer.rules.items() if key.lower() not in dotted}
    return tokenizer


@registry.tokenizers("famhbg_nlp.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Config entry point: ``[nlp.tokenizer] @tokenizers = "famhbg_nlp.tokenizer.v1"``."""

    def make(nlp: Language) -> Tokenizer:
        return customize(spacy_tokenizer()(nlp), nlp.Defaults)

    return make
