"""``famhbg corpus validate | stats | export | import``: thin wrappers over :mod:`famhbg_nlp.corpus`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..corpus import CorpusError, corpus_stats, export_records, load_any, split_records, validate_path, write_records
from ..corpus.io import locate
from ..corpus.splits import assign_splits
from ..corpus.stats import stats_table
from ..corpus.validate import summarize
from ..defaults import CORPUS_DEV_FRACTION, CORPUS_DIR, CORPUS_SPLIT_SEED, SWEDISH_NER_SENTENCES_PER_RECORD
from ._util import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    ExportFormat,
    ImportFormat,
    ImportSource,
    check_output_folder,
    command_errors,
)

app = typer.Typer(help="Validate, describe and convert annotated corpora.", no_args_is_help=True)


def _fail(err: Exception, source: Path | None = None) -> typer.Exit:
    """Print ``err`` as one line (located in the JSONL ``source`` where it names only a document)."""
    if isinstance(err, CorpusError) and err.path is None and err.doc_id is not None and source is not None:
        found = locate(source, err.doc_id)
        if found is not None:
            err = err.located(path=found[0], line=found[1])
    typer.echo(f"error: {err}", err=True)
    return typer.Exit(code=EXIT_USAGE)


@app.command("validate")
def validate(
    path: Annotated[Path, typer.Argument(help="A .jsonl file or a directory of them.")] = Path(CORPUS_DIR),
    no_rules: Annotated[
        bool, typer.Option("--no-rules", help="Skip comparing values with the rule components.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as a JSON list.")] = False,
) -> None:
    """Check spans, labels, values and ids against the scheme and the rules; one line per problem.

    Columns: file:line, document id, offsets, label, excerpt, reason. Every problem of every document
    is listed in one run. Exits 1 when there is any problem, 2 when there is no corpus to read at PATH.
    """
    documents, problems = validate_path(path, rules=not no_rules)
    if as_json:
        typer.echo(json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            typer.echo(str(problem))
    kinds = ", ".join(f"{kind}: {n}" for kind, n in sorted(summarize(problems).items()))
    typer.echo(f"{path}: {documents} documents, {len(problems)} problems{f' ({kinds})' if kinds else ''}", err=True)
    if problems:
        unreadable = not documents and all(p.line is None for p in problems)  # no corpus there at all
        raise typer.Exit(code=EXIT_USAGE if unreadable else EXIT_PARTIAL)


@app.command("stats")
def stats(
    path: Annotated[Path, typer.Argument(help="A corpus in any readable format.")] = Path(CORPUS_DIR),
    fmt: Annotated[ImportFormat | None, typer.Option("--from", help="Format of PATH (default: from its name).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Documents, tokens (project tokenizer, whitespace left out) and spans per label and per document."""
    try:
        result = corpus_stats(load_any(path, None if fmt is None else fmt.value))
    except CorpusError as err:
        raise _fail(err) from None
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else stats_table(result))


def _parse_assignments(assignments: list[str]) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for assignment in assignments:
        name, sep, ids = assignment.partition("=")
        if not sep or not name.strip():
            raise CorpusError(f"--split {assignment!r} is not NAME=ID[,ID...]")
        parsed.setdefault(name.strip(), []).extend(i.strip() for i in ids.split(",") if i.strip())
    return parsed


@app.command("export")
def export(
    path: Annotated[Path, typer.Argument(help="The corpus (a .jsonl file or a directory of them).")],
    to: Annotated[ExportFormat, typer.Option("--to", help="Output format.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (hf: directory).")],
    split: Annotated[
        list[str] | None,
        typer.Option(
            "--split", help="NAME=ID[,ID...]: these documents form split NAME; the rest is 'train'. Repeatable."
        ),
    ] = None,
    dev_fraction: Annotated[
        float | None,
        typer.Option(
            help=f"Put this share of the documents in a 'dev' split (e.g. {CORPUS_DEV_FRACTION}), by id hash."
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of --dev-fraction.")] = CORPUS_SPLIT_SEED,
) -> None:
    """Write the corpus as spaCy DocBin, Hugging Face DatasetDict, CoNLL IOB2 or JSONL.

    With several splits, the file formats write a directory OUTPUT of `<split>.<suffix>` files.
    """
    with command_errors():
        check_output_folder(output.parent, what=str(output))
    try:
        records = load_any(path)
        if split and dev_fraction is not None:
            raise CorpusError("give either --split or --dev-fraction, not both")
        if split:
            splits = assign_splits(records, _parse_assignments(split))
        elif dev_fraction is not None:
            train, dev = split_records(records, dev_fraction=dev_fraction, seed=seed)
            splits = {name: part for name, part in (("train", train), ("dev", dev)) if part}
        else:
            splits = {"train": records}
        sizes = export_records(splits, output, to.value)
    except (CorpusError, ValueError, OSError) as err:
        raise _fail(err, path) from None
    parts = ", ".join(f"{name}: {n}" for name, n in sizes.items())
    typer.echo(f"{output}: {sum(sizes.values())} documents as {to.value} ({parts})", err=True)


#: Exports of annotation tools: values recomputed, validated, merged with --into.
ANNOTATION_SOURCES = ("label-studio", "doccano", "prodigy")


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="A corpus in another format, or an annotation tool's export.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="JSONL file to write.")] = None,
    fmt: Annotated[ImportSource | None, typer.Option("--from", help="Input format (default: from its name).")] = None,
    into: Annotated[
        Path | None,
        typer.Option(help="label-studio/doccano/prodigy: add the documents to this corpus directory."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="With --into: overwrite documents whose id the corpus has already.")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many records.")] = None,
    split: Annotated[str | None, typer.Option(help="hf: read only this split.")] = None,
    sentences_per_record: Annotated[
        int, typer.Option(help="swedish-ner: sentences per record.")
    ] = SWEDISH_NER_SENTENCES_PER_RECORD,
) -> None:
    """Read a corpus from hf, spacy, conll, jsonl or the Swedish NER corpus and write it as JSONL records.

    From an annotation tool (--from label-studio|doccano|prodigy), the corrected documents get
    their values from the rule components, are validated and are added to the corpus directory
    --into (or written to --output). Every problem of every task is listed (one line each) and
    such a task is left out; exit code 1 if any was, 2 if no task could be imported.
    """
    if fmt is not None and fmt.value in ANNOTATION_SOURCES:
        _import_annotations(path, fmt.value, into=into, output=output, replace=replace)
        return
    if into is not None or replace:
        raise _fail(ValueError("--into and --replace are for --from label-studio, doccano or prodigy; use --output"))
    if output is None:
        raise _fail(ValueError("give --output FILE"))
    with command_errors():
        check_output_folder(output.parent, what=str(output))
    try:
        records = load_any(
            path,
            None if fmt is None else fmt.value,
            limit=limit,
            split=split,
            sentences_per_record=sentences_per_record,
        )
        write_records(records, output)
    except (CorpusError, ValueError, OSError) as err:
        raise _fail(err) from None
    spans = sum(len(r.spans) for r in records)
    typer.echo(f"{output}: {len(records)} documents, {spans} spans", err=True)


def _import_annotations(path: Path, fmt: str, *, into: Path | None, output: Path | None, replace: bool) -> None:
    from ..annotate import import_export, prepare

    if (into is None) == (output is None):
        raise _fail(ValueError(f"--from {fmt}: give either --into CORPUS_DIR or --output FILE"))
    with command_errors():
        check_output_folder(into if into is not None else output.parent)  # type: ignore[union-attr]
    try:
        if into is not None:
            report = import_export(path, fmt, into, replace=replace)
            problems = report.problems
            imported = len(report.added) + len(report.replaced) + len(report.unchanged)
            done = (
                f"{into}: {len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged"
            )
        else:
            good, problems = prepare(path, fmt)
            imported = len(good)
            if good:
                write_records([record for _, record in good], output)  # type: ignore[arg-type]
            done = f"{output}: {len(good)} documents"
    except (CorpusError, OSError) as err:
        raise _fail(err) from None
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    left_out = len({(p.path, p.task) for p in problems})
    typer.echo(f"{done}, {left_out} tasks left out ({len(problems)} problems)", err=True)
    if problems:
        raise typer.Exit(code=EXIT_PARTIAL if imported else EXIT_USAGE)
