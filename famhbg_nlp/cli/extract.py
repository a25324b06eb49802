"""``famhbg extract``: minutes in (files, folders, globs), protocols out (JSON, JSONL, CSV, HTML)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..defaults import EXIT_PARTIAL_FAILURE, EXTRACT_BATCH_SIZE
from ..extract import Extraction, Failure, Result, extract_files, to_csv, to_json, to_jsonl, write_atomic
from ..pipeline import load
from ..protocol.render import render_index, render_page
from ..readers import SUFFIXES, iter_files


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


def _html_outputs(results: list[Extraction], folder: Path) -> dict[Path, str]:
    """One page per document in ``folder`` (``<stem>.html``, numbered when stems repeat) and an index."""
    pages: dict[Path, str] = {}
    names: list[tuple[str, str]] = []
    used: set[str] = set()
    for result in results:
        stem = Path(result.path).stem or "document"
        name, n = f"{stem}.html", 2
        while name in used or name == "index.html":
            name, n = f"{stem}-{n}.html", n + 1
        used.add(name)
        pages[folder / name] = render_page([(result.protocol, result.text)], title=result.path)
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
        return render_page([(r.protocol, r.text) for r in results])
    return to_json(protocols)


def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .pdf, .docx), folders (searched recursively) or glob patterns (quote them).",
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
    model: Annotated[Path | None, typer.Option(help="A pipeline directory instead of the shipped one.")] = None,
    n_process: Annotated[int, typer.Option("--n-process", "-j", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = EXTRACT_BATCH_SIZE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract entities (with values) and the protocol structure of each document.

    JSON and JSONL give one protocol object per document (schema: famhbg_nlp/protocol/SCHEMA.md);
    CSV one row per entity; HTML a page to read in a browser with the entities marked.
    A file that cannot be read is reported on stderr, the others are still extracted, and the
    exit code is 1.
    """
    paths = list(iter_files(inputs))
    if not paths:
        typer.echo(f"No {', '.join(SUFFIXES)} files found in: {' '.join(inputs)}.", err=True)
        raise typer.Exit(code=EXIT_PARTIAL_FAILURE)

    if model is not None and not (model / "config.cfg").is_file():
        typer.echo(f"Cannot load the pipeline from {model}: no config.cfg there.", err=True)
        raise typer.Exit(code=2)
    try:
        nlp = load(model) if n_process <= 1 else None  # worker processes load their own
    except (OSError, ValueError) as err:
        typer.echo(f"Cannot load the pipeline{f' from {model}' if model else ''}: {err}", err=True)
        raise typer.Exit(code=2) from err

    results: list[Extraction] = []
    failures: list[Failure] = []

    def collect(stream: Iterable[Result]) -> None:
        for result in stream:
            if isinstance(result, Failure):
                failures.append(result)
                typer.echo(f"{result}", err=True)
            else:
                for warning in result.warnings:
                    typer.echo(f"warning: {warning}", err=True)
                results.append(result)

    def run(progress: Callable[[int], None] | None = None) -> None:
        collect(
            extract_files(paths, nlp=nlp, model=model, n_process=n_process, batch_size=batch_size, progress=progress)
        )

    if not quiet and sys.stdout.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("extract", total=len(paths))
            run(lambda n: bar.advance(task, n))
    else:
        run()

    try:
        if format is Format.html and output is not None and (Path(output).is_dir() or output.endswith(("/", "\\"))):
            for path, page in _html_outputs(results, Path(output)).items():
                write_atomic(path, page)
        else:
            content = render(results, format)
            if output is None:
                typer.echo(content, nl=False)
            else:
                write_atomic(output, content)
    except OSError as err:
        typer.echo(f"Cannot write the output to {output}: {err}", err=True)
        raise typer.Exit(code=2) from err
    if failures:
        typer.echo(f"{len(failures)} of {len(paths)} file(s) failed.", err=True)
        raise typer.Exit(code=EXIT_PARTIAL_FAILURE)
