"""The literal tests the figure extractor runs before its slowest searches hold
wherever the search they spare can match (old search as the oracle): a text they turn
away has no match of it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import (
    INDICATOR_TRIM,
    INDICATOR_TRIM_AFTER,
    INDICATOR_TRIM_BEFORE,
    RANK,
    RANK_MOVE,
)
from zjopen.extract._indicators import _trim_spaced
from zjopen.extract._ranks import may_rank
from zjopen.lexicon.patterns import ascii_lower

_RANK_WORDS = (
    "ranked ranks ranking rank placed placing came coming stood standing put puts places "
    "place among the in at top no. No. 1 10 12 500 one of into china's world's province's "
    "first second third fourth fifth sixth seventh eighth ninth tenth 1st 2nd 3rd 4th 11th "
    "21st 3th st nd rd th largest biggest busiest highest most and or from to jan anniversary "
    "advanced rose climbed moved up down jumped fell dropped slipped by two ten five "
    "places ningbo ' -"
).split()
_GAPS = st.sampled_from([" ", " ", " ", "", ", ", "-", ".", "\n", "\t", "'s "])
_SOUP = st.lists(st.tuples(st.sampled_from(_RANK_WORDS), _GAPS), max_size=30).map(
    lambda items: "".join(word + gap for word, gap in items))
_TEXT = st.one_of(_SOUP, st.text(alphabet=st.sampled_from("atop1 2,.no_-sthndr0fi"),
                                 max_size=40))


@settings(max_examples=1500)
@given(_TEXT)
def test_no_rank_where_may_rank_says_none(text: str) -> None:
    low = ascii_lower(text)
    if not may_rank(low):
        assert [*RANK.finditer(low)] == []


@settings(max_examples=500)
@given(_TEXT)
def test_no_rank_move_without_plac(text: str) -> None:
    low = ascii_lower(text)
    if "plac" not in low:
        assert [*RANK_MOVE.finditer(low)] == []


_TRIM_VOCABULARY = sorted({
    *INDICATOR_TRIM_BEFORE, *(w for p in INDICATOR_TRIM_AFTER for w in p.split()),
    *INDICATOR_TRIM_AFTER, "The", "TOTAL", "Of", "city's", "Ningbo'S", "'s", "s's", "x's",
    "exports", "Exports", "imports", "value", "trade", ",", ";", ":", "of,", "a,", "'",
    "An", "WILL", "Reach", "more", "than", "up", "to", "them", "A",
})
_TOKENS = st.one_of(st.sampled_from(_TRIM_VOCABULARY),
                    st.text(alphabet=st.sampled_from("aos',;:T"), min_size=1, max_size=4))


@settings(max_examples=3000)
@given(st.lists(_TOKENS, min_size=1, max_size=9))
def test_trim_spaced_is_indicator_trim(words: list[str]) -> None:
    phrase = " ".join(words)  # as _noun_phrase joins its words: ASCII, single spaces
    assert _trim_spaced(phrase) == INDICATOR_TRIM.sub("", phrase)
    stripped = phrase.strip(" ,;:")
    assert _trim_spaced(stripped) == INDICATOR_TRIM.sub("", stripped)
