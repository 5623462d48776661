"""The capitalised-chain pattern (``_capitalised.CHAIN``) reads its words' first character
with one class, so that the engine can skip to where a chain may begin: it matches
exactly what the pattern with the two kinds of word in an alternation matched."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._capitalised import CHAIN

_WORD = (r"(?:[A-Z0-9][\w'&+-]*(?:\.[\w'&+-]+)*(?:(?<=Co)\.|(?<=Ltd)\.|(?<=Inc)\."
         r"|(?<=Corp)\.|(?<=\b[A-Z])\.)?|\([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\))")
_ALTERNATION = re.compile(rf"{_WORD}(?:,?\s(?:(?:of|and|for|the|de|&)\s){{0,2}}{_WORD})*")

_PIECES = st.sampled_from(["Co", "Ltd", "Inc", "Corp", "U", "S", "A", "Zone", "of", "and",
                           "the", "for", "de", "&", "(", ")", ".", ",", " ", " ", "\n", "-",
                           "'", "+", "9", "x", "é", "Ningbo", "(Zhejiang)", "Group"])


@given(st.lists(_PIECES, max_size=40).map("".join), st.integers(0, 50), st.integers(0, 50))
def test_the_chains_are_the_alternations(text: str, a: int, b: int) -> None:
    pos, endpos = sorted((a, b))
    assert [m.span() for m in CHAIN.finditer(text, pos, endpos)] == [
        m.span() for m in _ALTERNATION.finditer(text, pos, endpos)]
    assert [m.span() for m in CHAIN.finditer(text)] == [
        m.span() for m in _ALTERNATION.finditer(text)]
    for start in range(len(text) + 1):
        ours, theirs = CHAIN.match(text, start), _ALTERNATION.match(text, start)
        assert (ours and ours.span()) == (theirs and theirs.span())
