"""Pre-annotation: run the current pipeline on new minutes and keep its spans as records.

The records go to an annotation tool (:func:`~famhbg_nlp.annotate.formats.write_tasks`)
for correction. A file that cannot be read or processed is a
:class:`~famhbg_nlp.extract.Failure`; the other files are still pre-annotated.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from ..corpus import Record, doc_to_record
from ..extract import Failure
from ..readers import ReadError, iter_files, read_document


def _unique_id(stem: str, taken: set[str]) -> str:
    doc_id, n = stem, 1
    while doc_id in taken:
        n += 1
        doc_id = f"{stem}-{n}"
    taken.add(doc_id)
    return doc_id


def preannotate(
    inputs: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    model: str | Path | None = None,
) -> tuple[list[Record], list[Failure]]:
    """``(records, failures)`` for the files named by ``inputs`` (files, folders, globs).

    Each record's id is the file's stem (made unique with ``-2``, ``-3``...), its meta
    holds ``source`` (the file name) and the ``meeting_date`` the pipeline inferred, and its
    spans are the pipeline's entities with their values.
    """
    if nlp is None:
        from ..pipeline import load, rules_pipeline

        nlp = rules_pipeline() if str(model) == "rules" else load(model)
    records: list[Record] = []
    failures: list[Failure] = []
    taken: set[str] = set()
    for path in iter_files(inputs):
        try:
            document = read_document(path)
        except ReadError as err:
            failures.append(Failure(str(path), f"cannot read: {err.reason}"))
            continue
        if not document.text.strip():
            failures.append(Failure(str(path), "the file holds no text"))
            continue
        try:
            doc = nlp(document.text)
        except Exception as err:  # noqa: BLE001 - a pipeline bug must not lose the other files
            failures.append(
                Failure(str(path), f"the pipeline failed: {type(err).__name__}: {err}")
            )
            continue
        records.append(
            doc_to_record(
                doc, _unique_id(Path(path).stem, taken), {"source": Path(path).name}
            )
        )
    return records, failures
