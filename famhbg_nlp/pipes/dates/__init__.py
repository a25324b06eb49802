"""Day-precision dates and day ranges with ISO values; the meeting date of the document.

Plain functions (no spaCy pipeline needed): :func:`parse_date` reads one date expression,
:func:`find_dates` finds every date in a text, :func:`infer_meeting_date` reads the meeting
date of a document. The spaCy component is ``famhbg_dates`` (:mod:`.factory`).
"""

from __future__ import annotations

from .meeting_date import infer_meeting_date
from .parse import DateMatch, find_dates, parse_date
from .value import DateValue

__all__ = ["DateMatch", "DateValue", "find_dates", "infer_meeting_date", "parse_date"]
