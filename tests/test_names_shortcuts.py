"""Shortcuts of the name pass that must find exactly what the longer way finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract import names
from zjopen.extract._tables import Found
from zjopen.lexicon.patterns import trie_alternation

_ABBREVIATIONS = ["JXEDZ", "FTZ", "CEEC", "China-CEEC Expo", "Expo", "HEDA", "A", "AB"]


@given(st.lists(st.sampled_from(_ABBREVIATIONS), min_size=1, unique=True),
       st.lists(st.sampled_from([*_ABBREVIATIONS, " ", "-", "x", "_", "é", "(", ")", "9"]),
                max_size=20).map("".join))
def test_abbreviation_uses_are_the_look_behind_search(defined: list[str], text: str) -> None:
    table = {a: Found("platform", a, 0, len(a)) for a in defined}
    whole = re.compile(rf"(?<![\w-])(?:{trie_alternation(list(table))})(?![\w-])")
    expected = [(m.group(), m.start(), m.end()) for m in whole.finditer(text)]
    found = [(f.name, f.start, f.end) for f in names._abbreviations(text, table)]
    assert found == expected


@given(st.lists(st.sampled_from(["FTZ", "Free", "free", "Trade", "trade", "Zone", "zone",
                                 " ", "\n", "x", "-"]), max_size=12).map("".join))
def test_the_free_trade_zone_test_is_the_search(text: str) -> None:
    assert names._ftz(text) == (names._FTZ.search(text) is not None)
