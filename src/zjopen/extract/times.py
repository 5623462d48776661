"""Time expressions in a sentence, resolved against the publication date.

>>> from datetime import date
>>> [(t.year, t.period.kind.value if t.period else None, t.target)
...  for t in find_times("in the first quarter of 2025 and by 2030", date(2025, 5, 1))]
[(2025, 'quarter', False), (2030, 'by', True)]
>>> [t.year for t in find_times("last year and this year", date(2023, 6, 1))]
[2022, 2023]
>>> [t.year for t in find_times("from January to May", date(2021, 6, 16))]
[2021]

How it works: ``_ENTRIES`` lists the shapes of time expressions in priority order, each
``(name, pattern, handler)``, joined into one alternation (a group named after each
entry) and scanned once: at each position the first entry that fits wins, and its handler
makes a :class:`TimeMention`. A new shape is a new entry, placed before the entries it
must win over, with an example in ``tests/test_times.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from zjopen._evolve import evolve
from zjopen.extract._time_anaphora import that_day, that_year, the_period, year_after
from zjopen.extract._time_groups import GROUPS as _GROUPS
from zjopen.extract._time_groups import MONTHS as _MONTHS
from zjopen.extract._time_groups import groups as _groups
from zjopen.extract._time_mention import TimeMention
from zjopen.extract._time_roles import IN_BRACKETS as _IN_BRACKETS
from zjopen.extract._time_roles import REACHED_AFTER as _REACHED_AFTER
from zjopen.extract._time_roles import REACHED_BEFORE as _REACHED_BEFORE
from zjopen.extract._time_roles import SINCE as _SINCE
from zjopen.extract._time_roles import SINCE_HINT as _SINCE_HINT
from zjopen.extract._time_roles import is_comparison as _is_comparison
from zjopen.extract._time_roles import is_origin as _is_origin
from zjopen.extract._time_roles import unended as _unended
from zjopen.extract._time_scanner import scanner, side_by_side
from zjopen.lexicon.numbers import cardinals, ordinals
from zjopen.lexicon.patterns import (
    alt,
    ascii_lower,
)
from zjopen.model import Period, PeriodKind


def _alt(words: Iterable[str]) -> str:
    """:func:`~zjopen.lexicon.patterns.alt` for this module's ``re.VERBOSE`` patterns."""
    return alt(words, verbose=True)

__all__ = ["OLD_YEAR_DIGITS", "OLD_YEAR_WORDS", "TimeMention", "find_times"]

# The word tables: every pattern below that names these words is built from them (the
# months, in _time_groups). Number words from data/numbers.json, digits beside them.
_ORDINAL = {**ordinals(highest=4), "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}  # "3rd quarter"
_HALF = ordinals(highest=2)  # "the second half" (not "the 2nd half")
_COUNT = {**cardinals(2, 11), **{str(n): n for n in range(2, 12)}}  # "first five months"
_QUARTER_COUNT = cardinals(2, 3)  # "the first three quarters"
_AGO = {**cardinals(1, 30), **{str(n): n for n in range(1, 31)}, "a": 1}  # "ten years ago"
_RELATIVE_YEAR = {"this year": 0, "last year": -1, "next year": 1}  # "the first half of last year"
_RELATIVE = {"this": 0, "last": -1, "next": 1, "previous": -1,  # before "year": "previous year"
             "following": 1, "subsequent": 1}  # ("the following year": the one after)
_DEADLINE = ("by", "by the end of", "before the end of", "until", "through")

# A month, written out or shortened, with its full stop ("Sept."), ending its word.
MONTH = rf"{_alt(month.capitalize() for month in _MONTHS)}\.?(?![a-z])"  # not "marine"
_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"
# A year before 1950 only after a word that dates ("founded in 1933", "by 1913", "since
# 1880"): a bare number of those is as often a count ("1900 workers"). The figures finder
# drops such a year by the same words (zjopen.extract._kinds.is_not_a_metric).
OLD_YEAR_WORDS = ("in", "by", "since", "until", "before")
OLD_YEAR_DIGITS = r"1(?:8[0-9]|9[0-4])[0-9]"
_OLD_YEAR = ("(?:" + "|".join(rf"(?<=\b{word}\s)" for word in OLD_YEAR_WORDS) + ")"
             + OLD_YEAR_DIGITS)


def _of_year(name: str) -> str:
    """An optional year after a period, in group ``name``: " 2025", " of last year"."""
    return rf"(?:\s(?:of\s)?(?P<{name}>{_YEAR}|{_alt(_RELATIVE_YEAR)}))?"

# A handler: an entry's match and the publication date to a mention, or None (dropped).
_Handler = Callable[[re.Match[str], date | None], TimeMention | None]


def _year_of(text: str | None, published: date | None) -> tuple[int | None, bool]:
    """The year ``text`` names ("2025", "last year"; none: the year of publication), and
    whether it was resolved from the publication date."""
    if text is None:
        text = "this year"
    if text in _RELATIVE_YEAR:
        return (published.year + _RELATIVE_YEAR[text] if published else None), True
    return int(text), False


def _month_number(text: str) -> int:
    return _MONTHS[text.rstrip(".")]


def _at(match: re.Match[str], year: int | None, period: Period | None = None, *,
        target: bool = False, relative: bool = False, since: bool = False,
        unended: bool = False) -> TimeMention:
    """The mention at ``match``'s place: a match of :data:`_TIME` begins with the
    character before the expression (see :func:`~zjopen.extract._time_scanner.scanner`)."""
    return TimeMention(match.start(), match.end() - 1, year, period, target=target,
                       relative=relative, since=since, unended=unended)


def _span(m: re.Match[str], published: date | None) -> TimeMention:
    """The span of years, dated by its end (no period if written backwards)."""
    first = int(m["span_first"])
    end_digits = m["span_last"] or m["span_end"]  # ("between 2014-23": 2023)
    last = int(end_digits) if len(end_digits) == 4 else first - first % 100 + int(end_digits)
    month = _month_number(m["span_month"]) if m["span_month"] else 12  # "and September 2017"
    end = Period.months(last, month, month).end or date(last, 12, 31)  # (to the month's end)
    span = Period(PeriodKind.SPAN, date(first, 1, 1), end) if first <= last else None
    return _at(m, last, span)


def _deadline(m: re.Match[str], published: date | None) -> TimeMention | None:
    # "By the end of 2023, Ningbo had set up 120 warehouses": a level reached by then,
    # no target (with or without a publication date)
    # (_reached reads its reach alone: a whole sentence's test was quadratic in deadlines)
    target = not _reached(m)
    if m["deadline_year"] is None:  # "by the end of the year": of publication
        if not target:
            # "Last year, ... The investment had amounted to $560 million by the year-end":
            # the end of the year the text is about, not of the year of publication
            return None
        if published is None:
            return _at(m, None, target=target, relative=True)
        year = published.year
        return _at(m, year, Period.by(year) if target else Period.year(year),
                   target=target, relative=True)
    year = int(m["deadline_year"])
    if (published is not None and year < published.year) or not target:
        # "By the end of 2022" in a 2023 article: a state as of then.
        return _at(m, year, Period.year(year))
    return _at(m, year, Period.by(year), target=True)


def _reached(m: re.Match[str]) -> bool:
    """Whether a past perfect beside the deadline ``m`` (a match in the lower-cased
    sentence), in its clause, makes it the date a level was reached by: "By 2022, the
    figure had grown to ...", "... had set up 120 warehouses by the end of 2023" (not
    "had planned to ... by 2025", "will have built ... by 2027")."""
    spaced, start, end = m.string, m.start() + 1, m.end()  # (m begins a character early)
    # (each pattern read only where " had " is, within its reach)
    before = max(0, start - 100)
    return ((spaced.find(" had ", end, end + 90) >= 0
             and _REACHED_AFTER.match(spaced, end) is not None)
            or (spaced.find(" had ", max(0, before - 1), start) >= 0
                and _REACHED_BEFORE.search(spaced, before, start) is not None))


def _quarter(m: re.Match[str], published: date | None) -> TimeMention:
    year, relative = _year_of(m["quarter_year"], published)
    period = Period.quarter(year, _ORDINAL[m["quarter"]]) if year else None
    return _at(m, year, period, relative=relative, unended=_unended(
        m["quarter_year"], published, year, 3 * _ORDINAL[m["quarter"]]))


def _q_quarter(m: re.Match[str], published: date | None) -> TimeMention:
    year, relative = _year_of(m["q_year"], published)
    period = Period.quarter(year, int(m["q_number"])) if year else None
    return _at(m, year, period, relative=relative,
               unended=_unended(m["q_year"], published, year, 3 * int(m["q_number"])))


def _half(m: re.Match[str], published: date | None) -> TimeMention:
    year, relative = _year_of(m["half_year"], published)
    period = Period.half(year, _HALF[m["half"]]) if year else None
    return _at(m, year, period, relative=relative,
               unended=_unended(m["half_year"], published, year, 6 * _HALF[m["half"]]))


def _h_half(m: re.Match[str], published: date | None) -> TimeMention:
    year, relative = _year_of(m["h_year"], published)
    period = Period.half(year, int(m["h_number"])) if year else None
    return _at(m, year, period, relative=relative,
               unended=_unended(m["h_year"], published, year, 6 * int(m["h_number"])))


def _first_months(m: re.Match[str], published: date | None) -> TimeMention:
    year, relative = _year_of(m["months_year"], published)
    period = Period.months(year, 1, _COUNT[m["months"]]) if year else None
    return _at(m, year, period, relative=relative,
               unended=_unended(m["months_year"], published, year, _COUNT[m["months"]]))


def _first_quarters(m: re.Match[str], published: date | None) -> TimeMention:
    year, relative = _year_of(m["quarters_year"], published)
    last = 3 * _QUARTER_COUNT[m["quarters"]]
    period = Period.months(year, 1, last) if year else None
    return _at(m, year, period, relative=relative,
               unended=_unended(m["quarters_year"], published, year, last))


def _month_range(m: re.Match[str], published: date | None) -> TimeMention:
    """Months ``first`` to ``last`` (no period if written backwards: "December to March")."""
    first, last = _month_number(m["month_first"]), _month_number(m["month_last"])
    year, relative = _year_of(m["range_year"], published)
    period = Period.months(year, first, last) if year and first <= last else None
    return _at(m, year, period, relative=relative,
               unended=_unended(m["range_year"], published, year, last))


def _one_month(m: re.Match[str], published: date | None) -> TimeMention | None:
    if m["month_named"]:  # "In August of that year": the year named before
        return TimeMention(m.start(), m.end() - 1, None, anaphoric=True)
    month = _month_number(m["month"])  # ("in may" unless written "May": find_times)
    year, relative = _year_of(m["month_year"], published)
    # ("as of the end of September": the year so far)
    period = Period.months(year, 1 if m["month_end"] else month, month) if year else None
    return _at(m, year, period, relative=relative,
               unended=_unended(m["month_year"], published, year, month, started=True))


def _day(m: re.Match[str], published: date | None) -> TimeMention:
    """A date gives its year only: a day is not a period figures belong to."""
    return _at(m, int(m["day_year"]))


def _present(m: re.Match[str], published: date | None) -> TimeMention:
    """"At present", "now": the state at publication (its year)."""
    return TimeMention(m.start(), m.end() - 1, published.year if published else None,
                       relative=True, present=True)  # (_at's place)


def _relative_year(m: re.Match[str], published: date | None) -> TimeMention:
    relative = m["relative"]
    if (after := year_after(m, relative)) is not None:
        return after  # "The following year, exports rose ...": the year after the one named
    year = published.year + _RELATIVE[relative] if published else None
    return TimeMention(m.start(), m.end() - 1, year, Period.year(year) if year else None,
                       relative=True, previous=m["relative"] == "previous")  # (_at's place)


def _years_ago(m: re.Match[str], published: date | None) -> TimeMention:
    """"Ten years ago": counted back from the publication year."""
    if published is None:
        return _at(m, None, relative=True)
    year = published.year - _AGO[m["ago"]]
    return _at(m, year, Period.year(year), relative=True)


def _relative_month(m: re.Match[str], published: date | None) -> TimeMention:
    """"Last month" read in January is December of the year before."""
    if published is None:
        return _at(m, None, relative=True)
    index = published.year * 12 + published.month - 1 + _RELATIVE[m["relative_month"]]
    year, month = divmod(index, 12)
    return _at(m, year, Period.months(year, month + 1, month + 1), relative=True)


def _years_later(m: re.Match[str], published: date | None) -> TimeMention:
    """"Two years later": counted on from the year named before (the extractor knows it)."""
    return TimeMention(m.start(), m.end() - 1, None, anaphoric=True, later=_AGO[m["later"]],
                       whole_year=True)


def _since_then(m: re.Match[str], published: date | None) -> TimeMention:
    return _at(m, None, since=True)


def _recent_years(m: re.Match[str], published: date | None) -> TimeMention:
    """Years up to the publication: dated by its year, with no period."""
    return _at(m, published.year if published else None, relative=True)


def _calendar_year(m: re.Match[str], published: date | None) -> TimeMention:
    year = int(m["year"])
    return _at(m, year, Period.year(year))


# The shapes, in priority order: where two fit at the same position, the earlier wins
# ("by 2030" is a deadline, not the year 2030). Patterns are re.VERBOSE (a space is
# written "\s", or "\ " where only a space will do), in mixed case for reading; they are
# compiled in lower case and run on ASCII-lower-cased text. No unbounded repeat is
# nested in another.
_ENTRIES: list[tuple[str, str, _Handler]] = [
    ("span", rf"""
        (?:\b(?:between|from)\s|\()(?P<span_first>{_YEAR})  # "between 2012", "(2021
        (?:\s(?:and|to|through)\s(?:(?P<span_month>{MONTH})\s)?  #  and (September)
        (?P<span_last>{_YEAR})                               #  2022"
        |\s?-\s?(?P<span_end>{_YEAR}|[0-9]{{2}}))\b           # or "-2022", "-22"
    """, _span),
    ("deadline", rf"""
        \b(?:{_alt(_DEADLINE)}\s(?P<deadline_year>{_YEAR})\b  # "by 2030", "by the end of 2030"
        |(?:by|before)\sthe\send\sof\s(?:the|this)\syear\b  # "by the end of the year"
        |(?:by|before)\s(?:the\s)?year[\s-]end\b)           # "by (the) year-end", "by year end"
    """, _deadline),
    ("quarter", rf"""
        \b(?:the\s)?(?P<quarter>{_alt(_ORDINAL)})\squarter   # "the first quarter"
        {_of_year("quarter_year")}                          # " of 2025", " of last year"
    """, _quarter),
    ("q_quarter", rf"""
        \bQ(?P<q_number>[1-4])(?:\s(?P<q_year>{_YEAR}))?\b  # "Q1", "Q1 2025"
    """, _q_quarter),
    ("half", rf"""
        \b(?:the\s)?(?P<half>{_alt(_HALF)})\shalf            # "the first half"
        {_of_year("half_year")}                             # " of 2025"
    """, _half),
    ("h_half", rf"""
        \bH(?P<h_number>[12])(?:\s(?P<h_year>{_YEAR}))?\b  # "H1", "H1 2016"
    """, _h_half),
    ("first_months", rf"""
        \b(?:the\s)?first\s(?P<months>{_alt(_COUNT)})\smonths  # "the first five months"
        {_of_year("months_year")}                              # " of 2025"
    """, _first_months),
    ("first_quarters", rf"""
        \b(?:the\s)?first\s(?P<quarters>{_alt(_QUARTER_COUNT)})\squarters  # "first three quarters"
        {_of_year("quarters_year")}                                        # " of 2025"
    """, _first_quarters),
    ("month_range", rf"""
        \b(?:from\s|between\s)?(?P<month_first>{MONTH})     # "from January
        \s?(?:to|through|and|-)\s?(?P<month_last>{MONTH})   #  to May", "Jan-Mar"
        (?:\s(?:of\s|in\s)?(?P<range_year>{_YEAR}|{_alt(("this year", "last year"))}))?
                                                      # " 2025", " of last year", " in 2017"
    """, _month_range),
    ("month", rf"""
        \b(?:(?P<month_end>(?:as\sof|by)\sthe\send\sof)      # "as of the end of March":
        |in|for|of|during)\s(?P<month>{MONTH})              # from January; "in March"
        (?:\s(?P<month_year>{_YEAR})                        # " 2025"
        |\sof\s(?P<month_named>that|the\ssame)\syear\b)?     # or " of that year"
        (?![\s.]?[0-9])                                     # not a date: "in March 5"
    """, _one_month),
    ("day", rf"""
        \b{MONTH}\s?[0-9]{{1,2}},?\s(?P<day_year>{_YEAR})\b  # "March 5, 2024"
    """, _day),
    ("relative_year", rf"""
        \b(?P<relative>{_alt(_RELATIVE)})\syear\b            # "last year"
    """, _relative_year),
    ("relative_month", rf"""
        \b(?P<relative_month>{_alt(_RELATIVE)})\smonth\b    # "last month", "earlier this month"
    """, _relative_month),
    ("years_ago", rf"""
        \b(?P<ago>{_alt(_AGO)})\syears?\sago\b              # "ten years ago"
    """, _years_ago),
    ("years_later", rf"""
        \b(?P<later>{_alt(_AGO)})\syears?\slater\b        # "two years later"
    """, _years_later),
    ("that_year", r"""
        \b(?:in\s)?(?:the\ssame|that(?:\ssame)?)\syear\b   # "In the same year", "That year"
        (?!'s|\s(?:earlier|before|ago|later)\b)              # (not "that year's total")
    """, that_year),
    ("that_day", r"""
        \b(?:on\s)?(?:this|that|the\ssame)\sday\b          # "On that day"
    """, that_day),
    ("the_period", rf"""
        \b(?:during|in|over|for|within)\s(?:the|this|that)\s      # "during this
        (?:same\s|[a-z]+-(?:month|year|quarter)\s)?period\b      #  (three-month) period"
        (?!\s(?:last|a\syear|of|from|between|in\s(?:19|20)|the)\b)  # not a base or a span
        |\b(?:during|in|over|for|within)\s(?:the|these|those)\s  # "In the five months,"
        {_alt(_COUNT)}\s(?:months|quarters)\b(?!\s(?:to|through|end|of|from|before|after|since|ago))
    """, the_period),
    ("since_then", r"""
        \b(?:since\ then|ever\ since)\b
    """, _since_then),
    ("present", r"""
        \b(?:at\spresent|currently|as\sof\snow|to\sdate|so\sfar|nowadays|now|today)\b  # "now"
    """, _present),
    ("recent_years", r"""
        \b(?:in|over|during|for|across|within)\sthe\s(?:past|last)\s  # "over the past
        (?:[a-z0-9-]+\s){0,2}                               #  five
        (?:years|decade|months)\b                           #  years"
    """, _recent_years),
    ("year", rf"""
        \b(?P<year>{_YEAR}                                  # "2025"
        |{_OLD_YEAR})\b                                     # or "in 1933", "by 1913"
        (?!\s?(?:-|to)\s?{_YEAR})                           # not "2023-2025" (its end is)
        (?!(?:[0-9,.]{{0,23}}[0-9])?\s?(?:yuan|tons?|tonnes|TEUs?)\b)  # not "2025 tons"
        # (but "In 2021, Tongxiang ...", "In 2021, tons of ..." are the year's)
    """, _calendar_year),
]


_TIME, _HANDLERS = scanner(_ENTRIES)
# The scanner of each group, and of "year" alone, in Unicode mode and in ASCII mode
_SINGLE: tuple[list[re.Pattern[str] | None], ...] = ([None] * len(_GROUPS),
                                                     [None] * len(_GROUPS))
_YEAR_ONLY = tuple(scanner([entry for entry in _ENTRIES if entry[0] == "year"],
                           plain=plain)[0] for plain in (False, True))


def _time_scans(lowered: str, plain: bool = False) -> tuple[re.Pattern[str], ...]:
    """The time patterns of the groups whose words ``lowered`` holds (:func:`_groups`),
    each with "year"; the pattern of "year" alone where it holds none, and none where no
    entry can match: no group's words, and no year (every year begins "19" or "20").
    ``plain``: in ASCII mode (see :func:`find_times`)."""
    groups = _groups(lowered)
    if not groups:  # most often, years alone, or nothing
        return ((_YEAR_ONLY[plain],) if "20" in lowered or "19" in lowered or "18" in lowered
                else ())
    scans = _SINGLE[plain]
    return tuple(scans[group] or _single(group, plain) for group in groups)


def _single(group: int, plain: bool) -> re.Pattern[str]:
    names = _GROUPS[group]
    scan = _SINGLE[plain][group] = scanner([entry for entry in _ENTRIES
                                            if entry[0] in names or entry[0] == "year"],
                                           plain=plain)[0]
    return scan


_PRIORITY: dict[str | None, int] = {f"e_{name}": index
                                   for index, (name, _, _) in enumerate(_ENTRIES)}


def _time_matches(lowered: str, plain: bool = False) -> Iterator[re.Match[str]]:
    """The matches of :data:`_TIME` in ``lowered`` after a space, left to right, each
    searched for from the character before the last one's end: found with the patterns
    of :func:`_time_scans`, each of the entries of one group and "year".

    With two groups or more, the patterns of each are searched side by side
    (:func:`~zjopen.extract._time_scanner.side_by_side`): what the one pattern of all
    their entries finds, for a third of the work (the engine enters each alternative of
    a pattern in turn at every ``\\W``)."""
    scans = _time_scans(lowered, plain)
    if not scans:
        return
    spaced = " " + lowered  # see scanner: a match at ``spaced[i]`` starts at ``text[i]``
    if len(scans) == 1:
        search = scans[0].search
        end = 0
        while (match := search(spaced, end)) is not None:
            end = match.end() - 1
            yield match
        return
    yield from side_by_side(spaced, scans, _PRIORITY)


def find_times(text: str, published: date | None, *, lowered: str | None = None,
               plain: bool = False) -> Iterator[TimeMention]:
    """Every time expression in ``text``, left to right, with its role: a comparison
    base ("from the same month last year"), the start of a span ("since 2014"), a
    deadline ("by 2030"), or the period a figure belongs to. ``lowered``:
    :func:`~zjopen.lexicon.patterns.ascii_lower` of ``text``, when the caller has it;
    ``plain``: the caller knows that ``text`` is ASCII and holds none of "\\x1c"-"\\x1f"
    (the only ASCII characters Unicode mode's ``\\s`` matches and ASCII mode's does not):
    the scans run in ASCII mode, the same matches found with fewer instructions."""
    in_force: int | None = None  # the last year named in the sentence
    lowered = ascii_lower(text) if lowered is None else lowered
    for match in _time_matches(lowered, plain):
        mention = _HANDLERS[match.lastgroup](match, published)
        if mention is None or (match.lastgroup == "e_month" and match["month"][:3] == "may"
                               and text[match.start("month") - 1] != "M"):  # (spaced)
            continue  # ("in may" as written, lower-case, is the verb: "what it put in may")
        if mention.previous and in_force is not None:
            # "rose 20 percent last year, after a 12 percent drop the previous year"
            mention = evolve(mention, year=in_force - 1,
                             period=Period.year(in_force - 1), relative=False)
        elif mention.anaphoric and in_force is not None and not mention.same_period:
            # "in 2017, with its GDP per capita at $12,600 that year": the year named
            # before it in the sentence (counted on: "and in the following year")
            year = in_force + mention.later
            mention = evolve(mention, year=year, anaphoric=False,
                             period=Period.year(year) if mention.whole_year else None)
        elif (in_force is not None and text[mention.end : mention.end + 1] == ")" and (
                text[mention.start] == "("  # (a span in brackets, "(2021-2025)")
                or _IN_BRACKETS.search(text, max(0, mention.start - 8), mention.start))):
            # "In 2021, the first year of the 14th Five-Year Plan period (2021-2025)": the
            # years of a name, after the year in force was named
            continue
        if mention.year is None and mention.relative and not mention.present and (
                "year" not in lowered[mention.start : mention.end]):
            mention = evolve(mention, yearless=True)  # "from January to May"
        if mention.year is not None:
            in_force = mention.year
        # _SINCE matches "since" or "starting from" in any case; no other letter folds
        # to "n", "c", "e", "f", "r", "o" or "m" (unlike "i" and "s"): a cheap test first.
        since_from = max(0, mention.start - 112)  # ("since the launch of ... in 2017")
        if _SINCE_HINT.search(lowered, since_from, mention.start) and _SINCE.search(
                text[since_from : mention.start]):  # "starting from the end of 2018"
            yield evolve(mention, since=True, target=False)
        elif _is_comparison(text, lowered, mention.start, mention.end, mention.period):
            yield evolve(mention, comparison=True, target=False)
        elif _is_origin(text, lowered, mention.start, mention.end):
            yield evolve(mention, origin=True)
        else:
            yield mention
