"""Small text helpers shared by the extractors."""

from __future__ import annotations

import re

_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def ascii_lower(text: str) -> str:
    """A-Z to a-z and nothing else, so every offset stays the same (``str.lower`` can
    change the length of some non-ASCII text). Patterns written in lower case and run
    on this text are many times faster than ``re.IGNORECASE`` ones.

    >>> ascii_lower("Q1 of 2025 in İzmir")
    'q1 of 2025 in İzmir'
    """
    return text.translate(_ASCII_LOWER)


def lower_pattern(pattern: str) -> str:
    r"""A regular expression's literals in lower case; escapes (``\A``, ``\Z``, ``\S``)
    and group names kept.

    >>> lower_pattern(r"(?P<q>First|Q[1-4])\s\Z")
    '(?P<q>first|q[1-4])\\s\\Z'
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])  # an escape keeps its case
            i += 2
        elif pattern.startswith(("(?P<", "(?P="), i):
            close = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : close + 1])
            i = close + 1
        else:
            out.append(char.lower() if char.isascii() else char)
            i += 1
    return "".join(out)


def lower_compile(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern compiled for :func:`ascii_lower` text (``re.IGNORECASE``
    without its cost)."""
    return re.compile(lower_pattern(pattern))
