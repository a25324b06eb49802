"""Shared records and helpers of the annotation round-trip tests."""

from __future__ import annotations

import json

import pytest

import famhbg_nlp
from famhbg_nlp.corpus import Record, SpanRecord

TEXT = "Datum: 2020-11-27\nMötet den 4 december i Ängelholms kommun med Palle Lundberg och SKR beviljade 700 000 kr."


def spans_of(text: str, *items: tuple) -> list[SpanRecord]:
    """Spans ``(substring, label[, value])`` at the substring's first occurrence."""
    spans = []
    for sub, label, *value in items:
        start = text.index(sub)
        spans.append(SpanRecord(start, start + len(sub), label, value[0] if value else None))
    return spans


def make_record(doc_id: str = "kdg-1", text: str = TEXT, meta: dict | None = None) -> Record:
    return Record(
        id=doc_id,
        text=text,
        meta={"source": "x.txt", "meeting_date": "2020-11-27"} if meta is None else meta,
        spans=spans_of(
            text,
            ("2020-11-27", "DATE", "2020-11-27"),
            ("4 december", "DATE", "2020-12-04"),
            ("Ängelholms kommun", "MUNICIPALITY", "Ängelholm"),
            ("Palle Lundberg", "PERSON"),
            ("SKR", "ORG"),
            ("700 000 kr", "AMOUNT", 700000),
        ),
    )


def edges(record: Record) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in record.spans]


def accept_predictions(tasks: list[dict]) -> list[dict]:
    """What an annotator who accepts every prediction exports from Label Studio."""
    for task in tasks:
        task["annotations"] = [
            {
                "id": 1,
                "result": json.loads(json.dumps(task["predictions"][0]["result"])),
            }
        ]
    return tasks


def write_json(path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_jsonl(path, lines) -> None:
    path.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def rules_nlp():
    return famhbg_nlp.rules_pipeline()


@pytest.fixture(scope="session")
def kit():
    """This module's helpers (test modules cannot import the conftest)."""
    import sys

    return sys.modules[__name__]


@pytest.fixture(scope="session")
def cli_app():
    """``famhbg`` with ``annotate`` and ``corpus`` (a local app until the coordinator registers ``annotate``)."""
    import typer

    from famhbg_nlp.cli import app

    if any(command.name == "annotate" for command in app.registered_commands):
        return app
    from famhbg_nlp.cli.annotate import annotate
    from famhbg_nlp.cli.corpus import app as corpus_app

    local = typer.Typer()
    local.command("annotate")(annotate)
    local.add_typer(corpus_app, name="corpus")
    return local
