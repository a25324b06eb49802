"""``famhbg train``, ``famhbg evaluate``, ``famhbg crossval``: thin wrappers over :mod:`famhbg_nlp.training`."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..defaults import LABELS, SEED, SYNTHETIC_DOCS
from ._util import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    CommandError,
    ImportFormat,
    check_output_file,
    check_output_folder,
    load_model,
)

#: Exit code for bad input (unreadable corpus, misaligned span, unknown label ...).
EXIT_BAD_INPUT = EXIT_USAGE

DEFAULT_CONFIG = Path("configs/cnn.cfg")

# Options shared by ``train`` and ``crossval``.
ExtraOption = Annotated[
    list[Path] | None,
    typer.Option(help="Another corpus for the training mix, annotated only for --extra-labels (repeatable)."),
]
ExtraLabelsOption = Annotated[
    str | None, typer.Option(help="Labels annotated in --extra (default PERSON,ORG); rules fill in the rest.")
]
ExtraLimitOption = Annotated[int | None, typer.Option(help="Use a seeded sample of this many --extra records.")]
GoldRepeatOption = Annotated[int | None, typer.Option(help="Copies of each gold document in the training mix.")]


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


class GroupBy(str, Enum):
    """What a cross-validation fold holds out together (``famhbg_nlp.corpus.GROUP_KEYS``)."""

    document = "document"
    body = "body"
    municipality = "municipality"


def _structure_gold(directory: Path) -> dict[str, Any]:
    """The structure gold in ``directory`` (empty when there is none)."""
    from ..corpus.structure import read_structure_gold

    return read_structure_gold(directory) if directory.is_dir() else {}


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code=EXIT_BAD_INPUT)


def _existing(path: Path) -> Path:
    """``path``, or the command fails when there is nothing there."""
    if not path.exists():
        raise _fail(f"{path}: no such file or directory.")
    return path


def _read_all(paths: list[Path] | None, read: Callable[[Path], Iterable[Any]]) -> list[Any]:
    """The records ``read`` gives for every path of ``paths``, in order."""
    return [record for path in paths or [] for record in read(_existing(path))]


def _sample(records: list[Any], size: int, seed: int) -> list[Any]:
    """A seeded sample of ``size`` records, in their order."""
    keep = sorted(random.Random(seed).sample(range(len(records)), size))
    return [records[i] for i in keep]


def _read_gold(paths: list[Path] | None) -> list[Any]:
    from ..corpus import read_records

    return _read_all(paths, read_records)


def _read_extra(paths: list[Path] | None, labels: str | None, limit: int | None, seed: int) -> list[Any]:
    """Records of partially annotated corpora (``load_any``), completed with rule spans."""
    from ..corpus import load_any
    from ..training import complete_with_rules

    annotated = _labels(labels or "PERSON,ORG")
    records = _read_all(paths, load_any)
    if limit is not None and 0 <= limit < len(records):
        records = _sample(records, limit, seed)
    return complete_with_rules(records, annotated=annotated) if records else []


def _labels(value: str | None) -> tuple[str, ...]:
    if not value:
        return tuple(LABELS)
    labels = tuple(label.strip().upper() for label in value.split(",") if label.strip())
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise _fail(f"--labels: unknown label(s) {', '.join(unknown)}; expected some of {', '.join(LABELS)}.")
    return labels


def _overrides(settings: list[str] | None) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for item in settings or []:
        key, sep, raw = item.partition("=")
        if not sep or "." not in key:
            raise _fail(f"--set {item!r}: expected section.key=value, e.g. training.dropout=0.2.")
        try:
            overrides[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key.strip()] = raw
    return overrides


def _check_config(config: Path) -> None:
    if not config.is_file():
        raise _fail(f"{config}: config file not found (run from the repository root or pass --config).")


def _check_outputs(*files: Path | None, folder: Path | None = None) -> None:
    """Fail now, before training or scoring, if an output cannot be written."""
    try:
        for file in files:
            if file is not None:
                check_output_file(file)
        if folder is not None:
            check_output_folder(folder)
    except CommandError as err:
        raise _fail(f"error: {err}.") from None


def _write_json(path: Path | None, data: Any) -> None:
    if path is not None:
        from ..extract import write_atomic

        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def train(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory the trained pipeline is written to (spacy.load(DIR)).")
    ],
    config: Annotated[Path, typer.Option("--config", "-c", help="Training config.")] = DEFAULT_CONFIG,
    gold: Annotated[
        list[Path] | None, typer.Option(help="Gold corpus: a .jsonl file or a directory of them (repeatable).")
    ] = None,
    synthetic: Annotated[int, typer.Option(help="Number of synthetic documents in the training mix.")] = SYNTHETIC_DOCS,
    seed: Annotated[int, typer.Option(help="Seed of spaCy and of the synthetic generator.")] = SEED,
    gpu_id: Annotated[int, typer.Option("--gpu-id", help="GPU to train on; -1 for CPU.")] = -1,
    max_steps: Annotated[int | None, typer.Option(help="Training steps (default: the config's).")] = None,
    dev_gold: Annotated[list[Path] | None, typer.Option(help="Gold documents for the dev set (repeatable).")] = None,
    extra: ExtraOption = None,
    extra_labels: ExtraLabelsOption = None,
    extra_limit: ExtraLimitOption = None,
    gold_repeat: GoldRepeatOption = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Config override section.key=value (repeatable).")
    ] = None,
) -> None:
    """Train a pipeline on gold + synthetic documents and write it to --output.

    The final pipeline (last training step) is written directly into --output and
    includes the rule components; load it with spacy.load(OUTPUT) or famhbg_nlp.load(OUTPUT).
    """
    from ..corpus import CorpusError
    from ..defaults import GOLD_REPEAT
    from ..training import synthetic_records, train_pipeline

    _check_config(config)
    _check_outputs(folder=output)
    overrides = _overrides(set_)
    try:
        gold_records = _read_gold(gold)
        dev_records = _read_gold(dev_gold)
        synth = synthetic_records(synthetic, seed=seed)
        extra_records = _read_extra(extra, extra_labels, extra_limit, seed)
        typer.echo(
            f"{len(gold_records)} gold, {len(synth)} synthetic, {len(extra_records)} extra, "
            f"{len(dev_records)} dev-gold documents",
            err=True,
        )
        result = train_pipeline(
            config,
            output,
            gold=gold_records,
            synthetic=synth,
            extra=extra_records,
            dev_gold=dev_records,
            seed=seed,
            gpu_id=gpu_id,
            max_steps=max_steps,
            gold_repeat=GOLD_REPEAT if gold_repeat is None else gold_repeat,
            overrides=overrides,
            sources=[f"gold: {p}" for p in gold or []] + [f"extra: {Path(p).name}" for p in extra or []],
        )
    except CorpusError as err:
        raise _fail(str(err)) from None
    except (ValueError, FileExistsError) as err:
        raise _fail(str(err)) from None
    typer.echo(f"Pipeline written to {result.output} ({result.seconds:.0f} s).", err=True)


def _load_model(name: str):
    try:
        return load_model(name)
    except CommandError as err:
        raise _fail(f"error: {err}.") from None


def _load_data(path: Path, fmt: str | None, limit: int | None, seed: int) -> list[Any]:
    from ..corpus import load_any

    records = list(load_any(_existing(path), fmt=fmt))
    if limit is not None and 0 < limit < len(records):  # --limit 0 scores everything
        records = _sample(records, limit, seed)
    return records


def evaluate(
    model: Annotated[
        str, typer.Argument(help="Pipeline directory, or 'shipped' (the packaged model) or 'rules' (rules only).")
    ],
    data: Annotated[
        Path, typer.Argument(help="Gold data: corpus JSONL (file or dir), an HF dataset dir, or the news corpus.")
    ],
    compare: Annotated[
        str | None, typer.Option(help="A second pipeline to score on the same data, with deltas.")
    ] = None,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the scores as JSON here.")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="What to print.")] = OutputFormat.table,
    labels: Annotated[str | None, typer.Option(help="Score only these labels, e.g. PERSON,ORG.")] = None,
    limit: Annotated[int | None, typer.Option(help="Score a seeded random sample of this many documents.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the --limit sample.")] = SEED,
    data_format: Annotated[
        ImportFormat | None, typer.Option(help="Format of DATA when it cannot be guessed from its name.")
    ] = None,
    use_gold_meeting_date: Annotated[
        bool, typer.Option(help="Give the dates component meta.meeting_date instead of letting it infer the date.")
    ] = False,
    errors: Annotated[int, typer.Option(help="Also print this many error examples.")] = 0,
    structure: Annotated[
        bool,
        typer.Option(help="Also score parse() against the structure gold (the structure/ folder beside DATA)."),
    ] = False,
) -> None:
    """Entity-level P/R/F1 per label (seqeval, strict IOB2), value accuracy and label confusions."""
    from ..corpus import CorpusError
    from ..corpus.structure import format_structure, structure_dir
    from ..training import evaluate_pipeline, format_comparison, format_scores
    from ..training.evaluate import compare_results

    scored = _labels(labels)
    _check_outputs(json_path)
    try:
        records = _load_data(data, None if data_format is None else data_format.value, limit, seed)
        structure_gold = _structure_gold(structure_dir(data)) if structure else None
    except (CorpusError, ValueError) as err:
        raise _fail(str(err)) from None
    results = {}
    for name in [model] + ([compare] if compare else []):
        nlp = _load_model(name)
        results[name] = evaluate_pipeline(
            nlp, records, labels=scored, use_gold_meeting_date=use_gold_meeting_date, structure_gold=structure_gold
        )
        results[name]["model"] = name
        results[name]["data"] = str(data)
    output: dict[str, Any] = dict(results[model])
    if compare:
        output = {
            "a": results[model],
            "b": results[compare],
            "delta": compare_results(results[model], results[compare]),
        }
    _write_json(json_path, output)
    if format is OutputFormat.json:
        typer.echo(json.dumps(output, ensure_ascii=False, indent=2, default=str))
    else:
        for name, result in results.items():
            typer.echo(format_scores(result, title=f"== {name} on {data}"))
            typer.echo("")
            if result.get("structure"):
                typer.echo(format_structure(result["structure"]))
                typer.echo("")
            for example in result["errors"][:errors]:
                typer.echo(json.dumps(example, ensure_ascii=False, default=str))
        if compare:
            typer.echo(format_comparison(results[model], results[compare], names=(model, compare)))
    if any(result["failed"] for result in results.values()):
        raise typer.Exit(code=EXIT_PARTIAL)


def crossval(
    gold: Annotated[list[Path] | None, typer.Option(help="Gold corpus (repeatable); default corpus/.")] = None,
    synthetic: Annotated[
        int, typer.Option(help="Synthetic documents added to every fold's training data.")
    ] = SYNTHETIC_DOCS,
    config: Annotated[Path, typer.Option("--config", "-c", help="Training config.")] = DEFAULT_CONFIG,
    seed: Annotated[int, typer.Option(help="Seed of spaCy and of the synthetic generator.")] = SEED,
    max_steps: Annotated[
        int | None, typer.Option(help="Training steps per fold (default: defaults.CROSSVAL_MAX_STEPS).")
    ] = None,
    gold_repeat: GoldRepeatOption = None,
    extra: ExtraOption = None,
    extra_labels: ExtraLabelsOption = None,
    extra_limit: ExtraLimitOption = None,
    labels: Annotated[str | None, typer.Option(help="Score only these labels, e.g. PERSON,ORG.")] = None,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the results as JSON here.")] = None,
    use_gold_meeting_date: Annotated[bool, typer.Option(help="Give the dates component meta.meeting_date.")] = False,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Config override section.key=value (repeatable).")
    ] = None,
    verbose: Annotated[bool, typer.Option(help="Show spaCy's training table of every fold.")] = False,
    group_by: Annotated[
        GroupBy, typer.Option(help="What a fold holds out together: never split between train and test.")
    ] = GroupBy.document,
    folds: Annotated[
        int | None, typer.Option(help="Number of folds (groups dealt evenly); default one group per fold.")
    ] = None,
    structure: Annotated[
        bool,
        typer.Option(help="Also score parse() on held-out documents against the structure gold (GOLD/structure/)."),
    ] = True,
) -> None:
    """Cross-validation grouped by document, body or municipality; ablations rules / NER / NER + rules."""
    import sys

    from ..corpus import CorpusError
    from ..corpus.structure import structure_dir
    from ..defaults import CROSSVAL_MAX_STEPS, GOLD_REPEAT
    from ..training import crossval as run_crossval
    from ..training import format_crossval, synthetic_records

    _check_config(config)
    scored = _labels(labels)
    _check_outputs(json_path)
    overrides = _overrides(set_)
    try:
        gold_paths = gold or [Path("corpus")]
        gold_records = _read_gold(gold_paths)
        structure_gold = {}
        if structure:
            for path in gold_paths:
                structure_gold.update(_structure_gold(structure_dir(path)))
        synth = synthetic_records(synthetic, seed=seed)
        extra_records = _read_extra(extra, extra_labels, extra_limit, seed)
        result = run_crossval(
            gold_records,
            config=config,
            synthetic=synth,
            extra=extra_records,
            seed=seed,
            max_steps=CROSSVAL_MAX_STEPS if max_steps is None else max_steps,
            gold_repeat=GOLD_REPEAT if gold_repeat is None else gold_repeat,
            labels=scored,
            use_gold_meeting_date=use_gold_meeting_date,
            overrides=overrides,
            group_by=group_by.value,
            n_folds=folds,
            structure_gold=structure_gold or None,
            train_log=sys.stderr if verbose else None,
        )
    except (CorpusError, ValueError) as err:
        raise _fail(str(err)) from None
    _write_json(json_path, result)
    typer.echo(format_crossval(result))
