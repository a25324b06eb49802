"""The trained pipeline shipped inside the package: loads offline, finds what the rules cannot.

The five seeds are part of its training data, so these are checks that the right model is
shipped and wired (not accuracy claims; those come from ``famhbg crossval``).
"""

import pytest

import famhbg_nlp
from famhbg_nlp.corpus import read_records
from famhbg_nlp.defaults import RULE_PIPES
from famhbg_nlp.pipeline import shipped_model_path


@pytest.fixture(scope="module")
def nlp():
    return famhbg_nlp.load()


@pytest.fixture(scope="module")
def gold():
    return {record.id: record for record in read_records("corpus")}


def test_load_gives_the_shipped_trained_pipeline(nlp):
    assert shipped_model_path() is not None
    assert nlp.pipe_names[:2] == ["tok2vec", "ner"]
    assert nlp.pipe_names[2:] == list(RULE_PIPES)
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT"}


@pytest.mark.parametrize(
    "doc_id", ["kdg-2016-03-17", "kdg-2018-06-15", "kdg-2020-11-27", "kdg-2021-06-18", "kdg-2024-04-19"]
)
def test_persons_and_orgs_come_from_the_trained_ner(nlp, gold, doc_id):
    record = gold[doc_id]
    doc = nlp(record.text)
    predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    for label in ("PERSON", "ORG"):
        expected = {(s.start, s.end, s.label) for s in record.spans if s.label == label}
        if expected:
            assert len(expected & predicted) / len(expected) >= 0.8, label


def test_values_of_rule_labels_on_a_seed(nlp, gold):
    record = gold["kdg-2021-06-18"]
    doc = nlp(record.text)
    predicted = {(e.start_char, e.end_char): e._.value for e in doc.ents}
    for span in record.spans:
        if span.label in ("DATE", "AMOUNT", "MUNICIPALITY"):
            assert predicted.get((span.start, span.end)) == span.value, record.text[span.start : span.end]
    assert doc._.meeting_date.isoformat() == record.meta["meeting_date"]


def test_parse_with_the_shipped_model_finds_the_attendees(gold):
    record = gold["kdg-2021-06-18"]
    protocol = famhbg_nlp.parse_text(record.text)
    pairs = {(p.name, p.municipality) for p in protocol.attendees}
    assert ("Christer Pålsson", "Bjuv") in pairs
    assert ("Stefan Christensson", "Örkelljunga") in pairs
    assert len(pairs) >= 9
    assert "Jonas Jönsson" in {p.name for p in protocol.absent}
    assert protocol.chair == "Palle Lundberg"
