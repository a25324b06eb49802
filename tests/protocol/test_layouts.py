"""Layouts of Swedish minutes beyond the seeds: ``§`` items, party letters, ersättare,
proposals, inline ``beslutar att``, signature fields, page furniture.

Entities are annotated by hand (``make_doc``), so each case tests the layout cues alone.
"""

from __future__ import annotations

import pytest

from famhbg_nlp.protocol import parse_doc
from famhbg_nlp.protocol.parser import clean_line, normalize_clock

# --- building blocks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("0830", "08:30"),
        ("8.30", "08:30"),
        ("11:00", "11:00"),
        ("13", "13:00"),
        ("2530", None),
        ("12.75", None),
        ("", None),
    ],
)
def test_normalize_clock(written, expected):
    assert normalize_clock(written) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("#### 1. Årsredovisning", "1. Årsredovisning"),
        ("**att** överlämna", "att överlämna"),
        ("~~Jonas Jönsson, Åstorp~~", "Jonas Jönsson, Åstorp"),
        ("- a) Om val  av kontaktperson  ", "a) Om val av kontaktperson"),
        ("**Leverantörsombud, *Camilla Alfredsson Helsingborg***", "Leverantörsombud, Camilla Alfredsson Helsingborg"),
        ("<del>Anna Ek</del>, Ystad", "Anna Ek, Ystad"),
    ],
)
def test_clean_line_keeps_offsets(raw, clean):
    text, offsets = clean_line(raw, base=100)
    assert text == clean
    # every kept character maps back to the same character of the raw line
    for ch, off in zip(text, offsets):
        assert ch == " " or raw[off - 100] == ch


# --- header ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "time", "place"),
    [
        ("Tid och plats: Stadshuset, kl. 13.00–16.15", ("13:00", "16:15"), "Stadshuset"),
        (
            "Plats och tid: Kommunhuset, Sessionssalen, kl. 13.00-16.15",
            ("13:00", "16:15"),
            "Kommunhuset, Sessionssalen",
        ),
        ("Tid/Plats: 2023-02-14 kl. 0830-11.00, via Teams", ("08:30", "11:00"), "via Teams"),
        ("Plats: Rådhuset, Ystad", None, "Rådhuset, Ystad"),
        ("Tid: kl 9-12", ("09:00", "12:00"), None),
        ("Sammanträdestid: 14 februari 2023 kl. 13.00", ("13:00", None), None),
        ("Plats och tid: Den 19 april 2024 08.30-11:30 på Marina Plaza.", ("08:30", "11:30"), "Marina Plaza"),
    ],
)
def test_time_and_place(make_doc, line, time, place):
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\n{line}\n\n§ 1 Mötets öppnande\n"))
    assert (None if p.time is None else (p.time.start, p.time.end)) == time
    assert p.place == place


@pytest.mark.parametrize(
    ("head", "body", "number"),
    [
        ("Kommunstyrelsens protokoll 4/2023", "Kommunstyrelsen", "4/2023"),
        ("Kommunfullmäktiges protokoll", "Kommunfullmäktige", None),
        ("Protokoll från Barn- och utbildningsnämnden", "Barn- och utbildningsnämnden", None),
        ("SAMMANTRÄDESPROTOKOLL\nKommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskott", None),
        ("Protokoll nr 5\n\nSocialnämnden", "Socialnämnden", "5"),
        ("Kommundirektörmöte i Familjen Helsingborg", None, None),
        ("Justerat protokoll 2023-02-14", None, None),
    ],
)
def test_body_and_number(make_doc, head, body, number):
    p = parse_doc(make_doc(f"{head}\n\nTid: kl. 13.00\n\n1. Mötets öppnande\n"))
    assert p.body == body
    assert p.protocol_number == number


def test_meeting_date_from_a_date_field_when_the_doc_has_none(make_doc):
    doc = make_doc("Datum: 2023-02-14\n\nKommunstyrelsen\n\n§ 1 Öppnande\n", [("DATE", "2023-02-14", "2023-02-14")])
    assert doc._.meeting_date is None
    assert parse_doc(doc).meeting_date.isoformat() == "2023-02-14"


def test_meeting_date_of_the_doc_comes_first(make_doc):
    doc = make_doc("Datum: 2023-02-14\n\n§ 1 Öppnande\n", [("DATE", "2023-02-14", "2023-02-14")], "2023-02-15")
    assert parse_doc(doc).meeting_date.isoformat() == "2023-02-15"


# --- attendance ------------------------------------------------------------------------------

NAMES = [
    ("PERSON", name)
    for name in (
        "Anna Svensson", "Per Olsson", "Lisa Ek", "Karl Berg", "Eva Lind", "Omar Ali", "Maria Holm",
        "Jonas Dahl", "Sara Nilsson", "Ola Persson",
    )
] + [
    ("MUNICIPALITY", "Ystad", "Ystad"),
    ("MUNICIPALITY", "Ystads kommun", "Ystad"),
    ("MUNICIPALITY", "Malmö stad", "Malmö"),
    ("MUNICIPALITY", "Skurup", "Skurup"),
    ("ORG", "Region Skåne"),
    ("ORG", "Trafikverket"),
]  # fmt: skip


def _people(people):
    return [(p.name, p.municipality, p.affiliation, p.role, p.party, p.note) for p in people]


@pytest.mark.parametrize(
    ("block", "kind", "expected"),
    [
        pytest.param(
            "Beslutande ledamöter\nAnna Svensson (S), ordförande\nPer Olsson (M), 1:e vice ordförande\nLisa Ek (C)",
            "attendees",
            [
                ("Anna Svensson", None, None, "ordförande", "S", None),
                ("Per Olsson", None, None, "1:e vice ordförande", "M", None),
                ("Lisa Ek", None, None, None, "C", None),
            ],
            id="party-letters-and-roles",
        ),
        pytest.param(
            "Tjänstgörande ersättare\nEva Lind (S) ersätter Omar Ali (S)",
            "attendees",
            [("Eva Lind", None, None, "tjänstgörande ersättare", "S", "ersätter Omar Ali")],
            id="ersattare-replaces-member",
        ),
        pytest.param(
            "Tjänstgörande ersättare\nEva Lind (S) ersätter Omar Ali (S)",
            "absent",
            [("Omar Ali", None, None, None, "S", "ersätts av Eva Lind")],
            id="replaced-member-is-absent",
        ),
        pytest.param(
            "Närvarande: Anna Svensson, Ystads kommun, Per Olsson, Malmö stad och Lisa Ek, Skurup.",
            "attendees",
            [
                ("Anna Svensson", "Ystad", None, None, None, None),
                ("Per Olsson", "Malmö", None, None, None, None),
                ("Lisa Ek", "Skurup", None, None, None, None),
            ],
            id="inline-list-with-kommun-and-stad",
        ),
        pytest.param(
            "Närvarande: Anna Svensson, Ystad, Per Olsson\nSkurup, Lisa Ek (från kl. 10), Malmö stad",
            "attendees",
            [
                ("Anna Svensson", "Ystad", None, None, None, None),
                ("Per Olsson", "Skurup", None, None, None, None),
                ("Lisa Ek", "Malmö", None, None, None, "från kl. 10"),
            ],
            id="municipality-after-line-break",
        ),
        pytest.param(
            "Inbjudna gäster: Maria Holm och Jonas Dahl från Trafikverket, Sara Nilsson, planchef Region Skåne.",
            "guests",
            [
                ("Maria Holm", None, "Trafikverket", None, None, None),
                ("Jonas Dahl", None, "Trafikverket", None, None, None),
                ("Sara Nilsson", None, "Region Skåne", "planchef", None, None),
            ],
            id="guests-share-affiliation",
        ),
        pytest.param(
            "Övriga närvarande\nMaria Holm\tkommundirektör\nJonas Dahl\tnämndsekreterare",
            "attendees",
            [
                ("Maria Holm", None, None, "kommundirektör", None, None),
                ("Jonas Dahl", None, None, "nämndsekreterare", None, None),
            ],
            id="table-cells",
        ),
        pytest.param(
            "Närvarande:\n\nAnna Svensson, Ystad\n\n~~Per Olsson~~, Skurup\n\nLisa Ek, Skurup",
            "absent",
            [("Per Olsson", "Skurup", None, None, None, None)],
            id="struck-through-name-is-absent",
        ),
        pytest.param(
            "Ledamöter\nAnna Svensson\tS\tordförande\nPer Olsson\tM\nLisa Ek\tVD",
            "attendees",
            [
                ("Anna Svensson", None, None, "ordförande", "S", None),
                ("Per Olsson", None, None, None, "M", None),
                ("Lisa Ek", None, None, "VD", None, None),
            ],
            id="party-letters-in-table-cells",
        ),
        pytest.param(
            "Frånvarande: Karl Berg (SD)",
            "absent",
            [("Karl Berg", None, None, None, "SD", None)],
            id="franvarande",
        ),
    ],
)
def test_attendance_blocks(make_doc, block, kind, expected):
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\n{block}\n\n§ 1 Mötets öppnande\n", NAMES))
    assert _people(getattr(p, kind)) == expected


def test_a_block_ends_at_prose_even_with_names_in_it(make_doc):
    text = (
        "Närvarande: Anna Svensson, Ystad, Per Olsson, Skurup\n\n"
        "Ordföranden Anna Svensson hälsade Lisa Ek välkommen.\n\n"
        "§ 1 Öppnande\n"
    )
    p = parse_doc(make_doc(text, NAMES))
    assert [a.name for a in p.attendees] == ["Anna Svensson", "Per Olsson"]


def test_a_list_after_the_label_continues_over_blank_lines(make_doc):
    text = (
        "Närvarande:\n\nAnna Svensson, Ystad\n\nPer Olsson, Skurup\n\nSida 2 av 3\n\nLisa Ek, Skurup\n\n1. Öppnande\n"
    )
    p = parse_doc(make_doc(text, NAMES))
    assert [a.name for a in p.attendees] == ["Anna Svensson", "Per Olsson", "Lisa Ek"]


# --- items -----------------------------------------------------------------------------------


def _items(p):
    return [(i.number, i.time, i.title) for i in p.items]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "§ 12 Val av justerare\n\nText.\n\n§ 13 Budget 2024\n\nText.\n",
            [("12", None, "Val av justerare"), ("13", None, "Budget 2024")],
            id="paragraph-sign",
        ),
        pytest.param(
            "§ 12\nVal av justerare\n\nText.\n\n§ 13\nBudget 2024\n\nText.\n",
            [("12", None, "Val av justerare"), ("13", None, "Budget 2024")],
            id="paragraph-sign-title-on-next-line",
        ),
        pytest.param(
            "1. Budget\n\nFörslaget innehåller:\n\n1. En ny skola.\n\n2. Fler lärare.\n\n2. Övrigt\n",
            [("1", None, "Budget"), ("2", None, "Övrigt")],
            id="numbered-sentences-are-not-items",
        ),
        pytest.param(
            "3. Budget\n\nText.\n\n1. Bakgrund\n\n4. Övrigt\n",
            [("3", None, "Budget"), ("4", None, "Övrigt")],
            id="numbers-must-ascend",
        ),
        pytest.param(
            "09.00 Budget\n\nText.\n\n10.00 Paus\n\n10.15 Lunch\n\n13.00 Skolfrågor\n\nText.\n",
            [(None, "09:00", "Budget"), (None, "13:00", "Skolfrågor")],
            id="time-stamped-with-breaks",
        ),
        pytest.param(
            "1. Budget\n\nText.\n\nStudiebesök\n\nGruppen besökte den nya skolan och fick en visning.\n",
            [("1", None, "Budget"), (None, None, "Studiebesök")],
            id="unnumbered-section-after-items",
        ),
        pytest.param(
            "1. Övriga frågor\n\nStudiebesök\n\nGruppen besökte den nya skolan och fick en visning.\n",
            [("1", None, "Övriga frågor")],
            id="topics-of-ovriga-fragor",
        ),
        pytest.param(
            "1. Budget\n\nText.\n\nEn kort rad\n\nBeslut\n\natt godkänna.\n",
            [("1", None, "Budget")],
            id="short-line-before-a-cue-is-not-an-item",
        ),
    ],
)
def test_items(make_doc, body, expected):
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\nNärvarande: Anna Svensson, Ystad\n\n{body}", NAMES))
    assert _items(p) == expected


# --- decisions -------------------------------------------------------------------------------


def _decisions(p):
    return [[d.text for d in i.decisions] for i in p.items]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Kommunstyrelsen beslutar att godkänna budgeten.",
            ["att godkänna budgeten."],
            id="inline-beslutar-att",
        ),
        pytest.param(
            "Beslut\nKommunstyrelsen beslutar\natt godkänna budgeten för 2024,\n"
            "att uppdra åt direktören att verkställa.",
            ["att godkänna budgeten för 2024", "att uppdra åt direktören att verkställa."],
            id="one-decision-per-att-line",
        ),
        pytest.param(
            "Förslag till beslut\natt godkänna förslaget.\n\nBeslut\natt avslå förslaget.",
            ["att avslå förslaget."],
            id="proposal-is-not-a-decision",
        ),
        pytest.param(
            "Arbetsutskottet föreslår kommunstyrelsen besluta\n\natt godkänna förslaget.\n\n"
            "Kommunstyrelsen beslutar\n\natt bifalla arbetsutskottets förslag.",
            ["att bifalla arbetsutskottets förslag."],
            id="foreslar-besluta-is-a-proposal",
        ),
        pytest.param(
            "Styrelsen beslutade i maj att utreda frågan. Utredningen redovisas nu.",
            [],
            id="past-tense-is-history",
        ),
        pytest.param(
            "**Beslut:** **att** anta planen **samt att** återrapportera i maj.",
            ["att anta planen", "samt att återrapportera i maj."],
            id="emphasised-samt-att-inside-a-line",
        ),
        pytest.param(
            "Beslut: Informationen noteras.",
            ["Informationen noteras."],
            id="beslut-without-att",
        ),
        pytest.param(
            "Beslut\n\natt anta följande:\n- en ny skola\n- fler lärare\n\nDiskussion följde.",
            ["att anta följande: en ny skola fler lärare"],
            id="clause-introducing-a-list",
        ),
        pytest.param(
            "Beslut\n\natt godkänna planen.\n\nReservation\n\nKarl Berg reserverar sig.",
            ["att godkänna planen."],
            id="reservation-ends-the-decision",
        ),
        pytest.param(
            "Gruppen diskuterade.\n\natt godkänna planen\n\natt återkomma i maj",
            ["att godkänna planen", "att återkomma i maj"],
            id="att-clauses-without-a-cue",
        ),
    ],
)
def test_decisions(make_doc, body, expected):
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\n§ 1 Budget\n\n{body}\n", NAMES))
    assert _decisions(p) == [expected]


def test_decision_entities_have_document_offsets(make_doc):
    text = "§ 1 Budget\n\nBeslut\n\natt Ystads kommun får 1,5 mnkr.\n"
    doc = make_doc(text, [("MUNICIPALITY", "Ystads kommun", "Ystad"), ("AMOUNT", "1,5 mnkr", 1500000)])
    (decision,) = parse_doc(doc).items[0].decisions
    assert [(e.label, e.text, e.value) for e in decision.entities] == [
        ("MUNICIPALITY", "Ystads kommun", "Ystad"),
        ("AMOUNT", "1,5 mnkr", 1500000),
    ]
    assert all(text[e.start : e.end] == e.text for e in decision.entities)


# --- presenters and attachments ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "presenters"),
    [
        ("Föredragande: Maria Holm, kommundirektör.", ["Maria Holm"]),
        ("Föredragande:\nMaria Holm\nJonas Dahl", ["Maria Holm", "Jonas Dahl"]),
        ("Maria Holm och Jonas Dahl från Trafikverket informerar om vägen.", ["Maria Holm", "Jonas Dahl"]),
        ("Ärendet presenteras av Sara Nilsson, planchef Region Skåne.", ["Sara Nilsson"]),
        ("Ola Persson har begärt att frågan utreds. Maria Holm redogjorde för läget.", ["Maria Holm"]),
        ("Gruppen tackar Maria Holm för arbetet.", []),
    ],
)
def test_presenters(make_doc, body, presenters):
    p = parse_doc(make_doc(f"Närvarande: Anna Svensson, Ystad\n\n§ 1 Vägen\n\n{body}\n", NAMES))
    assert list(p.items[0].presenters) == presenters


def test_outside_presenters_are_guests(make_doc):
    text = (
        "Närvarande: Anna Svensson, Ystad\n\n§ 1 Vägen\n\nAnna Svensson och Sara Nilsson, Trafikverket, informerar.\n"
    )
    p = parse_doc(make_doc(text, NAMES))
    assert _people(p.guests) == [("Sara Nilsson", None, "Trafikverket", None, None, None)]


@pytest.mark.parametrize(
    ("body", "attachments"),
    [
        ("Underlag: Bilaga 1 – budget 2024.", ["Bilaga 1 – budget 2024"]),
        (
            "Beslutsunderlag: Tjänsteskrivelse 2023-01-10; Bilaga 2 Karta",
            ["Tjänsteskrivelse 2023-01-10", "Bilaga 2 Karta"],
        ),
        ("Beslutsunderlag\n- Tjänsteskrivelse\n- Karta", ["Tjänsteskrivelse", "Karta"]),
        ("Bilaga 3 Ekonomisk rapport", ["Bilaga 3 Ekonomisk rapport"]),
    ],
)
def test_attachments(make_doc, body, attachments):
    p = parse_doc(make_doc(f"§ 1 Budget\n\n{body}\n\nBeslut\n\natt godkänna.\n"))
    assert list(p.items[0].attachments) == attachments


# --- page furniture and signatures -----------------------------------------------------------------


def test_page_headers_numbers_and_signature_pages_are_not_content(make_doc):
    text = (
        "Kommunstyrelsen Ystad\n\n§ 1 Budget\n\nBeslut\n\natt godkänna budgeten\n\nSida 1 av 2\n\n"
        "Kommunstyrelsen Ystad\n\n§ 2 Skolan\n\nBeslut\n\natt bygga en skola.\n\nSida 2 av 2\n\n"
        "Verifikat\n\nTransaktion 09222115557488\n\nSignerat Anna Svensson\n"
    )
    p = parse_doc(make_doc(text, NAMES))
    assert _items(p) == [("1", None, "Budget"), ("2", None, "Skolan")]
    assert _decisions(p) == [["att godkänna budgeten"], ["att bygga en skola."]]
    assert "Verifikat" not in text[p.items[-1].start : p.items[-1].end]


@pytest.mark.parametrize(
    ("signatures", "chair", "secretary"),
    [
        ("Anna Svensson\nordförande\n\nJonas Dahl\nsekreterare", "Anna Svensson", "Jonas Dahl"),
        ("Vid protokollet\n\nJonas Dahl\n\nOrdförande ............ Anna Svensson", "Anna Svensson", "Jonas Dahl"),
        ("Ordförande: Anna Svensson\nSekreterare: Jonas Dahl\nJusterare: Per Olsson", "Anna Svensson", "Jonas Dahl"),
        ("Justerare\n\nPer Olsson", None, None),
    ],
)
def test_chair_and_secretary(make_doc, signatures, chair, secretary):
    text = f"§ 1 Budget\n\nBeslut\n\natt godkänna budgeten.\n\n{signatures}\n"
    p = parse_doc(make_doc(text, NAMES))
    assert (p.chair, p.secretary) == (chair, secretary)
    assert _decisions(p) == [["att godkänna budgeten."]]


def test_chair_from_the_attendance_role(make_doc):
    text = "Beslutande\nAnna Svensson (S), ordförande\nPer Olsson (M)\n\n§ 1 Budget\n"
    assert parse_doc(make_doc(text, NAMES)).chair == "Anna Svensson"


def test_no_entities_no_people_but_still_a_structure(make_doc):
    text = (
        "Kommunstyrelsens protokoll 2/2023\n\nNärvarande: se bilagd närvarolista\n\n"
        "§ 1 Budget\n\nBeslut\n\natt godkänna.\n"
    )
    p = parse_doc(make_doc(text))
    assert (p.attendees, p.body, _items(p), _decisions(p)) == (
        (),
        "Kommunstyrelsen",
        [("1", None, "Budget")],
        [["att godkänna."]],
    )


@pytest.mark.parametrize(
    ("listing", "entities", "names"),
    [
        pytest.param("Närvarande: Anna Svensson, Ystad", [], ["Anna Svensson"], id="a-name-the-pipeline-missed"),
        pytest.param(
            "Beslutande Per Holm Karin Lund Eva Strand Olof Berg",
            [("PERSON", "Per Holm Karin")],
            ["Per Holm", "Karin Lund", "Eva Strand", "Olof Berg"],
            id="names-run-together-in-a-lost-table",
        ),
        pytest.param(
            "Ledamöter: Lena Holm (S), Anna\n\nMaria Strand (M), Per Ek (C)",
            [("PERSON", "Lena Holm"), ("PERSON", "Per Ek")],
            ["Lena Holm", "Anna Maria Strand", "Per Ek"],
            id="a-name-broken-over-a-blank-line",
        ),
        pytest.param(
            "Närvarande: Lena Holm, Ystad, Stina Berg Sekreterare",
            [("PERSON", "Lena Holm"), ("PERSON", "Stina Berg Sekreterare"), ("MUNICIPALITY", "Ystad", "Ystad")],
            ["Lena Holm", "Stina Berg"],
            id="a-role-run-into-the-name",
        ),
    ],
)
def test_names_of_an_attendance_list(make_doc, listing, entities, names):
    """Inside an attendance list every capitalised pair is a name: the first-name lexicon cuts them."""
    p = parse_doc(make_doc(f"Kommunstyrelsen\n\n{listing}\n\n§ 1 Budget\n", entities))
    assert [a.name for a in p.attendees] == names


def test_labelled_lines_in_an_attendance_block(make_doc):
    text = (
        "Beslutande\nOrdförande: Anna Svensson (S)\nLedamot: Per Olsson (M)\nLisa Ek (C)\n\n"
        "§ 1 Budget\n\nBeslut\n\natt godkänna.\n"
    )
    p = parse_doc(make_doc(text, NAMES))
    assert _people(p.attendees) == [
        ("Anna Svensson", None, None, "ordförande", "S", None),
        ("Per Olsson", None, None, "ledamot", "M", None),
        ("Lisa Ek", None, None, None, "C", None),
    ]
    assert p.chair == "Anna Svensson"


def test_signature_table_on_the_first_page(make_doc):
    text = (
        "Kommunstyrelsen\n\nUnderskrifter\n\nSekreterare .................... Paragrafer 1-2\nJonas Dahl\n\n"
        "Ordförande ....................\nAnna Svensson\n\nJusterande ....................\nPer Olsson\n\n"
        "Beslutande: Anna Svensson (S), Per Olsson (M)\n\n§ 1 Budget\n\nBeslut\n\natt godkänna.\n"
    )
    p = parse_doc(make_doc(text, NAMES))
    assert (p.chair, p.secretary) == ("Anna Svensson", "Jonas Dahl")
    assert [a.name for a in p.attendees] == ["Anna Svensson", "Per Olsson"]


# --- a municipal board's minutes as a PDF export shows them ------------------------------------------

BOARD = """SAMMANTRÄDESPROTOKOLL
Sammanträdesdatum
2023-02-14
Sida
1(3)
Kommunstyrelsen

Plats och tid Sessionssalen, Stadshuset, kl. 13:00–16:30

Beslutande Anna Svensson (S), ordförande
Per Olsson (M)
Lisa Ek (C)
Eva Lind (S) ersätter Omar Ali (S)
Övriga deltagare Maria Holm, kommundirektör
Jonas Dahl, sekreterare
Utses att justera Per Olsson
Justeringens plats och tid Stadshuset 2023-02-20

Underskrifter Sekreterare ....................... Paragrafer 1-3
Jonas Dahl
Ordförande .......................
Anna Svensson
Justerande .......................
Per Olsson

SAMMANTRÄDESPROTOKOLL
Sammanträdesdatum
2023-02-14
Sida
2(3)
Kommunstyrelsen

§ 1 Dnr KS 2023/12
Budget 2024

Kommunstyrelsens beslut
Kommunstyrelsen beslutar att godkänna budgeten.

Sammanfattning av ärendet
Ekonomiavdelningen har tagit fram ett förslag om 1,5 mnkr.

Beslutsunderlag
Tjänsteskrivelse 2023-01-10

Beslutet skickas till
Ekonomiavdelningen

§ 2 Dnr KS 2023/20
Skolans lokaler

Arbetsutskottets förslag till beslut
att bygga om skolan.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar:
1. Skolan byggs om.
2. Kommundirektören får i uppdrag att upphandla.

SAMMANTRÄDESPROTOKOLL
Sammanträdesdatum
2023-02-14
Sida
3(3)
Kommunstyrelsen

§ 3
Information

Maria Holm informerar om läget.

Kommunstyrelsen beslutar enligt förslaget.
"""


def test_a_board_protocol_from_a_pdf_export(make_doc):
    p = parse_doc(make_doc(BOARD, NAMES + [("DATE", "2023-02-14", "2023-02-14")]))
    assert (p.body, p.meeting_date.isoformat(), p.time.start, p.time.end, p.place) == (
        "Kommunstyrelsen",
        "2023-02-14",
        "13:00",
        "16:30",
        "Sessionssalen, Stadshuset",
    )
    assert _people(p.attendees) == [
        ("Anna Svensson", None, None, "ordförande", "S", None),
        ("Per Olsson", None, None, None, "M", None),
        ("Lisa Ek", None, None, None, "C", None),
        ("Eva Lind", None, None, None, "S", "ersätter Omar Ali"),
        ("Maria Holm", None, None, "kommundirektör", None, None),
        ("Jonas Dahl", None, None, "sekreterare", None, None),
    ]
    assert [a.name for a in p.absent] == ["Omar Ali"]
    assert (p.chair, p.secretary) == ("Anna Svensson", "Jonas Dahl")
    assert _items(p) == [("1", None, "Budget 2024"), ("2", None, "Skolans lokaler"), ("3", None, "Information")]
    assert _decisions(p) == [
        ["att godkänna budgeten."],
        ["1. Skolan byggs om.", "2. Kommundirektören får i uppdrag att upphandla."],
        ["Kommunstyrelsen beslutar enligt förslaget."],
    ]
    assert list(p.items[0].attachments) == ["Tjänsteskrivelse 2023-01-10"]
    assert list(p.items[2].presenters) == ["Maria Holm"]
