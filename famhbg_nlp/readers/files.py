"""Finding the files to read: files, folders (recursively) and glob patterns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

#: File suffixes the readers handle (lower case).
SUFFIXES: tuple[str, ...] = (".txt", ".pdf", ".docx")


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs``: files as given, folders searched recursively for readable
    files (sorted), glob patterns expanded. Each file once, in order."""
    seen: set[Path] = set()

    def emit(path: Path) -> Iterator[Path]:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path

    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from emit(found)
        elif path.exists() or not any(ch in text for ch in "*?["):
            yield from emit(path)  # a missing plain path is yielded so that reading it reports the error
        else:
            anchor = Path(text).anchor
            pattern = text[len(anchor) :] if anchor else text
            base = Path(anchor) if anchor else Path(".")
            for found in sorted(base.glob(pattern)):
                if found.is_file() and found.suffix.lower() in SUFFIXES:
                    yield from emit(found)
