"""Finding files (folders, globs) and the errors every reader gives: named file, plain reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from famhbg_nlp.readers import ReadError, iter_files, read_document


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("a.rtf", b"{\\rtf1}", "unsupported file type '.rtf'"),
        ("missing.txt", None, "no such file"),
        ("broken.pdf", b"not a pdf", "cannot read"),
        ("broken.docx", b"not a zip", "cannot read"),
    ],
)
def test_read_errors_name_file_and_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert str(path) in str(info.value)
    assert reason in str(info.value)


def test_a_folder_is_no_file(tmp_path):
    folder = tmp_path / "minutes.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match="a folder"):
        read_document(folder)


def test_iter_files_folders_globs_and_duplicates(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ("b.txt", "a.pdf", "sub/c.docx", "sub/deeper/d.TXT", "notes.md", "sub/e.xlsx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(iter_files([tmp_path]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.pdf", "b.txt", "sub/c.docx", "sub/deeper/d.TXT"]
    globbed = list(iter_files([str(tmp_path / "*.txt"), tmp_path / "b.txt", str(tmp_path / "sub" / "**" / "*.*")]))
    assert [p.relative_to(tmp_path).as_posix() for p in globbed] == ["b.txt", "sub/c.docx", "sub/deeper/d.TXT"]
    # a missing plain path is kept, so that reading it reports the error
    assert list(iter_files([tmp_path / "nope.txt"])) == [tmp_path / "nope.txt"]


def test_extract_resolves_names_as_iter_files_does(tmp_path):
    """``famhbg extract`` and :func:`iter_files` walk folders and expand patterns the same way."""
    from famhbg_nlp.extract import resolve_inputs

    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ("b.txt", "a.pdf", "sub/c.docx", "sub/deeper/d.TXT", "notes.md", "sub/.hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = [str(tmp_path / "sub"), str(tmp_path / "*.*"), str(tmp_path / "**" / "*.txt")]
    sources, failures = resolve_inputs(names)
    assert failures == []
    assert [Path(s.path) for s in sources] == list(iter_files(names))
