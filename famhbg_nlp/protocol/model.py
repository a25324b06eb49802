"""The typed result of :func:`famhbg_nlp.parse`: frozen dataclasses with a JSON form.

The JSON form (``to_dict``) is a versioned schema, documented in ``SCHEMA.md`` next
to this module; ``from_dict`` reads it back, so a saved result round-trips.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: Version of the JSON schema written by :meth:`Protocol.to_dict` (see ``SCHEMA.md``).
SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Entity:
    """An entity of the document in the scheme's span format (offsets in the document text)."""

    start: int
    end: int
    label: str
    text: str
    value: Any = None
    page: int | None = None  # the page of a PDF it is on (1-based), when the reader knows pages

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "value": self.value,
            "page": self.page,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(data["start"], data["end"], data["label"], data["text"], data.get("value"), data.get("page"))


@dataclass(frozen=True)
class Participant:
    """A person named in an attendance block (present, absent, guest) or as an outside presenter.

    ``municipality`` is the canonical name of the municipality the person represents,
    ``affiliation`` an organisation or network (``NSR``, ``nätverket Näringsliv och
    Destination``), ``role`` the title or function as written (``renhållningschef``,
    ``sekretariatet``, ``tjänstgörande ersättare``), ``party`` party letters (``S``),
    ``note`` a remark such as ``från 0840``.
    """

    name: str
    municipality: str | None = None
    affiliation: str | None = None
    role: str | None = None
    party: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "municipality": self.municipality,
            "affiliation": self.affiliation,
            "role": self.role,
            "party": self.party,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(
            data["name"],
            data.get("municipality"),
            data.get("affiliation"),
            data.get("role"),
            data.get("party"),
            data.get("note"),
        )


@dataclass(frozen=True)
class Decision:
    """One ``att`` clause of a decision, with the entities inside it."""

    text: str
    start: int
    end: int
    entities: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entities": [e.to_dict() for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        return cls(
            data["text"], data["start"], data["end"], tuple(Entity.from_dict(e) for e in data.get("entities", ()))
        )


@dataclass(frozen=True)
class Vote:
    """A recorded vote (``Omröstning``): the counts as written, ``None`` where the text gives none."""

    text: str
    start: int
    end: int
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Vote:
        return cls(data["text"], data["start"], data["end"], data.get("yes"), data.get("no"), data.get("abstain"))


@dataclass(frozen=True)
class Reservation:
    """A reservation against the decision (``Reservation``, ``X (S) reserverar sig``): who, as written."""

    text: str
    start: int
    end: int
    names: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "names": list(self.names),
            "parties": list(self.parties),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reservation:
        return cls(
            data["text"],
            data["start"],
            data["end"],
            tuple(data.get("names", ())),
            tuple(data.get("parties", ())),
        )


@dataclass(frozen=True)
class Item:
    """An agenda item (``§``/numbered/time-stamped heading or an unnumbered section)."""

    title: str
    start: int
    end: int
    number: str | None = None
    time: str | None = None
    presenters: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    votes: tuple[Vote, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    page: int | None = None  # the page of a PDF its heading is on (1-based), when the reader knows pages

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "time": self.time,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "presenters": list(self.presenters),
            "attachments": list(self.attachments),
            "decisions": [d.to_dict() for d in self.decisions],
            "votes": [v.to_dict() for v in self.votes],
            "reservations": [r.to_dict() for r in self.reservations],
            "page": self.page,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        return cls(
            title=data["title"],
            start=data["start"],
            end=data["end"],
            number=data.get("number"),
            time=data.get("time"),
            presenters=tuple(data.get("presenters", ())),
            attachments=tuple(data.get("attachments", ())),
            decisions=tuple(Decision.from_dict(d) for d in data.get("decisions", ())),
            votes=tuple(Vote.from_dict(v) for v in data.get("votes", ())),
            reservations=tuple(Reservation.from_dict(r) for r in data.get("reservations", ())),
            page=data.get("page"),
        )


@dataclass(frozen=True)
class TimeRange:
    """Start and end of the meeting as ``HH:MM`` (``end`` may be unknown)."""

    start: str
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Protocol:
    """The structure of one set of minutes."""

    path: str | None = None
    body: str | None = None
    protocol_number: str | None = None
    meeting_date: date | None = None
    time: TimeRange | None = None
    place: str | None = None
    attendees: tuple[Participant, ...] = ()
    absent: tuple[Participant, ...] = ()
    guests: tuple[Participant, ...] = ()
    items: tuple[Item, ...] = ()
    chair: str | None = None
    secretary: str | None = None
    entities: tuple[Entity, ...] = field(default=(), repr=False)
    adjusters: tuple[str, ...] = ()  # justerare
    warnings: tuple[str, ...] = ()  # what did not add up (``Paragrafer 12-31`` on the cover, § 40 in the body)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, schema version :data:`SCHEMA_VERSION`."""
        return {
            "schema_version": SCHEMA_VERSION,
            "path": self.path,
            "body": self.body,
            "protocol_number": self.protocol_number,
            "meeting_date": None if self.meeting_date is None else self.meeting_date.isoformat(),
            "time": None if self.time is None else self.time.to_dict(),
            "place": self.place,
            "attendees": [p.to_dict() for p in self.attendees],
            "absent": [p.to_dict() for p in self.absent],
            "guests": [p.to_dict() for p in self.guests],
            "items": [i.to_dict() for i in self.items],
            "chair": self.chair,
            "secretary": self.secretary,
            "adjusters": list(self.adjusters),
            "warnings": list(self.warnings),
            "entities": [e.to_dict() for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Protocol:
        """Read the JSON form back; raises ``ValueError`` on an unknown schema version."""
        version = str(data.get("schema_version"))
        if version != SCHEMA_VERSION:
            raise ValueError(f"Unsupported protocol schema version {version!r}; expected {SCHEMA_VERSION!r}.")
        time = data.get("time")
        meeting_date = data.get("meeting_date")
        return cls(
            path=data.get("path"),
            body=data.get("body"),
            protocol_number=data.get("protocol_number"),
            meeting_date=None if meeting_date is None else date.fromisoformat(meeting_date),
            time=None if time is None else TimeRange(time["start"], time.get("end")),
            place=data.get("place"),
            attendees=tuple(Participant.from_dict(p) for p in data.get("attendees", ())),
            absent=tuple(Participant.from_dict(p) for p in data.get("absent", ())),
            guests=tuple(Participant.from_dict(p) for p in data.get("guests", ())),
            items=tuple(Item.from_dict(i) for i in data.get("items", ())),
            chair=data.get("chair"),
            secretary=data.get("secretary"),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            adjusters=tuple(data.get("adjusters", ())),
            warnings=tuple(data.get("warnings", ())),
        )
