"""Corrected exports back into the corpus.

:func:`rule_values` recomputes the values of a corrected document with the rule
components, exactly as ``famhbg corpus validate`` checks them
(:mod:`famhbg_nlp.corpus.validate`): the value of the component's own match at the same
offsets, else ``component.value_of(span)``; the meeting date is ``meta.meeting_date``
when present, else the one the dates component infers (then written to the meta).

:func:`import_export` reads an export, recomputes values, validates every document
against the scheme and merges the good ones into a corpus directory: a new id goes to
one file (``annotated.jsonl`` by default), an existing id is replaced only with
``replace`` (an identical document is left as it is). Every changed file is written to a
temporary file first and all are moved into place at the end, so a failure imports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..corpus import CorpusError, Record, SpanRecord, read_records, validate_records
from ..corpus.io import corpus_files, dumps_record
from ..corpus.validate import (
    MISSING,
    found_value,
    rule_components,
    rules_config,
    typed_json,
)
from ..defaults import ANNOTATE_IMPORT_FILE
from ..io_utils import write_all_atomic
from ..labels import value_attrs, value_labels
from .formats import TaskProblem, read_tasks_partial


def rule_values(record: Record, rules_nlp: Language) -> Record:
    """``record`` with every value recomputed by the rule components (PERSON/ORG: ``None``).

    A value the rules cannot compute is ``None`` (validation then reports a
    MUNICIPALITY or AMOUNT without a value).
    """
    cfg = rules_config(record)
    doc = rules_nlp(record.text, component_cfg=cfg)
    components = rule_components(rules_nlp)
    spans = []
    for span in record.spans:
        value = None
        if span.label in value_labels() and span.label in components:
            name, component = components[span.label]
            value = found_value(doc, name, value_attrs()[span.label], span)
            if value is MISSING:
                target = doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")
                value = None if target is None else typed_json(component.value_of(target, **cfg.get(name, {})))
        spans.append(SpanRecord(span.start, span.end, span.label, value))
    meta = dict(record.meta)
    if not cfg and doc._.meeting_date is not None:
        meta["meeting_date"] = doc._.meeting_date.isoformat()
    return dc_replace(record, meta=meta, spans=spans)


@dataclass
class ImportReport:
    """What :func:`import_export` did: ids added, replaced and left unchanged, and per-task problems."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[TaskProblem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "files": self.files,
            "problems": [p.to_dict() for p in self.problems],
        }


def prepare(
    path: str | Path, fmt: str, *, rules_nlp: Language | None = None
) -> tuple[list[tuple[int, Record]], list[TaskProblem]]:
    """Read an export, recompute values, validate: ``([(task, record)], problems)`` of the good tasks.

    ``problems`` are every problem of every task (a task with a bad span is also checked for
    edges and values of its other spans, so that one run lists all there is to fix).
    """
    from ..pipeline import blank, rules_pipeline

    rules_nlp = rules_nlp or rules_pipeline()
    tokenizer = blank()
    numbered, problems, partial = read_tasks_partial(path, fmt)
    for task, record in partial:
        problems.extend(_validation_problems(path, task, record, rules_nlp, tokenizer))
    good: list[tuple[int, Record]] = []
    seen: dict[str, int] = {}
    for task, record in numbered:
        if record.id in seen:
            problems.append(
                TaskProblem(
                    str(path),
                    task,
                    record.id,
                    f"the id is used by task {seen[record.id]} already",
                )
            )
            continue
        try:
            record = rule_values(record, rules_nlp)
        except Exception as err:  # noqa: BLE001 - the rules are code in progress: report, never crash
            problems.append(
                TaskProblem(
                    str(path),
                    task,
                    record.id,
                    f"the rule pipeline failed: {type(err).__name__}: {err}",
                )
            )
            continue
        found = _validation_problems(path, task, record, None, tokenizer)
        if found:
            problems.extend(found)
            continue
        seen[record.id] = task
        good.append((task, record))
    problems.sort(key=lambda p: p.task)
    return good, problems


def _validation_problems(
    path: str | Path, task: int, record: Record, rules_nlp: Language | None, tokenizer: Language
) -> list[TaskProblem]:
    """The scheme problems of ``record`` (with ``rules_nlp``: after recomputing its values)."""
    if rules_nlp is not None:
        try:
            record = rule_values(record, rules_nlp)
        except Exception:  # noqa: BLE001 - the task is left out anyway; its format problems are reported
            pass
    problems = []
    for problem in validate_records([record], rules=False, nlp=tokenizer):
        where = (
            "" if problem.start is None else f'span {problem.start}-{problem.end} {problem.label} "{problem.excerpt}": '
        )
        problems.append(TaskProblem(str(path), task, record.id, where + problem.reason))
    return problems


def import_export(
    path: str | Path,
    fmt: str,
    into: str | Path,
    *,
    replace: bool = False,
    file_name: str = ANNOTATE_IMPORT_FILE,
    rules_nlp: Language | None = None,
) -> ImportReport:
    """Merge the corrected documents of export ``path`` into the corpus directory ``into``.

    Raises :class:`CorpusError` when the corpus itself cannot be read (nothing is written).
    """
    into = Path(into)
    if into.exists() and not into.is_dir():
        raise CorpusError("--into must be a corpus directory", path=into)
    good, problems = prepare(path, fmt, rules_nlp=rules_nlp)
    report = ImportReport(problems=problems)
    files: dict[Path, list[Record]] = {}
    if into.is_dir() and any(into.glob("*.jsonl")):
        for file in corpus_files(into, ".jsonl"):
            files[file] = read_records(file)
    where = {record.id: (file, i) for file, records in files.items() for i, record in enumerate(records)}
    by_text = {record.text: record.id for records in files.values() for record in records}
    target = into / file_name
    files.setdefault(target, [])
    changed: set[Path] = set()
    for task, record in good:
        if record.id in where:
            file, i = where[record.id]
            if files[file][i].to_dict() == record.to_dict():
                report.unchanged.append(record.id)
                continue
            if not replace:
                report.problems.append(
                    TaskProblem(
                        str(path),
                        task,
                        record.id,
                        f"the corpus has this id already ({file}); pass --replace to overwrite it",
                    )
                )
                continue
            files[file][i] = record
            report.replaced.append(record.id)
            changed.add(file)
        elif record.text in by_text:
            report.problems.append(
                TaskProblem(
                    str(path),
                    task,
                    record.id,
                    f"the corpus has the same text as document {by_text[record.text]!r}",
                )
            )
            continue
        else:
            files[target].append(record)
            where[record.id] = (target, len(files[target]) - 1)
            report.added.append(record.id)
            changed.add(target)
        by_text[record.text] = record.id
        report.records.append(record)
    report.problems.sort(key=lambda p: p.task)
    write_all_atomic({file: "".join(dumps_record(r) + "\n" for r in files[file]) for file in sorted(changed)})
    report.files = [str(file) for file in sorted(changed)]
    return report
