"""The figure extractor's sentence tests of round 10, each against the form it replaced
(kept here as the oracle): the same answers on texts made of the words they read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import TARGET_HINTS
from zjopen.extract._kinds import may_have_target_words
from zjopen.lexicon.patterns import ascii_lower

_GAPS = st.sampled_from([" ", " ", "", ", ", "-", ".", "\n", "\t"])


def _old_may_have_target_words(low: str) -> bool:
    return any(hint in low for hint in TARGET_HINTS)


_TARGET_WORDS = sorted({*TARGET_HINTS, *(w for h in TARGET_HINTS for w in h.split()),
                        "expected", "aims", "planned", "targets", "wil", "plan-", "goals",
                        "exports", "rose", "5%", "is", "set", "to", "be"})
_TARGET_TEXT = st.lists(st.tuples(st.sampled_from(_TARGET_WORDS), _GAPS), max_size=20).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=2000)
@given(st.one_of(_TARGET_TEXT, st.text(alphabet=st.sampled_from("aimplnwexct o\n"),
                                       max_size=30)))
def test_may_have_target_words_is_the_hint_loop(text: str) -> None:
    low = ascii_lower(text)
    assert may_have_target_words(low) == _old_may_have_target_words(low)


def test_digit_quantity_reads_the_number_groups_by_their_places() -> None:
    from zjopen.quantities import _patterns

    assert _patterns().number.groupindex == {"num": 1, "plus": 2, "scale": 3, "short": 4,
                                             "plus2": 5}
