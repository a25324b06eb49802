"""Merge policies: how rule spans and NER entities combine."""

import pytest
from spacy.tokens import Span

import famhbg_nlp
from famhbg_nlp.spans import merge_ents

TEXT = "Projektet vid Högskolan i Kristianstad fick 200 tkr den 3 maj"


def _doc(ents):
    doc = famhbg_nlp.blank()(TEXT)
    doc.ents = [doc.char_span(TEXT.index(t), TEXT.index(t) + len(t), label=label) for t, label in ents]
    return doc


def _rule(doc, text, label):
    start = TEXT.index(text)
    return doc.char_span(start, start + len(text), label=label)


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    "policy,ner,rule,expected",
    [
        pytest.param(
            "longest",
            [("Högskolan i Kristianstad", "ORG")],
            ("Kristianstad", "MUNICIPALITY"),
            [("Högskolan i Kristianstad", "ORG")],
            id="longest-keeps-longer-other-label",
        ),
        pytest.param(
            "rules",
            [("Högskolan i Kristianstad", "ORG")],
            ("Kristianstad", "MUNICIPALITY"),
            [("Kristianstad", "MUNICIPALITY")],
            id="rules-always-win",
        ),
        pytest.param(
            "longest",
            [("den 3 maj", "DATE")],
            ("3 maj", "DATE"),
            [("3 maj", "DATE")],
            id="longest-same-label-takes-rule-boundary",
        ),
        pytest.param(
            "longest", [("200", "DATE")], ("200 tkr", "AMOUNT"), [("200 tkr", "AMOUNT")], id="longest-rule-longer-wins"
        ),
        pytest.param(
            "ner", [("den 3 maj", "DATE")], ("3 maj", "DATE"), [("den 3 maj", "DATE")], id="ner-keeps-entities"
        ),
        pytest.param("ner", [], ("3 maj", "DATE"), [("3 maj", "DATE")], id="ner-fills-gaps"),
    ],
)
def test_policies(policy, ner, rule, expected):
    doc = _doc(ner)
    merge_ents(doc, [_rule(doc, *rule)], policy)
    assert _ents(doc) == expected


def test_overlapping_rule_spans_longest_first():
    doc = _doc([])
    accepted = merge_ents(
        doc, [_rule(doc, "Kristianstad", "MUNICIPALITY"), _rule(doc, "i Kristianstad", "ORG")], "rules"
    )
    assert [(s.text, s.label_) for s in accepted] == [("i Kristianstad", "ORG")]


def test_unknown_policy_is_a_clear_error():
    doc = _doc([])
    with pytest.raises(ValueError, match="Unknown merge policy 'best'"):
        merge_ents(doc, [], "best")


def test_value_forwards_to_label_attribute():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Fake:
        kronor: int

        def to_json(self):
            return self.kronor

    doc = _doc([("200 tkr", "AMOUNT"), ("Högskolan i Kristianstad", "ORG")])
    amount, org = doc.ents[1], doc.ents[0]
    amount._.amount = Fake(200000)
    assert Span(doc, amount.start, amount.end, label="AMOUNT")._.value == 200000
    assert org._.value is None


@pytest.mark.parametrize(
    "drop,ner_text,label,expected",
    [
        pytest.param(True, "Paus", "MUNICIPALITY", [], id="unknown-municipality-dropped"),
        pytest.param(False, "Paus", "MUNICIPALITY", [("Paus", "MUNICIPALITY", None)], id="kept-when-asked"),
        pytest.param(
            True, "Bjuvs", "MUNICIPALITY", [("Bjuvs", "MUNICIPALITY", "Bjuv")], id="resolvable-kept-with-value"
        ),
        pytest.param(True, "hösten", "DATE", [], id="unparseable-date-dropped"),
        pytest.param(True, "tusen", "AMOUNT", [], id="unparseable-amount-dropped"),
    ],
)
def test_rule_components_drop_ner_spans_they_cannot_value(drop, ner_text, label, expected):
    nlp = famhbg_nlp.blank()
    pipe = {"MUNICIPALITY": "famhbg_municipalities", "DATE": "famhbg_dates", "AMOUNT": "famhbg_amounts"}[label]
    nlp.add_pipe(pipe, config={"drop_unvalued": drop, "policy": "ner"})
    text = f"Efter {ner_text} kom vi"
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(6, 6 + len(ner_text), label=label)]
    doc = nlp.get_pipe(pipe)(doc)
    assert [(e.text, e.label_, e._.value) for e in doc.ents] == expected


def test_the_same_entities_are_not_written_back():
    """A merge that ends with the entities the document has leaves ``doc.ents`` alone; one that changes
    them, or a document whose tokens lack their entity annotation, is written."""
    from famhbg_nlp.spans import merge_into, merge_policy, same_ents

    doc = _doc([("200 tkr", "AMOUNT")])
    current = list(doc.ents)
    _, merged = merge_into(doc, [_rule(doc, "200 tkr", "AMOUNT")], merge_policy("rules"), current, current=current)
    assert same_ents(doc, merged, current) and _ents(doc) == [("200 tkr", "AMOUNT")]
    _, merged = merge_into(doc, [_rule(doc, "3 maj", "DATE")], merge_policy("rules"), current, current=current)
    assert _ents(doc) == [("200 tkr", "AMOUNT"), ("3 maj", "DATE")] == [(e.text, e.label_) for e in merged]
    fresh = famhbg_nlp.blank()(TEXT)  # no entity annotation at all
    assert not same_ents(fresh, [], list(fresh.ents))
    merge_ents(fresh, [], "rules")
    assert all(t.ent_iob_ == "O" for t in fresh)
