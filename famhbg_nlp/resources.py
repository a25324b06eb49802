"""Packaged data files, read through ``importlib.resources`` (never via ``__file__``)."""

from __future__ import annotations

import csv
import io
from importlib import resources


def read_text(package: str, name: str) -> str:
    """Text of a data file shipped inside ``package`` (a dotted module path)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def read_tsv(package: str, name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV file with a header line; lines starting with ``#`` are comments."""
    lines = [line for line in read_text(package, name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
