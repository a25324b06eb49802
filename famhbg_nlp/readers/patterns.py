"""Regular expressions for page furniture, as named building blocks.

A page number is a number alone or with its total and an optional word before it, in
the forms minutes systems print: ``2``, ``- 2 -``, ``2 (77)``, ``2(16)``, ``Sida 2 av 5``,
``sid. 2``, ``2/12``, ``Page 2 of 5``. Dates and times are masked when running headers
and footers are compared across pages, so a header that prints the date of printing on
every page is still the same header.
"""

from __future__ import annotations

import re

#: Words before a page number.
PAGE_WORD = r"(?:sida|sid\.?|s\.|blad|page|p\.)"

#: A whole segment that is only a page number: ``2``, ``- 2 -``, ``2 (77)``, ``Sida 2 av 5``, ``2/12``.
PAGE_NUMBER = re.compile(
    rf"^[\s\-–—]*(?:{PAGE_WORD}\s*)?(?P<page>\d{{1,4}})\s*"
    r"(?:\(\s*(?P<total>\d{1,4})\s*\)|(?:av|of)\s*(?P<total_word>\d{1,4})|/\s*(?P<total_slash>\d{1,4}))?"
    r"[\s\-–—]*$",
    re.IGNORECASE,
)

#: A page number at the end of a longer header or footer segment (``Kommunstyrelsen  Sida 2 av 5``):
#: only with the word or a total in parentheses or after ``av``, never ``n/m`` (``protokoll 5/2018``).
PAGE_NUMBER_TAIL = re.compile(
    rf"(?:^|\s)(?:{PAGE_WORD}\s*(?P<page>\d{{1,4}})\s*(?:\(\s*(?P<total>\d{{1,4}})\s*\)|(?:av|of)\s*(?P<total_word>\d{{1,4}}))?"
    r"|(?P<page2>\d{1,4})\s*(?:\(\s*(?P<total2>\d{1,4})\s*\)|(?:av|of)\s*(?P<total_word2>\d{1,4})))[\s\-–—]*$",
    re.IGNORECASE,
)


#: Page numbers above this are not taken for page numbers (``2018`` is a year, ``5/2018`` a case).
MAX_PAGES = 999


def page_number_ok(match: re.Match[str]) -> bool:
    """A page number and its total as they can be: under :data:`MAX_PAGES`, the total at least the number."""
    groups = match.groupdict()
    page = groups.get("page") or groups.get("page2")
    total = next(
        (groups[k] for k in ("total", "total_word", "total_slash", "total2", "total_word2") if groups.get(k)), None
    )
    return page is not None and 0 < int(page) <= MAX_PAGES and (total is None or int(page) <= int(total) <= MAX_PAGES)


#: Dates and times that may differ between the copies of one running header or footer.
DATE_TIME = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:UTC|CES?T))?)?\b"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})\b"
)

#: Numbers, masked when comparing headers (page numbers are checked separately).
NUMBER = re.compile(r"\d+")

#: Whitespace runs.
SPACE = re.compile(r"\s+")
