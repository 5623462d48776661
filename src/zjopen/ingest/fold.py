"""Characters folded for the extractors, lines split and hard-wrapped lines joined.

>>> normalise("１２３，“ok”—fine")
'123,"ok"-fine'
"""

from __future__ import annotations

import re

from zjopen.ingest._meta_lines import meta_line
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
_FOLD_TARGETS = frozenset(_FOLD_STR.values()) & frozenset(_FOLD_STR)  # folded, and folds
# The characters folded, as one class: news text holds few of them, and replacing each
# one found is many times faster than str.translate's lookup of every character. (What
# _folded_in finds; tests/test_ingest_fast_paths.py holds it as the oracle.)
_FOLDED = lazy_compile("[" + "".join(sorted(re.escape(c) for c in _FOLD_STR)) + "]")
_CONTROL = lazy_compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ud800-\udfff]")
_FOLD_KEYS = frozenset(_FOLD_STR)
_FOLDED_ASCII = tuple(sorted(char for char in _FOLD_STR if char.isascii()))  # ("`",)
_ASCII_BYTES = bytes(range(128))


def _folded_in(text: str) -> set[str]:
    """The folded characters in ``text`` (``set(_FOLDED.findall(text))``), found in C:
    those beyond ASCII among the characters left of its UTF-8 when every ASCII byte is
    deleted (in UTF-8 no character but an ASCII one has a byte below 0x80; a surrogate
    passes as the three bytes it would be), the ASCII ones ("`") each looked for."""
    beyond = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    found = set(beyond.decode("utf-8", "surrogatepass")) & _FOLD_KEYS
    for char in _FOLDED_ASCII:
        if char in text:
            found.add(char)
    return found


def normalise(text: str) -> str:
    """Fold quotes, spaces, dashes and full-width forms to ASCII, one character for one.

    >>> normalise("１２３，“ok”—fine")
    '123,"ok"-fine'
    """
    if text.isascii():  # only the backtick folds
        return text.replace("`", "'") if "`" in text else text
    # Each character found is replaced everywhere at once (str.replace, in C): the same
    # text as replacing each occurrence, as long as a character that others fold into
    # ("`", from the full-width one) is replaced before them.
    found = _folded_in(text)  # (the regex engine read each character, this in C)
    for char in (*(found & _FOLD_TARGETS), *(found - _FOLD_TARGETS)):
        text = text.replace(char, _FOLD_STR[char])
    return text


_CONTINUES = guarded_compile(
    r"(?:[,;(\-–]|\b(?:and|or|of|the|a|an|in|on|to|for|with|by|from|at|as"
    r"|than|its|their|that|which|who|per|about|over|under))\Z"
)
# A match of _CONTINUES is one of its words (five letters at most) or one character at
# the end: searched for in the line's last characters only (what comes before them is
# still seen by "\b"), not tried at every position of a long line.
_CONTINUES_REACH = 6


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
            tail = max(0, len(previous) - _CONTINUES_REACH)
            if ((previous[-1:] not in ".!?:\"”'’)]" and stripped[0].islower())
                    or _CONTINUES.search(previous, tail)) and meta_line(stripped) is None:
                joined[-1] = f"{previous} {stripped}"
                continue
        joined.append(line)
    return joined


# The bytes that are no ASCII control character (of _CONTROL): the other ASCII ones and
# every byte of a longer UTF-8 sequence (0x80 and above).
_NOT_CONTROL = bytes(code for code in range(256) if not (
    code <= 0x08 or code in (0x0B, 0x0C) or 0x0E <= code <= 0x1F or code == 0x7F))


def _has_control(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_CONTROL`, found in C: its ASCII ones
    are the bytes left of its UTF-8 when every other byte is deleted (in UTF-8 no
    character but an ASCII one has a byte below 0x80); U+2028 and U+2029 are looked for
    as they are; a surrogate (U+D800 to U+DFFF) is the one character UTF-8 cannot encode."""
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate
        return True
    return bool(encoded.translate(None, _NOT_CONTROL)) or "\u2028" in text or "\u2029" in text


def split_lines(text: str) -> list[str]:
    """The lines of a text, any line break, control characters as spaces."""
    if "\r" in text:  # (most text has none: one character is looked for many times
        # faster than the two of "\r\n", which str.replace looks for even when absent)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # (text with no control character, most, is left as it is: a search of the pattern
    # reads each character in Python's regex engine, _has_control in C)
    if _has_control(text):
        text = _CONTROL.sub(" ", text)
    return text.split("\n")
