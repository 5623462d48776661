"""Number words (``data/numbers.json``), loaded once: the one table the quantity parser,
the figure extractor and the time extractor read "two", "first" and "dozens of" from.

>>> cardinals(2, 5)
{'two': 2, 'three': 3, 'four': 4, 'five': 5}
>>> list(ordinals(highest=4))
['first', 'second', 'third', 'fourth']
>>> cardinals(21, 23), cardinals(98, 99)
({'twenty-one': 21, 'twenty-two': 22, 'twenty-three': 23}, {'ninety-eight': 98, 'ninety-nine': 99})
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
    raw: dict[str, Any] = dict(load_json("numbers.json"))
    raw["cardinals"] = _with_compounds(raw["cardinals"])
    return raw


def _with_compounds(table: dict[str, int]) -> dict[str, int]:
    """``table`` and, after its words, the compound numbers its tens and units make
    ("twenty-two", "ninety-nine"), as news writes a number that opens a sentence."""
    tens = [(word, value) for word, value in table.items()
            if 20 <= value <= 90 and value % 10 == 0 and " " not in word]
    units = [(word, value) for word, value in table.items()
             if 1 <= value <= 9 and " " not in word]
    return {**table, **{f"{ten}-{unit}": tv + uv for ten, tv in tens for unit, uv in units}}


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
