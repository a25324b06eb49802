"""Training data: gold records and synthetic records -> spaCy ``DocBin`` files.

The trained NER always sees the gold documents *and* the synthetic ones in one shuffled
mix (never gold-only fine-tuning after synthetic pre-training), so what the synthetic
generator teaches about unseen names, municipalities and layouts is not forgotten.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from thinc.api import Config

from ..defaults import DEV_SYNTHETIC_FRACTION, GOLD_REPEAT, TOKENIZER
from ..extensions import register_extensions


@dataclass(frozen=True)
class TrainingData:
    """Where :func:`write_training_data` put the DocBins, and what is in them."""

    train_path: Path
    dev_path: Path
    n_train_docs: int
    n_dev_docs: int
    train_labels: dict[str, int] = field(default_factory=dict)
    dev_labels: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "train_docs": self.n_train_docs,
            "dev_docs": self.n_dev_docs,
            "train_spans": dict(sorted(self.train_labels.items())),
            "dev_spans": dict(sorted(self.dev_labels.items())),
        }


def tokenizer_nlp(config: Config | str | Path | None = None) -> Language:
    """A blank pipeline with the tokenizer of ``config`` (a config or a ``.cfg`` path).

    Training docs must be tokenized exactly as the trained pipeline will tokenize text,
    so the tokenizer comes from the config that will be trained; ``None`` gives the
    project tokenizer.
    """
    register_extensions()
    if config is None:
        tokenizer = {"@tokenizers": TOKENIZER}
        lang = "sv"
    else:
        if not isinstance(config, Config):
            config = spacy.util.load_config(config, interpolate=False)
        tokenizer = dict(config["nlp"]["tokenizer"])
        lang = config["nlp"]["lang"]
    return spacy.blank(lang, config={"nlp": {"tokenizer": tokenizer}})


def synthetic_records(n: int, *, seed: int) -> list:
    """``n`` synthetic records from the package's generator (empty list when ``n`` is 0)."""
    if n <= 0:
        return []
    from .synthetic import generate_records

    return list(generate_records(n, seed=seed))


def complete_with_rules(records: Iterable, *, annotated: Sequence[str], rules: Language | None = None) -> list:
    """Records whose ``annotated`` labels are gold, completed with rule spans of the other labels.

    For corpora annotated with only some of the labels (the Swedish news corpus has
    PERSON and ORG): left as they are, every unannotated date, amount or municipality in
    them would teach the NER "not an entity". The rule components' spans of the labels
    the corpus lacks are added as silver annotations where they overlap no gold span;
    rule spans of an ``annotated`` label are ignored (the gold decides there).
    """
    from ..corpus import Record, SpanRecord
    from ..pipeline import rules_pipeline

    rules = rules_pipeline() if rules is None else rules
    gold_labels = set(annotated)
    records = list(records)
    out = []
    for record, doc in zip(records, rules.pipe(r.text for r in records)):
        gold = [span for span in record.spans if span.label in gold_labels]
        silver = [
            SpanRecord(ent.start_char, ent.end_char, ent.label_, ent._.value)
            for ent in doc.ents
            if ent.label_ not in gold_labels
            and not any(ent.start_char < g.end and g.start < ent.end_char for g in gold)
        ]
        spans = sorted(gold + silver, key=lambda s: s.start)
        out.append(Record(id=record.id, text=record.text, meta=dict(record.meta), spans=spans))
    return out


def records_to_docbin(records: Iterable, nlp: Language) -> tuple[DocBin, Counter]:
    """A DocBin of ``records`` tokenized by ``nlp`` (tokens and entities only), and the count of spans per label.

    A span that does not align to the tokenizer's tokens stops everything with the
    :class:`~famhbg_nlp.corpus.CorpusError` of ``record_to_doc`` (it names document and
    span): silently dropping it would teach the NER that the text is not an entity.
    """
    from ..corpus.docbin import docbin_from_records

    records = list(records)
    labels = Counter(span.label for record in records for span in record.spans)
    return docbin_from_records(records, nlp, corpus_data=False), labels


def training_mix(
    gold: Sequence,
    synthetic: Sequence,
    *,
    extra: Sequence = (),
    dev_gold: Sequence = (),
    gold_repeat: int = GOLD_REPEAT,
    dev_fraction: float = DEV_SYNTHETIC_FRACTION,
    seed: int = 0,
) -> tuple[list, list]:
    """(train records, dev records) from gold and synthetic records.

    Train: every gold record ``gold_repeat`` times (the real layouts weigh as much as a
    larger share of synthetic text), the synthetic records not held out, and ``extra``
    records (other corpora, see :func:`complete_with_rules`).
    Dev: ``dev_gold`` plus a seeded ``dev_fraction`` of the synthetic records. Without
    either, dev is the gold training records themselves: the dev score then only shows
    progress, it is no estimate of accuracy (use ``famhbg crossval`` for that).
    """
    from ..corpus.splits import split_records

    synth_train, synth_dev = split_records(synthetic, dev_fraction=dev_fraction, seed=seed)
    train = [record for record in gold for _ in range(max(1, gold_repeat))] + synth_train + list(extra)
    dev = list(dev_gold) + synth_dev
    if not dev:
        dev = list(gold) or list(synth_train) or list(extra)[:50]
    if not train:
        raise ValueError("No training data: give gold records, synthetic records, or both.")
    return train, dev


def write_training_data(
    train: Sequence,
    dev: Sequence,
    out_dir: str | Path,
    *,
    nlp: Language,
) -> TrainingData:
    """Write ``train.spacy`` and ``dev.spacy`` into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train_bin, train_labels = records_to_docbin(train, nlp)
    dev_bin, dev_labels = records_to_docbin(dev, nlp)
    train_path, dev_path = out_dir / "train.spacy", out_dir / "dev.spacy"
    train_bin.to_disk(train_path)
    dev_bin.to_disk(dev_path)
    return TrainingData(
        train_path=train_path,
        dev_path=dev_path,
        n_train_docs=len(train_bin),
        n_dev_docs=len(dev_bin),
        train_labels=dict(train_labels),
        dev_labels=dict(dev_labels),
    )
