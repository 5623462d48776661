"""Scans of the name pass that must find exactly what the plainer scan they replace finds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen import gazetteer
from zjopen.extract import _phrases, _plans
from zjopen.extract._plans import _QUOTED_SLOGAN
from zjopen.extract._tables import place_code

# The quoted-words pattern as it was: the shortest quoted words that end at a quotation mark.
_LAZY_QUOTED = re.compile(r"[\"“'‘]([^\"“”'‘’\n]{3,80}?)[\"”'’](?=[\s,.;:)-]|\Z)")

_QUOTE_PIECES = ["\"", "“", "”", "'", "‘", "’", "\n", " ", ",", ".", ")", "-", "a", "ab",
                 "go global", "going out", "x" * 40, "Zhejiang's", "s"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=30).map("".join))
def test_quoted_words_are_the_shortest_quoted_words(text: str) -> None:
    assert [m.span(1) for m in _phrases._QUOTED.finditer(text)] == [
        m.span(1) for m in _LAZY_QUOTED.finditer(text)]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=30).map("".join))
def test_quoted_slogans_are_all_quoted_slogans(text: str) -> None:
    slogans = _plans._tables().slogans
    every = [(m[1], m.start(1)) for m in _QUOTED_SLOGAN.finditer(text) if m[1] in slogans]
    assert [(f.name, f.start) for f in _plans._slogans(text, slogans)] == every


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=30).map("".join))
def test_quotes_tried_at_opening_marks_are_the_search(text: str) -> None:
    assert [m.span() for m in _phrases._quotes(text)] == [
        m.span() for m in _phrases._QUOTED.finditer(text)]


def _place_code_read(words: list[str]) -> str | None:
    """place_code as it was: the gazetteer asked each time."""
    for n in (3, 2, 1):
        if len(words) >= n:
            place = gazetteer.lookup(" ".join(words[:n]))
            if place is not None and not place.ambiguous:
                return place.code
    return None


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Ningbo", "Zhoushan", "Port", "Hong", "Kong", "Taizhou",
                                 "Jinhua", "Yiwu", "New", "York", "Group", "Zhejiang",
                                 "Province", "Beilun", "District", "Co"]), max_size=5))
def test_a_names_region_is_the_gazetteers(words: list[str]) -> None:
    assert place_code(words) == place_code(tuple(words)) == _place_code_read(words)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["\"", "”", " ", "\n", "the", "and", "A", "manual", ",",
                                 "x" * 30, "\u00a0"]), max_size=20).map("".join),
       st.integers(0, 200))
@example('pioneered the "A" manual, the ', 30)
@example('pioneered the "A" manual, and the\n', 200)
def test_a_listed_policy_is_read_only_after_the(text: str, start: int) -> None:
    start = min(start, len(text))
    expected = bool(_phrases._LISTED_POLICY.search(text[max(0, start - 80) : start]))
    assert _phrases._after_listed_policy(text, start) == expected
