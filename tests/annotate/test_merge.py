"""Corrected exports into the corpus: values recomputed by the rules, validation, no duplicates."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from famhbg_nlp.annotate import import_export, prepare, rule_values, to_label_studio
from famhbg_nlp.corpus import CorpusError, read_records, write_records


def _export(tmp_path, kit, records, name="export.json"):
    path = tmp_path / name
    kit.write_json(path, kit.accept_predictions(to_label_studio(records, model_version="m")))
    return path


@pytest.fixture
def corpus(tmp_path, kit):
    path = tmp_path / "corpus"
    old = kit.make_record("old-1", text=kit.TEXT + " Klippan.")
    write_records([old], path / "gold.jsonl")
    return path


def test_values_are_recomputed_by_the_rules(kit, rules_nlp):
    record = kit.make_record()
    wrong = replace(
        record,
        spans=[replace(s, value=1 if s.label == "AMOUNT" else None) for s in record.spans],
    )
    assert rule_values(wrong, rules_nlp).spans == record.spans


@pytest.mark.parametrize(
    "meta, expected_meeting, expected_yearless",
    [
        pytest.param(
            {"meeting_date": "2021-11-27"},
            "2021-11-27",
            "2021-12-04",
            id="meta-meeting-date-wins",
        ),
        pytest.param({}, "2020-11-27", "2020-12-04", id="inferred-from-text"),
    ],
)
def test_meeting_date_from_meta_else_inferred(kit, rules_nlp, meta, expected_meeting, expected_yearless):
    record = rule_values(kit.make_record(meta=meta), rules_nlp)
    assert record.meta["meeting_date"] == expected_meeting
    assert record.spans[1].value == expected_yearless


def test_import_adds_new_documents_to_the_import_file(tmp_path, kit, corpus, rules_nlp):
    report = import_export(
        _export(tmp_path, kit, [kit.make_record("new-1")]),
        "label-studio",
        corpus,
        rules_nlp=rules_nlp,
    )
    assert report.added == ["new-1"] and report.problems == []
    assert [r.id for r in read_records(corpus)] == [
        "new-1",
        "old-1",
    ]  # annotated.jsonl, gold.jsonl
    assert read_records(corpus / "annotated.jsonl") == [kit.make_record("new-1")]


def test_existing_id_needs_replace(tmp_path, kit, corpus, rules_nlp):
    changed = kit.make_record("old-1", text=kit.TEXT + " Klippan.")
    changed.spans.pop(0)
    path = _export(tmp_path, kit, [changed])
    before = (corpus / "gold.jsonl").read_bytes()
    report = import_export(path, "label-studio", corpus, rules_nlp=rules_nlp)
    assert report.added == report.replaced == [] and len(report.problems) == 1
    assert "pass --replace" in report.problems[0].reason and report.problems[0].doc_id == "old-1"
    assert (corpus / "gold.jsonl").read_bytes() == before and not (corpus / "annotated.jsonl").exists()
    report = import_export(path, "label-studio", corpus, replace=True, rules_nlp=rules_nlp)
    assert report.replaced == ["old-1"] and report.problems == []
    assert read_records(corpus / "gold.jsonl") == [changed]
    again = import_export(path, "label-studio", corpus, rules_nlp=rules_nlp)
    assert again.unchanged == ["old-1"] and again.problems == [] and again.files == []


def test_same_text_under_another_id_is_refused(tmp_path, kit, corpus, rules_nlp):
    import_export(
        _export(tmp_path, kit, [kit.make_record("a")]),
        "label-studio",
        corpus,
        rules_nlp=rules_nlp,
    )
    report = import_export(
        _export(tmp_path, kit, [kit.make_record("b")]),
        "label-studio",
        corpus,
        rules_nlp=rules_nlp,
    )
    assert report.added == [] and "same text as document 'a'" in report.problems[0].reason


def test_duplicate_id_in_one_export(tmp_path, kit, rules_nlp):
    path = _export(
        tmp_path,
        kit,
        [kit.make_record("a"), kit.make_record("a", text=kit.TEXT + " Bjuv.")],
    )
    good, problems = prepare(path, "label-studio", rules_nlp=rules_nlp)
    assert [r.id for _, r in good] == ["a"]
    assert (problems[0].task, problems[0].reason) == (
        2,
        "the id is used by task 1 already",
    )


BAD_SPANS = [
    pytest.param(
        ("Palle Lundberg ", "PERSON"),
        "whitespace, punctuation or markup at the edge",
        id="edge",
    ),
    pytest.param(
        ("alle Lundberg", "PERSON"),
        "does not align to the project tokenizer",
        id="inside-a-word",
    ),
    pytest.param(
        ("Palle Lundberg", "MUNICIPALITY"),
        "MUNICIPALITY value must be a name",
        id="rules-cannot-value",
    ),
    pytest.param(("Ängelholms", "PERSON"), "overlaps", id="overlap"),
]


@pytest.mark.parametrize("bad, reason", BAD_SPANS)
def test_scheme_problem_leaves_the_task_out_with_its_span(tmp_path, kit, rules_nlp, bad, reason):
    record = kit.make_record("bad")
    record.spans[:] = [s for s in record.spans if s.label != "PERSON"] + kit.spans_of(record.text, bad)
    path = _export(tmp_path, kit, [kit.make_record("good", text=kit.TEXT + " Bjuv."), record])
    good, problems = prepare(path, "label-studio", rules_nlp=rules_nlp)
    assert [r.id for _, r in good] == ["good"]
    assert problems and all(p.task == 2 and p.doc_id == "bad" for p in problems)
    assert any(reason in p.reason and "span " in p.reason for p in problems), problems


def test_unreadable_corpus_writes_nothing(tmp_path, kit, corpus, rules_nlp):
    (corpus / "broken.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="invalid JSON"):
        import_export(
            _export(tmp_path, kit, [kit.make_record("new")]),
            "label-studio",
            corpus,
            rules_nlp=rules_nlp,
        )
    assert sorted(p.name for p in corpus.iterdir()) == ["broken.jsonl", "gold.jsonl"]


def test_failed_write_leaves_the_corpus_as_it_was(tmp_path, kit, corpus, rules_nlp, monkeypatch):
    from famhbg_nlp.annotate import merge

    before = (corpus / "gold.jsonl").read_bytes()
    path = _export(tmp_path, kit, [kit.make_record("old-1"), kit.make_record("new")])

    def broken(record):
        raise OSError("disk full")

    monkeypatch.setattr(merge, "dumps_record", broken)
    with pytest.raises(OSError, match="disk full"):
        import_export(path, "label-studio", corpus, replace=True, rules_nlp=rules_nlp)
    assert sorted(p.name for p in corpus.iterdir()) == ["gold.jsonl"]
    assert (corpus / "gold.jsonl").read_bytes() == before


def test_doccano_and_prodigy_exports_import_too(tmp_path, kit, corpus, rules_nlp):
    record = kit.make_record("d1")
    line = {
        "text": record.text,
        "label": [[s.start, s.end, s.label] for s in record.spans],
        "doc_id": "d1",
    }
    kit.write_jsonl(tmp_path / "d.jsonl", [line])
    other = kit.make_record("p1", text=kit.TEXT + " Bjuv.")
    spans = [{"start": s.start, "end": s.end, "label": s.label} for s in other.spans]
    kit.write_jsonl(
        tmp_path / "p.jsonl",
        [
            {
                "text": other.text,
                "spans": spans,
                "answer": "accept",
                "meta": {"doc_id": "p1"},
            }
        ],
    )
    assert import_export(tmp_path / "d.jsonl", "doccano", corpus, rules_nlp=rules_nlp).added == ["d1"]
    assert import_export(tmp_path / "p.jsonl", "prodigy", corpus, rules_nlp=rules_nlp).added == ["p1"]
    imported = {r.id: r for r in read_records(corpus / "annotated.jsonl")}
    assert imported["d1"].spans == record.spans  # values recomputed, meeting date inferred
    assert imported["d1"].meta == {"meeting_date": "2020-11-27"}
    assert json.loads(json.dumps(imported["p1"].to_dict()))["spans"][-1]["value"] == 700000
