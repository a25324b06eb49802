"""What every ``famhbg`` command shares: exit codes, loading a pipeline, option types, help format,
checking an output location before the work starts.

Exit codes (the same for every command; shown in each command's ``--help`` and in README):

* ``0`` success;
* ``1`` some inputs failed (each reported on stderr with its path and the reason) and the
  rest was done and written;
* ``2`` bad usage, or nothing could be done (no input could be read, the pipeline cannot be
  loaded, the output cannot be written); nothing is written;
* ``130`` interrupted (Ctrl-C): no traceback, no half-written output file.
"""

from __future__ import annotations

import os
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup

from ..annotate.formats import READ_FORMATS, WRITE_FORMATS
from ..corpus.convert import EXPORT_FORMATS, IMPORT_FORMATS
from ..pipeline import RULES, SHIPPED

if TYPE_CHECKING:
    from spacy.language import Language

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 some inputs failed (reported on stderr) and the rest was written; "
    "2 bad usage or nothing could be done (nothing written); 130 interrupted (no half-written output)."
)


#: What stands for standard input among the input paths.
STDIN = "-"


class CommandError(Exception):
    """A problem that stops a command: ``str()`` is the message, ``code`` the exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``error: message`` on stderr and return the ``typer.Exit`` to raise."""
    typer.echo(f"error: {message.rstrip('.')}.", err=True)
    return typer.Exit(code=code)


def warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


@contextmanager
def command_errors() -> Iterator[None]:
    """Turn a :class:`CommandError` raised inside into its message and exit code."""
    try:
        yield
    except CommandError as err:
        raise fail(str(err), err.code) from None


#: Values a user may write after a flag that takes none (``-q true``).
_BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})


def check_flag_values(inputs: list[str], *, flags: tuple[str, ...]) -> None:
    """Refuse an input named like a boolean that is no file: a value given to a flag (``-q true``)."""
    for item in inputs:
        if item.lower() in _BOOLEAN_WORDS and not Path(item).exists():
            short = flags[0].split("/")[0]
            verb = "takes" if len(flags) == 1 else "take"
            raise CommandError(
                f"{item!r} is not a file or folder; {' and '.join(flags)} {verb} no value "
                f"(write {short}, not {short} {item})"
            )


# --- pipelines ------------------------------------------------------------------------------


def check_model(name: str | None) -> None:
    """Raise :class:`CommandError` unless ``name`` is ``shipped``, ``rules``, or a pipeline directory."""
    if name is None or name in (SHIPPED, RULES):
        return
    path = Path(name)
    if not path.exists():
        raise CommandError(f"{name}: no such pipeline directory (or use '{SHIPPED}' or '{RULES}')")
    if not (path / "config.cfg").is_file():
        raise CommandError(f"cannot load the pipeline from {name}: no config.cfg there")


def load_model(name: str | None) -> Language:
    """The pipeline named by a ``--model`` value: ``shipped`` (or none: the packaged trained
    pipeline), ``rules`` (the rule components only) or a pipeline directory."""
    from ..pipeline import load

    check_model(name)
    try:
        return load(name)
    except (OSError, ValueError, KeyError) as err:
        where = "" if name in (None, SHIPPED, RULES) else f" from {name}"
        raise CommandError(f"cannot load the pipeline{where}: {err}") from err


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="shipped|rules|DIR",
        help="The pipeline: 'shipped' (the trained one in the package, the default), 'rules' (rule components "
        "only) or a pipeline directory.",
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def choices(name: str, values: Sequence[str]) -> type[Enum]:
    """A ``str`` enum of ``values`` for an option, so that ``--help`` lists them and Typer checks them."""
    return Enum(name, {value.replace("-", "_"): value for value in values}, type=str)  # type: ignore[return-value]


#: The formats of the corpus commands, ``evaluate`` and ``annotate``, built from the tuples of the
#: modules that read and write them (one list each); the type checker sees plain ``str`` enums.
if TYPE_CHECKING:

    class ExportFormat(str, Enum): ...

    class ImportFormat(str, Enum): ...

    class ImportSource(str, Enum): ...

    class TaskFormat(str, Enum): ...

else:
    ExportFormat = choices("ExportFormat", EXPORT_FORMATS)
    ImportFormat = choices("ImportFormat", IMPORT_FORMATS)
    ImportSource = choices("ImportSource", (*IMPORT_FORMATS, *READ_FORMATS))
    TaskFormat = choices("TaskFormat", WRITE_FORMATS)


# --- output locations -------------------------------------------------------------------------


def check_output_file(path: str | Path) -> None:
    """Raise :class:`CommandError` unless a file can be written at ``path`` (checked before the work)."""
    target = Path(path)
    if target.is_dir():
        raise CommandError(f"{path}: is a folder; give a file name")
    check_output_folder(target.parent, what=str(path))


def check_output_folder(path: str | Path, *, what: str | None = None) -> None:
    """Raise :class:`CommandError` unless files can be written in the folder ``path`` (created if missing)."""
    folder = Path(path)
    what = what or str(path)
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise CommandError(f"cannot write {what}: {probe} is a file, not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise CommandError(f"cannot write {what}: no permission to write in {probe}")


# --- help: plain metavars ---------------------------------------------------------------------

_TYPE_NAMES = {int: "INTEGER", float: "NUMBER", str: "TEXT", bool: "BOOLEAN"}


def _plain_type(param: Any, ctx: Any) -> str | None:
    """``TEXT``, ``PATH``, ``INTEGER``, ``[json|csv]`` (click's style) instead of ``<list[Path]>``."""
    if param.metavar is not None:
        return None if isinstance(param, TyperArgument) else param.metavar
    if getattr(param, "is_flag", False):
        return None
    desc = param.type_descriptor
    if desc.is_choice and desc.choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices) + "]"
    if isinstance(param, TyperArgument):
        return None  # the argument's name is shown
    if desc.is_path:
        return "PATH"
    annotation = desc.annotation
    args = getattr(annotation, "__args__", None)
    if desc.is_list and args:
        annotation = args[0]
    if isinstance(annotation, type) and issubclass(annotation, os.PathLike):
        return "PATH"
    return _TYPE_NAMES.get(annotation, "VALUE") if isinstance(annotation, type) else "VALUE"


def _usage_name(param: Any) -> str:
    name = param.metavar or param.name.upper()
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name if param.required else f"[{name}]"


def _plain_param(param: Any) -> None:
    if isinstance(param, TyperArgument) and param.metavar is None:
        param.metavar = param.name.upper() + ("..." if param.nargs != 1 else "")
    if hasattr(param, "type_descriptor"):
        setattr(param, "display_type_rich", types.MethodType(_plain_type, param))  # noqa: B010 - on this instance
    if isinstance(param, TyperArgument):
        setattr(param, "_usage_display_name", types.MethodType(_usage_name, param))  # noqa: B010


def plain_help(command: Any) -> Any:
    """``command`` (and its sub-commands) with click-style metavars and the exit codes in the epilog."""
    if getattr(command, "_famhbg_plain", False):
        return command
    command._famhbg_plain = True
    for param in getattr(command, "params", []):
        _plain_param(param)
    help_option = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = help_option(ctx)
        if option is not None:
            _plain_param(option)
        return option

    command.get_help_option = get_help_option
    if getattr(command, "callback", None) is not None and not getattr(command, "commands", None):
        command.epilog = command.epilog or EXIT_CODES_HELP
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)
    return command


class PlainGroup(TyperGroup):
    """The ``famhbg`` group: every command's help in :func:`plain_help`'s form."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        plain_help(self)
