"""The one error every reader raises."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read; ``str()`` is one sentence naming the file and the reason.

    ``path`` and ``reason`` are kept apart so that callers (API, CLI) can word the message
    their own way.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot read: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # picklable across worker processes
        return (type(self), (self.path, self.reason))
