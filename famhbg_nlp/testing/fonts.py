"""TrueType fonts with å, ä, ö for the generated files (the distribution's DejaVu or Liberation)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts/Supplemental"),
    Path("C:/Windows/Fonts"),
)

#: Regular and bold faces, in order of preference.
FACES: tuple[tuple[str, str], ...] = (
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
)


@cache
def find_fonts() -> tuple[Path, Path] | None:
    """``(regular, bold)`` font files, or ``None`` when none is installed (install fonts-liberation2)."""
    for regular, bold in FACES:
        for root in FONT_DIRS:
            if not root.is_dir():
                continue
            found_regular = sorted(root.rglob(regular))
            found_bold = sorted(root.rglob(bold))
            if found_regular and found_bold:
                return found_regular[0], found_bold[0]
    return None
