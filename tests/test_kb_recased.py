"""The other casings of a platform's name in the knowledge base (``_kb.recased``): its
describing words in lower case or capitalised, its naming words and abbreviations kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._kb import _describing_words, recased

_DESCRIBING = _describing_words()


@pytest.mark.parametrize(("surface", "expected"), [
    ("Zhejiang Free Trade Zone", ["Zhejiang free trade zone"]),
    ("Zhejiang pilot free trade zone", ["Zhejiang Pilot Free Trade Zone"]),
    ("Zhejiang Pilot FTZ", ["Zhejiang pilot FTZ"]),  # the abbreviation keeps its capitals
    ("Hangzhou cross-border e-commerce comprehensive pilot zone",
     ["Hangzhou Cross-Border E-Commerce Comprehensive Pilot Zone",
      "Hangzhou Cross-border E-commerce Comprehensive Pilot Zone"]),
    ("Yiwu International Trade Market", ["Yiwu international trade market"]),
    ("Port of Ningbo Zhoushan", []),  # it ends with a naming word
    ("Pilot Free Trade Zone", []),  # no naming word: a kind of place, not one place
    ("Digital Trade Expo", []),
    ("Hangzhou CBD", []),
])
def test_recased(surface: str, expected: list[str]) -> None:
    assert recased(surface, _DESCRIBING) == expected


_WORD = st.sampled_from(["Zhejiang", "Ningbo", "(Hangzhou)", "Free", "trade", "Zone", "FTZ",
                         "cross-border", "Pilot", "market", "of", "the", "Port"])


@given(st.lists(_WORD, min_size=1, max_size=7))
def test_recased_keeps_words_and_naming_words(words: list[str]) -> None:
    surface = " ".join(words)
    for variant in recased(surface, _DESCRIBING):
        changed = variant.split(" ")
        assert len(changed) == len(words)
        assert variant != surface
        assert changed[0] == words[0]
        for old, new in zip(words, changed, strict=True):
            assert old.lower() == new.lower()
            if old.lower() not in _DESCRIBING or (old.isupper() and len(old) > 1):
                assert old == new  # a naming word or an abbreviation is never recased
