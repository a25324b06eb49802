"""One entry point per direction: :func:`load_any` reads any supported format, :func:`export_records` writes one.

Formats: ``jsonl`` (the record format), ``spacy`` (``DocBin``), ``hf`` (``DatasetDict``
directory), ``conll`` (IOB2 text), and, for reading only, ``swedish-ner`` (the IO-tagged
Swedish news NER corpus). Every writer converts everything in memory first and then
moves the result into place, so bad input leaves no half-written output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from spacy.language import Language

from ..defaults import SWEDISH_NER_SENTENCES_PER_RECORD
from .conll import read_conll, write_conll
from .docbin import read_spacy, write_spacy
from .external import read_swedish_ner_corpus
from .hf import read_hf, write_hf
from .io import atomic_dir, corpus_files, read_records, write_records
from .records import CorpusError, Record, check_record

EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "spacy", "hf", "conll")
IMPORT_FORMATS: tuple[str, ...] = ("jsonl", "spacy", "hf", "conll", "swedish-ner")

#: File suffix of each file format (``hf`` is a directory).
SUFFIXES: dict[str, str] = {"jsonl": ".jsonl", "spacy": ".spacy", "conll": ".conll"}
_SUFFIX_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".spacy": "spacy",
    ".conll": "conll",
    ".conllu": "conll",
    ".iob": "conll",
    ".iob2": "conll",
    ".txt": "swedish-ner",
}


def _default_nlp(nlp: Language | None) -> Language:
    if nlp is not None:
        return nlp
    from ..pipeline import blank

    return blank()


def detect_format(path: str | Path) -> str:
    """The format of ``path`` from its suffix or, for a directory, from what it holds.

    A directory is ``hf`` when it holds a saved dataset (``dataset_dict.json`` or
    ``state.json``), else the format of the files in it (``*.jsonl``, ``*.spacy``,
    ``*.conll``, ``*.txt``). A ``.txt`` file is read as the Swedish NER corpus format.
    """
    path = Path(path)
    if path.is_dir():
        if (path / "dataset_dict.json").is_file() or (path / "state.json").is_file():
            return "hf"
        for suffix in (".jsonl", ".spacy", ".conll", ".txt"):
            if any(path.glob(f"*{suffix}")):
                return _SUFFIX_FORMATS[suffix]
        raise CorpusError("cannot tell the format of the directory; name it", path=path)
    if not path.exists():
        raise CorpusError("no such file or directory", path=path)
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise CorpusError(
            f"cannot tell the format from the suffix {path.suffix!r}; name it ({', '.join(IMPORT_FORMATS)})", path=path
        )
    return fmt


def load_any(
    path: str | Path,
    fmt: str | None = None,
    *,
    nlp: Language | None = None,
    limit: int | None = None,
    split: str | None = None,
    label_map: Mapping[str, str | None] | None = None,
    sentences_per_record: int = SWEDISH_NER_SENTENCES_PER_RECORD,
) -> list[Record]:
    """Records of ``path`` in format ``fmt`` (detected when ``None``, see :func:`detect_format`).

    ``nlp`` (the project tokenizer by default) reads ``.spacy`` files; ``limit`` caps the
    records of the Swedish NER corpus (and of any format, applied after reading); ``split``
    picks one split of a Hugging Face dataset; ``label_map`` renames foreign labels. A
    directory of ``.jsonl``, ``.spacy`` or ``.conll`` files is read file by file in name order.
    Every record is checked (:func:`~famhbg_nlp.corpus.records.check_record`).
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        records = read_records(path)
    elif fmt == "swedish-ner":
        records = read_swedish_ner_corpus(
            path, limit=limit, sentences_per_record=sentences_per_record, label_map=label_map
        )
    elif fmt == "hf":
        records = read_hf(path, split=split, label_map=label_map)
    elif fmt == "spacy":
        nlp = _default_nlp(nlp)
        records = [r for file in corpus_files(path, ".spacy") for r in read_spacy(file, nlp, label_map=label_map)]
    elif fmt == "conll":
        records = [r for file in corpus_files(path, ".conll") for r in read_conll(file, label_map=label_map)]
    else:
        raise CorpusError(f"unknown format {fmt!r} (expected one of {', '.join(IMPORT_FORMATS)})", path=path)
    _check_all(records, path)
    return records if limit is None else records[:limit]


def _check_all(records: Sequence[Record], path: Path) -> None:
    seen: set[str] = set()
    for record in records:
        problems = check_record(record)
        if problems:
            raise problems[0].located(path=path)
        if record.id in seen:
            raise CorpusError("the id is used twice", path=path, doc_id=record.id)
        seen.add(record.id)


def _write_one(records: Sequence[Record], path: Path, fmt: str, nlp: Language) -> None:
    if fmt == "jsonl":
        write_records(records, path)
    elif fmt == "spacy":
        write_spacy(records, path, nlp)
    elif fmt == "conll":
        write_conll(records, path, nlp)
    else:
        raise CorpusError(f"unknown format {fmt!r} (expected one of {', '.join(EXPORT_FORMATS)})", path=path)


def export_records(
    records: Sequence[Record] | Mapping[str, Sequence[Record]],
    out: str | Path,
    fmt: str,
    *,
    nlp: Language | None = None,
) -> dict[str, int]:
    """Write ``records`` to ``out`` in ``fmt``; return the number of documents per split.

    ``records`` is a list (one ``train`` split) or ``{split name: records}``. Hugging Face
    writes one dataset with these splits. The file formats write one file, or with
    several splits a directory ``out`` of ``<split><suffix>`` files.
    """
    out = Path(out)
    nlp = _default_nlp(nlp)
    splits = {"train": list(records)} if not isinstance(records, Mapping) else {k: list(v) for k, v in records.items()}
    if fmt not in EXPORT_FORMATS:
        raise CorpusError(f"unknown format {fmt!r} (expected one of {', '.join(EXPORT_FORMATS)})", path=out)
    if fmt == "hf":
        write_hf(splits, out, nlp)
    elif len(splits) == 1:
        _write_one(next(iter(splits.values())), out, fmt, nlp)
    else:
        with atomic_dir(out) as tmp:
            for name, part in splits.items():
                _write_one(part, tmp / f"{name}{SUFFIXES[fmt]}", fmt, nlp)
    return {name: len(part) for name, part in splits.items()}
