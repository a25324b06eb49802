"""The shared vocabulary: loaders return the packaged lists, and the components use them (one copy)."""

from __future__ import annotations

import pytest

from famhbg_nlp import lexicon
from famhbg_nlp.lexicon.vocabulary import unit_pattern


def test_months_and_weekdays():
    months = lexicon.months()
    assert sorted(months) == list(range(1, 13))
    assert months[9] == ("september", "sept", "sep")
    assert lexicon.weekdays()[0] == "måndag" and len(lexicon.weekdays()) == 7


@pytest.mark.parametrize(
    ("word", "value"),
    [
        pytest.param("tre", 3, id="unit"),
        pytest.param("nitton", 19, id="teen"),
        pytest.param("tjugo", 20, id="ten"),
        pytest.param("tjugofem", 25, id="ten-unit"),
        pytest.param("trettioett", 31, id="ten-ett"),
        pytest.param("hundra", 100, id="hundra"),
        pytest.param("etthundra", 100, id="etthundra"),
        pytest.param("tvåhundrafemtio", 250, id="hundreds-tens"),
        pytest.param("niohundranittionio", 999, id="largest"),
    ],
)
def test_number_words(word, value):
    assert lexicon.number_words()[word] == value


def test_parties():
    letters = lexicon.party_letters()
    assert {"S", "M", "SD", "C", "V", "KD", "L", "MP", "FP"} <= letters
    by_short = {party.short: party for party in lexicon.parties()}
    assert by_short["S"].name == "Socialdemokraterna"
    assert "Miljöpartiet de gröna" in by_short["MP"].names
    assert [p.kind for p in lexicon.parties()][:8] == ["riksdag"] * 8


def test_money_units_multipliers():
    units = lexicon.money_units()
    assert {u.multiplier for u in units} == {1, 1_000, 1_000_000, 1_000_000_000}
    assert all(u.kind in ("currency", "unit") for u in units)
    assert next(u for u in units if u.form == "SEK").exact_case


@pytest.mark.parametrize(
    ("form", "pattern"),
    [
        pytest.param("tkr", "tkr", id="plain"),
        pytest.param("t. kr", r"t\.\s*kr", id="period-optional-space"),
        pytest.param("miljoner {KRONOR}", r"miljoner\s+K", id="currency-slot"),
    ],
)
def test_unit_pattern(form, pattern):
    unit = lexicon.MoneyUnit(form=form, kind="unit", multiplier=1000, exact_case=False, after_words=False)
    assert unit_pattern(unit, space=r"\s", kronor="K") == pattern


def test_components_read_the_lexicon():
    """One copy: the dates and amounts components use the lexicon's lists, not their own."""
    from famhbg_nlp.pipes.amounts import patterns as amounts
    from famhbg_nlp.pipes.dates import patterns as dates

    assert dates.MONTHS is lexicon.months()
    assert dates.WEEKDAYS is lexicon.weekdays()
    assert amounts.NUMBER_WORDS is lexicon.number_words()


def test_conjunctions_and_coordinators():
    assert {"och", "samt", "eller", "resp", "respektive", "&", "/"} <= lexicon.conjunctions()
    assert "till" not in lexicon.conjunctions()  # joins no list of names: "från Lund till Malmö"
    assert lexicon.conjunctions() < lexicon.coordinators()
    assert {"till", "alternativt", "resp."} <= lexicon.coordinators()


def test_municipality_words():
    assert lexicon.municipality_words() == ("kommun", "stad")
    assert lexicon.municipality_suffixes() == {"kommun", "kommuns", "stad", "stads"}


@pytest.mark.parametrize(
    ("name", "genitive", "genitives"),
    [
        pytest.param("Bjuv", "Bjuvs", ("Bjuvs",), id="s"),
        pytest.param("Lomma", "Lommas", ("Lommas",), id="vowel"),
        pytest.param("Borås", "Borås", ("Borås'", "Borås\u2019"), id="sibilant-s"),
        pytest.param("Kalix", "Kalix", ("Kalix'", "Kalix\u2019"), id="sibilant-x"),
        pytest.param("Upplands Väsby", "Upplands Väsbys", ("Upplands Väsbys",), id="two-words"),
    ],
)
def test_genitive(name, genitive, genitives):
    assert lexicon.genitive(name) == genitive
    assert lexicon.genitives(name) == genitives


@pytest.mark.parametrize(
    ("official", "stem"),
    [
        pytest.param("Falu kommun", "Falu", id="kommun"),
        pytest.param("Helsingborgs stad", "Helsingborgs", id="stad"),
        pytest.param("Göteborgs Stad", "Göteborgs", id="Stad"),
        pytest.param(" Malung-Sälens kommun ", "Malung-Sälens", id="stripped"),
        pytest.param("Region Gotland", None, id="region"),
        pytest.param("Kommunstad", None, id="no-space"),
    ],
)
def test_official_stem(official, stem):
    assert lexicon.official_stem(official) == stem


def test_conjunctions_one_copy():
    """The names and municipality components, the line joiner and the names lexicon read the lexicon's sets."""
    from famhbg_nlp.pipes.municipalities import patterns as municipalities
    from famhbg_nlp.pipes.names import lexicon as names_lexicon
    from famhbg_nlp.pipes.names import patterns as names
    from famhbg_nlp.readers import hyphenation

    assert names.CONJUNCTIONS is municipalities.CONJUNCTIONS is lexicon.conjunctions()
    assert hyphenation.COORDINATORS is lexicon.coordinators()
    assert municipalities.SUFFIXES is names_lexicon.PLACE_SUFFIXES is lexicon.municipality_suffixes()
