"""Tooling of the annotated corpus (the data lives in the top-level ``corpus/*.jsonl``).

Records in the annotation scheme's JSON Lines format; reading, checking and writing
them; conversion to and from spaCy ``Doc``/``DocBin``, Hugging Face ``datasets``,
CoNLL IOB2 and the Swedish news NER corpus; document-level splits.
"""

from __future__ import annotations

from .convert import EXPORT_FORMATS, IMPORT_FORMATS, detect_format, export_records, load_any
from .docs import GoldValue, doc_to_record, record_to_doc
from .external import read_swedish_ner_corpus
from .io import read_records, write_records
from .iob import iob_names
from .records import CorpusError, Record, SpanRecord, check_record
from .splits import GROUP_KEYS, group_of, grouped_folds, leave_one_out, split_records
from .stats import corpus_stats
from .validate import Problem, validate_path, validate_records

__all__ = [
    "EXPORT_FORMATS",
    "GROUP_KEYS",
    "IMPORT_FORMATS",
    "CorpusError",
    "GoldValue",
    "Problem",
    "Record",
    "SpanRecord",
    "check_record",
    "corpus_stats",
    "detect_format",
    "doc_to_record",
    "export_records",
    "group_of",
    "grouped_folds",
    "iob_names",
    "leave_one_out",
    "load_any",
    "read_records",
    "read_swedish_ner_corpus",
    "record_to_doc",
    "split_records",
    "validate_path",
    "validate_records",
    "write_records",
]
