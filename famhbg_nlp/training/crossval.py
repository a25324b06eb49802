"""Leave-one-document-out cross-validation over the gold protocols, with ablations.

Each fold trains on the synthetic records plus every gold document but one and tests on
the one left out. On the same folds three systems are scored:

* ``rules``: the rule components alone (:func:`famhbg_nlp.rules_pipeline`);
* ``ner``: the fold's trained pipeline with its rule components switched off;
* ``full``: the fold's trained pipeline as it ships (NER + rules).

Scores are pooled over folds (every held-out document fed into one
:class:`~famhbg_nlp.training.evaluate.Evaluation`), and each fold's micro F1 is kept.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from spacy.language import Language
from thinc.api import Config

from ..defaults import CROSSVAL_MAX_STEPS, GOLD_REPEAT, LABELS
from ..pipeline import rules_pipeline
from .evaluate import Evaluation, _table, _fmt, evaluate_docs, predict
from .train import train_pipeline

SYSTEMS: tuple[str, ...] = ("rules", "ner", "full")


def rule_pipe_names(nlp: Language) -> list[str]:
    """Names of the package's rule components in ``nlp`` (factories named ``famhbg_*``)."""
    return [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory.startswith("famhbg_")]


def _folds(gold: Sequence[Any]) -> list[tuple[list[Any], list[Any]]]:
    from ..corpus import leave_one_out

    folds = []
    for train, test in leave_one_out(list(gold)):
        folds.append((list(train), list(test) if isinstance(test, (list, tuple)) else [test]))
    return folds


def crossval(
    gold: Sequence[Any],
    *,
    config: str | Path | Config,
    synthetic: Sequence[Any] = (),
    extra: Sequence[Any] = (),
    seed: int = 0,
    max_steps: int | None = CROSSVAL_MAX_STEPS,
    gold_repeat: int = GOLD_REPEAT,
    labels: Sequence[str] = LABELS,
    use_gold_meeting_date: bool = False,
    overrides: dict[str, Any] | None = None,
    log: IO[str] | None = None,
    train_log: IO[str] | None = None,
) -> dict[str, Any]:
    """Run the folds; return ``{"folds": [...], "pooled": {system: result}, "settings": {...}}``.

    ``log`` gets one line per fold (default: stderr); ``train_log`` gets spaCy's
    training tables (default: discarded).
    """
    log = sys.stderr if log is None else log
    folds = _folds(gold)
    if len(folds) < 2:
        raise ValueError("Cross-validation needs at least two gold documents.")
    pooled = {system: Evaluation(labels) for system in SYSTEMS}
    rules = rules_pipeline()
    fold_rows = []
    started = time.perf_counter()
    for k, (train_records, test_records) in enumerate(folds, 1):
        trained = train_pipeline(
            config,
            None,
            gold=train_records,
            synthetic=synthetic,
            extra=extra,
            seed=seed,
            max_steps=max_steps,
            gold_repeat=gold_repeat,
            overrides=overrides,
            stdout=io.StringIO() if train_log is None else train_log,
        )
        nlp = trained.nlp
        row: dict[str, Any] = {
            "test": [getattr(r, "id", None) for r in test_records],
            "train_seconds": round(trained.seconds, 1),
        }
        for system in SYSTEMS:
            if system == "rules":
                pairs, failures = predict(rules, test_records, use_gold_meeting_date=use_gold_meeting_date)
            elif system == "ner":
                with nlp.select_pipes(disable=rule_pipe_names(nlp)):
                    pairs, failures = predict(nlp, test_records, use_gold_meeting_date=use_gold_meeting_date)
            else:
                pairs, failures = predict(nlp, test_records, use_gold_meeting_date=use_gold_meeting_date)
            evaluate_docs(pairs, labels=labels, evaluation=pooled[system])
            fold_result = evaluate_docs(pairs, labels=labels).result()
            row[system] = {
                "micro_f1": fold_result["micro"]["f1"],
                "per_label_f1": {label: s["f1"] for label, s in fold_result["per_label"].items()},
                "failed": failures,
            }
        fold_rows.append(row)
        log.write(
            f"fold {k}/{len(folds)} test={','.join(map(str, row['test']))} "
            f"trained {row['train_seconds']}s: "
            + ", ".join(f"{s} micro F1 {_fmt(row[s]['micro_f1'])}" for s in SYSTEMS)
            + "\n"
        )
        log.flush()
    return {
        "settings": {
            "config": str(config) if not isinstance(config, Config) else "<config>",
            "gold_docs": len(gold),
            "synthetic_docs": len(synthetic),
            "extra_docs": len(extra),
            "seed": seed,
            "max_steps": max_steps,
            "gold_repeat": gold_repeat,
            "labels": list(labels),
            "use_gold_meeting_date": use_gold_meeting_date,
            "overrides": dict(overrides or {}),
            "seconds": round(time.perf_counter() - started, 1),
        },
        "folds": fold_rows,
        "pooled": {system: pooled[system].result() for system in SYSTEMS},
    }


def format_crossval(result: dict[str, Any]) -> str:
    """Pooled per-label F1 of each system, value accuracy, and each fold's micro F1."""
    pooled = result["pooled"]
    labels = result["settings"]["labels"]
    rows = [[label, *(_fmt(pooled[s]["per_label"][label]["f1"]) for s in SYSTEMS), str(pooled["full"]["per_label"][label]["support"])] for label in labels]
    for name in ("micro", "macro"):
        rows.append([name, *(_fmt(pooled[s][name]["f1"]) for s in SYSTEMS), str(pooled["full"]["micro"]["support"]) if name == "micro" else ""])
    for label, v in pooled["full"]["values"].items():
        rows.append([f"value {label}", *(_fmt(pooled[s]["values"][label]["accuracy"]) for s in SYSTEMS), f"{v['matched']}"])
    pooled_table = _table(["F1 (pooled)", *SYSTEMS, "gold"], rows)
    fold_table = _table(
        ["fold (test doc)", *(f"{s} micro F1" for s in SYSTEMS), "train s"],
        [
            [",".join(map(str, f["test"])), *(_fmt(f[s]["micro_f1"]) for s in SYSTEMS), str(f["train_seconds"])]
            for f in result["folds"]
        ],
    )
    s = result["settings"]
    head = (
        f"Leave-one-document-out over {s['gold_docs']} gold docs + {s['synthetic_docs']} synthetic "
        f"(seed {s['seed']}, {s['max_steps']} steps per fold, {s['seconds']} s)"
    )
    return "\n\n".join([head, pooled_table, fold_table])
