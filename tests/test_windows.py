"""Word windows (lexicon.patterns.word_windows, a character walk) are the windows of a
walk a word at a time, by one anchored match per word (backwards in the reversed text)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.lexicon.patterns import add_window
from zjopen.lexicon.patterns import word_windows as walked

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
    assert walked(text, anchors, before, after) == by_words(text, anchors, before, after)
