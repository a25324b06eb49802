"""The ``famhbg`` Typer application: every command, each a thin wrapper over a plain function."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from ._util import EXIT_CODES_HELP, PlainGroup
from .annotate import annotate
from .corpus import app as corpus_app
from .extract import extract
from .training import crossval, evaluate, train

app = typer.Typer(
    name="famhbg",
    help="Extract persons, municipalities, organisations, dates and amounts from Swedish meeting minutes.",
    no_args_is_help=True,
    add_completion=False,
    cls=PlainGroup,
    epilog=EXIT_CODES_HELP,
    # paragraphs of the docstrings flow (rich mode would keep their line breaks); write `<x>` in backticks
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"famhbg-nlp {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """famhbg-nlp command line."""


app.command("extract")(extract)
app.command("annotate")(annotate)
app.add_typer(corpus_app, name="corpus")
app.command("train")(train)
app.command("evaluate")(evaluate)
app.command("crossval")(crossval)
