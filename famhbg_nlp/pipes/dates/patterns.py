"""Regex building blocks of written dates, as data.

Every form is one pattern built from the same slots. Group names carry the value:

* ``sd`` / ``ed``: day of the start / end of a range (a single date only has ``sd``);
* ``sm_03`` / ``em_03``: a month written as a name (``mars``, ``mar``), the number in the name;
* ``smn`` / ``emn``: a month written as a number;
* ``sy`` / ``ey``: a four-digit year, ``syy`` / ``eyy``: a two-digit year (read through the
  century pivot).

A field that is written once serves both ends of a range (``22–23 augusti 2024``: the
month and year are the end's and the start takes them; ``200903-04``: the end takes the
start's year and month). :mod:`.parse` turns the fields into a
:class:`~famhbg_nlp.pipes.dates.value.DateValue`.

Each form also says what an impossible calendar date in that shape is: ``"null"`` when the
shape alone says "date" (``31 februari``, ``2021-02-30``: a DATE with value ``None``),
``"skip"`` when the digits could be anything (``200230`` is only a date where the context
says so, see :data:`SLOT_DIGITS`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ...lexicon import months, weekdays
from ...resources import parse_tsv, read_text
from ..amounts.patterns import UNIT as MONEY_UNIT

#: Known false positives and other context words, read into :class:`DateCues` (see its header).
FALSE_POSITIVES_FILE = "false_positives.tsv"

# ---------------------------------------------------------------------------- separators

#: Horizontal whitespace (any whitespace but a line break, so no date spans two lines).
HS = r"[^\S\r\n]"
SEP = rf"{HS}+"
#: A dash joining the ends of a range: hyphen, en/em dash, minus, doubled (``--``), spaced or not.
DASH = r"[-‐‑–—−]"
RANGE_DASH = rf"{HS}*{DASH}{{1,2}}{HS}*"
#: A range dash without spaces (numeric forms: ``2-3/9``, ``200903-04``).
TIGHT_DASH = rf"{DASH}{{1,2}}"

# ---------------------------------------------------------------------------- vocabularies

#: Month number -> the ways minutes write its name, longest first (matched case-insensitively);
#: from the shared lexicon. A period after an abbreviation is punctuation: it is in a span only
#: inside it (``28 dec. 2020``).
MONTHS: dict[int, tuple[str, ...]] = months()

#: Day names (with and without the definite ``-en``), allowed before a date but outside its span.
WEEKDAYS: tuple[str, ...] = weekdays()

#: Money units and quantity words: a number right before one is a count or a sum, never a date
#: (``201204 kr``) and never a year of a date (``5 april 2000 kr``). The units are the amounts
#: component's (one vocabulary: the lexicon's ``money_units.tsv``).
UNIT_WORDS = rf"(?:{MONEY_UNIT}|%|procent)"

# ---------------------------------------------------------------------------- slots


def day(slot: str) -> str:
    """A day of the month, 1-31, optionally zero-padded, optionally ordinal (``1:a``, ``3:e``)."""
    return rf"(?P<{slot}>3[01]|[12][0-9]|0?[1-9])(?::[ae])?"


def month_name(slot: str) -> str:
    """A month name; the group ``{slot}_MM`` that matched carries the month number."""
    alternatives = "|".join(f"(?P<{slot}_{number:02d}>{'|'.join(names)})" for number, names in MONTHS.items())
    return rf"(?i:{alternatives})(?![^\W\d_])"


def month_number(slot: str) -> str:
    """A month written as a number, 1-12, optionally zero-padded."""
    return rf"(?P<{slot}>1[0-2]|0?[1-9])"


def year4(slot: str) -> str:
    """A four-digit year 1900-2099 that is not a count (``2000 kr``)."""
    return rf"(?P<{slot}>(?:19|20)[0-9]{{2}})(?![0-9])(?!{HS}*(?i:{UNIT_WORDS})(?!\w))"


def year2(slot: str) -> str:
    """A two-digit year."""
    return rf"(?P<{slot}>[0-9]{{2}})(?![0-9])"


def text_year(slot: str) -> str:
    """A year after a written month: ``15 mars 2021``, ``28 dec. 2020``, ``3 okt, 2019``."""
    return rf"(?:\.?,?{SEP}{year4(slot)})"


# ---------------------------------------------------------------------------- guards

#: Not inside a word or a number, not right after a range dash between digits (``2016-19 maj``),
#: not after a decimal or time separator.
BEFORE = rf"(?<![\w.,:/\\])(?<![0-9]{DASH})"
#: Not followed by more digits or word characters, or by a separator and a digit (``10.30.45``).
AFTER = rf"(?![\w/%]|[.,:][0-9]|{DASH}[0-9])"

# ---------------------------------------------------------------------------- forms


@dataclass(frozen=True)
class Form:
    """One written shape of a date: a name, its pattern, what an impossible date in it is."""

    name: str
    pattern: str
    #: ``"null"``: an impossible date in this shape is a DATE with value ``None``; ``"skip"``: not a date
    invalid: Literal["null", "skip"]
    #: digits only: the identifier and quantity guards of the false-positive table apply
    numeric: bool
    #: Every match starts with a digit (0-9) and, behind :data:`BEFORE`, no digit before it: a text is
    #: searched only where a run of digits starts (a scan far faster than trying every position).
    digit_first: bool = True
    #: A pattern that every match contains, or ``None``: a text without it is not searched at all.
    needs: str | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    @cached_property
    def needs_regex(self) -> re.Pattern[str] | None:
        return None if self.needs is None else re.compile(self.needs)


def _iso(y: str, m: str, d: str) -> str:
    # one space after a dash is a line-wrapping artefact of PDF text (``2016-10- 28``)
    return rf"(?P<{y}>(?:19|20)[0-9]{{2}})- ?(?P<{m}>[0-9]{{1,2}})- ?(?P<{d}>[0-9]{{1,2}})"


def _compact(y: str, m: str, d: str) -> str:
    return rf"(?P<{y}>[0-9]{{2}})(?P<{m}>[0-9]{{2}})(?P<{d}>[0-9]{{2}})"


# A group name may end in ``__N`` where one field is written in several alternatives of one
# pattern (Python's ``re`` wants unique names); the suffix is dropped when the value is read.
FORMS: tuple[Form, ...] = (
    # 2016-03-17, 2020-11-27--28, 2020-11-27–12-01, 2020-11-27 – 2020-12-01
    Form(
        "iso",
        BEFORE
        + _iso("sy", "smn", "sd")
        + rf"(?:{RANGE_DASH}(?:{_iso('ey', 'emn', 'ed')}"
        + r"|(?P<emn__2>[0-9]{1,2})-(?P<ed__2>[0-9]{1,2})"
        + r"|(?P<ed__3>[0-9]{1,2})))?"
        + AFTER,
        invalid="null",
        numeric=False,
    ),
    # 201204, 200903-04, 200903-200904 (YYMMDD)
    Form(
        "compact",
        BEFORE
        + _compact("syy", "smn", "sd")
        + rf"(?:{TIGHT_DASH}(?:{_compact('eyy', 'emn', 'ed')}|(?P<ed__2>[0-9]{{2}})))?"
        + AFTER,
        invalid="skip",
        numeric=True,
    ),
    # 2021.03.15, 2021/03/15 (two-digit month and day: 2020/123 and KS 2021.0123 are case numbers)
    Form(
        "iso_other",
        BEFORE
        + r"(?:(?P<sy>(?:19|20)[0-9]{2})\.(?P<smn>[0-9]{2})\.(?P<sd>[0-9]{2})"
        + r"|(?P<sy__2>(?:19|20)[0-9]{2})/(?P<smn__2>[0-9]{2})/(?P<sd__2>[0-9]{2}))"
        + AFTER,
        invalid="skip",
        numeric=True,
    ),
    # 20201204 (YYYYMMDD)
    Form(
        "compact8",
        BEFORE + r"(?P<sy>(?:19|20)[0-9]{2})(?P<smn>[0-9]{2})(?P<sd>[0-9]{2})" + AFTER,
        invalid="skip",
        numeric=True,
    ),
    # 19 april 2024, 5 april, 28 dec, 1:a april, 22–23 augusti 2024, 2-3 september
    Form(
        "text",
        BEFORE + day("sd") + rf"(?:{RANGE_DASH}{day('ed')})?{SEP}{month_name('em')}{text_year('ey')}?",
        invalid="null",
        numeric=False,
    ),
    # 30 aug–1 sep 2024, 28 dec 2020 – 3 jan 2021, 1 april-3 maj
    Form(
        "text_range",
        BEFORE
        + day("sd")
        + rf"{SEP}{month_name('sm')}{text_year('sy')}?\.?{RANGE_DASH}"
        + day("ed")
        + rf"{SEP}{month_name('em')}{text_year('ey')}?",
        invalid="null",
        numeric=False,
    ),
    # Nov 17, 2006 (English order, in press releases and web pages; only with the comma and the year)
    Form(
        "month_first",
        BEFORE + month_name("sm") + rf"\.?{SEP}" + day("sd") + rf",{SEP}" + year4("sy") + AFTER,
        invalid="null",
        numeric=False,
        digit_first=False,
        needs=rf",{SEP}(?:19|20)",
    ),
    # 3/9, 15/3 2021, 15/3/2021, 15/3/21, 5/4-21
    Form(
        "day_month",
        BEFORE
        + day("sd")
        + "/"
        + month_number("smn")
        + rf"(?:{SEP}{year4('sy')}|/{year4('sy__2')}|/{year2('syy')}|-{year4('sy__3')}|-{year2('syy__2')})?"
        + AFTER,
        invalid="null",
        numeric=True,
    ),
    # 2-3/9, 17-18/5, 2–3/9 2021
    Form(
        "day_range_month",
        BEFORE + day("sd") + RANGE_DASH + day("ed") + "/" + month_number("emn") + rf"(?:{SEP}{year4('ey')})?" + AFTER,
        invalid="null",
        numeric=True,
    ),
    # 30/8-1/9, 30/8 – 1/9 2021
    Form(
        "day_month_range",
        BEFORE
        + day("sd")
        + "/"
        + month_number("smn")
        + RANGE_DASH
        + day("ed")
        + "/"
        + month_number("emn")
        + rf"(?:{SEP}{year4('ey')})?"
        + AFTER,
        invalid="null",
        numeric=True,
    ),
    # 15.3.2021, 15.03.2021 (a four-digit year is required: 10.30 is a time)
    Form(
        "dotted",
        BEFORE + day("sd") + r"\." + month_number("smn") + r"\." + year4("sy") + AFTER,
        invalid="null",
        numeric=True,
    ),
)

# ---------------------------------------------------------------------------- meeting-date headers

#: Labels of a document header that give the meeting date (``Datum:``, ``Tid/Plats:``). The
#: label starts its line (after markdown: ``#``, ``*``, ``|``, ``>``) and is followed by a colon
#: or directly by the date. ``specific`` labels name the meeting date and are read anywhere
#: in the document (they recur in page heads and in the notice block at the end); ``generic``
#: ones only near the top (``Tid:`` further down may be the time of another meeting).
MEETING_DATE_LABELS: dict[str, tuple[str, ...]] = {
    "specific": (
        r"sammanträdes(?:datum|dag)",
        r"mötes(?:datum|dag)",
    ),
    "generic": (
        rf"datum(?:{HS}*(?:och|/|&|,){HS}*(?:tid|plats))*",
        rf"tid(?:{HS}*(?:och|/|&|,){HS}*(?:plats|datum|lokal))*",
        rf"plats(?:{HS}*(?:och|/|&|,){HS}*(?:tid|datum))+",
        rf"ort{HS}+och{HS}+datum",
        r"sammanträde",
        r"möte",
    ),
}

#: Markdown that may open a header line (``## Plats och tid:``, ``**Tid/Plats:**``, ``| Datum |``).
LINE_OPEN = rf"^(?:{HS}|[#>*_|])*"
#: What may follow a label before its value: markdown and a colon (or a table bar).
LABEL_CLOSE = rf"{HS}*[*_]*{HS}*(?P<colon>[:|])?[*_|]*{HS}*"


#: What may stand between a label without a colon and its date: markdown, a weekday, ``den``.
LABEL_TO_DATE = re.compile(rf"^[\s*_|]*(?:(?i:{'|'.join(WEEKDAYS)})(?:en)?{SEP})?(?:(?i:den){SEP})?$")


def label_pattern(kinds: tuple[str, ...]) -> str:
    """Alternation of the header labels of ``kinds``, as whole words."""
    labels = "|".join(label for kind in kinds for label in MEETING_DATE_LABELS[kind])
    return rf"(?i:{labels})(?!\w)"


def label_regex(kind: str) -> re.Pattern[str]:
    """A header label of ``kind`` at the start of a line; group ``rest`` is the line after it."""
    return re.compile(rf"{LINE_OPEN}{label_pattern((kind,))}{LABEL_CLOSE}(?P<rest>.*)$", re.MULTILINE)


#: A line that is a letterhead, up to its date: a place of one to four capitalised words and
#: nothing else (``Helsingborg 210618``, ``Stockholm, den 3 maj 2021``).
LETTERHEAD_BEFORE = re.compile(
    rf"{LINE_OPEN}[A-ZÅÄÖ][\w.-]*(?:{SEP}[A-ZÅÄÖ][\w.-]*){{0,3}}{HS}*,?{SEP}(?:(?i:den){SEP})?$"
)
#: Longest stretch between a meeting word and the date it introduces (same sentence, same line).
MEETING_MENTION_CHARS = 80

#: Case and paragraph numbers that carry the year of the case (evidence of the meeting's year when
#: no date says it): ``KS 2019/0087``, ``Dnr KS 2013.123``, ``Dnr 0015/13``, ``§ 63/20``.
CASE_NUMBER = re.compile(
    r"(?:\b(?:[A-ZÅÄÖ]{2,6}|(?i:dnr|diarienr|diarienummer|ärendenr))\.?:?"
    rf"{HS}*(?:[A-ZÅÄÖ]{{2,6}}{HS}*)?(?P<year>(?:19|20)[0-9]{{2}})[/.:-]{HS}?[0-9]{{1,6}}(?![0-9])"
    rf"|\b(?i:dnr|diarienr|diarienummer){HS}*[.:]?{HS}*(?:[A-ZÅÄÖ]{{2,6}}{HS}*)?[0-9]{{1,6}}/(?P<yy>[0-9]{{2}})(?![0-9])"
    rf"|§{HS}*[0-9]{{1,4}}{HS}*/{HS}*(?:(?P<pyear>(?:19|20)[0-9]{{2}})|(?P<pyy>[0-9]{{2}}))(?![0-9]))"
)
#: A year written alone in running text (``budget 2021``), evidence of the years the text is about.
YEAR_IN_TEXT = re.compile(r"(?<![\w.,:/-])(?:19|20)[0-9]{2}(?![\w]|[.,:/][0-9])")

#: A year that opens a sentence and sets the year of the yearless dates after it in the same
#: paragraph (``År 2017 ... Fullmäktige sammanträder 6 februari, 9 mars ...``); only these openers:
#: a year elsewhere in a sentence (``Bokslut för år 2016 fastställdes den 15 mars``) is often not
#: the year of its dates.
SENTENCE_YEAR = re.compile(
    rf"(?:^|[.!?:]{HS}+)(?:[*_#>]{HS}*)*(?i:år|under|under{HS}+år|sammanträdes(?:dagar|datum|tider)(?:{HS}+(?:för|år))?)"
    rf"{HS}+(?P<year>(?:19|20)[0-9]{{2}})(?![0-9])",
    re.MULTILINE,
)
#: What joins the dates of an enumeration (``6 februari, 9 mars och 27 april 2017``).
LIST_JOIN = re.compile(
    rf"^(?:{HS}*,{HS}*|{HS}+(?i:och|samt|eller|resp\.?|respektive){HS}+|{HS}*,{HS}*(?i:och|samt){HS}+)$"
)

#: What may follow the date on a letterhead line.
LETTERHEAD_AFTER = re.compile(r"^[*_\s]*$")

# ---------------------------------------------------------------------------- malformed dates

#: A run of 5-8 digits: a date written wrong (``2011127``) when it stands where a date stands
#: (see :data:`SLOT_BEFORE` / :data:`SLOT_AFTER`); otherwise just a number.
SLOT_DIGITS = re.compile(BEFORE + r"[0-9]{5,8}" + AFTER)

#: Text right before a digit run that puts it in a date slot: a header label (and colon) that
#: opens the line, or ``den``, a weekday, a word for a meeting (``styrelsemötet 2011127``).
SLOT_BEFORE = re.compile(
    rf"(?:{LINE_OPEN}{label_pattern(('specific', 'generic'))}{LABEL_CLOSE}"
    rf"|(?i:\b(?:den|{'|'.join(WEEKDAYS)}(?:en)?|\w*(?:möte|mötet|sammanträde|sammanträdet))){SEP})$",
    re.MULTILINE,
)
#: Text right after a digit run that puts it in a date slot: a time of day (``kl``, ``klockan``,
#: ``13.00``, ``0830-1100``).
SLOT_AFTER = re.compile(
    rf"^(?:{HS}*(?:,{HS}*)?(?i:kl|klockan)(?!\w)|{SEP}[0-9]{{1,2}}[.:][0-9]{{2}}(?![0-9])|{SEP}[0-9]{{4}}{DASH}[0-9])"
)

# ---------------------------------------------------------------------------- context words

#: The word right before a match (same line; up to three non-word characters between).
WORD_BEFORE = re.compile(r"(?P<word>[\w§][\w.§-]*?)\.?[^\w\n]{0,3}$")
#: The word right after a match (same line; a hyphen before it is a compound: ``2/3-dels``).
WORD_AFTER = re.compile(r"^[^\S\n]*-?(?P<word>[\w%]+|[:,]-)")
#: A capitalised word right after a match (``5 Jan Andersson``: a day and a name, no date).
CAPITALISED_AFTER = re.compile(r"^[^\S\n]+[A-ZÅÄÖ][a-zåäöéü]")

# ---------------------------------------------------------------------------- false positives


@dataclass(frozen=True)
class DateCues:
    """The context words of the false-positive table (``false_positives.tsv``, see its header for the
    kinds): what the dates component knows beyond the shapes of dates, saved with a pipeline."""

    #: The table's text, as saved with a pipeline.
    table: str
    #: A word before a numeric date that makes it an identifier (``Dnr 200123``, ``§ 3/9``).
    id_words_before: frozenset[str]
    #: A word after a numeric date that makes it a quantity or a fraction (``201204 kr``, ``2/3 av``).
    quantity_words_after: frozenset[str]
    #: Exact strings that are not dates in running text (``öppet 24/7``) unless ``den`` comes before.
    never_dates: frozenset[str]
    #: Month abbreviations that are also given names (``5 Jan Andersson``, ``3 Maj Persson``).
    name_months: frozenset[str]
    #: Words on a line before a date that say it is another day than the meeting's: adjusting,
    #: posting and printing of the minutes (``Justeringsdatum``, ``Anslaget uppsatt``).
    other_day_label: re.Pattern[str]
    #: Words before a date in the same sentence that say it is the day of the meeting the text
    #: reports (``sammanträdet den 22 februari 2021``, ``Beslut i korthet den 17 september``); group
    #: ``not`` is a word that, right before the meeting word, makes it another meeting (``nästa sammanträde``).
    meeting_mention: re.Pattern[str]

    @classmethod
    def from_table(cls, table: str, source: str = FALSE_POSITIVES_FILE) -> DateCues:
        rows = parse_tsv(table, source)

        def texts(kind: str) -> list[str]:
            return [row["text"] for row in rows if row["kind"] == kind]

        def words(kind: str) -> frozenset[str]:
            return frozenset(text.lower() for text in texts(kind))

        return cls(
            table=table,
            id_words_before=words("word_before"),
            quantity_words_after=words("word_after"),
            never_dates=words("exact"),
            name_months=words("name_month"),
            other_day_label=re.compile(r"(?i:\b(?:" + "|".join(texts("other_day_stem")) + r"))"),
            meeting_mention=re.compile(
                r"(?i:(?P<not>\b(?:"
                + "|".join(texts("not_this_meeting"))
                + rf"){HS}+\w*?)?\b(?:"
                + "|".join(texts("meeting_word"))
                + r"))"
            ),
        )


@functools.lru_cache(maxsize=1)
def packaged_cues() -> DateCues:
    """The cues shipped with the package (read once, when first needed)."""
    package = __name__.rpartition(".")[0]
    return DateCues.from_table(read_text(package, FALSE_POSITIVES_FILE), f"{package}/{FALSE_POSITIVES_FILE}")
