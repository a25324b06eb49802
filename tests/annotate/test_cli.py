"""``famhbg annotate`` and ``famhbg corpus import --from label-studio|doccano|prodigy --into``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from famhbg_nlp.corpus import read_records

runner = CliRunner()


@pytest.fixture
def minutes(tmp_path, kit):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "a.txt").write_text(kit.TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(kit.TEXT + "\nBeslut: 1 500 tkr till Bjuv.", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["label-studio", "doccano", "prodigy", "jsonl"])
def test_annotate_writes_every_format(tmp_path, minutes, cli_app, fmt):
    out = tmp_path / "tasks.out"
    result = runner.invoke(
        cli_app,
        [
            "annotate",
            str(minutes),
            "--to",
            fmt,
            "--output",
            str(out),
            "--model",
            "rules",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.stderr
    raw = out.read_text(encoding="utf-8")
    tasks = json.loads(raw) if fmt == "label-studio" else [json.loads(line) for line in raw.splitlines()]
    assert len(tasks) == 2
    if fmt == "label-studio":
        values = {r["value"]["text"]: r["meta"]["value"] for r in tasks[1]["predictions"][0]["result"]}
        assert values["1 500 tkr"] == 1500000 and values["Ängelholms kommun"] == "Ängelholm"
        assert tasks[0]["data"]["doc_id"] == "a" and tasks[0]["data"]["meta"]["meeting_date"] == "2020-11-27"
    elif fmt == "doccano":
        assert [tasks[0]["text"][s:e] for s, e, _ in tasks[0]["label"]][:2] == [
            "2020-11-27",
            "4 december",
        ]
    elif fmt == "prodigy":
        assert [(s["text"], s["value"]) for s in tasks[1]["spans"]][-2:] == [
            ("1 500 tkr", 1500000),
            ("Bjuv", "Bjuv"),
        ]
    else:
        assert tasks[0]["id"] == "a" and tasks[0]["spans"][2]["value"] == "Ängelholm"


def test_annotate_reports_an_unreadable_file_and_writes_the_rest(tmp_path, minutes, cli_app):
    (minutes / "broken.pdf").write_bytes(b"not a pdf")
    out = tmp_path / "tasks.json"
    result = runner.invoke(
        cli_app,
        [
            "annotate",
            str(minutes),
            "--to",
            "label-studio",
            "-o",
            str(out),
            "--model",
            "rules",
        ],
    )
    assert result.exit_code == 1
    assert "broken.pdf: cannot read" in result.stderr
    assert [t["data"]["doc_id"] for t in json.loads(out.read_text(encoding="utf-8"))] == ["a", "b"]


def test_annotate_with_nothing_readable_writes_nothing(tmp_path, cli_app):
    out = tmp_path / "tasks.json"
    result = runner.invoke(
        cli_app,
        [
            "annotate",
            str(tmp_path / "missing.txt"),
            "--to",
            "doccano",
            "-o",
            str(out),
            "--model",
            "rules",
        ],
    )
    assert result.exit_code == 2 and "nothing written" in result.stderr and not out.exists()


def test_import_cli_merges_and_reports_per_task(tmp_path, minutes, cli_app, kit):
    tasks_path = tmp_path / "tasks.json"
    runner.invoke(
        cli_app,
        [
            "annotate",
            str(minutes),
            "--to",
            "label-studio",
            "-o",
            str(tasks_path),
            "--model",
            "rules",
        ],
    )
    tasks = kit.accept_predictions(json.loads(tasks_path.read_text(encoding="utf-8")))
    tasks[1]["annotations"][0]["result"][0]["value"]["labels"] = ["LOC"]
    kit.write_json(tmp_path / "export.json", tasks)
    corpus = tmp_path / "corpus"
    args = [
        "corpus",
        "import",
        str(tmp_path / "export.json"),
        "--from",
        "label-studio",
        "--into",
        str(corpus),
    ]
    result = runner.invoke(cli_app, args)
    assert result.exit_code == 1
    assert "task 2, document b: span" in result.stderr and "unknown label 'LOC'" in result.stderr
    assert "1 added, 0 replaced, 0 unchanged, 1 tasks left out" in result.stderr
    assert [r.id for r in read_records(corpus)] == ["a"]
    result = runner.invoke(cli_app, args)  # the same again: nothing duplicated
    assert "0 added, 0 replaced, 1 unchanged" in result.stderr
    assert [r.id for r in read_records(corpus)] == ["a"]


def test_import_cli_output_and_usage_errors(tmp_path, cli_app, kit):
    kit.write_jsonl(
        tmp_path / "d.jsonl",
        [{"text": kit.TEXT, "label": [[7, 17, "DATE"]], "doc_id": "d"}],
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        cli_app,
        [
            "corpus",
            "import",
            str(tmp_path / "d.jsonl"),
            "--from",
            "doccano",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert read_records(out)[0].spans[0].value == "2020-11-27"
    result = runner.invoke(cli_app, ["corpus", "import", str(tmp_path / "d.jsonl"), "--from", "doccano"])
    assert result.exit_code == 2 and "give either --into" in result.stderr
    result = runner.invoke(
        cli_app,
        ["corpus", "import", str(out), "--from", "jsonl", "--into", str(tmp_path)],
    )
    assert result.exit_code == 2 and "--into and --replace are for" in result.stderr
