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

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.lang.tokenizer_exceptions import URL_MATCH, URL_PATTERN
from spacy.language import BaseDefaults, Language
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


# --- the compiled rules --------------------------------------------------------------------------
#
# spaCy's ``compile_prefix_regex`` & co. join the rules as ``^a|^b|...``, ``a$|b$|...`` and ``a|b|...``.
# The regexes below match exactly the same (the same alternatives, in the same order where order
# matters), written so that Python's regex engine does less at every position of every word:
#
# * prefixes: ``^(?:a|b|...)``: one anchor, so a search tries position 0 only (``^a|^b`` is tried at
#   every position, where every alternative fails on its ``^``);
# * suffixes: ``(?:[...]|a|b|...)$``: the one-character rules as one class. Every suffix rule ends at
#   the end of the string, so the leftmost position where any rule matches is the suffix, whichever
#   rule it is: the order of the rules does not matter;
# * infixes (and suffixes): a rule that opens with a look-behind and then takes one character,
#   ``(?<=B)X...``, is written ``X(?<=(?:B)X)...``: the same test, but the engine skips the rule on the
#   first character instead of entering the look-behind at every position.


def _pieces(entries: list[str]) -> list[str]:
    """The rules spaCy compiles (it drops blank ones)."""
    return [piece for piece in entries if piece.strip()]


def _single_char(piece: str) -> str | None:
    """The character a rule that is one literal character matches (``,``, ``\\!``), else ``None``."""
    if len(piece) == 1 and piece not in ".^$*+?{}[]\\|()":
        return piece
    if len(piece) == 2 and piece[0] == "\\" and not piece[1].isalnum() and not piece[1].isspace():
        return piece[1]
    return None


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class opening at ``pattern[i] == "["``, or -1."""
    j = i + 1
    if pattern[j : j + 1] == "^":
        j += 1
    if pattern[j : j + 1] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
        elif pattern[j] == "]":
            return j + 1
        else:
            j += 1
    return -1


def _group_end(pattern: str, i: int) -> int:
    """Index just past the group opening at ``pattern[i] == "("``, or -1."""
    depth, j = 0, i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            if j < 0:
                return -1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


def _one_char_end(pattern: str, i: int) -> int:
    """End of the atom at ``pattern[i]`` if it matches exactly one character (an escaped symbol, a
    class, a plain character) and is not quantified, else -1."""
    if i >= len(pattern):
        return -1
    c = pattern[i]
    if c == "\\":
        end = i + 2 if i + 1 < len(pattern) and not pattern[i + 1].isalnum() else -1
    elif c == "[":
        end = _class_end(pattern, i)
    elif c in ".^$*+?{}|()":
        return -1
    else:
        end = i + 1
    if end < 0 or pattern[end : end + 1] in ("*", "+", "?", "{"):
        return -1
    return end


def _consume_first(piece: str) -> str:
    """``(?<=B)X...`` as ``X(?<=(?:B)X)...`` when ``X`` takes exactly one character; else ``piece``."""
    if not piece.startswith("(?<="):
        return piece
    end = _group_end(piece, 0)
    if end < 0:
        return piece
    x_end = _one_char_end(piece, end)
    if x_end < 0:
        return piece
    behind, x = piece[4 : end - 1], piece[end:x_end]
    return f"{x}(?<=(?:{behind}){x}){piece[x_end:]}"


def prefix_regex(entries: list[str]) -> re.Pattern[str]:
    """What ``spacy.util.compile_prefix_regex(entries)`` matches (see above)."""
    return re.compile("^(?:" + "|".join(_pieces(entries)) + ")")


def suffix_regex(entries: list[str]) -> re.Pattern[str]:
    """What ``spacy.util.compile_suffix_regex(entries)`` matches (see above)."""
    pieces = _pieces(entries)
    chars = [c for c in map(_single_char, pieces) if c is not None]
    others = [_consume_first(p) for p in pieces if _single_char(p) is None]
    alternatives = ([f"[{''.join(re.escape(c) for c in dict.fromkeys(chars))}]"] if chars else []) + others
    return re.compile("(?:" + "|".join(alternatives) + ")$")


def infix_regex(entries: list[str]) -> re.Pattern[str]:
    """What ``spacy.util.compile_infix_regex(entries)`` matches (see above)."""
    return re.compile("|".join(_consume_first(p) for p in _pieces(entries)))


def url_regex() -> re.Pattern[str]:
    """spaCy's URL pattern (:data:`spacy.lang.tokenizer_exceptions.URL_MATCH`) with a first test that the
    string holds a period: every string the pattern matches does (a host name or an IP address), and
    words without one then fail at once (the pattern backtracks over the whole word, twice)."""
    return re.compile(rf"(?u)(?=[^.]*\.)(?:{URL_PATTERN})")


def _fast_url(url_match: Callable[[str], Any] | None) -> Callable[[str], Any] | None:
    """The fast form of ``url_match`` when it is spaCy's URL pattern, else ``url_match``."""
    if getattr(getattr(url_match, "__self__", None), "pattern", None) == URL_MATCH.__self__.pattern:  # type: ignore[attr-defined]
        return url_regex().match
    return url_match


def _strings(rules: Sequence[str | re.Pattern[str]] | None) -> list[str]:
    """spaCy's affix rules as regex strings (a compiled one by its pattern)."""
    return [rule if isinstance(rule, str) else rule.pattern for rule in rules or ()]


def _rules(defaults: type[BaseDefaults]) -> tuple[list[str], list[str], list[str]]:
    return (
        list(PREFIXES) + _strings(defaults.prefixes),
        list(SUFFIXES) + _strings(defaults.suffixes),
        list(INFIXES) + _strings(defaults.infixes),
    )


def _project_rules(rules: dict[str, Any]) -> dict[str, Any]:
    """The special cases without the dotted units and month abbreviations (their period is punctuation)."""
    dotted = {f"{word}." for word in UNITS + MONTH_ABBREVIATIONS}
    return {key: value for key, value in rules.items() if key.lower() not in dotted}


def _set_all(tokenizer: Tokenizer, settings: dict[str, Any]) -> None:
    """Set tokenizer attributes with one reload of the special cases: spaCy re-tokenizes every special
    case on each change of a rule or regex; with no special cases in place until the end (as spaCy's own
    ``from_bytes`` does), only the last change does."""
    if not settings:
        return
    rules = settings.pop("rules", tokenizer.rules)
    tokenizer.rules = {}
    for attr, value in settings.items():
        setattr(tokenizer, attr, value)
    tokenizer.rules = rules


def customize(tokenizer: Tokenizer, defaults: type[BaseDefaults]) -> Tokenizer:
    """Add the project rules to a spaCy tokenizer built from ``defaults``, in place."""
    prefixes, suffixes, infixes = _rules(defaults)
    _set_all(
        tokenizer,
        {
            "prefix_search": prefix_regex(prefixes).search,
            "suffix_search": suffix_regex(suffixes).search,
            "infix_finditer": infix_regex(infixes).finditer,
            "url_match": _fast_url(tokenizer.url_match),
            "rules": _project_rules(tokenizer.rules),
        },
    )
    return tokenizer


def speed_up(tokenizer: Tokenizer, defaults: type[BaseDefaults]) -> Tokenizer:
    """Give a loaded tokenizer the fast regexes of the project rules, in place.

    A saved pipeline keeps its tokenizer's patterns, and spaCy compiles them as they were written; a
    pipeline saved with the rules joined spaCy's way (``compile_prefix_regex`` & co., as the shipped
    one) gets the equivalent regexes above instead. Patterns of other rules are left as they are.
    """
    prefixes, suffixes, infixes = _rules(defaults)
    settings: dict[str, Any] = {}
    for attr, legacy, fast, method in (
        ("prefix_search", compile_prefix_regex(prefixes), prefix_regex(prefixes), "search"),
        ("suffix_search", compile_suffix_regex(suffixes), suffix_regex(suffixes), "search"),
        ("infix_finditer", compile_infix_regex(infixes), infix_regex(infixes), "finditer"),
    ):
        current = getattr(tokenizer, attr)
        if getattr(getattr(current, "__self__", None), "pattern", None) == legacy.pattern:
            settings[attr] = getattr(fast, method)
    url_match = _fast_url(tokenizer.url_match)
    if url_match is not tokenizer.url_match:
        settings["url_match"] = url_match
    _set_all(tokenizer, settings)
    return tokenizer


@registry.tokenizers("famhbg_nlp.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Config entry point: ``[nlp.tokenizer] @tokenizers = "famhbg_nlp.tokenizer.v1"``."""

    def make(nlp: Language) -> Tokenizer:
        # spaCy's tokenizer (``spacy.language.create_tokenizer``) with the project rules, built once
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = _rules(defaults)
        return Tokenizer(
            nlp.vocab,
            rules=_project_rules(defaults.tokenizer_exceptions),
            prefix_search=prefix_regex(prefixes).search,
            suffix_search=suffix_regex(suffixes).search,
            infix_finditer=infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=_fast_url(defaults.url_match),
        )

    return make
