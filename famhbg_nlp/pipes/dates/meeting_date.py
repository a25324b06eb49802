"""When the meeting was: the date context of a document, read from the document itself.

The context is the reference for dates written without a year. It is read only from dates that
carry one (a yearless date is resolved against a dated one, never the other way), in order:

1. ``label``: a labelled header (``Datum: 2016-03-17``, ``Tid/Plats: 180615``, ``Sammanträdesdatum``,
   ``Plats och tid: Den 19 april 2024``): the first date on the label's line, or on the next
   non-empty line when the label ends its line (``## Plats och tid:``). Without a colon the date
   must follow the label directly (``Sammanträdesdatum 2021-03-15``). A yearless labelled date
   (``Plats och tid: den 18 juni``) takes the year of the letterhead or the first date near the top.
   If the label holds an unreadable date (``Tid/Plats: 2011127``), the date it means when one key
   was struck twice (one valid YYMMDD: 2020-11-27), else no meeting date from the text: the header
   names the meeting date and no other date may stand in for it;
2. ``letterhead``: a line near the top with a place and a date and nothing else (``Helsingborg 210618``);
3. ``mention``: a date near the top in a sentence about the meeting (``kommunfullmäktiges sammanträde
   den 22 februari 2021``, ``Det här beslutade kommunstyrelsen 12 maj``), not another meeting
   (``nästa sammanträde``);
4. ``filename``: a date in the file name (``ks-2019-03-12.pdf``, ``protokoll_20190312.docx``);
5. ``heading``: the first date near the top that is not labelled as another day (``Justeringsdatum``,
   ``Anslaget uppsatt``, ``Publicerad``, ``Pressmeddelande``: the adjusting, posting and publishing
   of the minutes are other days; they are never the meeting date).

A yearless labelled or mentioned date is the meeting date once its year is known from the evidence
below (after the dated rules: ``label``, ``mention``, ``filename``, ``heading``).
When no day is known, yearless dates still get a year, from (in order) the year of the file name
(``ks-2013-06.pdf``), a dated day that belongs to the meeting but is not it (``other-day``: the
adjusting or posting date, a publishing date: yearless dates take the year closest to it), the one
year of a short title line (``heading``: ``Beslut i korthet 2020``), the years of case and paragraph
numbers (``case-number``: ``KS 2019/0087``, ``§ 63/20``; the latest),
and the years the text mentions (``year-in-text``: the commonest, full dates counting double).
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath, PureWindowsPath

from ...defaults import CENTURY_PIVOT, MEETING_DATE_HEAD_CHARS, MEETING_DATE_LABEL_CHARS
from . import patterns as p
from .parse import DateMatch, Resolved, find_dates, full_year, parse_date

_LABELS = {kind: p.label_regex(kind) for kind in p.MEETING_DATE_LABELS}

#: Where a date context can come from, strongest first (``given``: by the caller).
SOURCES: tuple[str, ...] = (
    "given",
    "label",
    "letterhead",
    "mention",
    "filename",
    "heading",
    "other-day",
    "case-number",
    "year-in-text",
)


@dataclass(frozen=True)
class DateContext:
    """What a document says about when its meeting was.

    ``date``: the meeting date, when known. ``reference``: a dated day of the meeting that yearless
    dates are resolved against (the meeting date, or its adjusting or posting day). ``year``: the
    meeting's year when no day is known. ``source``: where the date (else the reference, else the
    year) came from, one of :data:`SOURCES`, or ``None`` when the text says nothing.
    """

    date: datetime.date | None = None
    source: str | None = None
    reference: datetime.date | None = None
    year: int | None = None

    @classmethod
    def of_date(cls, date: datetime.date, source: str) -> DateContext:
        return cls(date=date, source=source, reference=date, year=date.year)

    @property
    def resolves(self) -> Resolved:
        """What :meth:`~.parse.Written.resolve` takes: the reference day, else the year, else ``None``."""
        return self.reference if self.reference is not None else self.year


NO_CONTEXT = DateContext()


# ---------------------------------------------------------------------------- evidence in the text


def _next_line(text: str, pos: int) -> tuple[int, int]:
    """Offsets of the first non-empty line after ``pos`` (a line of only markdown is empty)."""
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        if text[pos:end].strip(" \t\u00a0*_#|>"):
            return pos, end
        pos = end + 1
    return pos, pos


def labelled_dates(text: str, dates: Sequence[DateMatch], *, label_chars: int) -> list[DateMatch]:
    """The date that each meeting-date header label gives, in text order (``dates``: in text order)."""
    found: list[tuple[int, DateMatch]] = []
    starts = [date.start for date in dates]
    for kind, regex in _LABELS.items():
        for label in regex.finditer(text):
            if kind == "generic" and label.start() >= label_chars:
                break
            start, end = label.span("rest")
            if not label.group("rest").strip(" \t\u00a0*_|"):
                start, end = _next_line(text, end + 1)
            index = bisect.bisect_left(starts, start)
            if index == len(dates) or dates[index].end > end:
                continue
            first = dates[index]
            if label.group("colon") is None and not p.LABEL_TO_DATE.match(text[start : first.start]):
                continue
            found.append((label.start(), first))
    return [date for _, date in sorted(found, key=lambda item: item[0])]


def letterhead_date(text: str, dates: Sequence[DateMatch], *, head_chars: int, cues: p.DateCues) -> DateMatch | None:
    """A dated letterhead line near the top (``Helsingborg 210618``)."""
    for date in dates:
        if date.start >= head_chars:
            break
        if not _dated(text, date, cues):
            continue
        line_start = text.rfind("\n", 0, date.start) + 1
        line_end = text.find("\n", date.end)
        line_end = len(text) if line_end == -1 else line_end
        if p.LETTERHEAD_BEFORE.match(text[line_start : date.start]) and p.LETTERHEAD_AFTER.match(
            text[date.end : line_end]
        ):
            return date
    return None


def _mention(text: str, date: DateMatch, cues: p.DateCues) -> re.Match[str] | None:
    """The last meeting word before ``date`` in its sentence (same line, a short stretch before it)."""
    line_start = text.rfind("\n", 0, date.start) + 1
    before = text[max(line_start, date.start - p.MEETING_MENTION_CHARS) : date.start]
    sentence = re.split(r"[.!?](?:\s|$)", before)[-1]
    mentions = list(cues.meeting_mention.finditer(sentence))
    return mentions[-1] if mentions else None


def mentioned_date(text: str, dates: Sequence[DateMatch], *, head_chars: int, cues: p.DateCues) -> DateMatch | None:
    """The first date near the top in a sentence about this meeting (``sammanträdet den 22 februari``)."""
    for date in dates:
        if date.start >= head_chars:
            break
        if date.status == "invalid" or _other_day(text, date, cues):
            continue
        mention = _mention(text, date, cues)
        if mention is not None and mention.group("not") is None:
            return date
    return None


def heading_date(text: str, dates: Sequence[DateMatch], *, head_chars: int, cues: p.DateCues) -> DateMatch | None:
    """The first full date near the top that is not labelled as another day or another meeting."""
    for date in dates:
        if date.start >= head_chars:
            break
        mention = _mention(text, date, cues)
        if _dated(text, date, cues) and (mention is None or mention.group("not") is None):
            return date
    return None


def other_day_date(text: str, dates: Sequence[DateMatch], cues: p.DateCues) -> DateMatch | None:
    """The first full date anywhere labelled as another day of the meeting (adjusting, posting,
    publishing): not the meeting date, but days or weeks from it."""
    for date in dates:
        if date.status == "ok" and date.has_year and date.value is not None and _other_day(text, date, cues):
            return date
    return None


#: Longest first line read as a title (``Beslut i korthet 2020``).
TITLE_CHARS = 100


def title_year(text: str) -> int | None:
    """The one year a short first line (the title) names (``Beslut i korthet 2020``)."""
    line = next((line for line in text.splitlines() if line.strip(" \t\u00a0*_#|>")), "")
    years = {int(m.group(0)) for m in p.YEAR_IN_TEXT.finditer(line)}
    return years.pop() if len(line) <= TITLE_CHARS and len(years) == 1 else None


def case_number_year(text: str, *, century_pivot: int = CENTURY_PIVOT) -> int | None:
    """The latest year of the case and paragraph numbers in ``text`` (``KS 2019/0087``, ``§ 63/20``)."""
    years = []
    for match in p.CASE_NUMBER.finditer(text):
        four = match["year"] or match["pyear"]
        two = match["yy"] or match["pyy"]
        years.append(int(four) if four else full_year(int(two), century_pivot))
    return max(years) if years else None


def year_in_text(text: str, dates: Sequence[DateMatch]) -> int | None:
    """The year the text mentions most (years of full dates count twice; the later one on a tie)."""
    counts: Counter[int] = Counter(int(m.group(0)) for m in p.YEAR_IN_TEXT.finditer(text))
    for date in dates:
        if date.status == "ok" and date.has_year and date.value is not None:
            counts[date.value.start.year] += 2
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


# ---------------------------------------------------------------------------- evidence in the file name


def filename_evidence(
    name: str | None, *, century_pivot: int = CENTURY_PIVOT, cues: p.DateCues | None = None
) -> datetime.date | int | None:
    """The date in a file name (``ks-2019-03-12.pdf`` -> 2019-03-12), else a year alone in it
    (``kf-2013-06.docx`` -> 2013), else ``None``. Directories are ignored."""
    if not name:
        return None
    stem = PureWindowsPath(PurePath(str(name)).name).name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    spaced = re.sub(r"[_+]+", " ", stem)
    words = re.sub(r"(?<=[^\W\d_])-|-(?=[^\W\d_])", " ", spaced)  # ks-12-mars-2019 -> ks 12 mars 2019
    for candidate in (spaced, words):
        for date in find_dates(candidate, None, century_pivot=century_pivot, cues=cues):
            if date.status == "ok" and date.has_year and date.value is not None:
                return date.value.start
    years = [int(m.group(0)) for m in p.YEAR_IN_TEXT.finditer(words)]
    return years[0] if years else None


# ---------------------------------------------------------------------------- inference


def infer_date_context(
    text: str,
    *,
    source_name: str | None = None,
    head_chars: int = MEETING_DATE_HEAD_CHARS,
    label_chars: int = MEETING_DATE_LABEL_CHARS,
    century_pivot: int = CENTURY_PIVOT,
    cues: p.DateCues | None = None,
) -> DateContext:
    """The :class:`DateContext` of the minutes in ``text`` (see the module docstring).

    ``source_name`` is the document's file name (or path), whose date or year is evidence too;
    ``cues``: the context words (a component's own; the packaged ones by default).
    """
    if not isinstance(text, str):
        text = ""
    cues = cues or p.packaged_cues()
    dates = find_dates(text, None, century_pivot=century_pivot, cues=cues) if text else []
    labelled = labelled_dates(text, dates, label_chars=label_chars)
    for date in labelled:
        if date.status == "ok" and date.has_year and date.value is not None:
            return DateContext.of_date(date.value.start, "label")
    letterhead = letterhead_date(text, dates, head_chars=head_chars, cues=cues)
    head = letterhead or next((d for d in dates if d.start < head_chars and _dated(text, d, cues)), None)
    head_day = None if head is None or head.value is None else head.value.start
    if head_day is not None:
        for date in labelled:
            if date.status == "yearless" and date.written is not None:
                resolved = date.written.resolve(head_day)
                if resolved is not None:
                    return DateContext.of_date(resolved.start, "label")
    unreadable = next((date for date in labelled if date.status == "invalid"), None)
    if letterhead is None and unreadable is not None:
        repaired = repeated_keystroke(text[unreadable.start : unreadable.end], century_pivot=century_pivot)
        if repaired is not None:
            return DateContext.of_date(repaired, "label")
    elif letterhead is not None and letterhead.value is not None:
        return DateContext.of_date(letterhead.value.start, "letterhead")

    from_file = filename_evidence(source_name, century_pivot=century_pivot, cues=cues)
    file_day = from_file if isinstance(from_file, datetime.date) else None
    year_context = _year_context(text, dates, from_file, century_pivot=century_pivot, cues=cues)
    if unreadable is not None:  # the header names the meeting date: nothing in the text stands in for it
        return DateContext.of_date(file_day, "filename") if file_day is not None else year_context
    for date in labelled:
        if date.status == "yearless" and date.written is not None:
            resolved = date.written.resolve(year_context.resolves)
            if resolved is not None:
                return DateContext.of_date(resolved.start, "label")
    mention = mentioned_date(text, dates, head_chars=head_chars, cues=cues)
    if mention is not None and mention.has_year and mention.value is not None:
        return DateContext.of_date(mention.value.start, "mention")
    if file_day is not None:
        return DateContext.of_date(file_day, "filename")
    heading = heading_date(text, dates, head_chars=head_chars, cues=cues)
    if heading is not None and heading.value is not None:
        return DateContext.of_date(heading.value.start, "heading")
    if mention is not None and mention.written is not None:
        resolved = mention.written.resolve(year_context.resolves)
        if resolved is not None:
            return DateContext.of_date(resolved.start, "mention")
    return year_context


def _year_context(
    text: str,
    dates: Sequence[DateMatch],
    from_file: datetime.date | int | None,
    *,
    century_pivot: int,
    cues: p.DateCues,
) -> DateContext:
    """The context when no day of the meeting is known: a reference day or a year (module docstring)."""
    if isinstance(from_file, datetime.date):
        return DateContext(source="filename", reference=from_file, year=from_file.year)
    if isinstance(from_file, int):
        return DateContext(source="filename", year=from_file)
    other = other_day_date(text, dates, cues)
    if other is not None and other.value is not None:
        day = other.value.start
        return DateContext(source="other-day", reference=day, year=day.year)
    year = title_year(text)
    if year is not None:
        return DateContext(source="heading", year=year)
    year = case_number_year(text, century_pivot=century_pivot)
    if year is not None:
        return DateContext(source="case-number", year=year)
    year = year_in_text(text, dates)
    if year is not None:
        return DateContext(source="year-in-text", year=year)
    return NO_CONTEXT


def infer_meeting_date(
    text: str,
    *,
    source_name: str | None = None,
    head_chars: int = MEETING_DATE_HEAD_CHARS,
    label_chars: int = MEETING_DATE_LABEL_CHARS,
    century_pivot: int = CENTURY_PIVOT,
    cues: p.DateCues | None = None,
) -> datetime.date | None:
    """The meeting date of the minutes in ``text`` (see the module docstring), or ``None``."""
    if not isinstance(text, str) or not text:
        return None
    return infer_date_context(
        text,
        source_name=source_name,
        head_chars=head_chars,
        label_chars=label_chars,
        century_pivot=century_pivot,
        cues=cues,
    ).date


def repeated_keystroke(digits: str, *, century_pivot: int = CENTURY_PIVOT) -> datetime.date | None:
    """The YYMMDD date that a 7-digit run means if one key was struck twice (``2011127`` ->
    2020-11-27): dropping one digit of a run of equal digits must give exactly one valid date."""
    if len(digits) != 7 or not digits.isdigit():
        return None
    repairs = {digits[:i] + digits[i + 1 :] for i in range(1, len(digits)) if digits[i] == digits[i - 1]}
    valid = {date for repair in repairs if (date := parse_date(repair, century_pivot=century_pivot)) is not None}
    return valid.pop().start if len(valid) == 1 else None


def _other_day(text: str, date: DateMatch, cues: p.DateCues) -> bool:
    """Is the date labelled as another day than the meeting's (``Justeringsdatum: ...``)?"""
    line_start = text.rfind("\n", 0, date.start) + 1
    return bool(cues.other_day_label.search(text[line_start : date.start]))


def _dated(text: str, date: DateMatch, cues: p.DateCues) -> bool:
    """A full, valid date that is not labelled as another day (``Justeringsdatum: ...``)."""
    if date.status != "ok" or not date.has_year or date.value is None:
        return False
    return not _other_day(text, date, cues)


__all__ = [
    "NO_CONTEXT",
    "SOURCES",
    "DateContext",
    "infer_date_context",
    "infer_meeting_date",
]
