"""The figure extractor's sentence tests of round 10, each against an oracle: the same
answers on texts made of the words they read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import TARGET, TARGET_GAPPED, TARGET_KEYS, TARGET_STEMS
from zjopen.extract._kinds import may_have_target_words
from zjopen.lexicon.patterns import ascii_lower

_GAPS = st.sampled_from([" ", " ", "", ", ", "-", ".", "\n", "\t", "\u00e9", "5"])

_TARGET_KEY = re.compile(
    r"(?<![a-z])(?:forecast|intend|planning|seek|aim|plan|strive|wants|strives|will|aiming"
    r"|set|realized|expecting|striving|projected|expects|expect|would|aims|planned|intends"
    r"|goal|want|seeks|expected|plans)(?![a-z])|envisag|target")
"""What may_have_target_words tests (the oracle): one word of each phrase of TARGET and
TARGET_GAPPED, written out, with no letter a-z on either side, or a stem."""


def test_the_target_words_are_the_oracle_s() -> None:
    keys = {key.decode() for key in TARGET_KEYS} | set(TARGET_STEMS)
    assert keys == set(_TARGET_KEY.pattern.replace("(?<![a-z])(?:", "").replace(
        ")(?![a-z])", "").split("|"))


_TARGET_WORDS = sorted({*(w.decode() for w in TARGET_KEYS), *TARGET_STEMS,
                        "expected", "aims", "planned", "targets", "wil", "plan-", "goals",
                        "exports", "rose", "5%", "is", "set", "to", "be", "claim",
                        "planting", "willing", "airplane", "explanation", "asset",
                        "envisaged", "aimless", "sets", "to be realized", "intend to"})
_TARGET_TEXT = st.lists(st.tuples(st.sampled_from(_TARGET_WORDS), _GAPS), max_size=20).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=2000)
@given(st.one_of(_TARGET_TEXT, st.text(alphabet=st.sampled_from("aimplnwexct o\n"),
                                       max_size=30)))
def test_may_have_target_words_is_a_key_word_test(text: str) -> None:
    low = ascii_lower(text)
    assert may_have_target_words(low) == (_TARGET_KEY.search(low) is not None)
    if TARGET.search(low) is not None or TARGET_GAPPED.search(low) is not None:
        assert may_have_target_words(low)


@pytest.mark.parametrize(("sentence", "hinted"), [
    ("Ningbo plans to attract 50 foreign firms by 2027.", True),
    ("Exports are expected to grow 6 percent.", True),
    ("The province targeted 300 billion yuan of investment.", True),
    ("The plan envisages 12 new routes.", True),
    ("The county is set to open 3 warehouses.", True),
    ("The claim covered 40 containers.", False),  # "aim" inside a word
    ("A willing partner bought 20 airplanes.", False),  # "will", "plan" inside words
    ("Exports rose 5 percent in 2023.", False),
])
def test_target_words_in_news_phrasing(sentence: str, hinted: bool) -> None:
    assert may_have_target_words(ascii_lower(sentence)) is hinted


def test_digit_quantity_reads_the_number_groups_by_their_places() -> None:
    from zjopen.quantities import _patterns

    assert _patterns().number.groupindex == {"num": 1, "plus": 2, "scale": 3, "short": 4,
                                             "plus2": 5}
