"""Finding the files to read: files, folders (recursively) and glob patterns."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

#: File suffixes the readers handle (lower case).
SUFFIXES: tuple[str, ...] = (".txt", ".pdf", ".docx")


def is_pattern(text: str) -> bool:
    """Whether a name the user gave is a glob pattern (it has ``*``, ``?`` or ``[``)."""
    return any(ch in text for ch in "*?[")


def readable(path: Path) -> bool:
    """Whether ``path`` is a file of a type the readers handle (:data:`SUFFIXES`, any case)."""
    return path.is_file() and path.suffix.lower() in SUFFIXES


def files_in(folder: Path) -> list[Path]:
    """The readable files under ``folder``, recursively, sorted."""
    return sorted(p for p in folder.rglob("*") if readable(p))


def files_matching(pattern: str) -> list[Path]:
    """The readable files the glob ``pattern`` names (``**`` spans folders; hidden files only when
    the pattern names them), sorted."""
    return [p for p in sorted(Path(found) for found in glob.glob(pattern, recursive=True)) if readable(p)]


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs``: files as given, folders searched recursively for readable
    files (sorted), glob patterns expanded. Each file once, in order."""
    seen: set[Path] = set()
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            found = files_in(path)
        elif path.exists() or not is_pattern(text):
            found = [path]  # a missing plain path is yielded so that reading it reports the error
        else:
            found = files_matching(text)
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file
