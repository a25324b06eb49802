"""Shared fixtures: the project tokenizer and small records written here (never the gold corpus)."""

from __future__ import annotations

import pytest

import famhbg_nlp
from famhbg_nlp.corpus import Record, SpanRecord


def build_record(doc_id, text, spans, meta=None):
    """A record whose spans are given by surface: each ``(surface, label, value)`` is searched
    forward from the end of the previous one."""
    out = []
    pos = 0
    for surface, label, value in spans:
        start = text.index(surface, pos)
        out.append(SpanRecord(start, start + len(surface), label, value))
        pos = start + len(surface)
    return Record(id=doc_id, text=text, meta=dict(meta or {}), spans=out)


TRICKY_TEXT = (
    "\n\nProtokoll 9/2020\n\n"
    "Närvarande: Palle Lundberg, Helsingborg, Charlotte Rosenlund\nSjövall, Åstorp.\n"
    "Styrelsemötet 200903-04 beviljade 700\u2009000 kr. Mötet den 5 april  i Ängelholms kommun.\n"
    "Region Skåne och Familjen Helsingborg. Tid: 2011127 kl. 08.30\n  \n"
    "**Justeras:** ~~Lena Mårtensson-Stenudd~~"
)
TRICKY_SPANS = [
    ("Palle Lundberg", "PERSON", None),
    ("Helsingborg", "MUNICIPALITY", "Helsingborg"),
    ("Charlotte Rosenlund\nSjövall", "PERSON", None),
    ("Åstorp", "MUNICIPALITY", "Åstorp"),
    ("200903-04", "DATE", {"start": "2020-09-03", "end": "2020-09-04"}),
    ("700\u2009000 kr", "AMOUNT", 700000),
    ("5 april", "DATE", "2020-04-05"),
    ("Ängelholms kommun", "MUNICIPALITY", "Ängelholm"),
    ("Region Skåne", "ORG", None),
    ("Familjen Helsingborg", "ORG", None),
    ("2011127", "DATE", None),
    ("Lena Mårtensson-Stenudd", "PERSON", None),
]


@pytest.fixture(scope="session")
def make_record():
    """:func:`build_record` for tests (a fixture: test modules cannot import the conftest)."""
    return build_record


@pytest.fixture(scope="session")
def nlp():
    return famhbg_nlp.blank()


@pytest.fixture
def tricky():
    """Newlines, a thin space inside an amount, an entity across a line break, markup, a range value."""
    return build_record("kdg-2020-11-27", TRICKY_TEXT, TRICKY_SPANS, {"source": "x.txt", "meeting_date": "2020-11-27"})


@pytest.fixture
def records(tricky):
    return [
        tricky,
        build_record(
            "b-2",
            "Mötet 19 april 2024 med SKR och Knowit, budget 1,5 mnkr.",
            [
                ("19 april 2024", "DATE", "2024-04-19"),
                ("SKR", "ORG", None),
                ("Knowit", "ORG", None),
                ("1,5 mnkr", "AMOUNT", 1500000),
            ],
            {"source": "y.txt", "meeting_date": "2024-04-19", "note": ["kept", 1, None]},
        ),
        Record(id="c-3 utan entiteter", text="Inga entiteter här.", meta={}, spans=[]),
        Record(id="d-4", text="", meta={"source": "empty.txt"}, spans=[]),
    ]
