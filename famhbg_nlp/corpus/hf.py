"""Hugging Face ``datasets``: a ``DatasetDict`` saved with ``save_to_disk``.

Columns of every split:

* ``id``, ``text`` (the document text as it is), ``meta`` (a JSON string);
* ``tokens`` (the non-whitespace tokens of the project tokenizer) and ``ner_tags``
  (``Sequence(ClassLabel)`` with IOB2 names ``O, B-PERSON, I-PERSON, ...``);
* ``spans``: a list of ``{start, end, label, value}``, the value a JSON string
  (``"null"``, ``"1500000"``, ``"\\"Ängelholm\\""``, ...) so mixed types fit one Arrow column.

Reading takes ``spans`` where there is a ``text`` column, and checks that the tags say the
same; a foreign dataset with only ``tokens`` and ``ner_tags`` (ClassLabel or string tags)
gets its text from the tokens joined by spaces and its spans from the tags.
``datasets`` is imported only when these functions run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..defaults import LABELS
from .docs import record_to_doc
from .io import atomic_dir
from .iob import align_tokens, decode_tags, doc_tokens, iob_names, join_tokens
from .records import CorpusError, Record, SpanRecord


def features(labels: Sequence[str] = LABELS):
    """The ``datasets.Features`` of the exported columns."""
    from datasets import ClassLabel, Features, List, Value
    from datasets import Sequence as HFSequence

    return Features(
        {
            "id": Value("string"),
            "text": Value("string"),
            "meta": Value("string"),
            "tokens": HFSequence(Value("string")),
            "ner_tags": HFSequence(ClassLabel(names=iob_names(labels))),
            "spans": List(
                {"start": Value("int64"), "end": Value("int64"), "label": Value("string"), "value": Value("string")}
            ),
        }
    )


def record_row(record: Record, nlp: Language) -> dict[str, Any]:
    """One dataset row of ``record`` (tags as names; ``ClassLabel`` encodes them)."""
    doc = record_to_doc(record, nlp, values=False)
    tokens = doc_tokens(doc)
    return {
        "id": record.id,
        "text": record.text,
        "meta": json.dumps(record.meta, ensure_ascii=False),
        "tokens": [text for text, _, _, _ in tokens],
        "ner_tags": [tag for _, tag, _, _ in tokens],
        "spans": [
            {"start": s.start, "end": s.end, "label": s.label, "value": json.dumps(s.value, ensure_ascii=False)}
            for s in record.spans
        ],
    }


def records_to_datasetdict(splits: Mapping[str, Sequence[Record]], nlp: Language):
    """A ``DatasetDict`` with one split per entry of ``splits``."""
    from datasets import Dataset, DatasetDict

    feats = features()
    names = feats["ner_tags"].feature
    out = {}
    for name, records in splits.items():
        rows = [record_row(record, nlp) for record in records]
        columns: dict[str, list] = {key: [row[key] for row in rows] for key in feats}
        columns["ner_tags"] = [[names.str2int(tag) for tag in tags] for tags in columns["ner_tags"]]
        out[name] = Dataset.from_dict(columns, features=feats)
    return DatasetDict(out)


def write_hf(splits: Mapping[str, Sequence[Record]], path: str | Path, nlp: Language) -> None:
    """Save the splits as a ``DatasetDict`` directory at ``path`` (built in memory, then moved into place)."""
    from datasets.utils.tqdm import are_progress_bars_disabled, disable_progress_bars, enable_progress_bars

    dataset = records_to_datasetdict(splits, nlp)
    quiet = are_progress_bars_disabled()
    disable_progress_bars()  # a progress bar per shard of a tiny corpus is noise on stderr
    try:
        with atomic_dir(path) as tmp:
            dataset.save_to_disk(str(tmp))
    finally:
        if not quiet:
            enable_progress_bars()


def _tag_names(dataset) -> list[str] | None:
    feature = dataset.features.get("ner_tags")
    names = getattr(getattr(feature, "feature", None), "names", None)
    return None if names is None else list(names)


def read_hf(
    path: str | Path,
    *,
    split: str | None = None,
    label_map: Mapping[str, str | None] | None = None,
) -> list[Record]:
    """Records of a dataset saved with ``save_to_disk`` (all splits in their order, or ``split``)."""
    from datasets import Dataset, load_from_disk

    path = Path(path)
    try:
        loaded = load_from_disk(str(path))
    except (FileNotFoundError, OSError, ValueError) as err:
        raise CorpusError(f"not a dataset saved with save_to_disk: {err}", path=path) from None
    parts = {"train": loaded} if isinstance(loaded, Dataset) else dict(loaded)
    if split is not None:
        if split not in parts:
            raise CorpusError(f"no split {split!r} (the dataset has {', '.join(parts)})", path=path)
        parts = {split: parts[split]}
    records = []
    for name, dataset in parts.items():
        names = _tag_names(dataset)
        for row_number, row in enumerate(dataset):
            doc_id = row.get("id") or f"{name}-{row_number}"
            try:
                records.append(_row_record(row, doc_id, names, label_map))
            except CorpusError as err:
                raise CorpusError(
                    f"split {name!r}, row {row_number}: {err.message}", path=path, doc_id=doc_id, offset=err.offset
                ) from None
    return records


def _row_record(row: Mapping[str, Any], doc_id: str, names: list[str] | None, label_map) -> Record:
    tokens = row.get("tokens")
    tags = row.get("ner_tags")
    if tags is not None and names is not None:
        tags = [names[tag] for tag in tags]
    meta = row.get("meta") or "{}"
    try:
        meta = json.loads(meta) if isinstance(meta, str) else dict(meta)
    except json.JSONDecodeError as err:
        raise CorpusError(f"'meta' is not valid JSON ({err.msg})") from None
    text = row.get("text")
    if text is not None and row.get("spans") is not None:
        spans = []
        for span in row["spans"]:
            try:
                value = json.loads(span["value"]) if span.get("value") is not None else None
            except json.JSONDecodeError as err:
                raise CorpusError(f"a span value is not JSON ({err.msg})", offset=span["start"]) from None
            spans.append(SpanRecord(span["start"], span["end"], span["label"], value))
        if tokens is not None and tags is not None:
            tagged = decode_tags(tags, align_tokens(text, tokens), label_map=label_map)
            if sorted(tagged) != sorted((s.start, s.end, s.label) for s in spans):
                diff = sorted(set(tagged) ^ {(s.start, s.end, s.label) for s in spans})
                raise CorpusError(f"'ner_tags' and 'spans' disagree (first difference: {diff[0]})", offset=diff[0][0])
        return Record(id=doc_id, text=text, meta=meta, spans=spans)
    if tokens is None or tags is None:
        raise CorpusError("the row has neither 'text' and 'spans' nor 'tokens' and 'ner_tags'")
    if any(not isinstance(tag, str) for tag in tags):
        raise CorpusError("'ner_tags' holds numbers but the dataset has no ClassLabel names for them")
    offsets = None
    if text is not None:
        try:
            offsets = align_tokens(text, tokens)
        except CorpusError:
            offsets = None  # a text that is not the tokens': rebuild it from them
    if text is None or offsets is None:
        text, (offsets,) = join_tokens([tokens])
    entities = decode_tags(tags, offsets, label_map=label_map)
    return Record(id=doc_id, text=text, meta=meta, spans=[SpanRecord(s, e, label) for s, e, label in entities])
