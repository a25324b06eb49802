"""Packaged data files, read through ``importlib.resources`` (never via ``__file__``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from importlib import resources


def read_text(package: str, name: str) -> str:
    """Text of a data file shipped inside ``package`` (a dotted module path)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def parse_tsv(text: str, source: str) -> list[dict[str, str]]:
    """Rows of a TSV text with a header line; ``#`` lines are comments; no quoting (regexes stay intact)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        raise ValueError(f"{source}: no header line.")
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def read_tsv(package: str, name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV file (see :func:`parse_tsv`)."""
    return parse_tsv(read_text(package, name), f"{package}/{name}")


def write_tsv(rows: Iterable[Mapping[str, str]], columns: Iterable[str]) -> str:
    """The text of a TSV table with a header line of ``columns`` (other keys of a row are left out);
    :func:`parse_tsv` reads it back."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out,
        fieldnames=list(columns),
        delimiter="\t",
        lineterminator="\n",
        quoting=csv.QUOTE_NONE,
        extrasaction="ignore",
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
