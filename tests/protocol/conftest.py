"""Documents for the protocol parser: the gold corpus, and small hand-annotated texts.

The parser reads names and places from ``doc.ents``; these fixtures give it entities
from annotation (the gold corpus, or a short (label, surface[, value]) list) so the
layout parsing is tested independently of any trained model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import famhbg_nlp
from famhbg_nlp.corpus import GoldValue, read_records, record_to_doc
from famhbg_nlp.extensions import VALUE_ATTRS

Annotation = tuple[str, str] | tuple[str, str, Any]


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    return famhbg_nlp.blank()


@pytest.fixture(scope="session")
def gold_docs(request: pytest.FixtureRequest, blank_nlp: Language) -> dict[str, Doc]:
    """The gold corpus (the five seed protocols) as Docs with gold entities and values, by record id."""
    path = Path(request.config.rootpath) / "corpus" / "gold.jsonl"
    return {record.id: record_to_doc(record, blank_nlp) for record in read_records(path)}


def annotate(nlp: Language, text: str, annotations: Sequence[Annotation], meeting_date: str | None = None) -> Doc:
    """``text`` with every whole-word occurrence of each surface as an entity (longest first).

    A third element is the value (put where the components put typed values).
    """
    doc = nlp.make_doc(text)
    taken: set[int] = set()
    spans = []
    for ann in sorted(annotations, key=lambda a: -len(a[1])):
        label, surface = ann[0], ann[1]
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if taken.intersection(range(m.start(), m.end())):
                continue
            span = doc.char_span(m.start(), m.end(), label=label)
            assert span is not None, f"{surface!r} at {m.start()} is not on token boundaries"
            if len(ann) > 2 and ann[2] is not None:
                setattr(span._, VALUE_ATTRS[label], GoldValue(ann[2]))
            spans.append(span)
            taken.update(range(m.start(), m.end()))
    doc.ents = sorted(spans, key=lambda s: s.start)
    if meeting_date is not None:
        doc._.meeting_date = dt.date.fromisoformat(meeting_date)
    return doc


@pytest.fixture(scope="session")
def annotator() -> Callable[..., Doc]:
    """:func:`annotate` itself (for property tests, which cannot use function-scoped fixtures)."""
    return annotate


@pytest.fixture
def make_doc(blank_nlp: Language) -> Callable[..., Doc]:
    def make(text: str, annotations: Sequence[Annotation] = (), meeting_date: str | None = None) -> Doc:
        return annotate(blank_nlp, text, annotations, meeting_date)

    return make
