"""Long texts: processed in chunks, returned as one ``Doc``.

spaCy refuses a text over ``nlp.max_length`` characters (error E088) and advises raising
the limit, which a user of the API or the command line cannot act on; and the neural network's
memory grows with the text it sees at once. :func:`process` is the one place where the package
runs a pipeline on a text of any length:

* a text within the limit (:data:`~famhbg_nlp.defaults.PIECE_CHARS`, at most ``nlp.max_length``)
  is processed as it is (one call, exactly ``nlp(text)``);
* a longer one is cut into pieces of at most ``max_chars`` characters, preferably at a page
  break (``\\f``), else after a blank line (a paragraph), else at a line end, else at a space,
  and only as a last resort inside a run of non-space characters;
* the pieces are processed with ``nlp.pipe`` and joined with ``Doc.from_docs``: the joined
  ``doc.text`` is the original text, so every offset (entities, ``doc.spans``, span values) is
  an offset into it;
* the date context (meeting date, or the meeting's year) is read once from the whole text (the
  dates component's own rule) and given to every piece, so a date without a year resolves the
  same in every piece, and as in the text processed whole;
* the pieces go through the pipeline one at a time, so memory is bounded by the piece.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .defaults import PIECE_CHARS

#: Name of the component that reads the meeting date (see :mod:`famhbg_nlp.pipes.dates`).
DATES_COMPONENT = "famhbg_dates"

#: Cut points, best first: a page break, the end of a blank line, a line end, a space.
#: Each pattern is one character class (or a fixed pair), so a search is linear.
_CUTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\f"),
    re.compile(r"\n[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"\s"),
)

#: A piece is never cut shorter than this share of ``max_chars`` when a better cut point
#: lies before it (so that a text is not shredded into tiny pieces at page breaks).
_MIN_FILL = 0.5


def split_text(text: str, max_chars: int) -> list[str]:
    """``text`` cut into pieces of at most ``max_chars`` characters; ``"".join(pieces) == text``."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The best cut in ``text[start:limit]``: just after the last cut point of the best kind."""
    floor = start + max(1, int((limit - start) * _MIN_FILL))
    for pattern in _CUTS:
        last = None
        for match in pattern.finditer(text, floor, limit):
            last = match
        if last is not None:
            # include the whitespace that follows the cut point in this piece
            end = last.end()
            while end < limit and text[end] in " \t\r\n\f":
                end += 1
            return end
    return limit  # one word longer than a piece: nothing better to do


def _date_context(nlp: Language, text: str, dates_cfg: dict[str, Any]) -> None:
    """Give every piece the date context of the whole text (unless a meeting date is given): the
    one the dates component reads from the whole text, so that a date without a year resolves
    the same in every piece, and the same as in the text processed whole."""
    if dates_cfg.get("meeting_date") is not None or DATES_COMPONENT not in nlp.pipe_names:
        return
    component = nlp.get_pipe(DATES_COMPONENT)
    reader = getattr(component, "date_context_of", None)
    if callable(reader):
        dates_cfg["date_context"] = reader(text, dates_cfg.get("source_name"))
        return
    reader = getattr(component, "meeting_date_of", None)
    if callable(reader) and (meeting_date := reader(text)) is not None:
        dates_cfg["meeting_date"] = meeting_date


def process(
    nlp: Language,
    text: str,
    *,
    component_cfg: dict[str, dict[str, Any]] | None = None,
    max_chars: int | None = None,
) -> Doc:
    """``nlp(text)`` for a text of any length (see the module docstring).

    ``max_chars`` is the longest piece (default :func:`piece_limit`); ``component_cfg`` is
    passed on as to ``nlp(text, component_cfg=...)``. The pieces go through the pipeline one at
    a time, so memory is bounded by the piece, not by the text.
    """
    limit = piece_limit(nlp, max_chars)
    cfg = {name: dict(values) for name, values in (component_cfg or {}).items()}
    if len(text) <= limit:
        return nlp(text, component_cfg=cfg)
    pieces = split_text(text, limit)
    _date_context(nlp, text, cfg.setdefault(DATES_COMPONENT, {}))
    docs = list(nlp.pipe(pieces, component_cfg=cfg, batch_size=1))
    return join(docs)


def piece_limit(nlp: Language, max_chars: int | None = None) -> int:
    """The longest text processed in one piece: ``max_chars`` (default
    :data:`~famhbg_nlp.defaults.PIECE_CHARS`), never more than ``nlp.max_length``."""
    return min(PIECE_CHARS if max_chars is None else max_chars, nlp.max_length)


def join(docs: list[Doc]) -> Doc:
    """One ``Doc`` of ``docs`` processed in order: text concatenated as it is; entities,
    span groups and span values kept at their new offsets; the first meeting date found.
    (The tensor is left out: nothing downstream reads it, and it is large for a long text.)"""
    import warnings

    with warnings.catch_warnings():
        # W101: doc-level extension values are not carried over; the meeting date is set below
        warnings.filterwarnings("ignore", message=r"\[W101\]")
        doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    for attr in ("meeting_date", "meeting_date_source", "meeting_year"):
        if Doc.has_extension(attr):
            setattr(doc._, attr, next((v for d in docs if (v := getattr(d._, attr)) is not None), None))
    return doc


def iter_process(nlp: Language, texts: list[str], *, max_chars: int | None = None) -> Iterator[Doc]:
    """:func:`process` for many texts: the short ones go through ``nlp.pipe`` together."""
    limit = piece_limit(nlp, max_chars)
    short = [(text, i) for i, text in enumerate(texts) if len(text) <= limit]
    done: dict[int, Doc] = {i: doc for doc, i in nlp.pipe(short, as_tuples=True)}
    for i, text in enumerate(texts):
        yield done.pop(i) if i in done else process(nlp, text, max_chars=max_chars)
