"""The pretest of the number-word scan (:func:`zjopen.lexicon._quantity_words.may_have_words`)
never says no where the scan it stands before finds a match that
:func:`zjopen.quantities._word_quantities` keeps (one not glued to a word before it);
and the quantities found are those the scan alone found."""

from __future__ import annotations

import re
from decimal import Decimal
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen import quantities
from zjopen.lexicon._letter_runs import letter_runs
from zjopen.lexicon._quantity_words import may_have_words, word_matches
from zjopen.lexicon.numbers import cardinals, number_table
from zjopen.lexicon.patterns import ascii_lower


def _table_words() -> list[str]:
    table = number_table()
    return [*cardinals(), *table["fractions"], *table["vague"], *table["durations"],
            *table["multiples"]]


_WORDS = _table_words()
_PIECES = [*_WORDS, *(w.upper() for w in _WORDS[:20]), *(w.capitalize() for w in _WORDS[:20]),
           "billion", "million", "thousand", "bn", "a", "of", "and", "year", "data", "often",
           "tens", "fold", "-fold", "quarters", "doubl", "half-", "é", "ß", "x", "5", "2023",
           "\u212a", "\ud800", "yuan", "companies", "percent"]
_GAPS = st.sampled_from(["", " ", " ", "-", ".", ",", "_", "\n", "é", "9", "x"])
_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from(_PIECES), _GAPS), max_size=10).map(
        lambda items: "".join(piece + gap for piece, gap in items)),
    st.text(alphabet=st.sampled_from("atenhlfdoubis -x5é"), max_size=30))


def _kept(text: str, lowered: str) -> list[tuple[int, int, str | None, str | None]]:
    """The matches of the full scan that _word_quantities keeps (not glued to a word)."""
    patterns = quantities._patterns()
    return [(m.start(), m.end(), m["mult"], m["word"])
            for m in word_matches(lowered, patterns.word_starts, patterns.words)
            if not (m.start() > 0 and ((c := text[m.start() - 1]).isalnum() or c in "_-"))]


def _found(text: str) -> list[tuple[int, int, Decimal, str, str, str | None]]:
    return [(q.start, q.end, q.value, q.unit, q.form, q.noun)
            for q in quantities.find_quantities(text)]


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_word_pretest_never_misses_a_kept_match(text: str) -> None:
    lowered = ascii_lower(text)
    if _kept(text, lowered):
        assert may_have_words(lowered, quantities._patterns().word_keys), text


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_quantities_are_those_of_the_scan_alone(text: str) -> None:
    with_pretest = _found(text)
    with patch.object(quantities, "may_have_words", lambda lowered, keys: True):
        assert _found(text) == with_pretest, text


def test_letter_runs_are_the_runs_of_a_to_z() -> None:
    for text in ["", "a", "Über-growth in march5, h1", "x\ud800y", "a_b 9c", "ßtwo"]:
        lowered = ascii_lower(text)
        assert letter_runs(lowered) == {run.encode() for run in re.findall("[a-z]+", lowered)}


def test_word_pretest_examples() -> None:
    keys = quantities._patterns().word_keys
    assert not may_have_words("exports rose 5 billion yuan", keys)
    assert not may_have_words("often data", keys)
    assert may_have_words("a billion", keys)
    assert may_have_words("twenty-one firms", keys)
    assert may_have_words("one-third of", keys)
