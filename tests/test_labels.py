"""The label registry: one value check for every label, and a new label reaches every consumer.

The toy label walks ``docs/adding-a-label.md``: registered at run time (no file edited), it gets
its span extension, passes validation, is drawn in the legend, round-trips through the corpus
formats and is scored by the evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import spacy

from famhbg_nlp import defaults, labels
from famhbg_nlp.annotate import label_studio_config
from famhbg_nlp.corpus import Record, SpanRecord, check_record, record_to_doc, validate_records
from famhbg_nlp.corpus.conll import read_conll, write_conll
from famhbg_nlp.corpus.iob import iob_names
from famhbg_nlp.extensions import VALUE_ATTRS, register_extensions
from famhbg_nlp.labels import LabelSpec, ValueType, value_problem
from famhbg_nlp.protocol.render import entities_html, legend_html
from famhbg_nlp.training.evaluate import Evaluation

SCHEME = ("PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT")


@pytest.mark.parametrize(
    "label,value,problem",
    [
        pytest.param("PERSON", None, None, id="person-null"),
        pytest.param("PERSON", "Anna", "PERSON value must be null", id="person-value"),
        pytest.param("ORG", "SKR", "ORG value must be null", id="org-value"),
        pytest.param("MUNICIPALITY", "Bjuv", None, id="municipality-name"),
        pytest.param("MUNICIPALITY", " ", "must be a name", id="municipality-blank"),
        pytest.param("MUNICIPALITY", None, "must be a name", id="municipality-null"),
        pytest.param("AMOUNT", 0, None, id="amount-zero"),
        pytest.param("AMOUNT", 1500000, None, id="amount"),
        pytest.param("AMOUNT", -5, "integer number of kronor", id="amount-negative"),
        pytest.param("AMOUNT", True, "integer number of kronor", id="amount-bool"),
        pytest.param("AMOUNT", "700", "integer number of kronor", id="amount-string"),
        pytest.param("DATE", None, None, id="date-malformed-null"),
        pytest.param("DATE", "2020-12-04", None, id="date-iso"),
        pytest.param("DATE", "2020-W49-5", "not an ISO date", id="date-week-form"),
        pytest.param("DATE", "2020-02-30", "not an ISO date", id="date-invalid-day"),
        pytest.param("DATE", {"start": "2020-09-03", "end": "2020-09-04"}, None, id="date-range"),
        pytest.param("DATE", {"start": "2020-09-04", "end": "2020-09-03"}, "does not end after", id="range-reversed"),
        pytest.param("DATE", {"start": "2020-09-03"}, "exactly 'start' and 'end'", id="range-keys"),
        pytest.param("DATE", 20201204, "not int", id="date-int"),
        pytest.param("LOC", None, "unknown label 'LOC'", id="unknown-label"),
    ],
)
def test_value_problem(label, value, problem):
    found = value_problem(label, value)
    assert found is None if problem is None else (found is not None and problem in found), found


@pytest.mark.parametrize(
    "value,problem",
    [
        pytest.param("Bjuv", None, id="canonical"),
        pytest.param("Bjuvs", "not a canonical name", id="genitive"),
        pytest.param(3, "must be a name", id="type-first"),
    ],
)
def test_value_problem_with_canonical_values(value, problem):
    found = value_problem("MUNICIPALITY", value, canonical={"MUNICIPALITY": {"Bjuv", "Båstad"}})
    assert found is None if problem is None else (found is not None and problem in found), found


def test_the_old_constants_are_views_of_the_registry():
    assert defaults.LABELS == SCHEME and list(defaults.LABELS) == list(SCHEME) and "ORG" in defaults.LABELS
    assert set(defaults.VALUE_LABELS) == set(defaults.SCORED_VALUE_LABELS) == {"MUNICIPALITY", "DATE", "AMOUNT"}
    assert dict(VALUE_ATTRS) == {"PERSON": "person", "MUNICIPALITY": "municipality", "DATE": "date", "AMOUNT": "amount"}
    assert set(defaults.LABEL_COLORS) == set(SCHEME)


@pytest.mark.parametrize(
    "spec,reason",
    [
        pytest.param(LabelSpec("ORG", "something else"), "registered already", id="same-name"),
        pytest.param(
            LabelSpec("PLACE", "place", value=labels.NAME_VALUE, attr="municipality"), "belongs to", id="same-attr"
        ),
    ],
)
def test_register_refuses_clashes(spec, reason):
    with pytest.raises(ValueError, match=reason):
        labels.register_label(spec)
    assert labels.label_names() == SCHEME


@pytest.mark.parametrize(
    "kwargs,reason",
    [
        pytest.param({"name": "MY LABEL", "description": "x"}, "without whitespace", id="whitespace"),
        pytest.param({"name": "X", "description": "x", "value": labels.KRONOR_VALUE}, "needs the Span", id="no-attr"),
        pytest.param({"name": "X", "description": "x", "scored": True}, "cannot have its value", id="scored-no-value"),
    ],
)
def test_bad_specs_are_refused(kwargs, reason):
    with pytest.raises(ValueError, match=reason):
        LabelSpec(**kwargs)


# --- the toy label of docs/adding-a-label.md ------------------------------------------------


def _percent(label: str, value: Any) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100
    return None if ok else f"{label} value must be a number from 0 to 100, not {value!r}"


PERCENT = LabelSpec(
    "PERCENT",
    "share",
    "#ffd1dc",
    value=ValueType("percent", "per cent", _percent),
    attr="percent",
    scored=True,
)


@dataclass(frozen=True)
class Percent:
    """The toy label's typed value (what a component would put in ``span._.percent``)."""

    number: float

    def to_json(self) -> float:
        return self.number


TEXT = "Skattesatsen i Bjuv höjs med 2,5 procent."


def _record(value: Any = 2.5) -> Record:
    bjuv, share = TEXT.index("Bjuv"), TEXT.index("2,5 procent")
    spans = [SpanRecord(bjuv, bjuv + 4, "MUNICIPALITY", "Bjuv"), SpanRecord(share, share + 11, "PERCENT", value)]
    return Record(id="toy", text=TEXT, meta={}, spans=spans)


@pytest.fixture
def toy():
    with labels.registered(PERCENT) as spec:
        register_extensions()
        yield spec
    assert "PERCENT" not in labels.label_names()


def test_toy_label_is_in_every_list(toy):
    assert labels.label_names() == (*SCHEME, "PERCENT") and defaults.LABELS[-1] == "PERCENT"
    assert "PERCENT" in defaults.VALUE_LABELS and "PERCENT" in defaults.SCORED_VALUE_LABELS
    assert VALUE_ATTRS["PERCENT"] == "percent" and defaults.LABEL_COLORS["PERCENT"] == "#ffd1dc"
    assert iob_names()[-2:] == ["B-PERCENT", "I-PERCENT"]
    assert '<Label value="PERCENT"/>' in label_studio_config()


def test_toy_label_extension(toy):
    doc = spacy.blank("sv")(TEXT)
    span = doc.char_span(TEXT.index("2,5"), TEXT.index("procent") + 7, label="PERCENT")
    assert span._.value is None
    span._.percent = Percent(2.5)
    assert span._.value == 2.5


def test_toy_label_validation(toy):
    assert check_record(_record()) == []
    assert validate_records([_record()], rules=False) == []
    (problem,) = validate_records([_record(value=250)], rules=False)
    assert problem.label == "PERCENT" and "from 0 to 100" in problem.reason


def test_toy_label_rendering(toy):
    legend = legend_html()
    assert 'class="legend-PERCENT" style="background: #ffd1dc"' in legend and "share (value: per cent)" in legend
    html = entities_html(TEXT, _record().spans)
    assert 'data-label="PERCENT" data-value="2.5"' in html and "background: #ffd1dc" in html


def test_toy_label_corpus_format_round_trip(toy, tmp_path):
    nlp = spacy.blank("sv")
    write_conll([_record()], tmp_path / "toy.conll", nlp)
    assert read_conll(tmp_path / "toy.conll") == [_record()]


def test_toy_label_is_scored(toy):
    nlp = spacy.blank("sv")
    evaluation = Evaluation()
    evaluation.add(record_to_doc(_record(), nlp), _record().spans, "toy")
    wrong = record_to_doc(_record(value=3), nlp)
    evaluation.add(wrong, _record().spans, "toy-wrong-value")
    result = evaluation.result()
    assert result["per_label"]["PERCENT"]["f1"] == 1.0
    assert result["values"]["PERCENT"] == {"matched": 2, "correct": 1, "accuracy": 0.5}
