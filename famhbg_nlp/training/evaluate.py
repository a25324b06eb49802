"""Entity-level evaluation: seqeval P/R/F1, value accuracy and a label confusion table.

Scores are computed on token-level IOB2 tags. Gold spans and predicted ``doc.ents`` are
both laid on the tokens of the evaluated pipeline's own tokenizer; whitespace tokens are
left out of the tag sequences on both sides (they carry no decision, and a newline token
inside a span would otherwise be scored). seqeval then scores in strict IOB2 mode, so an
entity counts only with exact boundaries and label.

Value accuracy (DATE, AMOUNT, MUNICIPALITY) is measured on predicted entities that match a
gold span exactly (offsets and label): ``ent._.value == gold value``. The confusion table
pairs each gold span with the predicted entity that overlaps it most (``MISSED`` when none);
predicted entities that overlap no gold span are ``SPURIOUS``.
"""

from __future__ import annotations

import datetime
import math
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2
from spacy.language import Language
from spacy.tokens import Doc

from ..defaults import LABELS, SCORED_VALUE_LABELS
from ..extensions import register_extensions

MISSED = "MISSED"
SPURIOUS = "SPURIOUS"

#: Examples of errors kept in a result (enough to see patterns, small enough for JSON).
MAX_ERROR_EXAMPLES = 200


@dataclass(frozen=True)
class _Ent:
    start: int  # character offsets
    end: int
    label: str
    value: Any
    tok_start: int  # token offsets in the evaluated doc
    tok_end: int


def _num(x: Any) -> float | int | None:
    """seqeval's numpy numbers as plain JSON numbers (NaN -> None)."""
    if x is None:
        return None
    if hasattr(x, "item"):
        x = x.item()
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


class Evaluation:
    """Accumulates documents; :meth:`result` gives the scores over all of them.

    Pooling is by adding: crossval feeds every fold's test document into one instance.
    """

    def __init__(self, labels: Sequence[str] = LABELS, value_labels: Sequence[str] = SCORED_VALUE_LABELS) -> None:
        register_extensions()
        self.labels = tuple(labels)
        self.value_labels = tuple(label for label in value_labels if label in self.labels)
        self.y_true: list[list[str]] = []
        self.y_pred: list[list[str]] = []
        self.predicted: Counter = Counter()
        self.values: dict[str, list[int]] = {label: [0, 0] for label in self.value_labels}
        self.confusion: Counter = Counter()
        self.errors: list[dict[str, Any]] = []
        self.n_docs = 0
        self.n_words = 0
        self.misaligned: list[dict[str, Any]] = []

    # -- building the token views ------------------------------------------------------

    def _gold_ents(self, doc: Doc, spans: Iterable[Any], doc_id: str | None) -> list[_Ent]:
        ents = []
        for span in spans:
            if span.label not in self.labels:
                continue
            tokens = doc.char_span(span.start, span.end, alignment_mode="strict")
            if tokens is None:
                # the gold span does not fall on this tokenizer's boundaries: score it on
                # the smallest token range that covers it, and report it
                tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
                self.misaligned.append({"doc": doc_id, "start": span.start, "end": span.end, "label": span.label})
                if tokens is None:
                    continue
            ents.append(_Ent(span.start, span.end, span.label, span.value, tokens.start, tokens.end))
        return ents

    @staticmethod
    def _pred_ents(doc: Doc) -> list[_Ent]:
        return [_Ent(ent.start_char, ent.end_char, ent.label_, ent._.value, ent.start, ent.end) for ent in doc.ents]

    @staticmethod
    def _tags(doc: Doc, ents: Sequence[_Ent], positions: dict[int, int], n: int) -> list[str]:
        tags = ["O"] * n
        for ent in ents:
            inside = [positions[i] for i in range(ent.tok_start, ent.tok_end) if i in positions]
            for k, pos in enumerate(inside):
                tags[pos] = ("B-" if k == 0 else "I-") + ent.label
        return tags

    # -- adding a document ---------------------------------------------------------

    def add(self, doc: Doc, gold_spans: Iterable[Any], doc_id: str | None = None) -> None:
        """Score ``doc`` (the pipeline's output on the gold text) against ``gold_spans``.

        ``gold_spans`` have ``start``, ``end``, ``label``, ``value`` (``SpanRecord``).
        """
        gold = self._gold_ents(doc, gold_spans, doc_id)
        pred_all = self._pred_ents(doc)
        pred = [ent for ent in pred_all if ent.label in self.labels]
        positions: dict[int, int] = {}
        for token in doc:
            if not token.is_space:
                positions[token.i] = len(positions)
        self.y_true.append(self._tags(doc, gold, positions, len(positions)))
        self.y_pred.append(self._tags(doc, pred, positions, len(positions)))
        self.predicted.update(ent.label for ent in pred)
        self.n_docs += 1
        self.n_words += len(positions)
        self._add_values(doc, gold, pred, doc_id)
        self._add_confusion(doc, gold, pred_all, doc_id)

    def _add_values(self, doc: Doc, gold: list[_Ent], pred: list[_Ent], doc_id: str | None) -> None:
        by_key = {(ent.start, ent.end, ent.label): ent for ent in pred}
        for g in gold:
            if g.label not in self.values:
                continue
            p = by_key.get((g.start, g.end, g.label))
            if p is None:
                continue
            counts = self.values[g.label]
            counts[0] += 1
            if _same_value(p.value, g.value):
                counts[1] += 1
            else:
                self._error(doc_id, "value", doc.text[g.start : g.end], g, p)

    def _add_confusion(self, doc: Doc, gold: list[_Ent], pred: list[_Ent], doc_id: str | None) -> None:
        overlapped: set[int] = set()
        for g in gold:
            best, best_overlap = None, 0
            for k, p in enumerate(pred):
                overlap = min(g.end, p.end) - max(g.start, p.start)
                if overlap > 0:
                    overlapped.add(k)
                    if overlap > best_overlap:
                        best, best_overlap = p, overlap
            if best is None:
                self.confusion[(g.label, MISSED)] += 1
                self._error(doc_id, "missed", doc.text[g.start : g.end], g, None)
            else:
                self.confusion[(g.label, best.label)] += 1
                if (best.start, best.end, best.label) != (g.start, g.end, g.label):
                    kind = "label" if best.label != g.label else "boundary"
                    self._error(doc_id, kind, doc.text[g.start : g.end], g, best, doc.text[best.start : best.end])
        for k, p in enumerate(pred):
            if k not in overlapped and p.label in self.labels:
                self.confusion[(SPURIOUS, p.label)] += 1
                self._error(doc_id, "spurious", None, None, p, doc.text[p.start : p.end])

    def _error(self, doc_id, kind, gold_text, gold: _Ent | None, pred: _Ent | None, pred_text=None) -> None:
        if len(self.errors) >= MAX_ERROR_EXAMPLES:
            return
        entry: dict[str, Any] = {"doc": doc_id, "kind": kind}
        if gold is not None:
            entry["gold"] = {
                "start": gold.start,
                "end": gold.end,
                "label": gold.label,
                "text": gold_text,
                "value": gold.value,
            }
        if pred is not None:
            entry["pred"] = {
                "start": pred.start,
                "end": pred.end,
                "label": pred.label,
                "text": pred_text if pred_text is not None else gold_text,
                "value": pred.value,
            }
        self.errors.append(entry)

    # -- results ---------------------------------------------------------------------

    def result(self) -> dict[str, Any]:
        """Scores as a JSON-ready dict (see the module docstring)."""
        report: dict[str, Any] = {}
        if self.y_true:
            with warnings.catch_warnings():  # numpy's "mean of empty slice" when nothing is an entity
                warnings.simplefilter("ignore", RuntimeWarning)
                report = classification_report(
                    self.y_true, self.y_pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0
                )
        per_label = {}
        for label in self.labels:
            row = report.get(label)
            per_label[label] = {
                "precision": _num(row["precision"]) if row else None,
                "recall": _num(row["recall"]) if row else None,
                "f1": _num(row["f1-score"]) if row else None,
                "support": _num(row["support"]) if row else 0,
                "predicted": self.predicted.get(label, 0),
            }
        averages = {}
        for key, name in (("micro avg", "micro"), ("macro avg", "macro")):
            row = report.get(key, {})
            averages[name] = {
                "precision": _num(row.get("precision")),
                "recall": _num(row.get("recall")),
                "f1": _num(row.get("f1-score")),
                "support": _num(row.get("support", 0)),
            }
        values = {
            label: {"matched": m, "correct": c, "accuracy": (c / m) if m else None}
            for label, (m, c) in self.values.items()
        }
        matched = sum(m for m, _ in self.values.values())
        correct = sum(c for _, c in self.values.values())
        values["all"] = {"matched": matched, "correct": correct, "accuracy": (correct / matched) if matched else None}
        confusion: dict[str, dict[str, int]] = {}
        for (gold, pred), count in sorted(self.confusion.items()):
            confusion.setdefault(gold, {})[pred] = count
        return {
            "labels": list(self.labels),
            "docs": self.n_docs,
            "words": self.n_words,
            "per_label": per_label,
            **averages,
            "values": values,
            "confusion": confusion,
            "misaligned_gold": len(self.misaligned),
            "errors": list(self.errors),
        }


def _same_value(pred: Any, gold: Any) -> bool:
    return pred == gold


def _meeting_date(record: Any) -> datetime.date | None:
    raw = (getattr(record, "meta", None) or {}).get("meeting_date")
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(str(raw))
    except ValueError:
        return None


def predict(
    nlp: Language,
    records: Sequence[Any],
    *,
    use_gold_meeting_date: bool = False,
    batch_size: int = 32,
) -> tuple[list[tuple[Any, Doc]], list[dict[str, str]]]:
    """Run ``nlp`` on each record's text: ``([(record, doc)], [failures])``.

    A document that makes the pipeline fail is reported (id and error) and skipped; the
    rest of the batch is still processed. With ``use_gold_meeting_date`` the dates
    component gets ``meta.meeting_date`` instead of inferring it from the text.
    """
    done: list[tuple[Any, Doc]] = []
    failures: list[dict[str, str]] = []
    has_dates = "famhbg_dates" in nlp.pipe_names

    def one(record: Any) -> None:
        try:
            cfg = {}
            if use_gold_meeting_date and has_dates:
                cfg = {"famhbg_dates": {"meeting_date": _meeting_date(record)}}
            done.append((record, nlp(record.text, component_cfg=cfg)))
        except Exception as err:  # noqa: BLE001 - report the document, keep going
            failures.append({"doc": str(getattr(record, "id", "?")), "error": f"{type(err).__name__}: {err}"})

    if use_gold_meeting_date and has_dates:
        for record in records:
            one(record)
        return done, failures
    for i in range(0, len(records), batch_size):
        chunk = records[i : i + batch_size]
        try:
            docs = list(nlp.pipe((r.text for r in chunk), batch_size=batch_size))
        except Exception:  # noqa: BLE001 - isolate the failing document(s)
            for record in chunk:
                one(record)
            continue
        done.extend(zip(chunk, docs))
    return done, failures


def evaluate_docs(
    pairs: Iterable[tuple[Any, Doc]],
    *,
    labels: Sequence[str] = LABELS,
    evaluation: Evaluation | None = None,
) -> Evaluation:
    """Add ``(record, predicted doc)`` pairs to ``evaluation`` (a new one by default)."""
    evaluation = Evaluation(labels) if evaluation is None else evaluation
    for record, doc in pairs:
        evaluation.add(doc, record.spans, getattr(record, "id", None))
    return evaluation


def evaluate_pipeline(
    nlp: Language,
    records: Sequence[Any],
    *,
    labels: Sequence[str] = LABELS,
    use_gold_meeting_date: bool = False,
    structure_gold: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Scores of ``nlp`` on ``records`` (see :meth:`Evaluation.result`), plus speed and failures.

    With ``structure_gold`` (:func:`famhbg_nlp.corpus.structure.read_structure_gold`), the
    protocol structure of each record that has gold is scored too (``result["structure"]``).
    """
    started = time.perf_counter()
    pairs, failures = predict(nlp, list(records), use_gold_meeting_date=use_gold_meeting_date)
    seconds = time.perf_counter() - started
    result = evaluate_docs(pairs, labels=labels).result()
    if structure_gold is not None:
        from ..corpus.structure import StructureScores
        from ..protocol import parse_doc

        scores = StructureScores()
        for record, doc in pairs:
            if record.id in structure_gold:
                scores.add(structure_gold[record.id], parse_doc(doc))
        result["structure"] = scores.result()
    result.update(
        {
            "pipeline": list(nlp.pipe_names),
            "use_gold_meeting_date": use_gold_meeting_date,
            "seconds": round(seconds, 3),
            "failed": failures,
        }
    )
    return result


def compare_results(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Per-label and average deltas ``b - a`` of precision, recall and F1, and of value accuracy."""

    def delta(x: Any, y: Any) -> float | None:
        return None if x is None or y is None else y - x

    per_label = {
        label: {m: delta(a["per_label"][label][m], b["per_label"][label][m]) for m in ("precision", "recall", "f1")}
        for label in a["per_label"]
        if label in b["per_label"]
    }
    averages = {
        name: {m: delta(a[name][m], b[name][m]) for m in ("precision", "recall", "f1")} for name in ("micro", "macro")
    }
    values = {
        label: delta(a["values"][label]["accuracy"], b["values"].get(label, {}).get("accuracy"))
        for label in a["values"]
    }
    return {"per_label": per_label, **averages, "values": values}


# -- text output -----------------------------------------------------------------------


def _fmt(x: Any, signed: bool = False) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:+.3f}" if signed else f"{x:.3f}"
    return str(x)


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = lambda row: "  ".join(  # noqa: E731
        str(cell).ljust(w) if i == 0 else str(cell).rjust(w) for i, (cell, w) in enumerate(zip(row, widths))
    )
    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def format_scores(result: dict[str, Any], title: str | None = None) -> str:
    """The per-label table, value accuracy and confusion table as plain text."""
    rows = [
        [label, _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]), _fmt(s["support"]), _fmt(s["predicted"])]
        for label, s in result["per_label"].items()
    ]
    for name in ("micro", "macro"):
        s = result[name]
        rows.append([name, _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]), _fmt(s["support"]), ""])
    parts = []
    if title:
        parts.append(title)
    parts.append(_table(["label", "P", "R", "F1", "gold", "pred"], rows))
    value_rows = [
        [label, _fmt(v["accuracy"]), f"{v['correct']}/{v['matched']}"] for label, v in result["values"].items()
    ]
    if value_rows:
        parts.append(_table(["value", "accuracy", "correct/matched"], value_rows))
    parts.append(format_confusion(result))
    extra = f"{result['docs']} docs, {result['words']} words"
    if result.get("misaligned_gold"):
        extra += f", {result['misaligned_gold']} gold spans not on token boundaries (scored on the covering tokens)"
    if result.get("failed"):
        extra += f", {len(result['failed'])} docs FAILED: " + "; ".join(
            f"{f['doc']}: {f['error']}" for f in result["failed"]
        )
    parts.append(extra)
    return "\n\n".join(parts)


def format_confusion(result: dict[str, Any]) -> str:
    """Gold label (rows) x predicted label (columns), with MISSED and SPURIOUS."""
    confusion = result["confusion"]
    labels = list(result["labels"])
    preds = labels + sorted({p for row in confusion.values() for p in row} - set(labels) - {MISSED}) + [MISSED]
    rows = []
    for gold in labels + [SPURIOUS]:
        row = confusion.get(gold, {})
        if gold == SPURIOUS and not row:
            continue
        rows.append([gold, *(str(row.get(p, 0)) if not (gold == SPURIOUS and p == MISSED) else "" for p in preds)])
    return _table(["gold \\ pred", *preds], rows)


def format_comparison(a: dict[str, Any], b: dict[str, Any], names: tuple[str, str] = ("A", "B")) -> str:
    """Side-by-side F1 (and value accuracy) of two results with ``B - A`` deltas."""
    delta = compare_results(a, b)
    rows = [
        [label, _fmt(a["per_label"][label]["f1"]), _fmt(b["per_label"][label]["f1"]), _fmt(d["f1"], signed=True)]
        for label, d in delta["per_label"].items()
    ]
    for name in ("micro", "macro"):
        rows.append([name, _fmt(a[name]["f1"]), _fmt(b[name]["f1"]), _fmt(delta[name]["f1"], signed=True)])
    for label, d in delta["values"].items():
        rows.append(
            [
                f"value {label}",
                _fmt(a["values"][label]["accuracy"]),
                _fmt(b["values"].get(label, {}).get("accuracy")),
                _fmt(d, signed=True),
            ]
        )
    return _table(["F1", names[0], names[1], "delta"], rows)
