"""The date of the meeting that a document records, read from the document itself.

It is the reference for dates written without a year, so it is read only from dates that
carry one (a yearless header date is resolved against a dated one, never the other way).
In order:

1. a labelled header (``Datum: 2016-03-17``, ``Tid/Plats: 180615``, ``Sammanträdesdatum``,
   ``Plats och tid: Den 19 april 2024``): the first date on the label's line, or on the next
   non-empty line when the label ends its line (``## Plats och tid:``). Without a colon the
   date must follow the label directly (``Sammanträdesdatum 2021-03-15``);
2. a yearless labelled date (``Plats och tid: den 18 juni``) with the year that puts it
   closest to the date of 3. or 5.;
3. a letterhead near the top: a line with a place and a date and nothing else
   (``Helsingborg 210618``);
4. if a labelled header holds an unreadable date (``Tid/Plats: 2011127``), the date it means
   when one key was struck twice (dropping one digit of a run of equal digits gives exactly
   one valid YYMMDD: 2020-11-27), else no meeting date: the header names the meeting date and
   no other date may stand in for it. The span itself keeps the value ``None`` (the scheme:
   no single date is meant beyond doubt); the meeting date is a best reading for resolving
   yearless dates;
5. the first full date near the top that is not labelled as another day
   (``Justeringsdatum: ...``, ``Anslaget uppsatt ...``).
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence

from ...defaults import CENTURY_PIVOT, MEETING_DATE_HEAD_CHARS, MEETING_DATE_LABEL_CHARS
from . import patterns as p
from .parse import DateMatch, find_dates, parse_date

_LABELS = {kind: p.label_regex(kind) for kind in p.MEETING_DATE_LABELS}


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


def letterhead_date(text: str, dates: Sequence[DateMatch], *, head_chars: int) -> DateMatch | None:
    """A dated letterhead line near the top (``Helsingborg 210618``)."""
    for date in dates:
        if date.start >= head_chars:
            break
        if not _dated(text, date):
            continue
        line_start = text.rfind("\n", 0, date.start) + 1
        line_end = text.find("\n", date.end)
        line_end = len(text) if line_end == -1 else line_end
        if p.LETTERHEAD_BEFORE.match(text[line_start : date.start]) and p.LETTERHEAD_AFTER.match(
            text[date.end : line_end]
        ):
            return date
    return None


def infer_meeting_date(
    text: str,
    *,
    head_chars: int = MEETING_DATE_HEAD_CHARS,
    label_chars: int = MEETING_DATE_LABEL_CHARS,
    century_pivot: int = CENTURY_PIVOT,
) -> datetime.date | None:
    """The meeting date of the minutes in ``text`` (see the module docstring), or ``None``."""
    if not isinstance(text, str) or not text:
        return None
    dates = find_dates(text, None, century_pivot=century_pivot)
    labelled = labelled_dates(text, dates, label_chars=label_chars)
    for date in labelled:
        if date.status == "ok" and date.has_year and date.value is not None:
            return date.value.start
    letterhead = letterhead_date(text, dates, head_chars=head_chars)
    head = letterhead or next((d for d in dates if d.start < head_chars and _dated(text, d)), None)
    reference = None if head is None or head.value is None else head.value.start
    if reference is not None:
        for date in labelled:
            if date.status == "yearless" and date.written is not None:
                resolved = date.written.resolve(reference)
                if resolved is not None:
                    return resolved.start
    unreadable = next((date for date in labelled if date.status == "invalid"), None)
    if letterhead is None and unreadable is not None:
        return repeated_keystroke(text[unreadable.start : unreadable.end], century_pivot=century_pivot)
    return reference


def repeated_keystroke(digits: str, *, century_pivot: int = CENTURY_PIVOT) -> datetime.date | None:
    """The YYMMDD date that a 7-digit run means if one key was struck twice (``2011127`` ->
    2020-11-27): dropping one digit of a run of equal digits must give exactly one valid date."""
    if len(digits) != 7 or not digits.isdigit():
        return None
    repairs = {digits[:i] + digits[i + 1 :] for i in range(1, len(digits)) if digits[i] == digits[i - 1]}
    valid = {date for repair in repairs if (date := parse_date(repair, century_pivot=century_pivot)) is not None}
    return valid.pop().start if len(valid) == 1 else None


def _dated(text: str, date: DateMatch) -> bool:
    """A full, valid date that is not labelled as another day (``Justeringsdatum: ...``)."""
    if date.status != "ok" or not date.has_year or date.value is None:
        return False
    line_start = text.rfind("\n", 0, date.start) + 1
    return not p.OTHER_DAY_LABEL.search(text[line_start : date.start])
