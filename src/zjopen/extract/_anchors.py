"""Where a pattern that ends in a word and ``\\b`` can match: the places its word stands
whole, the anchors of the windows (:func:`zjopen.lexicon.patterns.word_windows`) it is
searched in."""

from __future__ import annotations

__all__ = ["word_anchors"]

# The words of each table by the shortest word of the table each begins with (its
# root): the longer ones ("reforms", "programme", "Company") are looked for only where
# their root stands, one pass through the text for all of them.
_BY_ROOT: dict[tuple[str, ...], list[tuple[str, list[tuple[str, int]]]]] = {}


def _by_root(words: tuple[str, ...]) -> list[tuple[str, list[tuple[str, int]]]]:
    groups = _BY_ROOT.get(words)
    if groups is None:
        found: dict[str, list[tuple[str, int]]] = {}
        for word in words:
            root = min((other for other in words if word.startswith(other)), key=len)
            found.setdefault(root, []).append((word, len(word)))
        groups = _BY_ROOT[words] = list(found.items())
    return groups


def word_anchors(text: str, words: tuple[str, ...]) -> list[int]:
    """Where one of ``words`` stands after a space and ends a word (no word character
    after it: where ``\\b`` after it holds), in order: ``find_all(text, words,
    after_space=True)`` without the places a pattern that reads the word and then
    ``\\b`` cannot match ("export", "portfolio", "marketing" for "expo", "port",
    "market"). Each match's word is one of them, and its window holds the match."""
    found = []
    for root, group in _by_root(words):
        position = text.find(root)
        while position >= 0:
            if position and text[position - 1].isspace():
                for word, size in group:
                    if size == len(root) or text.startswith(word, position):
                        after = text[position + size : position + size + 1]
                        if not (after.isalnum() or after == "_"):
                            found.append(position)
            position = text.find(root, position + 1)
    return sorted(found)
