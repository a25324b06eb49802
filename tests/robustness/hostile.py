"""Hostile texts and a time bound, shared by the robustness tests.

The texts are long runs (:data:`RUN_CHARS` characters) of the punctuation, symbols, blanks and
digits that real minutes are full of (signature lines ``______``, table-of-contents leaders
``.....``, markdown ``**``, tables ``|``), alone, with a character that makes a pattern fail at
the very end, and cut into lines: the inputs on which a regular expression with nested or
overlapping quantifiers backtracks for ever.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Length of each hostile run.
RUN_CHARS = 5000

#: What the runs are made of: the issue's list (``_ . - … * | space tab digits``) and the pieces
#: of ordinary minutes that patterns expect around them (initials, names, amounts, labels).
UNITS: tuple[str, ...] = (
    "_", ".", "-", "…", "*", "|", " ", "\t", "1", "#", "(", ",", ":", "~", "§",
    "A", "AB", "Aa", "_ ", ". ", "* ", "**", "~~", "1 ", "1.", "12 ", "1 000 ", "A-", "A. ", "Aa ", "Datum: ", "kr ",
)  # fmt: skip


def hostile_texts(units: tuple[str, ...] = UNITS, length: int = RUN_CHARS) -> Iterator[tuple[str, str]]:
    """``(id, text)``: each unit repeated, then with a failing ``x`` at the end, then as lines."""
    for unit in units:
        run = (unit * (length // len(unit) + 1))[:length]
        name = repr(unit)
        yield f"{name} run", run
        yield f"{name} run+x", run + "x"
        yield f"{name} lines", "\n".join(run[i : i + 60] for i in range(0, length, 60))


class TooSlow(Exception):
    """Raised inside the code under test when the time bound is reached."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail with :class:`TooSlow` if the block takes longer than ``seconds`` (wall time, SIGALRM;
    the regex engine checks for signals, so even a backtracking match is interrupted)."""

    def alarm(signum: int, frame: object) -> None:
        raise TooSlow(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(seconds: float, what: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
    """``func(*args, **kwargs)`` under :func:`time_limit`; returns ``(result, elapsed seconds)``."""
    start = time.perf_counter()
    with time_limit(seconds, what):
        result = func(*args, **kwargs)
    return result, time.perf_counter() - start
