"""The ``famhbg`` command: thin Typer wrappers over the package's plain functions.

The application (:mod:`famhbg_nlp.cli._app`) and, behind it, spaCy are imported only when a
command runs: ``famhbg --version`` answers without them.
"""

from __future__ import annotations

import sys
from typing import Any

from .. import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"famhbg-nlp {__version__}")
        return
    from ._app import app

    app()


def __getattr__(name: str) -> Any:
    if name == "app":
        from ._app import app

        return app
    raise AttributeError(f"module 'famhbg_nlp.cli' has no attribute {name!r}")
