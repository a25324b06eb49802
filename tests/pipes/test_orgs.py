"""The organisations component: known organisations, names made organisations by their form,
acronyms and aliases the text defines, the scheme's exclusions, merging with the NER."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

import famhbg_nlp


@pytest.fixture(scope="module")
def nlp():
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_orgs")
    return nlp


def orgs(nlp, text: str) -> list[str]:
    return [ent.text for ent in nlp(text).ents if ent.label_ == "ORG"]


# ------------------------------------------------------------------ known organisations

KNOWN = [
    pytest.param("Skatteverket", id="agency"),
    pytest.param("Skatteverkets", id="agency-genitive"),
    pytest.param("Försäkringskassan", id="försäkringskassan"),
    pytest.param("Socialstyrelsen", id="agency-ending-like-a-board"),
    pytest.param("Trafikverket", id="trafikverket"),
    pytest.param("Boverket", id="boverket"),
    pytest.param("Kammarkollegiet", id="kammarkollegiet"),
    pytest.param("Naturvårdsverket", id="naturvårdsverket"),
    pytest.param("Myndigheten för samhällsskydd och beredskap", id="multiword-agency"),
    pytest.param("MSB", id="agency-acronym"),
    pytest.param("SCB:s", id="acronym-genitive"),
    pytest.param("SKATTEVERKET", id="capitals"),
    pytest.param("Region Skåne", id="region"),
    pytest.param("Region Jämtland Härjedalen", id="region-two-words"),
    pytest.param("Västra Götalandsregionen", id="vgr"),
    pytest.param("VGR:s", id="vgr-acronym-genitive"),
    pytest.param("Region Stockholm", id="region-stockholm"),
    pytest.param("Stockholms läns landsting", id="former-county-council"),
    pytest.param("SKR", id="skr"),
    pytest.param("SKR:s", id="skr-genitive"),
    pytest.param("Sveriges Kommuner och Regioner", id="skr-full"),
    pytest.param("SKL", id="skl"),
    pytest.param("SKLs", id="acronym-genitive-without-colon"),
    pytest.param("Socialdemokraterna", id="party"),
    pytest.param("socialdemokraterna", id="party-lower-case"),
    pytest.param("Centerpartiet", id="centerpartiet"),
    pytest.param("Moderaterna", id="moderaterna"),
    pytest.param("Sverigedemokraternas", id="party-genitive"),
    pytest.param("Miljöpartiet de gröna", id="party-variant"),
    pytest.param("Folkpartiet", id="former-party"),
    pytest.param("kammarrätten", id="court-lower-case"),
    pytest.param("förvaltningsrättens", id="court-lower-genitive"),
    pytest.param("Högsta förvaltningsdomstolen", id="supreme-administrative-court"),
    pytest.param("Svea hovrätt", id="court-of-appeal"),
    pytest.param("Lunds universitet", id="university"),
    pytest.param("KTH", id="university-acronym"),
    pytest.param("Vårdförbundet", id="union"),
    pytest.param("Lärarförbundet", id="union-2"),
    pytest.param("TCO", id="union-confederation"),
    pytest.param("Saco", id="saco"),
    pytest.param("Hyresgästföreningen", id="association"),
    pytest.param("Sveriges Radio", id="broadcaster"),
    pytest.param("Arbetsförmedlingen", id="employment-service"),
    pytest.param("Polisen", id="police"),
    pytest.param("Europeiska unionen", id="eu"),
]


@pytest.mark.parametrize("name", KNOWN)
def test_known_organisation(nlp, name):
    assert orgs(nlp, f"Yttrande till {name} om förslaget.") == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Avtalet med Kommunal och Vision gäller.", ["Kommunal", "Vision"], id="ambiguous-mid-sentence"),
        pytest.param("Kommunal vuxenutbildning erbjuds.", [], id="ambiguous-adjective"),
        pytest.param("Vision 2030 antogs av fullmäktige.", [], id="ambiguous-sentence-start"),
        pytest.param("Beslut om EU-stöd och bidrag från EU.", ["EU"], id="eu-not-inside-compound"),
        pytest.param("Carl Larsson (M) ersätter Thom Ericsson (M).", [], id="company-that-is-a-surname"),
        pytest.param("Anna Berg (S), Per Ek (KD) och Eva Lind (MP)", [], id="party-letters-are-no-spans"),
    ],
)
def test_known_organisation_in_context(nlp, text, expected):
    assert orgs(nlp, text) == expected


# ------------------------------------------------------------------ names made organisations by their form

FORMS = [
    pytest.param("Avtal med Byggmästarna Nord AB om entreprenad.", ["Byggmästarna Nord AB"], id="company-AB"),
    pytest.param("Boliden Mineral AB ansöker om tillstånd.", ["Boliden Mineral AB"], id="company-sentence-start"),
    pytest.param("Luleå Energi AB:s styrelse", ["Luleå Energi AB:s"], id="company-genitive-colon"),
    pytest.param(
        "ägartillskott till Kiladalens utvecklings AB", ["Kiladalens utvecklings AB"], id="lower-case-word-before-form"
    ),
    pytest.param("Vatten & Avfall i Malung-Sälen AB", ["Vatten & Avfall i Malung-Sälen AB"], id="connectors-inside"),
    pytest.param("Resultatrapport för AB Familjebostäder", ["AB Familjebostäder"], id="AB-before-name"),
    pytest.param("Styrelsen i Vilhelminahem AB", ["Vilhelminahem AB"], id="municipal-housing-company"),
    pytest.param("Bolaget Storbo Bostäder AB bildas.", ["Storbo Bostäder AB"], id="municipal-company-bostäder"),
    pytest.param("Firman Nilssons Bygg HB anlitas.", ["Nilssons Bygg HB"], id="trading-partnership-HB"),
    pytest.param("Ek Konsult KB fakturerar.", ["Ek Konsult KB"], id="limited-partnership-KB"),
    pytest.param(
        "Ansökan från Bygdegården Norra ekonomisk förening.",
        ["Bygdegården Norra ekonomisk förening"],
        id="ekonomisk-förening",
    ),
    pytest.param("utträde ur West Sweden ideell förening", ["West Sweden ideell förening"], id="ideell-förening"),
    pytest.param("Södra Skogsägarna Aktiebolag", ["Södra Skogsägarna Aktiebolag"], id="Aktiebolag"),
    pytest.param(
        "Bidrag till Kalmar läns hembygdsförbund beviljas.",
        ["Kalmar läns hembygdsförbund"],
        id="county-genitive-association",
    ),
    pytest.param("Sjuhärads samordningsförbund redovisar.", ["Sjuhärads samordningsförbund"], id="samordningsförbund"),
    pytest.param(
        "Årsredovisning Sjuhärads kommunalförbund", ["Sjuhärads kommunalförbund"], id="kommunalförbund-heading"
    ),
    pytest.param(
        "Södra Älvsborgs Räddningstjänstförbund",
        ["Södra Älvsborgs Räddningstjänstförbund"],
        id="räddningstjänstförbund",
    ),
    pytest.param(
        "Samordningsförbundet Sydnärke beviljas medel.",
        ["Samordningsförbundet Sydnärke"],
        id="prefix-samordningsförbundet",
    ),
    pytest.param("VD för Stiftelsen Jamtli", ["Stiftelsen Jamtli"], id="prefix-stiftelsen"),
    pytest.param("Avtal med Region Jönköping", ["Region Jönköping"], id="prefix-region"),
    pytest.param("Länsstyrelsen i Norrbotten beslutar.", ["Länsstyrelsen i Norrbotten"], id="county-board-i"),
    pytest.param(
        "Länsstyrelsen i Västra Götalands län", ["Länsstyrelsen i Västra Götalands län"], id="county-board-län"
    ),
    pytest.param(
        "Förvaltningsrätten i Luleå har avgjort målet.", ["Förvaltningsrätten i Luleå"], id="administrative-court-i"
    ),
    pytest.param("dom från Stockholms tingsrätt", ["Stockholms tingsrätt"], id="district-court"),
    pytest.param("Högskolan i Kristianstad deltar.", ["Högskolan i Kristianstad"], id="university-college-i"),
    pytest.param("Högskolan i Kristianstad och Krinova", ["Högskolan i Kristianstad"], id="name-never-crosses-och"),
    pytest.param("kurser vid Mälardalens högskola", ["Mälardalens högskola"], id="head-word-högskola"),
    pytest.param("angående Markaryds Folkhögskola", ["Markaryds Folkhögskola"], id="folkhögskola-separate-word"),
    pytest.param("Bidrag till Vindelns folkhögskola", ["Vindelns folkhögskola"], id="folkhögskola-lower-case"),
    pytest.param("annons i Hallands Nyheter", ["Hallands Nyheter"], id="newspaper-head-word"),
    pytest.param("Hyresavtal med Färjestads BK förlängs.", ["Färjestads BK"], id="sports-club-after"),
    pytest.param("Matchen mot IFK Göteborg spelas.", ["IFK Göteborg"], id="sports-club-before"),
    pytest.param("Bidrag till Naturskyddsföreningen beviljas.", ["Naturskyddsföreningen"], id="association-compound"),
    pytest.param("Nykvarnspartiet yrkar bifall.", ["Nykvarnspartiet"], id="local-party"),
    pytest.param(
        "Bidrag till Brottsofferjouren Småland West", ["Brottsofferjouren Småland West"], id="head-with-name-after"
    ),
    pytest.param("Stöd till Kvinnojouren i Mora", ["Kvinnojouren i Mora"], id="head-i-place"),
    pytest.param(
        "medlem i International Cities of Refuge Network",
        ["International Cities of Refuge Network"],
        id="english-network",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_names_made_organisations_by_their_form(nlp, text, expected):
    assert orgs(nlp, text) == expected


# ------------------------------------------------------------------ acronyms and aliases the text defines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Nordöstra Vatten och Avlopp AB (NÖVA) bildas. NÖVA ska ägas av kommunerna. NÖVA:s styrelse utses.",
            ["Nordöstra Vatten och Avlopp AB", "NÖVA", "NÖVA", "NÖVA:s"],
            id="acronym-defined-after-a-company",
        ),
        pytest.param(
            "Södra Älvsborgs Räddningstjänstförbund (SÄRF) redovisar. Ledamot i SÄRF utses.",
            ["Södra Älvsborgs Räddningstjänstförbund", "SÄRF", "SÄRF"],
            id="acronym-defined-after-an-association",
        ),
        pytest.param(
            "Avtal med Erastos AB tecknas. Erastos levererar tjänsten.",
            ["Erastos AB", "Erastos"],
            id="company-name-without-its-form",
        ),
        pytest.param(
            "Mål- och resursplan (MRP) antas. MRP gäller 2015.",
            [],
            id="acronym-of-a-plan-is-no-org",
        ),
    ],
)
def test_acronyms_and_aliases(nlp, text, expected):
    assert orgs(nlp, text) == expected


def test_acronyms_can_be_switched_off():
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_orgs", config={"acronyms": False})
    assert (
        orgs(nlp, "Nordöstra Vatten och Avlopp AB (NÖVA) bildas. NÖVA ska ägas.")
        == [
            "Nordöstra Vatten och Avlopp AB",
            "Erastos",
        ][:1]
    )


# ------------------------------------------------------------------ the scheme's exclusions

NOT_ORGS = [
    pytest.param("Kommunstyrelsen beslutar enligt förslaget.", id="kommunstyrelsen"),
    pytest.param("Ärendet går till Socialnämnden.", id="nämnd"),
    pytest.param("Tekniska förvaltningen redovisar.", id="förvaltning"),
    pytest.param("Kostserviceenheten levererar maten.", id="unit"),
    pytest.param("Eleverna på Brännaskolan deltar.", id="own-school"),
    pytest.param("Arbetsutskottet sammanträder.", id="utskott"),
    pytest.param("idrottsföreningen i byn ansöker", id="lower-case-association-word-alone"),
    pytest.param("Föreningen ansöker om bidrag.", id="association-word-alone"),
    pytest.param("Enligt SOU 2021:12 ska kommunerna", id="document-series"),
    pytest.param("Jonas Larsson och Eva Berg deltar.", id="persons"),
    pytest.param("Mötet hölls i Stadshuset, Marina Plaza.", id="venues"),
    pytest.param("PRO T OK OL L", id="spaced-heading"),
    pytest.param("Sida 1 av 3", id="page"),
]


@pytest.mark.parametrize("text", NOT_ORGS)
def test_not_an_organisation(nlp, text):
    assert orgs(nlp, text) == []


# ------------------------------------------------------------------ merging with the NER


def _with_ents(nlp, text: str, ents: list[tuple[str, str]]):
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return nlp.get_pipe("famhbg_orgs")(doc)


def test_org_replaces_a_person_of_the_ner(nlp):
    doc = _with_ents(nlp, "Rapport från Malungs Elverk AB idag.", [("Malungs Elverk AB", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Malungs Elverk AB", "ORG")]


def test_person_outside_the_org_stays_a_person(nlp):
    text = "genom VD Jonas Larsson Malung-Sälen Turism AB, genom"
    doc = _with_ents(nlp, text, [("Jonas Larsson Malung-Sälen Turism AB", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Jonas Larsson", "PERSON"), ("Malung-Sälen Turism AB", "ORG")]


def test_unsupported_single_word_org_of_the_ner_is_dropped(nlp):
    doc = _with_ents(
        nlp, "Se Kommun & politik/Möten på webben. Avtal med Tensta Träff.", [("Möten", "ORG"), ("Tensta Träff", "ORG")]
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("Tensta Träff", "ORG")]


@pytest.mark.parametrize(
    "surface",
    [
        pytest.param("Naturbruksgymnasiet i Kalix", id="own-school"),
        pytest.param("Malmberget 2:11", id="property-designation"),
        pytest.param("Förskolan Gläntan", id="preschool"),
    ],
)
def test_unsupported_multiword_org_of_the_ner_is_dropped(nlp, surface):
    doc = _with_ents(nlp, f"Ärendet gäller {surface} och mer.", [(surface, "ORG")])
    assert list(doc.ents) == []


def test_recurring_single_word_org_of_the_ner_is_kept(nlp):
    text = "Avtal med NSR om avfall. Kostnaden för NSR ökar. Se Kommun & politik/Möten."
    doc = nlp.make_doc(text)
    starts = [i for i in range(len(text)) if text.startswith("NSR", i)] + [text.index("Möten")]
    doc.ents = [doc.char_span(m, m + (3 if text[m] == "N" else 5), label="ORG") for m in starts]
    doc = nlp.get_pipe("famhbg_orgs")(doc)
    assert [e.text for e in doc.ents] == ["NSR", "NSR"]


def test_unsupported_orgs_kept_when_configured():
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_orgs", config={"drop_unsupported": False})
    doc = _with_ents(nlp, "Se Kommun & politik/Möten på webben.", [("Möten", "ORG")])
    assert [e.text for e in doc.ents] == ["Möten"]


def test_every_rule_span_is_kept_in_doc_spans(nlp):
    doc = nlp("Skatteverket och Boliden Mineral AB.")
    assert [s.text for s in doc.spans["famhbg_orgs"]] == ["Skatteverket", "Boliden Mineral AB"]


def test_rules_pipeline_has_the_orgs_component_first():
    assert famhbg_nlp.rules_pipeline().pipe_names[0] == "famhbg_orgs"


def test_org_wins_over_a_municipality_inside_it():
    nlp = famhbg_nlp.rules_pipeline()
    doc = nlp("Dom från Stockholms tingsrätt. Avtal med Malung-Sälen Turism AB.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Stockholms tingsrätt", "ORG"),
        ("Malung-Sälen Turism AB", "ORG"),
    ]


def test_saved_pipeline_loads(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "Skatteverket och Boliden Mineral AB."
    assert orgs(loaded, text) == orgs(nlp, text) == ["Skatteverket", "Boliden Mineral AB"]


def test_span_label(nlp):
    doc = nlp("Skatteverket")
    assert isinstance(doc.ents[0], Span) and doc.ents[0].label_ == "ORG"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.sampled_from(list("sSförbundetkommunalFÖRBUNDETaİK\u212a-:' "))))
def test_the_reversed_head_test_agrees_with_the_search(nlp, word):
    """A word is tested for an organisation head at its end by matching the reversed word (fast); the
    answer is that of the search for the head at the end."""
    orgs = nlp.get_pipe("famhbg_orgs")
    heads = orgs.patterns.heads
    for text in (word, *(word + h for h in heads[:5]), *(word + h.upper() + "s" for h in heads[-5:])):
        assert bool(orgs._head_ends_reversed.match(text[::-1])) == bool(orgs._head_ends.search(text)), text
