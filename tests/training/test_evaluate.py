"""Entity-level scoring: strict IOB2 seqeval, value accuracy, confusions, comparison, failures."""

from __future__ import annotations

import datetime

import pytest
from spacy.language import Language

import famhbg_nlp
from famhbg_nlp.corpus import GoldValue, Record, SpanRecord
from famhbg_nlp.training.evaluate import (
    MISSED,
    SPURIOUS,
    Evaluation,
    compare_results,
    evaluate_pipeline,
    format_comparison,
    format_scores,
    predict,
)

TEXT = "Anna Berg från Båstad kommun talade med Region Skåne den 5 april 2021 om 700 000 kr."


def spans_of(text: str, *items: tuple) -> list[SpanRecord]:
    """``(substring, label[, value])`` -> SpanRecord at the substring's first occurrence."""
    spans = []
    for item in items:
        sub, label, *value = item
        start = text.index(sub)
        spans.append(SpanRecord(start, start + len(sub), label, value[0] if value else None))
    return spans


GOLD = spans_of(
    TEXT,
    ("Anna Berg", "PERSON"),
    ("Båstad kommun", "MUNICIPALITY", "Båstad"),
    ("Region Skåne", "ORG"),
    ("5 april 2021", "DATE", "2021-04-05"),
    ("700 000 kr", "AMOUNT", 700000),
)


def predicted(text: str, spans: list[SpanRecord]):
    """A doc of ``text`` (project tokenizer) whose ents are ``spans``, values set like the components do."""
    nlp = famhbg_nlp.blank()
    doc = nlp(text)
    ents = []
    for span in spans:
        ent = doc.char_span(span.start, span.end, label=span.label)
        assert ent is not None, span
        ents.append(ent)
    doc.ents = ents
    attrs = {"DATE": "date", "AMOUNT": "amount", "MUNICIPALITY": "municipality"}
    for ent, span in zip(doc.ents, spans):
        if span.value is not None and span.label in attrs:
            setattr(ent._, attrs[span.label], GoldValue(span.value))
    return doc


def score(text, gold, pred, labels=None):
    evaluation = Evaluation() if labels is None else Evaluation(labels)
    evaluation.add(predicted(text, pred), gold, "doc-1")
    return evaluation.result()


def test_perfect_prediction_scores_one_everywhere():
    result = score(TEXT, GOLD, GOLD)
    assert result["micro"]["f1"] == 1.0
    assert result["macro"]["f1"] == 1.0
    for label, row in result["per_label"].items():
        assert (row["precision"], row["recall"], row["f1"], row["support"]) == (1.0, 1.0, 1.0, 1), label
    assert result["values"]["all"] == {"matched": 3, "correct": 3, "accuracy": 1.0}
    assert result["confusion"]["PERSON"] == {"PERSON": 1}
    assert SPURIOUS not in result["confusion"]


@pytest.mark.parametrize(
    ("pred", "label", "precision", "recall"),
    [
        pytest.param([g for g in GOLD if g.label != "PERSON"], "PERSON", 0.0, 0.0, id="missed-person"),
        pytest.param(
            [g for g in GOLD if g.label != "PERSON"] + spans_of(TEXT, ("Anna", "PERSON")),
            "PERSON",
            0.0,
            0.0,
            id="person-boundary-too-short-is-wrong-in-strict-mode",
        ),
        pytest.param(GOLD + spans_of(TEXT, ("talade", "PERSON")), "PERSON", 0.5, 1.0, id="one-spurious-person"),
        pytest.param(
            [g for g in GOLD if g.label != "AMOUNT"] + spans_of(TEXT, ("000 kr", "AMOUNT", 0)),
            "AMOUNT",
            0.0,
            0.0,
            id="amount-boundary",
        ),
    ],
)
def test_strict_entity_level_precision_and_recall(pred, label, precision, recall):
    result = score(TEXT, GOLD, pred)
    row = result["per_label"][label]
    assert (row["precision"], row["recall"]) == (precision, recall)
    assert result["micro"]["f1"] < 1.0


def test_wrong_label_goes_to_the_confusion_table():
    pred = [g for g in GOLD if g.label != "ORG"] + spans_of(TEXT, ("Region Skåne", "MUNICIPALITY"))
    result = score(TEXT, GOLD, pred)
    assert result["confusion"]["ORG"] == {"MUNICIPALITY": 1}
    assert result["per_label"]["ORG"]["recall"] == 0.0
    assert result["per_label"]["MUNICIPALITY"]["precision"] == 0.5
    assert any(e["kind"] == "label" for e in result["errors"])


def test_missed_and_spurious_spans_are_counted():
    pred = [g for g in GOLD if g.label != "PERSON"] + spans_of(TEXT, ("talade", "ORG"))
    result = score(TEXT, GOLD, pred)
    assert result["confusion"]["PERSON"] == {MISSED: 1}
    assert result["confusion"][SPURIOUS] == {"ORG": 1}


def test_value_accuracy_only_on_exactly_matched_spans():
    wrong_amount = [g if g.label != "AMOUNT" else SpanRecord(g.start, g.end, g.label, 70000) for g in GOLD]
    result = score(TEXT, GOLD, wrong_amount)
    assert result["values"]["AMOUNT"] == {"matched": 1, "correct": 0, "accuracy": 0.0}
    assert result["values"]["DATE"]["accuracy"] == 1.0
    assert result["values"]["all"]["correct"] == 2
    # a mis-bounded date is not "matched", so its value is not scored
    shifted = [g for g in GOLD if g.label != "DATE"] + spans_of(TEXT, ("5 april", "DATE", "2021-04-05"))
    assert score(TEXT, GOLD, shifted)["values"]["DATE"]["matched"] == 0


def test_date_range_values_compare_as_dicts():
    text = "Mötet 2-3 september 2020 i Lund."
    value = {"start": "2020-09-02", "end": "2020-09-03"}
    gold = spans_of(text, ("2-3 september 2020", "DATE", value))
    assert score(text, gold, gold)["values"]["DATE"]["accuracy"] == 1.0
    other = spans_of(text, ("2-3 september 2020", "DATE", {"start": "2020-09-02", "end": "2020-09-04"}))
    assert score(text, gold, other)["values"]["DATE"]["accuracy"] == 0.0


def test_whitespace_tokens_are_not_scored_and_do_not_break_entities():
    text = "Anna  Berg\n\nPer Holm"
    doc = predicted(text, [])
    assert any(t.is_space for t in doc), "the test needs whitespace tokens"
    gold = spans_of(text, ("Anna  Berg", "PERSON"), ("Per Holm", "PERSON"))
    result = score(text, gold, gold)
    assert result["per_label"]["PERSON"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2, "predicted": 2}
    assert result["words"] == 4
    merged = score(text, gold, spans_of(text, ("Anna  Berg\n\nPer Holm", "PERSON")))
    assert merged["per_label"]["PERSON"]["f1"] == 0.0


def test_labels_restrict_scoring_on_both_sides():
    pred = GOLD + spans_of(TEXT, ("talade", "ORG"))
    result = score(TEXT, [g for g in GOLD if g.label in ("PERSON", "ORG")], pred, labels=("PERSON",))
    assert list(result["per_label"]) == ["PERSON"]
    assert result["micro"]["f1"] == 1.0
    assert SPURIOUS not in result["confusion"]
    assert result["values"] == {"all": {"matched": 0, "correct": 0, "accuracy": None}}


def test_gold_span_off_the_token_boundaries_is_reported_and_scored_on_covering_tokens():
    gold = [SpanRecord(0, 3, "PERSON")]  # "Ann" inside the token "Anna"
    result = score(TEXT, gold, spans_of(TEXT, ("Anna", "PERSON")))
    assert result["misaligned_gold"] == 1
    assert result["per_label"]["PERSON"]["f1"] == 1.0


def test_documents_pool_into_one_score():
    evaluation = Evaluation()
    evaluation.add(predicted(TEXT, GOLD), GOLD, "a")
    evaluation.add(predicted(TEXT, []), GOLD, "b")
    result = evaluation.result()
    assert result["docs"] == 2
    assert result["micro"]["precision"] == 1.0
    assert result["micro"]["recall"] == 0.5


def test_no_entities_anywhere_gives_empty_scores_not_errors():
    result = score("Inga namn här.", [], [])
    assert result["micro"]["f1"] == 0.0
    assert result["per_label"]["PERSON"]["support"] == 0


def test_compare_gives_b_minus_a():
    a = score(TEXT, GOLD, [g for g in GOLD if g.label != "PERSON"])
    b = score(TEXT, GOLD, GOLD)
    delta = compare_results(a, b)
    assert delta["per_label"]["PERSON"]["f1"] == 1.0
    assert delta["per_label"]["ORG"]["f1"] == 0.0
    assert delta["micro"]["f1"] == pytest.approx(b["micro"]["f1"] - a["micro"]["f1"])
    table = format_comparison(a, b, names=("old", "new"))
    assert "old" in table and "+1.000" in table


def test_format_scores_prints_every_label_and_the_confusion_table():
    text = format_scores(score(TEXT, GOLD, GOLD), title="demo")
    for word in ("demo", "PERSON", "AMOUNT", "micro", "macro", "MISSED", "accuracy"):
        assert word in text


@Language.component("famhbg_test_fail_on_boom")
def _fail_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("boom")
    return doc


def test_a_failing_document_is_reported_and_the_rest_still_scored():
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_test_fail_on_boom")
    records = [
        Record(id="ok-1", text=TEXT, meta={}, spans=GOLD),
        Record(id="bad", text="BOOM " + TEXT, meta={}, spans=[]),
        Record(id="ok-2", text=TEXT, meta={}, spans=GOLD),
    ]
    result = evaluate_pipeline(nlp, records)
    assert result["docs"] == 2
    assert [f["doc"] for f in result["failed"]] == ["bad"]
    assert "boom" in result["failed"][0]["error"]


SEEN: list = []


@Language.factory("famhbg_test_kwargs_recorder")
def _recorder(nlp, name):
    def component(doc, **kwargs):
        SEEN.append(kwargs.get("meeting_date"))
        return doc

    return component


@pytest.mark.parametrize(("use_gold", "expected"), [(True, datetime.date(2021, 4, 19)), (False, None)])
def test_gold_meeting_date_goes_to_the_dates_component_only_when_asked(use_gold, expected):
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_test_kwargs_recorder", name="famhbg_dates")
    SEEN.clear()
    records = [Record(id="d", text=TEXT, meta={"meeting_date": "2021-04-19"}, spans=[])]
    pairs, failures = predict(nlp, records, use_gold_meeting_date=use_gold)
    assert not failures and len(pairs) == 1
    assert SEEN == [expected]
