"""Archive-scale extraction with Ray Data: :func:`extract_dataset` (``famhbg extract --engine ray``).

Ray is the optional ``ray`` extra (``pip install "famhbg-nlp[ray]"``). The layout of the
output tables is in :mod:`.tables`, resumption in :mod:`.store`, the run in :mod:`.engine`;
``docs/scaling.md`` has the measured costs and how to run it on a cluster.
"""

from __future__ import annotations

from .engine import Extractor, Progress, ScaleSummary, extract_dataset
from .store import OutputStore
from .tables import SCHEMAS

__all__ = ["SCHEMAS", "Extractor", "OutputStore", "Progress", "ScaleSummary", "extract_dataset"]
