"""Decisions, votes and reservations of an item, one invented example per form."""

from __future__ import annotations

import pytest

from famhbg_nlp.protocol import parse_doc

NAMES = [("PERSON", n) for n in ("Anna Svensson", "Per Olsson", "Lisa Ek")]


def _item(make_doc, body: str):
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\n§ 7 Budget 2024\n\n{body}\n\n§ 8 Skolan\n", NAMES))
    assert [i.number for i in p.items] == ["7", "8"]
    return p.items[0]


@pytest.mark.parametrize(
    ("body", "decisions"),
    [
        pytest.param("Kommunstyrelsens beslut\n\nBudgeten godkänns.", ["Budgeten godkänns."], id="organ-beslut-sentence"),
        pytest.param(
            "Kommunstyrelsens beslut\n\natt godkänna budgeten,\n\natt uppdra åt förvaltningen att återrapportera.",
            ["att godkänna budgeten", "att uppdra åt förvaltningen att återrapportera."], id="organ-beslut-att-clauses",
        ),
        pytest.param(
            "Kommunstyrelsen beslutar:\n\n- Budgeten godkänns.\n- Förvaltningen återrapporterar i maj.",
            ["Budgeten godkänns.", "Förvaltningen återrapporterar i maj."], id="beslutar-bullets",
        ),
        pytest.param(
            "Kommunstyrelsen beslutar att godkänna budgeten, att uppdra åt förvaltningen att återrapportera samt att avsätta medel.",
            ["att godkänna budgeten", "att uppdra åt förvaltningen att återrapportera", "samt att avsätta medel."],
            id="att-clauses-run-together",
        ),
        pytest.param("Beslut\n\nInformationen noteras till protokollet.", ["Informationen noteras till protokollet."], id="beslut-sentence"),
        pytest.param("Beslut: Ärendet återremitteras.", ["Ärendet återremitteras."], id="beslut-colon-sentence"),
        pytest.param(
            "Ärendebeskrivning\n\nFörvaltningen har tagit fram ett förslag. Kommunstyrelsens beslut Budgeten godkänns.",
            ["Budgeten godkänns."], id="a-cue-in-the-middle-of-a-flattened-line",
        ),
        pytest.param("Förslag till beslut\n\natt godkänna budgeten.", [], id="proposal-is-no-decision"),
        pytest.param("Yrkanden\n\nAnna Svensson (S) yrkar att budgeten godkänns.", [], id="motions-are-no-decisions"),
        pytest.param(
            "Beslutsgång\n\nOrdföranden ställer proposition och finner att kommunstyrelsen bifaller förslaget.",
            [], id="beslutsgang-is-no-decision",
        ),
        pytest.param(
            "Kommunstyrelsens beslut\n\nBudgeten godkänns.\n\nReservation\n\nPer Olsson (M) reserverar sig mot beslutet.\n\n"
            "Protokollsanteckning\n\nLisa Ek (C) lämnar en anteckning.",
            ["Budgeten godkänns."], id="reservation-and-note-end-the-decision",
        ),
        pytest.param("Kommunstyrelsen beslöt 2019 att bygga skolan.", [], id="history-is-no-decision"),
    ],
)  # fmt: skip
def test_decisions(make_doc, body, decisions):
    assert [d.text for d in _item(make_doc, body).decisions] == decisions


@pytest.mark.parametrize(
    ("body", "votes"),
    [
        pytest.param("Omröstning\n\nOmröstningen utfaller med 30 ja-röster mot 20 nej-röster. 1 ledamot avstår.", [(30, 20, None)], id="ja-and-nej-rosters"),
        pytest.param("Omröstningsresultat\n\nJA 30, NEJ 20, AVSTÅR 1", [(30, 20, 1)], id="counts-after-the-words"),
        pytest.param("Kommunstyrelsens beslut\n\nBudgeten godkänns.", [], id="no-vote"),
    ],
)  # fmt: skip
def test_votes(make_doc, body, votes):
    assert [(v.yes, v.no, v.abstain) for v in _item(make_doc, body).votes] == votes


@pytest.mark.parametrize(
    ("body", "names", "parties"),
    [
        pytest.param("Reservation\n\nPer Olsson (M) och Lisa Ek (C) reserverar sig till förmån för eget yrkande.", ("Per Olsson", "Lisa Ek"), ("M", "C"), id="label-then-text"),
        pytest.param("Beslut\n\nBudgeten godkänns.\n\nPer Olsson (M) reserverar sig mot beslutet.", ("Per Olsson",), ("M",), id="a-sentence"),
        pytest.param("Reservation: Moderaterna (M) reserverar sig.", (), ("M",), id="a-party"),
    ],
)  # fmt: skip
def test_reservations(make_doc, body, names, parties):
    found = _item(make_doc, body).reservations
    assert len(found) == 1
    assert (found[0].names, found[0].parties) == (names, parties)
