"""Reading and writing JSON Lines corpora; where corpus files are found.

Reading is line by line from bytes, so a bad line (invalid JSON, not UTF-8, wrong
shape) is reported with its file and line number, and :func:`iter_jsonl` goes on
with the next line. Writing goes through :mod:`famhbg_nlp.io_utils`: a temporary file
or directory next to the target, moved into place at the end, so a failed export
leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import io_utils
from ..io_utils import atomic_file
from .records import CorpusError, Record, check_record

__all__ = [
    "atomic_dir",
    "atomic_file",
    "corpus_files",
    "dumps_record",
    "iter_jsonl",
    "locate",
    "read_records",
    "write_records",
]


def corpus_files(path: str | Path, suffix: str, *, what: str = "", allow_empty: bool = False) -> list[Path]:
    """``path`` itself if it is a file, else the ``*<suffix>`` files of the directory, sorted by name.

    A directory without such files is an error unless ``allow_empty``; ``what`` ends its
    message (`` of the Swedish NER corpus``).
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.glob(f"*{suffix}") if p.is_file())
        if not files and not allow_empty:
            raise CorpusError(f"the directory has no *{suffix} files{what}", path=path)
        return files
    if not path.exists():
        raise CorpusError("no such file or directory", path=path)
    return [path]


def iter_jsonl(path: str | Path) -> Iterator[tuple[Path, int, Record | CorpusError]]:
    """``(file, line number, record or the error of that line)`` for every non-blank line.

    Only the shape of each record is checked here (see :meth:`Record.from_dict`).
    """
    for file in corpus_files(path, ".jsonl"):
        try:
            data = file.read_bytes()
        except OSError as err:
            yield file, 0, CorpusError(f"cannot read the file: {err.strerror or err}", path=file)
            continue
        for number, raw in enumerate(data.split(b"\n"), start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield (
                    file,
                    number,
                    CorpusError(f"the line is not valid UTF-8 (byte {err.start} of the line)", path=file, line=number),
                )
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield (
                    file,
                    number,
                    CorpusError(f"invalid JSON at column {err.colno}: {err.msg}", path=file, line=number),
                )
                continue
            try:
                yield file, number, Record.from_dict(obj)
            except CorpusError as err:
                doc_id = obj.get("id") if isinstance(obj, dict) and isinstance(obj.get("id"), str) else None
                yield file, number, err.located(path=file, line=number, doc_id=doc_id)


def locate(path: str | Path, doc_id: str) -> tuple[Path, int] | None:
    """File and line of the record ``doc_id`` in a ``.jsonl`` file or directory, if it is there."""
    try:
        for file, line, item in iter_jsonl(path):
            if isinstance(item, Record) and item.id == doc_id:
                return file, line
    except CorpusError:
        return None
    return None


def read_records(path: str | Path, *, check: bool = True) -> list[Record]:
    """Records of a ``.jsonl`` file, or of every ``*.jsonl`` file of a directory (sorted by name).

    With ``check`` (the default) the spans must be usable (:func:`check_record`) and the
    ids unique. Raises :class:`CorpusError` for the first problem, saying how many more there are
    (``famhbg corpus validate`` lists them all).
    """
    records: list[Record] = []
    problems: list[CorpusError] = []
    seen: dict[str, tuple[Path, int]] = {}
    for file, line, item in iter_jsonl(path):
        if isinstance(item, CorpusError):
            problems.append(item)
            continue
        if check:
            problems.extend(err.located(path=file, line=line) for err in check_record(item))
            if item.id in seen:
                first_file, first_line = seen[item.id]
                problems.append(
                    CorpusError(
                        f"the id is used twice (first at {first_file}, line {first_line})",
                        path=file,
                        line=line,
                        doc_id=item.id,
                    )
                )
            seen.setdefault(item.id, (file, line))
        records.append(item)
    if problems:
        first = problems[0]
        if len(problems) > 1:
            more = len(problems) - 1
            note = f"{first.message} ({more} more problem{'s' if more > 1 else ''}; `famhbg corpus validate` lists all)"
            first = CorpusError(note, path=first.path, line=first.line, doc_id=first.doc_id, offset=first.offset)
        raise first
    return records


def dumps_record(record: Record) -> str:
    """One JSON line (UTF-8 characters kept as they are)."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def write_records(records: Iterable[Record], path: str | Path) -> None:
    """Write ``records`` as JSON Lines to ``path``, atomically (temporary file + ``os.replace``)."""
    with atomic_file(path, mode="w") as handle:
        for record in records:
            handle.write(dumps_record(record))
            handle.write("\n")


@contextlib.contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """:func:`famhbg_nlp.io_utils.atomic_dir`; a file at ``path`` is a :class:`CorpusError`."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise CorpusError("the output exists and is not a directory", path=path)
    with io_utils.atomic_dir(path) as tmp:
        yield tmp
