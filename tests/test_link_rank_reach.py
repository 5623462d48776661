"""The ranking-scope search before a place (link._subject_mentions) starts
RANK_SCOPE_REACH characters before it, not 60: RANK_SCOPE's matches there end at the
place, and none is longer, so the search finds the same match from either start."""

from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]  # (the width of a pattern)

from hypothesis import given
from hypothesis import strategies as st

from zjopen.link._words import RANK_SCOPE, RANK_SCOPE_REACH


def test_no_match_is_longer_than_the_reach() -> None:
    _shortest, longest = _parser.parse(RANK_SCOPE.pattern).getwidth()
    assert longest <= RANK_SCOPE_REACH <= 60


_PIECES = st.sampled_from(["ranked ", "third ", "1st ", "No. ", "top ", "largest ", "in ",
                           "among ", "across ", "the ", "Zhejiang ", "city ", ", ", ". ",
                           "place ", "x", " ", "ranking 2nd in the "])


@given(st.lists(_PIECES, max_size=30))
def test_the_search_from_the_reach_finds_what_the_search_from_60_finds(pieces: list[str]) -> None:
    text = "".join(pieces) + "Ningbo"
    start = len(text) - len("Ningbo")
    old = RANK_SCOPE.search(text, max(0, start - 60), start)
    new = RANK_SCOPE.search(text, max(0, start - RANK_SCOPE_REACH), start)
    assert (old is None) == (new is None)
    if old is not None and new is not None:
        assert old.span() == new.span()
