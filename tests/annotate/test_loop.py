"""The whole retraining loop on a seed: annotate -> correct -> import -> train -> compare."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import famhbg_nlp
from famhbg_nlp.cli import app as famhbg_app
from famhbg_nlp.corpus import read_records, write_records
from famhbg_nlp.readers import read_document
from famhbg_nlp.training import (
    compare_results,
    evaluate_pipeline,
    synthetic_records,
    train_pipeline,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("FAMHBG_SEEDS", ROOT.parent / "shared" / "seeds"))
runner = CliRunner()


def _overlaps(a: dict, b: tuple[int, int]) -> bool:
    return a["value"]["start"] < b[1] and b[0] < a["value"]["end"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no seed folder {SEEDS}")
def test_retraining_loop_end_to_end(tmp_path, cli_app):
    seed = min(SEEDS.glob("*.txt"))
    text = read_document(seed).text
    gold = read_records(ROOT / "corpus")
    truth = next(r for r in gold if r.text == text)  # the seed's gold: what the annotator knows
    # the corpus as it was before these minutes came in
    corpus = tmp_path / "corpus"
    write_records([r for r in gold if r.id != truth.id], corpus / "gold.jsonl")

    # 1. pre-annotate with the current pipeline
    tasks_path = tmp_path / "tasks.json"
    result = runner.invoke(
        cli_app,
        [
            "annotate",
            str(seed),
            "--to",
            "label-studio",
            "-o",
            str(tasks_path),
            "--model",
            "rules",
        ],
    )
    assert result.exit_code == 0, result.output
    (task,) = json.loads(tasks_path.read_text(encoding="utf-8"))
    predicted = task["predictions"][0]["result"]
    assert predicted and task["data"]["doc_id"] == seed.stem

    # 2. the annotator: fixes one span (relabels it), adds one the pipeline missed, deletes one
    result_items = json.loads(json.dumps(predicted))
    deleted = result_items.pop()
    fixed = next(r for r in result_items if r["value"]["labels"] == ["MUNICIPALITY"])
    fixed["value"]["labels"] = ["ORG"]
    missing = next(
        s
        for s in truth.spans
        if s.label in ("ORG", "PERSON") and not any(_overlaps(r, (s.start, s.end)) for r in predicted)
    )
    result_items.append(
        {
            "id": "added",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": missing.start,
                "end": missing.end,
                "text": text[missing.start : missing.end],
                "labels": [missing.label],
            },
        }
    )
    task["annotations"] = [{"id": 1, "result": result_items, "was_cancelled": False}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")

    # 3. import into the corpus copy
    args = [
        "corpus",
        "import",
        str(export),
        "--from",
        "label-studio",
        "--into",
        str(corpus),
    ]
    result = runner.invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    (imported,) = read_records(corpus / "annotated.jsonl")
    spans = {(s.start, s.end): s for s in imported.spans}
    assert imported.id == seed.stem and len(imported.spans) == len(predicted)
    assert spans[(fixed["value"]["start"], fixed["value"]["end"])].label == "ORG"
    assert spans[(fixed["value"]["start"], fixed["value"]["end"])].value is None  # recomputed: ORG has none
    assert spans[(missing.start, missing.end)].label == missing.label
    assert (deleted["value"]["start"], deleted["value"]["end"]) not in spans
    assert imported.meta["meeting_date"] == truth.meta["meeting_date"]

    # 4. retrain: earlier gold + the new document + synthetic (the forgetting guard); one gold doc held out
    everything = read_records(corpus)
    held_out = [r for r in everything if r.id == max(r.id for r in gold if r.id != truth.id)]
    train_gold = [r for r in everything if r not in held_out]
    trained = train_pipeline(
        ROOT / "configs" / "cnn.cfg",
        tmp_path / "model",
        gold=train_gold,
        synthetic=synthetic_records(3, seed=0),
        seed=0,
        max_steps=4,
        stdout=io.StringIO(),
    )
    assert imported.id in trained.nlp.meta["famhbg_training"]["gold_docs"]
    assert held_out[0].id not in trained.nlp.meta["famhbg_training"]["gold_docs"]

    # 5. compare old (the pipeline that pre-annotated) and new on the held-out document
    old = evaluate_pipeline(famhbg_nlp.rules_pipeline(), held_out)
    new = evaluate_pipeline(famhbg_nlp.load(trained.output), held_out)
    assert "ner" in famhbg_nlp.load(trained.output).pipe_names
    delta = compare_results(old, new)
    for label, scores in delta["per_label"].items():
        if old["per_label"][label]["f1"] is not None and new["per_label"][label]["f1"] is not None:
            assert scores["f1"] == pytest.approx(new["per_label"][label]["f1"] - old["per_label"][label]["f1"])
    assert old["docs"] == new["docs"] == 1
    # the command line gives the same comparison
    json_path = tmp_path / "compare.json"
    write_records(held_out, tmp_path / "held_out.jsonl")
    args = [
        "evaluate",
        "rules",
        str(tmp_path / "held_out.jsonl"),
        "--compare",
        str(trained.output),
        "--json",
        str(json_path),
    ]
    result = runner.invoke(famhbg_app, args)
    assert result.exit_code == 0, result.output
    compared = json.loads(json_path.read_text(encoding="utf-8"))
    assert compared["delta"]["micro"]["f1"] == pytest.approx(delta["micro"]["f1"])
