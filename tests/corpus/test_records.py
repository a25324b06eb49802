"""Record shape, span checks and the one-sentence error message."""

import pytest

from famhbg_nlp.corpus import CorpusError, Record, SpanRecord, check_record


def test_record_dict_round_trip(records):
    for record in records:
        assert Record.from_dict(record.to_dict()) == record


def test_meta_and_value_are_optional():
    record = Record.from_dict({"id": "a", "text": "Palle", "spans": [{"start": 0, "end": 5, "label": "PERSON"}]})
    assert record.meta == {}
    assert record.spans == [SpanRecord(0, 5, "PERSON", None)]


@pytest.mark.parametrize(
    "data,fragment",
    [
        pytest.param([1, 2], "must be a JSON object", id="not-object"),
        pytest.param({"text": "x", "spans": []}, "no 'id'", id="no-id"),
        pytest.param({"id": 7, "text": "x", "spans": []}, "not a non-empty string", id="id-not-string"),
        pytest.param({"id": "a", "spans": []}, "no 'text'", id="no-text"),
        pytest.param({"id": "a", "text": "x"}, "no 'spans'", id="no-spans"),
        pytest.param({"id": "a", "text": 3, "spans": []}, "'text' is a int", id="text-not-string"),
        pytest.param({"id": "a", "text": "x", "meta": [], "spans": []}, "'meta' is a list", id="meta-not-object"),
        pytest.param({"id": "a", "text": "x", "spans": {}}, "'spans' is a dict", id="spans-not-list"),
        pytest.param(
            {"id": "a", "text": "x", "spans": [{"start": 0, "label": "ORG"}]}, "span #0 has no 'end'", id="span-no-end"
        ),
        pytest.param(
            {"id": "a", "text": "x", "spans": [{"start": "0", "end": 1, "label": "ORG"}]},
            "non-integer",
            id="span-str-offset",
        ),
        pytest.param(
            {"id": "a", "text": "x", "spans": [{"start": True, "end": 1, "label": "ORG"}]},
            "non-integer",
            id="span-bool-offset",
        ),
        pytest.param(
            {"id": "a", "text": "x", "spans": [{"start": 0, "end": 1, "label": 5}]},
            "label that is not a string",
            id="label-not-string",
        ),
    ],
)
def test_from_dict_rejects_wrong_shapes(data, fragment):
    with pytest.raises(CorpusError) as info:
        Record.from_dict(data)
    assert fragment in str(info.value)
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        assert info.value.doc_id == data["id"]


@pytest.mark.parametrize(
    "spans,fragment,offset",
    [
        pytest.param([(0, 40, "PERSON")], "outside the text", 0, id="beyond-end"),
        pytest.param([(-1, 3, "PERSON")], "outside the text", -1, id="negative"),
        pytest.param([(3, 3, "PERSON")], "empty or reversed", 3, id="empty"),
        pytest.param([(5, 3, "PERSON")], "empty or reversed", 5, id="reversed"),
        pytest.param([(0, 5, "LOC")], "unknown label 'LOC'", 0, id="unknown-label"),
        pytest.param([(0, 14, "PERSON"), (6, 14, "PERSON")], "overlaps", 6, id="overlap"),
        pytest.param([(0, 20, "ORG"), (0, 5, "PERSON"), (6, 14, "PERSON")], "overlaps", 0, id="nested-in-long-span"),
    ],
)
def test_check_record_finds_unusable_spans(spans, fragment, offset):
    record = Record("doc-1", "Palle Lundberg och Lena", {}, [SpanRecord(s, e, label) for s, e, label in spans])
    problems = check_record(record)
    assert problems, "expected a problem"
    assert any(fragment in str(p) and p.offset == offset for p in problems), [str(p) for p in problems]
    assert all(p.doc_id == "doc-1" for p in problems)


def test_nested_spans_report_every_overlap():
    record = Record(
        "d",
        "Palle Lundberg och Lena",
        {},
        [SpanRecord(0, 20, "ORG"), SpanRecord(0, 5, "PERSON"), SpanRecord(6, 14, "PERSON")],
    )
    assert len(check_record(record)) == 2


def test_clean_record_has_no_problems(records):
    for record in records:
        assert check_record(record) == []


def test_error_message_names_everything():
    err = CorpusError("span 3-9 overlaps", path="corpus/gold.jsonl", line=4, doc_id="kdg-1", offset=3)
    assert str(err) == "corpus/gold.jsonl, line 4, document 'kdg-1', offset 3: span 3-9 overlaps."
    assert str(CorpusError("bad.")) == "bad."
    located = CorpusError("x", doc_id="a").located(path="f.jsonl", line=2, doc_id="ignored")
    assert (located.path, located.line, located.doc_id) == ("f.jsonl", 2, "a")
