"""Patterns that ignore case, for ASCII text lower-cased first: matched without
IGNORECASE, which lets the regex engine skip each alternative of an alternation at its
first letter (with IGNORECASE it enters every one).

For an ASCII string, ``lowered_compile(source).match(text.lower())`` matches where
``re.compile(source, re.IGNORECASE).match(text)`` does, at the same offsets: in ASCII
text a letter ignoring case is its lower case, and lower-casing ASCII keeps every offset.
(Text that is not ASCII is matched as it is, with IGNORECASE: lower-casing can change its
length, and IGNORECASE matches some letters to others, "ſ" to "s".)
"""

from __future__ import annotations

import re
from typing import cast

from zjopen.lexicon._compile_cache import register
from zjopen.lexicon.patterns import LazyPattern

__all__ = ["lowered", "lowered_compile"]


def lowered(source: str, _flags: int = 0) -> str:
    """A pattern's source with its letters A-Z in lower case, what a backslash escapes
    (``\\A``, ``\\s``) kept: matched without IGNORECASE against a lower-cased ASCII
    line, it matches where the source matches the line with IGNORECASE (in ASCII text, a
    letter ignoring case is its lower case; lower-casing ASCII keeps every offset)."""
    out = []
    escaped = False
    for char in source:
        out.append(char if escaped or not "A" <= char <= "Z" else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


def _compile_lowered(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(lowered(source), flags)


# (compiled patterns are kept across runs, lexicon/_compile_cache.py: this one too)
register(_compile_lowered, "lowered", lowered)


def lowered_compile(source: str) -> re.Pattern[str]:
    """The pattern ``source`` with its letters in lower case, compiled on first use
    (and kept across runs, as every LazyPattern is), for lower-cased ASCII text."""
    return cast("re.Pattern[str]", LazyPattern(_compile_lowered, source, 0))
