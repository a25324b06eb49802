"""Items: § sections of the body in every heading form, tables of contents, agendas; one invented
example per form."""

from __future__ import annotations

import pytest

from famhbg_nlp.protocol import parse_doc

NAMES = [("PERSON", n) for n in ("Anna Svensson", "Per Olsson", "Lisa Ek")]


def _items(p) -> list[tuple[str | None, str]]:
    return [(i.number, i.title) for i in p.items]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("§ 12 Budget 2024\n\nText.\n\n§ 13 Skolan\n\nText.", [("12", "Budget 2024"), ("13", "Skolan")], id="paragraph-sign"),
        pytest.param("12 § Budget 2024\n\nText.\n\n13 § Skolan\n\nText.", [("12", "Budget 2024"), ("13", "Skolan")], id="sign-after-number"),
        pytest.param("KF § 45 Budget 2024\n\nText.\n\nKF § 46 Skolan\n\nText.", [("45", "Budget 2024"), ("46", "Skolan")], id="organ-and-sign"),
        pytest.param("BUN § 7\n\nBudget 2024\n\nText.", [("7", "Budget 2024")], id="organ-sign-title-below"),
        pytest.param("§ 14/21 Budget 2024\n\nText.\n\n§ 15/21 Skolan", [("14/21", "Budget 2024"), ("15/21", "Skolan")], id="paragraph-of-the-year"),
        pytest.param("Ks 52 KS 2021/0311\n\nBudget 2024\n\nText.\n\nKs 53 KS 2021/0400\n\nSkolan", [("52", "Budget 2024"), ("53", "Skolan")], id="organ-number-case-number"),
        pytest.param("§ 12 Dnr 2023/45\n\nBudget 2024\n\nText.", [("12", "Budget 2024")], id="case-number-then-title"),
        pytest.param("12\n\nBudget 2024\n\nText.\n\n13\n\nSkolan\n\nText.", [("12", "Budget 2024"), ("13", "Skolan")], id="number-alone-before-title"),
        pytest.param("§ 84\n\n§ 85\n\n§ 86\n\nRubriker i en annan kolumn", [("84", ""), ("85", ""), ("86", "Rubriker i en annan kolumn")], id="a-list-of-sections-without-titles"),
        pytest.param(
            "§ 3 Budget\n\nEnligt 6 kap. § 7 Kommunallagen och i § 9 Reglementet ska nämnden yttra sig. § 12 Skolan",
            [("3", "Budget"), ("12", "Skolan")],
            id="references-inside-a-sentence-are-no-headings",
        ),
        pytest.param(
            "§ 12 Budget\n\nFörslaget:\n\n1. En ny skola.\n\n2. Fler lärare.\n\n§ 13 Skolan",
            [("12", "Budget"), ("13", "Skolan")], id="a-numbered-list-inside-a-section",
        ),
        pytest.param("1 Öppnande\n\n2 Val av justerare\n\n3 Budget\n\n4 ½ Extra ärende\n\n4 Skolan", [("1", "Öppnande"), ("2", "Val av justerare"), ("3", "Budget"), ("4 ½", "Extra ärende"), ("4", "Skolan")], id="agenda-with-an-item-put-in-between"),
        pytest.param(
            "1 Öppnande\n\n2 Budget\n\n3 Skolan\n\n§ 1 Öppnande",
            [("1", "Öppnande"), ("2", "Budget"), ("3", "Skolan")], id="agenda-before-a-body-that-is-cut-off",
        ),
        pytest.param(
            "1 Öppnande\n\n2 Budget\n\n§ 1 Öppnande\n\nText.\n\n§ 2 Budget\n\nText.",
            [("1", "Öppnande"), ("2", "Budget")], id="body-sections-over-the-agenda",
        ),
    ],
)  # fmt: skip
def test_headings(make_doc, body, expected):
    assert _items(parse_doc(make_doc(f"Kommunstyrelsen\n\n{body}\n", NAMES))) == expected


@pytest.mark.parametrize(
    ("toc", "expected"),
    [
        pytest.param(
            "Innehållsförteckning\n\n§ 12 Budget ... 3\n\n§ 13 Skolan ... 5\n\n",
            [("12", "Budget 2024"), ("13", "Skolans lokaler")],
            id="innehallsforteckning-with-leaders",
        ),
        pytest.param(
            "Ärendeförteckning\nParagrafer\nÄrenden\nSida\n§ 12\nBudget\n3\n§ 13\nSkolan\n5 - 6\n\n",
            [("12", "Budget 2024"), ("13", "Skolans lokaler")],
            id="arendeforteckning-one-cell-a-line",
        ),
        pytest.param(
            "§ 12 Budget .......... 3\n§ 13 Skolan .......... 5\n\n",
            [("12", "Budget 2024"), ("13", "Skolans lokaler")],
            id="dotted-leaders-without-a-heading",
        ),
    ],
)
def test_a_table_of_contents_is_no_item(make_doc, toc, expected):
    body = "§ 12 Budget 2024\n\nText om budgeten.\n\n§ 13 Skolans lokaler\n\nText om skolan.\n"
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\n{toc}{body}", NAMES))
    assert _items(p) == expected


def test_a_table_of_contents_alone_gives_no_items(make_doc):
    p = parse_doc(
        make_doc("Kommunstyrelsen\n\nInnehållsförteckning\n\n§ 12 Budget ... 3\n\n§ 13 Skolan ... 5\n", NAMES)
    )
    assert p.items == ()


def test_a_flattened_page_with_sections_of_the_declared_range(make_doc):
    text = (
        "Kommunfullmäktige Plats och tid Stadshuset Paragrafer 88-89 Beslutande Anna Svensson (S) Per Olsson (M)\n"
        "2 (30) 88 Val av justerare Kommunfullmäktiges beslut Per Olsson utses att justera. "
        "89 Information om budgeten Lisa Ek redovisar budgeten.\n"
    )
    p = parse_doc(make_doc(text, NAMES))
    assert [i.number for i in p.items] == ["88", "89"]
    assert [len(i.decisions) for i in p.items] == [1, 0]
