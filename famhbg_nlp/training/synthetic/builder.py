"""Text built piece by piece, each span's offsets recorded as it is appended.

The generator never searches its own output for an entity: a :class:`Piece` says whether
its text is an entity, and :class:`TextBuilder` turns pieces into text plus spans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Piece:
    """A stretch of text; with a label it is one entity span with that value."""

    text: str
    label: str | None = None
    value: Any = None


Pieces = list[Piece]


def plain(text: str) -> Piece:
    return Piece(text)


def ent(text: str, label: str, value: Any = None) -> Piece:
    return Piece(text, label, value)


def capitalize(pieces: Pieces) -> Pieces:
    """Upper-case the first letter of the first piece (a sentence start); entities keep their text."""
    if not pieces or not pieces[0].text or pieces[0].label is not None:
        return pieces
    first = pieces[0]
    return [Piece(first.text[0].upper() + first.text[1:]), *pieces[1:]]


class TextBuilder:
    """Accumulates text and the spans of labelled pieces (offsets taken while appending)."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.spans: list[dict[str, Any]] = []

    def __len__(self) -> int:
        return self._length

    @property
    def tail(self) -> str:
        """The last few characters written (to decide on separators)."""
        return "".join(self._parts[-3:])[-4:]

    def add(self, piece: Piece | str) -> TextBuilder:
        if isinstance(piece, str):
            piece = Piece(piece)
        if not piece.text:
            return self
        if piece.label is not None:
            start = self._length
            self.spans.append(
                {"start": start, "end": start + len(piece.text), "label": piece.label, "value": piece.value}
            )
        self._parts.append(piece.text)
        self._length += len(piece.text)
        return self

    def extend(self, pieces: Iterable[Piece | str]) -> TextBuilder:
        for piece in pieces:
            self.add(piece)
        return self

    def line(self, pieces: Iterable[Piece | str] = ()) -> TextBuilder:
        """The pieces, then a newline."""
        return self.extend(pieces).add("\n")

    def blank_lines(self, n: int = 1) -> TextBuilder:
        """End the current line and add ``n`` empty lines, unless the text already ends so."""
        want = "\n" * (n + 1)
        tail = "".join(self._parts[-(n + 2) :])
        have = len(tail) - len(tail.rstrip("\n"))
        if self._length and have < n + 1:
            self.add(want[have:])
        return self

    def text(self) -> str:
        return "".join(self._parts)
