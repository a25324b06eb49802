"""famhbg-nlp: who, where, when and how much in Swedish municipal meeting minutes."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import ReadWarning, parse, parse_text
from .pipeline import blank, load, rules_pipeline
from .protocol import parse_doc

try:
    __version__ = version("famhbg-nlp")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["ReadWarning", "__version__", "blank", "load", "parse", "parse_doc", "parse_text", "rules_pipeline"]
