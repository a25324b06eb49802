"""The entity labels, each described once: the registry everything else reads.

One :class:`LabelSpec` per label of the annotation scheme (``../shared/spec/annotation-scheme.md``)
says what its value is (:class:`ValueType`), which ``Span`` attribute holds the typed value,
its colour and description in the HTML rendering, and whether its value is scored. The span
extensions (:mod:`famhbg_nlp.extensions`), validation (:func:`value_problem`), the HTML
legend, the IOB tag inventory, the annotation-tool configs, evaluation and the CLI all read
this registry when they run, so adding a label is one :func:`register_label` call
(``docs/adding-a-label.md``). The old constants (``defaults.LABELS`` ...) are live views of it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

#: ``check(label, value)``: why ``value`` is not a valid JSON value of ``label``, or ``None``.
ValueCheck = Callable[[str, Any], "str | None"]


@dataclass(frozen=True)
class ValueType:
    """The kind of a label's normalized value in the scheme (the JSON that corpora hold)."""

    name: str
    description: str  # for the legend: "whole kronor"; empty when there is no value
    check: ValueCheck
    has_value: bool = True


def iso_date(value: Any) -> dt.date | None:
    """``value`` as a date if it is a strict ``YYYY-MM-DD`` string of a valid day, else ``None``."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _no_value(label: str, value: Any) -> str | None:
    return None if value is None else f"{label} value must be null, not {value!r}"


def _name(label: str, value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else f"{label} value must be a name, not {value!r}"


def _kronor(label: str, value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else f"{label} value must be an integer number of kronor (0 or more), not {value!r}"


def _date(label: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and iso_date(value)):
        return None
    if isinstance(value, str):
        return f"{label} value {value!r} is not an ISO date (YYYY-MM-DD)"
    if isinstance(value, Mapping):
        if set(value) != {"start", "end"}:
            return f"{label} range value must have exactly 'start' and 'end', not {sorted(value)}"
        start, end = iso_date(value["start"]), iso_date(value["end"])
        if start is None or end is None:
            return f"{label} range value {dict(value)!r} does not hold two ISO dates"
        if end <= start:
            return f"{label} range value {dict(value)!r} does not end after it starts"
        return None
    return f"{label} value must be an ISO date, a {{start, end}} range or null, not {type(value).__name__}"


#: ``null``: the scheme gives the span no value (PERSON, ORG).
NO_VALUE = ValueType("null", "", _no_value, has_value=False)
#: A canonical name (MUNICIPALITY: ``"Ängelholm"``).
NAME_VALUE = ValueType("name", "canonical name", _name)
#: Whole kronor, never negative (AMOUNT: ``1500000``).
KRONOR_VALUE = ValueType("kronor", "whole kronor", _kronor)
#: An ISO date, a ``{"start", "end"}`` range, or ``null`` for a malformed date (DATE).
DATE_VALUE = ValueType("date", "ISO date or range", _date)


@dataclass(frozen=True)
class LabelSpec:
    """Everything the package knows about one label.

    ``attr`` names the ``Span`` extension holding the typed value (its ``to_json()`` is
    ``span._.value``); ``value`` is the scheme's value; ``scored`` says whether evaluation
    scores value accuracy; ``color`` and ``description`` are for the HTML legend.
    """

    name: str
    description: str
    color: str = "#ddd"
    value: ValueType = NO_VALUE
    attr: str | None = None
    scored: bool = False

    def __post_init__(self) -> None:
        if not self.name or any(char.isspace() for char in self.name):
            raise ValueError(f"a label is a non-empty name without whitespace, not {self.name!r}")
        if self.scored and not self.value.has_value:
            raise ValueError(f"{self.name}: a label without a value cannot have its value scored")
        if self.value.has_value and self.attr is None:
            raise ValueError(f"{self.name}: a label with a value needs the Span attribute that holds it (attr)")

    @property
    def legend(self) -> str:
        """``"sum of money (value: whole kronor)"``."""
        return f"{self.description} (value: {self.value.description})" if self.value.has_value else self.description


_REGISTRY: dict[str, LabelSpec] = {}


def register_label(spec: LabelSpec, *, replace: bool = False) -> LabelSpec:
    """Add ``spec`` to the registry (after the labels there); ``replace`` allows redefining a label."""
    old = _REGISTRY.get(spec.name)
    if old is not None and old != spec and not replace:
        raise ValueError(f"label {spec.name!r} is registered already; pass replace=True to redefine it")
    if spec.attr is not None:
        clash = [s.name for s in _REGISTRY.values() if s.attr == spec.attr and s.name != spec.name]
        if clash:
            raise ValueError(f"{spec.name}: attribute {spec.attr!r} belongs to {clash[0]} already")
    _REGISTRY[spec.name] = spec
    return spec


def unregister_label(name: str) -> LabelSpec:
    """Remove label ``name`` from the registry and return its spec."""
    return _REGISTRY.pop(get_label(name).name)


@contextlib.contextmanager
def registered(spec: LabelSpec) -> Iterator[LabelSpec]:
    """``spec`` registered inside the ``with`` block only (tests, experiments)."""
    register_label(spec)
    try:
        yield spec
    finally:
        _REGISTRY.pop(spec.name, None)


def get_label(name: str) -> LabelSpec:
    """The spec of ``name``; ``KeyError`` naming the known labels when there is none."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown label {name!r} (known: {', '.join(_REGISTRY)})") from None


def label_names() -> tuple[str, ...]:
    """Every registered label, in registration order (the scheme's order for the built-in ones)."""
    return tuple(_REGISTRY)


def value_labels() -> tuple[str, ...]:
    """Labels whose spans carry a normalized value in the scheme."""
    return tuple(s.name for s in _REGISTRY.values() if s.value.has_value)


def scored_value_labels() -> tuple[str, ...]:
    """Labels whose value is scored ("value accuracy") on exactly matched spans."""
    return tuple(s.name for s in _REGISTRY.values() if s.scored)


def value_attrs() -> dict[str, str]:
    """``{label: Span attribute of its typed value}`` for the labels that have one."""
    return {s.name: s.attr for s in _REGISTRY.values() if s.attr is not None}


def label_colors() -> dict[str, str]:
    return {s.name: s.color for s in _REGISTRY.values()}


def label_descriptions() -> dict[str, str]:
    """``{label: legend text}``."""
    return {s.name: s.legend for s in _REGISTRY.values()}


def color_of(label: str, default: str = "#ddd") -> str:
    spec = _REGISTRY.get(label)
    return default if spec is None else spec.color


def value_problem(label: str, value: Any, *, canonical: Mapping[str, Collection[str]] | None = None) -> str | None:
    """Why ``value`` is not a valid scheme value of ``label`` (or the label is unknown), else ``None``.

    ``canonical`` (``{label: allowed values}``, e.g. the gazetteer's municipality names) also
    rejects a well-formed value that is not one of those.
    """
    spec = _REGISTRY.get(label)
    if spec is None:
        return f"unknown label {label!r} (expected one of {', '.join(_REGISTRY)})"
    problem = spec.value.check(label, value)
    if problem is None and value is not None and canonical is not None and label in canonical:
        if value not in canonical[label]:
            return f"{label} value {value!r} is not a canonical name"
    return problem


class LabelView(Sequence[str]):
    """A read-only, always current tuple of label names (what the old constants are now)."""

    def __init__(self, select: Callable[[], tuple[str, ...]], name: str) -> None:
        self._select = select
        self._name = name

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self._select()[index]

    def __len__(self) -> int:
        return len(self._select())

    def __iter__(self) -> Iterator[str]:
        return iter(self._select())

    def __contains__(self, label: object) -> bool:
        return label in self._select()

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, (LabelView, tuple, list)) else other)

    def __hash__(self) -> int:
        return hash(self._name)

    def __repr__(self) -> str:
        return f"{self._name}{self._select()!r}"


class LabelMap(Mapping[str, str]):
    """A read-only, always current ``{label: ...}`` mapping of the registry."""

    def __init__(self, select: Callable[[], dict[str, str]], name: str) -> None:
        self._select = select
        self._name = name

    def __getitem__(self, label: str) -> str:
        return self._select()[label]

    def __len__(self) -> int:
        return len(self._select())

    def __iter__(self) -> Iterator[str]:
        return iter(self._select())

    def __repr__(self) -> str:
        return f"{self._name}{self._select()!r}"


# The labels of the scheme, in its order. Colours: displaCy's palette (PERSON, ORG and DATE as
# in spaCy, MUNICIPALITY in GPE's colour, AMOUNT in MONEY's).
SCHEME_LABELS: tuple[LabelSpec, ...] = (
    LabelSpec("PERSON", "person", "#aa9cfc", attr="person"),
    LabelSpec("MUNICIPALITY", "municipality", "#feca74", value=NAME_VALUE, attr="municipality", scored=True),
    LabelSpec("ORG", "organisation", "#7aecec"),
    LabelSpec("DATE", "date", "#bfe1d9", value=DATE_VALUE, attr="date", scored=True),
    LabelSpec("AMOUNT", "sum of money", "#e4e7d2", value=KRONOR_VALUE, attr="amount", scored=True),
)
for _spec in SCHEME_LABELS:
    register_label(_spec)
del _spec
