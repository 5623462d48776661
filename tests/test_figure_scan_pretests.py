"""The literal tests the figure extractor runs before its slowest searches hold
wherever the search they spare can match (old search as the oracle): a text they turn
away has no match of it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import RANK, RANK_MOVE
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
