"""The time-expression extractor (``zjopen.extract.times``).

``PHRASINGS`` pins what ``find_times`` gives, mention by mention: its start, the text it
covers, its year, its period (``"kind start..end"``) and its flags. The rows were
recorded by running the extractor as it stood before it was rewritten as a list of
entries (one alternation and an ``if`` chain, commit 0aa43d1), so they hold its exact
behaviour, quirks included ("from 2022 to 2018" has no period; "in May" alone is the
verb). A row that changes is a change of behaviour, to be made on purpose.

The properties below hold for any text built from time-ish words, numbers and years.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract import times as times_module
from zjopen.extract.times import _ENTRIES, _TIME, MONTH, TimeMention, find_times
from zjopen.lexicon.patterns import alt, ascii_lower

Row = tuple[int, str, int | None, str | None, str]  # start, text, year, period, flags


def _describe(text: str, mention: TimeMention) -> Row:
    period = mention.period
    shown = None if period is None else \
        f"{period.kind.value} {period.start or ''}..{period.end or ''}"
    flags = " ".join(flag for flag in ("target", "relative", "comparison", "since")
                     if getattr(mention, flag))
    return (mention.start, text[mention.start : mention.end], mention.year, shown, flags)


PHRASINGS: list[tuple[str, date | None, list[Row]]] = [
    ("In the first quarter of 2025 and by 2030", date(2025, 5, 1), [
        (3, "the first quarter of 2025", 2025, "quarter 2025-01-01..2025-03-31", ""),
        (33, "by 2030", 2030, "by ..2030-12-31", "target"),
    ]),
    ("last year and this year", date(2023, 6, 1), [
        (0, "last year", 2022, "year 2022-01-01..2022-12-31", "relative"),
        (14, "this year", 2023, "year 2023-01-01..2023-12-31", "relative"),
    ]),
    ("from January to May", date(2021, 6, 16), [
        (0, "from January to May", 2021, "months 2021-01-01..2021-05-31", "relative"),
    ]),
    ("between 2012 and 2022 the port grew", date(2023, 1, 1), [
        (0, "between 2012 and 2022", 2022, "span 2012-01-01..2022-12-31", ""),
    ]),
    ("from 2022 to 2018", date(2023, 1, 1), [
        (0, "from 2022 to 2018", 2018, None, ""),
    ]),
    ("from 2015 through 2020", None, [
        (0, "from 2015 through 2020", 2020, "span 2015-01-01..2020-12-31", ""),
    ]),
    ("by the end of 2022", date(2023, 3, 1), [
        (0, "by the end of 2022", 2022, "year 2022-01-01..2022-12-31", ""),
    ]),
    ("by the end of 2030", date(2023, 3, 1), [
        (0, "by the end of 2030", 2030, "by ..2030-12-31", "target"),
    ]),
    ("before the end of 2027, until 2026 and through 2028", date(2025, 1, 1), [
        (0, "before the end of 2027", 2027, "by ..2027-12-31", "target"),
        (24, "until 2026", 2026, "by ..2026-12-31", "target"),
        (39, "through 2028", 2028, "by ..2028-12-31", "target"),
    ]),
    ("by 2030", None, [
        (0, "by 2030", 2030, "by ..2030-12-31", "target"),
    ]),
    # A past perfect in the deadline's clause: the date a level was reached by
    ("By the end of 2023, Wenzhou had opened 40 warehouses", None, [
        (0, "By the end of 2023", 2023, "year 2023-01-01..2023-12-31", ""),
    ]),
    ("Lishui had signed 12 deals by 2021", None, [
        (27, "by 2021", 2021, "year 2021-01-01..2021-12-31", ""),
    ]),
    # ... the end of the year the text is about, which the text before says (a figure in
    # it takes the year in force: "Last year, ... had added 9 routes by the year-end")
    ("By the end of the year, the port had added 9 routes", date(2022, 12, 30), []),
    ("The port had added 9 routes by year-end", date(2022, 12, 30), []),
    # ... a deadline to come is of the year of publication
    ("The port will add 9 routes by year-end", date(2022, 3, 30), [
        (27, "by year-end", 2022, "by ..2022-12-31", "target relative"),
    ]),
    # ... not a plan made before, nor a future perfect, nor one across "will"
    ("The city had planned to open 40 warehouses by 2025", None, [
        (43, "by 2025", 2025, "by ..2025-12-31", "target"),
    ]),
    ("By 2027, Taizhou will have built 60 warehouses", None, [
        (0, "By 2027", 2027, "by ..2027-12-31", "target"),
    ]),
    ("Jiaxing had 30 routes and will have 50 by 2026", None, [
        (39, "by 2026", 2026, "by ..2026-12-31", "target"),
    ]),
    ("the second quarter of last year", date(2024, 8, 1), [
        (0, "the second quarter of last year", 2023, "quarter 2023-04-01..2023-06-30", "relative"),
    ]),
    ("the 3rd quarter of next year", date(2024, 8, 1), [
        (0, "the 3rd quarter of next year", 2025, "quarter 2025-07-01..2025-09-30", "relative"),
    ]),
    ("fourth quarter 2023", date(2024, 2, 1), [
        (0, "fourth quarter 2023", 2023, "quarter 2023-10-01..2023-12-31", ""),
    ]),
    ("in Q1 2024 and Q3", date(2024, 10, 1), [
        (3, "Q1 2024", 2024, "quarter 2024-01-01..2024-03-31", ""),
        (15, "Q3", 2024, "quarter 2024-07-01..2024-09-30", "relative"),
    ]),
    ("Q4 grew; Q5 did not", None, [
        (0, "Q4", None, None, "relative"),
    ]),
    ("the first half of 2023", date(2023, 9, 1), [
        (0, "the first half of 2023", 2023, "half 2023-01-01..2023-06-30", ""),
    ]),
    ("in the second half", date(2023, 9, 1), [
        (3, "the second half", 2023, "half 2023-07-01..2023-12-31", "relative"),
    ]),
    ("H1 and H2 results", date(2022, 9, 1), [
        (0, "H1", 2022, "half 2022-01-01..2022-06-30", "relative"),
        (7, "H2", 2022, "half 2022-07-01..2022-12-31", "relative"),
    ]),
    ("the first five months of this year", date(2021, 6, 1), [
        (0, "the first five months of this year", 2021,
         "months 2021-01-01..2021-05-31", "relative"),
    ]),
    ("in the first 11 months of 2020", date(2021, 1, 5), [
        (3, "the first 11 months of 2020", 2020, "months 2020-01-01..2020-11-30", ""),
    ]),
    ("the first three quarters of 2019", date(2019, 11, 1), [
        (0, "the first three quarters of 2019", 2019, "months 2019-01-01..2019-09-30", ""),
    ]),
    ("first two quarters", None, [
        (0, "first two quarters", None, None, "relative"),
    ]),
    ("from March to June 2022", date(2023, 1, 1), [
        (0, "from March to June 2022", 2022, "months 2022-03-01..2022-06-30", ""),
    ]),
    ("Jan-Mar last year", date(2023, 4, 1), [
        (0, "Jan-Mar last year", 2022, "months 2022-01-01..2022-03-31", "relative"),
    ]),
    ("between September and December of 2021", date(2022, 1, 1), [
        (0, "between September and December of 2021", 2021, "months 2021-09-01..2021-12-31", ""),
    ]),
    ("from December to March 2020", date(2021, 1, 1), [
        (0, "from December to March 2020", 2020, None, ""),
    ]),
    ("Sept. through Nov. this year", date(2020, 12, 1), [
        (0, "Sept. through Nov. this year", 2020, "months 2020-09-01..2020-11-30", "relative"),
    ]),
    ("in May the firms may grow", date(2021, 6, 1), [  # (the second "may": the verb)
        (0, "in May", 2021, "month 2021-05-01..2021-05-31", "relative"),
    ]),
    ("what the firms put in may grow", date(2021, 6, 1), []),  # "may" as written: a verb
    ("from January to May in 2017", date(2018, 3, 1), [
        (0, "from January to May in 2017", 2017, "months 2017-01-01..2017-05-31", ""),
    ]),
    ("During May, exports to Japan grew", date(2024, 6, 20), [
        (0, "During May", 2024, "month 2024-05-01..2024-05-31", "relative"),
    ]),
    ("in May 2021 and during Sept. 2020", date(2022, 1, 1), [
        (0, "in May 2021", 2021, "month 2021-05-01..2021-05-31", ""),
        (16, "during Sept. 2020", 2020, "month 2020-09-01..2020-09-30", ""),
    ]),
    ("for March, exports rose", date(2024, 4, 1), [
        (0, "for March", 2024, "month 2024-03-01..2024-03-31", "relative"),
    ]),
    ("in March 5 events", date(2024, 4, 1), []),
    # a span of years that ends in a month: to that month's end, dated by its year
    ("between 2013 and September 2017", date(2017, 11, 1), [
        (0, "between 2013 and September 2017", 2017, "span 2013-01-01..2017-09-30", ""),
    ]),
    # "as of (by) the end of September": the year so far, a cumulative total
    ("as of the end of September 2023", date(2023, 10, 17), [
        (0, "as of the end of September 2023", 2023, "months 2023-01-01..2023-09-30", ""),
    ]),
    ("by the end of September", date(2023, 10, 17), [
        (0, "by the end of September", 2023, "months 2023-01-01..2023-09-30", "relative"),
    ]),
    ("at the end of September", date(2023, 10, 17), [  # a point: the month
        (11, "of September", 2023, "month 2023-09-01..2023-09-30", "relative"),
    ]),
    ("of Oct. 2019, not marine trade", date(2020, 1, 1), [
        (0, "of Oct. 2019", 2019, "month 2019-10-01..2019-10-31", ""),
    ]),
    ("on March 5, 2024 the fair opened", date(2024, 3, 10), [
        (3, "March 5, 2024", 2024, None, ""),
    ]),
    ("Sept. 25 2023", date(2023, 10, 1), [
        (0, "Sept. 25 2023", 2023, None, ""),
    ]),
    ("previous year and next year", date(2019, 2, 1), [
        (0, "previous year", 2018, "year 2018-01-01..2018-12-31", "relative"),
        (18, "next year", 2020, "year 2020-01-01..2020-12-31", "relative"),
    ]),
    ("since then trade has doubled, ever since", date(2020, 1, 1), [
        (0, "since then", None, None, "since"),
        (30, "ever since", None, None, "since"),
    ]),
    ("over the past five years and in the last decade", date(2024, 1, 1), [
        (0, "over the past five years", 2024, None, "relative"),
        (29, "in the last decade", 2024, None, "relative"),
    ]),
    ("during the past 10 months", None, [
        (0, "during the past 10 months", None, None, "relative"),
    ]),
    ("for the last two-three years", date(2022, 1, 1), [
        (0, "for the last two-three years", 2022, None, "relative"),
    ]),
    ("In 2023, exports rose", date(2024, 1, 1), [
        (3, "2023", 2023, "year 2023-01-01..2023-12-31", ""),
    ]),
    ("2023-2025 plan and 2023 to 2025 plan", date(2024, 1, 1), [
        (5, "2025", 2025, "year 2025-01-01..2025-12-31", ""),
        (27, "2025", 2025, "year 2025-01-01..2025-12-31", ""),
    ]),
    ("2025 yuan, 2024 tons, 2023 TEU, 2022,000 tonnes", date(2024, 1, 1), []),
    ("1949 and 1950 and 2099 and 2100", date(2024, 1, 1), [
        (9, "1950", 1950, "year 1950-01-01..1950-12-31", ""),
        (18, "2099", 2099, "year 2099-01-01..2099-12-31", ""),
    ]),
    ("up 5% from the same period last year", date(2023, 7, 1), [
        (27, "last year", 2022, "year 2022-01-01..2022-12-31", "relative comparison"),
    ]),
    ("compared with 2019 levels", date(2021, 1, 1), [
        (14, "2019", 2019, "year 2019-01-01..2019-12-31", "comparison"),
    ]),
    ("higher than in the first half of 2020", date(2021, 1, 1), [
        (15, "the first half of 2020", 2020, "half 2020-01-01..2020-06-30", "comparison"),
    ]),
    ("since 2014, and since its launch in 2017", date(2021, 1, 1), [
        (6, "2014", 2014, "year 2014-01-01..2014-12-31", "since"),
        (36, "2017", 2017, "year 2017-01-01..2017-12-31", "since"),
    ]),
    ("starting from the end of 2018", date(2021, 1, 1), [
        (25, "2018", 2018, "year 2018-01-01..2018-12-31", "since"),
    ]),
    ("since the first quarter of 2020", date(2021, 1, 1), [
        (6, "the first quarter of 2020", 2020, "quarter 2020-01-01..2020-03-31", "since"),
    ]),
    ("IN THE FIRST QUARTER OF 2025, BY 2030", date(2025, 5, 1), [
        (3, "THE FIRST QUARTER OF 2025", 2025, "quarter 2025-01-01..2025-03-31", ""),
        (30, "BY 2030", 2030, "by ..2030-12-31", "target"),
    ]),
    ("İzmir in Q2 2024 and March 2023", date(2024, 8, 1), [
        (9, "Q2 2024", 2024, "quarter 2024-04-01..2024-06-30", ""),
        (27, "2023", 2023, "year 2023-01-01..2023-12-31", ""),
    ]),
    ("this\nyear and the first\nhalf", date(2022, 5, 1), [
        (0, "this\nyear", 2022, "year 2022-01-01..2022-12-31", "relative"),
        (14, "the first\nhalf", 2022, "half 2022-01-01..2022-06-30", "relative"),
    ]),
    ("by 2030 from 2020 to 2030", date(2021, 1, 1), [
        (0, "by 2030", 2030, "by ..2030-12-31", "target"),
        (8, "from 2020 to 2030", 2030, "span 2020-01-01..2030-12-31", ""),
    ]),
    ("In May, 2021 grew", date(2021, 6, 1), [
        (0, "In May", 2021, "month 2021-05-01..2021-05-31", "relative"),
        (8, "2021", 2021, "year 2021-01-01..2021-12-31", ""),
    ]),
    ("Marchers in Mayfield in Decembers", date(2021, 6, 1), []),
    ("from Jan to Feb. 2021 and Jun. 3, 2021", date(2021, 6, 1), [
        (0, "from Jan to Feb. 2021", 2021, "months 2021-01-01..2021-02-28", ""),
        (26, "Jun. 3, 2021", 2021, None, ""),
    ]),
    ("the first quarter this year", date(2025, 5, 1), [
        (0, "the first quarter this year", 2025, "quarter 2025-01-01..2025-03-31", "relative"),
    ]),
    ("the first quarter of", date(2025, 5, 1), [
        (0, "the first quarter", 2025, "quarter 2025-01-01..2025-03-31", "relative"),
    ]),
    ("Q2", None, [
        (0, "Q2", None, None, "relative"),
    ]),
    ("first quarter", None, [
        (0, "first quarter", None, None, "relative"),
    ]),
    ("from January to May", None, [
        (0, "from January to May", None, None, "relative"),
    ]),
]


@pytest.mark.parametrize(("text", "published", "expected"), PHRASINGS,
                         ids=[text for text, _, _ in PHRASINGS])
def test_phrasing(text: str, published: date | None, expected: list[Row]) -> None:
    assert [_describe(text, t) for t in find_times(text, published)] == expected


# One phrase per entry, matched whole by that entry. Adding an entry means adding here.
def test_present_and_unended_parts_of_the_year() -> None:
    """"Now" is the publication year; a part of the year named without its year that had
    not ended by publication is marked unended (reports on it are the year before's)."""
    now = list(find_times("At present, the port runs 40 routes.", date(2023, 5, 2)))
    assert [(t.year, t.present) for t in now] == [(2023, True)]
    jan = list(find_times("From January to November, trade grew.", date(2024, 1, 20)))
    assert [(t.year, t.unended) for t in jan] == [(2024, True)]
    april = list(find_times("In the first quarter, trade grew.", date(2024, 4, 20)))
    assert [(t.year, t.unended) for t in april] == [(2024, False)]
    base = list(find_times("an increase of 12 from the end of 2019", date(2023, 5, 2)))
    assert [(t.year, t.comparison) for t in base] == [(2019, True)]



ENTRY_EXAMPLES = {
    "span": "between 2012 and 2022",
    "deadline": "by the end of 2030",
    "quarter": "the 3rd quarter of last year",
    "q_quarter": "Q1 2025",
    "half": "the second half of 2024",
    "h_half": "H2",
    "first_months": "the first 11 months of 2020",
    "first_quarters": "the first three quarters",
    "month_range": "from Jan. to March 2021",
    "month": "during Sept. 2020",
    "day": "March 5, 2024",
    "relative_year": "previous year",
    "relative_month": "last month",
    "years_ago": "ten years ago",
    "years_later": "two years later",
    "that_year": "in the same year",
    "that_day": "on that day",
    "the_period": "during the period",
    "since_then": "ever since",
    "present": "at present",
    "recent_years": "over the past five years",
    "year": "2025",
}


def test_every_entry_has_an_example() -> None:
    assert [name for name, _, _ in _ENTRIES] == list(ENTRY_EXAMPLES)


@pytest.mark.parametrize(("name", "phrase"), ENTRY_EXAMPLES.items())
def test_the_match_names_its_entry(name: str, phrase: str) -> None:
    for text in (phrase, f"Exports rose {phrase}, it said."):
        match = _TIME.search(" " + ascii_lower(text))  # it begins with the character before
        assert match is not None
        assert (match.group()[1:], match.lastgroup) == (phrase.lower(), f"e_{name}")


def test_month_matches_whole_month_words_as_written() -> None:
    month = re.compile(MONTH)
    assert [m.group() for m in month.finditer("Sept. 5, June, Jun. 2 and March")] == [
        "Sept.", "June", "Jun.", "March"]
    assert not month.search("marine Mayor Decembers may")


def test_alt_refuses_an_empty_group() -> None:
    assert alt(("by", "by the end of"), verbose=True) == r"(?:by\ the\ end\ of|by)"
    assert alt(("by", "by the end of")) == r"(?:by the end of|by)"
    with pytest.raises(ValueError, match="at least one"):
        alt(())
    with pytest.raises(ValueError, match="empty word"):
        alt(("year", ""))


_TOKENS = st.sampled_from(
    "in for of during over the between from and to through by until before end since "
    "then ever starting its launch first second third 1st 4th quarter quarters half H1 H2 "
    "Q1 Q4 two three five eleven months years decade this last next previous year "
    "January Jan. May may June Sept. September Oct. Dec marine yuan tons TEU compared "
    "with than same period up".split()
) | st.integers(1940, 2110).map(str) | st.integers(0, 99).map(str)
_TEXTS = st.lists(st.tuples(_TOKENS, st.sampled_from([" ", " ", "  ", "\n", ", ", ". ", "-",
                                                      ""])),
                  max_size=14).map(lambda parts: "".join(t + s for t, s in parts))
_PUBLISHED = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@given(_TEXTS, _PUBLISHED)
def test_mentions_run_left_to_right_and_agree_with_their_periods(
        text: str, published: date | None) -> None:
    mentions = list(find_times(text, published))
    assert mentions == list(find_times(text, published, lowered=ascii_lower(text)))
    end = 0
    for t in mentions:
        assert end <= t.start < t.end <= len(text)
        end = t.end
        assert t.period is None or t.period.year_of == t.year
        assert not (t.target and (t.comparison or t.since))
        if t.relative and published is None:
            assert t.year is None


@given(_TEXTS, _PUBLISHED, st.randoms(use_true_random=False))
def test_letter_case_does_not_matter(text: str, published: date | None,
                                     rnd: random.Random) -> None:
    recased = "".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in text)
    assert list(find_times(recased, published)) == list(find_times(text, published))


# Every key word of times._KEYS, words near them, and years.
_KEYED_TOKENS = st.sampled_from(
    "between from by before until through the end of this year quarter Q1 q4 half H1 h2 "
    "first three months quarters last next previous month past five years ago two later "
    "that same on day since then ever starting now today nowadays currently at present as "
    "to date so far in during March Mar. marine market Sept. May may Jan-Mar nov yuan tons "
    "and".split()) | st.integers(1945, 2105).map(str) | st.sampled_from([
        "this year", "this month", "next year", "previous year", "so far", "to date",
        "as of now", "at present", "until 2030", "through 2030", "before the end of 2030",
        "by the end of this year", "from 2012 to 2020", "the 4th quarter", "first two months",
        "first three quarters", "Jan-Mar", "in May 2020", "March 5, 2024", "a year ago",
        "3 years later", "the same day", "on this day", "since then", "ever since",
        "within the last two decade", "in the past years"])
_KEYED_TEXTS = st.lists(st.tuples(_KEYED_TOKENS, st.sampled_from([" ", " ", "\n", ", ", ". ",
                                                                  "-", "", "("])),
                        max_size=8).map(lambda parts: "".join(t + s for t, s in parts))


def _matches(scan: re.Pattern[str], spaced: str) -> list[tuple[int, int, str | None]]:
    found, end = [], 0  # as find_times goes: on from the character before a match's end
    while (match := scan.search(spaced, end)) is not None:
        found.append((match.start(), match.end(), match.lastgroup))
        end = match.end() - 1
    return found


@settings(max_examples=500)
@given(_KEYED_TEXTS)
def test_the_scan_chosen_by_keys_finds_what_the_whole_pattern_finds(text: str) -> None:
    """``find_times`` scans with the entries whose keys the text holds: it finds the same
    matches as the whole pattern."""
    low = ascii_lower(text)
    assert [(m.start(), m.end(), m.lastgroup) for m in times_module._time_matches(low)] == (
        _matches(_TIME, " " + low))
