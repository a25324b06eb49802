"""``famhbg train``, ``famhbg evaluate``, ``famhbg crossval`` (being written)."""

from __future__ import annotations

import typer


def train() -> None:
    """Train a pipeline (not yet available)."""
    raise typer.Exit(code=2)


def evaluate() -> None:
    """Evaluate a pipeline (not yet available)."""
    raise typer.Exit(code=2)


def crossval() -> None:
    """Leave-one-document-out cross-validation (not yet available)."""
    raise typer.Exit(code=2)
