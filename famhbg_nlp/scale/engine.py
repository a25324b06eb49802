"""Extraction of an archive on a Ray cluster (or on all cores of one machine) into Parquet.

:func:`extract_dataset` lets Ray Data read the files (``read_binary_files``: local paths, or
any URI pyarrow/fsspec reads), hands them in batches to a pool of actors that each load the
pipeline once (``map_batches`` with an ``ActorPoolStrategy``), and each actor writes its
batch's rows straight into the output tables (:mod:`.tables`, committed as in :mod:`.store`).
Only a small status row per file travels back to the driver, for the progress line and the
summary. A worker that dies is restarted and its batch retried (its partial parts are
overwritten); a batch that kills its worker :data:`MAX_TASK_RETRIES` times is given up for
this run (``lost`` in the summary) and tried again by the next one.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np

from ..defaults import EXTRACT_BATCH_SIZE
from .store import OutputStore, _is_uri
from .tables import BatchRows, batch_id, content_hash

#: How often Ray retries a batch whose worker died (a crash in a PDF library, out of memory).
MAX_TASK_RETRIES = 3

#: CPUs a read task reserves: reading bytes is light, and every CPU goes to a pipeline actor
#: (with a whole CPU per read task, a pool as large as the cluster leaves none to read with).
READ_CPUS = 0

#: File types read from folders and URIs (a file named explicitly is always tried).
FILE_EXTENSIONS: tuple[str, ...] = ("txt", "pdf", "docx")

#: Seconds between two progress lines when the console is not a terminal.
PROGRESS_EVERY_S = 10.0


@dataclass(frozen=True)
class Progress:
    """Where a run stands; given to the ``progress`` callback after each batch."""

    files: int | None  # all files of the run, when known before the run (local paths)
    seen: int
    documents: int
    skipped: int
    failures: int
    pages: int
    entities: int
    seconds: float


@dataclass(frozen=True)
class ScaleSummary:
    """What a run did. ``lost``: files in no table because their batch's worker died
    :data:`MAX_TASK_RETRIES` times; the next run tries them again."""

    output: str
    workers: int
    files: int
    documents: int
    skipped: int
    failures: int
    lost: int
    pages: int
    entities: int
    chars: int
    seconds: float

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "documents_per_second": round(self.documents_per_second, 3),
            "pages_per_second": round(self.pages_per_second, 3),
        }

    def __str__(self) -> str:
        return (
            f"{self.documents} documents extracted ({self.pages} pages, {self.entities} entities), "
            f"{self.skipped} already done, {self.failures} failed, {self.lost} lost; "
            f"{self.seconds:.1f} s with {self.workers} workers: {self.documents_per_second:.2f} documents/s, "
            f"{self.pages_per_second:.2f} pages/s; tables in {self.output}"
        )


class Extractor:
    """A Ray actor's work: the pipeline loaded once, then one batch of files at a time.

    A batch is ``{"bytes": [...], "path": [...]}``; each file is written to a temporary file
    (the readers take paths; this way any file system Ray reads from works), extracted with
    :func:`famhbg_nlp.extract.process_sources`, and the batch's rows are committed to the
    output tables. Returns one status row per file.
    """

    def __init__(self, *, store_uri: str, done: np.ndarray, model: str | None = None, ocr: bool = False) -> None:
        from ..pipeline import load

        self.done = done
        self.store = OutputStore(store_uri)
        self.nlp = load(model)
        self.ocr = ocr

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from ..extract import Extraction, Source, process_sources

        paths = [str(path) for path in batch["path"]]
        datas = [bytes(data) for data in batch["bytes"]]
        hashes = [content_hash(data) for data in datas]
        name = batch_id(hashes)
        status: list[dict[str, Any]] = [
            {"hash": h, "path": p, "status": "skipped", "pages": 0, "entities": 0, "chars": 0, "reason": None}
            for h, p in zip(hashes, paths)
        ]
        todo = [i for i, h in enumerate(hashes) if not _is_done(self.done, h)]
        rows = BatchRows()
        folder = tempfile.mkdtemp(prefix="famhbg-ray-")
        try:
            sources = []
            for i in todo:
                local = os.path.join(folder, f"{i}{PurePosixPath(paths[i]).suffix.lower()}")
                with open(local, "wb") as handle:
                    handle.write(datas[i])
                sources.append(Source(local, paths[i]))
            results = process_sources(sources, self.nlp, ocr=self.ocr) if sources else []
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        for i, result in zip(todo, results, strict=True):
            row = status[i]
            if isinstance(result, Extraction):
                pages = len(result.page_starts) or None
                rows.add_document(
                    hash=hashes[i],
                    path=paths[i],
                    batch=name,
                    protocol=result.protocol,
                    chars=len(result.text),
                    pages=pages,
                    reader_warnings=result.warnings,
                )
                row.update(
                    status="done", pages=pages or 0, entities=len(result.protocol.entities), chars=len(result.text)
                )
            else:
                rows.add_failure(path=paths[i], hash=hashes[i], reason=result.reason)
                row.update(status="failed", reason=result.reason)
        self.store.commit(name, rows.tables())
        return {key: [row[key] for row in status] for key in status[0]} if status else {}


def done_keys(hashes: Iterable[str]) -> np.ndarray:
    """The content hashes already done, compact for shipping to every actor: the first 16 bytes
    of each SHA-256, sorted (16 MB for a million files; a chance collision is ~1e-26)."""
    # sorted by numpy, whose byte strings ignore trailing NULs (Python's sort would disagree)
    return np.unique(np.array([bytes.fromhex(h[:32]) for h in hashes], dtype="S16"))


def _is_done(done: np.ndarray, hash: str) -> bool:
    key = np.array([bytes.fromhex(hash[:32])], dtype="S16")[0]  # as numpy stores it (trailing NULs dropped)
    i = int(np.searchsorted(done, key))
    return i < len(done) and done[i] == key


def extract_dataset(
    paths: str | Path | Iterable[str | Path],
    output_dir: str | Path,
    *,
    address: str | None = None,
    num_workers: int | None = None,
    batch_size: int = EXTRACT_BATCH_SIZE,
    model: str | None = None,
    ocr: bool = False,
    progress: bool | Callable[[Progress], None] = True,
) -> ScaleSummary:
    """Extract every file of ``paths`` into Parquet tables under ``output_dir`` with Ray.

    ``paths``: files, folders (searched for .txt/.pdf/.docx) and glob patterns on this machine,
    or URIs Ray Data reads (``s3://bucket/minutes/``, ``local:///data/...``). ``output_dir``: a
    folder or URI every worker can write to (see :mod:`.store` for its layout and for how a
    rerun resumes). ``address``: a running Ray cluster (``ray start --head`` prints it;
    ``"auto"`` finds the local one); without it an already initialised Ray is used, else a
    local one is started with ``num_workers`` CPUs. ``num_workers``: actors in the pool, each
    with its own pipeline (default: the cluster's CPUs). ``model``: a pipeline directory,
    ``"rules"`` or ``None`` (the shipped one). ``progress``: a line on stderr (``True``), a
    callback, or nothing (``False``).
    """
    try:
        import ray
    except ImportError as err:
        raise ImportError(f'extract_dataset needs Ray ({err}): pip install "famhbg-nlp[ray]"') from err

    started = time.perf_counter()
    output = str(output_dir) if _is_uri(str(output_dir)) else os.path.abspath(output_dir)
    store = OutputStore(output)
    done = store.prepare()
    items = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
    files, unresolved = _resolve(items)
    if unresolved:
        rows = BatchRows()
        for failure in unresolved:
            rows.add_failure(path=failure.path, hash=None, reason=failure.reason)
        store.commit("inputs", rows.tables())

    own_ray = not ray.is_initialized()
    if own_ray:
        if address is not None:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=num_workers, include_dashboard=False, log_to_driver=False)
    workers = num_workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    report = _reporter(progress)
    counts = {
        "seen": 0,
        "documents": 0,
        "skipped": 0,
        "failures": len(unresolved),
        "pages": 0,
        "entities": 0,
        "chars": 0,
    }
    total = None if any(_is_uri(f) for f in files) else len(files)
    context = ray.data.DataContext.get_current()
    saved = (context.enable_progress_bars, context.max_errored_blocks)
    context.enable_progress_bars = False  # the progress line below instead
    context.max_errored_blocks = -1  # a batch that kills its worker every time does not stop the run
    try:
        statuses = _statuses(files, output, done, workers, batch_size, model, ocr, uris=total is None) if files else []
        for part in statuses:
            _count(counts, part)
            fields = {k: counts[k] for k in ("seen", "documents", "skipped", "failures", "pages", "entities")}
            report(Progress(total, **fields, seconds=time.perf_counter() - started))
    finally:
        context.enable_progress_bars, context.max_errored_blocks = saved
        if own_ray:
            ray.shutdown()
    seen = counts["seen"]
    summary = ScaleSummary(
        output=output,
        workers=workers,
        files=(total if total is not None else seen) + len(unresolved),
        documents=counts["documents"],
        skipped=counts["skipped"],
        failures=counts["failures"],
        lost=max(0, (total or seen) - seen),
        pages=counts["pages"],
        entities=counts["entities"],
        chars=counts["chars"],
        seconds=time.perf_counter() - started,
    )
    if progress is True:
        print(f"\n{summary}" if sys.stderr.isatty() else str(summary), file=sys.stderr)
    return summary


def _statuses(
    files: list[str],
    output: str,
    done: set[str],
    workers: int,
    batch_size: int,
    model: str | None,
    ocr: bool,
    *,
    uris: bool,
) -> Iterable[dict[str, Any]]:
    """The Ray Data pipeline: read the files, extract them in the actor pool; status rows stream back."""
    import ray

    dataset = ray.data.read_binary_files(
        files, include_paths=True, file_extensions=list(FILE_EXTENSIONS) if uris else None, num_cpus=READ_CPUS
    )
    with warnings.catch_warnings():  # max_task_retries as a keyword works from Ray 2.9 to the newest
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
        statuses = dataset.map_batches(
            Extractor,
            fn_constructor_kwargs={"store_uri": output, "done": done_keys(done), "model": model, "ocr": ocr},
            batch_size=batch_size,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
            max_task_retries=MAX_TASK_RETRIES,
        )
    return statuses.iter_batches(batch_size=None, batch_format="numpy")


def _resolve(items: list[str]) -> tuple[list[str], list[Any]]:
    """Local names to absolute file paths (folders searched, globs expanded); URIs as they are."""
    from ..extract import resolve_inputs

    local = [item for item in items if not _is_uri(item)]
    sources, failures = resolve_inputs(local)
    files = [os.path.abspath(source.path) for source in sources]
    return files + [item for item in items if _is_uri(item)], failures


def _count(counts: dict[str, int], part: dict[str, Any]) -> None:
    statuses = [str(s) for s in part.get("status", [])]
    counts["seen"] += len(statuses)
    counts["documents"] += statuses.count("done")
    counts["skipped"] += statuses.count("skipped")
    counts["failures"] += statuses.count("failed")
    for key in ("pages", "entities", "chars"):
        counts[key] += int(sum(part.get(key, [])))


def _reporter(progress: bool | Callable[[Progress], None]) -> Callable[[Progress], None]:
    if callable(progress):
        return progress
    if not progress:
        return lambda _: None
    tty = sys.stderr.isatty()
    last = [0.0]

    def line(state: Progress) -> None:
        now = time.monotonic()
        if not tty and now - last[0] < PROGRESS_EVERY_S:
            return
        last[0] = now
        of = f"/{state.files}" if state.files is not None else ""
        rate = state.documents / state.seconds if state.seconds else 0.0
        text = (
            f"{state.seen}{of} files: {state.documents} extracted, {state.skipped} done before, "
            f"{state.failures} failed; {state.pages} pages, {state.entities} entities; {rate:.2f} documents/s"
        )
        print(f"\r{text}" if tty else text, end="" if tty else "\n", file=sys.stderr, flush=True)

    return line
