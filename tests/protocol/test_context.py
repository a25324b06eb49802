"""The parser's shared context: looking up the persons of a line."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(
    ("line", "expected"),
    [(0, "Anna Berg"), (1, "Per Ek"), (2, "Eva Lind"), (3, None)],
    ids=["whole-line", "starts-the-line", "inside-markup", "no-person"],
)
def test_person_at_start(line: int, expected: str | None):
    ctx = _context(
        "Anna Berg\nPer Ek, ordförande\n**Eva Lind**\nordförande Ola Ek\n", "Anna Berg", "Per Ek", "Eva Lind", "Ola Ek"
    )
    found = ctx.person_at_start([ln for ln in ctx.lines if not ln.blank][line])
    assert (found.text if found is not None else None) == expected
