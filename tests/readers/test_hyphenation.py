"""Joining lines the layout wrapped: a broken word is one word again, a real hyphen stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from famhbg_nlp.readers.hyphenation import ends_with_hyphen, join_wrapped


@pytest.mark.parametrize(
    ("line", "following", "joined"),
    [
        pytest.param("arbetet med uppfölj-", "ning av målen", "arbetet med uppföljning av målen", id="broken-word"),
        pytest.param(
            "för Näringslivs-", "och Destinationsutveckling", "för Näringslivs- och Destinationsutveckling", id="och"
        ),
        pytest.param("barn-", "eller utbildningsnämnden", "barn- eller utbildningsnämnden", id="eller"),
        pytest.param("kultur-", "samt fritidsnämnden", "kultur- samt fritidsnämnden", id="samt"),
        pytest.param("ett EU-", "projekt", "ett EU-projekt", id="abbreviation"),
        pytest.param("åren 2020-", "2021", "åren 2020-2021", id="numbers"),
        pytest.param("nya e-", "tjänster", "nya e-tjänster", id="one-letter"),
        pytest.param("Skåne-", "Blekinge", "Skåne-Blekinge", id="capital-after"),
        pytest.param("covid-19-", "pandemin", "covid-19-pandemin", id="compound-with-number"),
        pytest.param("förslaget –", "att godkänna", "förslaget – att godkänna", id="dash-between-words"),
        pytest.param("budgetramar 2021–", "2023 och", "budgetramar 2021–2023 och", id="range-dash"),
        pytest.param("delårs\u00ad", "rapporten", "delårsrapporten", id="soft-hyphen"),
        pytest.param("delårs\x02", "rapporten", "delårsrapporten", id="pdfium-marker"),
        pytest.param("Anna Svensson,", "Ystad", "Anna Svensson, Ystad", id="plain"),
        pytest.param("", "Ystad", "Ystad", id="empty-line"),
    ],
)
def test_join_wrapped(line, following, joined):
    assert join_wrapped(line, following) == joined


@given(st.text(max_size=30), st.text(min_size=1, max_size=30))
def test_join_keeps_every_letter(line, following):
    joined = join_wrapped(line, following)
    letters = [ch for ch in line + following if ch.isalnum()]
    assert [ch for ch in joined if ch.isalnum()] == letters
    if not ends_with_hyphen(line) and not line.endswith(("–", "—")):
        assert joined in (following, line, f"{line} {following}")
