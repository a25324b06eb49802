"""``famhbg extract``."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..extract import extract_text
from ..pipeline import load


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Text files of minutes.", exists=True, dir_okay=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    model: Annotated[Path | None, typer.Option(help="A pipeline directory instead of the shipped one.")] = None,
) -> None:
    """Print the entities (with values) and the meeting date of each file."""
    nlp = load(model)
    results = []
    failed = False
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            typer.echo(f"{path}: cannot read: {err}", err=True)
            failed = True
            continue
        results.append(extract_text(text, nlp, path))
    if format is Format.jsonl:
        for result in results:
            typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        typer.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(code=1)
