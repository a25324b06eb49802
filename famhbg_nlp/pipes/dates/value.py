"""Typed value of a DATE span: one day, or a range of days."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DateValue:
    """A calendar day (``end is None``) or a range of days ``start..end`` (``end > start``)."""

    start: datetime.date
    end: datetime.date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"A date range must end after it starts: {self.start} .. {self.end}.")

    @property
    def is_range(self) -> bool:
        return self.end is not None

    def to_json(self) -> Any:
        """The scheme's value: ``"2020-12-04"`` or ``{"start": "2020-09-03", "end": "2020-09-04"}``."""
        if self.end is None:
            return self.start.isoformat()
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_json(cls, value: Any) -> DateValue:
        """Inverse of :meth:`to_json`; raises ``ValueError`` on anything else."""
        if isinstance(value, str):
            return cls(datetime.date.fromisoformat(value))
        if isinstance(value, dict) and set(value) == {"start", "end"}:
            return cls(datetime.date.fromisoformat(value["start"]), datetime.date.fromisoformat(value["end"]))
        raise ValueError(f"Not a DATE value: {value!r}.")
