"""Round trips with annotation tools: Label Studio, doccano and Prodigy.

Pre-annotations go out (:func:`preannotate` + :func:`write_tasks`), corrected exports
come back (:func:`read_tasks` and the ``read_*`` readers) and are merged into the corpus
with recomputed values (:func:`import_export`).
"""

from __future__ import annotations

from .formats import (
    LABEL_STUDIO_CONFIG,
    READ_FORMATS,
    READERS,
    WRITE_FORMATS,
    TaskProblem,
    label_studio_config,
    read_doccano,
    read_label_studio,
    read_prodigy,
    read_tasks,
    to_doccano,
    to_label_studio,
    to_prodigy,
    write_tasks,
)
from .merge import ImportReport, import_export, prepare, rule_values
from .preannotate import preannotate

__all__ = [
    "LABEL_STUDIO_CONFIG",
    "READERS",
    "READ_FORMATS",
    "WRITE_FORMATS",
    "ImportReport",
    "TaskProblem",
    "import_export",
    "label_studio_config",
    "preannotate",
    "prepare",
    "read_doccano",
    "read_label_studio",
    "read_prodigy",
    "read_tasks",
    "rule_values",
    "to_doccano",
    "to_label_studio",
    "to_prodigy",
    "write_tasks",
]
