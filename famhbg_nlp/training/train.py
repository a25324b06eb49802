"""Train a pipeline from a config, gold records and synthetic records.

:func:`train_pipeline` builds the DocBins (:mod:`famhbg_nlp.training.data`), runs spaCy's
training loop and writes the *final* pipeline (the last step, not a dev-selected
checkpoint: the dev set is partly synthetic and small, so "best on dev" would be noise)
directly into the output directory, ready for ``spacy.load(DIR)``. The rule components in
the config ship with it; they load through the package's ``spacy_factories`` entry points.

Reproducible: ``seed`` seeds both the synthetic generator and spaCy (``[system] seed``),
so the same command gives the same pipeline and the same scores.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import spacy
from spacy.language import Language
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as spacy_train
from thinc.api import Config

from .. import __version__
from ..defaults import DEV_SYNTHETIC_FRACTION, GOLD_REPEAT
from ..io_utils import atomic_dir
from .data import TrainingData, tokenizer_nlp, training_mix, write_training_data


@dataclass
class TrainResult:
    """The trained pipeline, where it was written (if anywhere) and what it saw."""

    nlp: Language
    output: Path | None
    data: TrainingData
    seconds: float
    scores: dict[str, Any]


def load_training_config(
    config: str | Path | Config,
    *,
    seed: int | None = None,
    max_steps: int | None = None,
    overrides: dict[str, Any] | None = None,
) -> Config:
    """The config at ``config`` with the seed, step limit and dotted ``overrides`` applied."""
    settings: dict[str, Any] = dict(overrides or {})
    if seed is not None:
        settings["system.seed"] = seed
    if max_steps is not None:
        settings["training.max_steps"] = max_steps
    if isinstance(config, Config):
        config = Config(config)
        return config.merge(Config(_nest(settings))) if settings else config
    return spacy.util.load_config(config, overrides=settings, interpolate=False)


def _nest(dotted: dict[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for key, value in dotted.items():
        *sections, leaf = key.split(".")
        node = nested
        for section in sections:
            node = node.setdefault(section, {})
        node[leaf] = value
    return nested


def train_pipeline(
    config: str | Path | Config,
    output: str | Path | None = None,
    *,
    gold: Sequence = (),
    synthetic: Sequence = (),
    extra: Sequence = (),
    dev_gold: Sequence = (),
    seed: int = 0,
    gpu_id: int = -1,
    max_steps: int | None = None,
    gold_repeat: int = GOLD_REPEAT,
    dev_fraction: float = DEV_SYNTHETIC_FRACTION,
    overrides: dict[str, Any] | None = None,
    sources: Sequence[str] = (),
    stdout: IO[str] | None = None,
) -> TrainResult:
    """Train ``config`` on gold + synthetic records; save to ``output`` when given.

    ``gold``, ``synthetic``, ``extra`` and ``dev_gold`` are :class:`~famhbg_nlp.corpus.Record`
    lists; ``extra`` goes into the training mix as it is (see
    :func:`~famhbg_nlp.training.data.complete_with_rules` for partially annotated corpora).
    ``sources`` (e.g. the ``--extra`` paths) are recorded in the pipeline's meta.
    ``stdout`` receives spaCy's progress table (``None``: this process's stdout;
    pass ``io.StringIO()`` to silence it).
    """
    stdout = sys.stdout if stdout is None else stdout
    started = time.perf_counter()
    cfg = load_training_config(config, seed=seed, max_steps=max_steps, overrides=overrides)
    tokenizer = tokenizer_nlp(cfg)
    train_records, dev_records = training_mix(
        gold, synthetic, extra=extra, dev_gold=dev_gold, gold_repeat=gold_repeat, dev_fraction=dev_fraction, seed=seed
    )
    if gpu_id >= 0:
        spacy.require_gpu(gpu_id)
    with tempfile.TemporaryDirectory(prefix="famhbg-train-") as tmp:
        data = write_training_data(train_records, dev_records, tmp, nlp=tokenizer)
        stdout.write(
            f"Training data: {data.n_train_docs} train docs {data.summary()['train_spans']}, "
            f"{data.n_dev_docs} dev docs\n"
        )
        cfg = cfg.merge(Config({"paths": {"train": str(data.train_path), "dev": str(data.dev_path)}}))
        nlp = init_nlp(cfg, use_gpu=gpu_id)
        nlp, _ = spacy_train(nlp, None, use_gpu=gpu_id, stdout=stdout, stderr=stdout)
    # the DocBins were temporary: do not point the saved config at them
    nlp.config["paths"]["train"] = None
    nlp.config["paths"]["dev"] = None
    seconds = time.perf_counter() - started
    nlp.meta.update(
        {
            "name": "famhbg",
            "version": __version__,
            "description": "famhbg-nlp: PERSON, MUNICIPALITY, ORG, DATE, AMOUNT in Swedish meeting minutes",
            "famhbg_training": {
                "seed": seed,
                "gold_docs": [getattr(r, "id", None) for r in gold],
                "dev_gold_docs": [getattr(r, "id", None) for r in dev_gold],
                "synthetic_docs": len(synthetic),
                "extra_docs": len(extra),
                "sources": list(sources),
                "gold_repeat": gold_repeat,
                "max_steps": nlp.config["training"]["max_steps"],
                "data": data.summary(),
                "seconds": round(seconds, 1),
            },
        }
    )
    scores = dict(nlp.meta.get("performance", {}))
    out_path = None if output is None else save_pipeline(nlp, output)
    return TrainResult(nlp=nlp, output=out_path, data=data, seconds=seconds, scores=scores)


def save_pipeline(nlp: Language, output: str | Path) -> Path:
    """Write ``nlp`` to ``output``, replacing an earlier pipeline there in one step.

    Refuses to overwrite a directory that holds anything but a spaCy pipeline.
    """
    output = Path(output)
    if output.exists():
        if not output.is_dir():
            raise FileExistsError(f"{output}: exists and is not a directory.")
        if any(output.iterdir()) and not (output / "config.cfg").is_file():
            raise FileExistsError(f"{output}: not empty and not a spaCy pipeline; refusing to overwrite it.")
    with atomic_dir(output) as staging:
        nlp.to_disk(staging)
    return output
