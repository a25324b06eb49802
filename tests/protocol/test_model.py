"""The JSON form of a Protocol: versioned, complete, and read back by ``from_dict``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from famhbg_nlp.protocol import (
    SCHEMA_VERSION,
    Decision,
    Entity,
    Item,
    Participant,
    Protocol,
    TimeRange,
)
from famhbg_nlp.protocol.model import Reservation, Vote

PROTOCOL = Protocol(
    path="ks.txt",
    body="Kommunstyrelsen",
    protocol_number="2/2023",
    meeting_date=dt.date(2023, 2, 14),
    time=TimeRange("13:00", None),
    place="Rådhuset",
    attendees=(Participant("Anna Svensson", municipality="Ystad", role="ordförande", party="S"),),
    absent=(Participant("Omar Ali", note="ersätts av Eva Lind"),),
    guests=(Participant("Sara Nilsson", affiliation="Region Skåne", role="planchef"),),
    items=(
        Item(
            title="Budget",
            start=10,
            end=60,
            number="1",
            presenters=("Sara Nilsson",),
            attachments=("Bilaga 1",),
            decisions=(Decision("att godkänna", 40, 52, (Entity(44, 52, "DATE", "3/9", {"start": "x", "end": "y"}),)),),
            votes=(Vote("Omröstning: 30 ja, 20 nej, 1 avstår", 53, 58, yes=30, no=20, abstain=1),),
            reservations=(Reservation("Reservation: Lisa Ek (M)", 58, 60, ("Lisa Ek",), ("M",)),),
            page=2,
        ),
    ),
    chair="Anna Svensson",
    adjusters=("Omar Ali",),
    warnings=("§ 9 of the body outside the paragraphs 1-5 of the cover",),
    entities=(Entity(0, 5, "MUNICIPALITY", "Ystad", "Ystad"),),
)


def test_to_dict_has_every_field():
    data = PROTOCOL.to_dict()
    assert list(data) == [
        "schema_version", "path", "body", "protocol_number", "meeting_date", "time", "place",
        "attendees", "absent", "guests", "items", "chair", "secretary", "adjusters", "warnings", "entities",
    ]  # fmt: skip
    assert data["schema_version"] == SCHEMA_VERSION == "1"
    assert data["meeting_date"] == "2023-02-14"
    assert data["time"] == {"start": "13:00", "end": None}
    assert list(data["attendees"][0]) == ["name", "municipality", "affiliation", "role", "party", "note"]
    assert list(data["items"][0]) == [
        "number", "time", "title", "start", "end", "presenters", "attachments", "decisions", "votes",
        "reservations", "page",
    ]  # fmt: skip
    assert data["items"][0]["votes"][0] == {
        "text": "Omröstning: 30 ja, 20 nej, 1 avstår", "start": 53, "end": 58, "yes": 30, "no": 20, "abstain": 1,
    }  # fmt: skip
    assert data["items"][0]["reservations"][0]["names"] == ["Lisa Ek"]
    assert list(data["items"][0]["decisions"][0]) == ["text", "start", "end", "entities"]
    assert list(data["entities"][0]) == ["start", "end", "label", "text", "value", "page"]
    assert data["adjusters"] == ["Omar Ali"]
    json.dumps(data)  # plain JSON


def test_round_trip_through_json():
    assert Protocol.from_dict(json.loads(json.dumps(PROTOCOL.to_dict()))) == PROTOCOL


def test_an_unknown_schema_version_is_refused():
    data = PROTOCOL.to_dict() | {"schema_version": "2"}
    with pytest.raises(ValueError, match="schema version '2'"):
        Protocol.from_dict(data)


def test_empty_protocol():
    assert Protocol().to_dict() == {
        "schema_version": "1", "path": None, "body": None, "protocol_number": None, "meeting_date": None,
        "time": None, "place": None, "attendees": [], "absent": [], "guests": [], "items": [],
        "chair": None, "secretary": None, "adjusters": [], "warnings": [], "entities": [],
    }  # fmt: skip
