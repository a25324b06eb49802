"""No regular expression of the package backtracks catastrophically.

Every compiled pattern held by a module of the package (alone, in a tuple, list or dict, or as a
``.regex`` of a form object), and every literal pattern written inside a function, is searched, matched and iterated over every hostile text under a
time bound. An exponential pattern never finishes on these texts; a quadratic one with a large
constant takes seconds. The bound is generous so that a loaded machine does not fail the test:
it separates "linear" from "catastrophic", the speed itself is measured in ``bench/``.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from robustness.hostile import hostile_texts, time_limit

import famhbg_nlp

#: Seconds for one pattern on all the hostile texts.
BOUND = 5.0

#: Modules never imported here: optional heavy dependencies, the shipped model's data.
SKIP_PREFIXES = ("famhbg_nlp.models",)


def _patterns_of(name: str, value: object) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        yield name, value
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            if isinstance(item, re.Pattern):
                yield f"{name}[{i}]", item
            elif isinstance(getattr(item, "regex", None), re.Pattern):
                yield f"{name}[{i}].regex", item.regex
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, re.Pattern):
                yield f"{name}[{key!r}]", item


def package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every distinct compiled pattern at module level in the package, named ``module.NAME``."""
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(famhbg_nlp.__path__, "famhbg_nlp."):
        if info.name.startswith(SKIP_PREFIXES):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for attr, value in vars(module).items():
            for name, pattern in _patterns_of(f"{info.name}.{attr}", value):
                found.setdefault(id(pattern), (name, pattern))
    return sorted(found.values(), key=lambda item: item[0])


_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
_RE_FLAGS = {"I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE", "A", "ASCII"}


def inline_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Literal patterns written inside functions (``re.fullmatch(r"...", line)``), named
    ``file:line:function`` (the function says how the pattern is used, see :func:`exercise`)."""
    found = []
    root = Path(famhbg_nlp.__file__).parent
    for path in sorted(root.rglob("*.py")):
        if "models" in path.relative_to(root).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in _RE_FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            flags = 0
            for sub in ast.walk(
                ast.Module(
                    body=[ast.Expr(a) for a in [*node.args[1:], *(k.value for k in node.keywords)]], type_ignores=[]
                )
            ):
                if (
                    isinstance(sub, ast.Attribute)
                    and isinstance(sub.value, ast.Name)
                    and sub.value.id == "re"
                    and sub.attr in _RE_FLAGS
                ):
                    flags |= getattr(re, sub.attr)
            name = f"{path.relative_to(root.parent).as_posix()}:{node.lineno}:{node.func.attr}"
            found.append((name, re.compile(node.args[0].value, flags)))
    return found


def table_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Patterns a component builds from its tables (the packaged ones)."""
    from famhbg_nlp.pipes.dates.patterns import packaged_cues

    cues = packaged_cues()
    return [
        (f"famhbg_nlp.pipes.dates.patterns.packaged_cues().{field}", getattr(cues, field))
        for field in ("other_day_label", "meeting_mention")
    ]


def all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Module-level and inline patterns, each distinct pattern once (the module-level name first)."""
    seen: set[tuple[str, int]] = set()
    patterns = []
    for name, pattern in package_patterns() + inline_patterns() + table_patterns():
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            patterns.append((name, pattern))
    return patterns


PATTERNS = all_patterns()
TEXTS = list(hostile_texts())


def test_the_package_has_patterns_to_check():
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) > 50
    assert any(name.startswith("famhbg_nlp.pipes.dates.patterns.FORMS") for name in names)
    assert "famhbg_nlp.pipes.dates.patterns.LETTERHEAD_BEFORE" in names
    assert "famhbg_nlp.pipes.dates.patterns.packaged_cues().meeting_mention" in names
    assert any(name.startswith("famhbg_nlp/protocol/") and ":" in name for name in names)  # inline ones


def exercise(name: str, pattern: re.Pattern[str], text: str) -> None:
    """Use ``pattern`` on ``text`` as the package does: anchored where it is only ever used with
    ``re.match``/``re.fullmatch``, else searched from every position (which also covers anchored use)."""
    use = name.rsplit(":", 1)[-1]
    if use == "match":
        pattern.match(text)
    elif use == "fullmatch":
        pattern.fullmatch(text)
    else:
        for _match in pattern.finditer(text):
            pass
        pattern.match(text)
        pattern.fullmatch(text)
        pattern.search(text, len(text) // 2)


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[name.removeprefix("famhbg_nlp.") for name, _ in PATTERNS])
def test_pattern_is_linear_on_hostile_text(name, pattern):
    with time_limit(BOUND, f"{name} on the hostile texts"):
        for _, text in TEXTS:
            exercise(name, pattern, text)
