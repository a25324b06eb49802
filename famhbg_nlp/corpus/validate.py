"""Checks of an annotated corpus against the annotation scheme and the rule components.

:func:`validate_path` reads every line it can and returns every problem, one
:class:`Problem` each (document, offsets, label, excerpt, reason), so one run lists all
that needs fixing. The value check runs the rule pipeline on each text and compares
each gold DATE/AMOUNT/MUNICIPALITY value with the value the rule component of that
label gives for the *same* offsets: the value of its own match there, or else
``component.value_of(span)``. A disagreement means either the gold or the rules are wrong.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..defaults import EXCERPT_CHARS
from ..labels import value_attrs, value_labels, value_problem
from .docs import parse_iso_date
from .io import iter_jsonl
from .records import CorpusError, Record, SpanRecord, span_problems

#: Characters that may not begin or end a span besides whitespace and Unicode punctuation (markup).
EDGE_MARKUP = frozenset("~*_#|=<>^`")


@dataclass(frozen=True)
class Problem:
    """One problem of one document (``start``/``end``/``label`` where it concerns a span)."""

    doc_id: str | None
    reason: str
    start: int | None = None
    end: int | None = None
    label: str | None = None
    excerpt: str = ""
    path: str | None = None
    line: int | None = None
    kind: str = "scheme"  # "format", "scheme" or "rules"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        offsets = "" if self.start is None else f"{self.start}-{self.end if self.end is not None else ''}"
        excerpt = f'"{self.excerpt}"' if self.excerpt else ""
        return "\t".join([where, self.doc_id or "-", offsets or "-", self.label or "-", excerpt or "-", self.reason])


def excerpt(text: str, *, limit: int = EXCERPT_CHARS) -> str:
    """``text`` on one line (line breaks as ``\\n``), cut to ``limit`` characters."""
    flat = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _span_problem(record: Record, span: SpanRecord, reason: str, kind: str = "scheme") -> Problem:
    return Problem(
        doc_id=record.id,
        reason=reason,
        start=span.start,
        end=span.end,
        label=span.label,
        excerpt=excerpt(record.text[max(span.start, 0) : span.end]),
        kind=kind,
    )


def _bad_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P") or char in EDGE_MARKUP


def scheme_problems(record: Record, doc: Doc) -> list[Problem]:
    """Problems of one record against the scheme: spans usable, edges, token alignment, value types, meta."""
    problems = []
    broken = set()
    for span, reason in span_problems(record):
        problems.append(_span_problem(record, span, reason))
        broken.add(id(span))
    for span in record.spans:
        if id(span) in broken:
            continue
        text = record.text[span.start : span.end]
        if _bad_edge(text[0]) or _bad_edge(text[-1]):
            problems.append(_span_problem(record, span, "whitespace, punctuation or markup at the edge of the span"))
        elif doc.char_span(span.start, span.end, alignment_mode="strict") is None:
            near = [t.text for t in doc if t.idx < span.end and t.idx + len(t) > span.start]
            problems.append(_span_problem(record, span, f"does not align to the project tokenizer's tokens {near}"))
        wrong_value = value_problem(span.label, span.value)
        if wrong_value:
            problems.append(_span_problem(record, span, wrong_value))
    meeting_date = record.meta.get("meeting_date")
    if meeting_date is not None and parse_iso_date(meeting_date) is None:
        problems.append(
            Problem(
                doc_id=record.id,
                reason=f"meta.meeting_date {meeting_date!r} is not an ISO date (YYYY-MM-DD)",
                kind="scheme",
            )
        )
    return problems


def rule_components(nlp: Language) -> dict[str, tuple[str, Any]]:
    """``{label: (pipe name, component)}`` of the pipeline's rule components (anything with
    ``label`` and ``value_of``), for the value labels."""
    found: dict[str, tuple[str, Any]] = {}
    for name, pipe in nlp.pipeline:
        label = getattr(pipe, "label", None)
        if label in value_labels() and callable(getattr(pipe, "value_of", None)) and label not in found:
            found[label] = (name, pipe)
    return found


def rules_config(record: Record) -> dict[str, dict[str, Any]]:
    """``component_cfg`` for a record: the dates component gets the meeting date (ISO) when the meta has one."""
    meeting_date = record.meta.get("meeting_date")
    if parse_iso_date(meeting_date) is None:
        return {}
    return {"famhbg_dates": {"meeting_date": meeting_date}}


def typed_json(typed: Any) -> Any:
    if typed is None:
        return None
    to_json = getattr(typed, "to_json", None)
    return to_json() if callable(to_json) else typed


def rules_problems(record: Record, nlp: Language) -> list[Problem]:
    """Gold values that disagree with what the rule components compute for the same offsets."""
    size = len(record.text)
    valued = value_labels()
    gold = [span for span in record.spans if span.label in valued and 0 <= span.start < span.end <= size]
    if not gold:
        return []
    components = rule_components(nlp)
    cfg = rules_config(record)
    try:
        doc = nlp(record.text, component_cfg=cfg)
    except Exception as err:  # the rules are code in progress: report, never crash
        return [
            Problem(doc_id=record.id, reason=f"the rule pipeline failed: {type(err).__name__}: {err}", kind="rules")
        ]
    problems = []
    for span in gold:
        if span.label not in components or _yearless_without_reference(record, span):
            continue
        name, component = components[span.label]
        attr = value_attrs()[span.label]
        found = found_value(doc, name, attr, span)
        how = f"{name} matched it"
        if found is MISSING:
            target = doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")
            if target is None:
                continue  # reported as a scheme problem
            how = f"{name}.value_of"
            try:
                found = typed_json(component.value_of(target, **cfg.get(name, {})))
            except Exception as err:
                problems.append(_span_problem(record, span, f"{how} failed: {type(err).__name__}: {err}", kind="rules"))
                continue
        if found != span.value or type(found) is not type(span.value):
            problems.append(
                _span_problem(
                    record,
                    span,
                    f"gold value {_show(span.value)} but the rules give {_show(found)} ({how})",
                    kind="rules",
                )
            )
    return problems


MISSING = object()
_YEAR = re.compile(r"\d{4}|(?<!\d)\d{6}(?!\d)")


def _yearless_without_reference(record: Record, span: SpanRecord) -> bool:
    """A date written without a year in a record without ``meta.meeting_date``: its gold year comes from
    outside the text (the source's date), so the rules cannot re-derive it and are not asked to."""
    if span.label != "DATE" or parse_iso_date(record.meta.get("meeting_date")) is not None:
        return False
    return _YEAR.search(record.text[span.start : span.end]) is None


def found_value(doc: Doc, name: str, attr: str, span: SpanRecord) -> Any:
    """The value the component gave its own span at exactly these offsets, or ``MISSING``."""
    candidates = list(doc.ents) + (list(doc.spans[name]) if name in doc.spans else [])
    for candidate in candidates:
        if (candidate.start_char, candidate.end_char, candidate.label_) == (span.start, span.end, span.label):
            return typed_json(getattr(candidate._, attr))
    return MISSING


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def validate_records(
    records: Iterable[Record],
    *,
    rules: bool = True,
    nlp: Language | None = None,
    rules_nlp: Language | None = None,
    locations: Callable[[Record], tuple[str | None, int | None]] | None = None,
) -> list[Problem]:
    """Every problem of ``records``: scheme, duplicate ids and (with ``rules``) rule values.

    ``nlp`` tokenizes (the project tokenizer by default); ``rules_nlp`` is the rule
    pipeline (``famhbg_nlp.rules_pipeline()`` by default); ``locations`` gives each record's
    file and line for the messages.
    """
    from ..pipeline import blank, rules_pipeline

    nlp = nlp or blank()
    if rules and rules_nlp is None:
        rules_nlp = rules_pipeline()
    problems: list[Problem] = []
    seen: set[str] = set()
    for record in records:
        path, line = locations(record) if locations else (None, None)
        found = []
        if record.id in seen:
            found.append(Problem(doc_id=record.id, reason="the id is used by an earlier document", kind="scheme"))
        seen.add(record.id)
        doc = nlp.make_doc(record.text)
        scheme = scheme_problems(record, doc)
        found += scheme
        if rules and rules_nlp is not None:
            found += rules_problems(record, rules_nlp)
        problems += [_locate(p, path, line) for p in found]
    return problems


def _locate(problem: Problem, path: str | None, line: int | None) -> Problem:
    if path is None and line is None:
        return problem
    return Problem(**{**problem.to_dict(), "path": path, "line": line})


def validate_path(
    path: str | Path, *, rules: bool = True, rules_nlp: Language | None = None
) -> tuple[int, list[Problem]]:
    """``(number of documents read, problems)`` of a ``.jsonl`` file or a directory of them.

    Lines that cannot be read (not UTF-8, invalid JSON, wrong shape) are problems of kind
    ``"format"``; every other line is validated.
    """
    try:
        lines = list(iter_jsonl(path))
    except CorpusError as err:
        return 0, [Problem(doc_id=err.doc_id, reason=err.message, path=err.path, line=err.line, kind="format")]
    problems: list[Problem] = []
    records: list[Record] = []
    where: dict[int, tuple[str, int]] = {}
    for file, line, item in lines:
        if isinstance(item, CorpusError):
            problems.append(
                Problem(
                    doc_id=item.doc_id,
                    reason=item.message,
                    start=item.offset,
                    path=str(file),
                    line=line,
                    kind="format",
                )
            )
            continue
        where[id(item)] = (str(file), line)
        records.append(item)
    problems += validate_records(records, rules=rules, rules_nlp=rules_nlp, locations=lambda r: where[id(r)])
    problems.sort(key=lambda p: (p.path or "", p.line or 0, p.start if p.start is not None else -1))
    return len(records), problems


def summarize(problems: Sequence[Problem]) -> dict[str, int]:
    """Number of problems per kind."""
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.kind] = counts.get(problem.kind, 0) + 1
    return counts
