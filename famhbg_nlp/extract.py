"""Plain functions behind ``famhbg extract``: files in, protocols (JSON-ready) out.

* :func:`entity_dicts`, :func:`doc_result`, :func:`extract_text`: one document's entities
  (the issue-2 contract ``{"path", "meeting_date", "entities"}``).
* :func:`extract_files`: many files, read with :mod:`famhbg_nlp.readers`, run through the
  pipeline in batches (optionally in several processes) and parsed into
  :class:`~famhbg_nlp.protocol.Protocol`; a file that fails becomes a :class:`Failure`
  and the rest of the batch goes on.
* :func:`to_json`, :func:`to_jsonl`, :func:`to_csv`, :func:`write_atomic`: output.

Parallel extraction uses worker processes that each load the pipeline and return
plain JSON (the protocol dict and the text), so nothing spaCy-specific crosses process
boundaries: typed span values (``span._.date`` ...) never have to survive pickling.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .defaults import EXTRACT_BATCH_SIZE
from .protocol import Protocol, parse_doc
from .readers import ReadError, read_document

#: Columns of the CSV output, one row per entity.
CSV_COLUMNS: tuple[str, ...] = ("path", "label", "text", "value", "start", "end", "item", "item_title")


def entity_dicts(doc: Doc) -> list[dict[str, Any]]:
    """The entities of ``doc`` in the scheme's span format, with text and JSON value."""
    return [
        {"start": ent.start_char, "end": ent.end_char, "label": ent.label_, "text": ent.text, "value": ent._.value}
        for ent in doc.ents
    ]


def doc_result(doc: Doc, path: str | Path | None = None) -> dict[str, Any]:
    """``{"path", "meeting_date", "entities"}`` for one processed document."""
    meeting_date = doc._.meeting_date
    return {
        "path": None if path is None else str(path),
        "meeting_date": None if meeting_date is None else meeting_date.isoformat(),
        "entities": entity_dicts(doc),
    }


def extract_text(text: str, nlp: Language, path: str | Path | None = None) -> dict[str, Any]:
    """Run ``nlp`` on ``text`` and return :func:`doc_result`."""
    return doc_result(nlp(text), path)


@dataclass(frozen=True)
class Extraction:
    """One file read, processed and parsed."""

    path: str
    text: str
    protocol: Protocol
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """One file that could not be read or processed; ``str()`` names the file and the reason."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


Result = Extraction | Failure


def extract_files(
    paths: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    model: str | Path | None = None,
    n_process: int = 1,
    batch_size: int = EXTRACT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Result]:
    """Read, process and parse every file of ``paths``; yield one result per file, in order.

    ``nlp`` is the pipeline to use (else ``model`` is loaded, else the shipped one). With
    ``n_process > 1`` the work is spread over that many worker processes, each loading the
    pipeline (``nlp`` is saved to a temporary folder for them). ``progress`` is called with
    the number of files finished after each batch.
    """
    paths = [str(p) for p in paths]
    if n_process <= 1 or len(paths) <= 1:
        if nlp is None:
            from .pipeline import load

            nlp = load(model)
        for batch in _chunks(paths, batch_size):
            results = _process_batch(batch, nlp)
            yield from results
            if progress is not None:
                progress(len(results))
        return
    with tempfile.TemporaryDirectory(prefix="famhbg-nlp-") as tmp:
        if nlp is not None:
            nlp.to_disk(tmp)
            model = tmp
        context = get_context("spawn")  # fork is unsafe once torch or BLAS threads run
        # small enough tasks that every worker gets some
        batches = _chunks(paths, min(batch_size, -(-len(paths) // n_process)))
        workers = min(n_process, len(batches))
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(model,)) as pool:
            for plain in pool.map(_worker_batch, batches):
                results = [_from_plain(p) for p in plain]
                yield from results
                if progress is not None:
                    progress(len(results))


def _chunks(paths: list[str], size: int) -> list[list[str]]:
    size = max(size, 1)
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def _process_batch(paths: list[str], nlp: Language) -> list[Result]:
    """Read, process and parse one batch; a failing file becomes a :class:`Failure`."""
    slots: list[Result | None] = [None] * len(paths)
    texts: list[tuple[str, int]] = []
    warnings: dict[int, tuple[str, ...]] = {}
    for i, path in enumerate(paths):
        try:
            document = read_document(path)
        except ReadError as err:
            slots[i] = Failure(path, f"cannot read: {err.reason}")
            continue
        warnings[i] = document.warnings
        texts.append((document.text, i))
    try:
        docs = list(nlp.pipe(texts, as_tuples=True))
    except Exception:  # one bad document must not lose the batch: retry one at a time
        docs = []
        for text, i in texts:
            try:
                docs.append((nlp(text), i))
            except Exception as err:
                slots[i] = Failure(paths[i], f"pipeline failed: {type(err).__name__}: {err}")
    for doc, i in docs:
        try:
            protocol = parse_doc(doc, paths[i])
        except Exception as err:
            slots[i] = Failure(paths[i], f"cannot parse the protocol structure: {type(err).__name__}: {err}")
            continue
        slots[i] = Extraction(paths[i], doc.text, protocol, warnings.get(i, ()))
    return [s for s in slots if s is not None]


# --- worker processes -------------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    from .pipeline import load

    _WORKER_NLP = load(model)


def _worker_batch(paths: list[str]) -> list[dict[str, Any]]:
    assert _WORKER_NLP is not None, "worker not initialised"
    return [_to_plain(r) for r in _process_batch(paths, _WORKER_NLP)]


def _to_plain(result: Result) -> dict[str, Any]:
    if isinstance(result, Failure):
        return {"failure": True, "path": result.path, "reason": result.reason}
    return {
        "failure": False,
        "path": result.path,
        "text": result.text,
        "protocol": result.protocol.to_dict(),
        "warnings": list(result.warnings),
    }


def _from_plain(data: dict[str, Any]) -> Result:
    if data["failure"]:
        return Failure(data["path"], data["reason"])
    return Extraction(data["path"], data["text"], Protocol.from_dict(data["protocol"]), tuple(data["warnings"]))


# --- output -----------------------------------------------------------------------------------


def to_json(protocols: Iterable[Protocol]) -> str:
    """A JSON array of protocol dicts."""
    return json.dumps([p.to_dict() for p in protocols], ensure_ascii=False, indent=2) + "\n"


def to_jsonl(protocols: Iterable[Protocol]) -> str:
    """One protocol dict per line."""
    return "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in protocols)


def csv_rows(protocol: Protocol) -> Iterator[dict[str, Any]]:
    """One row per entity: where it is, what it is, its value (JSON for ranges) and its item."""
    for ent in protocol.entities:
        item = next((i for i in protocol.items if i.start <= ent.start and ent.end <= i.end), None)
        value = ent.value
        yield {
            "path": protocol.path or "",
            "label": ent.label,
            "text": ent.text,
            "value": ""
            if value is None
            else value
            if isinstance(value, str)
            else json.dumps(value, ensure_ascii=False),
            "start": ent.start,
            "end": ent.end,
            "item": "" if item is None or item.number is None else item.number,
            "item_title": "" if item is None else item.title,
        }


def to_csv(protocols: Iterable[Protocol]) -> str:
    """All entities of all protocols as CSV with the header :data:`CSV_COLUMNS`."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for protocol in protocols:
        writer.writerows(csv_rows(protocol))
    return buffer.getvalue()


def write_atomic(path: str | Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and ``os.replace``: never a half file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
