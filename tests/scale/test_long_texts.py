"""Long texts: processed in pieces with the same result as whole, and merged in linear time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spacy.tokens import Span

import famhbg_nlp
from famhbg_nlp import chunking
from famhbg_nlp.spans import longest_first, merge_ents

SHARED = Path(__file__).resolve().parents[3] / "shared"
MINUTES = sorted((SHARED / "minutes").glob("*.txt"))


@pytest.fixture(scope="module")
def rules_nlp():
    return famhbg_nlp.rules_pipeline()


def _result(doc):
    return (
        doc.text,
        [(e.start_char, e.end_char, e.label_, e._.value) for e in doc.ents],
        doc._.meeting_date,
    )


@pytest.mark.parametrize("pair", [(0, 1), (10, 11), (30, 31), (50, 51)], ids=lambda p: f"minutes-{p[0]}-{p[1]}")
def test_a_text_just_over_max_length_gives_what_the_whole_text_gives(rules_nlp, pair):
    first, second = (MINUTES[k].read_text(encoding="utf-8") for k in pair)
    text = f"{first}\n\n\f{second}"
    whole = rules_nlp(text)
    saved = rules_nlp.max_length
    rules_nlp.max_length = len(text) - 100  # just over: two pieces
    try:
        pieces = chunking.split_text(text, chunking.piece_limit(rules_nlp))
        chunked = chunking.process(rules_nlp, text)
    finally:
        rules_nlp.max_length = saved
    assert len(pieces) == 2 and "".join(pieces) == text
    assert _result(chunked) == _result(whole)


def test_pieces_are_cut_at_page_or_paragraph_boundaries():
    pages = [MINUTES[k].read_text(encoding="utf-8") for k in range(6)]
    text = "\f".join(pages)
    pieces = chunking.split_text(text, max(len(p) for p in pages) + 10)
    assert "".join(pieces) == text
    assert all(piece.endswith(("\f", "\n")) for piece in pieces[:-1])


#: Seconds for merging 20,000 rule spans into 20,000 entities. Linear: well under a second; the
#: pairwise merge this replaced took minutes. A generous bound against a quadratic regression.
MERGE_BOUND_S = 10.0


def test_merging_is_linear_in_the_number_of_spans():
    n = 20_000
    doc = famhbg_nlp.blank()("ord " * (4 * n))
    doc.ents = [Span(doc, 4 * i, 4 * i + 2, label="ORG") for i in range(n)]
    rules = [Span(doc, 4 * i + 1, 4 * i + 3, label="DATE") for i in range(n)]  # each overlaps one entity
    rules += [Span(doc, 4 * i + 1, 4 * i + 2, label="DATE") for i in range(n)]  # and a shorter one inside it
    started = time.perf_counter()
    accepted = merge_ents(doc, rules, "longest")
    elapsed = time.perf_counter() - started
    assert len(accepted) == n and all(len(span) == 2 for span in accepted)
    assert [e.label_ for e in doc.ents] == ["DATE"] * n
    assert elapsed < MERGE_BOUND_S, f"merging {2 * n} spans took {elapsed:.1f} s"


def test_longest_first_keeps_the_longest_then_the_earliest():
    items = [(0, 3), (2, 4), (3, 9), (10, 12), (11, 13), (20, 20)]
    assert longest_first(items, lambda item: item) == [(0, 3), (3, 9), (10, 12), (20, 20)]
