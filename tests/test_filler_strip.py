"""The fillers that end the text before a figure, taken off by ``without_fillers`` (a
search from the word before the run of filler words that ends it), are what
``FILLER.sub`` over the whole text takes off (the old search as the oracle)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import FILLER, FILLER_WORDS
from zjopen.extract._kinds import qualifier_of, without_fillers
from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import ascii_lower
from zjopen.model import Qualifier
from zjopen.quantities import parse_quantity

_FILLERS = load_json("figure_words.json")["qualifiers"]["fillers"]
# Fillers, their words, words glued to them ("(of", "xof", "_of", "éof"), qualifiers
_WORDS = [*_FILLERS, *sorted(FILLER_WORDS), "(of", "xof", "_of", "éof", "(a", "1of", "about",
          "more than", "exports", "rose", "tot", "ofa", "-to", "nearly"]
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", "\u00a0", "\t", "", ","])
_LEFT = st.lists(st.tuples(st.sampled_from(_WORDS), _GAPS), max_size=16).map(
    lambda items: "".join(w + g for w, g in items))


@settings(max_examples=4000)
@given(_LEFT)
def test_without_fillers_is_filler_sub(text: str) -> None:
    left = ascii_lower(text)
    assert without_fillers(left) == FILLER.sub("", left)


@pytest.mark.parametrize(("left", "expected"), [
    ("exports reached a total of ", "exports "),
    ("sales were just ", "sales "),
    ("output of more than ", "output of more than "),  # a qualifier last: no filler taken
    ("the figure (of ", "the figure ("),  # a filler after a bracket
    ("profit of of of of ", "profit of "),  # three at most
    ("a layoff ", "a layoff "),  # "off" is no filler
])
def test_fillers_taken_off(left: str, expected: str) -> None:
    assert without_fillers(left) == expected
    assert FILLER.sub("", left) == expected


@pytest.mark.parametrize(("left", "qualifier"), [
    ("investment of more than a total of ", Qualifier.MORE_THAN),  # a filler after it
    ("sales reached nearly ", Qualifier.APPROX),
    ("exports hit ", Qualifier.EXACT),
])
def test_qualifier_read_past_the_fillers(left: str, qualifier: Qualifier) -> None:
    quantity = parse_quantity("50 tons")
    assert quantity is not None
    assert qualifier_of(left, quantity) is qualifier
