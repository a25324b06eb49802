"""Atomic writes: never half a file, the old content kept on failure, permissions of the umask."""

from __future__ import annotations

import os

import pytest

from famhbg_nlp.io_utils import atomic_dir, umask, write_all_atomic, write_atomic


@pytest.mark.parametrize(
    "content,expected",
    [
        pytest.param("rad 1\nrad 2 – åäö\n", "rad 1\nrad 2 – åäö\n".encode(), id="text-utf8"),
        pytest.param(b"\x00\xff", b"\x00\xff", id="bytes"),
    ],
)
def test_write_atomic(tmp_path, content, expected):
    path = tmp_path / "sub" / "out.txt"
    write_atomic(path, content)
    assert path.read_bytes() == expected
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask()
    assert os.listdir(path.parent) == ["out.txt"]


def test_write_all_atomic_changes_nothing_when_one_file_fails(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("old a\n", encoding="utf-8")
    with pytest.raises(TypeError):
        write_all_atomic({first: "new a\n", second: None})  # type: ignore[dict-item]
    assert first.read_text(encoding="utf-8") == "old a\n" and not second.exists()
    assert os.listdir(tmp_path) == ["a.jsonl"]
    write_all_atomic({first: "new a\n", second: "new b\n"})
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == ("new a\n", "new b\n")
    assert second.stat().st_mode & 0o777 == 0o666 & ~umask()


def test_atomic_dir_refuses_a_file_and_follows_the_umask(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="file"):
        with atomic_dir(tmp_path / "file"):
            pass
    with atomic_dir(tmp_path / "out") as tmp:
        (tmp / "x").write_text("y", encoding="utf-8")
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o777 & ~umask()
    assert sorted(os.listdir(tmp_path)) == ["file", "out"]
