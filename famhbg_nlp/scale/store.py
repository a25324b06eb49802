"""The output folder of an archive run: atomic batch commits, resumption, clean-up after a crash.

The folder (a local path or any URI pyarrow reads: ``s3://``, ``gs://``, ``hdfs://`` ...) holds
one sub-folder per table of :mod:`.tables`. Each batch writes its parts through ``_tmp/`` and
moves them into place, the ``manifest`` part last: a batch whose manifest part exists is
complete (committed). At the start of a run (:meth:`OutputStore.prepare`):

* parts of batches that never committed (a worker died between two moves) are removed, so a
  retried batch never leaves a second copy of its rows;
* the ``failures`` table is emptied: the files in it are tried again, and fail again into it;
* the manifest tells which files (by content hash) are done and are skipped.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from .tables import SCHEMAS

TMP = "_tmp"
PART_PREFIX = "part-"


def _is_uri(path: str) -> bool:
    return "://" in path


@dataclass(frozen=True)
class OutputStore:
    """The output folder ``root`` on ``filesystem``; ``uri`` is what the user gave."""

    uri: str

    @property
    def filesystem(self) -> pafs.FileSystem:
        return self._resolved()[0]

    @property
    def root(self) -> str:
        return self._resolved()[1]

    def _resolved(self) -> tuple[pafs.FileSystem, str]:
        uri = self.uri if _is_uri(self.uri) else os.path.abspath(self.uri)
        filesystem, root = pafs.FileSystem.from_uri(uri)
        return filesystem, root.rstrip("/")

    def folder(self, table: str) -> str:
        return f"{self.root}/{table}"

    def part(self, table: str, batch: str) -> str:
        return f"{self.folder(table)}/{PART_PREFIX}{batch}.parquet"

    # -- writing (in the workers) ----------------------------------------------------------

    def commit(self, batch: str, tables: dict[str, pa.Table]) -> None:
        """Write one batch's tables, each through ``_tmp/`` and a move; the manifest part last."""
        filesystem = self.filesystem
        for name in SCHEMAS:  # the order of SCHEMAS puts the manifest last
            table = tables.get(name)
            if table is None:
                continue
            tmp = f"{self.root}/{TMP}/{name}-{batch}-{uuid.uuid4().hex}.parquet"
            pq.write_table(table, tmp, filesystem=filesystem)
            filesystem.move(tmp, self.part(name, batch))

    # -- the start of a run (in the driver) -------------------------------------------------

    def prepare(self) -> set[str]:
        """Create the folders, remove what a crash or the last run's failures left, and return
        the content hashes of the files already done."""
        filesystem = self.filesystem
        for name in (TMP, *SCHEMAS):
            filesystem.create_dir(self.folder(name), recursive=True)
        filesystem.delete_dir_contents(self.folder(TMP), missing_dir_ok=True)
        filesystem.delete_dir_contents(self.folder("failures"), missing_dir_ok=True)
        committed = set(self._batches("manifest"))
        for name in ("documents", "entities"):
            for batch, path in self._batches(name).items():
                if batch not in committed:
                    filesystem.delete_file(path)
        return set(self.read("manifest", columns=["hash"]).column("hash").to_pylist())

    def _batches(self, table: str) -> dict[str, str]:
        """Batch id -> path of each part of ``table``."""
        found: dict[str, str] = {}
        selector = pafs.FileSelector(self.folder(table), allow_not_found=True)
        for info in self.filesystem.get_file_info(selector):
            name = info.base_name
            if info.type == pafs.FileType.File and name.startswith(PART_PREFIX) and name.endswith(".parquet"):
                found[name[len(PART_PREFIX) : -len(".parquet")]] = info.path
        return found

    def read(self, table: str, *, columns: list[str] | None = None) -> pa.Table:
        """All parts of ``table`` as one Arrow table (empty, with the schema, when there are none)."""
        parts = sorted(self._batches(table).values())
        schema = SCHEMAS[table]
        if not parts:
            empty = schema.empty_table()
            return empty.select(columns) if columns else empty
        return pq.read_table(parts, filesystem=self.filesystem, schema=schema, columns=columns)
