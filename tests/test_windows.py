"""Word windows (lexicon.patterns.word_windows, read by anchored possessive patterns, the
backward half in the reversed text) are the windows of two plainer readings: a walk a
word at a time, by one anchored match per word, and the walk one character at a time
that word_windows was before."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.lexicon.patterns import add_window, word_windows

# White space, then one run of other characters (a word as word_windows counts them:
# ``\s`` is ``str.isspace``); possessive, so a match never gives a character back.
RUN = re.compile(r"\s*+\S++")


def by_words(text: str, anchors: list[int], before: int, after: int
                 ) -> list[tuple[int, int]]:
    """The stretches of ``text`` around each anchor: from ``before`` words before the
    anchor's word to the end of the ``after``-th word from it, merged where they meet
    (see :func:`zjopen.lexicon.patterns.word_windows`)."""
    windows: list[tuple[int, int]] = []
    if not anchors:
        return windows
    size = len(text)
    backwards = text[::-1]
    run = RUN.match
    for anchor in anchors:
        # The words to walk back over: the anchor's own (when it goes on before it) too.
        count = before + 1 if anchor and not text[anchor - 1].isspace() else before
        position = size - anchor  # in the reversed text
        for _ in range(count):
            found = run(backwards, position)
            if found is None:
                position = size
                break
            position = found.end()
        low = size - position
        # The words to walk forward over: the anchor's own counts as the first one.
        count = after if anchor < size and not text[anchor].isspace() else after - 1
        high = anchor
        for _ in range(count):
            found = run(text, high)
            if found is None:
                high = size
                break
            high = found.end()
        add_window(windows, low, high)
    return windows


@given(st.text(alphabet="ab \n\t\u00a0\u3000.-é", max_size=60),
       st.lists(st.integers(0, 60), max_size=6), st.integers(0, 10), st.integers(0, 10))
def test_word_windows_are_the_windows_by_words(text: str, anchors: list[int], before: int,
                                               after: int) -> None:
    anchors = sorted({min(a, len(text)) for a in anchors})
    assert word_windows(text, anchors, before, after) == by_words(text, anchors, before, after)


def walked(text: str, anchors: list[int], before: int, after: int) -> list[tuple[int, int]]:
    """The former word_windows: a walk one character at a time."""
    windows: list[tuple[int, int]] = []
    size = len(text)
    for anchor in anchors:
        low = anchor
        while low > 0 and not text[low - 1].isspace():
            low -= 1
        for _ in range(before):
            cursor = low
            while cursor > 0 and text[cursor - 1].isspace():
                cursor -= 1
            while cursor > 0 and not text[cursor - 1].isspace():
                cursor -= 1
            low = cursor
        high = anchor
        for n in range(after):
            while n and high < size and text[high].isspace():
                high += 1
            while high < size and not text[high].isspace():
                high += 1
        add_window(windows, low, high)
    return windows


@given(st.text(alphabet="ab \n\t\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000.-é", max_size=80),
       st.lists(st.integers(0, 80), max_size=8), st.integers(0, 10), st.integers(0, 10))
def test_word_windows_are_the_walked_windows(text: str, anchors: list[int], before: int,
                                             after: int) -> None:
    anchors = sorted({min(a, len(text)) for a in anchors})
    assert word_windows(text, anchors, before, after) == walked(text, anchors, before, after)


def test_every_space_character_splits_words_as_isspace_does() -> None:
    spaces = "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace())
    for space in spaces:
        text = f"aa{space}bb{space}cc"
        assert word_windows(text, [3], 1, 1) == walked(text, [3], 1, 1) == [(0, 5)]
