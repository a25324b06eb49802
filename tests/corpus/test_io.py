"""Reading and writing JSON Lines: bad lines are named by file, line and document; writes are atomic."""

import json
import os

import pytest

from famhbg_nlp.corpus import CorpusError, read_records, write_records
from famhbg_nlp.corpus.io import atomic_dir, atomic_file, corpus_files, iter_jsonl


def _line(doc_id="a", text="Palle Lundberg", spans=None):
    spans = [{"start": 0, "end": 14, "label": "PERSON", "value": None}] if spans is None else spans
    return json.dumps({"id": doc_id, "text": text, "meta": {}, "spans": spans}, ensure_ascii=False)


def test_write_then_read_is_identical(tmp_path, records):
    path = tmp_path / "out.jsonl"
    write_records(records, path)
    assert read_records(path) == records
    assert not [p for p in tmp_path.iterdir() if p.name != "out.jsonl"], "temporary file left behind"
    assert "Närvarande" in path.read_text(encoding="utf-8"), "UTF-8 kept as characters"


def test_directory_reads_jsonl_files_in_name_order(tmp_path):
    (tmp_path / "b.jsonl").write_text(_line("from-b") + "\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(_line("from-a") + "\n\n" + _line("from-a2") + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a corpus", encoding="utf-8")
    assert [r.id for r in read_records(tmp_path)] == ["from-a", "from-a2", "from-b"]


def test_empty_directory_and_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="no \\*.jsonl files"):
        read_records(tmp_path)
    with pytest.raises(CorpusError, match="no such file"):
        read_records(tmp_path / "missing.jsonl")


@pytest.mark.parametrize(
    "name,kwargs,expected",
    [
        pytest.param("d", {}, ["a.conll", "b.conll"], id="directory-sorted-suffix-only"),
        pytest.param("d/b.conll", {}, ["b.conll"], id="file"),
        pytest.param("d/notes.txt", {}, ["notes.txt"], id="a-named-file-of-any-suffix"),
        pytest.param("empty", {}, "no \\*.conll files of the test corpus", id="empty-directory"),
        pytest.param("empty", {"allow_empty": True}, [], id="empty-directory-allowed"),
        pytest.param("missing", {}, "no such file or directory", id="missing"),
    ],
)
def test_corpus_files(tmp_path, name, kwargs, expected):
    (tmp_path / "d").mkdir()
    (tmp_path / "empty").mkdir()
    for file in ("b.conll", "a.conll", "notes.txt"):
        (tmp_path / "d" / file).write_text("x", encoding="utf-8")
    (tmp_path / "d" / "dir.conll").mkdir()
    if isinstance(expected, str):
        with pytest.raises(CorpusError, match=expected):
            corpus_files(tmp_path / name, ".conll", what=" of the test corpus", **kwargs)
    else:
        found = corpus_files(tmp_path / name, ".conll", what=" of the test corpus", **kwargs)
        assert [p.name for p in found] == expected


BAD_LINES = [
    pytest.param(b"{not json", "invalid JSON", None, id="invalid-json"),
    pytest.param(_line().replace('"text"', '"txt"').encode(), "no 'text'", "a", id="missing-field"),
    pytest.param(
        _line(spans=[{"start": 0, "end": 99, "label": "PERSON"}]).encode(),
        "outside the text",
        "a",
        id="offset-beyond-text",
    ),
    pytest.param(
        _line(spans=[{"start": 0, "end": 14, "label": "PERSON"}, {"start": 6, "end": 14, "label": "PERSON"}]).encode(),
        "overlaps",
        "a",
        id="overlap",
    ),
    pytest.param(
        _line(spans=[{"start": 0, "end": 5, "label": "PER"}]).encode(), "unknown label 'PER'", "a", id="unknown-label"
    ),
    pytest.param(_line(text="Palle Lundberg från Malmö").encode("latin-1"), "not valid UTF-8", None, id="not-utf8"),
]


@pytest.mark.parametrize("bad,fragment,doc_id", BAD_LINES)
def test_bad_line_is_named_by_file_line_and_document(tmp_path, bad, fragment, doc_id):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(_line("ok-1").encode() + b"\n" + bad + b"\n" + _line("ok-3").encode() + b"\n")
    with pytest.raises(CorpusError) as info:
        read_records(path)
    err = info.value
    assert fragment in str(err)
    assert (err.path, err.line, err.doc_id) == (str(path), 2, doc_id)
    assert str(path) in str(err) and "line 2" in str(err)


def test_lenient_iteration_goes_on_after_a_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(_line("ok-1").encode() + b"\n{oops\n\xff\xfe\n" + _line("ok-4").encode() + b"\n")
    items = list(iter_jsonl(path))
    assert [(line, type(item).__name__) for _, line, item in items] == [
        (1, "Record"),
        (2, "CorpusError"),
        (3, "CorpusError"),
        (4, "Record"),
    ]


def test_duplicate_ids_and_problem_count(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([_line("same"), _line("same"), "{bad"]) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_records(path)
    assert info.value.line == 2 and "used twice" in str(info.value) and "1 more problem" in str(info.value)


def test_unchecked_reading_keeps_broken_spans(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(_line(spans=[{"start": 0, "end": 5, "label": "LOC"}]) + "\n", encoding="utf-8")
    assert read_records(path, check=False)[0].spans[0].label == "LOC"


def test_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _line("bom").encode() + b"\n")
    assert read_records(path)[0].id == "bom"


def test_failed_write_keeps_the_old_file(tmp_path, records):
    path = tmp_path / "out.jsonl"
    path.write_text("old content\n", encoding="utf-8")

    def broken():
        yield records[0]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_records(broken(), path)
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_atomic_file_permissions_follow_umask(tmp_path):
    with atomic_file(tmp_path / "f.txt") as handle:
        handle.write("x")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "f.txt").stat().st_mode & 0o777 == 0o666 & ~mask


def test_atomic_dir_replaces_only_when_complete(tmp_path):
    out = tmp_path / "ds"
    out.mkdir()
    (out / "old.txt").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_dir(out) as tmp:
            (tmp / "new.txt").write_text("half", encoding="utf-8")
            raise RuntimeError("failed half-way")
    assert sorted(os.listdir(out)) == ["old.txt"]
    assert os.listdir(tmp_path) == ["ds"]
    with atomic_dir(out) as tmp:
        (tmp / "new.txt").write_text("new", encoding="utf-8")
    assert sorted(os.listdir(out)) == ["new.txt"]
    assert os.listdir(tmp_path) == ["ds"]
