"""Size of a corpus: documents, tokens, spans per label, per document and per label."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language

from ..defaults import LABELS
from .records import Record


def corpus_stats(
    records: Iterable[Record], *, nlp: Language | None = None, labels: Sequence[str] = LABELS
) -> dict[str, Any]:
    """``{"documents", "tokens", "characters", "spans", "labels": {label: n}, "per_document": [...]}``.

    Tokens are the non-whitespace tokens of the project tokenizer (``nlp`` overrides it).
    Each ``per_document`` entry has ``id``, ``tokens``, ``characters``, ``spans`` and ``labels``.
    Labels outside ``labels`` are counted after them.
    """
    if nlp is None:
        from ..pipeline import blank

        nlp = blank()
    per_document = []
    totals = dict.fromkeys(labels, 0)
    for record in records:
        doc = nlp.make_doc(record.text)
        counts = dict.fromkeys(labels, 0)
        for span in record.spans:
            counts[span.label] = counts.get(span.label, 0) + 1
            totals[span.label] = totals.get(span.label, 0) + 1
        per_document.append(
            {
                "id": record.id,
                "tokens": sum(1 for token in doc if not token.is_space),
                "characters": len(record.text),
                "spans": len(record.spans),
                "labels": counts,
            }
        )
    return {
        "documents": len(per_document),
        "tokens": sum(d["tokens"] for d in per_document),
        "characters": sum(d["characters"] for d in per_document),
        "spans": sum(d["spans"] for d in per_document),
        "labels": totals,
        "per_document": per_document,
    }


def stats_table(stats: dict[str, Any]) -> str:
    """A plain-text table: one row per document and a total row."""
    labels = list(stats["labels"])
    header = ["id", "tokens", "spans", *labels]
    rows = [
        [d["id"], d["tokens"], d["spans"], *(d["labels"].get(label, 0) for label in labels)]
        for d in stats["per_document"]
    ]
    rows.append([f"TOTAL ({stats['documents']} documents)", stats["tokens"], stats["spans"], *stats["labels"].values()])
    cells = [header] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        return "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))

    lines = [fmt(cells[0]), fmt(["-" * w for w in widths])]
    lines += [fmt(row) for row in cells[1:-1]]
    lines += [fmt(["-" * w for w in widths]), fmt(cells[-1])]
    return "\n".join(lines)
