"""``famhbg corpus ...`` (being written)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Validate, describe and convert annotated corpora.", no_args_is_help=True)
