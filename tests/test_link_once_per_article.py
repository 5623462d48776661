"""What the attribution step now finds once per article, or from a hint, tells what the
per-figure searches it stands for told: where "--" and "where" stand (a bisection for
``str.find``), and the clause search begun near the first clause word."""

from __future__ import annotations

import bisect
import importlib

from hypothesis import given
from hypothesis import strategies as st

from tests.test_link_positions import _TEXTS
from zjopen.document import read_document
from zjopen.link import _positions as positions

_DASHES = st.lists(st.sampled_from(["-", "--", "---", " ", "where", "wher", "e", "ANJI",
                                    "x", "elsewhere"]), max_size=30).map("".join)


@given(_DASHES, st.integers(0, 120), st.integers(0, 120))
def test_the_dashes_and_wheres_are_found_where_str_find_finds_them(
        text: str, start: int, end: int) -> None:
    named = positions._Named.of(read_document("Title\n\n" + text), [])
    norm = named._norm
    start, end = min(start, len(norm)), min(end, len(norm))
    for found, word in ((named.dashes, "--"), (named.wheres, "where")):
        at = bisect.bisect_left(found, start)
        held = at < len(found) and found[at] + len(word) <= end
        assert held == (norm.find(word, start, end) >= 0)
        if held:
            assert found[at] == norm.find(word, start, end)


@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_a_clause_search_begun_near_the_first_clause_word_finds_the_same(
        text: str, start: int, figure: int) -> None:
    named = positions._Named.of(read_document("Title\n\n" + text), [])
    norm = named._norm
    start, figure = min(start, len(norm)), min(figure, len(norm))
    at = bisect.bisect_left(named.clause_starts, start)
    if at < len(named.clause_starts):
        word = named.clause_starts[at]
        assert (positions._clause_begins(norm, start, figure, word)
                == positions._clause_begins(norm, start, figure))


def test_no_clause_match_is_longer_than_its_span() -> None:
    parser = importlib.import_module("re._parser")  # (the widest match, as re reckons it)
    assert parser.parse(positions._CLAUSE.pattern).getwidth()[1] <= positions._CLAUSE_SPAN
