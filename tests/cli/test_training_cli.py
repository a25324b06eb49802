"""``famhbg train``, ``famhbg evaluate`` and ``famhbg crossval`` end to end on tiny data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from support import record
from typer.testing import CliRunner

from famhbg_nlp.cli import app
from famhbg_nlp.corpus import Record, SpanRecord, write_records

CNN = str(Path(__file__).resolve().parents[2] / "configs" / "cnn.cfg")
runner = CliRunner()


RECORDS = [
    record(
        "p1",
        "Närvarande: Anna Berg, Båstad, Per Holm, Bjuv.\nBeslut om 700 000 kr till Region Skåne.",
        ("Anna Berg", "PERSON"),
        ("Båstad", "MUNICIPALITY", "Båstad"),
        ("Per Holm", "PERSON"),
        ("Bjuv", "MUNICIPALITY", "Bjuv"),
        ("700 000 kr", "AMOUNT", 700000),
        ("Region Skåne", "ORG"),
    ),
    record(
        "p2",
        "Karin Lund från Höganäs kommun redogjorde den 5 april 2021.",
        ("Karin Lund", "PERSON"),
        ("Höganäs kommun", "MUNICIPALITY", "Höganäs"),
        ("5 april 2021", "DATE", "2021-04-05"),
    ),
    record(
        "p3",
        "Närvarande: Lars-Ola Olsson, Klippan, Eva Ek, Åstorp. Skånes Kommuner bidrar med 1500 tkr.",
        ("Lars-Ola Olsson", "PERSON"),
        ("Klippan", "MUNICIPALITY", "Klippan"),
        ("Eva Ek", "PERSON"),
        ("Åstorp", "MUNICIPALITY", "Åstorp"),
        ("Skånes Kommuner", "ORG"),
        ("1500 tkr", "AMOUNT", 1500000),
    ),
]


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def gold(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    write_records(RECORDS, path)
    return path


@pytest.fixture(scope="module")
def model(tmp_path_factory, gold) -> Path:
    out = tmp_path_factory.mktemp("train") / "model"
    result = invoke(
        "train", "--config", CNN, "--output", out, "--gold", gold, "--synthetic", 0, "--seed", 3, "--max-steps", 5
    )
    assert result.exit_code == 0, result.output
    return out


def test_train_writes_a_loadable_pipeline_with_the_rule_components(model):
    nlp = spacy.load(model)
    assert nlp.pipe_names[:2] == ["tok2vec", "ner"]
    assert "famhbg_dates" in nlp.pipe_names
    assert nlp.meta["famhbg_training"]["gold_docs"] == ["p1", "p2", "p3"]
    assert nlp.meta["famhbg_training"]["seed"] == 3


def test_train_stops_on_a_misaligned_span_naming_document_and_span(tmp_path):
    bad = tmp_path / "bad.jsonl"
    write_records(
        [RECORDS[0], Record(id="broken", text="Anna Bergström.", meta={}, spans=[SpanRecord(0, 9, "PERSON")])], bad
    )
    result = invoke(
        "train", "--config", CNN, "--output", tmp_path / "m", "--gold", bad, "--synthetic", 0, "--max-steps", 2
    )
    assert result.exit_code == 2
    assert "broken" in result.output and "0-9" in result.output
    assert not (tmp_path / "m").exists()


def test_train_with_a_missing_config_fails_clearly(tmp_path, gold):
    result = invoke("train", "--config", tmp_path / "nope.cfg", "--output", tmp_path / "m", "--gold", gold)
    assert result.exit_code == 2
    assert "nope.cfg" in result.output


def test_evaluate_prints_a_table_and_writes_json(model, gold, tmp_path):
    out = tmp_path / "scores.json"
    result = invoke("evaluate", model, gold, "--json", out)
    assert result.exit_code == 0, result.output
    assert "PERSON" in result.output and "micro" in result.output and "MISSED" in result.output
    scores = json.loads(out.read_text())
    assert scores["docs"] == 3
    assert scores["per_label"]["PERSON"]["support"] == 5
    # the rule components find every amount of the tiny corpus
    assert scores["values"]["AMOUNT"]["matched"] == 2


def test_evaluate_compare_reports_both_models_and_deltas(model, gold, tmp_path):
    out = tmp_path / "compare.json"
    result = invoke("evaluate", "rules", gold, "--compare", model, "--json", out, "--labels", "PERSON,AMOUNT")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert set(data) == {"a", "b", "delta"}
    assert list(data["a"]["per_label"]) == ["PERSON", "AMOUNT"]
    a, b = data["a"]["per_label"]["PERSON"]["f1"], data["b"]["per_label"]["PERSON"]["f1"]
    assert data["delta"]["per_label"]["PERSON"]["f1"] == pytest.approx(b - a)
    assert "delta" in result.output


def test_evaluate_on_news_corpus_format_with_label_restriction(tmp_path):
    news = tmp_path / "test_corpus.txt"
    news.write_text(
        "Inger\tPER\nAtterstam\tPER\nsade\t0\natt\t0\nSAAB\tORG\när\t0\ni\t0\nStockholm\tLOC\n.\t0\n\n",
        encoding="utf-8",
    )
    out = tmp_path / "news.json"
    result = invoke("evaluate", "rules", news, "--labels", "PERSON,ORG", "--format", "json", "--json", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["labels"] == ["PERSON", "ORG"]
    assert data["per_label"]["PERSON"]["support"] == 1 and data["per_label"]["ORG"]["support"] == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        pytest.param(["--labels", "PERSON,FOO"], "FOO", id="unknown-label"),
        pytest.param(["--compare", "no/such/model"], "no/such/model", id="missing-compare-model"),
    ],
)
def test_evaluate_bad_options_exit_2_with_a_message(gold, args, needle):
    result = invoke("evaluate", "rules", gold, *args)
    assert result.exit_code == 2
    assert needle in result.output


def test_evaluate_limit_samples_documents(gold, tmp_path):
    out = tmp_path / "limited.json"
    result = invoke("evaluate", "rules", gold, "--limit", 2, "--json", out, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["docs"] == 2


def test_crossval_runs_every_fold_and_the_ablations(gold, tmp_path):
    out = tmp_path / "cv.json"
    result = invoke("crossval", "--gold", gold, "--synthetic", 0, "--config", CNN, "--max-steps", 3, "--json", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert [fold["test"] for fold in data["folds"]] == [["p1"], ["p2"], ["p3"]]
    assert set(data["pooled"]) == {"rules", "ner", "full"}
    assert data["pooled"]["full"]["docs"] == 3
    assert data["pooled"]["full"]["per_label"]["PERSON"]["support"] == 5
    assert data["pooled"]["rules"]["docs"] == 3
    assert all(fold["full"]["micro_f1"] is not None for fold in data["folds"])
    assert "fold" in result.output and "rules" in result.output


def test_train_mixes_in_a_partially_annotated_extra_corpus(tmp_path, gold):
    news = tmp_path / "train_corpus.txt"
    news.write_text(
        "Inger\tPER\nAtterstam\tPER\nbor\t0\ni\t0\nBåstad\tLOC\n.\t0\n\nSAAB\tORG\nbetalade\t0\n700\t0\nkr\t0\n.\t0\n\n",
        encoding="utf-8",
    )
    out = tmp_path / "model"
    result = invoke(
        "train", "--config", CNN, "--output", out, "--gold", gold, "--synthetic", 0, "--max-steps", 2, "--extra", news
    )
    assert result.exit_code == 0, result.output
    assert "2 extra" in result.output
    meta = spacy.load(out).meta["famhbg_training"]
    assert meta["extra_docs"] == 2
    assert "extra: train_corpus.txt" in meta["sources"]
