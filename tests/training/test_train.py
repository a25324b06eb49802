"""Training data building and tiny training runs of configs/cnn.cfg."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from support import record

import famhbg_nlp
from famhbg_nlp.corpus import CorpusError, Record, SpanRecord
from famhbg_nlp.defaults import RULE_PIPES
from famhbg_nlp.training import (
    complete_with_rules,
    records_to_docbin,
    save_pipeline,
    tokenizer_nlp,
    train_pipeline,
    training_mix,
    write_training_data,
)

CNN = Path(__file__).resolve().parents[2] / "configs" / "cnn.cfg"
STEPS = 6


RECORDS = [
    record(
        "a",
        "Närvarande: Anna Berg, Båstad, Per Holm, Bjuv.\nBeslut om 700 000 kr till Region Skåne den 5 april 2021.",
        ("Anna Berg", "PERSON"),
        ("Båstad", "MUNICIPALITY", "Båstad"),
        ("Per Holm", "PERSON"),
        ("Bjuv", "MUNICIPALITY", "Bjuv"),
        ("700 000 kr", "AMOUNT", 700000),
        ("Region Skåne", "ORG"),
        ("5 april 2021", "DATE", "2021-04-05"),
    ),
    record(
        "b",
        "Karin Lund från Höganäs kommun redogjorde. Skånes Kommuner bidrar med 1500 tkr.",
        ("Karin Lund", "PERSON"),
        ("Höganäs kommun", "MUNICIPALITY", "Höganäs"),
        ("Skånes Kommuner", "ORG"),
        ("1500 tkr", "AMOUNT", 1500000),
    ),
    record(
        "c",
        "Protokoll 2021-04-19. Närvarande: Lars-Ola Olsson, Klippan, Eva Ek, Åstorp.",
        ("2021-04-19", "DATE", "2021-04-19"),
        ("Lars-Ola Olsson", "PERSON"),
        ("Klippan", "MUNICIPALITY", "Klippan"),
        ("Eva Ek", "PERSON"),
        ("Åstorp", "MUNICIPALITY", "Åstorp"),
    ),
]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("cnn") / "model"
    result = train_pipeline(
        CNN, out, gold=RECORDS[:2], synthetic=RECORDS[2:], seed=1, max_steps=STEPS, stdout=io.StringIO()
    )
    return result


def test_docbin_holds_the_records_tokenized_by_the_config_tokenizer():
    nlp = tokenizer_nlp(CNN)
    docbin, labels = records_to_docbin(RECORDS, nlp)
    docs = list(docbin.get_docs(nlp.vocab))
    assert [d.text for d in docs] == [r.text for r in RECORDS]
    assert labels["PERSON"] == 5 and labels["AMOUNT"] == 2
    assert [(e.text, e.label_) for e in docs[1].ents][-1] == ("1500 tkr", "AMOUNT")


def test_misaligned_span_stops_with_the_document_and_span_named():
    bad = Record(id="bad-doc", text="Anna Bergström talade.", meta={}, spans=[SpanRecord(0, 9, "PERSON")])
    with pytest.raises(CorpusError) as err:
        records_to_docbin([RECORDS[0], bad], tokenizer_nlp(CNN))
    message = str(err.value)
    assert "bad-doc" in message and "0-9" in message and "Anna Berg" in message


@pytest.mark.parametrize(
    ("n_gold", "n_synth", "dev_gold", "repeat", "n_train", "n_dev"),
    [
        pytest.param(2, 10, 0, 2, 2 * 2 + 9, 1, id="gold-repeated-plus-synthetic-minus-dev"),
        pytest.param(2, 0, 0, 3, 6, 2, id="no-synthetic-dev-is-gold-for-progress-only"),
        pytest.param(2, 10, 1, 1, 2 + 9, 1 + 1, id="dev-gold-added-to-dev"),
        pytest.param(0, 10, 0, 2, 9, 1, id="synthetic-only"),
    ],
)
def test_training_mix_keeps_gold_and_synthetic_together(n_gold, n_synth, dev_gold, repeat, n_train, n_dev):
    gold = [record(f"g{i}", "Anna Berg.", ("Anna Berg", "PERSON")) for i in range(n_gold)]
    synth = [record(f"s{i}", "Per Holm.", ("Per Holm", "PERSON")) for i in range(n_synth)]
    dev = [record("d", "Eva Ek.", ("Eva Ek", "PERSON"))] * dev_gold
    train, dev_records = training_mix(gold, synth, dev_gold=dev, gold_repeat=repeat, dev_fraction=0.1, seed=0)
    assert (len(train), len(dev_records)) == (n_train, n_dev)
    assert {r.id for r in gold} <= {r.id for r in train}
    assert not {r.id for r in dev_records if r.id.startswith("s")} & {r.id for r in train}


def test_training_mix_adds_extra_records_to_train_only():
    gold = [record("g", "Anna Berg.", ("Anna Berg", "PERSON"))]
    extra = [record(f"x{i}", "Per Holm.", ("Per Holm", "PERSON")) for i in range(3)]
    train, dev = training_mix(gold, [], extra=extra, gold_repeat=1)
    assert [r.id for r in train] == ["g", "x0", "x1", "x2"]
    assert [r.id for r in dev] == ["g"]


def test_complete_with_rules_adds_rule_spans_of_the_unannotated_labels_only():
    text = "Anna Berg vid Uppsala universitet fick 700 000 kr av Båstads kommun."
    partial = record("news-1", text, ("Anna Berg", "PERSON"), ("Uppsala universitet", "ORG"))
    (done,) = complete_with_rules([partial], annotated=("PERSON", "ORG"))
    spans = {(text[s.start : s.end], s.label, s.value) for s in done.spans}
    assert ("700 000 kr", "AMOUNT", 700000) in spans
    assert ("Båstads kommun", "MUNICIPALITY", "Båstad") in spans
    assert ("Anna Berg", "PERSON", None) in spans and ("Uppsala universitet", "ORG", None) in spans
    assert not any(label == "MUNICIPALITY" and t.startswith("Uppsala") for t, label, _ in spans)
    assert done.id == "news-1" and partial.spans != done.spans


def test_training_mix_without_any_data_is_an_error():
    with pytest.raises(ValueError, match="No training data"):
        training_mix([], [])


def test_write_training_data_writes_both_docbins(tmp_path):
    data = write_training_data(RECORDS[:2], RECORDS[2:], tmp_path, nlp=tokenizer_nlp(CNN))
    assert (data.n_train_docs, data.n_dev_docs) == (2, 1)
    assert len(DocBin().from_disk(data.train_path)) == 2
    assert data.summary()["dev_spans"] == {"DATE": 1, "MUNICIPALITY": 2, "PERSON": 2}


def test_trained_pipeline_has_ner_and_the_rule_components(trained):
    nlp = trained.nlp
    assert nlp.pipe_names[:2] == ["tok2vec", "ner"]
    assert set(RULE_PIPES) <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT"}
    meta = nlp.meta["famhbg_training"]
    assert meta["seed"] == 1 and meta["max_steps"] == STEPS and meta["gold_docs"] == ["a", "b"]
    assert nlp.config["paths"]["train"] is None


def test_saved_pipeline_loads_with_plain_spacy_in_a_fresh_process(trained):
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); doc = nlp('Beslut om 700 000 kr.');"
        "print(','.join(nlp.pipe_names)); print([(e.text, e.label_) for e in doc.ents])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(trained.output)], capture_output=True, text=True, check=True)
    names = out.stdout.splitlines()[0].split(",")
    assert names[:2] == ["tok2vec", "ner"] and set(RULE_PIPES) <= set(names)


def test_same_seed_gives_the_same_pipeline_and_predictions(trained, tmp_path):
    again = train_pipeline(
        CNN, None, gold=RECORDS[:2], synthetic=RECORDS[2:], seed=1, max_steps=STEPS, stdout=io.StringIO()
    )
    other = train_pipeline(
        CNN, None, gold=RECORDS[:2], synthetic=RECORDS[2:], seed=2, max_steps=STEPS, stdout=io.StringIO()
    )
    assert again.nlp.get_pipe("ner").to_bytes() == trained.nlp.get_pipe("ner").to_bytes()
    assert other.nlp.get_pipe("ner").to_bytes() != trained.nlp.get_pipe("ner").to_bytes()
    loaded = famhbg_nlp.load(trained.output)
    text = "Närvarande: Karin Lund, Bjuv. Beslut om 1500 tkr till Region Skåne."
    ents = lambda nlp: [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]  # noqa: E731
    assert ents(again.nlp) == ents(loaded) == ents(trained.nlp)


def test_save_pipeline_replaces_an_old_pipeline_but_not_other_directories(trained, tmp_path):
    target = tmp_path / "model"
    save_pipeline(trained.nlp, target)
    (target / "stale-file").write_text("x")
    save_pipeline(trained.nlp, target)
    assert not (target / "stale-file").exists()
    assert spacy.load(target).pipe_names == trained.nlp.pipe_names
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="not a spaCy pipeline"):
        save_pipeline(trained.nlp, precious)
    assert (precious / "notes.txt").read_text() == "keep me"
