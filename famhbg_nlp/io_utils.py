"""Writing files and directories atomically, with the permissions of ordinary new files.

Everything the package writes (corpora, exports, extraction output, trained pipelines) goes
to a temporary file or directory next to the target and is moved into place at the end, so a
failed write never leaves half a file and never destroys the previous one. ``mkstemp`` and
``mkdtemp`` make private (0600/0700) entries; they get the umask's permissions instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any


def umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temp_file(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` (its directory made if needed), readable as the umask allows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.chmod(tmp, 0o666 & ~umask())
    return fd, tmp


@contextlib.contextmanager
def atomic_file(path: str | Path, *, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file next to ``path``; on success it replaces ``path``, on error it is removed.

    Text modes write UTF-8 with ``\\n`` line ends.
    """
    path = Path(path)
    fd, tmp = _temp_file(path)
    try:
        if "b" in mode:
            handle = os.fdopen(fd, mode)
        else:
            handle = os.fdopen(fd, mode, encoding="utf-8", newline="\n")
        with handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` atomically."""
    with atomic_file(path, mode="wb" if isinstance(content, bytes) else "w") as handle:
        handle.write(content)


def write_all_atomic(contents: Mapping[Path, str]) -> None:
    """Write several text files: all go to temporary files first, then all are moved into place.

    A failure while writing leaves every target as it was.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, content in contents.items():
            path = Path(path)
            fd, tmp = _temp_file(path)
            temps.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@contextlib.contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """A temporary directory next to ``path``; on success it takes ``path``'s place, on error it is removed.

    An existing directory at ``path`` is replaced only once the new one is complete; a file
    there is a ``NotADirectoryError``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{path}: exists and is not a directory")
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        os.chmod(tmp, 0o777 & ~umask())
        yield tmp
        if path.exists():
            old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
            os.replace(path, old / path.name)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
