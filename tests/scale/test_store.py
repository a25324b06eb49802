"""The output tables of an archive run and their commit protocol, without Ray."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from famhbg_nlp.protocol.model import Entity, Item, Protocol
from famhbg_nlp.scale.engine import _is_done, done_keys
from famhbg_nlp.scale.store import OutputStore
from famhbg_nlp.scale.tables import SCHEMAS, BatchRows, batch_id, content_hash, entity_rows

PROTOCOL = Protocol(
    path="ks.txt",
    body="Kommunstyrelsen",
    items=(Item(title="Budget", start=100, end=200, number="5"), Item(title="Övrigt", start=200, end=300, number="6")),
    entities=(
        Entity(10, 14, "MUNICIPALITY", "Bjuv", "Bjuv"),
        Entity(120, 127, "AMOUNT", "200 tkr", 200000),
        Entity(210, 220, "DATE", "2-3/9", {"start": "2021-09-02", "end": "2021-09-03"}, page=2),
    ),
)


def _rows(*names: str) -> BatchRows:
    rows = BatchRows()
    for name in names:
        rows.add_document(
            hash=content_hash(name.encode()), path=name, batch="b", protocol=PROTOCOL, chars=300, pages=None
        )
    return rows


def test_entity_rows_carry_item_page_and_json_value():
    rows = entity_rows("doc", PROTOCOL)
    assert [(r["text"], r["item"], r["page"]) for r in rows] == [
        ("Bjuv", None, None),
        ("200 tkr", "5", None),
        ("2-3/9", "6", 2),
    ]
    assert [json.loads(r["value"]) for r in rows] == ["Bjuv", 200000, {"start": "2021-09-02", "end": "2021-09-03"}]


def test_batch_tables_have_the_fixed_schemas():
    rows = _rows("a.txt", "b.txt")
    rows.add_failure(path="c.txt", hash=None, reason="cannot read: binary content")
    tables = rows.tables()
    assert {name: table.schema for name, table in tables.items()} == SCHEMAS
    documents = tables["documents"].to_pylist()
    assert [d["id"] for d in documents] == [content_hash(b"a.txt")[:16], content_hash(b"b.txt")[:16]]
    assert documents[0]["body"] == "Kommunstyrelsen" and documents[0]["protocol_path"] == "ks.txt"
    assert json.loads(documents[0]["items"])[0]["number"] == "5"
    assert tables["entities"].num_rows == 6


def test_batch_id_depends_only_on_the_files():
    assert batch_id(["b", "a"]) == batch_id(["a", "b"]) != batch_id(["a", "c"])


def test_done_keys_find_exactly_the_done_hashes():
    done = [content_hash(str(i).encode()) for i in range(1000)]
    keys = done_keys(done)
    assert all(_is_done(keys, h) for h in done)
    assert not any(_is_done(keys, content_hash(f"new {i}".encode())) for i in range(1000))
    assert not _is_done(done_keys([]), done[0])


def test_prepare_drops_uncommitted_parts_and_old_failures(tmp_path):
    store = OutputStore(str(tmp_path / "out"))
    assert store.prepare() == set()
    committed = _rows("a.txt")
    committed.add_failure(path="bad.txt", hash="ff", reason="cannot read")
    store.commit("one", committed.tables())
    # a worker that died after moving its documents and entities parts, before the manifest
    crashed = _rows("b.txt").tables()
    del crashed["manifest"]
    store.commit("two", crashed)
    (tmp_path / "out" / "_tmp" / "entities-two-x.parquet").write_bytes(b"half a file")
    assert store.read("documents").num_rows == 2

    done = store.prepare()

    assert done == {content_hash(b"a.txt")}
    assert store.read("documents").column("path").to_pylist() == ["a.txt"]
    assert store.read("entities").num_rows == 3
    assert store.read("failures").num_rows == 0  # retried by this run
    assert list((tmp_path / "out" / "_tmp").iterdir()) == []


def test_a_retried_batch_replaces_its_own_parts(tmp_path):
    store = OutputStore(str(tmp_path / "out"))
    store.prepare()
    store.commit("same", _rows("a.txt").tables())
    store.commit("same", _rows("a.txt").tables())
    assert store.read("documents").num_rows == 1
    assert pq.read_table(tmp_path / "out" / "manifest").num_rows == 1


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_an_empty_table_reads_with_its_schema(tmp_path, table):
    store = OutputStore(str(tmp_path / "out"))
    store.prepare()
    assert store.read(table).schema == SCHEMAS[table]
