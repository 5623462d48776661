"""The sentence hints read the sentence's runs of letters: what the two tries find in the
whole lower-cased sentence (the oracle), with letters beyond ASCII, digits and
punctuation inside its words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract import _sentence_hints
from zjopen.extract._figure_words import MAY_HAVE_NUMBER, MAY_HAVE_TIME
from zjopen.lexicon.patterns import ascii_lower


def _whole(low: str) -> int:
    if MAY_HAVE_NUMBER.search(low) is not None:
        return _sentence_hints.NUMBER
    return _sentence_hints.TIME if MAY_HAVE_TIME.search(low) is not None else 0


_WORDS = (
    "dozen hundred thousand million billion half third one ten first january may now year "
    "month quarter since exports rose the of a é ü ß İ K 5 2024 nine-ty tenfold oneé"
).split()
_GAPS = st.sampled_from([" ", "", ", ", "-", ".", "\n", "é", "0", "_", "'", "\u00a0"])
_TEXT = st.lists(st.tuples(st.sampled_from(_WORDS), _GAPS), max_size=20).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=2000)
@given(st.lists(st.one_of(_TEXT, st.text(alphabet=st.sampled_from("tenowaymrié h\n0"),
                                         max_size=20)), min_size=1, max_size=4))
def test_hints_read_from_runs_are_the_whole_sentence_searches(texts: list[str]) -> None:
    for text in texts:  # (several: the runs learnt from one serve the next)
        low = ascii_lower(text)
        assert _sentence_hints.hints(low) == _whole(low)
