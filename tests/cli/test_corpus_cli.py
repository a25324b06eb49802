"""``famhbg corpus validate | stats | export | import`` through the command line."""

import json
import os

import pytest
from typer.testing import CliRunner

from famhbg_nlp.cli import app
from famhbg_nlp.corpus import Record, SpanRecord, read_records, write_records

runner = CliRunner()

TEXT = "Mötet 201204 i Ängelholms kommun med Palle Lundberg och SKR beviljade 700 000 kr."


def _record(doc_id="kdg-1", **changes):
    spans = [
        SpanRecord(6, 12, "DATE", "2020-12-04"),
        SpanRecord(15, 32, "MUNICIPALITY", "Ängelholm"),
        SpanRecord(37, 51, "PERSON"),
        SpanRecord(56, 59, "ORG"),
        SpanRecord(70, 80, "AMOUNT", 700000),
    ]
    fields = {"id": doc_id, "text": TEXT, "meta": {"source": "x.txt", "meeting_date": "2020-11-27"}, "spans": spans}
    fields.update(changes)
    return Record(**fields)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus"
    path.mkdir()
    write_records(
        [_record("kdg-1"), _record("kdg-2", text=TEXT.upper().replace("KOMMUN", "kommun"))], path / "gold.jsonl"
    )
    return path


def test_record_offsets_are_right():
    record = _record()
    assert [record.span_text(s) for s in record.spans] == [
        "201204",
        "Ängelholms kommun",
        "Palle Lundberg",
        "SKR",
        "700 000 kr",
    ]


def test_validate_clean_corpus(corpus):
    result = runner.invoke(app, ["corpus", "validate", str(corpus), "--no-rules"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "2 documents, 0 problems" in result.stderr


def test_validate_lists_problems_and_fails(tmp_path):
    path = tmp_path / "gold.jsonl"
    bad_value = _record("kdg-1", spans=[SpanRecord(70, 80, "AMOUNT", "700000")])
    bad_edge = _record("kdg-2", spans=[SpanRecord(69, 80, "AMOUNT", 700000)])
    write_records([bad_value, bad_edge], path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    result = runner.invoke(app, ["corpus", "validate", str(path), "--no-rules"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:5] == [f"{path}:1", "kdg-1", "70-80", "AMOUNT", '"700 000 kr"']
    assert "AMOUNT value must be an integer" in lines[0]
    assert lines[1].split("\t")[:4] == [f"{path}:2", "kdg-2", "69-80", "AMOUNT"] and "edge" in lines[1]
    assert lines[2].startswith(f"{path}:3\t") and "invalid JSON" in lines[2]
    assert "3 problems (format: 1, scheme: 2)" in result.stderr


def test_validate_json_and_rules(tmp_path):
    path = tmp_path / "gold.jsonl"
    write_records([_record(spans=[SpanRecord(70, 80, "AMOUNT", 1)])], path)
    result = runner.invoke(app, ["corpus", "validate", str(path), "--json"])
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)
    assert (problem["kind"], problem["doc_id"], problem["start"], problem["label"]) == ("rules", "kdg-1", 70, "AMOUNT")


def test_stats_table_and_json(corpus):
    result = runner.invoke(app, ["corpus", "stats", str(corpus)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == [
        "id",
        "tokens",
        "spans",
        "PERSON",
        "MUNICIPALITY",
        "ORG",
        "DATE",
        "AMOUNT",
    ]
    result = runner.invoke(app, ["corpus", "stats", str(corpus), "--json"])
    stats = json.loads(result.stdout)
    assert stats["documents"] == 2 and stats["labels"]["AMOUNT"] == 2 and stats["spans"] == 10


@pytest.mark.parametrize("fmt,name", [("hf", "ds"), ("spacy", "x.spacy"), ("conll", "x.conll"), ("jsonl", "x.jsonl")])
def test_export_import_round_trip(corpus, tmp_path, fmt, name):
    out = tmp_path / name
    result = runner.invoke(app, ["corpus", "export", str(corpus), "--to", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    back = tmp_path / "back.jsonl"
    result = runner.invoke(app, ["corpus", "import", str(out), "--from", fmt, "--output", str(back)])
    assert result.exit_code == 0, result.output
    assert back.read_bytes() == (corpus / "gold.jsonl").read_bytes()
    assert "2 documents, 10 spans" in result.stderr


def test_export_splits(corpus, tmp_path):
    result = runner.invoke(
        app, ["corpus", "export", str(corpus), "--to", "hf", "--output", str(tmp_path / "ds"), "--split", "test=kdg-2"]
    )
    assert result.exit_code == 0, result.output
    assert "train: 1, test: 1" in result.stderr
    result = runner.invoke(
        app,
        [
            "corpus",
            "import",
            str(tmp_path / "ds"),
            "--from",
            "hf",
            "--split",
            "test",
            "--output",
            str(tmp_path / "test.jsonl"),
        ],
    )
    assert [r.id for r in read_records(tmp_path / "test.jsonl")] == ["kdg-2"]
    result = runner.invoke(
        app,
        [
            "corpus",
            "export",
            str(corpus),
            "--to",
            "conll",
            "--output",
            str(tmp_path / "c"),
            "--dev-fraction",
            "0.5",
            "--seed",
            "3",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(os.listdir(tmp_path / "c")) == ["dev.conll", "train.conll"]


def test_import_swedish_ner(tmp_path):
    src = tmp_path / "test_corpus.txt"
    src.write_text("Inger   PER\nAtterstam   PER\nbor   0\ni   0\nLund   LOC\n\nSAS   ORG\n.   0\n", encoding="utf-8")
    out = tmp_path / "sv.jsonl"
    result = runner.invoke(
        app, ["corpus", "import", str(src), "--from", "swedish-ner", "--output", str(out), "--limit", "1"]
    )
    assert result.exit_code == 0, result.output
    [record] = read_records(out)
    assert record.text == "Inger Atterstam bor i Lund"
    assert [(record.span_text(s), s.label) for s in record.spans] == [("Inger Atterstam", "PERSON")]


BAD_INPUT = [
    pytest.param(b'{"id": "a", "text": "x", "spans": []}\n{broken\n', "line 2", "invalid JSON", id="invalid-json"),
    pytest.param(b'{"id": "a", "spans": []}\n', "document 'a'", "no 'text'", id="missing-field"),
    pytest.param(
        b'{"id": "a", "text": "Bjuv", "spans": [{"start": 0, "end": 9, "label": "ORG"}]}\n',
        "document 'a'",
        "outside the text",
        id="offset-beyond",
    ),
    pytest.param(
        b'{"id": "a", "text": "Bjuv Bjuv", "spans": [{"start": 0, "end": 9, "label": "ORG"}, '
        b'{"start": 5, "end": 9, "label": "ORG"}]}\n',
        "offset 5",
        "overlaps",
        id="overlap",
    ),
    pytest.param(
        b'{"id": "a", "text": "Bjuv", "spans": [{"start": 0, "end": 4, "label": "LOC"}]}\n',
        "document 'a'",
        "unknown label 'LOC'",
        id="unknown-label",
    ),
    pytest.param(
        '{"id": "a", "text": "Malmö", "spans": []}\n'.encode("latin-1"), "line 1", "not valid UTF-8", id="not-utf8"
    ),
]


@pytest.mark.parametrize("content,where,reason", BAD_INPUT)
@pytest.mark.parametrize("fmt", ["hf", "spacy", "conll", "jsonl"])
def test_bad_input_fails_clearly_and_writes_nothing(tmp_path, content, where, reason, fmt):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(content)
    out = tmp_path / "out" / "result"
    result = runner.invoke(app, ["corpus", "export", str(path), "--to", fmt, "--output", str(out)])
    assert result.exit_code == 2
    assert str(path) in result.stderr and where in result.stderr and reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, "one clear sentence"
    assert not (tmp_path / "out").exists()
    validate = runner.invoke(app, ["corpus", "validate", str(path), "--no-rules"])
    assert validate.exit_code == 1 and reason in validate.stdout


def test_misaligned_span_fails_export(tmp_path):
    path = tmp_path / "gold.jsonl"
    write_records([_record(spans=[SpanRecord(15, 24, "MUNICIPALITY", "Ängelholm")])], path)
    result = runner.invoke(app, ["corpus", "export", str(path), "--to", "spacy", "--output", str(tmp_path / "x.spacy")])
    assert result.exit_code == 2
    assert f"{path}, line 1, document 'kdg-1', offset 15" in result.stderr and "does not align" in result.stderr
    assert not (tmp_path / "x.spacy").exists()


def test_bad_split_options(corpus, tmp_path):
    out = str(tmp_path / "x.jsonl")
    for args in (
        ["--split", "test"],
        ["--split", "test=nope"],
        ["--split", "a=kdg-1", "--dev-fraction", "0.5"],
        ["--dev-fraction", "1.5"],
    ):
        result = runner.invoke(app, ["corpus", "export", str(corpus), "--to", "jsonl", "--output", out, *args])
        assert result.exit_code == 2 and result.stderr.startswith("error: "), (args, result.output)
    assert not os.path.exists(out)


def test_import_unknown_suffix(tmp_path):
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["corpus", "import", str(tmp_path / "a.csv"), "--output", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr
