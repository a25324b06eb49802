"""Document-level splits: never a document in two parts of a split.

:func:`split_records` ranks the documents by a hash of ``seed`` and their id, so a split
depends only on the ids and the seed (not on file order or Python's hash seed).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from .records import CorpusError, Record


def id_hash(doc_id: str, seed: int) -> int:
    """A stable 64-bit hash of ``seed`` and ``doc_id``."""
    digest = hashlib.sha256(f"{seed}\x00{doc_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def split_records(records: Sequence[Record], *, dev_fraction: float, seed: int) -> tuple[list[Record], list[Record]]:
    """``(train, dev)``: the ``round(n * dev_fraction)`` documents (at least one when ``dev_fraction > 0``
    and there are two or more documents) ranked first by :func:`id_hash` go to dev.

    Both parts keep the input order. ``dev_fraction`` must lie in ``[0, 1)``.
    """
    if not 0 <= dev_fraction < 1:
        raise ValueError(f"dev_fraction must be at least 0 and below 1, not {dev_fraction}")
    records = list(records)
    n = len(records)
    n_dev = 0 if dev_fraction == 0 or n < 2 else min(n - 1, max(1, round(n * dev_fraction)))
    ranked = sorted(range(n), key=lambda i: (id_hash(records[i].id, seed), i))
    dev_index = set(ranked[:n_dev])
    train = [r for i, r in enumerate(records) if i not in dev_index]
    dev = [r for i, r in enumerate(records) if i in dev_index]
    return train, dev


def leave_one_out(records: Sequence[Record]) -> list[tuple[list[Record], Record]]:
    """One fold per document: ``(every other document, the held-out document)``, in input order."""
    records = list(records)
    return [(records[:i] + records[i + 1 :], held_out) for i, held_out in enumerate(records)]


def assign_splits(
    records: Sequence[Record], assignments: Mapping[str, Iterable[str]], *, rest: str = "train"
) -> dict[str, list[Record]]:
    """Named splits from ``{split name: document ids}``; unassigned documents go to ``rest``.

    Raises :class:`CorpusError` for an unknown id or an id assigned twice. Empty splits are left out;
    ``rest`` comes first.
    """
    by_id = {record.id: record for record in records}
    owner: dict[str, str] = {}
    for name, ids in assignments.items():
        for doc_id in ids:
            if doc_id not in by_id:
                raise CorpusError(f"split {name!r} names a document that is not in the corpus", doc_id=doc_id)
            if doc_id in owner and owner[doc_id] != name:
                raise CorpusError(f"the document is assigned to both {owner[doc_id]!r} and {name!r}", doc_id=doc_id)
            owner[doc_id] = name
    names = [rest] + [name for name in assignments if name != rest]
    splits: dict[str, list[Record]] = {name: [] for name in names}
    for record in records:
        splits[owner.get(record.id, rest)].append(record)
    return {name: part for name, part in splits.items() if part}
