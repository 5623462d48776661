"""Characters folded for the extractors, lines split and hard-wrapped lines joined.

>>> normalise("１２３，“ok”—fine")
'123,"ok"-fine'
"""

from __future__ import annotations

import re

from zjopen.ingest.clean import meta_line
from zjopen.lexicon.patterns import guarded_compile, lazy_compile

__all__ = ["normalise", "split_lines", "unwrap"]


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
    for chars, plain in (
        ("‘’‚‛′`´", "'"),
        ("“”„‟″«»", '"'),
        ("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
        ("‐‑‒–—―−﹣", "-"),
        ("、", ","),
        ("。", "."),
        ("￥", "¥"),
        ("\u200b\u200c\u200d\u2060\ufeff", " "),
    ):
        for char in chars:
            table[ord(char)] = plain
    return table


_FOLD = _fold_table()
_FOLD_STR = {chr(code): plain for code, plain in _FOLD.items()}
# The characters folded, as one class: news text holds few of them, and replacing each
# one found is many times faster than str.translate's lookup of every character.
_FOLDED = lazy_compile("[" + "".join(sorted(re.escape(c) for c in _FOLD_STR)) + "]")
_CONTROL = lazy_compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ud800-\udfff]")


def normalise(text: str) -> str:
    """Fold quotes, spaces, dashes and full-width forms to ASCII, one character for one.

    >>> normalise("１２３，“ok”—fine")
    '123,"ok"-fine'
    """
    if text.isascii():  # only the backtick folds
        return text.replace("`", "'") if "`" in text else text
    return _FOLDED.sub(lambda match: _FOLD_STR[match.group()], text)


_CONTINUES = guarded_compile(
    r"(?:[,;(\-–]|\b(?:and|or|of|the|a|an|in|on|to|for|with|by|from|at|as"
    r"|than|its|their|that|which|who|per|about|over|under))\Z"
)


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line continues onto the next when it ends without
    closing punctuation and the next starts in lower case, or when it ends in a comma
    or a word no sentence ends with ("of", "the", "and") -- unless the next line is a
    metadata line ("chinadaily.com.cn | Updated: 2024-10-21" under a headline).

    >>> unwrap(["Exports rose in the first two", "months of 2024.", "", "Next one."])
    ['Exports rose in the first two months of 2024.', '', 'Next one.']
    >>> unwrap(["Ningbo port keeps its lead", "chinadaily.com.cn | Updated: 2024-10-21"])
    ['Ningbo port keeps its lead', 'chinadaily.com.cn | Updated: 2024-10-21']
    """
    joined: list[str] = []
    for line in lines:
        stripped = line.strip()
        if joined and stripped and joined[-1].strip():
            previous = joined[-1].rstrip()
            if ((previous[-1:] not in ".!?:\"”'’)]" and stripped[0].islower())
                    or _CONTINUES.search(previous)) and meta_line(stripped) is None:
                joined[-1] = f"{previous} {stripped}"
                continue
        joined.append(line)
    return joined


# The ASCII characters that are not control characters (of _CONTROL), as bytes.
_NOT_CONTROL = bytes(code for code in range(128) if not (
    code <= 0x08 or code in (0x0B, 0x0C) or 0x0E <= code <= 0x1F or code == 0x7F))


def split_lines(text: str) -> list[str]:
    """The lines of a text, any line break, control characters as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # (ASCII text with no control character, most, is left as it is: found in C by
    # deleting every other character from its bytes)
    if not text.isascii() or text.encode("ascii").translate(None, _NOT_CONTROL):
        text = _CONTROL.sub(" ", text)
    return text.split("\n")
