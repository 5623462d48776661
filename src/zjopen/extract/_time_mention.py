"""A time expression found by :mod:`zjopen.extract.times`: its place, the calendar year
it names, its period, and its role."""

from __future__ import annotations

import attrs

from zjopen._article_checks import plain_init
from zjopen.model import Period

__all__ = ["TimeMention"]


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
    unended: bool = False  # a part of a year, named without it, not ended at publication
    present: bool = False  # "now", "at present": the state at publication
    previous: bool = False  # "the previous year": the year before the one in force
    anaphoric: bool = False  # "on that day": the date named before
    yearless: bool = False  # a part of a year named without it, in an undated article
    later: int = 0  # with ``anaphoric``: "two years later" is the year named before, plus two
    same_period: bool = False  # with ``anaphoric``: "during the period", the period named before
    whole_year: bool = False  # with ``anaphoric``: "that year", "the following year", a year
    origin: bool = False  # "Founded in 1994, ...": when a thing began (no figure of its sentence)


setattr(TimeMention, "__init__", plain_init(TimeMention))  # noqa: B010 - attrs', faster
