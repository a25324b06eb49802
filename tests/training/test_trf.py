"""configs/trf.cfg trains, predicts, saves and loads, on a tiny random BERT made here (no download)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import spacy
from support import record

from famhbg_nlp.defaults import RULE_PIPES
from famhbg_nlp.training import train_pipeline

TRF = Path(__file__).resolve().parents[2] / "configs" / "trf.cfg"

WORDS = (
    "närvarande anna berg per holm karin lund beslut om kr till region skåne den april från kommun redogjorde".split()
)


RECORDS = [
    record(
        "t1",
        "Närvarande: Anna Berg, Båstad, Per Holm, Bjuv. Beslut om 700 000 kr till Region Skåne den 5 april 2021.",
        ("Anna Berg", "PERSON"),
        ("Båstad", "MUNICIPALITY", "Båstad"),
        ("Per Holm", "PERSON"),
        ("Bjuv", "MUNICIPALITY", "Bjuv"),
        ("700 000 kr", "AMOUNT", 700000),
        ("Region Skåne", "ORG"),
        ("5 april 2021", "DATE", "2021-04-05"),
        meeting_date=None,
    ),
    record(
        "t2",
        "Karin Lund från Höganäs kommun redogjorde.",
        ("Karin Lund", "PERSON"),
        ("Höganäs kommun", "MUNICIPALITY", "Höganäs"),
        meeting_date=None,
    ),
]


@pytest.fixture()
def tiny_bert(tmp_path, monkeypatch):
    """A 2-layer, 32-wide BERT with random weights and a word-piece vocab written here."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    import transformers

    chars = "abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789.,:;-/()"
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, *chars, *(f"##{c}" for c in chars)]
    path = tmp_path / "tiny-bert"
    path.mkdir()
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=False)
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64
    )
    transformers.BertModel(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def test_transformer_config_trains_predicts_saves_and_loads(tiny_bert, tmp_path):
    out = tmp_path / "trf-model"
    result = train_pipeline(
        TRF,
        out,
        gold=RECORDS,
        seed=0,
        max_steps=2,
        overrides={
            "paths.transformer": str(tiny_bert),
            # short windows: the tiny vocab splits most words into single characters
            "components.transformer.model.get_spans.window": 24,
            "components.transformer.model.get_spans.stride": 16,
        },
        stdout=io.StringIO(),
    )
    assert result.nlp.pipe_names[:2] == ["transformer", "ner"]
    assert set(RULE_PIPES) <= set(result.nlp.pipe_names)
    text = "Närvarande: Karin Lund, Bjuv. Beslut om 700 000 kr."
    doc = result.nlp(text)
    assert doc._.trf_data is not None
    assert doc.ents, "the rule components run after the transformer NER"
    loaded = spacy.load(out)
    assert loaded.pipe_names == result.nlp.pipe_names
    assert [(e.start_char, e.end_char, e.label_) for e in loaded(text).ents] == [
        (e.start_char, e.end_char, e.label_) for e in doc.ents
    ]
