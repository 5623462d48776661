"""Time expressions that name no year of their own but stand for one named before them
("In the same year", "On that day", "during the period", "The following year"): the
handlers of those entries of :mod:`zjopen.extract.times`, each a mention the extractor
dates from the year in force (:mod:`zjopen.extract._time_context`)."""

from __future__ import annotations

import re
from datetime import date

from zjopen.extract._time_mention import TimeMention
from zjopen.lexicon.patterns import lazy_compile

__all__ = ["that_day", "that_year", "the_period", "year_after"]

_AFTER_NAMED = frozenset(("following", "subsequent"))
# "the next year" as told, not after a word of a span ahead ("in the next year")
_THE_NEXT = lazy_compile(r"(?<!\bin\s)(?<!\bover\s)(?<!\bfor\s)(?<!during\s)(?<!within\s)"
                         r"\bthe\s\Z")


# Before a year named as a base or a deadline, not a time frame ("up 5 percent from that
# year", "by the same year": the deadline in force)
_NOT_FRAME_BEFORE = lazy_compile(r"\b(?:from|than|over|with|of|on|to|by|before|until)\s\Z")


def year_after(m: re.Match[str], relative: str) -> TimeMention | None:
    """"The following year", "the subsequent year", and "the next year" as told: the year
    after the one named before; None for any other relative year ("in the next year" is
    the year ahead)."""
    if relative in _AFTER_NAMED or (
            relative == "next" and _THE_NEXT.search(m.string, max(0, m.start() - 12),
                                                    m.start() + 1)):
        return TimeMention(m.start(), m.end() - 1, None, anaphoric=True, later=1,
                           whole_year=True)
    return None


def that_year(m: re.Match[str], published: date | None) -> TimeMention | None:
    """"In the same year", "That year": the year named before (the extractor knows it);
    none as a comparison's base or a deadline ("up 5 percent from that year", "by the
    same year")."""
    if _NOT_FRAME_BEFORE.search(m.string, max(0, m.start() - 16), m.start() + 1):
        return None
    return TimeMention(m.start(), m.end() - 1, None, anaphoric=True,  # (_at's place)
                       whole_year=True)


def that_day(m: re.Match[str], published: date | None) -> TimeMention:
    """"On that day": the year of the date named before (the extractor knows it)."""
    return TimeMention(m.start(), m.end() - 1, None, anaphoric=True)  # (_at's place)


def the_period(m: re.Match[str], published: date | None) -> TimeMention:
    """"During the period": the year and period named before (the extractor knows them)."""
    return TimeMention(m.start(), m.end() - 1, None, anaphoric=True, same_period=True)
