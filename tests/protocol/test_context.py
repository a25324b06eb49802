"""The parser's shared context: looking up the persons of a line."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from famhbg_nlp.protocol.context import Context
from famhbg_nlp.protocol.lines import split_lines


def _context(text: str, *names: str) -> Context:
    doc = spacy.blank("sv")(text)
    ents = []
    for name in names:
        start = text.index(name)
        ents.append(doc.char_span(start, start + len(name), label="PERSON"))
    doc.ents = [e for e in ents if isinstance(e, Span)]
    return Context.of(doc, split_lines(text))


def test_whole_line_person():
    ctx = _context("Anna Berg\nPer Ek, ordförande\n**Eva Lind**\n", "Anna Berg", "Per Ek", "Eva Lind")
    whole = [ctx.whole_line_person(line) for line in ctx.lines if not line.blank]
    assert [m.text if m is not None else None for m in whole] == ["Anna Berg", None, "Eva Lind"]
    assert ctx.person_at_start(ctx.lines[1]).text == "Per Ek"  # starts the line, but is not all of it
