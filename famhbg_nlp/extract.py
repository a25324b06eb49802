"""Plain functions behind ``famhbg extract``: files in, protocols (JSON-ready) out.

* :func:`resolve_inputs`: what the user named (files, folders, glob patterns, ``-`` for
  standard input) to the files to read, and a :class:`Failure` for each name that gives none
  (not found, an empty folder, a pattern without matches).
* :func:`extract_files`: many files, read with :mod:`famhbg_nlp.readers`, run through the
  pipeline in batches (optionally in several processes; texts of any length through
  :mod:`famhbg_nlp.chunking`) and parsed into :class:`~famhbg_nlp.protocol.Protocol`; a file
  that fails becomes a :class:`Failure` and the rest of the batch goes on.
* :func:`entity_dicts`, :func:`doc_result`: one document's entities.
* :func:`to_json`, :func:`to_jsonl`, :func:`to_csv`, :func:`write_atomic`: output.

Parallel extraction uses worker processes that each load the pipeline and return
plain JSON (the protocol dict and the text), so nothing spaCy-specific crosses process
boundaries: typed span values (``span._.date`` ...) never have to survive pickling.
Workers ignore Ctrl-C; the main process stops them, so an interrupted run ends without a
traceback from every worker.
"""

from __future__ import annotations

import csv
import datetime
import gc
import io
import json
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, BinaryIO

from spacy.language import Language
from spacy.tokens import Doc

from .chunking import DATES_COMPONENT, piece_limit, process
from .corpus.io import atomic_file
from .defaults import EXTRACT_BATCH_SIZE
from .protocol import Protocol, parse_doc
from .readers import SUFFIXES, Document, ReadError, read_document
from .readers.files import files_in, files_matching, is_pattern
from .readers.pages import with_pages

#: Columns of the CSV output, one row per entity.
CSV_COLUMNS: tuple[str, ...] = ("path", "label", "text", "value", "start", "end", "item", "item_title")


def entity_dicts(doc: Doc) -> list[dict[str, Any]]:
    """The entities of ``doc`` in the scheme's span format, with text, JSON value and page (``None``:
    a processed text has no pages; :func:`extract_files` sets them for PDFs)."""
    return [
        {
            "start": ent.start_char,
            "end": ent.end_char,
            "label": ent.label_,
            "text": ent.text,
            "value": ent._.value,
            "page": None,
        }
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


@dataclass(frozen=True)
class Source:
    """A file to read, and the name its results and messages carry (``-`` for standard input)."""

    path: str
    name: str


@dataclass(frozen=True)
class Extraction:
    """One file read, processed and parsed."""

    path: str
    text: str
    protocol: Protocol
    warnings: tuple[str, ...] = ()
    page_starts: tuple[int, ...] = ()  # offset where each page of a PDF starts (HTML page breaks)


@dataclass(frozen=True)
class Failure:
    """One input that could not be read or processed; ``str()`` names it and gives the reason."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


Result = Extraction | Failure

#: Input names that stand for standard input.
STDIN_NAMES: tuple[str, ...] = ("-", "/dev/stdin")

#: Leading bytes -> suffix, to read standard input (or a pipe) with the right reader.
_SIGNATURES: tuple[tuple[bytes, str], ...] = ((b"%PDF-", ".pdf"), (b"PK\x03\x04", ".docx"))


def _sniff_suffix(data: bytes) -> str:
    return next((suffix for magic, suffix in _SIGNATURES if data.startswith(magic)), ".txt")


def spool(stream: BinaryIO, folder: str | Path, name: str) -> Source:
    """Copy ``stream`` (standard input, a pipe) into ``folder``; the file's suffix follows its content."""
    data = stream.read()
    path = Path(folder) / f"input-{len(os.listdir(folder))}{_sniff_suffix(data)}"
    path.write_bytes(data)
    return Source(str(path), name)


def resolve_inputs(
    inputs: Iterable[str | Path],
    *,
    spool_dir: str | Path | None = None,
    stdin: BinaryIO | None = None,
) -> tuple[list[Source], list[Failure]]:
    """The files named by ``inputs``, each once and in order, and a :class:`Failure` per name that gives none.

    A file is taken as it is (its reader refuses an unsupported type); a folder is searched
    recursively for ``.txt``, ``.pdf`` and ``.docx`` files; a name with ``*``, ``?`` or ``[``
    that is no file is a glob pattern. ``-`` and ``/dev/stdin`` (with ``stdin`` and ``spool_dir``
    given), and any pipe or device, are read once and spooled into ``spool_dir``.
    """
    sources: list[Source] = []
    failures: list[Failure] = []
    seen: set[str] = set()

    def add(path: Path, name: str | None = None) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            sources.append(Source(str(path), str(path) if name is None else name))

    for item in inputs:
        text = str(item)
        path = Path(text)
        if text in STDIN_NAMES and stdin is not None and spool_dir is not None:
            if "<stdin>" not in seen:
                seen.add("<stdin>")
                sources.append(spool(stdin, spool_dir, "-"))
        elif path.is_dir():
            found = files_in(path)
            if not found:
                failures.append(Failure(text, f"a folder without {', '.join(SUFFIXES)} files"))
            for file in found:
                add(file)
        elif path.exists() and not path.is_file() and spool_dir is not None:
            with open(path, "rb") as stream:  # a pipe or a device: read it once
                sources.append(spool(stream, spool_dir, text))
        elif path.exists():
            add(path)
        elif is_pattern(text):
            files = files_matching(text)
            if not files:
                failures.append(Failure(text, f"no {', '.join(SUFFIXES)} files match this pattern"))
            for file in files:
                add(file)
        else:
            failures.append(Failure(text, "not found"))
    return sources, failures


def extract_files(
    paths: Iterable[str | Path | Source],
    *,
    nlp: Language | None = None,
    model: str | Path | None = None,
    n_process: int = 1,
    batch_size: int = EXTRACT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    ocr: bool = False,
    meeting_date: str | datetime.date | None = None,
) -> Iterator[Result]:
    """Read, process and parse every file of ``paths``; yield one result per file, in order.

    ``nlp`` is the pipeline to use (else ``model`` is loaded, else the shipped one). With
    ``n_process > 1`` the work is spread over that many worker processes: forked from this one
    with the pipeline loaded once, here, where that is safe (Linux, no torch, no other thread),
    else started afresh, each loading the pipeline (``nlp`` is saved to a temporary folder for them). ``progress`` is called with
    the number of files finished after each batch. ``ocr`` reads PDF pages without a text
    layer with Tesseract (see :func:`famhbg_nlp.readers.read_document`). ``meeting_date`` is the
    reference for dates without a year in every file (else each file's own, read from its text and
    its file name).
    """
    sources = [p if isinstance(p, Source) else Source(str(p), str(p)) for p in paths]
    if n_process <= 1 or len(sources) <= 1:
        if nlp is None:
            from .pipeline import load

            nlp = load(model)
        for batch in _chunks(sources, batch_size):
            results = _process_batch(batch, nlp, ocr=ocr, meeting_date=meeting_date)
            yield from results
            if progress is not None:
                progress(len(results))
        return
    with tempfile.TemporaryDirectory(prefix="famhbg-nlp-") as tmp:
        shared: str | Path | Language | None = model
        context: BaseContext
        if _fork_safe():  # the workers inherit the pipeline: no import and no load per worker
            context = get_context("fork")
            if nlp is None:
                from .pipeline import load

                nlp = load(model)
            shared = nlp
            _warm_up(nlp)
            gc.freeze()  # what exists now is never collected: no worker's collector copies its pages
        else:  # a fresh interpreter per worker (fork is unsafe once torch or other threads run)
            context = get_context("spawn")
            if nlp is not None:
                nlp.to_disk(tmp)
                shared = tmp
        # small enough tasks that every worker gets some
        batches = _chunks(sources, min(batch_size, -(-len(sources) // n_process)))
        workers = min(n_process, len(batches))
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker, initargs=(shared, ocr, meeting_date)
        )
        try:
            with _workers_ignore_ctrl_c():  # map() submits every batch now, which starts the workers
                results_of = pool.map(_worker_batch, [[(s.path, s.name) for s in b] for b in batches])
            for plain in results_of:
                results = [_from_plain(p) for p in plain]
                yield from results
                if progress is not None:
                    progress(len(results))
        except BaseException:  # Ctrl-C, or the consumer stopped: stop the workers now, not after the queue
            _stop(pool)
            raise
        finally:
            gc.unfreeze()
        pool.shutdown()


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start worker processes with Ctrl-C ignored from their first instruction (a spawned Python
    keeps an inherited SIG_IGN), so that none prints a traceback while it is still importing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the worker processes."""
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in list((getattr(pool, "_processes", None) or {}).values()):
        if worker.is_alive():
            worker.terminate()
    for worker in list((getattr(pool, "_processes", None) or {}).values()):
        worker.join(timeout=5)


def _chunks(items: list[Source], size: int) -> list[list[Source]]:
    size = max(size, 1)
    return [items[i : i + size] for i in range(0, len(items), size)]


def read_source(source: Source, *, ocr: bool = False) -> tuple[str, tuple[str, ...]]:
    """The text of ``source`` and the reader's warnings, worded with the source's name."""
    document = read_source_document(source, ocr=ocr)
    return document.text, document.warnings


def read_source_document(source: Source, *, ocr: bool = False) -> Document:
    """The read document of ``source`` (text, page map), its warnings worded with the source's name."""
    try:
        document = read_document(source.path, ocr=ocr)
    except ReadError as err:
        raise ReadError(source.name, _renamed(err.reason, source)) from None
    except (OSError, UnicodeError, ValueError) as err:  # a reader that let one through
        raise ReadError(source.name, f"{type(err).__name__}: {_renamed(str(err), source)}") from None
    return replace(document, warnings=tuple(_renamed(w, source) for w in document.warnings))


def _renamed(message: str, source: Source) -> str:
    return message.replace(source.path, source.name) if source.path != source.name else message


def process_sources(
    batch: Sequence[Source], nlp: Language, *, ocr: bool = False, meeting_date: str | datetime.date | None = None
) -> list[Result]:
    """Read, process and parse ``batch`` with ``nlp``: one :class:`Extraction` or :class:`Failure`
    per source, in order (the work of one batch, for any engine: here, worker processes, Ray)."""
    return _process_batch(batch, nlp, ocr=ocr, meeting_date=meeting_date)


def _dates_cfg(meeting_date: str | datetime.date | None, source_name: str | None = None) -> dict[str, dict[str, Any]]:
    """``component_cfg`` of the dates component: the given meeting date and the file's name (evidence
    of its date: ``ks-2019-03-12.pdf``)."""
    cfg: dict[str, Any] = {}
    if meeting_date is not None:
        cfg["meeting_date"] = meeting_date
    if source_name is not None:
        cfg["source_name"] = source_name
    return {DATES_COMPONENT: cfg} if cfg else {}


def _named_doc(nlp: Language, text: str, name: str) -> Doc:
    """``nlp.make_doc(text)`` that carries its file's name for the dates component."""
    doc = nlp.make_doc(text)
    if Doc.has_extension("source_name"):
        doc._.source_name = Path(name).name
    return doc


def _process_batch(
    batch: Sequence[Source], nlp: Language, *, ocr: bool = False, meeting_date: str | datetime.date | None = None
) -> list[Result]:
    """Read, process and parse one batch; a failing file becomes a :class:`Failure`."""
    slots: list[Result | None] = [None] * len(batch)
    texts: list[tuple[str, int]] = []
    warnings: dict[int, tuple[str, ...]] = {}
    documents: dict[int, Document] = {}
    for i, source in enumerate(batch):
        if not os.path.lexists(source.path):
            slots[i] = Failure(source.name, "not found")
            continue
        try:
            documents[i] = read_source_document(source, ocr=ocr)
            text, warnings[i] = documents[i].text, documents[i].warnings
        except ReadError as err:
            slots[i] = Failure(source.name, f"cannot read: {err.reason}")
            continue
        if not text.strip():
            slots[i] = Failure(source.name, "cannot read: the file holds no text")
            continue
        texts.append((text, i))
    docs: list[tuple[Doc, int]] = []

    def whole(text: str, i: int) -> Doc:
        return process(nlp, text, component_cfg=_dates_cfg(meeting_date, Path(batch[i].name).name))

    try:
        limit = piece_limit(nlp)
        short = [(_named_doc(nlp, text, batch[i].name), i) for text, i in texts if len(text) <= limit]
        docs = list(nlp.pipe(short, as_tuples=True, component_cfg=_dates_cfg(meeting_date)))
        docs += [(whole(text, i), i) for text, i in texts if len(text) > limit]
    except Exception:  # one bad document must not lose the batch: retry one at a time
        docs = []
        for text, i in texts:
            try:
                docs.append((whole(text, i), i))
            except Exception as err:
                slots[i] = Failure(batch[i].name, f"pipeline failed: {type(err).__name__}: {err}")
    for doc, i in docs:
        page_map = documents[i].page_map
        try:
            protocol = with_pages(parse_doc(doc, batch[i].name), page_map)
        except Exception as err:
            slots[i] = Failure(batch[i].name, f"cannot parse the protocol structure: {type(err).__name__}: {err}")
            continue
        starts = () if page_map is None else page_map.starts
        slots[i] = Extraction(batch[i].name, doc.text, protocol, warnings.get(i, ()), starts)
    return [s for s in slots if s is not None]


# --- worker processes -------------------------------------------------------------------------

_WORKER_NLP: Language | None = None
_WORKER_OCR = False
_WORKER_MEETING_DATE: str | datetime.date | None = None


#: A few lines of minutes that take every step of the extraction (see :func:`_warm_up`).
_WARM_UP_TEXT = (
    "PROTOKOLL\nKommunstyrelsen\nDatum: 2021-03-03\n\nNärvarande: Anna Berg (S), ordförande\n"
    "Sekreterare: Per Ek\n\n§ 1 Budget 2021\nLänsstyrelsen i Skåne och Bjuvs kommun har yttrat sig.\n"
    "Beslut\nKommunstyrelsen beviljar 1 500 tkr den 5 april.\n"
)


def _warm_up(nlp: Language) -> None:
    """Fill what the pipeline and the protocol parser load on first use (vocabularies, compiled
    patterns, caches) once, before the workers are forked, instead of once in every worker."""
    from .api import parse_text

    parse_text(_WARM_UP_TEXT, nlp=nlp)


def _fork_safe() -> bool:
    """Whether worker processes may be forked from this one: on Linux, before torch is imported
    (its thread pools do not survive a fork) and with no other thread running (a lock it holds
    would stay locked in the child)."""
    import sys

    return sys.platform == "linux" and "torch" not in sys.modules and threading.active_count() == 1


def _init_worker(
    model: str | Path | Language | None, ocr: bool = False, meeting_date: str | datetime.date | None = None
) -> None:
    """A worker's start: ``model`` is the pipeline itself (inherited by a forked worker) or what to load."""
    global _WORKER_NLP, _WORKER_OCR, _WORKER_MEETING_DATE
    _WORKER_OCR = ocr
    _WORKER_MEETING_DATE = meeting_date
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C and stops the workers
    if isinstance(model, Language):
        _WORKER_NLP = model
        return
    from .pipeline import load

    _WORKER_NLP = load(model)


def _worker_batch(items: list[tuple[str, str]]) -> list[dict[str, Any]]:
    assert _WORKER_NLP is not None, "worker not initialised"
    sources = [Source(*item) for item in items]
    results = _process_batch(sources, _WORKER_NLP, ocr=_WORKER_OCR, meeting_date=_WORKER_MEETING_DATE)
    return [_to_plain(r) for r in results]


def _to_plain(result: Result) -> dict[str, Any]:
    if isinstance(result, Failure):
        return {"failure": True, "path": result.path, "reason": result.reason}
    return {
        "failure": False,
        "path": result.path,
        "text": result.text,
        "protocol": result.protocol.to_dict(),
        "warnings": list(result.warnings),
        "page_starts": list(result.page_starts),
    }


def _from_plain(data: dict[str, Any]) -> Result:
    if data["failure"]:
        return Failure(data["path"], data["reason"])
    return Extraction(
        data["path"],
        data["text"],
        Protocol.from_dict(data["protocol"]),
        tuple(data["warnings"]),
        tuple(data.get("page_starts", ())),
    )


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
    """Write ``content`` to ``path`` through a temporary file and ``os.replace``: never a half file,
    and the permissions of an ordinary new file (the umask's)."""
    with atomic_file(path) as handle:
        handle.write(content)
