"""Small text helpers shared by the extractors."""

from __future__ import annotations

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
    """A regular expression's literals in lower case, its group names kept.

    >>> lower_pattern(r"(?P<q>First|Q[1-4])\\s")
    '(?P<q>first|q[1-4])\\\\s'
    """
    lowered = pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    for escape in ("\\a", "\\b", "\\d", "\\s", "\\w", "\\z"):
        # \A, \B, \D, \S, \W, \Z would change meaning when lower-cased
        if escape.upper() in pattern:
            raise ValueError(f"pattern uses {escape.upper()!r}, which lower-casing breaks")
    return lowered
