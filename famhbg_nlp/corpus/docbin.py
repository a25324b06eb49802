"""spaCy ``DocBin`` files (``.spacy``), lossless for ids, metadata, spans and values.

The spans are the docs' ``doc.ents``. Id, meta and the values travel in
``doc.user_data["famhbg_corpus"]`` as a JSON string (``{"id", "meta", "values":
[[start, end, label, value], ...]}``): typed values and ``datetime.date`` do not survive
the DocBin's msgpack serialization, and msgpack would turn lists into tuples. A foreign ``.spacy`` file without it gets
ids ``<file stem>-<n>``, empty meta and no values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin

from .docs import record_to_doc
from .io import atomic_file
from .iob import map_label
from .records import CorpusError, Record, SpanRecord

#: Key of the corpus data in ``doc.user_data``.
USER_DATA_KEY = "famhbg_corpus"


def docbin_from_records(records: Iterable[Record], nlp: Language, *, corpus_data: bool = True) -> DocBin:
    """A ``DocBin`` of ``records`` tokenized by ``nlp``; spans as ``doc.ents``, the rest in ``user_data``.

    Without ``corpus_data`` only tokens and entities are stored (training data).
    """
    docbin = DocBin(attrs=["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"], store_user_data=corpus_data)
    for record in records:
        doc = record_to_doc(record, nlp, values=False)
        if corpus_data:
            doc.user_data[USER_DATA_KEY] = json.dumps(
                {
                    "id": record.id,
                    "meta": record.meta,
                    "values": [[s.start, s.end, s.label, s.value] for s in record.spans if s.value is not None],
                },
                ensure_ascii=False,
            )
        docbin.add(doc)
    return docbin


def records_from_docbin(
    docbin: DocBin,
    nlp: Language,
    *,
    source: str = "docbin",
    label_map: Mapping[str, str | None] | None = None,
) -> list[Record]:
    """Records of the docs of ``docbin`` (see the module docstring); ``source`` names ids and errors."""
    records = []
    for number, doc in enumerate(docbin.get_docs(nlp.vocab)):
        try:
            data = json.loads(doc.user_data.get(USER_DATA_KEY) or "{}")
        except (TypeError, json.JSONDecodeError):
            raise CorpusError(f"doc #{number} has unreadable corpus data in user_data") from None
        doc_id = data.get("id") or f"{source}-{number}"
        values = {(start, end, label): value for start, end, label, value in data.get("values", [])}
        spans = []
        for ent in doc.ents:
            try:
                label = map_label(ent.label_, label_map)
            except CorpusError as err:
                raise err.located(doc_id=doc_id) from None
            if label is None:
                continue
            key = (ent.start_char, ent.end_char, ent.label_)
            spans.append(SpanRecord(ent.start_char, ent.end_char, label, values.pop(key, None)))
        if values:
            start, end, label = min(values)
            raise CorpusError(
                f"a value is stored for {start}-{end} ({label}), which is no entity", doc_id=doc_id, offset=start
            )
        records.append(Record(id=doc_id, text=doc.text, meta=dict(data.get("meta") or {}), spans=spans))
    return records


def write_spacy(records: Iterable[Record], path: str | Path, nlp: Language) -> None:
    """Write ``records`` as a ``.spacy`` file (converted in memory, then written atomically)."""
    data = docbin_from_records(records, nlp).to_bytes()
    with atomic_file(path, mode="wb") as handle:
        handle.write(data)


def read_spacy(path: str | Path, nlp: Language, *, label_map: Mapping[str, str | None] | None = None) -> list[Record]:
    """Records of a ``.spacy`` file."""
    path = Path(path)
    try:
        docbin = DocBin().from_bytes(path.read_bytes())
    except OSError as err:
        raise CorpusError(f"cannot read the file: {err.strerror or err}", path=path) from None
    except Exception as err:  # msgpack / zlib errors of a file that is no DocBin
        raise CorpusError(f"not a spaCy DocBin file ({type(err).__name__})", path=path) from None
    try:
        return records_from_docbin(docbin, nlp, source=path.stem, label_map=label_map)
    except CorpusError as err:
        raise err.located(path=path) from None
