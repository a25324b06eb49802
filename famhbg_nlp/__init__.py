"""famhbg-nlp: who, where, when and how much in Swedish municipal meeting minutes.

The names below are imported on first use (PEP 562), so ``import famhbg_nlp`` and
``famhbg --version`` do not pay for spaCy; torch is imported only for a transformer pipeline
(:mod:`famhbg_nlp._torch`).
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from . import _torch

_torch.defer()

try:
    __version__ = version("famhbg-nlp")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "ReadWarning": ".api",
    "parse": ".api",
    "parse_text": ".api",
    "blank": ".pipeline",
    "load": ".pipeline",
    "rules_pipeline": ".pipeline",
    "parse_doc": ".protocol",
    "extract_dataset": ".scale",
}

__all__ = [
    "ReadWarning",
    "__version__",
    "blank",
    "extract_dataset",
    "load",
    "parse",
    "parse_doc",
    "parse_text",
    "rules_pipeline",
]

if TYPE_CHECKING:  # pragma: no cover
    from .api import ReadWarning, parse, parse_text
    from .pipeline import blank, load, rules_pipeline
    from .protocol import parse_doc
    from .scale import extract_dataset


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'famhbg_nlp' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
