"""Grouped cross-validation on tiny data (few steps): groups never straddle a fold, structure is scored."""

from __future__ import annotations

import io
from pathlib import Path

from support import record

from famhbg_nlp.corpus import Record
from famhbg_nlp.corpus.structure import StructureGold
from famhbg_nlp.training import crossval

CNN = Path(__file__).resolve().parents[2] / "configs" / "cnn.cfg"

TEXT = "Protokoll\nNärvarande: Anna Berg (S), ordförande, Per Holm (M).\n§ 4 Budget\nBeslut: Kommunstyrelsen beslutar att anta budgeten om 700 000 kr.\n"


def with_municipality(rec: Record, municipality: str) -> Record:
    return Record(id=rec.id, text=rec.text, meta={**rec.meta, "municipality": municipality}, spans=rec.spans)


RECORDS = [
    with_municipality(
        record(
            "lund-ks-2021-01-01",
            TEXT,
            ("Anna Berg", "PERSON"),
            ("Per Holm", "PERSON"),
            ("700 000 kr", "AMOUNT", 700000),
        ),
        "Lund",
    ),
    with_municipality(
        record(
            "lund-kf-2021-02-01",
            "Karin Lund från Höganäs kommun redogjorde.",
            ("Karin Lund", "PERSON"),
            ("Höganäs kommun", "MUNICIPALITY", "Höganäs"),
        ),
        "Lund",
    ),
    with_municipality(
        record(
            "mora-ks-2021-03-01",
            "Eva Ek, Mora, talade om 1500 tkr.",
            ("Eva Ek", "PERSON"),
            ("Mora", "MUNICIPALITY", "Mora"),
            ("1500 tkr", "AMOUNT", 1500000),
        ),
        "Mora",
    ),
]

STRUCTURE = {
    "lund-ks-2021-01-01": StructureGold(id="lund-ks-2021-01-01", chair="Anna Berg", items=(("4", 1),)),
}


def test_grouped_crossval_holds_out_whole_municipalities_and_scores_structure():
    result = crossval(
        RECORDS,
        config=CNN,
        max_steps=3,
        gold_repeat=1,
        group_by="municipality",
        structure_gold=STRUCTURE,
        log=io.StringIO(),
    )
    assert [fold["groups"] for fold in result["folds"]] == [["Lund"], ["Mora"]]
    assert [fold["test"] for fold in result["folds"]] == [
        ["lund-ks-2021-01-01", "lund-kf-2021-02-01"],
        ["mora-ks-2021-03-01"],
    ]
    assert result["settings"]["group_by"] == "municipality"
    assert result["pooled"]["full"]["docs"] == 3
    structure = result["structure"]
    assert structure["documents"] == 1
    assert structure["item_numbers"]["n"] == 1
    assert structure["attendees"]["gold"] == 0 and structure["chair"]["n"] == 1
