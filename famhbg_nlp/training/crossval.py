"""Cross-validation over the gold documents, grouped so a model is scored on what it never saw.

``group_by`` says what a fold holds out together (:data:`famhbg_nlp.corpus.GROUP_KEYS`):
``document`` (leave-one-document-out), ``body`` or ``municipality`` (the headline: every document
of a municipality is tested by a model that saw none of them). Each fold trains on the synthetic
records plus the other folds' gold. On the same folds three systems are scored:

* ``rules``: the rule components alone (:func:`famhbg_nlp.rules_pipeline`);
* ``ner``: the fold's trained pipeline with its rule components switched off;
* ``full``: the fold's trained pipeline as it ships (NER + rules).

Scores are pooled over folds (every held-out document fed into one
:class:`~famhbg_nlp.training.evaluate.Evaluation`), and each fold's micro F1 is kept. With
``structure_gold``, the ``full`` system's :func:`~famhbg_nlp.protocol.parse_doc` of each held-out
document that has structure gold is scored too (:class:`~famhbg_nlp.corpus.structure.StructureScores`).
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from spacy.language import Language
from thinc.api import Config

from ..corpus.splits import group_of, grouped_folds
from ..corpus.structure import StructureGold, StructureScores, format_structure
from ..defaults import CROSSVAL_MAX_STEPS, GOLD_REPEAT, LABELS
from ..pipeline import rules_pipeline
from ..protocol import parse_doc
from .evaluate import Evaluation, _fmt, _table, evaluate_docs, predict
from .train import train_pipeline

SYSTEMS: tuple[str, ...] = ("rules", "ner", "full")


def rule_pipe_names(nlp: Language) -> list[str]:
    """Names of the package's rule components in ``nlp`` (factories named ``famhbg_*``)."""
    return [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory.startswith("famhbg_")]


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
    group_by: str = "document",
    n_folds: int | None = None,
    structure_gold: Mapping[str, StructureGold] | None = None,
    log: IO[str] | None = None,
    train_log: IO[str] | None = None,
) -> dict[str, Any]:
    """Run the folds; return ``{"folds": [...], "pooled": {system: result}, "structure": ..., "settings": {...}}``.

    ``n_folds=None`` holds out one group per fold. ``log`` gets one line per fold (default: stderr);
    ``train_log`` gets spaCy's training tables (default: discarded).
    """
    log = sys.stderr if log is None else log
    folds = grouped_folds(list(gold), key=group_by, n_folds=n_folds, seed=seed)
    if len(folds) < 2:
        raise ValueError(f"Cross-validation needs at least two groups ({group_by}) in the gold documents.")
    pooled = {system: Evaluation(labels) for system in SYSTEMS}
    structure = StructureScores()
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
            "groups": sorted({group_of(r, group_by) for r in test_records}),
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
            if system == "full" and structure_gold:
                for record, doc in pairs:
                    if record.id in structure_gold:
                        structure.add(structure_gold[record.id], parse_doc(doc))
            fold_result = evaluate_docs(pairs, labels=labels).result()
            row[system] = {
                "micro_f1": fold_result["micro"]["f1"],
                "per_label_f1": {label: s["f1"] for label, s in fold_result["per_label"].items()},
                "failed": failures,
            }
        fold_rows.append(row)
        log.write(
            f"fold {k}/{len(folds)} {group_by}={','.join(row['groups'])} ({len(row['test'])} docs) "
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
            "group_by": group_by,
            "folds": len(folds),
            "seconds": round(time.perf_counter() - started, 1),
        },
        "folds": fold_rows,
        "pooled": {system: pooled[system].result() for system in SYSTEMS},
        "structure": structure.result() if structure_gold else None,
    }


def format_crossval(result: dict[str, Any]) -> str:
    """Pooled per-label F1 of each system, value accuracy, and each fold's micro F1."""
    pooled = result["pooled"]
    labels = result["settings"]["labels"]
    rows = [
        [
            label,
            *(_fmt(pooled[s]["per_label"][label]["f1"]) for s in SYSTEMS),
            str(pooled["full"]["per_label"][label]["support"]),
        ]
        for label in labels
    ]
    for name in ("micro", "macro"):
        rows.append(
            [
                name,
                *(_fmt(pooled[s][name]["f1"]) for s in SYSTEMS),
                str(pooled["full"]["micro"]["support"]) if name == "micro" else "",
            ]
        )
    for label, v in pooled["full"]["values"].items():
        rows.append(
            [f"value {label}", *(_fmt(pooled[s]["values"][label]["accuracy"]) for s in SYSTEMS), f"{v['matched']}"]
        )
    pooled_table = _table(["F1 (pooled)", *SYSTEMS, "gold"], rows)
    fold_table = _table(
        ["fold (held out)", "docs", *(f"{s} micro F1" for s in SYSTEMS), "train s"],
        [
            [
                _short(", ".join(f.get("groups") or map(str, f["test"]))),
                str(len(f["test"])),
                *(_fmt(f[s]["micro_f1"]) for s in SYSTEMS),
                str(f["train_seconds"]),
            ]
            for f in result["folds"]
        ],
    )
    s = result["settings"]
    group_by = s.get("group_by", "document")
    head = (
        f"Cross-validation grouped by {group_by} ({s.get('folds', len(result['folds']))} folds) over "
        f"{s['gold_docs']} gold docs + {s['synthetic_docs']} synthetic "
        f"(seed {s['seed']}, {s['max_steps']} steps per fold, {s['seconds']} s)"
    )
    parts = [head, pooled_table, fold_table]
    if result.get("structure"):
        parts.append(format_structure(result["structure"]))
    return "\n\n".join(parts)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
