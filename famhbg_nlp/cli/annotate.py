"""``famhbg annotate``: pre-annotate new minutes for correction in an annotation tool."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ..defaults import ANNOTATE_MODEL_VERSION
from ._util import (
    EXIT_INTERRUPTED,
    EXIT_PARTIAL,
    EXIT_USAGE,
    ModelOption,
    TaskFormat,
    check_model,
    check_output_file,
    command_errors,
    fail,
    load_model,
)


def annotate(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Minutes: .txt/.pdf/.docx files, folders, glob patterns, or - for standard input.",
            metavar="PATHS...",
        ),
    ],
    to: Annotated[TaskFormat, typer.Option("--to", help="Task format of the annotation tool.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (written atomically).")],
    model: ModelOption = None,
) -> None:
    """Run the pipeline on new minutes and write its entities as pre-annotations to correct.

    label-studio: a JSON array of tasks (data.text, predictions[].result[]); doccano: JSONL (text, label:
    [[start, end, LABEL]]); prodigy: JSONL (text, spans); jsonl: corpus records. An input that cannot be
    read is reported and the rest is written (exit code 1); when none can be, nothing is written (2).
    """
    from ..annotate import preannotate, write_tasks
    from ..extract import resolve_inputs

    with command_errors():
        check_output_file(output)
        check_model(model)
    with tempfile.TemporaryDirectory(prefix="famhbg-stdin-") as spool_dir:
        try:
            sources, failures = resolve_inputs(inputs, spool_dir=spool_dir, stdin=sys.stdin.buffer)
            if sources:
                with command_errors():
                    nlp = load_model(model)
                records, read_failures = preannotate(sources, nlp=nlp)
                failures += read_failures
            else:
                records = []
        except KeyboardInterrupt:
            typer.echo("\ninterrupted; nothing written.", err=True)
            raise typer.Exit(code=EXIT_INTERRUPTED) from None
    for failure in failures:
        typer.echo(f"error: {failure}", err=True)
    if not records:
        raise fail("no document could be pre-annotated; nothing written", EXIT_USAGE)
    version = f"{nlp.meta.get('name', ANNOTATE_MODEL_VERSION)}-{nlp.meta.get('version', '0')}"
    try:
        write_tasks(records, output, to.value, model_version=version)
    except OSError as err:
        raise fail(f"{output}: cannot write: {err.strerror or err}", EXIT_USAGE) from None
    spans = sum(len(r.spans) for r in records)
    typer.echo(f"{output}: {len(records)} documents, {spans} pre-annotated spans as {to.value}", err=True)
    if failures:
        raise typer.Exit(code=EXIT_PARTIAL)
