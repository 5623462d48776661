"""The extractors' word windows, a word at a time, are the character walk's windows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._windows import word_windows
from zjopen.lexicon.patterns import word_windows as walked


@given(st.text(alphabet="ab \n\t\u00a0\u3000.-é", max_size=60),
       st.lists(st.integers(0, 60), max_size=6), st.integers(0, 10), st.integers(0, 10))
def test_word_windows_are_the_walked_ones(text: str, anchors: list[int], before: int,
                                          after: int) -> None:
    anchors = sorted({min(a, len(text)) for a in anchors})
    assert word_windows(text, anchors, before, after) == walked(text, anchors, before, after)
