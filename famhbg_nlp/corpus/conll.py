"""CoNLL-style IOB2 text: one token a line, ``TOKEN<TAB>TAG``, lossless for spans and values.

Layout of one document::

    # newdoc id = kdg-2020-11-27
    # meta = {"source": "000_87a4eb6fd371db95.txt", "meeting_date": "2020-11-27"}
    # text = "Kommundirektörsgruppens protokoll 9/2020\\n\\nTid/Plats: ..."
    # values = [[123, 140, "2020-11-27"], [200, 210, 700000]]
    Kommundirektörsgruppens<TAB>O
    protokoll<TAB>O
    ...
    <blank line between the sentences (lines of text) and between documents>

* Only non-whitespace tokens are listed (:mod:`famhbg_nlp.corpus.iob`); tags are IOB2.
* ``# text`` is the document text as a JSON string: reading finds each token in it, so
  spans come back with their exact character offsets (whitespace, newlines, thin spaces).
* ``# values`` (JSON, only spans with a value) gives ``[start, end, value]``; ``# meta`` is JSON.
* A new sentence starts at a line break outside any entity.

Reading also takes plain CoNLL files (``-DOCSTART-`` documents or one record per
sentence, columns split by tabs or spaces, the token first and the tag last, IOB1/IOB2/IO
tags, foreign labels mapped by :data:`famhbg_nlp.defaults.FOREIGN_LABELS`); without
``# text`` the text is the tokens joined by spaces and the sentences by newlines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from .docs import record_to_doc
from .io import atomic_file
from .iob import TokenError, align_tokens, decode_tags, doc_tokens, join_tokens, sentence_breaks
from .records import CorpusError, Record, SpanRecord

DOCSTART = "-DOCSTART-"
_FORBIDDEN_IN_LINE = ("\n", "\r", "\t")


def record_conll_lines(record: Record, nlp: Language) -> Iterator[str]:
    """The lines (without newlines) of one document, ending with a blank line."""
    if any(char in record.id for char in ("\n", "\r")):
        raise CorpusError("an id with a line break cannot be written as CoNLL", doc_id=record.id)
    doc = record_to_doc(record, nlp, values=False)
    yield f"# newdoc id = {record.id}"
    yield f"# meta = {json.dumps(record.meta, ensure_ascii=False)}"
    yield f"# text = {json.dumps(record.text, ensure_ascii=False)}"
    values = [[span.start, span.end, span.value] for span in record.spans if span.value is not None]
    if values:
        yield f"# values = {json.dumps(values, ensure_ascii=False)}"
    breaks = set(sentence_breaks(doc))
    for i, (text, tag, start, _) in enumerate(doc_tokens(doc)):
        if any(char in text for char in _FORBIDDEN_IN_LINE):
            raise CorpusError(f"token {text!r} holds a tab or line break", doc_id=record.id, offset=start)
        if i in breaks:
            yield ""
        yield f"{text}\t{tag}"
    yield ""


def write_conll(records: Iterable[Record], path: str | Path, nlp: Language) -> None:
    """Write ``records`` as CoNLL to ``path`` (everything is converted before anything is written)."""
    lines = [line for record in records for line in record_conll_lines(record, nlp)]
    with atomic_file(path, mode="w") as handle:
        handle.write("\n".join(lines))
        handle.write("\n")


@dataclass
class _Doc:
    line: int
    marked: bool = False  # begun by "# newdoc" or "-DOCSTART-"
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    values: list | None = None
    sentences: list[list[tuple[str, str, int]]] = field(default_factory=list)

    def add(self, token: str, tag: str, line: int, new_sentence: bool) -> None:
        if new_sentence or not self.sentences:
            self.sentences.append([])
        self.sentences[-1].append((token, tag, line))


def _json_comment(value: str, key: str, path: Path, line: int) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError as err:
        raise CorpusError(f"'# {key}' is not valid JSON ({err.msg})", path=path, line=line) from None


def _parse(path: Path) -> Iterator[_Doc]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"cannot read the file: {err.strerror or err}", path=path) from None
    raw_lines = data.split(b"\n")
    marked = any(raw.startswith(b"# newdoc") for raw in raw_lines)
    doc: _Doc | None = None
    new_sentence = True
    for number, raw in enumerate(raw_lines, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError as err:
            raise CorpusError(f"the line is not valid UTF-8 (byte {err.start})", path=path, line=number) from None
        if not line.strip():
            new_sentence = True
            continue
        if line.startswith("#") and "\t" not in line:
            body = line[1:]
            body = body[1:] if body.startswith(" ") else body
            key, sep, value = body.partition(" = ")
            key = key.strip()
            if not sep:
                continue
            if key == "newdoc id":
                if doc is not None:
                    yield doc
                doc = _Doc(line=number, marked=True, id=value)
                new_sentence = True
            elif doc is not None and key == "meta":
                meta = _json_comment(value, key, path, number)
                if not isinstance(meta, dict):
                    raise CorpusError("'# meta' is not a JSON object", path=path, line=number, doc_id=doc.id)
                doc.meta = meta
            elif doc is not None and key == "text":
                text = _json_comment(value, key, path, number)
                if not isinstance(text, str):
                    raise CorpusError("'# text' is not a JSON string", path=path, line=number, doc_id=doc.id)
                doc.text = text
            elif doc is not None and key == "values":
                values = _json_comment(value, key, path, number)
                if not isinstance(values, list) or not all(isinstance(v, list) and len(v) == 3 for v in values):
                    raise CorpusError(
                        "'# values' is not a JSON list of [start, end, value]", path=path, line=number, doc_id=doc.id
                    )
                doc.values = values
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        if not marked and columns[0] == DOCSTART:
            if doc is not None:
                yield doc
            doc = _Doc(line=number, marked=True)
            new_sentence = True
            continue
        if len(columns) < 2:
            raise CorpusError(
                f"a token line needs a token and a tag separated by a tab, not {line!r}",
                path=path,
                line=number,
                doc_id=None if doc is None else doc.id,
            )
        if doc is None:
            doc = _Doc(line=number)
        doc.add(columns[0], columns[-1].strip(), number, new_sentence)
        new_sentence = False
    if doc is not None:
        yield doc


def _to_record(doc: _Doc, path: Path, label_map: Mapping[str, str | None] | None, doc_id: str) -> Record:
    tokens = [token for sentence in doc.sentences for token in sentence]
    if doc.text is not None:
        text = doc.text
        try:
            offsets = align_tokens(text, [token for token, _, _ in tokens])
        except CorpusError as err:
            raise err.located(path=path, line=_error_line(err, tokens, doc), doc_id=doc_id) from None
    else:
        text, grouped = join_tokens([[token for token, _, _ in sentence] for sentence in doc.sentences])
        offsets = [offset for sentence in grouped for offset in sentence]
    try:
        entities = decode_tags([tag for _, tag, _ in tokens], offsets, label_map=label_map)
    except CorpusError as err:
        raise err.located(path=path, line=_error_line(err, tokens, doc), doc_id=doc_id) from None
    values = {}
    for start, end, value in doc.values or []:
        values[(start, end)] = value
    missing = set(values) - {(start, end) for start, end, _ in entities}
    if missing:
        start, end = min(missing)
        raise CorpusError(
            f"'# values' gives a value for {start}-{end}, which is no tagged entity",
            path=path,
            line=doc.line,
            doc_id=doc_id,
            offset=start,
        )
    spans = [SpanRecord(start, end, label, values.get((start, end))) for start, end, label in entities]
    return Record(id=doc_id, text=text, meta=dict(doc.meta), spans=spans)


def _error_line(err: CorpusError, tokens: list[tuple[str, str, int]], doc: _Doc) -> int:
    """The line of the token an error is about, else the document's first line."""
    if isinstance(err, TokenError) and err.index < len(tokens):
        return tokens[err.index][2]
    return doc.line


def read_conll(path: str | Path, *, label_map: Mapping[str, str | None] | None = None) -> list[Record]:
    """Records of a CoNLL file written by :func:`write_conll`, or of a plain CoNLL NER file."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError("no such file", path=path)
    docs = list(_parse(path))
    if len(docs) == 1 and not docs[0].marked:
        # no document markers: one record per sentence
        docs = [_Doc(line=sentence[0][2], sentences=[sentence]) for sentence in docs[0].sentences]
    return [_to_record(doc, path, label_map, doc.id or f"{path.stem}-{doc.line}") for doc in docs]
