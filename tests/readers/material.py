"""What the layout tests share: the texts used and one generated file's record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from famhbg_nlp.testing import Minutes
from famhbg_nlp.testing.system import Typeset

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
#: Real texts dressed as full minutes: the seed protocols and minutes of other municipalities
#: (a cover page in one paragraph, case numbers, a table of contents with dot leaders).
MINUTES_TEXTS: dict[str, str] = {
    "seed-2020-11-27": "seeds/000_87a4eb6fd371db95.txt",
    "seed-2018-06-15": "seeds/002_c0d7de841479e53d.txt",
    "krokom-bun": "minutes/006-krokom-bun-2020-06-09.txt",
    "familjebostader": "minutes/015-stockholm-familjebostader-2013-04-09.txt",
    "blekinge-rs": "minutes/038-regionblekinge-rs-2017-02-08.txt",
}
#: Real "beslut i korthet" summaries, several to a document (two pages or more), set in two columns.
SUMMARY_TEXTS: dict[str, tuple[str, ...]] = {
    "karlstad-ulricehamn": (
        "minutes/011-karlstad-ks-2019-09-17.txt",
        "minutes/012-karlstad-ks-2020-04-07.txt",
        "minutes/024-ulricehamn-ks-2018-05-03.txt",
        "minutes/025-ulricehamn-ks-2015-05-07.txt",
    ),
    "vgr-lund": (
        "minutes/026-vgr-rs-2019-03-26.txt",
        "minutes/027-vgr-rs-2022-05-17.txt",
        "minutes/042-lund-ks-2020-11.txt",
        "minutes/044-lund-kf-2020-10.txt",
    ),
}
#: The text of the scanned page (a page of other minutes, scanned into the protocol).
APPENDIX = "minutes/034-orebro-nff-2015-04-16.txt"


@dataclass
class Material:
    """One generated file: the minutes it shows, its layout, and what its writer recorded."""

    name: str
    layout: str
    minutes: Minutes
    path: Path
    typeset: Typeset | None = None


def read_shared(relative: str) -> str:
    path = SHARED / relative
    if not path.is_file():
        pytest.skip(f"shared data missing: {path}")
    return path.read_text(encoding="utf-8")
