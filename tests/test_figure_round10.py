"""The figure extractor's sentence tests of round 10, each against the form it replaced
(kept here as the oracle): the same answers on texts made of the words they read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract import _sentence_hints
from zjopen.extract._figure_words import MAY_HAVE_NUMBER, MAY_HAVE_TIME, TARGET_HINTS
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


def _old_hints(low: str) -> int:
    flags = 0
    for word in low.split():
        flag = ((MAY_HAVE_NUMBER.search(word) is not None)
                | (MAY_HAVE_TIME.search(word) is not None) << 1)
        if flag & _sentence_hints.NUMBER:
            return _sentence_hints.NUMBER
        flags |= flag
    return flags


_HINT_WORDS = (
    "dozen dozens hundred hundreds thousand million billion twice double half third one two "
    "ten twenty first january march may today now year years last next this month quarter "
    "exports rose the of and in percent trade a an ago since later"
).split()
_HINT_TEXT = st.lists(st.tuples(st.sampled_from(_HINT_WORDS), _GAPS), max_size=25).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=2000)
@given(st.lists(st.one_of(_HINT_TEXT, st.text(alphabet=st.sampled_from("tenowaymr h\n"),
                                                max_size=20)), min_size=1, max_size=4))
def test_hints_is_the_word_by_word_reading(texts: list[str]) -> None:
    for text in texts:  # (several: the words learnt from one serve the next)
        low = ascii_lower(text)
        assert _sentence_hints.hints(low) == _old_hints(low)


def test_digit_quantity_reads_the_number_groups_by_their_places() -> None:
    from zjopen.quantities import _patterns

    assert _patterns().number.groupindex == {"num": 1, "plus": 2, "scale": 3, "short": 4,
                                             "plus2": 5}
