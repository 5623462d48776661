"""Work the figures finder no longer does, because its result was thrown away: bare
years are not made into quantities (``find_quantities(years=False)``), the two patterns
read after every figure are tried only where their first characters are, and a
sentence with no change to link leaves ``link_changes`` at once. Each says what the
full work said: a property test against it, and tables of phrasing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen.document import read_document
from zjopen.extract._figure_lists import link_changes
from zjopen.extract._figure_words import YEAR_EARLIER, YEAR_EARLIER_SECOND
from zjopen.extract._kinds import (
    _CENTURY_FIRST,
    _DATE_AFTER,
    _DATE_AFTER_LEADS,
    _DATE_AFTER_SECOND,
    _MONTH_AFTER,
    _YEAR_DIGITS,
)
from zjopen.extract.metrics import extract_metrics
from zjopen.model import Metric, MetricKind, Span
from zjopen.quantities import QuantityMatch, find_quantities

_PIECES = [
    "2023", "2020", "1999", "1950", "1949", "2100", "500", "5", "12.5", "1,200", "20", "19",
    " ", "  ", "-", " to ", " and ", "/", ",", ".", "(", ")", "$", "US$", " yuan", " tons",
    " firms", " percent", "%", "s", "th", " million", "between ", "from ", "x", "Q", "\u00a0",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _bare_year(text: str, quantity: QuantityMatch) -> bool:
    """The first test of ``is_not_a_metric``: a year, which the figures finder drops."""
    return (quantity.end - quantity.start == 4 and quantity.unit == "count"
            and quantity.form == "digits"
            and _YEAR_DIGITS.fullmatch(text, quantity.start, quantity.end) is not None)


@settings(max_examples=500)
@given(_TEXT)
@example("500-2000 firms")
@example("between 1990 and 2000 companies")
@example("1950/2000 of the land")
@example("In 2023, 2,000 tons")
@example("20231,2005")
def test_quantities_without_years_are_the_others(text: str) -> None:
    # Every quantity but bare years, as before; a bare year just after digits (that
    # might have ended a range) may be kept, for the figures finder to drop as before.
    every = list(find_quantities(text))
    some = list(find_quantities(text, years=False))
    assert [q for q in some if not _bare_year(text, q)] == [
        q for q in every if not _bare_year(text, q)]
    assert [q for q in every if q in some] == some


@pytest.mark.parametrize(("text", "kept"), [
    ("In 2023, exports rose 5%", ["5%"]),
    ("From 2019 to 2022 the port grew", []),
    ("The 2025 plan", []),
    ("It shipped 2000 tons in 2021", ["2000 tons"]),  # digits of a year, with a unit: kept
    ("It hired 500-2000 workers", ["500-2000"]),  # the end of a range: kept
    ("about 1/2000 of the area", ["1/2000"]),  # beside a slash: read as before
    ("The 1949 founding and 2100 targets", ["1949", "2100"]),  # not 1950-2099: kept
    ("US$2020 per head", ["US$2020"]),  # a currency before: an amount
])
def test_years_left_out(text: str, kept: list[str]) -> None:
    found = find_quantities(text, years=False)
    assert [text[q.start : q.end] for q in found] == kept


_AFTER = st.text(alphabet=st.sampled_from(" \t\u00a0\u2003,:snrtapmhJFMASONDjfe.12-09u"),
                 max_size=12)


@settings(max_examples=800)
@given(_AFTER)
@example(", 2024")
@example(" June 2024")
@example("\u2003Sept. 2019")
@example(" a.m.")
@example("th")
def test_date_after_lead_never_misses(right: str) -> None:
    if _DATE_AFTER.match(right) or _MONTH_AFTER.match(right):
        assert _told(right)


def _told(right: str) -> bool:
    """The test before the patterns in ``is_not_a_metric``, as written there."""
    lead = right[:1]
    return (lead in _DATE_AFTER_LEADS or (lead.isspace() and right[1:2] in _DATE_AFTER_SECOND)
            or (lead == "," and (right[1:2] in _CENTURY_FIRST or (
                right[1:2].isspace() and right[2:3] in _CENTURY_FIRST))))


@pytest.mark.parametrize(("right", "told"), [
    (" percent, up", True),  # (" p.m." begins so: the pattern is tried)
    (" companies", False),
    (" billion yuan", False),
    (", up 5%", False),
    (", 2024, the", True),
    (",2024", True),
    (", 1, 2 and 3", True),
    (" June 2023", True),
    ("th in the world", True),
    ("", False),
])
def test_date_after_lead(right: str, told: bool) -> None:
    assert _told(right) is told


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(" \tatheyrpviousinmdlsofc\u00a0"), max_size=30))
@example(" a year earlier")
@example(" the previous year")
@example(" in the same period last year")
def test_year_earlier_second_never_misses(right: str) -> None:
    if YEAR_EARLIER.match(right):
        assert right[1:2] in YEAR_EARLIER_SECOND


def _metric(start: int, text: str, unit: str, kind: MetricKind, year: int | None = None
            ) -> Metric:
    return Metric(value=Decimal(5), unit=unit, kind=kind, year=year,
                  span=Span(start, start + len(text), text))


def test_link_changes_without_changes_is_the_input() -> None:
    # "exports reached 5 billion yuan and imports 3 billion yuan": nothing to link
    found = [_metric(16, "5 billion yuan", "CNY", MetricKind.LEVEL),
             _metric(44, "3 billion yuan", "CNY", MetricKind.LEVEL)]
    assert link_changes(found, set(), None, "x" * 80) is found


def test_link_changes_with_a_change_links_it() -> None:
    # "exports reached 5 billion yuan, up 5%": the change is the level's growth
    level = _metric(16, "5 billion yuan", "CNY", MetricKind.LEVEL)
    change = _metric(35, "5%", "%", MetricKind.CHANGE)
    linked = link_changes([level, change], set(), None, "x" * 60)
    assert [m.of for m in linked] == [None, level.id]


def test_link_changes_dates_a_share_by_the_reported_year() -> None:
    # "...reached 5 billion yuan (of 2024), 20 percent of the total": no change, but a
    # share with no time of its own takes the reported year of the level beside it
    level = _metric(16, "5 billion yuan", "CNY", MetricKind.LEVEL, year=2024)
    share = _metric(35, "20 percent", "%", MetricKind.SHARE, year=2025)
    dated = link_changes([level, share], {35}, 2024, "x" * 60)
    assert [m.year for m in dated] == [2024, 2024]


# The figures finder tries is_target only in a sentence with a target word (or a
# deadline cue), and reads the text before a figure for its year only where the year
# hangs on it: each row dates and kinds its figures as the full reading did.
@pytest.mark.parametrize(("text", "published", "expected"), [
    # a deadline and no target word: a target all the same
    ("Total trade of the zone: 80 billion yuan by 2027.", date(2025, 3, 1),
     [("80000000000", "target", 2027)]),
    ("The port's container throughput is to top 50 million TEUs by 2030.",
     date(2025, 3, 1), [("50000000", "target", 2030)]),
    # a part of the year not ended at publication, reported in the past: the year before
    ("From January to November, the city's exports rose 6.5 percent.", date(2024, 1, 10),
     [("6.5", "change", 2023)]),
    # "since": the start, then the present
    ("Since 2014, the number of cross-border stores has grown from 23 to 1,100.",
     date(2024, 5, 1), [("23", "level", 2014), ("1100", "level", 2024)]),
    # the state at publication after an earlier year
    ("In 2019 the park opened. The park is home to 780 firms.", date(2024, 5, 1),
     [("780", "level", 2024)]),
    ("Exports rose 8.2 percent in the first half. Imports fell 3 percent.", date(2024, 9, 1),
     [("8.2", "change", 2024), ("-3", "change", 2024)]),
])
def test_years_and_targets_read_as_before(text: str, published: date,
                                          expected: list[tuple[str, str, int]]) -> None:
    found = extract_metrics(read_document(text, published=published))
    assert [(str(m.value), m.kind.value, m.year) for m in found] == expected
