""":func:`~zjopen.lexicon.patterns.word_windows` a word at a time instead of a character
at a time: the same windows (tests/test_windows.py), each word walked over by one anchored
match of :data:`RUN`, backwards in the reversed text."""

from __future__ import annotations

from zjopen.lexicon.patterns import add_window, lazy_compile

# White space, then one run of other characters (a word as word_windows counts them:
# ``\s`` is ``str.isspace``); possessive, so a match never gives a character back.
RUN = lazy_compile(r"\s*+\S++")


def word_windows(text: str, anchors: list[int], before: int, after: int
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
