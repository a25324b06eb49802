"""Records <-> spaCy Docs."""

import datetime as dt

import pytest

from famhbg_nlp.corpus import CorpusError, GoldValue, Record, SpanRecord, doc_to_record, record_to_doc


def test_record_to_doc_puts_spans_values_and_meeting_date(nlp, tricky):
    doc = record_to_doc(tricky, nlp)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(s.start, s.end, s.label) for s in tricky.spans]
    assert [e._.value for e in doc.ents] == [s.value for s in tricky.spans]
    amount = next(e for e in doc.ents if e.label_ == "AMOUNT")
    assert amount._.amount == GoldValue(700000)
    assert doc._.meeting_date == dt.date(2020, 11, 27)
    assert not any(token.is_space for ent in doc.ents for token in (ent[0], ent[-1]))


def test_doc_to_record_round_trip(nlp, tricky):
    doc = record_to_doc(tricky, nlp)
    back = doc_to_record(doc, tricky.id, tricky.meta)
    assert back == tricky


def test_doc_to_record_adds_meeting_date_and_nulls_person_values(nlp):
    record = Record(
        "a", "Palle Lundberg i Bjuv", {}, [SpanRecord(0, 14, "PERSON"), SpanRecord(17, 21, "MUNICIPALITY", "Bjuv")]
    )
    doc = record_to_doc(record, nlp)
    doc._.meeting_date = dt.date(2021, 6, 18)
    doc.ents[0]._.person = GoldValue("not a scheme value")
    back = doc_to_record(doc, "a")
    assert back.meta == {"meeting_date": "2021-06-18"}
    assert [s.value for s in back.spans] == [None, "Bjuv"]


def test_values_can_be_left_out(nlp, tricky):
    doc = record_to_doc(tricky, nlp, values=False)
    assert all(e._.value is None for e in doc.ents)
    assert doc._.meeting_date is None
    assert not doc.user_data, "nothing that a DocBin could not serialize"


def test_misaligned_span_names_document_and_span(nlp):
    record = Record("doc-7", "Helsingborgs Stad", {}, [SpanRecord(0, 11, "MUNICIPALITY", "Helsingborg")])
    with pytest.raises(CorpusError) as info:
        record_to_doc(record, nlp)
    err = info.value
    assert err.doc_id == "doc-7" and err.offset == 0
    assert "'Helsingborg'" in str(err) and "does not align" in str(err) and "'Helsingborgs'" in str(err)


def test_expand_alignment_moves_the_edges(nlp):
    record = Record("d", "Helsingborgs Stad", {}, [SpanRecord(0, 11, "MUNICIPALITY", "Helsingborg")])
    doc = record_to_doc(record, nlp, alignment_mode="expand")
    assert [(e.text, e._.value) for e in doc.ents] == [("Helsingborgs", "Helsingborg")]


@pytest.mark.parametrize(
    "record,fragment",
    [
        pytest.param(Record("d", "Bjuv", {}, [SpanRecord(0, 9, "MUNICIPALITY")]), "outside the text", id="outside"),
        pytest.param(Record("d", "Bjuv", {}, [SpanRecord(0, 4, "PLACE")]), "unknown label", id="label"),
        pytest.param(Record("d", "Bjuv", {"meeting_date": "18/6 2021"}, []), "not an ISO date", id="meeting-date"),
    ],
)
def test_unusable_record_raises(nlp, record, fragment):
    with pytest.raises(CorpusError, match=fragment):
        record_to_doc(record, nlp)
