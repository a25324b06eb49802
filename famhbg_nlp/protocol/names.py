"""Names in attendance lists that the pipeline ran together or missed.

A cover page that lost its table borders lists names one after another with nothing
between them (``Jan Bohman Karin Örjes Agneta Nyvall``), and the NER then takes two names
for one or misses some. Inside an attendance list the shape is known: each name is one or
two first names (or an initial) and one or more surnames. A run of capitalised words is cut
into names where a first name follows a surname; the first names are the names
component's lexicon (one vocabulary, :mod:`famhbg_nlp.pipes.names.lexicon`). A name the
pipeline found and the lexicon cannot place (a first name it does not know) is kept. Outside
the lists of an attendance block, a run of words where the pipeline found no name gives only
the names it found elsewhere in the document.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import parties
from ..pipes.names.lexicon import NameLexicon
from . import patterns as P
from .context import Context, Mention

#: A word of a name: a capital, then letters, hyphens, apostrophes (``Forschner-Hell``, ``O'Neill``).
_WORD = re.compile(r"[A-ZÅÄÖÉÜÆØ][a-zåäöéüæøßáàèíóúñç'’]+(?:-[A-ZÅÄÖÉa-zåäöé][a-zåäöéüæøßáàèíóúñç'’]+)*")
_INITIAL = re.compile(r"[A-ZÅÄÖ]\.?")


#: A signing role right after a run of words (``/Per Ek, sekreterare/``): the run is a name.
_ROLE_NEXT = re.compile(rf"^\s*,\s*(?:{P.CHAIR_ROLE}|{P.SECRETARY_ROLE}|{P.ADJUSTER_ROLE})\b", re.I)


@cache
def lexicon() -> NameLexicon:
    return NameLexicon.packaged()


def _runs(ctx: Context, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """Runs of name-shaped words separated by single spaces (punctuation or a line break ends a run)."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for m in re.finditer(r"\S+", ctx.text[start:end]):
        token = m.group()
        a = start + m.start()
        if token[:1] in "/(" and len(token) > 1:  # "/Per Ek, sekreterare/": a signature between slashes
            if current:
                runs.append(current)
                current = []
            token, a = token[1:], a + 1
        core = token.rstrip(",.;:/)")
        word_ok = bool(_WORD.fullmatch(core) or _INITIAL.fullmatch(core)) and not any(
            e.label != "PERSON" for e in ctx.ents_in(a, a + len(core))
        )
        gap = ctx.text[current[-1][1] : a] if current else ""
        if current and (gap.strip() or ("\n" in gap and not _dangling(current))):
            runs.append(current)  # a line break ends a name, unless a first name waits for its surname
            current = []
        if word_ok and not _stop(core):
            current.append((a, a + len(core), core))
            if core != token:  # "Bohman," ends the run
                runs.append(current)
                current = []
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if len(r) >= 2]


def _dangling(run: list[tuple[int, int, str]]) -> bool:
    """The run ends in a first name without a surname (``..., Anna`` / ``Maria Strand``)."""
    return _starts(run[-1][2]) and (len(run) == 1 or not _starts(run[-2][2]) or _is_first(run[-2][2]) is False)


@cache
def _party_names() -> frozenset[str]:
    return frozenset(word for party in parties() for name in party.names for word in name.split() if word[:1].isupper())


def _stop(word: str) -> bool:
    lex = lexicon()
    return (
        lex.is_role(word)
        or P.ORG_ENDING.search(word) is not None
        or word in _party_names()
        or P.match_label(word) is not None
        or word.upper() in P.PARTY_LETTERS
        and len(word) > 1
        or P.PERSON_STOP.match(word) is not None
    )


def _is_first(word: str) -> bool:
    """A first name and no surname (``Karin``); ``Holm``, both, counts as a surname after a first name."""
    lex = lexicon()
    return lex.is_first(word) and not lex.is_surname(word)


def _starts(word: str) -> bool:
    """A word a name may start with: a first name, also one that is a surname too."""
    return lexicon().is_first(word)


def segment(run: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Names in a run of words: first name(s) (or an initial), then surnames up to the next first name."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(run)
    while i < n:
        if not _starts(run[i][2]):
            i += 1
            continue
        j = i + 1
        # a second first name or an initial, when a surname follows it (Ann Mari Engel, Lars I Karlsson)
        while (
            j < n - 1
            and j - i < 2
            and (_INITIAL.fullmatch(run[j][2]) or _is_first(run[j][2]))
            and not _is_first(run[j + 1][2])
        ):
            j += 1
        k = j
        while k < n and not _is_first(run[k][2]) and not _INITIAL.fullmatch(run[k][2]):
            if k > j and _starts(run[k][2]) and k + 1 < n and not _starts(run[k + 1][2]):
                break  # "Per Holm Karin Lund": a first name that is a surname too, then a surname
            k += 1
        if k == j:
            # no surname: a surname that is also a first name (Jessika Edetun Falk), or no name
            if out and out[-1][1] == _end_before(run, i) and j - i == 1 and (j == n or _is_first(run[j][2]) is False):
                out[-1] = (out[-1][0], run[i][1])
            i += 1
            continue
        out.append((run[i][0], run[k - 1][1]))
        i = k
    return out


def _end_before(run: list[tuple[int, int, str]], i: int) -> int:
    return run[i - 1][1] if i > 0 else -1


def recover(ctx: Context, ranges: list[tuple[int, int]], *, lists: bool = False) -> None:
    """Re-cut the persons of ``ranges`` where names run together, and add missed ones.

    Outside attendance lists a run of words gives names only where the pipeline found one in it
    (or found the same name elsewhere); in the ranges of an attendance list (``lists``), where
    every capitalised pair is a name, the lexicon's first names decide alone.
    """
    found: list[Mention] = []
    joined: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if joined and not ctx.text[joined[-1][1] : a].strip():
            joined[-1] = (joined[-1][0], max(b, joined[-1][1]))
        else:
            joined.append((a, b))
    ranges = joined
    for start, end in ranges:
        for run in _runs(ctx, start, end):
            if (
                not lists
                and not ctx.persons_in(run[0][0], run[-1][1])
                and not any(p.start < run[-1][1] and run[0][0] < p.end for p in ctx.persons_in(start, end))
                and not _ROLE_NEXT.match(ctx.text[run[-1][1] : run[-1][1] + 30])
            ):
                continue  # the pipeline found no name here (nor a signing role after it): the lexicon makes none
            for a, b in segment(run):
                found.append(Mention(a, b, "PERSON", " ".join(ctx.text[a:b].split())))
    known = {p.text for p in ctx.persons if " " in p.text}
    for start, end in ranges:
        for run in _runs(ctx, start, end):
            if ctx.persons_in(run[0][0], run[-1][1]) or any(
                p.start < run[-1][1] and run[0][0] < p.end for p in ctx.persons_in(start, end)
            ):
                continue
            # a name the pipeline found elsewhere in the document
            for a, b in segment(run):
                if " ".join(ctx.text[a:b].split()) in known:
                    found.append(Mention(a, b, "PERSON", " ".join(ctx.text[a:b].split())))
    if not found:
        return
    keep = [
        e
        for e in ctx.ents
        if not (e.label == "PERSON" and any(f.start < e.end and e.start < f.end for f in found))
        and not (e.label != "PERSON" and any(f.start <= e.start and e.end <= f.end for f in found))
    ]
    # a name of the pipeline that overlaps a found one but reaches further back keeps its own start
    ctx.set_entities(keep + found)
