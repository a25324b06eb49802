"""``famhbg extract``: minutes in (files, folders, globs, ``-``), protocols out (JSON, JSONL, CSV, HTML)."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..defaults import EXTRACT_BATCH_SIZE
from ..extract import (
    Extraction,
    Failure,
    Result,
    extract_files,
    resolve_inputs,
    to_csv,
    to_json,
    to_jsonl,
    write_atomic,
)
from ..protocol.render import render_index, render_page
from ._util import (
    EXIT_INTERRUPTED,
    EXIT_PARTIAL,
    EXIT_USAGE,
    ModelOption,
    QuietOption,
    check_flag_values,
    check_model,
    check_output_file,
    check_output_folder,
    command_errors,
    fail,
    load_model,
    warn,
)


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def _html_outputs(results: list[Extraction], folder: Path) -> dict[Path, str]:
    """One page per document in ``folder`` (``<stem>.html``, numbered when stems repeat) and an index."""
    pages: dict[Path, str] = {}
    names: list[tuple[str, str]] = []
    used: set[str] = set()
    for result in results:
        stem = Path(result.path).stem if result.path != "-" else "stdin"
        stem = stem or "document"
        name, n = f"{stem}.html", 2
        while name in used or name == "index.html":
            name, n = f"{stem}-{n}.html", n + 1
        used.add(name)
        pages[folder / name] = render_page([(result.protocol, result.text, result.page_starts)], title=result.path)
        names.append((name, result.path))
    pages[folder / "index.html"] = render_index(names)
    return pages


def render(results: list[Extraction], format: Format) -> str:
    """The output text of ``results`` in ``format`` (HTML: one page with a section per document)."""
    protocols = [r.protocol for r in results]
    if format is Format.jsonl:
        return to_jsonl(protocols)
    if format is Format.csv:
        return to_csv(protocols)
    if format is Format.html:
        return render_page([(r.protocol, r.text, r.page_starts) for r in results])
    return to_json(protocols)


def _to_folder(format: Format, output: str | None) -> bool:
    return format is Format.html and output is not None and (Path(output).is_dir() or output.endswith(("/", "\\")))


def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .pdf, .docx), folders (searched recursively), glob patterns (quote them), "
            "or - for standard input.",
            show_default=False,
            metavar="PATHS...",
        ),
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write here instead of stdout (atomically). With --format html, an existing folder "
            "(or a path ending in /) gets one page per document and an index.html.",
        ),
    ] = None,
    model: ModelOption = None,
    n_process: Annotated[int, typer.Option("--n-process", "-j", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = EXTRACT_BATCH_SIZE,
    quiet: QuietOption = False,
    ocr: Annotated[
        bool,
        typer.Option(
            "--ocr",
            help="Read the pages of a PDF that have no text layer (scans) with Tesseract OCR in Swedish "
            "(needs tesseract-ocr, tesseract-ocr-swe and the 'ocr' extra); without it such pages are named "
            "in a warning.",
        ),
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option(
            help="local: this machine, -j worker processes. ray: a Ray cluster (or all cores here; the 'ray' "
            "extra) writing Parquet tables (documents, entities, failures, manifest) into the folder -o; "
            "a rerun skips the files already done (docs/scaling.md).",
        ),
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option(metavar="ADDR", help="With --engine ray: the cluster to join (ray start --head prints it)."),
    ] = None,
    meeting_date: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="The meeting date of every input, the reference for dates written without a year. Default: "
            "read from each document (its cover, headings, case numbers, years in the text) and its file name.",
        ),
    ] = None,
) -> None:
    """Extract entities (with values) and the protocol structure of each document.

    JSON and JSONL give one protocol object per document (schema: famhbg_nlp/protocol/SCHEMA.md); CSV one row
    per entity; HTML a page to read in a browser with the entities marked.

    An input that cannot be read (not found, not text, an encrypted PDF ...) is reported on stderr with
    the reason, the others are still extracted and written, and the exit code is 1; when no input
    can be read, nothing is written and the exit code is 2.
    """
    with command_errors():
        check_flag_values(inputs, flags=("-q/--quiet",))
        to_folder = engine is Engine.ray or _to_folder(format, output)
        if output is not None and "://" not in output:  # a URI (--engine ray) is checked by its file system
            (check_output_folder if to_folder else check_output_file)(output)
        check_model(model)
        if meeting_date is not None:
            _check_date(meeting_date)
    if engine is Engine.ray:
        if meeting_date is not None:
            raise fail("--meeting-date is not supported with --engine ray yet", EXIT_USAGE)
        raise typer.Exit(code=_run_ray(inputs, output, model, n_process, batch_size, quiet, ocr, address))
    with tempfile.TemporaryDirectory(prefix="famhbg-stdin-") as spool_dir:
        try:
            results, failures, total = _run(
                inputs, spool_dir, model, n_process, batch_size, quiet, ocr, meeting_date=meeting_date
            )
        except KeyboardInterrupt:
            typer.echo("\ninterrupted; nothing written.", err=True)
            raise typer.Exit(code=EXIT_INTERRUPTED) from None
    if not results:
        what = "the input could not be read" if total == 1 else f"none of the {total} inputs could be read"
        raise fail(f"{what}; nothing written", EXIT_USAGE)
    try:
        if to_folder:
            assert output is not None
            for path, page in _html_outputs(results, Path(output)).items():
                write_atomic(path, page)
        else:
            content = render(results, format)
            if output is None:
                typer.echo(content, nl=False)
            else:
                write_atomic(output, content)
    except OSError as err:
        raise fail(f"cannot write the output to {output}: {err.strerror or err}", EXIT_USAGE) from err
    if failures:
        typer.echo(f"{len(failures)} of {total} input(s) failed; the others were written.", err=True)
        raise typer.Exit(code=EXIT_PARTIAL)


def _check_date(value: str) -> None:
    """``--meeting-date`` must be an ISO date."""
    import datetime

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise fail(f"--meeting-date {value!r}: expected an ISO date such as 2021-03-15", EXIT_USAGE) from None


def _run_ray(
    inputs: list[str],
    output: str | None,
    model: str | None,
    n_process: int,
    batch_size: int,
    quiet: bool,
    ocr: bool,
    address: str | None,
) -> int:
    """``--engine ray``: :func:`famhbg_nlp.scale.extract_dataset`; the exit code."""
    if output is None:
        raise fail("--engine ray writes Parquet tables into a folder: give it with -o FOLDER", EXIT_USAGE)
    try:
        import ray  # noqa: F401  (the ray extra)

        from ..scale import extract_dataset
    except ImportError as err:
        raise fail(f'--engine ray needs Ray ({err}): pip install "famhbg-nlp[ray]"', EXIT_USAGE) from err
    summary = extract_dataset(
        inputs,
        output,
        address=address,
        num_workers=n_process if n_process > 1 else None,
        batch_size=batch_size,
        model=model,
        ocr=ocr,
        progress=not quiet,
    )
    if summary.documents + summary.skipped == 0 and summary.files:
        return EXIT_USAGE
    return EXIT_PARTIAL if summary.failures or summary.lost else 0


def _run(
    inputs: list[str],
    spool_dir: str,
    model: str | None,
    n_process: int,
    batch_size: int,
    quiet: bool,
    ocr: bool = False,
    *,
    meeting_date: str | None = None,
) -> tuple[list[Extraction], list[Failure], int]:
    """Resolve the inputs, then extract them; returns the results, the failures and the number of inputs."""
    stdin = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    sources, failures = resolve_inputs(inputs, spool_dir=spool_dir, stdin=stdin)
    for failure in failures:
        typer.echo(f"error: {failure}", err=True)
    total = len(sources) + len(failures)
    if not sources:
        return [], failures, total
    nlp = None
    if n_process <= 1 or len(sources) <= 1:
        with command_errors():
            nlp = load_model(model)
    results: list[Extraction] = []

    def collect(stream: Iterable[Result]) -> None:
        for result in stream:
            if isinstance(result, Failure):
                failures.append(result)
                typer.echo(f"error: {result}", err=True)
            else:
                for message in result.warnings:
                    warn(message)
                results.append(result)

    def run(progress: Callable[[int], None] | None = None) -> None:
        collect(
            extract_files(
                sources,
                nlp=nlp,
                model=model,
                n_process=n_process,
                batch_size=batch_size,
                progress=progress,
                ocr=ocr,
                meeting_date=meeting_date,
            )
        )

    if not quiet and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("extract", total=len(sources))
            run(lambda n: bar.advance(task, n))
    else:
        run()
    return results, failures, total
