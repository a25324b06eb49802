"""Every span form the annotation scheme allows starts and ends on a token boundary."""

import pytest

import famhbg_nlp


@pytest.fixture(scope="module")
def nlp():
    return famhbg_nlp.blank()


# (text, span that must be a whole token sequence)
SCHEME_FORMS = [
    pytest.param("700 000 kr.", "700 000 kr", id="kr-sentence-final"),
    pytest.param("Kostar 1500 tkr.", "1500 tkr", id="tkr-sentence-final"),
    pytest.param("beviljas 200.000 kr", "200.000 kr", id="period-grouping"),
    pytest.param("med 115 kkr finansieras", "115 kkr", id="kkr"),
    pytest.param("ram 1,5 mnkr.", "1,5 mnkr", id="mnkr-decimal"),
    pytest.param("totalt 3 mkr,", "3 mkr", id="mkr"),
    pytest.param("budget 4,5 Mkr.", "4,5 Mkr", id="Mkr"),
    pytest.param("2 miljoner kronor.", "2 miljoner kronor", id="miljoner"),
    pytest.param("500 000 SEK.", "500 000 SEK", id="sek"),
    pytest.param("21 kr/invånare", "21 kr", id="rate-per-inhabitant"),
    pytest.param("85 tkr/år", "85 tkr", id="rate-per-year"),
    pytest.param("1500tkr", "1500", id="glued-unit"),
    pytest.param("styrelsemötet 201204.", "201204", id="yymmdd"),
    pytest.param("styrelsemötet 200903-04 har", "200903-04", id="yymmdd-range"),
    pytest.param("Datum: 2016-03-17", "2016-03-17", id="iso"),
    pytest.param("Den 19 april 2024 08.30", "19 april 2024", id="long-form"),
    pytest.param("styrelsemötet 5 april.", "5 april", id="no-year"),
    pytest.param("senast 28 dec.", "28 dec", id="abbreviated-month"),
    pytest.param("internatet 22–23 augusti 2024.", "22–23 augusti 2024", id="en-dash-range"),
    pytest.param("den 2-3 september.", "2-3 september", id="hyphen-range-month"),
    pytest.param("halvdag 3/9.", "3/9", id="day-month"),
    pytest.param("styrelsen den 2-3/9 inför", "2-3/9", id="day-range-month"),
    pytest.param("nätverk 17-18/5.", "17-18/5", id="day-range-slash"),
    pytest.param("internat 30-31/8.", "30-31/8", id="end-of-month-range"),
    pytest.param("mellan 30/8-1/9.", "30/8-1/9", id="cross-month-range"),
    pytest.param("onsdagen den 21 november 2018", "21 november 2018", id="weekday-den"),
    pytest.param(
        "<strong>2019</strong>-<strong>05</strong>-<strong>14</strong><br />",
        "2019</strong>-<strong>05</strong>-<strong>14",
        id="html-tags-around-date",
    ),
    pytest.param("Justerare /Anna Berg, ordförande", "Anna Berg", id="slash-before-signature-name"),
    pytest.param("sträckan Emmaboda-\n\nKarlskrona", "Emmaboda", id="line-end-hyphen"),
    pytest.param("budget +11,5 miljoner kronor", "11,5 miljoner kronor", id="plus-sign"),
    pytest.param("~~Jonas Jönsson, Åstorp~~", "Jonas Jönsson", id="strike-through-start"),
    pytest.param("~~Jonas Jönsson, Åstorp~~", "Åstorp", id="strike-through-end"),
    pytest.param("**Närvarande:** Palle Lundberg, Helsingborg", "Palle Lundberg", id="bold-markup"),
    pytest.param("*Camilla Alfredsson Helsingborg***", "Helsingborg", id="emphasis-markup"),
    pytest.param("Tomas Rikse (från 0840), Klippan", "Tomas Rikse", id="name-before-note"),
    pytest.param("Pernilla Fahlstedt (Ängelholms kommun) för", "Ängelholms kommun", id="municipality-in-parens"),
    pytest.param("av Helsingborgs Stads Kommunikationsavdelning", "Helsingborgs Stads", id="genitive-stad"),
    pytest.param("Rapport från SKLs Kommundirektörsnätverk", "SKLs", id="org-genitive"),
    pytest.param("Lilian Eriksson\nÄngelholm", "Ängelholm", id="line-break"),
]


@pytest.mark.parametrize("text,span_text", SCHEME_FORMS)
def test_scheme_forms_align_to_tokens(nlp, text, span_text):
    doc = nlp(text)
    start = text.index(span_text)
    assert doc.char_span(start, start + len(span_text), alignment_mode="strict") is not None, [t.text for t in doc]


@pytest.mark.parametrize(
    "text,tokens",
    [
        pytest.param("2-3/9", ["2-3/9"], id="day-range-is-one-token"),
        pytest.param("200903-04", ["200903-04"], id="compact-range-is-one-token"),
        pytest.param("22–23 augusti", ["22–23", "augusti"], id="en-dash-range"),
        pytest.param("700 000 kr.", ["700", "000", "kr", "."], id="kr-period-splits"),
        pytest.param("fr.o.m. 160101", ["fr.o.m.", "160101"], id="other-abbreviations-kept"),
        pytest.param("kl. 08.30", ["kl.", "08.30"], id="kl-kept"),
        pytest.param("Lars-Ola Mårtensson-Stenudd", ["Lars-Ola", "Mårtensson-Stenudd"], id="hyphenated-names-kept"),
        pytest.param("johan.lindberg@familjenhelsingborg.se", ["johan.lindberg@familjenhelsingborg.se"], id="email"),
    ],
)
def test_tokens(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_tokenizer_survives_save_and_load(tmp_path):
    import spacy

    famhbg_nlp.blank().to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert [t.text for t in loaded("700 000 kr.")] == ["700", "000", "kr", "."]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\x00\x01\ufffd", "kr." * 1000, "~~" * 50, "*" * 100])
def test_odd_text_does_not_crash(nlp, text):
    assert nlp(text).text == text
