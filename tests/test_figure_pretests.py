"""The cheap tests the figure extractor runs before (or instead of) a pattern say what
the pattern says: literal look-ups for the rank hints, the last filler word before
FILLER, and the ASCII reading of INDICATOR_TRIM."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import (
    FILLER,
    FILLER_ENDS,
    INDICATOR_TRIM,
    MAY_RANK,
    RANK_HINTS,
)
from zjopen.extract._indicators import trim
from zjopen.lexicon.patterns import ascii_lower

_WORDS = (
    "rank plac came coming stood standing top no. larg bigg busi high most 's first put "
    "1st 2nd 3rd 4th 5th 10th 0th just only a total of totaling totalled total to by at "
    "is was were reached hit will would expected expects aims aim to plan target goal "
    "envisaged are set is set projected forecast more than about 5 2023 yuan , ; ( )"
).split()
_GAPS = st.sampled_from([" ", " ", "  ", "", ", ", "-", ".", "\n", "\u00a0", "\t"])
_SOUP = st.lists(st.tuples(st.sampled_from(_WORDS), _GAPS), max_size=30).map(
    lambda items: "".join(word + gap for word, gap in items))
_TEXT = st.one_of(_SOUP, st.text(alphabet=st.sampled_from("abo1 2,._-sthndr0'\u00a0"),
                                 max_size=40))


@settings(max_examples=400)
@given(_TEXT)
def test_rank_hints_say_what_may_rank_says(text: str) -> None:
    low = ascii_lower(text)
    assert any(hint in low for hint in RANK_HINTS) == (MAY_RANK.search(low) is not None)


@settings(max_examples=400)
@given(_TEXT)
def test_filler_matches_only_after_a_filler_word(text: str) -> None:
    low = ascii_lower(text)
    if not low.rstrip().endswith(FILLER_ENDS):
        assert FILLER.search(low) is None
        assert FILLER.sub("", low) == low


_PHRASE_WORDS = (
    "The the Total total of Of its city's City’s Ningbo's exports Exports imports "
    "worth Worth over about ABOUT more than reach will be were with and a an at "
    "ſtate Kelvin \u212a İzmir é"
).split()


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PHRASE_WORDS), max_size=8))
def test_trim_is_indicator_trim(words: list[str]) -> None:
    phrase = " ".join(words)
    assert trim(phrase) == INDICATOR_TRIM.sub("", phrase)
