"""Document-level splits: never a document in two parts of a split.

:func:`split_records` ranks the documents by a hash of ``seed`` and their id, so a split
depends only on the ids and the seed (not on file order or Python's hash seed).
"""

from __future__ import annotations

import hashlib
import re
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


#: What a cross-validation fold may hold out together: ``document`` (leave-one-document-out),
#: ``body`` (one organ of one municipality: the id without its date) or ``municipality``.
GROUP_KEYS: tuple[str, ...] = ("document", "body", "municipality")
_DATE_TAIL = re.compile(r"(?:-\d{2,4})+$")


def group_of(record: Record, key: str) -> str:
    """The group of ``record`` under ``key`` (see :data:`GROUP_KEYS`).

    ``municipality`` is ``meta["municipality"]``; a record without one (the seed protocols of an
    inter-municipal body) falls back to its ``body`` group.
    """
    if key not in GROUP_KEYS:
        raise ValueError(f"unknown group key {key!r}; expected one of {', '.join(GROUP_KEYS)}")
    if key == "document":
        return record.id
    if key == "municipality":
        municipality = (record.meta or {}).get("municipality")
        if municipality:
            return str(municipality)
    return _DATE_TAIL.sub("", record.id) or record.id


def grouped_folds(
    records: Sequence[Record], *, key: str, n_folds: int | None = None, seed: int = 0
) -> list[tuple[list[Record], list[Record]]]:
    """``(train, test)`` folds in which no group (see :func:`group_of`) is on both sides.

    ``n_folds=None`` (or at least the number of groups) holds out one group per fold; otherwise the
    groups are dealt, largest first (ties broken by :func:`id_hash` of ``seed``), to the fold with the
    fewest documents so far. Records keep their input order inside each part.
    """
    records = list(records)
    groups: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        groups.setdefault(group_of(record, key), []).append(index)
    if n_folds is not None and n_folds < 2:
        raise ValueError(f"n_folds must be at least 2, not {n_folds}")
    if n_folds is None or n_folds >= len(groups):
        assignment = {name: k for k, name in enumerate(groups)}
        n = len(groups)
    else:
        n = n_folds
        sizes = [0] * n
        assignment = {}
        for name in sorted(groups, key=lambda g: (-len(groups[g]), id_hash(g, seed))):
            fold = min(range(n), key=lambda k: (sizes[k], k))
            assignment[name] = fold
            sizes[fold] += len(groups[name])
    folds = []
    for k in range(n):
        test = [r for r in records if assignment[group_of(r, key)] == k]
        train = [r for r in records if assignment[group_of(r, key)] != k]
        folds.append((train, test))
    return folds
