"""The region pass splits ASCII text into words with a pattern of ASCII letters alone:
the same pieces as the general pattern's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._region_index import _ASCII_TOKEN_SPLIT, _TOKEN_SPLIT


@given(st.text(st.sampled_from("aZk'' -.,\n0s"), max_size=40)
       | st.text(st.characters(max_codepoint=127), max_size=40))
def test_ascii_text_splits_the_same(text: str) -> None:
    assert _ASCII_TOKEN_SPLIT.split(text) == _TOKEN_SPLIT.split(text)
