"""The shortcuts of :mod:`zjopen.quantities` find exactly what the searches they stand in
for find: the currency test before ``prefix.search`` never says no where that pattern
matches, and the counted noun read with one match is the one the word-by-word loop read."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen import quantities
from zjopen.quantities import _NOUN_STOP, _noun, _plural


# The currency pretest _digit_quantities writes out in its loop (its former helper):
# tests/test_digit_quantities.py holds the loop to the one that called it.
def _may_end_prefix(text: str, end: int, singles: frozenset[str],
                    pairs: frozenset[str]) -> bool:
    """Whether a currency written before a number may end at ``end``: a cheap test that
    keeps ``prefix.search`` off most numbers. It never says no where that pattern would
    match: a currency of one character ends there, or the last two characters of a longer
    one (ASCII, compared lower-cased as IGNORECASE does); text not ASCII always says yes."""
    if end < 1:
        return False
    last = text[max(0, end - 2) : end].lower()
    return not last.isascii() or last[-1] in singles or last in pairs


_PIECES = [
    "$", "US$", "us$", "HK$", "U.S.$", "RMB", "rmb", "Rmb ", "Rs", "RM", "MOP$", "NZD", "€",
    "£", "¥", "₹", "￥", "usd", "EUR", "and", "year", "of", "to", "a", " ", "  ", "\t", "\u00a0",
    "\u2003", "K", "\u212a", "\u017f", "ſ$", "İ", "1", "9", ".", ",", "-", "(", "x", "S", "D",
    "companies", "more", "new", "mold", "firms", "overseas", "the", "banks", "it's", "two-way",
    "cities", "Glass", "routes", "“", "”", '"', "500", "14,000-ton",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_prefix_pretest_never_misses(text: str) -> None:
    patterns = quantities._patterns()
    singles, pairs = patterns.prefix_singles, patterns.prefix_pairs
    for end in range(len(text) + 1):
        if patterns.prefix.search(text, max(0, end - 10), end) is not None:
            assert _may_end_prefix(text, end, singles, pairs) or (
                end and text[end - 1].isspace()
                and _may_end_prefix(text, end - 1, singles, pairs)), (text, end)


def test_prefix_pretest_examples() -> None:
    patterns = quantities._patterns()
    singles, pairs = patterns.prefix_singles, patterns.prefix_pairs
    assert _may_end_prefix("US$", 3, singles, pairs)
    assert _may_end_prefix("rmb", 3, singles, pairs)
    assert not _may_end_prefix("rose ", 5, singles, pairs)
    assert not _may_end_prefix("", 0, singles, pairs)


# a word: letters and digits, a comma or a point between digits ("14,000-ton"), in
# quotation marks or not ("nine “green ship type” vessels")
_WORD = re.compile(r"[“\"]?[A-Za-z0-9](?:[A-Za-z0-9'-]|[,.](?=[0-9]))*[”\"]?")


def _noun_loop(text: str, pos: int) -> str | None:
    """The counted noun after ``pos`` as zjopen read it before, word by word."""
    words: list[str] = []
    cursor = pos
    for _ in range(4):
        if cursor >= len(text) or text[cursor] != " ":
            break
        match = _WORD.match(text, cursor + 1)
        if match is None:
            break
        word = match.group()
        if not words and word.casefold() in ("more", "fewer", "new", "additional", "other",
                                             "extra"):
            cursor = match.end()
            continue
        if word.casefold() in _NOUN_STOP:
            break
        words.append(word)
        cursor = match.end()
    if not words:
        return None
    first = next((i for i, w in enumerate(words) if _plural(w)), -1)
    if first < 0:
        return None
    return " ".join(words[: first + 1])


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_noun_as_word_by_word(text: str) -> None:
    for pos in range(len(text) + 1):
        assert _noun(text, pos) == _noun_loop(text, pos), (text, pos)


_SCALE_TEXT = st.lists(st.sampled_from(
    ["1", "5.2", " ", "-", "thousand", "Thousand", "million", "Million", "billion", "trillion",
     "illion", "millions", "a", "s", "yuan", "x"]), max_size=6).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_SCALE_TEXT)
def test_scale_tests_as_the_patterns(text: str) -> None:
    from zjopen.extract._figure_lists import _SCALE_ENDS, _SCALE_WORD, _scale_word

    assert _scale_word(text) == bool(_SCALE_WORD.search(text))
    scaled = re.compile(r"(?:thousand|million|billion|trillion)\Z")  # as it was written
    assert text.endswith(_SCALE_ENDS) == bool(scaled.search(text))


_GLUED = re.compile(r"[\w.$]")


def _digit_quantities_as_written(text: str) -> list[quantities.QuantityMatch]:
    """:func:`zjopen.quantities._digit_quantities` as it was: ``prefix.search`` before
    every number."""
    patterns = quantities._patterns()
    out = []
    for match in patterns.number.finditer(text):
        start = match.start()
        prefix = patterns.prefix.search(text, max(0, start - 10), start)
        if prefix is not None and (prefix.start() == 0
                                   or not _GLUED.match(text[prefix.start() - 1])):
            pre: str | None = prefix.group().strip()
            start = prefix.start()
        else:
            pre = None
            if start > 0 and _GLUED.match(text[start - 1]):
                continue
        found = quantities._digit_quantity(text, match, patterns, start, pre)
        if found is not None:
            out.append(found)
    return out


_FIGURES = st.lists(st.sampled_from([
    *_PIECES, "5", "12", "2023", "1,200", "3.5", " million", "m", "bn", " billion yuan", "%",
    " percent", " tons", "-plus", "+", "k", "B", "x2", "H1", "C2",
]), max_size=12).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_FIGURES)
def test_digit_quantities_as_written(text: str) -> None:
    assert quantities._digit_quantities(text, quantities._patterns()) == (
        _digit_quantities_as_written(text))
