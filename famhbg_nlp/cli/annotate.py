"""``famhbg annotate``: pre-annotate new minutes for correction in an annotation tool."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..defaults import ANNOTATE_MODEL_VERSION, EXIT_PARTIAL_FAILURE


class TaskFormat(str, Enum):
    label_studio = "label-studio"
    doccano = "doccano"
    prodigy = "prodigy"
    jsonl = "jsonl"


def annotate(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Minutes: .txt/.pdf/.docx files, folders or glob patterns."
        ),
    ],
    to: Annotated[
        TaskFormat, typer.Option("--to", help="Task format of the annotation tool.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (written atomically).")
    ],
    model: Annotated[
        str | None,
        typer.Option(
            help="Pipeline directory, or 'rules' (default: the shipped pipeline)."
        ),
    ] = None,
) -> None:
    """Run the pipeline on new minutes and write its entities as pre-annotations to correct.

    label-studio: a JSON array of tasks (data.text, predictions[].result[]); doccano: JSONL
    (text, label: [[start, end, LABEL]]); prodigy: JSONL (text, spans); jsonl: corpus records.
    A file that cannot be read is reported and the rest is written; the exit code is then 1.
    """
    from ..annotate import preannotate, write_tasks

    if model is not None and model != "rules" and not Path(model).exists():
        typer.echo(
            f"error: {model}: no such pipeline directory (or use 'rules').", err=True
        )
        raise typer.Exit(code=2)
    from ..pipeline import load, rules_pipeline

    nlp = rules_pipeline() if model == "rules" else load(model)
    records, failures = preannotate(inputs, nlp=nlp)
    for failure in failures:
        typer.echo(f"error: {failure}", err=True)
    if not records:
        typer.echo(
            "error: no document could be pre-annotated; nothing written.", err=True
        )
        raise typer.Exit(code=EXIT_PARTIAL_FAILURE)
    version = (
        f"{nlp.meta.get('name', ANNOTATE_MODEL_VERSION)}-{nlp.meta.get('version', '0')}"
    )
    try:
        write_tasks(records, output, to.value, model_version=version)
    except OSError as err:
        typer.echo(f"error: {output}: cannot write: {err.strerror or err}.", err=True)
        raise typer.Exit(code=EXIT_PARTIAL_FAILURE) from None
    spans = sum(len(r.spans) for r in records)
    typer.echo(
        f"{output}: {len(records)} documents, {spans} pre-annotated spans as {to.value}",
        err=True,
    )
    if failures:
        raise typer.Exit(code=EXIT_PARTIAL_FAILURE)
