"""``TextWords`` keeps where each run of words begins (words joined by single spaces,
:func:`zjopen.extract._tables._run_parts`) and works out a word's place when asked for:
the same offsets as the running sums of the lengths of ``WORD_SPLIT.split(text)`` (the
list it once kept for every word), and the same words joined by short gaps as the walk
over those gaps that the knowledge-base pass made, in one piece or a piece at a time."""

from __future__ import annotations

import itertools
import re
import unittest.mock

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract import _tables
from zjopen.extract._tables import _WORD_SOURCE, TextWords

_GREEDY_WORD_SPLIT = re.compile(f"({_WORD_SOURCE})")

_TEXT = (st.lists(st.sampled_from(["Ningbo", "Zhoushan", "Port", "Co", "G20", "5", "'s", "'",
                                   " ", " ", " ", "  ", ", ", ". ", "-", "(", ")", "\n", "é",
                                   "don't", "\x01", "\t", "x" * 40, "a b c d e f g h i j k"]),
                  max_size=60).map("".join)
         | st.text(st.sampled_from("aZ09s' ,-\n\x01é"), max_size=80))


def _old_joined(parts: list[str], index: int, most: int) -> int:
    """The knowledge-base pass's walk: words from ``index`` while the gap after each is
    at most three characters and holds no line break."""
    gaps = parts[2::2]
    run = 1
    while run < most and len(gaps[index + run - 1]) <= 3 and "\n" not in gaps[index + run - 1]:
        run += 1
    return run


@given(_TEXT, st.integers(1, 8), st.integers(1, 6))
def test_offsets_and_joined_words_are_the_word_splits(text: str, piece: int, most: int) -> None:
    parts = _GREEDY_WORD_SPLIT.split(text)
    ends = list(itertools.accumulate(map(len, parts)))
    for size in (1 << 16, piece):
        with unittest.mock.patch.object(_tables, "_PIECE", size):
            split = TextWords.of(text)
        assert split.words == parts[1::2]
        count = len(split.words)
        for index in range(count):
            assert split.start(index) == ends[2 * index]
            assert split.end(index) == ends[2 * index + 1]
            assert split.span(index) == (ends[2 * index], ends[2 * index + 1])
            assert split.gap(index) == parts[2 * index + 2]
            top = min(most, count - index)
            assert split.joined(index, top) == _old_joined(parts, index, top)


@given(st.integers(0, 80), st.integers(1, 3))
def test_long_runs_give_their_words_offsets(words: int, length: int) -> None:
    """A run of more words than are summed word by word (their offsets kept for the run)."""
    text = " ".join(["ab" * length] * words) + "."
    split = TextWords.of(text)
    parts = _GREEDY_WORD_SPLIT.split(text)
    ends = list(itertools.accumulate(map(len, parts)))
    for index in reversed(range(len(split.words))):
        assert split.start(index) == ends[2 * index]
