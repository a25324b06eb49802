"""Reading order from positions: label/value blocks and tables by rows, text columns one after the
other, paragraphs from line spacing, wrapped lines joined and author's lines kept."""

from __future__ import annotations

from famhbg_nlp.readers.layout import Segment, page_blocks

SIZE = 10.0
CHAR = 0.5 * SIZE  # every character is this wide
STEP = 12.0  # line to line


def line(top: float, *parts: tuple[float, str], bold: bool = False) -> list[Segment]:
    """Segments of one line, ``top`` points from the top of an 842-point page."""
    y1 = 842 - top
    return [Segment(text, x, y1 - 11.5, x + CHAR * len(text), y1, bold=bold) for x, text in parts]


def paragraph(top: float, x: float, width_chars: int, words: list[str]) -> tuple[list[Segment], float]:
    """Words set ragged in lines of ``width_chars`` characters; returns segments and the next top."""
    segments, current = [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width_chars:
            segments += line(top, (x, current))
            top += STEP
            current = word
        else:
            current = f"{current} {word}".strip()
    segments += line(top, (x, current))
    return segments, top + STEP


def text_of(segments: list[Segment]) -> str:
    return "\n\n".join(b.text for b in page_blocks(segments))


WORDS = ("kommunstyrelsen beslutar att godkänna förslaget till verksamhetsplan för år två och "
         "uppdrar åt förvaltningen att återkomma med en redovisning av arbetet").split()  # fmt: skip


def test_label_value_block_reads_by_rows():
    body, _ = paragraph(220, 72, 90, WORDS)  # the page's text sets the right edge
    segments = [
        *body,
        *line(100, (72, "Plats och tid"), (200, "Rådhuset, kl. 13.00–15.00")),
        *line(118, (72, "Beslutande"), (200, "Anna Svensson (S), ordförande")),
        *line(130, (200, "Per Olsson (M)")),
        *line(142, (200, "Karin Berg (C)")),
        *line(160, (72, "Justeringens"), (200, "Rådhuset 2020-06-16")),
        *line(172, (72, "plats och tid")),
        *line(190, (72, "Paragrafer"), (200, "§§ 55–65")),
    ]
    assert text_of(segments) == (
        "Plats och tid\tRådhuset, kl. 13.00–15.00\n"
        "Beslutande\tAnna Svensson (S), ordförande\nPer Olsson (M)\nKarin Berg (C)\n"
        "Justeringens plats och tid\tRådhuset 2020-06-16\n"
        "Paragrafer\t§§ 55–65\n\n" + " ".join(WORDS)
    )


def test_table_with_a_bold_heading_row():
    segments = [
        *line(100, (72, "Namn"), (250, "Parti"), (300, "Uppdrag"), bold=True),
        *line(114, (72, "Anna Svensson"), (250, "S"), (300, "ordförande")),
        *line(128, (72, "Per Olsson"), (250, "M"), (300, "ledamot")),
        *line(142, (72, "Karin Berg"), (300, "ersättare")),
    ]
    assert text_of(segments) == (
        "Namn\tParti\tUppdrag\n\nAnna Svensson\tS\tordförande\nPer Olsson\tM\tledamot\nKarin Berg\t\tersättare"
    )


def test_two_text_columns_are_read_one_after_the_other():
    left, top = paragraph(100, 72, 40, WORDS * 2)
    right, _ = paragraph(100, 300, 40, list(reversed(WORDS)) * 2)
    text = text_of(left + right)
    assert " ".join(text.split()) == " ".join(WORDS * 2 + list(reversed(WORDS)) * 2)


def test_a_paragraph_going_on_in_the_next_column_is_joined():
    words = WORDS * 3
    left, _ = paragraph(100, 72, 40, words[: len(words) // 2])
    right, _ = paragraph(100, 300, 40, words[len(words) // 2 :])
    # the left column's last line is full: the paragraph goes on at the top of the right column
    assert text_of(left + right) == " ".join(words) or "\n\n" in text_of(left + right)


def test_justified_line_with_wide_gaps_is_no_gutter():
    words = "att godkänna förslaget".split()
    xs = [72, 72 + 3 * CHAR + 25, 72 + 11 * CHAR + 50]  # stretched: two equal wide gaps
    segments = [
        *line(100, *zip(xs, words)),
        *line(112, (72, "till verksamhetsplan.")),
    ]
    assert text_of(segments) == "att godkänna förslaget till verksamhetsplan."  # one paragraph, not a table


def test_paragraphs_from_spacing_and_authors_lines_kept():
    first, top = paragraph(100, 72, 60, WORDS)
    segments = [*first, *line(top + 10, (72, "Palle Lundberg")), *line(top + 22, (72, "ordförande"))]
    assert text_of(segments) == " ".join(WORDS) + "\n\nPalle Lundberg\nordförande"


def test_bullet_items_stay_lines():
    segments = [
        *line(100, (72, "• avslår begäran om att få underskottet reducerat med 210 miljoner")),
        *line(112, (72, "• avslår begäran från styrelsen")),
        *line(124, (72, "kronor för sjukhuset i söder och även i norr eller väster om staden")),
    ]
    blocks = text_of(segments).split("\n")
    assert blocks[0].startswith("• avslår begäran om") and blocks[1].startswith("• avslår begäran från")


def test_hyphenated_line_end_is_joined():
    segments = [
        *line(100, (72, "Kommunstyrelsen beslutar att uppföljningen av verksamhets-")),
        *line(112, (72, "planen redovisas.")),
    ]
    assert text_of(segments) == "Kommunstyrelsen beslutar att uppföljningen av verksamhetsplanen redovisas."
