"""The full structure of the five seed protocols, written by reading them.

Entities come from the gold corpus, so this tests the layout parsing alone. Each seed
has its own layout: 2016 markdown (``**att**``, ``samt att``, ``####`` headings), 2018
(``Beslut:`` with ``Att``, guests with roles, an unnumbered closing section), 2020
(names and municipalities running over line breaks, notes in parentheses), 2021
(time-stamped agenda, struck-through name, ``Paus``), 2024 (one attendee per line,
``Föredragande:``, ``Underlag:``, ``Mötet beslutar``, repeated page header, signature page).
"""

from __future__ import annotations

import pytest

from famhbg_nlp.protocol import Protocol, parse_doc

# (name, municipality) in the order of the minutes
EXPECTED_ATTENDANCE = {
    "kdg-2016-03-17": {
        "attendees": [
            ("Palle Lundberg", "Helsingborg"),
            ("Peter Andreasson", "Örkelljunga"),
            ("Stefan Johansson", "Landskrona"),
            ("Lilian Eriksson", "Ängelholm"),
            ("Lena Mårtensson-Stenudd", "Åstorp"),
            ("Christer Pålsson", "Bjuv"),
            ("Jan-Inge Hansson", None),
        ],
        "absent": [
            ("Fredrik Löfqvist", "Svalöv"),
            ("Herman Crespín", "Höganäs"),
            ("Katarina Pelin", "Båstad"),
            ("Per Almström", "Perstorp"),
            ("Tomas Rikse", "Klippan"),
        ],
        "guests": [("Vesna Jovic", "Huddinge"), ("Bengt Svenander", "Haninge")],
    },
    "kdg-2018-06-15": {
        # "Närvarande: Helsingborg, Ulf Bengtsson, ..." opens with a municipality without a name
        "attendees": [
            ("Ulf Bengtsson", "Perstorp"),
            ("Lilian Eriksson", "Ängelholm"),
            ("Christer Pålsson", "Bjuv"),
            ("Lena Mårtensson-Stenudd", "Åstorp"),
            ("Charlotta Kabo Stenberg", "Örkelljunga"),
            ("Tomas Rikse", "Klippan"),
            ("Stefan Larsson", "Svalöv"),
            ("Jan Bernhardsson", "Båstad"),
            ("Herman Crespin", "Höganäs"),
            ("Johan Lindberg", None),
        ],
        "absent": [("Christian Alexandersson", "Landskrona"), ("Palle Lundberg", "Helsingborg")],
        "guests": [
            ("Cecilia Holmblad", None),
            ("Jennica Ericson", None),
            ("Christer Paulsson", None),
            ("Lisa Enström", None),
            ("Jörgen Fransson", None),
            ("Annelie Börjesdotter", "Perstorp"),
            ("Christina Hansson", "Perstorp"),
        ],
    },
    "kdg-2020-11-27": {
        "attendees": [
            ("Palle Lundberg", "Helsingborg"),
            ("Ulf Bengtsson", "Perstorp"),
            ("Lilian Eriksson", "Ängelholm"),  # "Lilian Eriksson\nÄngelholm"
            ("Jonas Jönsson", "Åstorp"),
            ("Tomas Rikse", "Klippan"),
            ("Christer Pålsson", "Bjuv"),  # "Christer Pålsson,\nBjuv"
            ("Herman Crespin", "Höganäs"),
            ("Stefan Christensson", "Örkelljunga"),
            ("Stefan Larsson", "Svalöv"),
            ("Carina Leffler", "Landskrona"),
            ("Charlotte Rosenlund Sjövall", "Båstad"),
            ("Johan Lindberg", None),
        ],
        "absent": [],  # "Anmält förhinder:" with nobody after it
        # presenters from outside: "Pernilla Blixt och David Nordling, från Startpoint Advisory,
        # berättade", "presenterades av Pernilla Fahlstedt (Ängelholms kommun) ..."
        "guests": [
            ("Pernilla Blixt", None),
            ("David Nordling", None),
            ("Pernilla Fahlstedt", "Ängelholm"),
            ("Lars-Ola Olsson", "Ängelholm"),
            ("Max Granström", "Helsingborg"),
        ],
    },
    "kdg-2021-06-18": {
        "attendees": [
            ("Christer Pålsson", "Bjuv"),
            ("Charlotte Rosenlund Sjövall", "Båstad"),
            ("Palle Lundberg", "Helsingborg"),
            ("Herman Crespin", "Höganäs"),
            ("Tomas Rikse", "Klippan"),
            ("Carina Leffler", "Landskrona"),
            ("Ulf Bengtsson", "Perstorp"),
            ("Stefan Larsson", "Svalöv"),
            ("Kristina Magnusson", "Ängelholm"),
            ("Stefan Christensson", "Örkelljunga"),
            ("Johan Lindberg", None),
        ],
        "absent": [("Jonas Jönsson", "Åstorp")],  # ~~Jonas Jönsson, Åstorp~~
        "guests": [
            ("Camilla Alfredsson", "Helsingborg"),
            ("Robin Pebrsson", "Ängelholm"),
            ("Jonas Florén", "Landskrona"),
            ("Mia Wihlborg", "Landskrona"),
            ("Anneli Sjöborg", "Höganäs"),
            ("Max Granström", "Helsingborg"),
            ("Lars-Ola Olsson", None),
            ("Claes Malmberg", None),
            ("Andreas Jarud", None),
            ("Mattias Bjellvi", None),
            ("Fanny Lindblad", None),
            ("Henne Skak Jensen", None),
            ("Annette Melander Berg", None),
        ],
    },
    "kdg-2024-04-19": {
        "attendees": [
            ("Christian Alexandersson", "Bjuv"),
            ("Per Borg", "Båstad"),
            ("Carina Leffler", "Helsingborg"),
            ("Herman Crespin", "Höganäs"),
            ("Tomas Rikse", "Klippan"),
            ("Pernilla Anderberg", "Landskrona"),
            ("Elin Ask", "Perstorp"),  # after a page break inside the list
            ("Jonas Jönsson", "Åstorp"),
            ("Kristina Magnusson", "Ängelholm"),
            ("Ardiana Demjaha", "Örkelljunga"),
            ("Christian Dahlmann", None),
        ],
        "absent": [("Stefan Larsson", "Svalöv")],
        "guests": [("Mats Hallberg", None), ("Anders Björkqvist", None)],
    },
}

# (name, field, value) details of particular participants
EXPECTED_DETAILS = [
    ("kdg-2016-03-17", "attendees", "Jan-Inge Hansson", "affiliation", "Familjen Helsingborg"),
    ("kdg-2018-06-15", "attendees", "Johan Lindberg", "role", "sekretariatet"),
    ("kdg-2018-06-15", "attendees", "Johan Lindberg", "affiliation", "Familjen Helsingborg"),
    ("kdg-2018-06-15", "guests", "Cecilia Holmblad", "role", "renhållningschef"),
    ("kdg-2018-06-15", "guests", "Cecilia Holmblad", "affiliation", "NSR"),
    ("kdg-2018-06-15", "guests", "Jennica Ericson", "affiliation", "FoodEvolution"),
    ("kdg-2018-06-15", "guests", "Christer Paulsson", "affiliation", "FoodEvolution"),
    ("kdg-2018-06-15", "guests", "Lisa Enström", "affiliation", "nätverket Näringsliv och Destination"),
    ("kdg-2018-06-15", "guests", "Jörgen Fransson", "affiliation", "HR nätverket"),
    (
        "kdg-2018-06-15",
        "guests",
        "Annelie Börjesdotter",
        "affiliation",
        "projektet Digital Innovation for Dementia Care",
    ),
    ("kdg-2020-11-27", "attendees", "Tomas Rikse", "note", "från 0840"),
    ("kdg-2020-11-27", "attendees", "Carina Leffler", "note", "borta ca 0900-0930"),
    ("kdg-2020-11-27", "attendees", "Charlotte Rosenlund Sjövall", "note", "till kl 1030"),
    ("kdg-2020-11-27", "attendees", "Johan Lindberg", "role", "sekretariatet"),
    ("kdg-2020-11-27", "attendees", "Palle Lundberg", "note", None),
    ("kdg-2020-11-27", "guests", "David Nordling", "affiliation", "Startpoint Advisory"),
    ("kdg-2021-06-18", "attendees", "Johan Lindberg", "role", "sekretariatet"),
    ("kdg-2021-06-18", "guests", "Lars-Ola Olsson", "role", "projektledare"),
    ("kdg-2021-06-18", "guests", "Mattias Bjellvi", "affiliation", "nätverket Strategisk samhällsplanering"),
    ("kdg-2024-04-19", "attendees", "Christian Dahlmann", "role", "sekretariatet"),
    ("kdg-2024-04-19", "guests", "Anders Björkqvist", "role", "kulturchefsnätverket"),
]

EXPECTED_HEADER = {
    # body, protocol number, meeting date, time, place, chair, secretary
    "kdg-2016-03-17": (
        "Kommundirektörsgruppen", "3/2016", "2016-03-17", ("09:00", "12:00"),
        "Stockholm Conference Center (N Latin)", "Palle Lundberg", "Jan-Inge Hansson",
    ),
    "kdg-2018-06-15": (
        "Kommundirektörsgruppen", "5/2018", "2018-06-15", ("08:40", "12:10"),
        "Mindpark PenthouseE7, Helsingborg", None, "Johan Lindberg",
    ),
    "kdg-2020-11-27": (
        "Kommundirektörsgruppen", "9/2020", "2020-11-27", ("08:30", "11:00"),
        "via Teams", "Palle Lundberg", "Johan Lindberg",
    ),
    "kdg-2021-06-18": (
        None, None, "2021-06-18", ("08:30", "12:00"),
        "på distans via verktyget Teams", "Palle Lundberg", "Johan Lindberg",
    ),
    "kdg-2024-04-19": (
        None, None, "2024-04-19", ("08:30", "11:30"),
        "Marina Plaza, lokal Galleriet, Helsingborg", None, None,
    ),
}  # fmt: skip

# (number, time, title, number of decisions, presenters, attachments)
EXPECTED_ITEMS = {
    "kdg-2016-03-17": [
        ("1", None, "Årsredovisning och revisionsberättelse 2015", 1, [], []),
        ("2", None, "Genomgång handlingsplaner 2016", 3, [], []),  # att, att, samt att
        ("3", None, "Gränssnitt och arbetsfördelning för Familjen Helsingborg", 2, [], []),
        ("4", None, "Tematiska ämnen 2016-2017", 3, [], []),
        ("5", None, "Projektplan ungdomsprojekt", 1, ["Christer Pålsson"], []),
        ("6", None, "Matstaden Familjen Helsingborg och Food evolution", 1, [], []),
    ],
    "kdg-2018-06-15": [
        ("1", None, "Slutredovisning ”Skitlite”", 1, ["Cecilia Holmblad"], []),
        ("2", None, "HR nätverket ger en lägesrapport från rekryteringsprojektet BigData", 0, ["Jörgen Fransson"], []),
        (
            "3", None, "FoodEvolution redovisar leaderprojektet Food Evolution – en förstudie", 1,
            ["Jennica Ericson", "Christer Paulsson", "Lisa Enström"], [],
        ),
        ("4", None, "Rapport från SKLs Kommundirektörsnätverk 17-18/5", 1, ["Tomas Rikse"], []),
        ("5", None, "Dialog med kommunikationsansvariga", 1, [], []),
        ("6", None, "Statistik på Familjen Helsingborg nivå", 0, [], []),
        (None, None, "Tematisk uppföljning", 0, ["Annelie Börjesdotter", "Christina Hansson"], []),
    ],
    "kdg-2020-11-27": [
        ("1", None, "Incheckning", 0, [], []),
        ("2", None, "Korta informationer från sekretariatet", 1, [], []),
        (
            "3", None, "Utredning fördjupad samverkan Näringsliv och Destination", 1,
            ["Johan Lindberg", "Pernilla Blixt", "David Nordling"], [],
        ),
        (
            "4", None, "Projektplaner inför styrelsemöte 201204", 1,
            ["Pernilla Fahlstedt", "Lars-Ola Olsson", "Max Granström"], [],
        ),
        ("5", None, "Projektplaner från styrelsemöte 200903-04", 4, ["Johan Lindberg"], []),
        ("6", None, "Skånes Kommuner – reflektioner efter kommunchefsmötet 201120", 1, [], []),
        ("7", None, "Om ev krav på distanslösning i nätverken", 3, [], []),
        ("8", None, "Regionplan – om organisation inför gemensamt remissyttrande", 1, ["Johan Lindberg"], []),
        ("9", None, "Övrigt", 1, [], []),
    ],
    "kdg-2021-06-18": [
        (None, "08:30", "Incheckning", 0, [], []),
        (
            None, "09:00", "Test- och utvecklingsprojekt – bedömning av projektplaner", 3,
            ["Camilla Alfredsson", "Robin Pebrsson", "Jonas Florén", "Mia Wihlborg", "Anneli Sjöborg", "Max Granström"],
            [],
        ),
        (None, "10:30", "Slutrapport projektet Gymnasieutbildning i en alternativ tid", 2, ["Lars-Ola Olsson"], []),
        (
            None, "10:50", "Lägesrapport projektet Familjen Helsingborg tillsammans för fler etableringar", 2,
            ["Claes Malmberg", "Andreas Jarud", "Mattias Bjellvi"], [],
        ),
        (
            None, "11:10", "Projektplan ”kickstart destination”", 2,
            ["Fanny Lindblad", "Henne Skak Jensen", "Annette Melander Berg"], [],
        ),
        (None, "11:35", "Skånes Kommuner", 1, [], []),
        (None, "11:45", "Avstämningar", 4, ["Johan Lindberg"], []),
        (None, "12:00", "Övrigt", 0, [], []),
    ],
    "kdg-2024-04-19": [
        ("1", None, "Mötets öppnande och incheckning", 0, [], []),
        (
            "2", None, "Uppsamling/sammanfattning efter styrelsemötet 5 april", 2, ["Christian Dahlmann"],
            ["Bilaga 1 – protokoll från styrelsemötet den 5 april 2024"],
        ),
        ("3", None, "Aktualitetsprövningen av regionplanen", 1, ["Christian Dahlmann"], []),
        (
            "4", None, "Potentialutredningen", 1, ["Christian Dahlmann"],
            ["Bilaga 2 – utkast till förfrågningsunderlag"],
        ),
        (
            "5", None, "Fira framtid – Film i familjen", 1, ["Mats Hallberg", "Anders Björkqvist"],
            [
                "Bilaga 3 – slutrapport test- och utvecklingsprojekt \"Film i familjen\" med tillhörande "
                "ekonomisk slutredovisning"
            ],
        ),
        ("6", None, "Studieresa för kommundirektörgruppen 22–23 augusti", 1, ["Christian Dahlmann"], []),
        (
            "7", None, "Information om befintliga ledarskapsutbildningar inom Familjen Helsingborg", 1,
            ["Christian Dahlmann"], [],
        ),
        ("8", None, "Övriga frågor", 3, [], []),  # three sub-topics, each with a decision
        ("9", None, "Mötet avslutas", 0, [], []),
    ],
}  # fmt: skip

SEEDS = sorted(EXPECTED_ITEMS)


@pytest.fixture(scope="module")
def protocols(gold_docs) -> dict[str, Protocol]:
    return {doc_id: parse_doc(doc, doc_id) for doc_id, doc in gold_docs.items()}


def test_the_gold_corpus_holds_the_five_seeds(protocols):
    assert sorted(protocols) == SEEDS


@pytest.mark.parametrize("doc_id", SEEDS)
def test_header(protocols, doc_id):
    p = protocols[doc_id]
    body, number, meeting_date, time, place, chair, secretary = EXPECTED_HEADER[doc_id]
    assert p.body == body
    assert p.protocol_number == number
    assert p.meeting_date.isoformat() == meeting_date
    assert (p.time.start, p.time.end) == time
    assert p.place == place
    assert p.chair == chair
    assert p.secretary == secretary


@pytest.mark.parametrize("kind", ["attendees", "absent", "guests"])
@pytest.mark.parametrize("doc_id", SEEDS)
def test_attendance(protocols, doc_id, kind):
    got = [(p.name, p.municipality) for p in getattr(protocols[doc_id], kind)]
    assert got == EXPECTED_ATTENDANCE[doc_id][kind]


@pytest.mark.parametrize(
    ("doc_id", "kind", "name", "field", "value"),
    [pytest.param(*row, id=f"{row[0]}-{row[2]}-{row[3]}") for row in EXPECTED_DETAILS],
)
def test_participant_details(protocols, doc_id, kind, name, field, value):
    (person,) = [p for p in getattr(protocols[doc_id], kind) if p.name == name]
    assert getattr(person, field) == value


@pytest.mark.parametrize("doc_id", SEEDS)
def test_items(protocols, doc_id):
    got = [
        (i.number, i.time, i.title, len(i.decisions), list(i.presenters), list(i.attachments))
        for i in protocols[doc_id].items
    ]
    assert got == EXPECTED_ITEMS[doc_id]


@pytest.mark.parametrize("doc_id", SEEDS)
def test_decisions_are_att_clauses_with_their_entities(protocols, gold_docs, doc_id):
    protocol, text = protocols[doc_id], gold_docs[doc_id].text
    for item in protocol.items:
        for decision in item.decisions:
            assert decision.text.split()[0] in ("att", "Att", "samt"), decision.text
            assert item.start <= decision.start < decision.end <= item.end
            assert "*" not in decision.text and "\n" not in decision.text
            inside = [e for e in protocol.entities if decision.start <= e.start and e.end <= decision.end]
            assert list(decision.entities) == inside
            for e in decision.entities:
                assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("doc_id", SEEDS)
def test_items_are_ordered_and_hold_no_boilerplate(protocols, gold_docs, doc_id):
    protocol, text = protocols[doc_id], gold_docs[doc_id].text
    for a, b in zip(protocol.items, protocol.items[1:]):
        assert a.end <= b.start
    for item in protocol.items:
        body = text[item.start : item.end]
        assert "Underskriftssida" not in body
        assert "sekretariatschef\n" not in body  # the signature block is not in the last item


def test_decision_texts_2016(protocols):
    """``**att**`` and ``**samt att**`` are cleaned; ``samt att`` starts a decision of its own."""
    item = protocols["kdg-2016-03-17"].items[1]
    assert [d.text for d in item.decisions] == [
        "att uppdraga åt de kommuner som ännu inte gjort handlingsplanen att snarast skicka in materialet till "
        "sekretariatet",
        "att respektive huvudansvarig kommun ansvarar för att aktiviteterna genomförs",
        "samt att handlingsplanerna följs upp efter tertial 2 och i samband med tematiska möten.",
    ]


def test_decision_after_page_header_2024(protocols, gold_docs):
    """The repeated page header between ``Mötet beslutar`` and the clause is not part of anything."""
    decision = protocols["kdg-2024-04-19"].items[2].decisions[0]
    assert decision.text.startswith("att uppdra till nätverket för strategisk samhällsplanering")
    assert decision.text.endswith("den 17 maj 2024.")
    assert [(e.label, e.text, e.value) for e in decision.entities] == [
        ("ORG", "familjen Helsingborg", None),
        ("DATE", "17 maj 2024", "2024-05-17"),
    ]


def test_decision_entities_2020(protocols):
    decision = protocols["kdg-2020-11-27"].items[1].decisions[0]
    assert [(e.label, e.text) for e in decision.entities] == [
        ("PERSON", "Christer Pålsson"),
        ("ORG", "Familjen Helsingborgs"),
        ("ORG", "Skånes Kommuner"),
        ("PERSON", "Johan Lindberg"),
        ("ORG", "Skånes Kommuner"),
    ]


@pytest.mark.parametrize("doc_id", SEEDS)
def test_to_dict_round_trips(protocols, doc_id):
    p = protocols[doc_id]
    data = p.to_dict()
    assert data["schema_version"] == "1"
    assert Protocol.from_dict(data) == p
