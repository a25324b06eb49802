"""Attendance blocks of Swedish minutes, one invented example per layout form.

Entities are given by hand (``make_doc``), so each case tests the layout cues alone.
"""

from __future__ import annotations

import pytest

from famhbg_nlp.protocol import parse_doc

PEOPLE = (
    "Anna Svensson", "Per Olsson", "Lisa Ek", "Karl Berg", "Eva Lind", "Omar Ali", "Maria Holm", "Jonas Dahl",
    "Sara Nilsson", "Ola Persson", "Karin Lindqvist", "Ali Hassan", "Stina Berg", "Nils Åberg",
)  # fmt: skip
NAMES = [("PERSON", name) for name in PEOPLE] + [("MUNICIPALITY", "Ystad", "Ystad")]


def _parse(make_doc, cover: str):
    return parse_doc(make_doc(f"Kommunstyrelsen\n\n{cover}\n\n§ 1 Budget\n\nBeslut\n\natt godkänna.\n", NAMES))


def _names(people) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(
    ("cover", "attendees", "absent", "guests"),
    [
        pytest.param(
            "Beslutande\nAnna Svensson (S), ordförande\nPer Olsson (M)",
            ["Anna Svensson", "Per Olsson"], [], [], id="beslutande",
        ),
        pytest.param("Ledamöter: Anna Svensson (S), Per Olsson (M)", ["Anna Svensson", "Per Olsson"], [], [], id="ledamoter"),
        pytest.param(
            "Deltagande: Anna Svensson, Per Olsson\nIcke deltagande: Lisa Ek",
            ["Anna Svensson", "Per Olsson"], ["Lisa Ek"], [], id="deltagande-icke-deltagande",
        ),
        pytest.param(
            "Beslutande Anna Svensson (S)\nTjänstgörande ersättare Karl Berg (S)\nEj tjänstgörande ersättare Eva Lind (C)",
            ["Anna Svensson", "Karl Berg", "Eva Lind"], [], [], id="serving-and-non-serving-substitutes",
        ),
        pytest.param(
            "Beslutande Anna Svensson (S)\nÖvriga Maria Holm, kommundirektör",
            ["Anna Svensson", "Maria Holm"], [], [], id="bare-ovriga",
        ),
        pytest.param(
            "Ledamöter Anna Svensson (S)\nTjänstepersoner Maria Holm, ekonomichef\nPersonalföreträdare Ola Persson",
            ["Anna Svensson", "Maria Holm", "Ola Persson"], [], [], id="officials-and-staff-representatives",
        ),
        pytest.param(
            "Närvarande: Anna Svensson, Per Olsson\nAnmält förhinder: Lisa Ek\nInbjudna gäster: Sara Nilsson",
            ["Anna Svensson", "Per Olsson"], ["Lisa Ek"], ["Sara Nilsson"], id="absent-and-guests",
        ),
        pytest.param(
            "Närvarande: Samtliga ledamöter med undantag för Lisa Ek och Karl Berg.\n\nÖvriga: Maria Holm",
            ["Maria Holm"], ["Lisa Ek", "Karl Berg"], [], id="all-members-except",
        ),
        pytest.param(
            "Ledamöter Anna Svensson (S)\nKarl Berg (M) frånvarande",
            ["Anna Svensson"], ["Karl Berg"], [], id="a-role-that-says-absent",
        ),
        pytest.param(
            "Övriga närvarande Maria Holm, kommundirektör\nUnder § 1 deltog Sara Nilsson, rektor.",
            ["Maria Holm"], [], ["Sara Nilsson"], id="invited-for-an-item",
        ),
        pytest.param(
            "Plats och tid Stadshuset kl. 13.00-15.00\nAnna Svensson (S) Per Olsson (M) Lisa Ek (C)\n"
            "Utses att justera Per Olsson",
            ["Anna Svensson", "Per Olsson", "Lisa Ek"], [], [], id="a-list-whose-label-was-lost",
        ),
    ],
)  # fmt: skip
def test_blocks(make_doc, cover, attendees, absent, guests):
    p = _parse(make_doc, cover)
    assert (_names(p.attendees), _names(p.absent), _names(p.guests)) == (attendees, absent, guests)


@pytest.mark.parametrize(
    ("cover", "substitute", "member", "note"),
    [
        pytest.param("Beslutande Ali Hassan (L) ersätter Karin Lindqvist (L)", "Ali Hassan", "Karin Lindqvist", None, id="ersatter"),
        pytest.param("Beslutande Ali Hassan (L) tjänstgör för Karin Lindqvist (L)", "Ali Hassan", "Karin Lindqvist", None, id="tjanstgor-for"),
        pytest.param("Beslutande Ali Hassan (L) tjg för Karin Lindqvist (L)", "Ali Hassan", "Karin Lindqvist", None, id="tjg-for"),
        pytest.param("Beslutande Ali Hassan (L) ers för Karin Lindqvist (L)", "Ali Hassan", "Karin Lindqvist", None, id="ers-for"),
        pytest.param(
            "Beslutande Anna Svensson (S)\nAli Hassan (L) ersätter Karin\nLindqvist (L)",
            "Ali Hassan", "Karin Lindqvist", None, id="wrapped-over-a-line-break",
        ),
        pytest.param(
            "Tjänstgörande ersättare\nAli Hassan (L) för Karin Lindqvist (L) §§ 12-14",
            "Ali Hassan", "Karin Lindqvist", "§§ 12-14", id="for-in-a-list-of-substitutes-with-paragraphs",
        ),
    ],
)  # fmt: skip
def test_replacements(make_doc, cover, substitute, member, note):
    names = NAMES + [("PERSON", "Karin\nLindqvist")]
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\n{cover}\n\n§ 1 Budget\n", names))
    present = {a.name: a for a in p.attendees}
    assert substitute in present
    assert [a.name for a in p.absent] == [member]
    assert present[substitute].note.startswith(f"ersätter {member}")
    assert p.absent[0].note == note or p.absent[0].note.startswith(f"ersätts av {substitute}")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Anna Svensson (S), §§ 69-81", ("S", None, "§§ 69-81"), id="paragraph-range"),
        pytest.param("Anna Svensson (S) t.o.m. § 54", ("S", None, "t.o.m. § 54"), id="up-to-a-paragraph"),
        pytest.param("Anna Svensson, S, ordförande", ("S", "ordförande", None), id="party-without-parentheses"),
        pytest.param("Anna Svensson Sekreterare", (None, "Sekreterare", None), id="name-before-role"),
        pytest.param("Anna Svensson (S), ordförande, paragraf 1-5", ("S", "ordförande", "paragraf 1-5"), id="role-and-paragraphs"),
    ],
)  # fmt: skip
def test_party_role_and_partial_attendance(make_doc, line, expected):
    p = _parse(make_doc, f"Beslutande\n{line}")
    person = p.attendees[0]
    assert (person.name, person.party, person.role, person.note) == ("Anna Svensson", *expected)


def test_a_press_release_about_politicians_has_no_attendees(make_doc):
    text = (
        "Budgeten fastställd\n\nAnna Svensson (S) fortsätter som ordförande. Yrkanden kom från Per Olsson (M), "
        "Lisa Ek (C) och Karl Berg (V).\n"
    )
    assert parse_doc(make_doc(text, NAMES)).attendees == ()


def test_a_two_column_table_read_row_by_row(make_doc):
    cover = (
        "Beslutande Samtliga ledamöter med undantag av:\nFörhindrad ledamot\n"
        "Inkallad ersättare Lisa Ek (S) Per Olsson (S) Karl Berg (M) Saknar ersättare Eva Lind (C) Omar Ali (C)"
    )
    p = _parse(make_doc, cover)
    assert (_names(p.absent), _names(p.attendees)) == (["Lisa Ek", "Karl Berg", "Eva Lind"], ["Per Olsson", "Omar Ali"])


def test_members_who_leave_are_also_absent(make_doc):
    cover = "Närvarande: Anna Svensson, Per Olsson\n\nPer Olsson lämnar sammanträdet efter § 3 och ersätts av Lisa Ek."
    p = _parse(make_doc, cover)
    assert _names(p.attendees) == ["Anna Svensson", "Per Olsson", "Lisa Ek"]
    assert _names(p.absent) == ["Per Olsson"]


def test_a_list_of_those_present_at_the_end(make_doc):
    text = "1 Budget\n\n2 Skolan\n\n3 Vägar\n\nNärvarande:\n\nAnna Svensson (S)\n\nLedamöterna\nPer Olsson (M)\nLisa Ek (C)\n"
    p = parse_doc(make_doc(text, NAMES))
    assert _names(p.attendees) == ["Anna Svensson", "Per Olsson", "Lisa Ek"]
    assert [i.number for i in p.items] == ["1", "2", "3"]
