"""Where a pattern that ends in a word and ``\\b`` can match: the places its word stands
whole, the anchors of the windows (:func:`zjopen.lexicon.patterns.word_windows`) it is
searched in."""

from __future__ import annotations

__all__ = ["word_anchors"]


def word_anchors(text: str, words: tuple[str, ...]) -> list[int]:
    """Where one of ``words`` stands after a space and ends a word (no word character
    after it: where ``\\b`` after it holds), in order: ``find_all(text, words,
    after_space=True)`` without the places a pattern that reads the word and then
    ``\\b`` cannot match ("export", "portfolio", "marketing" for "expo", "port",
    "market"). Each match's word is one of them, and its window holds the match."""
    found = []
    for word in words:
        size = len(word)
        position = text.find(word)
        while position >= 0:
            if position and text[position - 1].isspace():
                after = text[position + size : position + size + 1]
                if not (after.isalnum() or after == "_"):
                    found.append(position)
            position = text.find(word, position + 1)
    return sorted(found)
