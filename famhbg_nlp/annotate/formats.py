"""Readers and writers for annotation-tool formats.

Writers turn corpus records (the pipeline's pre-annotations) into tasks a tool can
load: Label Studio tasks with ``predictions``, doccano JSONL (``label: [[start, end,
LABEL]]``), Prodigy JSONL (``spans``) or the corpus JSONL itself. Values go along where
the format has room for them (Label Studio: each result's ``meta.value``; doccano: a
parallel ``values`` list; Prodigy: each span's ``value``), for the annotator to see;
on import they are recomputed by the rule components anyway.

Every reader returns ``(records, problems)``: the documents it could read and one
:class:`TaskProblem` per task it had to leave out (skipped by the annotator,
offsets that don't match the text, unknown labels, empty annotations...), so one bad
task never loses the others and the user gets a per-task report.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus import Record, SpanRecord, write_records
from ..corpus.io import atomic_file
from ..labels import label_names

#: Formats ``famhbg annotate --to`` writes.
WRITE_FORMATS = ("label-studio", "doccano", "prodigy", "jsonl")
#: Formats ``famhbg corpus import --from`` reads from annotation tools.
READ_FORMATS = ("label-studio", "doccano", "prodigy")
FORMATS = WRITE_FORMATS


def label_studio_config() -> str:
    """Label Studio labeling interface for the registered labels (Settings > Labeling Interface > Code)."""
    return (
        "<View>\n"
        '  <Labels name="label" toName="text">\n'
        + "".join(f'    <Label value="{label}"/>\n' for label in label_names())
        + "  </Labels>\n"
        '  <Text name="text" value="$text"/>\n'
        "</View>\n"
    )


#: :func:`label_studio_config` of the scheme's labels.
LABEL_STUDIO_CONFIG = label_studio_config()


@dataclass(frozen=True)
class TaskProblem:
    """Why one task of an export was not imported (``task`` counts from 1; 0 is the whole file)."""

    path: str
    task: int
    doc_id: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "task": self.task,
            "doc_id": self.doc_id,
            "reason": self.reason,
        }

    def __str__(self) -> str:
        doc = f", document {self.doc_id}" if self.doc_id else ""
        where = f"task {self.task}" if self.task else "the file"
        return f"{self.path}: {where}{doc}: {self.reason.rstrip('.')}."


class _Skip(Exception):
    """A task that cannot be imported; ``reasons`` say why (every problem found, not only the first).

    ``record`` is what could be read of the task anyway (its usable spans), so that the
    import can also report the task's other problems (edges, values) in the same run.
    """

    def __init__(self, *reasons: str, record: Record | None = None) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons
        self.record = record


class _Spans:
    """Collects a task's spans and the problems of the bad ones, so that all are reported at once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[SpanRecord] = []
        self.reasons: list[str] = []

    def add(self, *args: Any) -> None:
        try:
            self.spans.append(_span(self.text, *args))
        except _Skip as err:
            self.reasons.extend(err.reasons)

    def problem(self, reason: str) -> None:
        self.reasons.append(reason)

    def record(self, doc_id: str, meta: Any) -> Record:
        if self.reasons:
            partial = Record(
                id=doc_id,
                text=self.text,
                meta=dict(meta) if isinstance(meta, dict) else {},
                spans=sorted(self.spans, key=lambda s: (s.start, s.end)),
            )
            raise _Skip(*self.reasons, record=partial)
        return _record(doc_id, self.text, meta, self.spans)


def _doc_id(text: str, *candidates: Any) -> str:
    for candidate in candidates:
        if isinstance(candidate, (str, int)) and not isinstance(candidate, bool) and str(candidate).strip():
            return str(candidate)
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span(text: str, start: Any, end: Any, label: Any, surface: Any = None) -> SpanRecord:
    if not _is_int(start) or not _is_int(end):
        raise _Skip(f"span offsets {start!r}-{end!r} are not integers")
    if not 0 <= start < end <= len(text):
        raise _Skip(f"span {start}-{end} lies outside the text (length {len(text)}) or is empty")
    if label not in label_names():
        raise _Skip(
            f"span {start}-{end} {text[start:end]!r} has unknown label {label!r} (expected one of {', '.join(label_names())})"
        )
    if isinstance(surface, str) and text[start:end] != surface:
        raise _Skip(f"span {start}-{end} says {surface!r} but the text there is {text[start:end]!r}")
    return SpanRecord(start=start, end=end, label=label)


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise _Skip("the task has no text")
    return value


def _record(doc_id: str, text: str, meta: Any, spans: list[SpanRecord]) -> Record:
    if not spans:
        raise _Skip("the annotation is empty (no spans); annotate the task or leave it out of the export")
    return Record(
        id=doc_id,
        text=text,
        meta=dict(meta) if isinstance(meta, dict) else {},
        spans=sorted(spans, key=lambda s: (s.start, s.end)),
    )


def _load_tasks(path: Path) -> list[Any]:
    """The tasks of a JSON array (Label Studio) or JSON Lines file (doccano, Prodigy).

    A line of JSON Lines that does not parse becomes a :class:`_Skip` in its place; a
    file that cannot be read at all raises :class:`_Skip`.
    """
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _Skip("no such file") from None
    except UnicodeDecodeError as err:
        raise _Skip(f"the file is not UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise _Skip(f"cannot read the file: {err.strerror or err}") from None
    if raw.lstrip().startswith("["):
        try:
            tasks = json.loads(raw)
        except json.JSONDecodeError as err:
            raise _Skip(f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
        return tasks
    items: list[Any] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as err:
                items.append(_Skip(f"line {number} is not valid JSON ({err.msg})"))
    if not items:
        raise _Skip("the file holds no tasks")
    return items


def read_tasks(path: str | Path, fmt: str) -> tuple[list[tuple[int, Record]], list[TaskProblem]]:
    """``([(task number, record)], problems)`` of an export in ``fmt`` (one of :data:`READ_FORMATS`);
    every problem of every task, a task with any problem left out."""
    numbered, problems, _ = read_tasks_partial(path, fmt)
    return numbered, problems


def read_tasks_partial(
    path: str | Path, fmt: str
) -> tuple[list[tuple[int, Record]], list[TaskProblem], list[tuple[int, Record]]]:
    """:func:`read_tasks`, plus ``(task, record)`` of the usable part of each task left out (for reporting)."""
    if fmt not in _PARSERS:
        raise ValueError(f"unknown annotation format {fmt!r}; expected one of {', '.join(READ_FORMATS)}")
    path = Path(path)
    try:
        tasks = _load_tasks(path)
    except _Skip as err:
        return [], [TaskProblem(str(path), 0, None, str(err))], []
    return _read_tasks(path, tasks, _PARSERS[fmt])


def _read_tasks(
    path: Path, tasks: list[Any], parse_task: Callable[[dict[str, Any]], Record]
) -> tuple[list[tuple[int, Record]], list[TaskProblem], list[tuple[int, Record]]]:
    numbered: list[tuple[int, Record]] = []
    problems: list[TaskProblem] = []
    partial: list[tuple[int, Record]] = []
    for number, task in enumerate(tasks, start=1):
        try:
            if isinstance(task, _Skip):
                raise task
            if not isinstance(task, dict):
                raise _Skip(f"the task is a {type(task).__name__}, not a JSON object")
            numbered.append((number, parse_task(task)))
        except _Skip as err:
            doc_id = err.record.id if err.record is not None else _guess_id(task)
            problems.extend(TaskProblem(str(path), number, doc_id, reason) for reason in err.reasons)
            if err.record is not None:
                partial.append((number, err.record))
    return numbered, problems, partial


def _object(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def _guess_id(task: Any) -> str | None:
    if not isinstance(task, dict):
        return None
    data = _object(task.get("data"))
    meta = _object(task.get("meta"))
    for candidate in (
        data.get("doc_id"),
        task.get("doc_id"),
        meta.get("doc_id"),
        task.get("id"),
    ):
        if candidate is not None:
            return str(candidate)
    return None


def _reader(fmt: str) -> Callable[[str | Path], tuple[list[Record], list[TaskProblem]]]:
    def read(path: str | Path) -> tuple[list[Record], list[TaskProblem]]:
        numbered, problems = read_tasks(path, fmt)
        return [record for _, record in numbered], problems

    return read


# --- Label Studio -----------------------------------------------------------------


def to_label_studio(records: Iterable[Record], *, model_version: str) -> list[dict[str, Any]]:
    """Label Studio tasks with the pipeline's spans as ``predictions`` (values in each result's ``meta``)."""
    tasks = []
    for record in records:
        result = [
            {
                "id": f"{record.id}-{i}",
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {
                    "start": s.start,
                    "end": s.end,
                    "text": record.text[s.start : s.end],
                    "labels": [s.label],
                },
                "meta": {"value": s.value},
            }
            for i, s in enumerate(record.spans)
        ]
        tasks.append(
            {
                "data": {"text": record.text, "doc_id": record.id, "meta": record.meta},
                "predictions": [{"model_version": model_version, "result": result}],
            }
        )
    return tasks


def _label_studio_task(task: dict[str, Any]) -> Record:
    data = task.get("data")
    if not isinstance(data, dict):
        raise _Skip("the task has no 'data' object")
    text = _text(data.get("text"))
    annotations = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if not annotations:
        raise _Skip("the task has no annotation (skipped by the annotator or not annotated yet)")
    latest = max(annotations, key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""))
    spans = _Spans(text)
    for item in latest.get("result") or []:
        value = item.get("value") if isinstance(item, dict) else None
        if not isinstance(value, dict) or "start" not in value:
            continue  # relations, choices and other non-span results
        labels = value.get("labels") or []
        if len(labels) != 1:
            spans.problem(f"span {value.get('start')}-{value.get('end')} has {len(labels)} labels, expected one")
            continue
        spans.add(value.get("start"), value.get("end"), labels[0], value.get("text"))
    return spans.record(_doc_id(text, data.get("doc_id"), task.get("id")), data.get("meta"))


# --- doccano ----------------------------------------------------------------------


def to_doccano(records: Iterable[Record]) -> list[dict[str, Any]]:
    """doccano sequence-labelling JSONL lines: ``text`` and ``label: [[start, end, LABEL]]``."""
    return [
        {
            "text": r.text,
            "label": [[s.start, s.end, s.label] for s in r.spans],
            "doc_id": r.id,
            "meta": r.meta,
            "values": [s.value for s in r.spans],
        }
        for r in records
    ]


def _doccano_task(task: dict[str, Any]) -> Record:
    text = _text(task.get("text", task.get("data")))
    spans = _Spans(text)
    if "entities" in task:  # the shape of projects with relations: entities as objects
        for ent in task.get("entities") or []:
            if not isinstance(ent, dict):
                spans.problem(f"entity {ent!r} is not a JSON object")
                continue
            spans.add(ent.get("start_offset"), ent.get("end_offset"), ent.get("label"))
    else:  # the sequence-labelling shape: [start, end, LABEL] lists
        items = task.get("label", task.get("labels")) or []
        if not isinstance(items, list):
            raise _Skip(f"'label' is a {type(items).__name__}, not a list of [start, end, LABEL]")
        for item in items:
            if not isinstance(item, (list, tuple)) or len(item) != 3:
                spans.problem(f"label {item!r} is not [start, end, LABEL]")
                continue
            spans.add(*item)
    meta = _object(task.get("meta"))
    return spans.record(_doc_id(text, task.get("doc_id"), meta.get("doc_id"), task.get("id")), meta)


# --- Prodigy ----------------------------------------------------------------------


def to_prodigy(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Prodigy JSONL tasks (``ner.manual`` / ``spans.manual`` input) with the spans pre-filled."""
    return [
        {
            "text": r.text,
            "spans": [
                {
                    "start": s.start,
                    "end": s.end,
                    "label": s.label,
                    "text": r.text[s.start : s.end],
                    "value": s.value,
                }
                for s in r.spans
            ],
            "meta": {**r.meta, "doc_id": r.id},
        }
        for r in records
    ]


def _prodigy_task(task: dict[str, Any]) -> Record:
    if task.get("answer") != "accept":
        raise _Skip(f"answer is {task.get('answer')!r}; only 'accept' is imported")
    text = _text(task.get("text"))
    spans = _Spans(text)
    for s in task.get("spans") or []:
        if not isinstance(s, dict):
            spans.problem(f"span {s!r} is not a JSON object")
            continue
        spans.add(s.get("start"), s.get("end"), s.get("label"), s.get("text"))
    meta = dict(task["meta"]) if isinstance(task.get("meta"), dict) else {}
    doc_id = _doc_id(text, meta.pop("doc_id", None), task.get("_input_hash"))
    return spans.record(doc_id, meta)


_PARSERS = {
    "label-studio": _label_studio_task,
    "doccano": _doccano_task,
    "prodigy": _prodigy_task,
}

#: ``(records, problems)`` of an export file.
read_label_studio = _reader("label-studio")
read_label_studio.__doc__ = (
    "A Label Studio JSON export: ``annotations[].result[]`` of the latest non-cancelled annotation."
)
read_doccano = _reader("doccano")
read_doccano.__doc__ = "A doccano JSONL export, either shape (``label`` lists or ``entities`` objects)."
read_prodigy = _reader("prodigy")
read_prodigy.__doc__ = "A Prodigy JSONL export (``spans``), keeping only ``answer: accept``."

READERS = {
    "label-studio": read_label_studio,
    "doccano": read_doccano,
    "prodigy": read_prodigy,
}


# --- writing ----------------------------------------------------------------------


def write_tasks(
    records: Iterable[Record],
    path: str | Path,
    fmt: str,
    *,
    model_version: str = "famhbg",
) -> int:
    """Write ``records`` as ``fmt`` tasks to ``path`` atomically; returns the number of tasks.

    Label Studio gets a JSON array; doccano, Prodigy and ``jsonl`` (the corpus format) JSON Lines.
    """
    records = list(records)
    if fmt == "jsonl":
        write_records(records, path)
        return len(records)
    if fmt == "label-studio":
        with atomic_file(path) as handle:
            json.dump(
                to_label_studio(records, model_version=model_version),
                handle,
                ensure_ascii=False,
                indent=1,
            )
            handle.write("\n")
        return len(records)
    if fmt not in ("doccano", "prodigy"):
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(WRITE_FORMATS)}")
    lines = to_doccano(records) if fmt == "doccano" else to_prodigy(records)
    with atomic_file(path) as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(records)
