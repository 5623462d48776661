"""Time expressions in a sentence, resolved against the publication date.

>>> from datetime import date
>>> [(t.year, t.period.kind.value if t.period else None, t.target)
...  for t in find_times("in the first quarter of 2025 and by 2030", date(2025, 5, 1))]
[(2025, 'quarter', False), (2030, 'by', True)]
>>> [t.year for t in find_times("last year and this year", date(2023, 6, 1))]
[2022, 2023]
>>> [t.year for t in find_times("from January to May", date(2021, 6, 16))]
[2021]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import attrs

from zjopen.lexicon.patterns import ascii_lower, guarded_compile, lower_pattern
from zjopen.model import Period, PeriodKind

__all__ = ["TimeMention", "find_times"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
          "8": 8, "9": 9, "10": 10, "11": 11}
# A month, written out or shortened, with its full stop ("Sept."), ending its word.
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![a-z])"  # not "marine"
_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"


def _of_year(name: str) -> str:
    return rf"(?:\s(?:of\s)?(?P<{name}>{_YEAR}|this year|last year|next year))?"


# One pass, bounded alternatives: the first that fits at a position wins. Written in
# mixed case for reading, compiled in lower case and run on ASCII-lower-cased text.
_TIME_SOURCE = (
    rf"\b(?:between|from)\s(?P<ya>{_YEAR})\s(?:and|to|through)\s(?P<yb>{_YEAR})\b"
    rf"|\b(?P<by>by|by the end of|before the end of|until|through)\s(?P<byyear>{_YEAR})\b"
    rf"|\b(?:the\s)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\squarter{_of_year('yq')}"
    rf"|\bQ(?P<qn>[1-4])(?:\s(?P<qy>{_YEAR}))?\b"
    rf"|\b(?:the\s)?(?P<h>first|second)\shalf{_of_year('yh')}|\bH(?P<hn>[12])\b"
    rf"|\b(?:the\s)?first\s(?P<nm>two|three|four|five|six|seven|eight|nine|ten|eleven|"
    rf"[2-9]|1[01])\smonths{_of_year('ym')}"
    rf"|\b(?:the\s)?first\s(?P<nq>two|three)\squarters{_of_year('yqs')}"
    rf"|\b(?:from\s|between\s)?(?P<m1>{MONTH})\s?(?:to|through|and|-)\s?(?P<m2>{MONTH})"
    rf"(?:\s(?:of\s)?(?P<my>{_YEAR}|this year|last year))?"
    rf"|\b(?:in|for|of|during)\s(?P<mo>{MONTH})(?:\s(?P<moy>{_YEAR}))?(?![\s.]?[0-9])"
    rf"|\b(?P<mdm>{MONTH})\s?[0-9]{{1,2}},?\s(?P<mdy>{_YEAR})\b"
    rf"|\b(?P<rel>this|last|next|previous)\syear\b"
    rf"|\b(?P<then>since then|ever since)\b"
    rf"|\b(?:in|over|during|for)\sthe\s(?:past|last)\s(?:[a-z0-9-]+\s){{0,2}}"
    rf"(?P<past>years|decade|months)\b"
    rf"|\b(?P<year>{_YEAR})\b(?!\s?(?:-|to)\s?{_YEAR})(?![0-9,.]*\s?(?:yuan|tons?|tonnes|TEU))"
)
_TIME = guarded_compile(lower_pattern(_TIME_SOURCE))


@attrs.frozen
class TimeMention:
    """A time expression: its place, the calendar year it names, and its period."""

    start: int
    end: int
    year: int | None
    period: Period | None = None
    target: bool = False  # "by 2030" (a deadline still ahead when the article appeared)
    relative: bool = False  # resolved from the publication date
    comparison: bool = False  # the base of a comparison: "up 5% from the same period last year"
    since: bool = False  # the start of a span running to the present: "since 2014"


def _year_of(text: str | None, published: date | None) -> tuple[int | None, bool]:
    if text is None:
        return (published.year if published else None), True
    low = text.casefold()
    if low == "this year":
        return (published.year if published else None), True
    if low == "last year":
        return (published.year - 1 if published else None), True
    if low == "next year":
        return (published.year + 1 if published else None), True
    return int(text), False


def _month(text: str) -> int:
    return _MONTHS[text.rstrip(".").casefold()]


_COMPARISON = guarded_compile(
    r"\b(?:from|than|over|compared\s(?:with|to)|versus|vs\.?|against)\s"
    r"(?:(?:in|the|a|same|period|month|months|quarter|time|level|of|during|that|those)\s){0,5}\Z",
    re.IGNORECASE,
)
_SINCE = guarded_compile(
    r"\b(?:since|starting from|ever since)\s(?:the\s)?(?:end\sof\s)?"
    # "since its launch in 2017"
    r"(?:(?:its|their|the)\s(?:launch|establishment|founding|opening|inception|start"
    r"|creation|approval)\s(?:in\s)?)?\Z",
    re.IGNORECASE)


def find_times(text: str, published: date | None, *,
               lowered: str | None = None) -> Iterator[TimeMention]:
    """Every time expression in ``text``, left to right, with its role: a comparison
    base ("from the same month last year"), the start of a span ("since 2014"), a
    deadline ("by 2030"), or the period a figure belongs to. ``lowered``:
    :func:`~zjopen.lexicon.patterns.ascii_lower` of ``text``, when the caller has it."""
    for mention in _find_times(text, published, ascii_lower(text) if lowered is None else lowered):
        before = text[max(0, mention.start - 48) : mention.start]
        if _COMPARISON.search(before):
            yield attrs.evolve(mention, comparison=True, target=False)
        elif _SINCE.search(before):
            yield attrs.evolve(mention, since=True, target=False)
        else:
            yield mention


def _find_times(text: str, published: date | None, lowered: str) -> Iterator[TimeMention]:
    year: int | None
    for m in _TIME.finditer(lowered):
        s, e = m.start(), m.end()
        if m["ya"]:  # "between 2012 and 2022": the span, dated by its end
            first, last = int(m["ya"]), int(m["yb"])
            span = Period(PeriodKind.SPAN, date(first, 1, 1), date(last, 12, 31)) \
                if first <= last else None
            yield TimeMention(s, e, last, span)
        elif m["byyear"]:
            year = int(m["byyear"])
            if published is not None and year < published.year:
                # "By the end of 2022" in a 2023 article: a state as of then.
                yield TimeMention(s, e, year, Period.year(year))
            else:
                yield TimeMention(s, e, year, Period.by(year), target=True)
        elif m["q"] or m["qn"]:
            number = _ORDINAL[m["q"].casefold()] if m["q"] else int(m["qn"])
            year, rel = _year_of(m["yq"] or m["qy"], published)
            yield TimeMention(s, e, year, Period.quarter(year, number) if year else None,
                              relative=rel)
        elif m["h"] or m["hn"]:
            number = (1 if m["h"].casefold() == "first" else 2) if m["h"] else int(m["hn"])
            year, rel = _year_of(m["yh"], published)
            yield TimeMention(s, e, year, Period.half(year, number) if year else None,
                              relative=rel)
        elif m["nm"] or m["nq"]:
            months = _COUNT[m["nm"].casefold()] if m["nm"] else 3 * _COUNT[m["nq"].casefold()]
            year, rel = _year_of(m["ym"] or m["yqs"], published)
            yield TimeMention(s, e, year, Period.months(year, 1, months) if year else None,
                              relative=rel)
        elif m["m1"]:
            first, last = _month(m["m1"]), _month(m["m2"])
            year, rel = _year_of(m["my"], published)
            period = Period.months(year, first, last) if year and first <= last else None
            yield TimeMention(s, e, year, period, relative=rel)
        elif m["mo"]:
            if m["mo"].casefold().rstrip(".") == "may" and not m["moy"]:
                continue  # "may" is usually the verb
            month = _month(m["mo"])
            year, rel = _year_of(m["moy"], published)
            yield TimeMention(s, e, year, Period.months(year, month, month) if year else None,
                              relative=rel)
        elif m["mdm"]:
            year = int(m["mdy"])
            yield TimeMention(s, e, year)
        elif m["rel"]:
            year, _ = _year_of(f"{m['rel']} year" if m["rel"].casefold() != "previous"
                               else "last year", published)
            yield TimeMention(s, e, year, Period.year(year) if year else None, relative=True)
        elif m["then"]:
            yield TimeMention(s, e, None, since=True)
        elif m["past"]:
            yield TimeMention(s, e, published.year if published else None, relative=True)
        elif m["year"]:
            year = int(m["year"])
            yield TimeMention(s, e, year, Period.year(year))
