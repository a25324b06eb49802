"""Pre-annotation: run the current pipeline on new minutes and keep its spans as records.

The records go to an annotation tool (:func:`~famhbg_nlp.annotate.formats.write_tasks`)
for correction. A file that cannot be read or processed is a
:class:`~famhbg_nlp.extract.Failure`; the other files are still pre-annotated.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from ..chunking import process
from ..corpus import Record, doc_to_record
from ..extract import Failure, Source, read_source, resolve_inputs
from ..readers import ReadError


def _unique_id(stem: str, taken: set[str]) -> str:
    doc_id, n = stem, 1
    while doc_id in taken:
        n += 1
        doc_id = f"{stem}-{n}"
    taken.add(doc_id)
    return doc_id


def preannotate(
    inputs: Iterable[str | Path | Source],
    *,
    nlp: Language | None = None,
    model: str | Path | None = None,
) -> tuple[list[Record], list[Failure]]:
    """``(records, failures)`` for the files named by ``inputs`` (files, folders, globs, or
    :class:`~famhbg_nlp.extract.Source` objects already resolved).

    Each record's id is the file's stem (made unique with ``-2``, ``-3``...), its meta
    holds ``source`` (the file name) and the ``meeting_date`` the pipeline inferred, and its
    spans are the pipeline's entities with their values.
    """
    if nlp is None:
        from ..pipeline import load

        nlp = load(None if model is None else str(model))
    given = list(inputs)
    sources = [i for i in given if isinstance(i, Source)]
    sources_of_names, failures = resolve_inputs([i for i in given if not isinstance(i, Source)])
    sources += sources_of_names
    records: list[Record] = []
    taken: set[str] = set()
    for source in sources:
        try:
            text, _ = read_source(source)
        except ReadError as err:
            failures.append(Failure(source.name, f"cannot read: {err.reason}"))
            continue
        if not text.strip():
            failures.append(Failure(source.name, "the file holds no text"))
            continue
        try:
            doc = process(nlp, text)
        except Exception as err:  # noqa: BLE001 - a pipeline bug must not lose the other files
            failures.append(Failure(source.name, f"the pipeline failed: {type(err).__name__}: {err}"))
            continue
        name = "stdin" if source.name == "-" else Path(source.name).name
        records.append(doc_to_record(doc, _unique_id(Path(name).stem, taken), {"source": name}))
    return records, failures
