"""The unit after a number, matched in ASCII text lower-cased with the pattern in lower
case (``unit_after_ascii``), is the unit ``unit_after`` (``re.IGNORECASE``) matches in
the text itself: at the same place, the same unit once case-folded; and so is the
currency before it (``prefix_ascii``, ``prefix``)."""

from __future__ import annotations

import re
import string
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen import quantities
from zjopen.lexicon.patterns import ascii_lower


def _units() -> list[str]:
    return sorted(quantities._patterns().after)


def _currencies() -> list[str]:
    return sorted(quantities._patterns().before)


_ASCII_UNITS = [unit for unit in _units() if unit.isascii()]  # (no other is in ASCII text)
_PIECES = [*_ASCII_UNITS, *(u.upper() for u in _ASCII_UNITS[::3]),
           *(u.title() for u in _ASCII_UNITS[1::3]), "working", "Business", "days", " ", "-",
           " - ", "  ", "1", "5", "x", "s", "a", ".", "%", "yuan", "TEU", "Tons", "metric", "KM",
           "sq", "per", "cent"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)


def test_no_unit_holds_a_character_that_folds_to_an_ascii_letter() -> None:
    letters = string.ascii_letters + string.digits
    for char in {char for unit in [*_units(), *_currencies()] for char in unit
                 if not char.isascii()}:
        assert not any(re.fullmatch(re.escape(char), x, re.IGNORECASE) for x in letters), char


def _unit(match: re.Match[str] | None) -> tuple[int, str] | None:
    return None if match is None else (match.end(), match["unit"].casefold())


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_the_ascii_unit_match_is_the_ignorecase_one(text: str) -> None:
    patterns = quantities._patterns()
    lowered = ascii_lower(text)
    assert text.isascii()
    for end in range(len(text) + 1):
        assert _unit(patterns.unit_after_ascii.match(lowered, end)) == _unit(
            patterns.unit_after.match(text, end)), (text, end)


_CURRENCIES = [*_currencies(), *(c.upper() for c in _currencies()), "x$", "S$", "us", "Rm"]
_AMOUNT = st.tuples(
    st.sampled_from(["", " ", "a", "(", "_", "x", "1"]), st.sampled_from(_CURRENCIES),
    st.sampled_from(["", " ", "  ", "\t", "-"]), st.sampled_from(["12", "3.5", "1,000", "7"]),
    st.sampled_from(["", " billion", "bn", " yuan", " Tons", "k", "%", " pct", " x"]),
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_AMOUNT, st.sampled_from(_PIECES)), max_size=6).map("".join))
def test_digit_quantities_are_the_same_with_the_ascii_matches(text: str) -> None:
    patterns = quantities._patterns()
    low_ascii = ascii_lower(text) if text.isascii() else None
    assert quantities._digit_quantities(text, patterns, low_ascii) == (
        quantities._digit_quantities(text, patterns))


def test_word_quantities_read_the_unit_as_before() -> None:
    found = [(q.start, q.end, q.value, q.unit, q.form)
             for q in quantities.find_quantities("Twenty Percent of eleven TONS, five km")]
    assert found == [(0, 14, Decimal("20"), "%", "word"), (18, 29, Decimal("11"), "t", "word"),
                     (31, 38, Decimal("5"), "km", "word")]


def test_a_comparison_word_after_a_number_is_no_unit() -> None:
    """"10.3 year-on-year", "4 month-on-month", "8 year-over-year", "5 year-to-date": the
    years and months of a comparison, not a duration; "3 years-long" and "2 years" are."""
    found = {text: [q.unit for q in quantities.find_quantities(text)] for text in (
        "shrank 10.3 year-on-year", "rose 4 month-on-month", "up 8 year-over-year",
        "a 5 year-to-date rise", "took 2 years", "a 3 year-long plan")}
    assert found == {
        "shrank 10.3 year-on-year": ["count"], "rose 4 month-on-month": ["count"],
        "up 8 year-over-year": ["count"], "a 5 year-to-date rise": ["count"],
        "took 2 years": ["year"], "a 3 year-long plan": ["year"]}
