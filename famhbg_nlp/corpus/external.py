"""Reader of the Swedish news NER corpus (Webbnyheter 2012, IO-tagged, PER/ORG/LOC/MISC).

Format (``train_corpus.txt``, ``test_corpus.txt``): one token a line, the token and
its tag separated by a tab or by spaces, ``0`` for "outside", a blank line between
sentences. Tags are IO: consecutive tokens with the same tag are one entity. PER
becomes PERSON, ORG stays ORG, LOC and MISC are dropped
(:data:`famhbg_nlp.defaults.FOREIGN_LABELS`). The text is rebuilt from the tokens,
joined by single spaces; sentences of one record are joined by newlines. A line
without a tag (the training file has one) is skipped and logged.

The corpus is read from where it lies (a path argument); it is never copied into
this repository.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..defaults import SWEDISH_NER_SENTENCES_PER_RECORD
from .io import corpus_files
from .iob import decode_tags, join_tokens
from .records import CorpusError, Record, SpanRecord

logger = logging.getLogger(__name__)


def _sentences(file: Path) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """``(line number of the first token, [(token, tag)])`` for every sentence of ``file``."""
    try:
        data = file.read_bytes()
    except OSError as err:
        raise CorpusError(f"cannot read the file: {err.strerror or err}", path=file) from None
    sentence: list[tuple[str, str]] = []
    first = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError as err:
            raise CorpusError(f"the line is not valid UTF-8 (byte {err.start})", path=file, line=number) from None
        if not line:
            if sentence:
                yield first, sentence
            sentence = []
            continue
        parts = line.split()
        if len(parts) < 2:
            logger.warning("%s, line %d: no tag after %r; line skipped", file, number, line)
            continue
        if not sentence:
            first = number
        sentence.append((" ".join(parts[:-1]), parts[-1]))
    if sentence:
        yield first, sentence


def read_swedish_ner_corpus(
    path: str | Path,
    *,
    limit: int | None = None,
    sentences_per_record: int = SWEDISH_NER_SENTENCES_PER_RECORD,
    label_map: Mapping[str, str | None] | None = None,
) -> list[Record]:
    """Records of the Swedish news NER corpus at ``path`` (a corpus file or its directory).

    One record per ``sentences_per_record`` sentences, at most ``limit`` records; ids are
    ``<file stem>-<number of the record's first line>``; ``meta`` has ``source`` (the file
    name) and ``line``.
    """
    if sentences_per_record < 1:
        raise ValueError("sentences_per_record must be at least 1")
    records: list[Record] = []
    for file in corpus_files(path, ".txt", what=" of the Swedish NER corpus"):
        group: list[tuple[int, list[tuple[str, str]]]] = []
        for item in _sentences(file):
            group.append(item)
            if len(group) == sentences_per_record:
                records.append(_record(file, group, label_map))
                group = []
                if limit is not None and len(records) >= limit:
                    return records
        if group:
            records.append(_record(file, group, label_map))
            if limit is not None and len(records) >= limit:
                return records
    return records


def _record(file: Path, group: list[tuple[int, list[tuple[str, str]]]], label_map) -> Record:
    text, offsets = join_tokens([[token for token, _ in sentence] for _, sentence in group])
    spans: list[SpanRecord] = []
    for (number, sentence), sentence_offsets in zip(group, offsets):
        try:
            entities = decode_tags([tag for _, tag in sentence], sentence_offsets, label_map=label_map)
        except CorpusError as err:
            raise err.located(path=file, line=number) from None
        spans += [SpanRecord(start, end, label) for start, end, label in entities]
    first_line = group[0][0]
    return Record(
        id=f"{file.stem}-{first_line}",
        text=text,
        meta={"source": file.name, "line": first_line},
        spans=spans,
    )
