"""Sentence boundaries inside a paragraph, robust to abbreviations and decimals.

>>> text = "Ningbo Co., Ltd. grew 4.5% in the U.S. market. Exports rose. On Aug. 3 it ended."
>>> [text[s:e] for s, e in sentences(text)]
['Ningbo Co., Ltd. grew 4.5% in the U.S. market.', 'Exports rose.', 'On Aug. 3 it ended.']
>>> text = "Exports rose 8 percent year-on-year.The imports at chinadaily.com.cn fell."
>>> [text[s:e] for s, e in sentences(text)]
['Exports rose 8 percent year-on-year.', 'The imports at chinadaily.com.cn fell.']
"""

from __future__ import annotations

from zjopen.lexicon.patterns import lazy_compile

# A candidate boundary: terminal punctuation, optional closing quotes or brackets,
# white space (group 1), then something that can open a sentence. Linear: no nested
# repeats. Or a full stop glued to the next sentence's word, after a word's lower-case
# letters ("year-on-year.The imports", as pages print it): group 1 empty.
_GAP = r"(\s+|(?<=[a-z][a-z]\.)(?=[A-Z][a-z]))"
_BOUNDARY = lazy_compile(rf"[.!?。！？][\"'”’)\]]*{_GAP}(?=[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff])")
# The same for a paragraph whose one stop is the full stop (most): a literal first
# character, which the regex engine finds as fast as str.find (a class of several
# characters is tested character by character).
_DOT_BOUNDARY = lazy_compile(rf"\.[\"'”’)\]]*{_GAP}(?=[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff])")

_ABBREVIATIONS = frozenset({
    "co", "ltd", "inc", "corp", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.k", "u.n", "e.u", "p.r.c", "vs", "etc", "e.g", "i.e", "jr", "sr", "gov", "dept", "est",
    "approx", "fig", "govt", "mt", "ft", "pt", "rd", "ave", "blvd", "u.s.a",
})
# Abbreviations that end sentences often enough that a capital after them is a new
# sentence unless a digit follows ("No. 5", "Aug. 3" keep going).
_BEFORE_DIGIT = frozenset({"no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                           "sept", "oct", "nov", "dec", "fig", "art", "vol", "p", "pp"})
# The characters of a token before a dot: ASCII letters and dots.
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_TOKEN_REACH = 13  # a token's length at most: a letter and 12 letters or dots


def _last_token(text: str, dot: int) -> str | None:
    """The token ending at the dot ``text[dot]``: the longest run of letters and dots
    before it, of at most 13 characters, from its first letter ("U.S" of "the U.S.");
    None when there is none (or ``text[dot]`` is no dot). Found with two strips (in
    C), not a regex search tried at each of the 13 positions before the dot."""
    if text[dot : dot + 1] != ".":
        return None
    window = text[max(0, dot - _TOKEN_REACH) : dot]
    token = window[len(window.rstrip(_WORD_CHARS)) :].lstrip(".")
    return token or None


def _is_abbreviation(text: str, dot: int, next_char: str) -> bool:
    found = _last_token(text, dot)
    if found is None:
        return False
    token = found.lower()
    if token in _BEFORE_DIGIT:
        return next_char.isdigit()
    if token in _ABBREVIATIONS:
        # "... in the U.S. The next" is rare; "Co., Ltd. The" ends a sentence only
        # when the abbreviation is a company suffix at the end of a name: keep going.
        return token not in {"etc"}
    return len(token) == 1 and token.isalpha() and token.upper() == found


def sentences(paragraph: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets in ``paragraph``, shifted by ``offset``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        dot = match.start()
        next_char = paragraph[match.end()] if match.end() < len(paragraph) else ""
        if paragraph[dot] == "." and _is_abbreviation(paragraph, dot, next_char):
            continue
        end = match.start(1)
        if end > start:
            spans.append((offset + start, offset + end))
        start = match.end()
    tail = paragraph[start:].rstrip()
    if tail:
        spans.append((offset + start, offset + start + len(tail)))
    return spans
