"""Which year a figure is of: the time cues in force, carried from sentence to sentence
within a paragraph (:class:`Context`), and the year they give a figure (:func:`year_of`,
GUIDELINES: present tense is the publication year; a target with no stated year has
none), for :mod:`zjopen.extract.metrics`."""

from __future__ import annotations

from datetime import date

from zjopen.extract._figure_words import FROM_LEFT, PAST, PAST_BEFORE, PRESENT_CLAUSE, PRESENT_STATE
from zjopen.extract._time_roles import span_start
from zjopen.extract.times import TimeMention
from zjopen.model import MetricKind, Period, PeriodKind

__all__ = ["PART_OF_YEAR", "Context", "past", "reported_unended", "year_before",
           "year_of", "year_of_period"]

_TARGET = MetricKind.TARGET  # (a module name: see zjopen.extract.metrics)
PART_OF_YEAR = (PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.MONTHS)


class Context:
    """The time cues in force: carried from sentence to sentence within a paragraph.
    (Never changed once made: a new one is made for each change.)"""

    __slots__ = ("named", "named_period", "origin", "period", "reported", "target_age",
                 "target_year", "unended", "written", "year", "yoy_only")

    def __init__(self, year: int | None = None, period: Period | None = None,
                 target_year: int | None = None, target_age: int = 0,
                 reported: int | None = None, unended: bool = False,
                 named: int | None = None, written: bool = False,
                 named_period: tuple[Period, bool] | None = None,
                 yoy_only: bool = False, origin: int | None = None) -> None:
        self.year = year
        self.period = period
        self.target_year = target_year  # a deadline ("by 2020") later targets inherit
        self.target_age = target_age  # paragraph boundaries crossed since that deadline
        self.reported = reported  # the year a report of last year's results is about
        self.unended = unended  # the period in force had not ended by publication
        self.named = named  # the last year named, across paragraphs ("On that day, ...")
        self.written = written  # the year in force was written out ("in 2025")
        self.named_period = named_period  # the last period named, and if unended, for
        # "during the period" paragraphs on
        # ``reported`` is a whole year named in an undated article: it dates only the
        # figures of a year-on-year report ("exports jumped 23.3 percent year-on-year")
        self.yoy_only = yoy_only
        # when a thing began, told in an aside ("the zone, established in Hangzhou in 2015"):
        # no time frame, but the year a change "from" a value starts at ("The number has
        # grown from 200 to 65,000")
        self.origin = origin

    def after(self, times: list[TimeMention], published: date | None) -> Context:
        """The context for the next sentence, given this sentence's cues."""
        year, period, target_year = self.year, self.period, self.target_year
        target_age, unended, written = self.target_age, self.unended, self.written
        origin = self.origin
        changed = False
        for cue in times:
            if cue.comparison:
                continue
            if cue.origin:
                origin, changed = cue.year, True
            elif cue.target:
                target_year, target_age, changed = cue.year, 0, True
            elif cue.since:
                year = published.year if published else None
                period = target_year = None
                changed = True
            elif cue.yearless and (year is not None or self.named is not None):
                # undated, "in the January-June period" after "the first half of 2019":
                # the year in force still
                year = year if year is not None else self.named
                target_year, changed = None, True
            elif cue.anaphoric and (cue.later or year is None) and not cue.same_period:
                base = year if year is not None else self.named
                if base is not None:  # "Two years later, ...", "The following year, ...",
                    # "That year, ..." a paragraph on: a new time frame, the year counted on
                    # from the one in force (or named last)
                    year = base + cue.later
                    period, target_year, origin = Period.year(year), None, None
                    unended, written, changed = False, True, True
            elif cue.year is not None or cue.relative:
                # A new time frame: earlier deadlines (and beginnings) no longer govern.
                year, period, target_year, origin = cue.year, cue.period, None, None
                unended, written, changed = cue.unended, not cue.relative, True
            elif cue.same_period and period is None and self.named_period is not None:
                period, unended = self.named_period  # "during the period": the one before
                year, target_year, written, changed = year_of_period(period), None, True, True
        if not changed:
            return self
        return Context(year, period, target_year, target_age, self.reported, unended,
                        self.named, written, self.named_period, self.yoy_only, origin)

    def next_paragraph(self, published: date | None) -> Context:
        """A new paragraph starts afresh, but a plan's deadline holds for the targets of
        the paragraph right after it, and a report of the year before publication ("in
        2024", published in 2025) goes on being about that year."""
        if (self.year is None and self.target_year is None and self.period is None
                and self.origin is None
                and not (self.target_age or self.unended or self.written)):
            return self  # fresh already (no year: its reported and named are kept)
        reported, yoy_only = self.reported, self.yoy_only
        if published is not None and self.year == published.year - 1 and (
                self.period is not None):  # (a date's year, "on Jan 4, 2019", reports no year)
            reported = self.year
        elif (published is None and self.written and self.year is not None
              and self.period is not None):
            # an undated article's "in the first ten months of 2023" ("in 2021": for its
            # year-on-year reports alone)
            reported, yoy_only = self.year, self.period.kind not in PART_OF_YEAR
        elif (published is not None and self.unended and not self.written
              and self.year == published.year and self.period is not None):
            reported = self.year - 1  # "... in May", read in January: last May
        elif self.year is not None and not (published is None and self.year == reported):
            # a later frame ("in the first half of this year") supersedes it (undated, not
            # the same year named again: "in the January-June period")
            reported = None
        named = self.year if self.year is not None else self.named
        named_period = ((self.period, self.unended) if self.period is not None
                        else self.named_period)
        if self.target_year is None or self.target_age >= 1:
            return Context(reported=reported, named=named, named_period=named_period,
                            yoy_only=yoy_only)
        return Context(target_year=self.target_year, target_age=self.target_age + 1,
                        named=named, reported=reported, named_period=named_period,
                        yoy_only=yoy_only)


def reported_unended(unended: bool, kind: MetricKind, left: str) -> bool:
    """Whether a figure reports, in the past tense, on a part of the year that had not
    ended by publication (so it is the year before's): not a target or a forecast."""
    return unended and kind is not _TARGET and past(left)


def past(left: str) -> bool:
    """Whether the sentence before a figure (``left``, lower-cased) reports in the past
    tense: a past verb in the figure's clause, or before it in the sentence when the
    figure's clause has no present one ("came to 732 billion yuan, up 4.7%")."""
    return PAST.search(left) is not None or (
        PAST_BEFORE.search(left) is not None and PRESENT_CLAUSE.search(left) is None)


def year_of_period(period: Period) -> int | None:
    """The calendar year of a period (of its end: a span is dated by its end)."""
    day = period.end or period.start
    return day.year if day is not None else None


def year_before(period: Period | None) -> Period | None:
    """The same part of the year before ("January-November 2024" -> 2023)."""
    if period is None:
        return None
    return Period(period.kind, *(None if d is None else _a_year_earlier(d)
                                 for d in (period.start, period.end)))


def _a_year_earlier(day: date) -> date:
    """The same day a year earlier; 29 February is the 28th (it was raising ValueError)."""
    if day.month == 2 and day.day == 29:
        return day.replace(year=day.year - 1, day=28)
    return day.replace(year=day.year - 1)


def year_of(cue: TimeMention | None, kind: MetricKind, context: Context,
          published: date | None, low: str, near: int, start: int) -> int | None:
    """The calendar year a figure belongs to (GUIDELINES: present tense is the
    publication year; a target with no stated year has none). ``low[near:start]``: the
    lower-cased text before the figure, sliced where it is read (most figures with a
    time cue of their own are dated without it)."""
    present = published.year if published is not None else None
    if cue is not None and cue.anaphoric:  # "On that day", "two years later"
        base = context.year if context.year is not None else context.named
        return None if base is None else base + cue.later
    first = span_start(cue.period if cue is not None else context.period, low, near, start)
    if first is not None:
        return first  # "From 2002 to 2011, trade rose from $10 billion to ..."
    if cue is not None:
        if cue.since:  # "since 2014 ... from 23 to 1,100": the start, then the present
            if not FROM_LEFT.search(low[near:start]):
                return present
            if cue.year is not None:
                return cue.year
            # "since then": when the thing named last began ("..., which was set up in
            # 2015. Since then the number has grown from 200 to 65,000"), else the year
            # in force
            return context.origin if context.origin is not None else context.year
        if cue.present and kind is _TARGET:
            return context.target_year  # "now in effect ... will eventually reach 90%"
        if cue.year is not None and cue.unended and reported_unended(
                True, kind, low[near:start]):
            return cue.year - 1  # "January to November" reported in January: last year's
        if cue.yearless:
            # An undated article's "from January to May": of the year it names last
            return context.year if context.year is not None else context.named
        return cue.year  # None when relative and the article is undated
    if kind is _TARGET:
        if context.target_year is None and present is not None and context.written and (
                context.year is not None and context.year > present):
            return context.year  # "... exceed 150 million tons in 2025. It will also grow"
        return context.target_year
    left = low[near:start]
    if context.year is not None:
        if PRESENT_STATE.search(left) and not past(left) and not FROM_LEFT.search(left):
            # "opened in 1992. The zone is home to 780 firms", "... has grown to 65,000":
            # the state at publication (none in an undated article)
            return present
        return context.year - reported_unended(context.unended, kind, left)
    if context.origin is not None and FROM_LEFT.search(left):
        return context.origin  # "..., established in 2015. The number has grown from 200"
    if context.reported is not None and past(left) and (present is not None or (
            not PRESENT_STATE.search(left)  # ("is signed by 15")
            and (not context.yoy_only or "year-on-year" in low or "year on year" in low))):
        return context.reported  # "Exports rose 8.2 percent", a paragraph after "in 2024"
    return present
