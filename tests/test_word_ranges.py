"""A range whose low end is a number word ("seven to 10 days", "two to three million
tons", "between thirty and forty companies") is one quantity with ``high``, as a range of
digits is; a number word with no unit or noun that is no range's low end stays no
quantity ("won three to one", "one-to-one talks")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.quantities import find_quantities

RANGES = [
    # (text, (value, high, unit) of each quantity, in order)
    ("ship cargo seven to 10 days in advance", [("7", "10", "day")]),
    ("shortens the cycle by one to two days", [("1", "2", "day")]),
    ("takes three to five years or longer", [("3", "5", "year")]),
    ("two to three containers each month", [("2", "3", "count")]),
    ("handled two to three million tons", [("2000000", "3000000", "t")]),
    ("between thirty and forty companies", [("30", "40", "count")]),
    ("takes two to 3 days", [("2", "3", "day")]),
    ("takes 5 to 7 days", [("5", "7", "day")]),  # (digits, as before)
]

NO_RANGE = [
    ("the team won three to one", []),
    ("one-to-one talks with 30 buyers", [("30", None, "count")]),
    ("rose from seven to 10 percent", [("10", None, "%")]),  # ("from": two values)
    ("seven and a half", []),
    ("two-way trade of 5 billion yuan", [("5000000000", None, "CNY")]),
    ("seven-5", [("5", None, "count")]),  # (falling: no range)
]


def _found(text: str) -> list[tuple[str, str | None, str]]:
    return [(str(q.value), None if q.high is None else str(q.high), q.unit)
            for q in find_quantities(text)]


@pytest.mark.parametrize(("text", "expected"), [*RANGES, *NO_RANGE])
def test_word_ranges(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _found(text) == expected


_PIECES = ["one", "two", "seven", "ten", "thirty", "million", "to", "and", "-", "~",
           "between", "from", "days", "tons", "firms", "5", "10", "2,000", "percent", "of"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([" ", "-", "  "]))
def test_a_range_low_word_alone_is_never_a_quantity(pieces: list[str], gap: str) -> None:
    found = list(find_quantities(gap.join(pieces)))
    assert all(q.form in ("digits", "word", "multiple", "fraction", "vague", "duration")
               for q in found)
    assert all(q.high is None or q.high > q.value  # (a word's range rises)
               for q in found if q.form == "word")
