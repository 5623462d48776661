"""Where a pattern that ends in a word and ``\\b`` can match: the places its word stands
whole, the anchors of the windows (:func:`zjopen.lexicon.patterns.word_windows`) it is
searched in."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from zjopen.lexicon.patterns import lazy_compile

__all__ = ["anchor_keys", "word_anchors"]

# The words of each table by the shortest word of the table each begins with (its
# root): the longer ones ("reforms", "programme", "Company") are looked for only where
# their root stands, one pass through the text for all of them. With each root, the
# keys of its words (see anchor_keys), or None when a word has none.
_Group = tuple[str, list[tuple[str, int]], frozenset[str] | None]
_BY_ROOT: dict[tuple[str, ...], list[_Group]] = {}
_KEY = lazy_compile(r"[A-Za-z0-9]+")


def _by_root(words: tuple[str, ...]) -> list[_Group]:
    groups = _BY_ROOT.get(words)
    if groups is None:
        found: dict[str, list[tuple[str, int]]] = {}
        for word in words:
            root = min((other for other in words if word.startswith(other)), key=len)
            found.setdefault(root, []).append((word, len(word)))
        groups = _BY_ROOT[words] = [(root, group, _keys(word for word, _ in group))
                                    for root, group in found.items()]
    return groups


def _keys(words: Iterable[str]) -> frozenset[str] | None:
    keys = []
    for word in words:
        key = _KEY.match(word)
        if key is None:
            return None
        keys.append(key.group())
    return frozenset(keys)


def anchor_keys(words: tuple[str, ...]) -> frozenset[str]:
    """The words of a text's split (:class:`~zjopen.extract._tables.TextWords`) that one
    of ``words`` can stand at: each one's first run of ASCII letters and digits ("pilot"
    of "pilot program"). Where one of ``words`` stands after a space and ends before no
    letter, digit or "_", a word of the split begins, and it is that run, or that run
    and an apostrophe's tail ("don't"): a text whose split has no word with an apostrophe
    and none of a word's keys has no anchor for it."""
    return frozenset().union(*(keys for _, _, keys in _by_root(words) if keys is not None))


def word_anchors(text: str, words: tuple[str, ...], *,
                 present: Collection[str] | None = None) -> list[int]:
    """Where one of ``words`` stands after a space and ends a word (no word character
    after it: where ``\\b`` after it holds), in order: ``find_all(text, words,
    after_space=True)`` without the places a pattern that reads the word and then
    ``\\b`` cannot match ("export", "portfolio", "marketing" for "expo", "port",
    "market"). Each match's word is one of them, and its window holds the match.

    With ``present`` (the words of the text's split that are :func:`anchor_keys` of
    ``words``, from a split with no word holding an apostrophe), a root whose words'
    keys are none of them is not looked for: it has no anchor."""
    found = []
    for root, group, keys in _by_root(words):
        if present is not None and keys is not None and keys.isdisjoint(present):
            continue
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
