"""Number words (``data/numbers.json``), loaded once: the one table the quantity parser,
the figure extractor and the time extractor read "two", "first" and "dozens of" from.

>>> cardinals(2, 5)
{'two': 2, 'three': 3, 'four': 4, 'five': 5}
>>> list(ordinals(highest=4))
['first', 'second', 'third', 'fourth']
>>> "a dozen" in cardinals(2, 50), "a dozen" in cardinals(2, 50, phrases=False)
(True, False)
"""

from __future__ import annotations

from functools import cache
from typing import Any

from zjopen.lexicon.load import load_json

__all__ = ["cardinals", "number_table", "ordinals"]


@cache
def number_table() -> dict[str, Any]:
    """The whole table: ``cardinals``, ``ordinals``, ``scales``, ``fractions``,
    ``multiples``, ``vague`` and ``durations`` (the file's "about" says what each is)."""
    raw: dict[str, Any] = load_json("numbers.json")
    return raw


def _between(section: str, lowest: int, highest: int | None,
             phrases: bool) -> dict[str, int]:
    return {word: int(value) for word, value in number_table()[section].items()
            if lowest <= value and (highest is None or value <= highest)
            and (phrases or " " not in word)}


def cardinals(lowest: int = 0, highest: int | None = None, *,
              phrases: bool = True) -> dict[str, int]:
    """The cardinal number words ("two", "a dozen") whose value is from ``lowest`` to
    ``highest``, with their values, in the table's order; without ``phrases``, only
    the single words."""
    return _between("cardinals", lowest, highest, phrases)


def ordinals(lowest: int = 1, highest: int | None = None) -> dict[str, int]:
    """The ordinal number words ("first", "tenth") whose value is from ``lowest`` to
    ``highest``, with their values, in the table's order."""
    return _between("ordinals", lowest, highest, phrases=True)
