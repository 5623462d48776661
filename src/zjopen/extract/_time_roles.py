"""The patterns that give a time mention of :mod:`zjopen.extract.times` its role, read
in the text before it: the base of a comparison ("from the same month last year"), the
start of a span ("since 2014"), the years of a name in brackets ("(2021-2025)"), or, read
beside a deadline, a past perfect that makes it the date a level was reached by ("By
the end of 2023, Ningbo had set up 120 overseas warehouses"); whether a part of a year
had ended by publication (``unended``); and, for a figure, which of two times dates it
in a range ("from $3.6 billion in 2015 to $4.6 billion in 2016": ``range_end``,
``span_start``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Protocol, TypeVar

from zjopen.extract._figure_words import COMPARISON_LEFT, FROM_LEFT
from zjopen.lexicon.patterns import guarded_compile, lazy_compile, phrase_alt
from zjopen.model import Period, PeriodKind

__all__ = ["COMPARISON", "IN_BRACKETS", "REACHED_AFTER", "REACHED_BEFORE", "SINCE",
           "SINCE_HINT", "is_comparison", "is_origin", "range_end", "span_start", "unended"]

IN_BRACKETS = lazy_compile(r"\((?:(?:19|20)[0-9]{2}\s?(?:-|–|to)\s?)?\Z")
COMPARISON = guarded_compile(COMPARISON_LEFT, re.IGNORECASE)  # (words: figure_words.json)


def is_comparison(text: str, lowered: str, start: int, end: int, period: Period | None
                  ) -> bool:
    """Whether the time at ``text[start:end]`` (of ``period``) is the base of a comparison
    (COMPARISON before it), or, a whole year, one after "on": "a 221 percent surge on
    last year", "up 10 percent on 2019" ("on" before a day is its date; "on 2019 National
    Day", a name after it, is the day's). ``lowered``: ``text`` lower-cased."""
    if lowered[start - 4 : start] == " on " and period is not None and (
            period.kind is PeriodKind.YEAR) and not (
            text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()):
        return True
    return COMPARISON.search(text, max(0, start - 48), start) is not None


SINCE = guarded_compile(
    r"\b(?:since|starting from|ever since)\s(?:the\s)?(?:end\sof\s)?"
    # "since its launch in 2017"
    r"(?:(?:its|their|the)\s(?:launch|establishment|founding|opening|inception|start"
    r"|creation|approval)\s(?:of\s[^,.;()]{1,60}?\s)?(?:in\s)?"  # ("of the X mechanism")
    # "since it started operating in 2016", "since the park was set up in 2013"
    r"|(?:it|they|the\s[a-z-]{1,30})\s(?:was\s|were\s|went\s)?(?:started|began|opened"
    r"|launched|set\sup|established|founded|into\soperation)"
    r"(?:\s(?:operating|operations|operation|business))?\s(?:in\s)?)?\Z",
    re.IGNORECASE)


SINCE_HINT = lazy_compile("nce|from")  # in every match of SINCE, ASCII-lower-cased

# The year a thing began, told in an aside about it: it dates no figure of the sentence
# (the last words before the year, lower-cased). The aside opens the sentence ("Founded
# in 1994, Hengyi ..."), follows a comma or a "which was" ("Wanfeng, which was set up in
# 1998 and ..."), or, a participle after its noun, is closed by a comma after the year
# ("a sedan launched in 2009, will ...": the group "reduced"). Not a main clause's
# verb ("The park was set up in 2003 with 120 firms": the figures of its founding).
# So is a relative clause of a beginning ("the recovery that started in 2012", "which
# opened in 2014"), and the place may stand between the verb and the year ("which was
# launched in Yiwu in 2014"). Such a year dates no figure, and no sentence after it.
_ORIGIN_VERBS = ("founded", "established", "set up", "launched", "incorporated")
_BEGAN_VERBS = ("started", "began", "opened", "commenced")
_ORIGIN_LAST = tuple(verb.rsplit(" ", 1)[-1] for verb in (*_ORIGIN_VERBS, *_BEGAN_VERBS))
_ORIGIN_ALT = phrase_alt(_ORIGIN_VERBS, space=r"\s")  # "founded", "set\sup", ...
_ORIGIN = lazy_compile(
    r"(?:(?:^|[.;:,(]\s?|\b(?:which|that)\s(?:was|were|had\sbeen|has\sbeen)\s"  # the aside
    # or a participle right after its noun ("a sedan launched"), no "was" before it
    r"|(?P<reduced>[a-z]\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
    r"(?<!\bbeen\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s))"
    r"(?:first\s|formally\s|officially\s|originally\s)?"
    rf"{_ORIGIN_ALT}"
    # or a relative clause of a beginning: "that started", "which first opened"
    rf"|\b(?:which|that)\s(?:first\s)?{phrase_alt(_BEGAN_VERBS)})"
    r"\s(?:in\s(?:the\s)?[a-z][a-z'-]*\s)?in\s\Z")  # ("in Yiwu": where, then when)


def is_origin(text: str, lowered: str, start: int, end: int) -> bool:
    """Whether the time at ``text[start:end]`` is when a thing began, told in an aside
    (``lowered``: ``text`` lower-cased); the word before its "in" tested first (cheap)."""
    words = lowered[max(0, start - 40) : start].split()
    # (what _ORIGIN ends with: an origin word, "in" (a place and "in"), a space; the word
    # may follow a mark)
    if (len(words) < 2 or words[-1] != "in" or not lowered[start - 1 : start].isspace()
            or not (words[-2].endswith(_ORIGIN_LAST) or (
                len(words) > 3 and words[-3] == "in" and words[-4].endswith(_ORIGIN_LAST))
                    or (len(words) > 4 and words[-4] == "in"
                        and words[-5].endswith(_ORIGIN_LAST)))):
        return False
    found = _ORIGIN.search(lowered, max(0, start - 70), start)
    return found is not None and (found["reduced"] is None or text[end : end + 1] == ",")


# A past perfect ("had set up", "had already attracted", "had grown"), not a plan made
# before ("had planned to", "had been expected to", "had to"). Lower case.
_HAD = r"""\bhad\s(?!(?:been\s)?(?:expected|planned|aimed|hoped|intended|targeted|pledged
                      |vowed|promised|scheduled|to)\b)"""
# No "will" or "would" between it and the deadline, nor a semicolon (read in a sentence)
_SAME_CLAUSE = r"(?:(?!\bwill\b|\bwould\b)[^;]){0,80}?"
REACHED_AFTER = lazy_compile(  # "By the end of 2023, Ningbo had set up 120 warehouses"
    rf",?\s(?:{_SAME_CLAUSE}\s)?{_HAD}", re.VERBOSE)
REACHED_BEFORE = lazy_compile(  # "Ningbo had set up 120 warehouses by the end of 2023"
    rf"{_HAD}{_SAME_CLAUSE}\Z", re.VERBOSE)


class _Timed(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Timed)


def range_end(low: str, end: int, cue: _T, times: Sequence[_T], starts: Sequence[int]) -> _T:
    """The time of a change that ends at ``end`` when ``cue``, after it, dates the start of
    a range that follows ("increased 26.32 percent, from $3.6 billion in 2015 to $4.6
    billion in 2016"): the range's end's, the next time after "to"; else ``cue``.
    ``low``: the lower-cased text; ``starts``: where ``times`` start."""
    if " from " not in low[end : cue.start]:
        return cue
    at = bisect_right(starts, cue.start)
    following = times[at] if at < len(times) else None
    if following is not None and following.start - cue.end <= 40 and (
            " to " in low[cue.end : following.start]):
        return following
    return cue


def span_start(period: Period | None, low: str, near: int, start: int) -> int | None:
    """The first year of ``period``, a span of years ("From 2002 to 2011"), for a figure
    at ``start`` after "from" (FROM_LEFT in ``low[near:start]``: "... rose from $10 billion
    to $100 billion"); else None."""
    if (period is not None and period.kind is PeriodKind.SPAN and period.start is not None
            and FROM_LEFT.search(low, near, start)):
        return period.start.year
    return None


def unended(text: str | None, published: date | None, year: int | None, last_month: int,
            *, started: bool = False) -> bool:
    """Whether a part of ``year`` ending with ``last_month``, named without its year
    (``text`` is None), had not ended by the publication date; with ``started``, whether
    it had not begun ("in March" read on March 20 has begun).

    >>> unended(None, date(2024, 1, 20), 2024, 11), unended(None, date(2024, 4, 2), 2024, 3)
    (True, False)
    >>> unended("2024", date(2024, 1, 20), 2024, 11), unended(None, date(2024, 3, 20), 2024, 3)
    (False, True)
    >>> unended(None, date(2024, 3, 20), 2024, 3, started=True)
    False
    """
    if text is not None or published is None or year is None:
        return False
    last = last_month - 1 if started else last_month
    return (year, last) >= (published.year, published.month)
