"""Find and read written dates in plain text (no spaCy needed).

:func:`find_dates` scans a text with every form of :mod:`.patterns`, drops matches that
their context shows to be something else (identifiers, quantities, names), adds
unreadable dates that stand where a date stands, and keeps the longest of overlapping
matches. :func:`parse_date` reads one date expression. Both take the date a yearless
date is resolved against (the meeting date).
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ...defaults import CENTURY_PIVOT
from ...spans import longest_first
from ...tokenizer import HTML_TAG
from . import patterns as p
from .value import DateValue

#: What a yearless date is resolved against: the meeting date (or another day of the meeting: the
#: year closest to it), a year alone (``int``: that year), an ISO date string, or nothing.
Reference = datetime.date | str | int | None
#: A reference as :meth:`Written.resolve` takes it.
Resolved = datetime.date | int | None

#: ``ok``: a value; ``yearless``: a plausible date without a year and no reference to give it
#: one; ``invalid``: no valid date is meant beyond doubt (``31 februari``, ``2011127``).
Status = Literal["ok", "yearless", "invalid"]

#: Longest text :func:`parse_date` reads (a date expression is short; this bounds the work).
MAX_EXPRESSION_CHARS = 64


@dataclass(frozen=True)
class Written:
    """The fields of a date as written; ``None`` where not written (``e*`` only for ranges)."""

    sd: int
    sm: int | None = None
    sy: int | None = None
    ed: int | None = None
    em: int | None = None
    ey: int | None = None

    @property
    def has_year(self) -> bool:
        return self.sy is not None or self.ey is not None

    @property
    def is_range(self) -> bool:
        return self.ed is not None

    def months(self) -> tuple[int, int]:
        """Start and end month; a month written once serves both ends."""
        start = self.sm if self.sm is not None else self.em
        end = self.em if self.em is not None else self.sm
        assert start is not None and end is not None, "every form writes a month"
        return start, end

    def plausible(self) -> bool:
        """Could this be a real date (in some year, when none is written)? 2000 is a leap year."""
        return self.resolve(None if self.has_year else datetime.date(2000, 6, 1)) is not None

    def resolve(self, reference: Resolved) -> DateValue | None:
        """The value, taking a missing year from ``reference`` (the year closest to a date, or a
        year given alone); ``None`` if impossible or unknown."""
        sm, em = self.months()
        if not self.is_range:
            year = self.sy if self.sy is not None else self.ey
            if year is None:
                day = closest_day(sm, self.sd, reference) if reference is not None else None
                return None if day is None else DateValue(day)
            return DateValue(start) if (start := _date(year, sm, self.sd)) else None
        assert self.ed is not None
        # A range may cross a new year only when its end month is written and earlier (30/12-2/1).
        wraps = em < sm
        if em == sm and self.ed <= self.sd:
            return None
        sy, ey = self.sy, self.ey
        if sy is None and ey is None:
            if reference is None:
                return None
            start_day = closest_day(sm, self.sd, reference)
            if start_day is None:
                return None
            sy = start_day.year
        if sy is None:
            assert ey is not None
            sy = ey - 1 if wraps else ey
        if ey is None:
            ey = sy + 1 if wraps else sy
        start, end = _date(sy, sm, self.sd), _date(ey, em, self.ed)
        if start is None or end is None or end <= start:
            return None
        return DateValue(start, end)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: character offsets, the form it is written in, its value."""

    start: int
    end: int
    form: str
    written: Written | None  # None: an unreadable digit run in a date slot
    value: DateValue | None
    status: Status

    @property
    def has_year(self) -> bool:
        return self.written is not None and self.written.has_year


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def closest_day(month: int, day: int, reference: datetime.date | int) -> datetime.date | None:
    """``day``/``month`` in the year that puts it closest to ``reference`` (earlier on a tie); in
    that year when ``reference`` is a year alone."""
    if isinstance(reference, int):
        return _date(reference, month, day)
    years = (reference.year - 1, reference.year, reference.year + 1)
    candidates = [d for year in years if (d := _date(year, month, day))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - reference).days), d))


def full_year(two_digits: int, century_pivot: int = CENTURY_PIVOT) -> int:
    """A two-digit year: ``00..pivot`` -> 20YY, above -> 19YY."""
    return (2000 if two_digits <= century_pivot else 1900) + two_digits


def as_reference(reference: Reference) -> datetime.date | None:
    """A reference date from a ``date``, an ISO string or ``None``; a clear ``ValueError`` otherwise."""
    if reference is None:
        return None
    if isinstance(reference, int) and not isinstance(reference, bool):
        raise TypeError(f"Meeting date {reference!r} is neither a datetime.date nor an ISO date string.")
    if isinstance(reference, datetime.datetime):
        return reference.date()
    if isinstance(reference, datetime.date):
        return reference
    if isinstance(reference, str):
        try:
            return datetime.date.fromisoformat(reference.strip())
        except ValueError:
            raise ValueError(f"Meeting date {reference!r} is not an ISO date (YYYY-MM-DD).") from None
    raise TypeError(f"Meeting date {reference!r} is neither a datetime.date nor an ISO date string.")


def written_of(match: re.Match[str], century_pivot: int = CENTURY_PIVOT) -> Written:
    """Read the fields of a form's match from its group names (see :mod:`.patterns`)."""
    fields: dict[str, int] = {}
    for key, text in match.groupdict().items():
        if text is None:
            continue
        name = key.split("__")[0]
        if name[:3] in ("sm_", "em_"):
            fields[name[:2]] = int(name[3:])
        elif name in ("smn", "emn"):
            fields[name[:2]] = int(text)
        elif name in ("syy", "eyy"):
            fields[name[:2]] = full_year(int(text), century_pivot)
        else:
            fields[name] = int(text)
    return Written(**fields)


# ---------------------------------------------------------------------------- context


def _line_before(text: str, start: int, limit: int = 80) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    return text[max(line_start, start - limit) : start]


def _word_before(text: str, start: int) -> str:
    found = p.WORD_BEFORE.search(_line_before(text, start, 40))
    return found.group("word").lower().rstrip(".") if found else ""


def _word_after(text: str, end: int) -> str:
    found = p.WORD_AFTER.match(text[end : end + 40])
    return found.group("word").lower() if found else ""


def _rejected(text: str, match: re.Match[str], form: p.Form, cues: p.DateCues) -> bool:
    """Does the context show that this date-shaped match is something else?"""
    if match.group(0).lower() in cues.never_dates and _word_before(text, match.start()) != "den":
        return True
    if form.numeric and (
        _word_before(text, match.start()) in cues.id_words_before
        or _word_after(text, match.end()) in cues.quantity_words_after
    ):
        return True
    for key, written in match.groupdict().items():
        # "5 Jan Andersson": a month abbreviation that is also a name, before a capitalised word
        if written and key[:3] in ("sm_", "em_") and written[0].isupper() and written.lower() in cues.name_months:
            if match.end(key) == match.end() and p.CAPITALISED_AFTER.match(text[match.end() : match.end() + 3]):
                return True
    return False


def in_date_slot(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` stand where a date stands (after ``Datum:``, before ``kl`` ...)?"""
    return bool(p.SLOT_BEFORE.search(_line_before(text, start)) or p.SLOT_AFTER.match(text[end : end + 20]))


# ---------------------------------------------------------------------------- finding


def as_resolved(reference: Reference) -> Resolved:
    """A reference for :meth:`Written.resolve`: a year (1000-9999) stays a year, anything else as
    :func:`as_reference` reads it."""
    if isinstance(reference, int) and not isinstance(reference, bool) and 1000 <= reference <= 9999:
        return reference
    return as_reference(reference)


#: Where a run of digits starts: the only places a :attr:`~.patterns.Form.digit_first` form can match.
_DIGIT_RUN = re.compile(r"[0-9]+")


def _matches(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` for a pattern that can match only at ``starts`` (ascending): the
    same matches, found by trying those positions alone (``match`` sees the text before its
    position, so the look-behind guards work as in a search)."""
    end = 0
    match = regex.match
    for start in starts:
        if start < end:
            continue
        found = match(text, start)
        if found is not None:
            yield found
            end = max(found.end(), start + 1)


def _form_matches(form: p.Form, text: str, digit_runs: list[int]) -> Iterator[re.Match[str]]:
    if form.needs_regex is not None and form.needs_regex.search(text) is None:
        return iter(())
    if form.digit_first:
        return _matches(form.regex, text, digit_runs)
    return form.regex.finditer(text)


@dataclass(frozen=True)
class _Scan:
    """What :func:`_candidates` finds in a text before any reference is known: the matches of every
    form that the context does not reject, and the digit runs that stand in a date slot."""

    matches: tuple[tuple[re.Match[str], p.Form, Written, bool, bool], ...]  # + plausible, skip if impossible
    slots: tuple[tuple[int, int], ...]


#: The last texts scanned (a document's text is scanned for its date context and again for its
#: dates: the regex work is done once), keyed by text, century pivot and cues.
_SCANS: dict[tuple[str, int, p.DateCues], _Scan] = {}
_SCANS_KEPT = 4


def _scan(text: str, century_pivot: int, cues: p.DateCues) -> _Scan:
    key = (text, century_pivot, cues)
    found = _SCANS.get(key)
    if found is not None:
        return found
    digit_runs = [m.start() for m in _DIGIT_RUN.finditer(text)]
    matches = []
    for form in p.FORMS:
        for match in _form_matches(form, text, digit_runs):
            if _rejected(text, match, form, cues):
                continue
            written = written_of(match, century_pivot)
            plausible = written.plausible()
            skip = (
                not plausible
                and form.invalid == "skip"
                and not Written(written.sd, written.months()[0], written.sy).plausible()
            )
            matches.append((match, form, written, plausible, skip))
    slots = []
    for match in _matches(p.SLOT_DIGITS, text, digit_runs):
        if _word_before(text, match.start()) in cues.id_words_before:
            continue
        if _word_after(text, match.end()) in cues.quantity_words_after:
            continue
        if in_date_slot(text, match.start(), match.end()):
            slots.append((match.start(), match.end()))
    scan = _Scan(tuple(matches), tuple(slots))
    if len(_SCANS) >= _SCANS_KEPT:
        del _SCANS[next(iter(_SCANS))]
    _SCANS[key] = scan
    return scan


def _candidates(text: str, reference: Resolved, century_pivot: int, cues: p.DateCues) -> list[DateMatch]:
    found: list[DateMatch] = []
    scan = _scan(text, century_pivot, cues)
    for match, form, written, plausible, skip in scan.matches:
        value = written.resolve(reference)
        if value is not None:
            status: Status = "ok"
        elif not plausible:
            # digits that only might be a date (200230) are one only in a date slot (below);
            # a shape that says "date" (31 februari, 200904-03) is a DATE without value
            if skip:
                continue
            status = "invalid"
        elif reference is None and not written.has_year:
            status = "yearless"
        else:
            status = "invalid"  # 29 februari with no leap year near the reference
        found.append(DateMatch(match.start(), match.end(), form.name, written, value, status))
    if scan.slots:
        taken = _Intervals()
        for date in found:
            taken.add_overlapping(date.start, date.end)
        for start, end in scan.slots:
            if not taken.overlaps(start, end):
                found.append(DateMatch(start, end, "slot", None, None, "invalid"))
    return found


class _Intervals:
    """Character ranges, for fast overlap checks (texts may hold thousands of dates)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add_overlapping(self, start: int, end: int) -> None:
        """Add a range that may overlap those already added."""
        index = bisect.bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        # only ranges starting in (start - longest, end) can reach into [start, end)
        low = bisect.bisect_right(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        return any(self.ends[i] > start for i in range(low, high))


def _longest_first(found: list[DateMatch]) -> list[DateMatch]:
    """Non-overlapping matches: longer wins, then earlier, then one with a value; in text order."""
    return longest_first(
        found, lambda m: (m.start, m.end), rank=lambda m: (-(m.end - m.start), m.start, m.value is None)
    )


def _with_year(match: DateMatch, reference: datetime.date | int) -> DateMatch:
    """``match`` (yearless) resolved against ``reference`` instead of the document's context."""
    if match.written is None or match.written.has_year:
        return match
    value = match.written.resolve(reference)
    if value is None:
        return match
    return DateMatch(match.start, match.end, match.form, match.written, value, "ok")


def _paragraph_start(text: str, pos: int) -> int:
    blank = max(text.rfind("\n\n", 0, pos), text.rfind("\n \n", 0, pos))
    return 0 if blank == -1 else blank + 1


def share_written_years(text: str, matches: list[DateMatch]) -> list[DateMatch]:
    """Give yearless dates the year the text writes for them: the year of an enumeration's dated last
    member (``6 februari, 9 mars och 27 april 2017``: the year closest to 2017-04-27), else the year
    that opens a sentence before them in the same paragraph (``År 2017 ... sammanträder 6 februari``)."""
    out = list(matches)
    # enumerations, from the end: a dated member gives its year to the yearless ones before it
    anchor: DateMatch | None = None
    for i in range(len(out) - 1, -1, -1):
        match = out[i]
        if anchor is not None and i + 1 < len(out) and p.LIST_JOIN.match(text[match.end : out[i + 1].start]):
            if match.written is not None and not match.written.has_year and anchor.value is not None:
                out[i] = _with_year(match, anchor.value.start)
                continue
        anchor = match if match.has_year and match.value is not None else None
    # a year that opens a sentence of the same paragraph
    years = _sentence_years(text)
    if years:
        starts = [m.start("year") for m in years]
        for i, match in enumerate(out):
            if match.written is None or match.written.has_year or out[i] is not matches[i]:
                continue
            k = bisect.bisect_left(starts, match.start) - 1
            if k < 0 or years[k].start("year") < _paragraph_start(text, match.start):
                continue
            if any(m.has_year and years[k].end() <= m.start < match.start for m in matches):
                continue  # a dated date in between speaks for itself
            out[i] = _with_year(match, int(years[k]["year"]))
    return out


#: The years that open a sentence in the last texts searched (kept as :data:`_SCANS`).
_YEARS: dict[str, list[re.Match[str]]] = {}


def _sentence_years(text: str) -> list[re.Match[str]]:
    found = _YEARS.get(text)
    if found is None:
        found = list(p.SENTENCE_YEAR.finditer(text))
        if len(_YEARS) >= _SCANS_KEPT:
            del _YEARS[next(iter(_YEARS))]
        _YEARS[text] = found
    return found


def find_dates(
    text: str, reference: Reference = None, *, century_pivot: int = CENTURY_PIVOT, cues: p.DateCues | None = None
) -> list[DateMatch]:
    """Every date in ``text``, in order; yearless ones resolved against ``reference``, unless the
    text writes their year nearby (:func:`share_written_years`). ``cues``: the context words
    (a component's own; the packaged ones by default)."""
    found = _candidates(text, as_resolved(reference), century_pivot, cues or p.packaged_cues())
    return share_written_years(text, _longest_first(found))


def parse_date(text: object, reference: Reference = None, *, century_pivot: int = CENTURY_PIVOT) -> DateValue | None:
    """The value of a whole date expression (``"2-3/9"``, ``"19 april 2024"``), else ``None``.

    Surrounding whitespace and a trailing period or comma are ignored. A date without a year
    needs ``reference`` (the meeting date) and is ``None`` without it. Never raises on any
    ``text``; an unusable ``reference`` is a ``ValueError``.
    """
    ref = as_resolved(reference)
    if not isinstance(text, str):
        return None
    expression = text.strip().rstrip(".,;").rstrip()
    if not expression or len(expression) > MAX_EXPRESSION_CHARS:
        return None
    for form in p.FORMS:
        match = form.regex.fullmatch(expression)
        if match is not None and (value := written_of(match, century_pivot).resolve(ref)) is not None:
            return value
    return None


_HTML_TAG = re.compile(HTML_TAG)


def value_in(
    text: str, reference: Reference = None, *, century_pivot: int = CENTURY_PIVOT, cues: p.DateCues | None = None
) -> DateValue | None:
    """Value of a span someone else marked as a date (``den 5 april``): the whole of it, or the
    one date inside it; ``None`` when there is none or more than one. HTML tags left in a
    transcribed page are not part of the date (``2008</strong>-<strong>03``)."""
    text = _HTML_TAG.sub("", text) if "<" in text else text
    value = parse_date(text, reference, century_pivot=century_pivot)
    if value is not None:
        return value
    inside = find_dates(text, reference, century_pivot=century_pivot, cues=cues)
    return inside[0].value if len(inside) == 1 else None
