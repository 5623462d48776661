"""The uses of a few names in a text (an article's abbreviations, its companies' short
names), found by ``str.find``: what a search with the alternation of the names finds,
without building and compiling that pattern for each article (some 100 µs, more than
the search)."""

from __future__ import annotations

import re

from zjopen.lexicon.patterns import trie_alternation

__all__ = ["Uses"]

_FEW = 8  # more names than this: the compiled alternation (one scan for all of them)


class Uses:
    """``re.compile(rf"(?:{trie_alternation(names)})(?![\\w-])").search(text, position)``
    for positions that never go back: the leftmost use, the longest name there. Each
    name's first use from the last position is kept, and looked for again only once the
    position has passed it, so every name's uses are read once."""

    __slots__ = ("_names", "_next", "_pattern", "_text")

    def __init__(self, text: str, names: list[str]) -> None:
        self._text = text
        self._names = names
        self._next = [-2] * len(names)  # each name's next use: -2 not looked for, -1 none
        self._pattern = (re.compile(rf"(?:{trie_alternation(names)})(?![\w-])")
                         if len(names) > _FEW else None)

    def search(self, position: int) -> tuple[int, str] | None:
        """Where the first use from ``position`` begins, and its name."""
        if self._pattern is not None:
            match = self._pattern.search(self._text, position)
            return None if match is None else (match.start(), match.group())
        best_at, best = -1, ""
        for index, name in enumerate(self._names):
            at = self._next[index]
            if at == -2 or 0 <= at < position:
                at = self._next[index] = self._first(name, position)
            if at >= 0 and (best_at < 0 or at < best_at
                            or (at == best_at and len(name) > len(best))):
                best_at, best = at, name
        return None if best_at < 0 else (best_at, best)

    def _first(self, name: str, position: int) -> int:
        """The first use of ``name`` from ``position`` that no word character or hyphen
        follows, or -1."""
        text, size = self._text, len(name)
        at = text.find(name, position)
        while at >= 0:
            after = text[at + size : at + size + 1]
            if not (after.isalnum() or after == "_" or after == "-"):
                return at
            at = text.find(name, at + 1)
        return -1
