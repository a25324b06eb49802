"""No regular expression of the package backtracks catastrophically.

Every compiled pattern held by a module of the package (alone, in a tuple, list or dict, or as a
``.regex`` of a form object) is searched, matched and iterated over every hostile text under a
time bound. An exponential pattern never finishes on these texts; a quadratic one with a large
constant takes seconds. The bound is generous so that a loaded machine does not fail the test:
it separates "linear" from "catastrophic", the speed itself is measured in ``bench/``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

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


PATTERNS = package_patterns()
TEXTS = list(hostile_texts())


def test_the_package_has_patterns_to_check():
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) > 50
    assert any(name.startswith("famhbg_nlp.pipes.dates.patterns.FORMS") for name in names)
    assert "famhbg_nlp.pipes.dates.patterns.LETTERHEAD_BEFORE" in names


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[name.removeprefix("famhbg_nlp.") for name, _ in PATTERNS])
def test_pattern_is_linear_on_hostile_text(name, pattern):
    with time_limit(BOUND, f"{name} on the hostile texts"):
        for _, text in TEXTS:
            for _match in pattern.finditer(text):
                pass
            pattern.match(text)
            pattern.search(text, len(text) // 2)
