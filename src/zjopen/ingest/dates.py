"""Finding the article's own date in a metadata line, and parsing it with dateutil.

>>> find_date("ezhejiang.gov.cn | Updated: September 29, 2025")
(datetime.date(2025, 9, 29), 28, 46)
>>> find_date("(Xinhua) 09:44, July 11, 2023")[0]
datetime.date(2023, 7, 11)
>>> find_date("Updated : 2021-04-16 (chinadaily.com.cn)")[0]
datetime.date(2021, 4, 16)
>>> find_date("SHINE | Nov 8, 2018")[0]
datetime.date(2018, 11, 8)
>>> find_date("Sep 29,2020")[0], find_date("03-Mar-2021")[0]
(datetime.date(2020, 9, 29), datetime.date(2021, 3, 3))
>>> find_date("Pakistan Point News - 14th Feb, 2021")[0]
datetime.date(2021, 2, 14)
>>> find_date("no date here") is None
True
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

from zjopen.lexicon.patterns import guarded_compile, lazy_compile

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"

# Each alternative is bounded and unambiguous: no nested quantifiers, linear time.
DATE_RE = guarded_compile(
    # (a letter may follow: a date glued to a page's toolbar, "2019-01-20Text Size: A A A")
    rf"\b{_YEAR}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
    rf"|\b{_MONTH}\s?(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?:,\s?|\s){_YEAR}\b"
    rf"|\b(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?[\s-]{_MONTH}(?:,?\s|-){_YEAR}\b"
    rf"|{_YEAR}年(?:1[0-2]|0?[1-9])月(?:3[01]|[12][0-9]|0?[1-9])日",
    re.IGNORECASE,
)

# A month and day with no year, as in "HANGZHOU, Aug. 3 (Xinhua) --".
MONTH_DAY_RE = guarded_compile(rf"\b({_MONTH})\s?(3[01]|[12][0-9]|0?[1-9])\b", re.IGNORECASE)

_CJK_DATE = guarded_compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
# The two forms news prints most, read without dateutil (the same dates: see
# tests/test_date_lines.py): "2021-04-16" (or with "/" or "."), "Sept. 29, 2025".
_ISO_DATE = lazy_compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_NAMED_DATE = lazy_compile(r"([A-Za-z]{3,9})\.? ?([0-9]{1,2})(?:st|nd|rd|th)?(?:, ?| )([0-9]{4})")
_MONTHS = {name: number for number, names in enumerate((
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
    "aug august", "sep sept september", "oct october", "nov november", "dec december"),
    start=1) for name in names.split()}


def parse_date(text: str) -> date | None:
    """A date from a short string that holds one, via python-dateutil; None if invalid.

    >>> parse_date("Sept. 29, 2025"), parse_date("2025-02-30")
    (datetime.date(2025, 9, 29), None)
    """
    cjk = _CJK_DATE.fullmatch(text)
    if cjk:
        try:
            return date(int(cjk[1]), int(cjk[2]), int(cjk[3]))
        except ValueError:
            return None
    plain = _plain_date(text)
    if plain is not None:
        return plain or None
    return _dateutil_date(text)


def _dateutil_date(text: str) -> date | None:
    """The date python-dateutil reads in ``text`` (its "Sept." and "29,2025" mended first),
    or None: what :func:`parse_date` falls back on."""
    from dateutil import parser as date_parser  # imported when first needed: start-up

    cleaned = text.replace("Sept.", "Sep.").replace("Sept ", "Sep ").replace(",2", ", 2")
    cleaned = cleaned.replace(",1", ", 1")
    try:
        return date_parser.parse(cleaned, default=datetime(2000, 1, 1), fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def _plain_date(text: str) -> date | Literal[False] | None:
    """A date of one of the two common forms without dateutil: False when the text has
    that form but names no valid day ("2025-02-30"), None when it has another form."""
    iso = _ISO_DATE.fullmatch(text)
    year, month, day = (int(iso[1]), int(iso[2]), int(iso[3])) if iso else (0, 0, 0)
    if iso is None:
        named = _NAMED_DATE.fullmatch(text)
        if named is None or (named[1].casefold() == "may" and "." in text):
            return None
        month = _MONTHS.get(named[1].casefold(), 0)
        if not month:
            return None
        year, day = int(named[3]), int(named[2])
    try:
        return date(year, month, day)
    except ValueError:
        return False


_SLASH_SOURCE = r"([0-9]{1,2})([/-])([0-9]{1,2})\2((?:19|20)[0-9]{2})"
_SLASH_DATE = lazy_compile(_SLASH_SOURCE)
# The same anywhere in a metadata line ("18-07-2025, 10:09 AM", "Epoch Times05-05-2025")
_SLASH_DATE_IN = lazy_compile(rf"(?<![0-9]){_SLASH_SOURCE}(?![0-9])")


def slash_date(text: str) -> date | None:
    """A date printed "20/08/2018" or "18-07-2025" (day first) or "08/20/2018" (month
    first): the one reading that names a valid day, or None when two do ("07/01/2019":
    no reader can tell which) or none does, or when ``text`` is not such a date.

    >>> slash_date("20/08/2018"), slash_date("08/20/2018"), slash_date("07/01/2019")
    (datetime.date(2018, 8, 20), datetime.date(2018, 8, 20), None)
    """
    match = _SLASH_DATE.fullmatch(text)
    return None if match is None else _one_day(match)


def _one_day(match: re.Match[str]) -> date | None:
    """The day a match of :data:`_SLASH_SOURCE` names, read day first or month first,
    when exactly one reading is a valid day."""
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    if (first > 12) == (second > 12) and first != second:  # ("05-05-2025" is one day)
        return None
    day, month = (first, second) if first > 12 else (second, first)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_first_date(text: str) -> tuple[date, int, int] | None:
    """The first date in ``text`` printed with its day or month first (:func:`slash_date`)
    that names one day, with its start and end offsets, or None."""
    for match in _SLASH_DATE_IN.finditer(text):
        found = _one_day(match)
        if found is not None:
            return found, match.start(), match.end()
    return None


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first valid date in ``text`` with its start and end offsets, or None."""
    if "20" not in text and "19" not in text:
        return None  # (every match of DATE_RE holds its year, 19xx or 20xx)
    for match in DATE_RE.finditer(text):
        found = parse_date(match.group())
        if found is not None:
            return found, match.start(), match.end()
    return None


def month_day(text: str, year: int) -> date | None:
    """A "Nov. 18"-style month and day in ``text``, in ``year``.

    >>> month_day("YIWU, Nov. 18 (Xinhua) --", 2024)
    datetime.date(2024, 11, 18)
    """
    match = MONTH_DAY_RE.search(text)
    if match is None:
        return None
    return parse_date(f"{match[1]} {match[2]}, {year}")
