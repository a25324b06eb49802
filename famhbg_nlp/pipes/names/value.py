"""The typed value of a PERSON span: the name split into first and last name, in base form."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonName:
    """A person's name as written (``text``) and in base form (``first``, ``last``).

    ``Jan Sahléns`` -> ``first="Jan"``, ``last="Sahlén"``; ``CHARLOTTE ROSENLUND SJÖVALL`` ->
    ``Charlotte`` / ``Rosenlund Sjövall``; a lone name fills one of the two.
    """

    text: str
    first: str | None = None
    last: str | None = None

    def to_json(self) -> str:
        """The name in its base form, first name(s) before surname(s): ``"Jan Sahlén"``."""
        return " ".join(part for part in (self.first, self.last) if part)
