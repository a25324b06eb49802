"""The typed value of a MUNICIPALITY span: the municipality's record from the gazetteer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: Columns of a municipality table, in file order.
COLUMNS: tuple[str, ...] = ("code", "name", "official_name", "county_code", "county", "familjen_helsingborg")

_YES = {"yes": True, "no": False, "": False}


@dataclass(frozen=True)
class Municipality:
    """One of Sweden's municipalities (or a row added by the user).

    ``span._.value`` is :meth:`to_json`, the canonical name; the rest of the record
    (SCB code, county, Familjen Helsingborg membership) is here for callers that need it.
    """

    code: str
    name: str
    official_name: str = ""
    county_code: str = ""
    county: str = ""
    familjen_helsingborg: bool = False

    def to_json(self) -> str:
        """The scheme value: the canonical name (``"Helsingborg"``)."""
        return self.name

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Municipality:
        """A record from a table row (strings); ``code`` and ``name`` are required."""
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        if not code or not name:
            raise ValueError(f"Municipality row {dict(row)!r} needs a non-empty 'code' and 'name'.")
        member = (row.get("familjen_helsingborg") or "").strip().lower()
        if member not in _YES:
            raise ValueError(f"Municipality {name!r}: familjen_helsingborg must be yes or no, not {member!r}.")
        return cls(
            code=code,
            name=name,
            official_name=(row.get("official_name") or "").strip(),
            county_code=(row.get("county_code") or "").strip(),
            county=(row.get("county") or "").strip(),
            familjen_helsingborg=_YES[member],
        )

    def to_row(self) -> dict[str, str]:
        """The record as a table row (inverse of :meth:`from_row`)."""
        return {
            "code": self.code,
            "name": self.name,
            "official_name": self.official_name,
            "county_code": self.county_code,
            "county": self.county,
            "familjen_helsingborg": "yes" if self.familjen_helsingborg else "no",
        }
