"""The Parquet tables of an archive run: their schemas and how one batch's rows are built.

Four tables, each a folder of ``part-<batch>.parquet`` files with one fixed schema (so that
pyarrow, pandas, DuckDB and ``datasets.load_dataset("parquet", ...)`` read all parts as one):

* ``documents``: one row per extracted file: ``id`` (the first 16 hex digits of ``hash``),
  ``hash`` (SHA-256 of the file's bytes), ``path``, ``pages``, ``chars``, ``entities`` (a
  count), ``reader_warnings``, then one column per field of the protocol JSON
  (:mod:`famhbg_nlp.protocol`, ``famhbg_nlp/protocol/SCHEMA.md``), nested ones as JSON text;
* ``entities``: one row per entity: ``document_id``, ``label``, ``text``, ``value`` (JSON),
  ``start``, ``end`` (character offsets into the text as read), ``page``, ``item`` (the ``§``
  number of the agenda item it is in);
* ``failures``: ``path``, ``hash``, ``reason`` for each file that could not be extracted;
* ``manifest``: ``hash``, ``path``, ``batch`` of each extracted file: what a rerun skips.

Nothing here needs Ray.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from ..protocol.model import Protocol

#: Columns of the documents table taken from the protocol JSON (its entities have their own table).
PROTOCOL_COLUMNS: tuple[str, ...] = tuple(key for key in Protocol().to_dict() if key != "entities")

#: Hex digits of the SHA-256 that make a document's ``id``.
ID_DIGITS = 16

DOCUMENTS = pa.schema(
    [
        ("id", pa.string()),
        ("hash", pa.string()),
        ("path", pa.string()),
        ("pages", pa.int32()),
        ("chars", pa.int64()),
        ("entities", pa.int32()),
        ("reader_warnings", pa.string()),
        *((f"protocol_{name}" if name == "path" else name, pa.string()) for name in PROTOCOL_COLUMNS),
    ]
)
ENTITIES = pa.schema(
    [
        ("document_id", pa.string()),
        ("label", pa.string()),
        ("text", pa.string()),
        ("value", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("page", pa.int32()),
        ("item", pa.string()),
    ]
)
FAILURES = pa.schema([("path", pa.string()), ("hash", pa.string()), ("reason", pa.string())])
MANIFEST = pa.schema([("hash", pa.string()), ("path", pa.string()), ("batch", pa.string())])

#: Table name -> schema, in the order a batch writes them (the manifest last: it commits the batch).
SCHEMAS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "entities": ENTITIES,
    "failures": FAILURES,
    "manifest": MANIFEST,
}


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes, in hex: the key of the manifest and the source of a document's id."""
    return hashlib.sha256(data).hexdigest()


def batch_id(hashes: list[str]) -> str:
    """A name for a batch that is the same whenever the same files make it up (a retried batch
    overwrites its own parts instead of adding a second copy)."""
    return hashlib.sha256("\n".join(sorted(hashes)).encode()).hexdigest()[:ID_DIGITS]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _text(value: Any) -> str | None:
    """A protocol field as a string column: strings as they are, anything else as JSON."""
    return value if value is None or isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@dataclass
class BatchRows:
    """The rows one batch adds to each table."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    manifest: list[dict[str, Any]] = field(default_factory=list)

    def add_document(
        self,
        *,
        hash: str,
        path: str,
        batch: str,
        protocol: Protocol,
        chars: int,
        pages: int | None,
        reader_warnings: tuple[str, ...] = (),
    ) -> None:
        doc_id = hash[:ID_DIGITS]
        data = protocol.to_dict()
        row: dict[str, Any] = {
            "id": doc_id,
            "hash": hash,
            "path": path,
            "pages": pages,
            "chars": chars,
            "entities": len(protocol.entities),
            "reader_warnings": _json(list(reader_warnings)),
        }
        for name in PROTOCOL_COLUMNS:
            row[f"protocol_{name}" if name == "path" else name] = _text(data.get(name))
        self.documents.append(row)
        self.entities.extend(entity_rows(doc_id, protocol))
        self.manifest.append({"hash": hash, "path": path, "batch": batch})

    def add_failure(self, *, path: str, hash: str | None, reason: str) -> None:
        self.failures.append({"path": path, "hash": hash, "reason": reason})

    def tables(self) -> dict[str, pa.Table]:
        """Each table's rows as an Arrow table of its schema (empty tables left out)."""
        rows = {
            "documents": self.documents,
            "entities": self.entities,
            "failures": self.failures,
            "manifest": self.manifest,
        }
        return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in SCHEMAS if rows[name]}


def entity_rows(doc_id: str, protocol: Protocol) -> list[dict[str, Any]]:
    """One row per entity of ``protocol``, with the number of the agenda item it lies in."""
    items = sorted(protocol.items, key=lambda item: item.start)
    starts = [item.start for item in items]
    rows = []
    for ent in protocol.entities:
        k = bisect.bisect_right(starts, ent.start) - 1
        item = items[k] if k >= 0 and ent.end <= items[k].end else None
        rows.append(
            {
                "document_id": doc_id,
                "label": ent.label,
                "text": ent.text,
                "value": _json(ent.value),
                "start": ent.start,
                "end": ent.end,
                "page": ent.page,
                "item": None if item is None else item.number,
            }
        )
    return rows
