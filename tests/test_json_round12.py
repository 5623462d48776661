"""Round 12's JSON shortcuts write what the plain ways write."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from zjopen.formats import _plain
from zjopen.model import Period


@given(st.lists(st.tuples(st.dates(), st.dates()), max_size=20))
def test_a_period_s_dates_are_their_iso_text(pairs: list[tuple[date, date]]) -> None:
    for start, end in pairs:
        if start > end:
            start, end = end, start
        for _ in range(2):  # (the second time from the cache)
            data = _plain._period(Period(kind="year", start=start, end=end), True)
            assert data is not None
            assert (data["start"], data["end"]) == (start.isoformat(), end.isoformat())


def test_the_iso_cache_is_emptied_when_full() -> None:
    _plain._ISO.clear()
    for day in range(1, _plain._ISO_MOST + 10):
        value = date.fromordinal(700_000 + day)
        assert _plain._iso(value) == value.isoformat()
    assert len(_plain._ISO) <= _plain._ISO_MOST
