"""The patterns that end in a head word and ``\\b`` (lower-case platform heads, counted
policy packages, introduced systems; company names and misspelt districts of the region
pass) are searched for only around the head words that end a word (``word_anchors``):
exactly the matches of the whole text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract import _phrases, regions
from zjopen.extract._anchors import word_anchors
from zjopen.extract._tables import word_tables
from zjopen.lexicon.patterns import ascii_lower, find_all, word_windows

_PIECES = st.lists(st.sampled_from(
    ["Ningbo", " Ningbo", " Group", " in ", " of ", " port", " ports", " portfolio", " expo",
     " export", " exports", " Expo", " market", " marketing", " markets", " fair", " fairly",
     " fair_", " fairé", " Turkey", "Turkey", " railway", " river", " cities", " areas", "-",
     "Yiwu", " The", "'s", ",", ".", "\n", "  ", " ", "x", "é", " 13", " nine", " key",
     " new", " policies", " Policies", " policiesx", " measures", " to", " build", " a",
     " the", " launched", " introduced", " system", " systems", " systematic", " reform",
     " reforms", " reformed", " pilot", " program", " programme", " programmes", " action",
     " plan", " Co", " Company", " Commerce", " Co.", " Corp", " Holdings", " Ltd", " Inc",
     " Haitian", " district", " districts", " county", " Beicang", " city", " City"]),
    max_size=40)


def _found(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
           ) -> list[tuple[int, int]]:
    return [m.span() for low, high in windows for m in pattern.finditer(text, low, high)]


@given(_PIECES)
def test_the_head_windows_find_what_the_whole_text_search_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    lowered = ascii_lower(text)
    words = word_tables()
    for pattern, searched, heads, before, after in (
            (_phrases._LOWER_HEAD, text, tuple(_phrases._LOWER_KINDS), 4, 2),
            (words.package, lowered, words.package_nouns, 3, 7),
            (words.introduced, text, words.system_heads, 9, 2),
            (regions._NAMED, text, regions._NAMED_SUFFIXES, 1, 1),
            (regions._MISSPELT, text, ("district", "county"), 1, 4)):
        whole = [m.span() for m in pattern.finditer(text)]
        every = word_windows(text, find_all(searched, heads, after_space=True), before, after)
        assert _found(pattern, text, every) == whole  # (as before)
        anchors = word_anchors(searched, heads)
        assert set(anchors) <= set(find_all(searched, heads, after_space=True))
        assert _found(pattern, text, word_windows(text, anchors, before, after)) == whole
