"""Structure gold: round trip through Protocol, reading the files, and the scores."""

from __future__ import annotations

import json

import pytest

from famhbg_nlp.corpus import CorpusError
from famhbg_nlp.corpus.structure import StructureGold, StructureScores, read_structure_gold, structure_dir
from famhbg_nlp.protocol import Decision, Item, Participant, Protocol

GOLD = {
    "id": "ort-ks-2021-03-15",
    "source": "999-ort-ks-2021-03-15.txt",
    "body": "Kommunstyrelsen",
    "chair": "Anna Svensson",
    "secretary": "Per Ek",
    "adjusters": ["Eva Lind"],
    "attendees": [
        {"name": "Anna Svensson", "party": "S", "role": "ordförande", "note": None},
        {"name": "Ali Hassan", "party": "L", "role": "tjänstgörande ersättare", "note": "ersätter Karin Lindqvist"},
        {"name": "Eva Lind", "party": "M", "role": None, "note": "§§ 12-14"},
    ],
    "absent": [{"name": "Karin Lindqvist", "party": "L", "role": None, "note": "ersätts av Ali Hassan"}],
    "guests": [],
    "items": [{"number": "12", "decisions": 1}, {"number": "13", "decisions": 2}, {"number": "14", "decisions": 0}],
}


def protocol(**changes) -> Protocol:
    base = StructureGold.from_dict(GOLD).to_protocol()
    return Protocol(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, **changes})


def test_structure_gold_round_trips_through_protocol():
    gold = StructureGold.from_dict(GOLD)
    assert gold.to_dict() == GOLD
    assert StructureGold.from_protocol(gold.to_protocol(), id=gold.id) == gold
    assert StructureGold.from_protocol(Protocol.from_dict(gold.to_protocol().to_dict()), id=gold.id) == gold


def test_read_structure_gold_from_a_directory(tmp_path):
    folder = tmp_path / "structure"
    folder.mkdir()
    (folder / f"{GOLD['id']}.json").write_text(json.dumps(GOLD), encoding="utf-8")
    assert read_structure_gold(folder)[GOLD["id"]] == StructureGold.from_dict(GOLD)
    assert structure_dir(tmp_path / "real.jsonl") == folder
    assert structure_dir(tmp_path) == folder


@pytest.mark.parametrize(
    "content",
    ["{not json", json.dumps({"chair": "x"}), json.dumps({**GOLD, "items": [{"number": "1"}]})],
    ids=["not-json", "no-id", "item-without-decisions"],
)
def test_a_bad_structure_file_names_the_file(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match="bad.json"):
        read_structure_gold(path)


def test_a_perfect_parse_scores_one_everywhere():
    scores = StructureScores()
    gold = StructureGold.from_dict(GOLD)
    scores.add(gold, gold.to_protocol())
    result = scores.result()
    assert result["attendees"]["f1"] == result["absent"]["f1"] == 1.0
    for key in ("chair", "secretary", "adjusters", "item_numbers", "decisions_within_one"):
        assert result[key]["accuracy"] == 1.0, key


def test_scores_count_misses_and_extras():
    gold = StructureGold.from_dict(GOLD)
    pred = protocol(
        attendees=(Participant("Anna  Svensson"), Participant("Ali\nHassan"), Participant("Justering")),
        absent=(),
        chair=None,
        secretary="per ek",
        items=(Item("", 0, 0, number="12", decisions=(Decision("", 0, 0),) * 3), Item("", 0, 0, number="13")),
    )
    scores = StructureScores()
    scores.add(gold, pred)
    result = scores.result()
    assert (result["attendees"]["precision"], result["attendees"]["recall"]) == (2 / 3, 2 / 3)
    assert result["absent"]["recall"] == 0.0
    assert result["chair"]["accuracy"] == 0.0
    assert result["secretary"]["accuracy"] == 1.0  # names compare case-folded, whitespace collapsed
    assert result["item_numbers"]["accuracy"] == 0.0
    # 12: 3 vs 1 (off by 2), 13: 0 vs 2 (off by 2), 14: not found
    assert result["decisions_within_one"]["correct"] == 0
    assert result["decisions_within_one"]["n"] == 3
