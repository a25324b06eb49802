"""Structure gold: what a careful reader sees in a protocol, and how a parse is scored against it.

One JSON file a document (``corpus/structure/<id>.json``, format in ``corpus/README.md``). A
:class:`StructureGold` converts to and from :class:`~famhbg_nlp.protocol.Protocol`, so the gold is
the protocol's own vocabulary: ``StructureGold.from_protocol(gold.to_protocol()) == gold``.

Scores (:class:`StructureScores`): attendee, absent and guest sets (precision, recall, F1 pooled over
documents; names compared with whitespace collapsed and case folded), chair, secretary and adjusters
(share of documents exactly right, ``None == None`` included), item numbers (share of documents whose
list of § numbers is exactly the gold list), decisions (share of gold items found with a decision count
within ±1 of the gold's).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..protocol.model import Decision, Item, Participant, Protocol
from .io import corpus_files
from .records import CorpusError

#: Directory of the structure gold beside a corpus directory.
STRUCTURE_DIR = "structure"
_PERSON_FIELDS = ("name", "party", "role", "note")
_GROUPS = ("attendees", "absent", "guests")


def normalize_name(name: str) -> str:
    """A name as compared: whitespace collapsed (line breaks inside names), case folded."""
    return re.sub(r"\s+", " ", name).strip().casefold()


@dataclass(frozen=True)
class StructureGold:
    """The structure gold of one document (see the module docstring)."""

    id: str
    source: str | None = None
    body: str | None = None
    chair: str | None = None
    secretary: str | None = None
    adjusters: tuple[str, ...] = ()
    attendees: tuple[Participant, ...] = ()
    absent: tuple[Participant, ...] = ()
    guests: tuple[Participant, ...] = ()
    items: tuple[tuple[str, int], ...] = ()  # (number, decisions)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StructureGold:
        def people(key: str) -> tuple[Participant, ...]:
            return tuple(
                Participant(p["name"], party=p.get("party"), role=p.get("role"), note=p.get("note"))
                for p in data.get(key) or ()
            )

        return cls(
            id=str(data["id"]),
            source=data.get("source"),
            body=data.get("body"),
            chair=data.get("chair"),
            secretary=data.get("secretary"),
            adjusters=tuple(data.get("adjusters") or ()),
            attendees=people("attendees"),
            absent=people("absent"),
            guests=people("guests"),
            items=tuple((str(i["number"]), int(i["decisions"])) for i in data.get("items") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        def people(group: tuple[Participant, ...]) -> list[dict[str, Any]]:
            return [{key: getattr(p, key) for key in _PERSON_FIELDS} for p in group]

        return {
            "id": self.id,
            "source": self.source,
            "body": self.body,
            "chair": self.chair,
            "secretary": self.secretary,
            "adjusters": list(self.adjusters),
            "attendees": people(self.attendees),
            "absent": people(self.absent),
            "guests": people(self.guests),
            "items": [{"number": number, "decisions": count} for number, count in self.items],
        }

    def to_protocol(self) -> Protocol:
        """The gold as a :class:`Protocol` (items without text: a title and offsets are not gold)."""
        items = tuple(
            Item(title="", start=0, end=0, number=number, decisions=tuple(Decision("", 0, 0) for _ in range(count)))
            for number, count in self.items
        )
        return Protocol(
            path=self.source,
            body=self.body,
            attendees=self.attendees,
            absent=self.absent,
            guests=self.guests,
            items=items,
            chair=self.chair,
            secretary=self.secretary,
            adjusters=self.adjusters,
        )

    @classmethod
    def from_protocol(cls, protocol: Protocol, *, id: str, source: str | None = None) -> StructureGold:
        """What of ``protocol`` the structure gold holds (participants keep name, party, role, note)."""

        def people(group: tuple[Participant, ...]) -> tuple[Participant, ...]:
            return tuple(Participant(p.name, party=p.party, role=p.role, note=p.note) for p in group)

        return cls(
            id=id,
            source=source if source is not None else protocol.path,
            body=protocol.body,
            chair=protocol.chair,
            secretary=protocol.secretary,
            adjusters=tuple(protocol.adjusters),
            attendees=people(protocol.attendees),
            absent=people(protocol.absent),
            guests=people(protocol.guests),
            items=tuple((item.number or "", len(item.decisions)) for item in protocol.items),
        )


def structure_dir(corpus: str | Path) -> Path:
    """Where the structure gold of ``corpus`` (a directory or a ``.jsonl`` file in one) lives."""
    path = Path(corpus)
    return (path if path.is_dir() else path.parent) / STRUCTURE_DIR


def read_structure_gold(path: str | Path) -> dict[str, StructureGold]:
    """Every ``*.json`` of ``path`` (a directory, or one file) by document id; raises :class:`CorpusError`."""
    gold: dict[str, StructureGold] = {}
    for file in corpus_files(path, ".json", allow_empty=True):
        try:
            entry = StructureGold.from_dict(json.loads(file.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise CorpusError(f"not a structure gold file: {error}", path=file) from None
        if entry.id in gold:
            raise CorpusError("a second structure gold file for the same document", path=file, doc_id=entry.id)
        gold[entry.id] = entry
    return gold


@dataclass
class _SetCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable[str], pred: Iterable[str]) -> None:
        g, p = {normalize_name(n) for n in gold}, {normalize_name(n) for n in pred}
        self.tp += len(g & p)
        self.fp += len(p - g)
        self.fn += len(g - p)

    def result(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        denominator = 2 * self.tp + self.fp + self.fn
        f1 = 2 * self.tp / denominator if denominator else None
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
        }


@dataclass
class StructureScores:
    """Accumulates ``(gold, predicted protocol)`` pairs; :meth:`result` gives the scores."""

    sets: dict[str, _SetCounts] = field(default_factory=lambda: {group: _SetCounts() for group in _GROUPS})
    exact: dict[str, list[bool]] = field(
        default_factory=lambda: {"chair": [], "secretary": [], "adjusters": [], "item_numbers": []}
    )
    decisions_within_one: list[bool] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)

    def add(self, gold: StructureGold, pred: Protocol) -> None:
        for group in _GROUPS:
            self.sets[group].add((p.name for p in getattr(gold, group)), (p.name for p in getattr(pred, group)))

        def same(a: str | None, b: str | None) -> bool:
            return (a is None and b is None) or (
                a is not None and b is not None and normalize_name(a) == normalize_name(b)
            )

        checks = {
            "chair": same(gold.chair, pred.chair),
            "secretary": same(gold.secretary, pred.secretary),
            "adjusters": {normalize_name(n) for n in gold.adjusters}
            == {normalize_name(n) for n in getattr(pred, "adjusters", ())},
            "item_numbers": [n for n, _ in gold.items] == [i.number for i in pred.items],
        }
        for key, ok in checks.items():
            self.exact[key].append(ok)
        predicted: dict[str | None, int] = {}
        for item in pred.items:
            predicted.setdefault(item.number, len(item.decisions))
        for number, count in gold.items:
            self.decisions_within_one.append(number in predicted and abs(predicted[number] - count) <= 1)
        self.documents.append({"id": gold.id, **checks})

    def result(self) -> dict[str, Any]:
        def share(values: list[bool]) -> dict[str, Any]:
            return {"accuracy": sum(values) / len(values) if values else None, "correct": sum(values), "n": len(values)}

        return {
            "documents": len(self.documents),
            **{group: counts.result() for group, counts in self.sets.items()},
            **{key: share(values) for key, values in self.exact.items()},
            "decisions_within_one": share(self.decisions_within_one),
            "per_document": list(self.documents),
        }


#: The structure targets of the project: metric path -> minimum.
STRUCTURE_TARGETS = {
    ("attendees", "f1"): 0.95,
    ("absent", "f1"): 0.90,
    ("chair", "accuracy"): 0.95,
    ("secretary", "accuracy"): 0.95,
    ("item_numbers", "accuracy"): 0.95,
    ("decisions_within_one", "accuracy"): 0.90,
}


def format_structure(result: Mapping[str, Any]) -> str:
    """A small table of the structure scores with their targets."""
    lines = [f"Structure ({result['documents']} documents with structure gold)"]
    for group in _GROUPS:
        r = result[group]
        lines.append(
            f"  {group:<22} F1 {_fmt(r['f1'])}  P {_fmt(r['precision'])}  R {_fmt(r['recall'])}"
            f"  (gold {r['gold']}, predicted {r['predicted']})" + _target((group, "f1"))
        )
    for key in ("chair", "secretary", "adjusters", "item_numbers", "decisions_within_one"):
        r = result[key]
        lines.append(f"  {key:<22} {_fmt(r['accuracy'])}  ({r['correct']}/{r['n']})" + _target((key, "accuracy")))
    return "\n".join(lines)


def _target(key: tuple[str, str]) -> str:
    return f"  target {STRUCTURE_TARGETS[key]:.2f}" if key in STRUCTURE_TARGETS else ""


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"
