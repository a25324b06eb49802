"""What every ``famhbg`` command shares: help with plain metavars and the exit codes, one exit-code
convention, the output checked before the work, the umask's permissions, standard input, a clean
Ctrl-C, every problem of every task listed at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import famhbg_nlp
from famhbg_nlp.cli import app

runner = CliRunner()

COMMANDS = [
    ["extract"], ["annotate"], ["train"], ["evaluate"], ["crossval"],
    ["corpus", "validate"], ["corpus", "stats"], ["corpus", "export"], ["corpus", "import"],
]  # fmt: skip
TEXT = "Närvarande:\nAnna Svensson, Ystad\n\n§ 1 Budget\n\nBeslut att bevilja 700 000 kr den 5 mars 2021.\n"


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_plain_metavars_and_the_exit_codes(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for typer_style in ("<bool>", "<list[", "<str>", "<int", "<float>", "<path>", "{"):
        assert typer_style not in result.stdout, (typer_style, result.stdout)
    assert "Exit codes: 0 success; 1 some inputs failed" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    "command,choices",
    [
        (["extract"], "[json|jsonl|csv|html]"),
        (["evaluate"], "[jsonl|spacy|hf|conll|swedish-ner]"),
        (["annotate"], "[label-studio|doccano|prodigy|jsonl]"),
        (["corpus", "export"], "[jsonl|spacy|hf|conll]"),
        (["extract"], "shipped|rules|DIR"),
    ],
    ids=["extract --format", "evaluate --data-format", "annotate --to", "export --to", "--model"],
)
def test_help_lists_the_allowed_values(command, choices):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert choices in result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_bad_usage_exits_2(command):
    result = runner.invoke(app, [*command, "--no-such-option"])
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_a_value_after_a_flag_is_bad_usage_not_an_input(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", "-q", "true", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "'true' is not a file or folder; -q/--quiet takes no value (write -q, not -q true)" in result.stderr


@pytest.fixture
def no_model_loading(monkeypatch):
    """Fail if a command loads a pipeline: the checks must come before the work."""
    import famhbg_nlp.cli._util as util

    def refuse(name):  # pragma: no cover - reached only when the order is wrong
        raise AssertionError("the pipeline was loaded before the output was checked")

    monkeypatch.setattr(util, "load_model", refuse)
    for module in ("famhbg_nlp.cli.extract", "famhbg_nlp.cli.annotate"):
        monkeypatch.setattr(sys.modules[module], "load_model", refuse)


@pytest.mark.parametrize(
    "command", [["extract", "-f", "json"], ["annotate", "--to", "doccano"]], ids=["extract", "annotate"]
)
@pytest.mark.parametrize("where", ["under a file", "a folder"])
def test_the_output_is_checked_before_the_work(tmp_path, no_model_loading, command, where):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "blocker").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    output = tmp_path / ("blocker/out.json" if where == "under a file" else "folder")
    result = runner.invoke(app, [*command, str(tmp_path / "a.txt"), "-o", str(output)])
    assert result.exit_code == 2, result.output
    expected = (
        f"{tmp_path / 'blocker'} is a file, not a folder"
        if where == "under a file"
        else "is a folder; give a file name"
    )
    assert expected in result.stderr


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_outputs_get_the_umask_permissions(tmp_path, umask):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    previous = os.umask(umask)
    try:
        single = runner.invoke(
            app, ["extract", str(tmp_path / "a.txt"), "--model", "rules", "-o", str(tmp_path / "out.json")]
        )
        pages = runner.invoke(
            app, ["extract", str(tmp_path / "a.txt"), "--model", "rules", "-f", "html", "-o", f"{tmp_path / 'pages'}/"]
        )
    finally:
        os.umask(previous)
    assert single.exit_code == pages.exit_code == 0, single.output + pages.output
    for path in (tmp_path / "out.json", tmp_path / "pages" / "a.html", tmp_path / "pages" / "index.html"):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_standard_input(name):
    result = runner.invoke(app, ["extract", name, "--model", "rules", "-f", "jsonl"], input=TEXT.encode("cp1252"))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["path"] == "-"
    assert ("MUNICIPALITY", "Ystad") in {(e["label"], e["text"]) for e in document["entities"]}
    assert "warning: -: not UTF-8" in result.stderr  # the reader's message, naming stdin as "-"


def test_annotate_reads_standard_input(tmp_path):
    out = tmp_path / "tasks.jsonl"
    result = runner.invoke(app, ["annotate", "-", "--to", "doccano", "-o", str(out), "--model", "rules"], input=TEXT)
    assert result.exit_code == 0, result.output
    [task] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert task["text"] == TEXT and task["doc_id"] == "stdin"


# --- every problem of every task, in one run ----------------------------------------------------


def test_corpus_import_lists_every_problem_of_every_task(tmp_path):
    text = "Mötet i Ystad beviljade 700 000 kr."
    good = {"text": text, "label": [[8, 13, "MUNICIPALITY"], [24, 34, "AMOUNT"]], "doc_id": "good"}
    two_bad_spans = {"text": text, "label": [[8, 13, "LOC"], [24, 99, "AMOUNT"], [24, 34, "AMOUNT"]], "doc_id": "a"}
    bad_and_edge = {"text": text, "label": [[7, 13, "MUNICIPALITY"], [0, 5, "WHAT"], "nonsense"], "doc_id": "b"}
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(t) + "\n" for t in (two_bad_spans, good, bad_and_edge)), encoding="utf-8")
    result = runner.invoke(
        app, ["corpus", "import", str(export), "--from", "doccano", "--into", str(tmp_path / "corpus")]
    )
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    task1 = [e for e in errors if "task 1, document a:" in e]
    task3 = [e for e in errors if "task 3, document b:" in e]
    assert len(task1) == 2 and "unknown label 'LOC'" in task1[0] and "outside the text" in task1[1]
    assert len(task3) == 4, task3  # the unknown label, the broken item, and the edge and value of the good span
    assert any("WHAT" in e for e in task3) and any("'nonsense'" in e for e in task3)
    assert any("edge of the span" in e for e in task3) and any("value must be a name" in e for e in task3)
    assert "1 added, 0 replaced, 0 unchanged, 2 tasks left out (6 problems)" in result.stderr


def test_corpus_import_with_no_good_task_exits_2(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps({"text": "Ystad", "label": [[0, 5, "LOC"]]}) + "\n", encoding="utf-8")
    result = runner.invoke(
        app, ["corpus", "import", str(export), "--from", "doccano", "-o", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out.jsonl").exists()


# --- Ctrl-C -----------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to see the worker processes")
@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_cleanly(tmp_path, workers):
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for i in range(2500):
        (inputs / f"doc{i:04d}.txt").write_text(TEXT.replace("700", str(i)), encoding="utf-8")
    out = tmp_path / "out" / "result.json"
    spool = tmp_path / "tmp"
    spool.mkdir()
    command = [sys.executable, "-c", "from famhbg_nlp.cli import main; main()", "extract", str(inputs)]
    command += ["--model", "rules", "-j", str(workers), "-o", str(out)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "TMPDIR": str(spool)},
    )  # fmt: skip
    try:
        started = time.monotonic()
        # the command runs once it made its folder for standard input; the workers once they exist
        while time.monotonic() - started < 120 and not (
            any(spool.glob("famhbg-stdin-*")) and len(_children(process.pid)) >= (0 if workers == 1 else workers)
        ):
            time.sleep(0.05)
        time.sleep(1.5)
        children = _children(process.pid)
        assert process.poll() is None, "the run ended before Ctrl-C: give it more work"
        os.killpg(process.pid, signal.SIGINT)  # what the terminal does: the whole process group
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:  # pragma: no cover
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "interrupted; nothing written." in stderr
    assert not out.parent.exists() or list(out.parent.iterdir()) == [], "no output, no temporary file"
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() for pid in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(Path(f"/proc/{pid}").exists() for pid in children), "worker processes left running"


def test_the_api_and_the_cli_agree_on_a_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="typo.txt"):
        famhbg_nlp.parse(tmp_path / "typo.txt", nlp=famhbg_nlp.blank())
    result = runner.invoke(app, ["extract", str(tmp_path / "typo.txt")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'typo.txt'}: not found",
        "error: the input could not be read; nothing written.",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["train", "--output", "{blocker}/model", "--synthetic", "1"],
        ["crossval", "--json", "{blocker}/scores.json", "--synthetic", "1"],
        ["evaluate", "rules", "{corpus}", "--json", "{blocker}/scores.json"],
    ],
    ids=["train --output", "crossval --json", "evaluate --json"],
)
def test_training_outputs_are_checked_before_the_work(tmp_path, request, args):
    root = Path(request.config.rootpath)
    (tmp_path / "blocker").write_text("x", encoding="utf-8")
    filled = [a.format(blocker=tmp_path / "blocker", corpus=root / "corpus" / "gold.jsonl") for a in args]
    started = time.monotonic()
    result = runner.invoke(
        app, [*filled, "--config", str(root / "configs" / "cnn.cfg")] if args[0] != "evaluate" else filled
    )
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'blocker'} is a file, not a folder" in result.stderr
    assert time.monotonic() - started < 10, "failed only after the work"
