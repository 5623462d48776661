"""The attribution's per-article look-ups (zjopen.link._positions) find what the plain
searches they stand for find: a literal test before a pattern, a search from a
position kept for the next figure."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.link import _positions as positions

_PIECES = st.sampled_from([
    " ", ", ", "; ", ";", ",", "\n", "while", "whereas", "of", "among", "which", "followed",
    "trailed", "by", "By", "contrast", "Meanwhile", "meanwhile", "where", "Ningbo", "rose",
    "3%", "x", "W", "wh", "ile", "\u00a0",
])
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


def _plain_clause_start(text: str, start: int, figure: int) -> int:
    begin = start
    for match in positions._CLAUSE.finditer(text, start, figure):
        begin = match.end()
    return begin


@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_a_clause_starts_where_the_plain_search_finds_it(text: str, start: int,
                                                         figure: int) -> None:
    start, figure = min(start, len(text)), min(figure, len(text))
    assert positions._clause_start(text, start, figure) == _plain_clause_start(text, start, figure)


@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_the_last_where_is_the_plain_searchs_last(text: str, start: int, figure: int) -> None:
    start, figure = min(start, len(text)), min(figure, len(text))
    found = positions._last_where(text, start, figure)
    plain = list(positions._WHERE.finditer(text, start, figure))
    assert (found.span() if found else None) == (plain[-1].span() if plain else None)


def test_every_clause_holds_one_of_its_words() -> None:
    # The literal test's words, each whole in every match of _CLAUSE's alternatives.
    for sample in ["a, while b", "a while b", "a, whereas b", "a, of which b",
                   "a, among which b", "a, followed by b", "a, trailed by b", "a; b",
                   "By contrast b", "by contrast, b", "Meanwhile, b", "meanwhile, b"]:
        match = positions._CLAUSE.search(sample)
        assert match is not None, sample
        assert positions._CLAUSE_WORDS.search(sample, match.start(), match.end()), sample
