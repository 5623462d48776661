"""may_rank reads the sentence's runs of letters: wherever RANK matches, one of its
anchors is a whole run there (RANK itself as the oracle), in ASCII and beyond it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import RANK, RANK_ORDINALS
from zjopen.extract._ranks import may_rank
from zjopen.lexicon.patterns import ascii_lower

_WORDS = (
    "ranked rank came coming stood put placed place among the in at top stop laptop tops "
    "no no. No. nos. 1 12 500 one of into china's world's first firstly second seconds "
    "1st 2nd 3rd 11th 21st st nd rd th xth sth largest biggest most and or from to "
    f"é ü Ä {' '.join(RANK_ORDINALS)}"
).split()
_GAPS = st.sampled_from([" ", " ", "", ", ", "-", ".", "\n", "'s ", "é", "\u00a0", "_", "0"])
_SOUP = st.lists(st.tuples(st.sampled_from(_WORDS), _GAPS), max_size=25).map(
    lambda items: "".join(word + gap for word, gap in items))
_TEXT = st.one_of(_SOUP, st.text(alphabet=st.sampled_from("atop1 2,.no_-sthndr0fiéÜ\n"),
                                 max_size=40))


@settings(max_examples=2000)
@given(_TEXT)
def test_no_rank_where_no_anchor_is_a_run(text: str) -> None:
    low = ascii_lower(text)
    if not may_rank(low):
        assert [*RANK.finditer(low)] == []


def test_anchors_found_as_runs() -> None:
    assert may_rank("ranked 12th in the country")
    assert may_rank("no. 1 port")
    assert may_rank("the top 10 firms")
    assert not may_rank("laptop sales stopped, firstly")
    assert not may_rank("there is no 1 answer")
