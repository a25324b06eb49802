"""LibreOffice headless: DOCX to PDF the way a Word user's "Save as PDF" does it.

LibreOffice takes seconds to start, so :func:`convert_to_pdf` converts many files in one
call; a private user profile keeps parallel runs (and a desktop LibreOffice) apart.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: Program names of LibreOffice.
PROGRAMS: tuple[str, ...] = ("soffice", "libreoffice")


def soffice() -> str | None:
    """The LibreOffice program, or ``None`` (Debian: apt-get install libreoffice-writer-nogui)."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(paths: Sequence[Path], outdir: Path, *, timeout: float = 300) -> list[Path]:
    """Convert ``paths`` (DOCX) to PDFs in ``outdir`` in one LibreOffice run; the PDFs' paths."""
    program = soffice()
    if program is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="famhbg-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            *map(str, paths),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    out = [outdir / (Path(p).stem + ".pdf") for p in paths]
    missing = [p for p in out if not p.is_file()]
    if missing:
        raise RuntimeError(
            f"LibreOffice did not write {', '.join(map(str, missing))} (exit {result.returncode}): "
            f"{result.stderr.strip()[-500:]}"
        )
    return out
