"""Minutes as a minutes system prints them (fpdf2), typeset here word by word.

The layout of the PDFs that Swedish minutes systems and e-signing services produce: a
running header (municipality, body, ``Sida 2 av 5``, meeting date) and footer
(``Justerandes sign``, ``Utdragsbestyrkande``) on every page, a signature reference turned
up the left margin of every page, justified text with words hyphenated at line ends, the
cover block as labels and values in two columns (bold labels, long labels wrapped), the
attendance list as a table with a bold heading row, a scanned page (no text layer) after
the cover, and the e-signing service's verification page at the end. ``columns=2`` sets
the body in two columns instead (newsletter-style "beslut i korthet").

Every word is placed by itself (as many generators do: no space characters in the PDF),
and the writer records what content went on which page, so that a reader's page map can
be checked exactly (:class:`Typeset`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .fonts import find_fonts
from .hyphenate import break_points
from .minutes import Fields, Heading, Minutes, PageBreak, Paragraph, Table, esignature_lines
from .scan import render_page_image

A4 = (595.28, 841.89)
SIZE = 10.5
LEADING = 14.0
PUNCTUATION = ".,;:!?)”\"'"


@dataclass
class Typeset:
    """What was written: the file, the content on each page, the words broken at a line end."""

    path: Path
    page_texts: list[str]
    broken_words: list[str] = field(default_factory=list)
    scan_page: int | None = None
    esignature_page: int | None = None

    @property
    def pages(self) -> int:
        return len(self.page_texts)


class _Writer:
    def __init__(
        self, minutes: Minutes, *, columns: int, stamp: bool, scan: bool, esign: bool, total: int | None = None
    ) -> None:
        from fpdf import FPDF

        fonts = find_fonts()
        if fonts is None:
            raise FileNotFoundError("no TrueType font with å, ä, ö (apt-get install fonts-liberation2)")
        self.font_file = fonts[0]
        self.minutes = minutes
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("Body", "", str(fonts[0]))
        self.pdf.add_font("Body", "B", str(fonts[1]))
        self.columns = columns
        self.stamp = stamp
        self.scan = scan
        self.esign = esign
        self.left, self.right = 72.0, A4[0] - 60.0
        self.top, self.bottom = 100.0, A4[1] - 90.0
        self.gutter = 22.0
        self.column = 0
        self.y = self.top
        self.page_words: list[list[str]] = []
        self.broken: list[str] = []
        self.scan_page: int | None = None
        self.esign_page: int | None = None
        self.scanned_once = False
        self.total = "?" if total is None else str(total)  # pages: known on the second pass

    # -- pages ------------------------------------------------------------------------------

    @property
    def col_left(self) -> float:
        return self.left + self.column * (self.col_width + self.gutter)

    @property
    def col_width(self) -> float:
        return (self.right - self.left - (self.columns - 1) * self.gutter) / self.columns

    def new_page(self, *, furniture: bool = True) -> None:
        self.pdf.add_page()
        self.page_words.append([])
        self.column = 0
        self.y = self.top
        number = len(self.page_words)
        if furniture:
            f = self.minutes.furniture
            pdf = self.pdf
            if self.columns == 1:
                self._text(self.left, 48, f.header[0], bold=True, size=9)
                self._text(self.left, 61, f.header[2], size=9)
                self._right(self.right, 48, f"Sida {number} av {self.total}", size=9)
                self._right(self.right, 61, f"{f.header[3]} {f.header[4]}", size=9)
                pdf.line(self.left, 68, self.right, 68)
                pdf.rect(self.left, A4[1] - 70, 110, 24)
                pdf.rect(self.left + 300, A4[1] - 70, 110, 24)
                self._text(self.left, A4[1] - 74, f.footer[0], size=8)
                self._text(self.left + 300, A4[1] - 74, f.footer[1], size=8)
            else:
                self._text(self.left, 52, f"{self.minutes.organ} – beslut i korthet {f.header[4]}", bold=True, size=9)
                pdf.line(self.left, 60, self.right, 60)
                self._centre((self.left + self.right) / 2, A4[1] - 40, f"{number}/{self.total}", size=9)
        if self.stamp:
            self._stamp()

    def _stamp(self) -> None:
        pdf = self.pdf
        pdf.set_font("Body", "", 7)
        x, y = 30.0, A4[1] - 120
        with pdf.rotation(90, x, y):
            pdf.text(x, y, self.minutes.furniture.stamp)

    def ensure(self, height: float) -> None:
        if self.y + height <= self.bottom:
            return
        if self.column < self.columns - 1:
            self.column += 1
            self.y = self.top
            return
        self.new_page()

    def last_line_here(self) -> bool:
        return self.y + 2 * LEADING > self.bottom and self.column == self.columns - 1

    # -- drawing ----------------------------------------------------------------------------

    def width(self, text: str, *, bold: bool = False, size: float = SIZE) -> float:
        self.pdf.set_font("Body", "B" if bold else "", size)
        return self.pdf.get_string_width(text)

    def _text(self, x: float, y: float, text: str, *, bold: bool = False, size: float = SIZE) -> None:
        self.pdf.set_font("Body", "B" if bold else "", size)
        self.pdf.text(x, y, text)

    def _right(self, x: float, y: float, text: str, *, size: float = SIZE) -> None:
        self._text(x - self.width(text, size=size), y, text, size=size)

    def _centre(self, x: float, y: float, text: str, *, size: float = SIZE) -> None:
        self._text(x - self.width(text, size=size) / 2, y, text, size=size)

    def record(self, words: list[str]) -> None:
        self.page_words[-1].extend(words)

    # -- typesetting ------------------------------------------------------------------------

    def break_line(
        self, words: list[str], width: float, *, bold: bool, size: float, hyphenate: bool
    ) -> tuple[list[str], list[str], str | None]:
        """The words of one line, the rest, and the word broken at its end (if one was)."""
        space = self.width(" ", bold=bold, size=size)
        line: list[str] = []
        used = 0.0
        for k, word in enumerate(words):
            w = self.width(word, bold=bold, size=size)
            need = w + (space if line else 0.0)
            if used + need <= width:
                line.append(word)
                used += need
                continue
            if hyphenate and line:
                core = word.rstrip(PUNCTUATION)
                for p in reversed(break_points(core)):
                    head = core[:p] + "-"
                    if used + space + self.width(head, bold=bold, size=size) <= width:
                        return [*line, head], [word[p:], *words[k + 1 :]], word
            if not line:  # a word longer than the line
                return [word], words[k + 1 :], None
            return line, words[k:], None
        return line, [], None

    def draw_line(self, x: float, words: list[str], width: float, *, bold: bool, size: float, justify: bool) -> None:
        widths = [self.width(w, bold=bold, size=size) for w in words]
        space = self.width(" ", bold=bold, size=size)
        if justify and len(words) > 1:
            space = (width - sum(widths)) / (len(words) - 1)
        baseline = self.y + size
        for word, w in zip(words, widths):
            self._text(x, baseline, word, bold=bold, size=size)
            x += w + space

    def lines_of(self, text: str, width: float, *, bold: bool = False, size: float = SIZE) -> list[list[str]]:
        """``text`` broken into lines of ``width`` without hyphenation (cells, labels)."""
        out = []
        for author_line in text.split("\n"):
            words = author_line.split()
            while words:
                line, words, _ = self.break_line(words, width, bold=bold, size=size, hyphenate=False)
                out.append(line)
        return out

    def paragraph(self, text: str, *, bold: bool = False, size: float = SIZE, after: float = 7.0) -> None:
        leading = LEADING * size / SIZE
        pending: str | None = None  # a word broken at the end of the last line: recorded whole
        for author_line in text.split("\n"):
            words = author_line.split()
            while words:
                self.ensure(leading)
                width = self.col_width
                line, rest, broken = self.break_line(
                    words, width, bold=bold, size=size, hyphenate=not bold and not self.last_line_here()
                )
                self.draw_line(self.col_left, line, width, bold=bold, size=size, justify=bool(rest) and not bold)
                recorded = line[:-1] + [broken] if broken else list(line)
                if pending is not None:
                    recorded = recorded[1:]
                self.record(recorded)
                if broken:
                    self.broken.append(broken.rstrip(PUNCTUATION))
                pending = broken
                words = rest
                self.y += leading
        self.y += after

    def fields(self, block: Fields) -> None:
        label_w = 112.0
        value_x = self.left + label_w + 14
        value_w = self.right - value_x
        for label, value in block.rows:
            label_lines = self.lines_of(label, label_w, bold=True)
            value_lines = self.lines_of(value, value_w)
            rows = max(len(label_lines), len(value_lines))
            self.ensure(rows * LEADING)
            for k, words in enumerate(label_lines):
                self.y_line(self.left, words, k, bold=True)
            for k, words in enumerate(value_lines):
                self.y_line(value_x, words, k)
            self.record([w for line in label_lines for w in line] + [w for line in value_lines for w in line])
            self.y += rows * LEADING + 5
        self.y += 8

    def y_line(self, x: float, words: list[str], k: int, *, bold: bool = False) -> None:
        y, self.y = self.y, self.y + k * LEADING
        self.draw_line(x, words, 0, bold=bold, size=SIZE, justify=False)
        self.y = y

    def table(self, block: Table) -> None:
        n = len(block.rows[0])
        offsets = [0.0, 190.0, 245.0] if n == 3 else [0.0, 52.0]
        rows = ([(block.header, True)] if block.header else []) + [(r, False) for r in block.rows]
        for row, bold in rows:
            self.ensure(LEADING + 3)
            for value, offset in zip(row, offsets):
                self.draw_line(self.left + offset, value.split(), 0, bold=bold, size=SIZE, justify=False)
            self.record([w for value in row for w in value.split()])
            self.y += LEADING + 3
        self.y += 8

    def heading(self, block: Heading) -> None:
        size = {0: 16.0, 1: 12.5, 2: 11.5}.get(block.level, 11.5)
        self.y += 6 if self.y > self.top else 0
        self.ensure(3 * LEADING)
        self.paragraph(block.text, bold=True, size=size, after=5)

    def insert_scan(self) -> None:
        if not self.minutes.appendix:
            return
        self.pdf.add_page()
        self.page_words.append([])
        self.scan_page = len(self.page_words)
        image = render_page_image(self.minutes.appendix, self.font_file, seed=len(self.minutes.appendix))
        import io

        self.pdf.image(io.BytesIO(image), x=0, y=0, w=A4[0], h=A4[1])
        if self.stamp:
            self._stamp()

    def esignature(self) -> None:
        self.pdf.add_page()
        self.page_words.append([])
        self.esign_page = len(self.page_words)
        y = 70.0
        for k, line in enumerate(esignature_lines(self.minutes)):
            bold = k == 0 or line in ("Dokument", "Signerande parter")
            for part in self.lines_of(line, self.right - self.left, bold=bold, size=16 if k == 0 else 9):
                self._text(self.left, y, " ".join(part), bold=bold, size=16 if k == 0 else 9)
                y += 26 if k == 0 else 13
        if self.stamp:
            self._stamp()

    def write(self, path: Path) -> Typeset:
        self.new_page()
        for block in self.minutes.blocks:
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block.text)
            elif isinstance(block, Fields):
                self.fields(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, PageBreak):
                if self.scan and not self.scanned_once:
                    self.insert_scan()
                    self.scanned_once = True
                self.new_page()
        if self.esign:
            self.esignature()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.pdf.output(str(path))
        return Typeset(
            path,
            [" ".join(words) for words in self.page_words],
            self.broken,
            self.scan_page,
            self.esign_page,
        )


def write_system_pdf(
    minutes: Minutes,
    path: Path,
    *,
    columns: int = 1,
    stamp: bool = True,
    scan: bool = True,
    esign: bool = True,
) -> Typeset:
    """Write ``minutes`` as a minutes system would; see the module docstring."""
    options = {"columns": columns, "stamp": stamp, "scan": scan, "esign": esign}
    first = _Writer(minutes, **options).write(path)  # type: ignore[arg-type]
    return _Writer(minutes, total=first.pages, **options).write(path)  # type: ignore[arg-type]


def esignature_pdf(minutes: Minutes) -> bytes:
    """The e-signing service's verification page for ``minutes``, as a one-page PDF."""
    writer = _Writer(minutes, columns=1, stamp=False, scan=False, esign=True)
    writer.esignature()
    return bytes(writer.pdf.output())
