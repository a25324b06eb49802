"""Writers and readers of Label Studio, doccano and Prodigy tasks: round trips and bad tasks."""

from __future__ import annotations

import json

import pytest

from famhbg_nlp.annotate import (
    LABEL_STUDIO_CONFIG,
    read_doccano,
    read_label_studio,
    read_prodigy,
    read_tasks,
    to_label_studio,
    write_tasks,
)
from famhbg_nlp.corpus import read_records
from famhbg_nlp.defaults import LABELS

TEXT = "Datum: 2020-11-27\nMötet den 4 december i Ängelholms kommun med Palle Lundberg och SKR beviljade 700 000 kr."


def test_label_studio_round_trip_through_an_annotator(tmp_path, kit):
    records = [kit.make_record("kdg-1"), kit.make_record("kdg-2", text=TEXT + " Bjuv.")]
    path = tmp_path / "tasks.json"
    assert write_tasks(records, path, "label-studio", model_version="m-1") == 2
    tasks = json.loads(path.read_text(encoding="utf-8"))
    first = tasks[0]
    assert first["data"]["text"] == TEXT and first["data"]["doc_id"] == "kdg-1"
    assert first["predictions"][0]["model_version"] == "m-1"
    result = first["predictions"][0]["result"]
    assert [r["value"]["text"] for r in result] == [
        "2020-11-27",
        "4 december",
        "Ängelholms kommun",
        "Palle Lundberg",
        "SKR",
        "700 000 kr",
    ]
    assert [r["meta"]["value"] for r in result] == [
        "2020-11-27",
        "2020-12-04",
        "Ängelholm",
        None,
        None,
        700000,
    ]
    assert all(r["from_name"] == "label" and r["to_name"] == "text" for r in result)
    kit.write_json(tmp_path / "export.json", kit.accept_predictions(tasks))
    back, problems = read_label_studio(tmp_path / "export.json")
    assert problems == []
    assert [r.id for r in back] == ["kdg-1", "kdg-2"]
    assert [kit.edges(r) for r in back] == [kit.edges(r) for r in records]
    assert [r.text for r in back] == [r.text for r in records]
    assert back[0].meta == records[0].meta


def test_label_studio_takes_the_latest_annotation_that_was_not_cancelled(tmp_path, kit):
    task = to_label_studio([kit.make_record()], model_version="m")[0]
    result = task["predictions"][0]["result"]
    task["annotations"] = [
        {"result": result[:1], "updated_at": "2024-01-01T10:00:00"},
        {"result": result[:2], "updated_at": "2024-01-02T10:00:00"},
        {"result": result, "updated_at": "2024-01-03T10:00:00", "was_cancelled": True},
    ]
    kit.write_json(tmp_path / "e.json", [task])
    (record,), problems = read_label_studio(tmp_path / "e.json")
    assert problems == [] and len(record.spans) == 2


def test_label_studio_config_names_every_label():
    for label in LABELS:
        assert f'<Label value="{label}"/>' in LABEL_STUDIO_CONFIG
    assert 'name="label"' in LABEL_STUDIO_CONFIG and 'value="$text"' in LABEL_STUDIO_CONFIG


def test_doccano_sequence_shape_round_trip(tmp_path, kit):
    record = kit.make_record()
    write_tasks([record], tmp_path / "d.jsonl", "doccano")
    (line,) = [json.loads(x) for x in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line["label"][0] == [7, 17, "DATE"] and line["values"][-1] == 700000
    (back,), problems = read_doccano(tmp_path / "d.jsonl")
    assert problems == [] and back.id == "kdg-1" and kit.edges(back) == kit.edges(record)


def test_doccano_entities_shape(tmp_path, kit):
    record = kit.make_record()
    line = {
        "id": 17,
        "text": record.text,
        "entities": [
            {"id": i, "start_offset": s.start, "end_offset": s.end, "label": s.label}
            for i, s in enumerate(record.spans)
        ],
        "relations": [],
    }
    kit.write_jsonl(tmp_path / "d.jsonl", [line])
    (back,), problems = read_doccano(tmp_path / "d.jsonl")
    assert problems == [] and back.id == "17" and kit.edges(back) == kit.edges(record)


def test_prodigy_keeps_only_accepted_tasks(tmp_path, kit):
    record = kit.make_record()
    write_tasks([record], tmp_path / "p.jsonl", "prodigy")
    (task,) = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert task["meta"]["doc_id"] == "kdg-1"
    lines = [
        dict(task, answer="accept"),
        dict(task, answer="reject"),
        dict(task, answer="ignore"),
    ]
    kit.write_jsonl(tmp_path / "export.jsonl", lines)
    back, problems = read_prodigy(tmp_path / "export.jsonl")
    assert [r.id for r in back] == ["kdg-1"] and kit.edges(back[0]) == kit.edges(record)
    assert "doc_id" not in back[0].meta
    assert [(p.task, p.doc_id) for p in problems] == [(2, "kdg-1"), (3, "kdg-1")]
    assert "only 'accept'" in problems[0].reason


def test_jsonl_writes_corpus_records(tmp_path, kit):
    record = kit.make_record()
    write_tasks([record], tmp_path / "c.jsonl", "jsonl")
    assert read_records(tmp_path / "c.jsonl") == [record]


def _ls_task(kit, **changes) -> dict:
    task = kit.accept_predictions(to_label_studio([kit.make_record()], model_version="m"))[0]
    result = task["annotations"][0]["result"]
    for key, value in changes.items():
        if key == "value":
            result[0]["value"].update(value)
        elif key == "result":
            task["annotations"][0]["result"] = value
        else:
            task[key] = value
    return task


LS_BAD = [
    pytest.param({"value": {"start": 100, "end": 200}}, "outside the text", id="offsets-outside"),
    pytest.param({"value": {"start": 8}}, "but the text there is", id="offsets-dont-match-text"),
    pytest.param({"value": {"labels": ["LOC"]}}, "unknown label 'LOC'", id="unknown-label"),
    pytest.param({"value": {"labels": ["ORG", "PERSON"]}}, "has 2 labels", id="two-labels"),
    pytest.param({"value": {"start": "7"}}, "not integers", id="string-offset"),
    pytest.param({"result": []}, "annotation is empty", id="empty-result"),
    pytest.param({"annotations": []}, "has no annotation", id="no-annotations"),
    pytest.param(
        {"annotations": [{"result": [], "was_cancelled": True}]},
        "has no annotation",
        id="skipped",
    ),
    pytest.param({"data": {"doc_id": "x"}}, "has no text", id="no-text"),
    pytest.param({"data": "text"}, "no 'data' object", id="data-not-object"),
    pytest.param("a string", "not a JSON object", id="task-not-object"),
]


@pytest.mark.parametrize("bad, reason", LS_BAD)
def test_label_studio_bad_task_is_reported_and_the_others_are_read(tmp_path, kit, bad, reason):
    good = _ls_task(kit)
    bad = bad if isinstance(bad, str) else _ls_task(kit, **bad)
    kit.write_json(tmp_path / "e.json", [good, bad, good])
    records, problems = read_label_studio(tmp_path / "e.json")
    assert len(records) == 2
    (problem,) = problems
    assert problem.task == 2 and reason in problem.reason, problem
    assert str(problem).startswith(f"{tmp_path / 'e.json'}: task 2")


DOCCANO_BAD = [
    pytest.param({"text": TEXT, "label": [[7, 17]]}, "is not [start, end, LABEL]", id="pair"),
    pytest.param(
        {"text": TEXT, "label": [[7, 17, "DAY"]]},
        "unknown label 'DAY'",
        id="unknown-label",
    ),
    pytest.param({"text": TEXT, "label": [[7, 900, "DATE"]]}, "outside the text", id="outside"),
    pytest.param({"text": TEXT, "label": []}, "annotation is empty", id="empty"),
    pytest.param({"text": TEXT, "label": "DATE"}, "not a list", id="label-not-list"),
    pytest.param(
        {"text": TEXT, "entities": [{"start_offset": 7, "end_offset": 17}]},
        "unknown label None",
        id="entity-no-label",
    ),
    pytest.param({"label": [[7, 17, "DATE"]]}, "has no text", id="no-text"),
]


@pytest.mark.parametrize("bad, reason", DOCCANO_BAD)
def test_doccano_bad_line_is_reported(tmp_path, kit, bad, reason):
    good = {"text": TEXT, "label": [[7, 17, "DATE"]]}
    kit.write_jsonl(tmp_path / "d.jsonl", [good, bad])
    records, problems = read_doccano(tmp_path / "d.jsonl")
    assert len(records) == 1
    (problem,) = problems
    assert problem.task == 2 and reason in problem.reason, problem


def test_invalid_json_line_is_one_task_problem(tmp_path, kit):
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": TEXT, "label": [[7, 17, "DATE"]]}) + "\n{oops\n",
        encoding="utf-8",
    )
    records, problems = read_doccano(tmp_path / "d.jsonl")
    assert len(records) == 1 and problems[0].task == 2 and "line 2 is not valid JSON" in problems[0].reason


@pytest.mark.parametrize(
    "content, reason",
    [
        pytest.param(b"[{", "invalid JSON", id="broken-array"),
        pytest.param(b"\xff\xfe[]", "not UTF-8", id="not-utf8"),
        pytest.param(b"\n\n", "holds no tasks", id="empty-file"),
    ],
)
def test_unreadable_file_is_one_problem(tmp_path, kit, content, reason):
    (tmp_path / "e.json").write_bytes(content)
    records, problems = read_label_studio(tmp_path / "e.json")
    assert records == [] and len(problems) == 1
    assert problems[0].task == 0 and reason in problems[0].reason and "the file" in str(problems[0])


def test_missing_file_and_unknown_format(tmp_path, kit):
    records, problems = read_prodigy(tmp_path / "missing.jsonl")
    assert records == [] and "no such file" in problems[0].reason
    with pytest.raises(ValueError, match="unknown annotation format"):
        read_tasks(tmp_path / "x", "brat")
    with pytest.raises(ValueError, match="unknown format"):
        write_tasks([], tmp_path / "x", "brat")
