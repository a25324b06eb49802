"""What a reader returns: the text, where each character came from (page), and what was unusual."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class PageMap:
    """Character offset -> page number (1-based) of a text assembled page by page.

    ``starts[i]`` is the offset of the first character of page ``i + 1``; a page that gave
    no text (a scan without OCR) starts where the next one does and owns no offset.
    Characters between pages (the blank line that separates them) belong to the page before.
    """

    starts: tuple[int, ...]
    length: int

    def __post_init__(self) -> None:
        if not self.starts or self.starts[0] != 0 or list(self.starts) != sorted(self.starts):
            raise ValueError(f"page starts must begin at 0 and not decrease, got {self.starts[:5]!r}")
        if self.starts[-1] > self.length:
            raise ValueError(f"a page starts at {self.starts[-1]}, past the end of the text ({self.length})")

    @property
    def pages(self) -> int:
        """Number of pages of the source file."""
        return len(self.starts)

    def page_at(self, offset: int) -> int:
        """The page (1-based) of the character at ``offset``; offsets past the end belong to the last page."""
        if offset < 0:
            raise ValueError(f"negative offset {offset}")
        return bisect_right(self.starts, offset)

    def span(self, page: int) -> tuple[int, int]:
        """``(start, end)`` offsets of ``page``'s text (empty for a page without text)."""
        if not 1 <= page <= self.pages:
            raise ValueError(f"page {page} is not in 1..{self.pages}")
        end = self.starts[page] if page < self.pages else self.length
        return self.starts[page - 1], end

    def to_list(self) -> list[int]:
        """The page of every character (for tests and small documents)."""
        return [self.page_at(i) for i in range(self.length)]


@dataclass(frozen=True)
class Document:
    """The text of one file, and what was unusual about reading it.

    ``page_map`` is ``None`` when the file has no pages (plain text without form feeds, a
    DOCX without rendered page breaks). ``removed`` counts what was taken out as page
    furniture, by kind; every removal is also named in ``warnings``. ``scanned_pages``
    are the pages without a text layer (read by OCR only when asked for).
    """

    path: str
    text: str
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    page_map: PageMap | None = None
    scanned_pages: tuple[int, ...] = ()
    ocr_pages: tuple[int, ...] = ()
    removed: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def pages(self) -> int | None:
        """Number of pages, when the format has pages."""
        return None if self.page_map is None else self.page_map.pages

    def page_at(self, offset: int) -> int | None:
        """The page (1-based) of the character at ``offset``, or ``None`` without a page map."""
        return None if self.page_map is None else self.page_map.page_at(offset)


class TextBuilder:
    """Assembles the text page by page, paragraph by paragraph, and records where each page starts.

    A paragraph either starts after a blank line or continues the last one (a line wrapped
    across a page break; the caller decides the glue, see :mod:`.hyphenation`).
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._starts: list[int] = []
        self._has_text: list[bool] = []

    def start_page(self) -> None:
        self._starts.append(self._length)
        self._has_text.append(False)

    def _mark_page(self, offset: int) -> None:
        if self._has_text and not self._has_text[-1]:
            self._starts[-1] = offset
            self._has_text[-1] = True

    def paragraph(self, text: str) -> None:
        """A new paragraph (after a blank line unless it is the first)."""
        if not text:
            return
        if self._length:
            self._parts.append("\n\n")
            self._length += 2
        self._mark_page(self._length)
        self._parts.append(text)
        self._length += len(text)

    def tail(self) -> str:
        """The last paragraph (or as much of the text as needed to hold it)."""
        return self._parts[-1] if self._parts else ""

    def continue_paragraph(self, tail: str, text: str) -> None:
        """Replace the last paragraph by ``tail`` and continue it with ``text``.

        ``tail + text`` is the joined paragraph: a line wrapped at a page break, where the
        line-end hyphen may have been dropped from ``tail``.
        """
        if not self._parts:
            self.paragraph(text)
            return
        last = self._parts.pop()
        self._length -= len(last)
        self._parts.append(tail)
        self._length += len(tail)
        self._mark_page(self._length)
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, PageMap | None]:
        text = "".join(self._parts)
        if not self._starts:
            return text, None
        starts = list(self._starts)
        following = len(text)
        for i in range(len(starts) - 1, -1, -1):  # a page without text starts where the next text does
            if self._has_text[i]:
                following = starts[i]
            else:
                starts[i] = following
        return text, PageMap(tuple(starts), len(text))
