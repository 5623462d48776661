"""A pattern's matches tried only where one of the characters its every match begins
with stands (quotation marks: a few per article), found by ``str.find``, not at every
position of the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["marked_matches"]


def marked_matches(pattern: re.Pattern[str], text: str, marks: tuple[str, ...]
                   ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match is not empty and
    begins with one of the characters ``marks``: each is tried where a mark stands, from
    where the last match ended (matches do not overlap)."""
    positions = []
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            positions.append(at)
            at = text.find(mark, at + 1)
    positions.sort()
    resume = 0
    for at in positions:
        if at >= resume:
            match = pattern.match(text, at)
            if match is not None:
                resume = match.end()
                yield match
