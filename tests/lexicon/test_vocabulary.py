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
