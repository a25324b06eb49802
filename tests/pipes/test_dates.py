"""The dates component: every written form, negatives, malformed dates, year inference,
meeting-date inference and override, NER spans, save/load, seeds, properties."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

import famhbg_nlp
from famhbg_nlp.pipes.dates import DateValue, find_dates, infer_meeting_date, parse_date
from famhbg_nlp.pipes.dates.meeting_date import filename_evidence, infer_date_context
from famhbg_nlp.pipes.dates.patterns import MONTHS

D = datetime.date
MEETING = "2021-01-10"  # the meeting date the tables are read against: yearless dates from
# mid-July on are closer in 2020, earlier ones in 2021


def day(iso: str) -> DateValue:
    return DateValue(D.fromisoformat(iso))


def days(start: str, end: str) -> DateValue:
    return DateValue(D.fromisoformat(start), D.fromisoformat(end))


def _r(start: str, end: str) -> dict[str, str]:
    """A range as the scheme writes it."""
    return {"start": start, "end": end}


@pytest.fixture(scope="module")
def nlp():
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_dates")
    return nlp


def found(nlp, text: str, meeting_date=MEETING) -> list[tuple[str, object]]:
    cfg = {} if meeting_date is None else {"famhbg_dates": {"meeting_date": meeting_date}}
    return [(ent.text, ent._.value) for ent in nlp(text, component_cfg=cfg).ents if ent.label_ == "DATE"]


# ------------------------------------------------------------------ every form

FORMS = [
    # the scheme's own examples
    pytest.param("201204", "2020-12-04", id="yymmdd"),
    pytest.param("200903-04", {"start": "2020-09-03", "end": "2020-09-04"}, id="yymmdd-range"),
    pytest.param("2016-03-17", "2016-03-17", id="iso"),
    pytest.param("19 april 2024", "2024-04-19", id="day-month-year"),
    pytest.param("5 april", "2021-04-05", id="day-month"),
    pytest.param("28 dec", "2020-12-28", id="abbreviation-last-year"),
    pytest.param("22–23 augusti 2024", {"start": "2024-08-22", "end": "2024-08-23"}, id="en-dash-range-year"),
    pytest.param("22–23 augusti", {"start": "2020-08-22", "end": "2020-08-23"}, id="en-dash-range"),
    pytest.param("22-23 augusti 2024", {"start": "2024-08-22", "end": "2024-08-23"}, id="hyphen-range-year"),
    pytest.param("2-3 september", {"start": "2020-09-02", "end": "2020-09-03"}, id="hyphen-range"),
    pytest.param("3/9", "2020-09-03", id="day/month"),
    pytest.param("2-3/9", {"start": "2020-09-02", "end": "2020-09-03"}, id="day-range/month"),
    pytest.param("17-18/5", {"start": "2021-05-17", "end": "2021-05-18"}, id="day-range/month-2"),
    pytest.param("30-31/8", {"start": "2020-08-30", "end": "2020-08-31"}, id="day-range/month-end"),
    pytest.param("30/8-1/9", {"start": "2020-08-30", "end": "2020-09-01"}, id="day/month-range"),
    # what other Swedish minutes write
    pytest.param("2021-03-15", "2021-03-15", id="iso-2"),
    pytest.param("15 mars 2021", "2021-03-15", id="mars"),
    pytest.param("15 Mars 2021", "2021-03-15", id="capitalised"),
    pytest.param("15 MARS 2021", "2021-03-15", id="upper-case"),
    pytest.param("15 mar 2021", "2021-03-15", id="mar"),
    pytest.param("15 mar. 2021", "2021-03-15", id="mar-period-year"),
    pytest.param("1 jan", "2021-01-01", id="jan"),
    pytest.param("3 feb", "2021-02-03", id="feb"),
    pytest.param("3 febr", "2021-02-03", id="febr"),
    pytest.param("7 apr", "2021-04-07", id="apr"),
    pytest.param("1 maj", "2021-05-01", id="maj"),
    pytest.param("9 jun", "2021-06-09", id="jun"),
    pytest.param("9 jul", "2021-07-09", id="jul"),
    pytest.param("9 aug", "2020-08-09", id="aug-closest-last-year"),
    pytest.param("15 sep", "2020-09-15", id="sep"),
    pytest.param("15 sept", "2020-09-15", id="sept"),
    pytest.param("20 okt", "2020-10-20", id="okt"),
    pytest.param("20 nov", "2020-11-20", id="nov"),
    pytest.param("05 april 2021", "2021-04-05", id="zero-padded-day"),
    pytest.param("1:a april", "2021-04-01", id="ordinal-a"),
    pytest.param("3:e maj 2021", "2021-05-03", id="ordinal-e"),
    pytest.param("3:e–4:e maj", {"start": "2021-05-03", "end": "2021-05-04"}, id="ordinal-range"),
    pytest.param("22 – 23 augusti", {"start": "2020-08-22", "end": "2020-08-23"}, id="spaced-dash-range"),
    pytest.param("30 aug–1 sep 2021", {"start": "2021-08-30", "end": "2021-09-01"}, id="cross-month-text-range"),
    pytest.param("30 augusti – 1 september", {"start": "2020-08-30", "end": "2020-09-01"}, id="cross-month-spaced"),
    pytest.param("1 april-3 maj 2021", {"start": "2021-04-01", "end": "2021-05-03"}, id="april-3-maj"),
    pytest.param("30 dec–2 jan", {"start": "2020-12-30", "end": "2021-01-02"}, id="across-new-year"),
    pytest.param(
        "28 december 2020 – 3 januari 2021", {"start": "2020-12-28", "end": "2021-01-03"}, id="range-both-years"
    ),
    pytest.param("2020-11-27--28", {"start": "2020-11-27", "end": "2020-11-28"}, id="iso-range-double-hyphen"),
    pytest.param("2020-11-27–28", {"start": "2020-11-27", "end": "2020-11-28"}, id="iso-range-en-dash"),
    pytest.param("2020-11-30--12-01", {"start": "2020-11-30", "end": "2020-12-01"}, id="iso-range-month-day"),
    pytest.param("2020-11-27 – 2020-12-01", {"start": "2020-11-27", "end": "2020-12-01"}, id="iso-range-full"),
    pytest.param("200903-200904", {"start": "2020-09-03", "end": "2020-09-04"}, id="yymmdd-range-full"),
    pytest.param("20201204", "2020-12-04", id="yyyymmdd"),
    pytest.param("2021.03.15", "2021-03-15", id="iso-dots"),
    pytest.param("2021/03/15", "2021-03-15", id="iso-slashes"),
    pytest.param("15.3.2021", "2021-03-15", id="day.month.year"),
    pytest.param("15.03.2021", "2021-03-15", id="day.month.year-padded"),
    pytest.param("15/3 2021", "2021-03-15", id="day/month-year"),
    pytest.param("15/3/2021", "2021-03-15", id="day/month/year"),
    pytest.param("15/3/21", "2021-03-15", id="day/month/yy"),
    pytest.param("5/4-21", "2021-04-05", id="day/month-yy"),
    pytest.param("30/8 – 1/9 2021", {"start": "2021-08-30", "end": "2021-09-01"}, id="day/month-range-year"),
    pytest.param("29/12-2/1", {"start": "2020-12-29", "end": "2021-01-02"}, id="day/month-range-new-year"),
    pytest.param("991231", "1999-12-31", id="yymmdd-last-century"),
    # scheme v1.1 forms from real minutes of many municipalities
    pytest.param("3 okt, 2019", "2019-10-03", id="abbreviation-comma-year"),
    pytest.param("3 oktober, 2019", "2019-10-03", id="month-comma-year"),
    pytest.param("1 juli-31 december", {"start": "2021-07-01", "end": "2021-12-31"}, id="text-range-hyphen"),
    pytest.param("1 juli–31 dec 2020", {"start": "2020-07-01", "end": "2020-12-31"}, id="text-range-abbr-year"),
    pytest.param("20–21 mars", {"start": "2021-03-20", "end": "2021-03-21"}, id="day-range-en-dash"),
    pytest.param("19/12", "2020-12-19", id="day/month-december"),
    pytest.param("12 Okt", "2020-10-12", id="abbreviation-capitalised"),
    pytest.param("5 sept. 2020", "2020-09-05", id="sept-period-year"),
    pytest.param("Nov 17, 2006", "2006-11-17", id="english-order-press-release"),
]


@pytest.mark.parametrize(("text", "value"), FORMS)
def test_form_alone(nlp, text, value):
    assert found(nlp, text) == [(text, value)]


@pytest.mark.parametrize(("text", "value"), FORMS)
def test_form_in_a_sentence(nlp, text, value):
    assert found(nlp, f"Mötet den {text}, kl. 10.30-12.00, beslutade.") == [(text, value)]


@pytest.mark.parametrize(("text", "value"), FORMS)
def test_parse_date_reads_every_form(text, value):
    parsed = parse_date(text, MEETING)
    assert parsed is not None and parsed.to_json() == value


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param("onsdagen den 21 november 2018", "21 november 2018", id="weekday-den"),
        pytest.param("Måndag 15 mars 2021", "15 mars 2021", id="weekday"),
        pytest.param("Den 19 april 2024 08.30-11:30", "19 april 2024", id="Den-and-time"),
        pytest.param("styrelsen den 28 dec.", "28 dec", id="abbreviation-period"),
        pytest.param("mötet 3/9.", "3/9", id="sentence-period"),
        pytest.param("(2021-03-15)", "2021-03-15", id="parentheses"),
        pytest.param("**18 juni**", "18 juni", id="markdown-bold"),
        pytest.param("~~15 mars~~", "15 mars", id="markdown-strike"),
        pytest.param("den 5 april 2000 kr", "5 april", id="year-that-is-an-amount"),
        pytest.param("15 mars\n2021 års budget", "15 mars", id="year-on-next-line"),
    ],
)
def test_span_boundaries(nlp, text, span):
    assert [ent_text for ent_text, _ in found(nlp, text)] == [span]


# ------------------------------------------------------------------ negatives

NOT_DATES = [
    pytest.param("Under 2021 ska planen ses över.", id="year"),
    pytest.param("Verksamhetsplanen 2016-2019", id="year-range-hyphen"),
    pytest.param("projektet, som pågått 2022–2024,", id="year-range-en-dash"),
    pytest.param("Under 2024 och 2025", id="years"),
    pytest.param("i september", id="month"),
    pytest.param("hösten 2018 och våren 2019", id="seasons"),
    pytest.param("mars 2021", id="month-year"),
    pytest.param("kl. 08.30-11:30", id="time-range"),
    pytest.param("(från 0840)", id="hhmm"),
    pytest.param("kl. 0830-11.00", id="hhmm-range"),
    pytest.param("borta ca 0900-0930", id="hhmm-hhmm"),
    pytest.param("10.30 Slutrapport, 11.10 Projektplan", id="agenda-times"),
    pytest.param("till kl 1030", id="kl-hhmm"),
    pytest.param("Kommundirektörsgruppens protokoll 9/2020", id="protocol-number"),
    pytest.param("protokoll 5/2018", id="protocol-number-2"),
    pytest.param("Dnr 2020/123", id="case-number"),
    pytest.param("Dnr 200123", id="case-number-yymmdd"),
    pytest.param("Dnr: 3/9", id="case-number-day-month"),
    pytest.param("§ 45", id="paragraph"),
    pytest.param("§ 3/9", id="paragraph-slash"),
    pytest.param("KS 2021.0123", id="case-number-dotted"),
    pytest.param("knappt 350 000 kr", id="amount"),
    pytest.param("beviljas 201204 kr", id="yymmdd-amount"),
    pytest.param("201204 SEK", id="yymmdd-sek"),
    pytest.param("123456", id="not-yymmdd"),
    pytest.param("200230", id="impossible-yymmdd-without-context"),
    pytest.param("2/3 av ledamöterna", id="fraction-av"),
    pytest.param("1/2 tjänst", id="fraction-tjänst"),
    pytest.param("kräver 2/3-dels majoritet", id="fraction-dels"),
    pytest.param("öppet 24/7", id="around-the-clock"),
    pytest.param("7/10 kommuner svarade", id="count"),
    pytest.param("personnummer 640823-3234", id="personal-number"),
    pytest.param("Leverantör 556123-4567", id="organisation-number"),
    pytest.param("Tel. 042-105000", id="phone"),
    pytest.param("Närvarande: 5 Jan Andersson", id="given-name-jan"),
    pytest.param("version 1.2.3", id="version"),
    pytest.param("SFS 2017:725", id="statute"),
    pytest.param("http://example.se/2021/03/15/nyhet", id="url-path"),
    pytest.param("5 aprilmötet", id="month-inside-word"),
    pytest.param("1,5 mnkr och 3.5 april", id="decimal-before-month"),
    # scheme v1.1: case and paragraph numbers, months without a day
    pytest.param("Dnr KS 2021/114", id="case-number-ks"),
    pytest.param("KS 2021/114", id="case-number-ks-bare"),
    pytest.param("KS 2019/0087", id="case-number-zero-padded"),
    pytest.param("§ 14/21", id="paragraph-year"),
    pytest.param("§ 63/20", id="paragraph-year-2"),
    pytest.param("i mars 2019", id="month-year-i"),
    pytest.param("januari–juni 2020", id="month-range-year"),
    pytest.param("Nov 2006", id="english-month-year"),
    pytest.param("Ds 2016:24", id="document-series"),
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(nlp, text):
    assert found(nlp, text) == []


# ------------------------------------------------------------------ malformed dates

MALFORMED = [
    pytest.param("Tid/Plats: 2011127 kl. 0830-11.00", "2011127", id="seven-digits-after-label"),
    pytest.param("Datum: 2011127", "2011127", id="seven-digits-datum"),
    pytest.param("Mötet 2011127 kl 13", "2011127", id="seven-digits-before-kl"),
    pytest.param("styrelsemötet 2011127 beslutade", "2011127", id="seven-digits-after-meeting-word"),
    pytest.param("Tid/Plats: 200230 kl 13", "200230", id="impossible-yymmdd-in-slot"),
    pytest.param("den 200230 kl 13", "200230", id="impossible-yymmdd-den-kl"),
    pytest.param("31 februari", "31 februari", id="31-februari"),
    pytest.param("31 februari 2021", "31 februari 2021", id="31-februari-year"),
    pytest.param("31/4", "31/4", id="31-april-numeric"),
    pytest.param("2021-02-30", "2021-02-30", id="iso-impossible-day"),
    pytest.param("2021-13-01", "2021-13-01", id="iso-impossible-month"),
    pytest.param("200904-03", "200904-03", id="range-ending-before-start"),
    pytest.param("23–22 augusti", "23–22 augusti", id="text-range-backwards"),
    pytest.param("29 februari 2021", "29 februari 2021", id="no-leap-year"),
]


@pytest.mark.parametrize(("text", "span"), MALFORMED)
def test_malformed_date_is_a_date_without_value(nlp, text, span):
    assert found(nlp, text) == [(span, None)]


@pytest.mark.parametrize("text", ["2011127", "200230", "31 februari", "", "   ", "2021", "9/2020", "10.30"])
def test_parse_date_none(text):
    assert parse_date(text, MEETING) is None


# ------------------------------------------------------------------ year inference


@pytest.mark.parametrize(
    ("text", "meeting", "value"),
    [
        pytest.param("28 december", "2021-01-05", "2020-12-28", id="december-read-in-january"),
        pytest.param("3 januari", "2020-12-20", "2021-01-03", id="january-read-in-december"),
        pytest.param("20 november", "2016-03-17", "2015-11-20", id="november-read-in-march"),
        pytest.param("26 augusti", "2016-03-17", "2016-08-26", id="august-read-in-march"),
        pytest.param("1/7", "2021-01-01", "2021-07-01", id="exactly-half-a-year-ahead"),
        pytest.param("29 februari", "2020-06-01", "2020-02-29", id="leap-day"),
        pytest.param("29 februari", "2023-12-01", "2024-02-29", id="leap-day-next-year"),
        pytest.param("30/12-2/1", "2021-01-10", _r("2020-12-30", "2021-01-02"), id="range-over-new-year"),
        pytest.param("30/12-2/1", "2020-12-01", _r("2020-12-30", "2021-01-02"), id="range-from-december"),
        pytest.param("30 dec–2 jan 2021", "2025-06-01", _r("2020-12-30", "2021-01-02"), id="year-of-end"),
        pytest.param("30 dec 2020–2 jan", "2025-06-01", _r("2020-12-30", "2021-01-02"), id="year-of-start"),
        pytest.param("15 mars 2019", "2025-06-01", "2019-03-15", id="written-year-wins"),
    ],
)
def test_year_inference(nlp, text, meeting, value):
    assert parse_date(text, meeting).to_json() == value
    assert parse_date(text, D.fromisoformat(meeting)).to_json() == value
    assert found(nlp, text, meeting) == [(text, value)]


def test_yearless_dates_have_no_value_without_any_date_context(nlp):
    text = "Vid mötet den 5 april och 2-3/9 beslutades." + " Text." * 100
    doc = nlp(text)
    assert (doc._.meeting_date, doc._.meeting_date_source, doc._.meeting_year) == (None, None, None)
    assert [(ent.text, ent._.value) for ent in doc.ents] == [("5 april", None), ("2-3/9", None)]
    assert parse_date("5 april") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mötena hålls 6 februari, 9 mars och 27 april 2017.",
            [("6 februari", "2017-02-06"), ("9 mars", "2017-03-09"), ("27 april 2017", "2017-04-27")],
            id="enumeration-takes-the-year-of-its-last-member",
        ),
        pytest.param(
            "Stängt 30 december och 2 januari 2021.",
            [("30 december", "2020-12-30"), ("2 januari 2021", "2021-01-02")],
            id="enumeration-across-new-year",
        ),
        pytest.param(
            "År 2017 annonseras mötena i tidningen. Fullmäktige sammanträder 6 februari, 27 april och 30 november.",
            [("6 februari", "2017-02-06"), ("27 april", "2017-04-27"), ("30 november", "2017-11-30")],
            id="year-opening-a-sentence-of-the-paragraph",
        ),
        pytest.param(
            "Bokslut för år 2016 fastställdes den 15 mars.",
            [("15 mars", "2017-03-15")],
            id="year-inside-a-sentence-is-not-the-dates-year",
        ),
        pytest.param(
            "År 2015 var ett bra år.\n\nMötet hölls 15 mars.",
            [("15 mars", "2017-03-15")],
            id="year-of-another-paragraph",
        ),
        pytest.param("Protokoll från 2016-10- 28.", [("2016-10- 28", "2016-10-28")], id="iso-with-pdf-line-wrap-space"),
    ],
)
def test_years_written_nearby(nlp, text, expected):
    assert found(nlp, text, "2016-10-20") == expected


def test_yearless_dates_take_the_year_of_the_text(nlp):
    text = "Vi ses den 5 april och 2-3/9." + " Text." * 100 + " Se 2021-03-15."
    doc = nlp(text)
    assert doc._.meeting_date is None and doc._.meeting_year == 2021
    assert [(ent.text, ent._.value) for ent in doc.ents] == [
        ("5 april", "2021-04-05"),
        ("2-3/9", _r("2021-09-02", "2021-09-03")),
        ("2021-03-15", "2021-03-15"),
    ]
    assert parse_date("5 april", 2021).to_json() == "2021-04-05"


# ------------------------------------------------------------------ meeting date

HEADERS = [
    pytest.param("Tid/Plats: 180615 kl. 08.40-12.10, Mindpark, Helsingborg.", "2018-06-15", id="tid/plats-yymmdd"),
    pytest.param("**Tid/Plats:** 160317 kl. 09.00-12.00", "2016-03-17", id="tid/plats-markdown"),
    pytest.param("Datum: 2016-03-17\n\n## Protokoll 3/2016", "2016-03-17", id="datum"),
    pytest.param("\n\nHelsingborg 210618\n\njohan@example.se\n", "2021-06-18", id="letterhead-yymmdd"),
    pytest.param("Kommundirektörmöte\n\nHelsingborg 2024-04-19\n", "2024-04-19", id="letterhead-iso"),
    pytest.param("Stockholm, den 3 maj 2021\n", "2021-05-03", id="letterhead-den"),
    pytest.param("KOMMUNSTYRELSEN\nSammanträdesdatum: 2021-03-15\n", "2021-03-15", id="sammanträdesdatum"),
    pytest.param("Kommunstyrelsen\nSammanträdesdatum 2021-03-15\n", "2021-03-15", id="sammanträdesdatum-no-colon"),
    pytest.param("Kommunstyrelsen\nSammanträdesdatum\n2021-03-15\nSida 1", "2021-03-15", id="label-above-value"),
    pytest.param("Plats och tid: Den 19 april 2024 08.30-11:30 på Marina Plaza", "2024-04-19", id="plats-och-tid"),
    pytest.param("Tid och plats: tisdagen den 15 juni 2021, kl. 13.00", "2021-06-15", id="tid-och-plats"),
    pytest.param("Mötesdatum: 19 april 2024", "2024-04-19", id="mötesdatum"),
    pytest.param("Sammanträdesdag: 2021-03-15", "2021-03-15", id="sammanträdesdag"),
    pytest.param("Mötesdag 15 mars 2021", "2021-03-15", id="mötesdag"),
    pytest.param("| Datum | 2021-03-15 |\n", "2021-03-15", id="markdown-table"),
    pytest.param("Tid: 3-4 september 2020 i Båstad\n", "2020-09-03", id="two-day-meeting"),
    pytest.param(
        "Helsingborg 210618\n\n## Plats och tid:\n\nMötet genomfördes den 18 juni kl 08.30", "2021-06-18", id="seed-004"
    ),
    pytest.param(
        "Protokoll 2021-06-25\n## Plats och tid:\n\nMötet hölls den 18 juni kl 10", "2021-06-18", id="yearless-label"
    ),
    pytest.param("Protokoll fört vid styrelsens möte 2019-05-05 i Lund\n", "2019-05-05", id="first-date-near-top"),
    pytest.param(
        "Kommunstyrelsen\n" + "text " * 200 + "\nSammanträdesdatum 2021-03-15", "2021-03-15", id="notice-block"
    ),
    pytest.param("Tid/Plats: 2012345 kl. 0830\nSammanträdesdatum 2020-11-27", "2020-11-27", id="later-label-readable"),
    pytest.param("Tid/Plats: 2011127 kl. 0830-11.00\nMötet 201204.", "2020-11-27", id="key-struck-twice"),
    pytest.param("Datum: 1806615\n", "2018-06-15", id="key-struck-twice-datum"),
    pytest.param("Tid/Plats: 2012345 kl. 0830\nHelsingborg 201127\n", "2020-11-27", id="letterhead-over-unreadable"),
]


# (text, file name, meeting date, source, year, a yearless date in the text and its value)
CONTEXTS = [
    pytest.param(
        "Det här beslutade kommunstyrelsen 12 maj\n\nBidrag från Socialstyrelsen 2021 fördelas.",
        None,
        "2021-05-12",
        "mention",
        2021,
        "12 maj",
        "2021-05-12",
        id="mention-yearless-year-in-text",
    ),
    pytest.param(
        "Kommunfullmäktige i korthet\n\n2021-02-23\n\nÄrenden från fullmäktiges sammanträde den 22 februari 2021. "
        "Justeras den 1 mars.",
        None,
        "2021-02-22",
        "mention",
        2021,
        "1 mars",
        "2021-03-01",
        id="mention-over-publishing-line",
    ),
    pytest.param(
        "Pressmeddelande • Nov 17, 2006 13:17 CET\n\nFrån sammanträdet den 16 november.",
        None,
        "2006-11-16",
        "mention",
        2006,
        "16 november",
        "2006-11-16",
        id="press-release-date-is-another-day",
    ),
    pytest.param(
        "Publicerad 2013-12-19\n\nSammandrag från fullmäktige 19/12\n\nProtokollet justeras den 20 december.",
        None,
        "2013-12-19",
        "mention",
        2013,
        "20 december",
        "2013-12-20",
        id="publishing-date-resolves-heading",
    ),
    pytest.param(
        "Kommunstyrelsen\n\nNästa sammanträde den 5 maj 2020.\n",
        None,
        None,
        "year-in-text",
        2020,
        None,
        None,
        id="next-meeting-is-not-this-one",
    ),
    pytest.param(
        "Kommunstyrelsen\nÄrenden att behandla. Bidraget betalas ut den 5 april.",
        "ks-2019-03-12.pdf",
        "2019-03-12",
        "filename",
        2019,
        "5 april",
        "2019-04-05",
        id="filename-iso",
    ),
    pytest.param(
        "Protokoll\nText utan datum. Start 1 juli.",
        "protokoll_20190312.docx",
        "2019-03-12",
        "filename",
        2019,
        "1 juli",
        "2019-07-01",
        id="filename-yyyymmdd",
    ),
    pytest.param(
        "Protokoll\nText utan datum. Start 1 juli.",
        "/srv/arkiv/2018/kf-12-mars-2019.txt",
        "2019-03-12",
        "filename",
        2019,
        "1 juli",
        "2019-07-01",
        id="filename-month-name-directories-ignored",
    ),
    pytest.param(
        "Kommunfullmäktige\nLedamöter\nJustering den 24 juni",
        "hudiksvall-kf-2013-06.txt",
        None,
        "filename",
        2013,
        "24 juni",
        "2013-06-24",
        id="filename-year-month",
    ),
    pytest.param(
        "Kommunfullmäktige\nLedamöter\nJustering den 24 juni",
        "kf-2013-06.txt",
        None,
        "filename",
        2013,
        "24 juni",
        "2013-06-24",
        id="filename-year-only-context",
    ),
    pytest.param(
        "Datum: 2016-03-17\nVid mötet den 20 november.",
        "ks-2019-03-12.pdf",
        "2016-03-17",
        "label",
        2016,
        "20 november",
        "2015-11-20",
        id="label-beats-filename",
    ),
    pytest.param(
        "Kommunstyrelsen\n§ 12 Bidrag\n" + "Text. " * 80 + "\nBidraget betalas ut 1 juli.\n\nANSLAG/BEVIS\n"
        "Datum då anslaget sätts upp 2017-06-27\nDatum då anslaget tas ned 2017-07-19",
        None,
        None,
        "other-day",
        2017,
        "1 juli",
        "2017-07-01",
        id="posting-dates-are-not-the-meeting-date",
    ),
    pytest.param(
        "ANSLAG/BEVIS\nSammanträdesdatum 2017-06-20\nDatum då anslaget sätts upp 2017-06-27",
        None,
        "2017-06-20",
        "label",
        2017,
        None,
        None,
        id="notice-block-sammanträdesdatum",
    ),
    pytest.param(
        "Kommunstyrelsen\n§ 4 Dnr KS 2019/0087\nBidraget betalas ut 1 juli. Ärendet KS 2018/0020 avslutas.",
        None,
        None,
        "case-number",
        2019,
        "1 juli",
        "2019-07-01",
        id="case-numbers-latest-year",
    ),
    pytest.param(
        "Kommunstyrelsen\n§ 63/20 Bidrag\nBidraget betalas ut 1 juli.",
        None,
        None,
        "case-number",
        2020,
        "1 juli",
        "2020-07-01",
        id="paragraph-number-year",
    ),
    pytest.param(
        "Beslut i korthet 2020\n\nKommunstyrelsen i korthet den 7 april\n\nBudget 2023 och plan 2024.",
        None,
        "2020-04-07",
        "mention",
        2020,
        "7 april",
        "2020-04-07",
        id="title-year",
    ),
    pytest.param(
        "Budget 2014 och plan 2015-2016 antogs.\nRam 2014 fastställdes. Skatten betalas 3 december.",
        None,
        None,
        "year-in-text",
        2014,
        "3 december",
        "2014-12-03",
        id="commonest-year",
    ),
]


@pytest.mark.parametrize(("text", "name", "meeting", "source", "year", "yearless", "value"), CONTEXTS)
def test_date_context(nlp, text, name, meeting, source, year, yearless, value):
    context = infer_date_context(text, source_name=name)
    expected = None if meeting is None else D.fromisoformat(meeting)
    assert (context.date, context.source, context.year) == (expected, source, year)
    doc = nlp.make_doc(text)
    doc._.source_name = name
    doc = nlp(doc)
    assert (doc._.meeting_date, doc._.meeting_date_source, doc._.meeting_year) == (expected, source, year)
    if yearless is not None:
        assert (yearless, value) in [(ent.text, ent._.value) for ent in doc.ents]


def test_source_name_given_per_call(nlp):
    cfg = {"famhbg_dates": {"source_name": "ks-2019-03-12.pdf"}}
    doc = nlp("Protokoll. Start 1 juli.", component_cfg=cfg)
    assert (doc._.source_name, doc._.meeting_date, doc._.meeting_date_source) == (
        "ks-2019-03-12.pdf",
        D(2019, 3, 12),
        "filename",
    )
    assert doc.ents[0]._.value == "2019-07-01"


def test_given_meeting_date_has_source_given(nlp):
    doc = nlp("Datum: 2016-03-17", component_cfg={"famhbg_dates": {"meeting_date": "2020-11-27"}})
    assert (doc._.meeting_date, doc._.meeting_date_source, doc._.meeting_year) == (D(2020, 11, 27), "given", 2020)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("ks-2019-03-12.pdf", D(2019, 3, 12), id="iso"),
        pytest.param("KS_2019_03_12.pdf", 2019, id="underscored-parts-give-the-year"),
        pytest.param("protokoll 190312.txt", D(2019, 3, 12), id="yymmdd"),
        pytest.param("kf-2013-06.txt", 2013, id="year-month"),
        pytest.param("045-borlange-ks-2021.txt", 2021, id="year"),
        pytest.param("protokoll.pdf", None, id="none"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="missing"),
    ],
)
def test_filename_evidence(name, expected):
    assert filename_evidence(name) == expected


@pytest.mark.parametrize(("text", "meeting"), HEADERS)
def test_meeting_date_inference(nlp, text, meeting):
    assert infer_meeting_date(text) == D.fromisoformat(meeting)
    assert nlp(text)._.meeting_date == D.fromisoformat(meeting)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Tid/Plats: 2012345 kl. 0830-11.00, via Teams\n\nStyrelsemötet 201204 behandlar detta.",
            id="unreadable-header",
        ),
        pytest.param("Inga datum här. Vi ses den 5 april.", id="no-dated-date"),
        pytest.param("Justeringsdatum: 2021-03-20\n", id="adjusting-date"),
        pytest.param("Helsingborg\n" + "ord " * 600 + "\nTid: 2021-09-03 kl 9", id="generic-label-far-down"),
        pytest.param("Datum: 2001127\n", id="key-struck-twice-ambiguous"),
        pytest.param("", id="empty"),
    ],
)
def test_no_meeting_date(nlp, text):
    assert infer_meeting_date(text) is None
    assert nlp(text)._.meeting_date is None


def test_meeting_date_given_per_call_as_string_or_date(nlp):
    text = "Datum: 2016-03-17\nVid mötet den 20 november beslutades."
    assert nlp(text)._.meeting_date == D(2016, 3, 17)
    assert found(nlp, text, None) == [("2016-03-17", "2016-03-17"), ("20 november", "2015-11-20")]
    for meeting_date in ("2020-11-27", D(2020, 11, 27), datetime.datetime(2020, 11, 27, 9, 30)):
        doc = nlp(text, component_cfg={"famhbg_dates": {"meeting_date": meeting_date}})
        assert doc._.meeting_date == D(2020, 11, 27)
        assert doc.ents[1]._.value == "2020-11-20"


def test_meeting_date_with_nlp_pipe(nlp):
    cfg = {"famhbg_dates": {"meeting_date": "2019-01-01"}}
    docs = list(nlp.pipe(["Den 5 april.", "Den 5 april."], component_cfg=cfg))
    assert [doc.ents[0]._.value for doc in docs] == ["2019-04-05", "2019-04-05"]


def test_meeting_date_already_on_the_doc_is_kept(nlp):
    doc = nlp.make_doc("Vi ses den 5 april.")
    doc._.meeting_date = D(2019, 1, 1)
    doc = nlp.get_pipe("famhbg_dates")(doc)
    assert doc._.meeting_date == D(2019, 1, 1)
    assert doc.ents[0]._.value == "2019-04-05"


@pytest.mark.parametrize("bad", ["2020-13-45", "27/11/2020", "igår", ""])
def test_invalid_meeting_date_string_is_a_clear_error(nlp, bad):
    with pytest.raises(ValueError, match=repr(bad).replace("/", "/")):
        nlp("Den 5 april.", component_cfg={"famhbg_dates": {"meeting_date": bad}})


def test_meeting_date_of_wrong_type_is_a_type_error(nlp):
    with pytest.raises(TypeError, match="20201127"):
        nlp("Den 5 april.", component_cfg={"famhbg_dates": {"meeting_date": 20201127}})


# ------------------------------------------------------------------ NER spans, config, save/load


@pytest.mark.parametrize(
    ("ent_text", "value", "drop"),
    [
        pytest.param("den 5 april", "2021-04-05", True, id="den"),
        pytest.param("onsdagen den 21 november 2018", "2018-11-21", True, id="weekday-den"),
        pytest.param("början av april", None, False, id="no-day"),
        pytest.param("5 april och 6 maj", None, False, id="two-dates"),
    ],
)
def test_value_of_ner_spans(ent_text, value, drop):
    nlp = famhbg_nlp.blank()
    dates = nlp.add_pipe("famhbg_dates", config={"policy": "ner", "drop_unvalued": drop})
    text = f"Mötet {ent_text} avslutades."
    doc = nlp.make_doc(text)
    start = text.index(ent_text)
    doc.ents = [doc.char_span(start, start + len(ent_text), label="DATE")]
    doc = dates(doc, meeting_date=MEETING)
    assert [(ent.text, ent._.value) for ent in doc.ents] == [(ent_text, value)]


@pytest.mark.parametrize("ent_text", ["början av april", "5 april och 6 maj"])
def test_unparseable_ner_spans_are_dropped_by_default(ent_text):
    nlp = famhbg_nlp.blank()
    dates = nlp.add_pipe("famhbg_dates", config={"policy": "ner"})
    doc = nlp.make_doc(f"Mötet {ent_text} avslutades.")
    doc.ents = [doc.char_span(6, 6 + len(ent_text), label="DATE")]
    assert list(dates(doc, meeting_date=MEETING).ents) == []


def test_rule_spans_replace_ner_spans_by_default(nlp):
    doc = nlp.make_doc("Mötet onsdagen den 21 november 2018.")
    doc.ents = [Span(doc, 1, 5, label="DATE")]
    doc = nlp.get_pipe("famhbg_dates")(doc)
    assert [(ent.text, ent._.value) for ent in doc.ents] == [("21 november 2018", "2018-11-21")]
    assert [span.text for span in doc.spans["famhbg_dates"]] == ["21 november 2018"]


def test_century_pivot_is_configurable():
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_dates", config={"century_pivot": 10})
    assert [ent._.value for ent in nlp("Mötet 201204 och 091204.").ents] == ["1920-12-04", "2009-12-04"]


def test_head_chars_are_configurable():
    text = "Protokoll\n" + "x" * 100 + "\nmötet 2019-05-05 beslutade"
    assert infer_meeting_date(text) == D(2019, 5, 5)
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("famhbg_dates", config={"meeting_date_head_chars": 50})
    assert nlp(text)._.meeting_date is None


def test_saved_pipeline_loads_with_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = "Datum: 2016-03-17\nVid mötet den 20 november."
    assert (
        found(loaded, text, None)
        == found(nlp, text, None)
        == [
            ("2016-03-17", "2016-03-17"),
            ("20 november", "2015-11-20"),
        ]
    )


def test_date_value_json():
    assert day("2020-12-04").to_json() == "2020-12-04"
    assert days("2020-09-03", "2020-09-04").to_json() == {"start": "2020-09-03", "end": "2020-09-04"}
    assert DateValue.from_json({"start": "2020-09-03", "end": "2020-09-04"}) == days("2020-09-03", "2020-09-04")
    assert DateValue.from_json("2020-12-04") == day("2020-12-04")
    with pytest.raises(ValueError, match="end after it starts"):
        days("2020-09-04", "2020-09-04")
    with pytest.raises(ValueError, match="Not a DATE value"):
        DateValue.from_json(20201204)


# -------------------------------------------------------------------- seeds

SEEDS = Path(os.environ.get("FAMHBG_SEEDS", "/work/shared/seeds"))


#: Written by reading each seed protocol: meeting date, then every date mention in order.
SEED_DATES = {
    # The header date "2011127" has no value (several one-digit repairs are valid dates); the
    # meeting date is its reading as one key struck twice (2020-11-27, the only such repair).
    "000_87a4eb6fd371db95.txt": (
        "2020-11-27",
        [
            ("2011127", None),
            ("201204", "2020-12-04"),
            ("201204", "2020-12-04"),
            ("201023", "2020-10-23"),
            ("201204", "2020-12-04"),
            ("200903-04", _r("2020-09-03", "2020-09-04")),
            ("200903-04", _r("2020-09-03", "2020-09-04")),
            ("201120", "2020-11-20"),
            ("201204", "2020-12-04"),
            ("201204", "2020-12-04"),
        ],
    ),
    "001_5768a7406313c58d.txt": (
        "2024-04-19",
        [
            ("2024-04-19", "2024-04-19"),
            ("19 april 2024", "2024-04-19"),
            ("5 april", "2024-04-05"),
            ("5 april", "2024-04-05"),
            ("5 april 2024", "2024-04-05"),
            ("17 maj 2024", "2024-05-17"),
            ("31 maj 2024", "2024-05-31"),
            ("22–23 augusti", _r("2024-08-22", "2024-08-23")),
            ("22–23 augusti 2024", _r("2024-08-22", "2024-08-23")),
            ("22 mars", "2024-03-22"),
        ],
    ),
    "002_c0d7de841479e53d.txt": (
        "2018-06-15",
        [
            ("180615", "2018-06-15"),
            ("17-18/5", _r("2018-05-17", "2018-05-18")),
            ("17-18/5", _r("2018-05-17", "2018-05-18")),
            ("30-31/8", _r("2018-08-30", "2018-08-31")),
        ],
    ),
    "003_c65f064872759ff5.txt": (
        "2016-03-17",
        [
            ("2016-03-17", "2016-03-17"),
            ("160317", "2016-03-17"),
            ("151023", "2015-10-23"),
            ("7 oktober 2015", "2015-10-07"),
            ("160101", "2016-01-01"),
            ("20 november", "2015-11-20"),
            ("160401", "2016-04-01"),
            ("26 augusti", "2016-08-26"),
            ("151127", "2015-11-27"),
        ],
    ),
    "004_401aef40d086e529.txt": (
        "2021-06-18",
        [
            ("210618", "2021-06-18"),
            ("18 juni", "2021-06-18"),
            ("2-3/9", _r("2021-09-02", "2021-09-03")),
            ("210604", "2021-06-04"),
            ("2-3/9", _r("2021-09-02", "2021-09-03")),
            ("4 juni", "2021-06-04"),
            ("220114", "2022-01-14"),
            ("220128", "2022-01-28"),
            ("22 juni", "2021-06-22"),
            ("15 oktober", "2021-10-15"),
            ("2-3 september", _r("2021-09-02", "2021-09-03")),
            ("3/9", "2021-09-03"),
            ("15 oktober", "2021-10-15"),
        ],
    ),
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed protocols not available at {SEEDS}")
@pytest.mark.parametrize("name", sorted(SEED_DATES))
def test_seed_dates(nlp, name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    meeting, dates = SEED_DATES[name]
    doc = nlp(text)
    assert doc._.meeting_date == (None if meeting is None else D.fromisoformat(meeting))
    assert [(ent.text, ent._.value) for ent in doc.ents] == dates


# --------------------------------------------------------------- properties

_DATE_ALPHABET = st.sampled_from(list("0123456789 -–/.:aprilmajdecsknovDatumTid\n"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(_DATE_ALPHABET)), st.one_of(st.none(), st.dates()))
def test_parse_date_never_raises(text, reference):
    value = parse_date(text, reference)
    assert value is None or isinstance(value, DateValue)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(), st.text(_DATE_ALPHABET)))
def test_component_never_raises_and_spans_are_clean(nlp, text):
    doc = nlp(text)
    previous_end = 0
    for ent in doc.ents:
        assert ent.start_char >= previous_end
        previous_end = ent.end_char
        assert ent.text == ent.text.strip() and ent.text[-1] not in ".,;:"
    assert doc._.meeting_date is None or isinstance(doc._.meeting_date, D)


IN_RANGE = st.dates(min_value=D(2000, 1, 1), max_value=D(2068, 12, 31))
#: How far the meeting date may be from a yearless date that must still land in its own year.
NEAR = st.integers(min_value=-180, max_value=180).map(lambda n: datetime.timedelta(days=n))


def _month_names(month: int) -> st.SearchStrategy[str]:
    return st.sampled_from(MONTHS[month]).flatmap(lambda name: st.sampled_from([name, name.capitalize(), name.upper()]))


def _check(text: str, expected: DateValue, reference: D | None = None) -> None:
    assert parse_date(text, reference) == expected
    matches = find_dates(f"Beslut vid mötet den {text} kl. 13.00.", reference)
    assert [(m.value, m.status) for m in matches] == [(expected, "ok")]


@given(IN_RANGE)
def test_yymmdd_round_trip(date):
    _check(f"{date:%y%m%d}", DateValue(date))


@given(IN_RANGE)
def test_iso_round_trip(date):
    _check(date.isoformat(), DateValue(date))


@given(IN_RANGE, st.data())
def test_day_monthname_year_round_trip(date, data):
    _check(f"{date.day} {data.draw(_month_names(date.month))} {date.year}", DateValue(date))


@given(IN_RANGE, NEAR, st.data())
def test_day_monthname_with_reference_round_trip(date, offset, data):
    _check(f"{date.day} {data.draw(_month_names(date.month))}", DateValue(date), date + offset)


@given(IN_RANGE, NEAR)
def test_day_slash_month_with_reference_round_trip(date, offset):
    _check(f"{date.day}/{date.month}", DateValue(date), date + offset)


@given(IN_RANGE)
def test_other_numeric_forms_round_trip(date):
    for text in (f"{date:%Y%m%d}", f"{date.day}.{date.month}.{date.year}", f"{date.day}/{date.month}/{date.year}"):
        _check(text, DateValue(date))


@given(IN_RANGE, st.integers(min_value=1, max_value=40), NEAR, st.data())
def test_ranges_round_trip(start, length, offset, data):
    end = start + datetime.timedelta(days=length)
    expected = DateValue(start, end)
    dash = data.draw(st.sampled_from(["-", "–", " – "]))
    reference = start + offset
    _check(f"{start.isoformat()}{dash}{end.isoformat()}", expected)
    _check(f"{start:%y%m%d}-{end:%y%m%d}", expected)
    _check(f"{start.day}/{start.month}{dash}{end.day}/{end.month}", expected, reference)
    end_month = data.draw(_month_names(end.month))
    if (start.year, start.month) == (end.year, end.month):
        _check(f"{start:%y%m%d}-{end:%d}", expected)
        _check(f"{start.isoformat()}--{end:%d}", expected)
        _check(f"{start.day}{dash}{end.day} {end_month} {end.year}", expected)
        _check(f"{start.day}{dash}{end.day} {end_month}", expected, reference)
        _check(f"{start.day}{dash}{end.day}/{end.month}", expected, reference)
    else:
        start_month = data.draw(_month_names(start.month))
        _check(f"{start.day} {start_month}{dash}{end.day} {end_month} {end.year}", expected)
        _check(f"{start.day} {start_month} {start.year}{dash}{end.day} {end_month} {end.year}", expected)
        _check(f"{start.day} {start_month}{dash}{end.day} {end_month}", expected, reference)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("2008</strong>-<strong>03</strong>-<strong>04", "2008-03-04", id="html-tags-inside-iso"),
        pytest.param("<b>5 april 2021</b>", "2021-04-05", id="html-tags-around"),
    ],
)
def test_a_marked_date_is_valued_without_html_tags(text, value):
    from famhbg_nlp.pipes.dates.parse import value_in

    assert value_in(text).to_json() == value


def _quick_search_agrees(text: str) -> None:
    from famhbg_nlp.pipes.dates.parse import _DIGIT_RUN, _form_matches
    from famhbg_nlp.pipes.dates.patterns import FORMS, SLOT_DIGITS, Form

    runs = [m.start() for m in _DIGIT_RUN.finditer(text)]
    for form in (*FORMS, Form("slot", SLOT_DIGITS.pattern, invalid="skip", numeric=True)):
        quick = [m.span() for m in _form_matches(form, text, runs)]
        assert quick == [m.span() for m in form.regex.finditer(text)], form.name


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("0123456789 -–/.:,aprilmajdecsknovNDatumTid\n"))))
def test_the_quick_search_finds_what_a_full_search_finds(text):
    """Forms are tried only where a digit run starts (``digit_first``) and only in texts holding what
    they need (``needs``): the matches are exactly those of a search at every position."""
    _quick_search_agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "Den 2-3/9, 30/8-1/9 och 15.3.2021; 2016-03-17–2016-04-01, 200903-04, 2021.03.15, 20201204.",
        "1:a april-3 maj 2021, 28 dec. 2020 – 3 jan 2021, Nov 17, 2006, dec 5,  2019, x12/3 5-3/4 Dnr 201204",
        "a2021-02-01 _3/9 3/9a 2021-13-45 \u0663/9 \u00b2 19 april 2024 12345678 0830-1100",
        *[pytest.param(name, id=name) for name in (sorted(os.listdir(SEEDS)) if SEEDS.is_dir() else [])],
    ],
)
def test_the_quick_search_finds_what_a_full_search_finds_in_minutes(text):
    _quick_search_agrees((SEEDS / text).read_text(encoding="utf-8") if text.endswith(".txt") else text)


def test_a_text_scanned_again_resolves_against_the_new_reference():
    """The scan of a text is kept for its second search (date context, then dates): the values still
    follow each call's reference."""
    from famhbg_nlp.pipes.dates import parse

    text = "Sammanträde 5 april och 30/11-29/2, 201204 kl 13.00."
    parse._SCANS.clear()
    first = [(m.value, m.status) for m in find_dates(text, None)]
    again = [(m.value, m.status) for m in find_dates(text, D(2024, 1, 1))]
    parse._SCANS.clear()
    assert again == [(m.value, m.status) for m in find_dates(text, D(2024, 1, 1))]
    assert first == [(m.value, m.status) for m in find_dates(text, None)]
    assert first != again
