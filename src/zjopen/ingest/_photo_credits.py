"""Photo credits inside a caption, taken out of its text: "(Xinhua/Huang Zongzhi)",
"(Photo provided to China Daily)", "[Photo/chinadaily.com.cn]". The agencies that
credit photos are data (``data/furniture.json``, "credits").

>>> strip_credits("Ships at Ningbo port. (Xinhua/Huang Zongzhi)")
'Ships at Ningbo port.'
"""

from __future__ import annotations

import re

from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import alt, lazy_compile

_CREDITS = alt(load_json("furniture.json")["credits"])
_PAREN_CREDIT = (rf"\({_CREDITS}"
                 r"(?:\s*/\s*|\s+by\s+|\s*:\s*|\s+provided\s+to\s+)[^()\n]{0,80}\)")
_BRACKET_CREDIT = r"\[Photo[^\[\]\n]{0,120}\]"
# White space before a credit: "(?:(?<!\s)\s+)?" where "\s*" would do, the same matches
# (a match never begins inside a run of white space) without reading a long run again
# from each of its characters (quadratic: ReDoS audit, docs/redos.md).
_SPACE_BEFORE = r"(?:(?<!\s)\s+)?"
# A credit with the white space before it (what without_credits takes out).
CREDIT = lazy_compile(rf"{_SPACE_BEFORE}{_PAREN_CREDIT}|{_SPACE_BEFORE}{_BRACKET_CREDIT}",
                      re.IGNORECASE)
# Where a credit can begin, each with a literal first character, which the regex engine
# finds like str.find (the credit's leading white space makes CREDIT try every
# position, and a class of two first characters is tested character by character).
_CREDIT_PAREN = lazy_compile(rf"\({_CREDITS}", re.IGNORECASE)
_CREDIT_BRACKET = lazy_compile(r"\[Photo", re.IGNORECASE)
# CREDIT without its leading white space: what without_credits looks for.
_CREDIT_AT = lazy_compile(rf"{_PAREN_CREDIT}|{_BRACKET_CREDIT}", re.IGNORECASE)


def strip_credits(line: str) -> str:
    """``line`` without its credits, stripped."""
    # (credits are in brackets: a search made only where its bracket is)
    if ("(" in line and _CREDIT_PAREN.search(line)) or (
            "[" in line and _CREDIT_BRACKET.search(line)):
        line = without_credits(line)
    return line.strip()


def without_credits(line: str) -> str:
    r"""``CREDIT.sub("", line)``: each credit found from its bracket (the search skips
    ahead in C) and taken out with the white space before it. A match of CREDIT is a
    match of _CREDIT_AT with the whole run of white space before it (``(?<!\s)\s+``
    starts only where a run starts, and takes all of it: a bracket follows no space), a
    run that begins after the credit before (which ends in a bracket)."""
    pieces = []
    last = 0
    for match in _CREDIT_AT.finditer(line):
        start = match.start()
        while start > last and line[start - 1].isspace():
            start -= 1
        pieces.append(line[last:start])
        last = match.end()
    pieces.append(line[last:])
    return "".join(pieces)
