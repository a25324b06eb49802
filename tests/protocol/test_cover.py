"""The cover page: officers (chair, secretary, adjusters), declared paragraphs and the meeting
date, one invented example per layout form (tidy lines, ``Label<TAB>value`` cells, table bars,
labels stacked over their values, a page flattened into one line)."""

from __future__ import annotations

import datetime as dt

import pytest

from famhbg_nlp.protocol import parse_doc

PEOPLE = ("Anna Svensson", "Per Olsson", "Lisa Ek", "Karl Berg", "Eva Lind", "Maria Holm", "Jonas Dahl", "Per Ek")
NAMES = [("PERSON", name) for name in PEOPLE]


def _parse(make_doc, cover: str, extra=()):
    text = f"Kommunstyrelsen\n\n{cover}\n\n§ 12 Budget\n\nBeslut\n\natt godkänna.\n"
    return parse_doc(make_doc(text, NAMES + list(extra)))


@pytest.mark.parametrize(
    ("cover", "chair", "secretary", "adjusters"),
    [
        pytest.param(
            "Ordförande: Anna Svensson\nSekreterare: Jonas Dahl\nJusterare: Per Olsson",
            "Anna Svensson", "Jonas Dahl", ["Per Olsson"], id="label-colon-value",
        ),
        pytest.param(
            "Sekreterare\tJonas Dahl\nOrdförande\tAnna Svensson\nJusterare\tPer Olsson",
            "Anna Svensson", "Jonas Dahl", ["Per Olsson"], id="label-tab-value-in-any-order",
        ),
        pytest.param(
            "| Sekreterare | Jonas Dahl | Paragrafer §§ 12-31 |\n| Ordförande | Anna Svensson |",
            "Anna Svensson", "Jonas Dahl", [], id="cover-table-with-bars",
        ),
        pytest.param(
            "Utses att justera Per Olsson och Lisa Ek\nJusteringens plats och tid Stadshuset 2023-02-20",
            None, None, ["Per Olsson", "Lisa Ek"], id="utses-att-justera",
        ),
        pytest.param(
            "Utses att justera Per Olsson med Lisa Ek som ersättare",
            None, None, ["Per Olsson"], id="an-adjuster-and-a-substitute",
        ),
        pytest.param(
            "Underskrifter\nSekreterare ..............\nJonas Dahl\nOrdförande ..............\nAnna Svensson\n"
            "Justerande ..............\nPer Olsson",
            "Anna Svensson", "Jonas Dahl", ["Per Olsson"], id="signature-lines-then-names",
        ),
        pytest.param(
            "Underskrifter\nJonas Dahl\nsekreterare\nAnna Svensson\nordförande\nPer Olsson\njusterare",
            "Anna Svensson", "Jonas Dahl", ["Per Olsson"], id="names-above-their-roles",
        ),
        pytest.param(
            "Underskrifter Sekreterare Ordförande Justerande Jonas Dahl Anna Svensson Per Olsson Lisa Ek",
            "Anna Svensson", "Jonas Dahl", ["Per Olsson", "Lisa Ek"], id="labels-stacked-over-their-names",
        ),
        pytest.param(
            "Jonas Dahl Anna Svensson Per Olsson\nsekreterare ordförande justerare",
            "Anna Svensson", "Jonas Dahl", ["Per Olsson"], id="a-row-of-names-over-a-row-of-roles",
        ),
        pytest.param(
            "Mötet leddes av Anna Svensson. Sekreterare är Per Ek.",
            None, "Per Ek", [], id="sekreterare-ar",
        ),
        pytest.param(
            "Vid protokollet Jonas Dahl",
            None, "Jonas Dahl", [], id="vid-protokollet",
        ),
        pytest.param(
            "Beslutande Anna Svensson (S), ordförande Per Olsson (M)\nÖvriga Maria Holm, sekreterare",
            "Anna Svensson", "Maria Holm", [], id="roles-in-the-attendance-list",
        ),
        pytest.param(
            "Plats och tid Stadshuset, kl. 13.00-15.00 Beslutande Anna Svensson (S), ordförande Per Olsson (M) "
            "Utses att justera Per Olsson Underskrifter Sekreterare Jonas Dahl Paragrafer §§ 12-31 Ordförande Anna Svensson",
            "Anna Svensson", "Jonas Dahl", ["Per Olsson"], id="a-cover-flattened-into-one-line",
        ),
        pytest.param(
            "Per Olsson och Lisa Ek utses att justera protokollet.",
            None, None, ["Per Olsson", "Lisa Ek"], id="an-appointing-sentence",
        ),
    ],
)  # fmt: skip
def test_officers(make_doc, cover, chair, secretary, adjusters):
    p = _parse(make_doc, cover)
    assert (p.chair, p.secretary, list(p.adjusters)) == (chair, secretary, adjusters)


def test_a_flattened_cover_gives_its_attendance_too(make_doc):
    cover = (
        "PROTOKOLL Sammanträdesdatum: 2023-02-14 Plats och tid Stadshuset, kl. 13.00-15.00 "
        "Beslutande Anna Svensson (S), ordförande Per Olsson (M) Lisa Ek (C) tjg för Karl Berg (C) "
        "Övriga deltagare Maria Holm, kommundirektör Utses att justera Per Olsson"
    )
    p = _parse(make_doc, cover)
    assert [a.name for a in p.attendees] == ["Anna Svensson", "Per Olsson", "Lisa Ek", "Maria Holm"]
    assert [a.name for a in p.absent] == ["Karl Berg"]
    assert p.place == "Stadshuset"
    assert (p.time.start, p.time.end) == ("13:00", "15:00")


@pytest.mark.parametrize(
    ("paragraphs", "warning"),
    [
        pytest.param("Paragrafer §§ 12-31", None, id="agrees"),
        pytest.param("Paragrafer 12-31", None, id="without-the-sign"),
        pytest.param("Justerade paragrafer 40-41", "outside the paragraphs 40-41", id="body-outside-the-range"),
        pytest.param("Paragrafer 10-31", "starts at § 12", id="body-starts-elsewhere"),
    ],
)
def test_declared_paragraphs_cross_check_the_body(make_doc, paragraphs, warning):
    p = _parse(make_doc, f"Utses att justera Per Olsson\n{paragraphs}")
    assert [i.number for i in p.items] == ["12"]
    if warning is None:
        assert p.warnings == ()
    else:
        assert len(p.warnings) == 1 and warning in p.warnings[0]


@pytest.mark.parametrize(
    ("cover", "expected"),
    [
        pytest.param(
            "ANSLAG/BEVIS\nAnslaget sätts upp 2023-02-20\nSammanträdesdatum 2023-02-14",
            "2023-02-14", id="sammantradesdatum-beats-posting-dates",
        ),
        pytest.param("Datum: 2023-02-14\nJusteringens plats och tid Stadshuset 2023-02-20", "2023-02-14", id="datum"),
    ],
)  # fmt: skip
def test_meeting_date_from_the_cover(make_doc, cover, expected):
    dates = [("DATE", d, d) for d in ("2023-02-14", "2023-02-20")]
    assert _parse(make_doc, cover, dates).meeting_date == dt.date.fromisoformat(expected)
