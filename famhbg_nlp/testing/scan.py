"""A scanned page: text rendered to a grey-scale image (Pillow) and put on a PDF page with no
text layer, the way a signed attendance list or a letter is scanned into the minutes."""

from __future__ import annotations

import io
import random
import textwrap
from pathlib import Path

#: Resolution of the "scanner".
DPI = 200
A4_MM = (210.0, 297.0)


def render_page_image(text: str, font: Path, *, seed: int = 0, size_pt: float = 12.0) -> bytes:
    """A PNG of an A4 page with ``text`` (paragraphs wrapped), slightly noisy like a scan."""
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    width, height = (round(mm / 25.4 * DPI) for mm in A4_MM)
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(font), round(size_pt / 72 * DPI))
    margin = round(25 / 25.4 * DPI)
    line_height = round(size_pt * 1.5 / 72 * DPI)
    y = margin
    chars_per_line = int((width - 2 * margin) / (face.getlength("abcdefghij") / 10))
    for paragraph in text.split("\n\n"):
        for source_line in paragraph.split("\n"):
            for line in textwrap.wrap(source_line, chars_per_line) or [""]:
                draw.text((margin, y), line, fill=25, font=face)
                y += line_height
        y += line_height // 2
    for _ in range(400):  # dust
        x, yy = rng.randrange(width), rng.randrange(height)
        draw.point((x, yy), fill=rng.randrange(120, 200))
    image = image.rotate(0.25, fillcolor=250, resample=Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def scanned_pdf(text: str, font: Path, *, seed: int = 0) -> bytes:
    """A one-page PDF whose only content is the image of ``text``: no text layer."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    pdf.image(io.BytesIO(render_page_image(text, font, seed=seed)), x=0, y=0, w=A4_MM[0], h=A4_MM[1])
    return bytes(pdf.output())
