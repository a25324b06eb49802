"""Training and evaluation: data building, ``famhbg train``, ``evaluate`` and ``crossval``.

Plain functions; the CLI (:mod:`famhbg_nlp.cli.training`) is a thin wrapper over them.
The synthetic generator lives in :mod:`famhbg_nlp.training.synthetic`.
"""

from __future__ import annotations

from .crossval import crossval, format_crossval
from .data import (
    TrainingData,
    complete_with_rules,
    records_to_docbin,
    synthetic_records,
    tokenizer_nlp,
    training_mix,
    write_training_data,
)
from .evaluate import Evaluation, compare_results, evaluate_pipeline, format_comparison, format_scores
from .train import TrainResult, save_pipeline, train_pipeline

__all__ = [
    "Evaluation",
    "TrainResult",
    "TrainingData",
    "compare_results",
    "complete_with_rules",
    "crossval",
    "evaluate_pipeline",
    "format_comparison",
    "format_crossval",
    "format_scores",
    "records_to_docbin",
    "save_pipeline",
    "synthetic_records",
    "tokenizer_nlp",
    "train_pipeline",
    "training_mix",
    "write_training_data",
]
