"""Adversarial strings for a regular expression, built from the pattern itself.

Catastrophic backtracking needs a long run of characters that several parts of a
pattern can each consume, followed by something that makes the match fail; quadratic
searches need a long run that every start position scans to its end. So for each
pattern this builds long runs of the characters its classes and literals accept (each
alone, in pairs, with the pattern's literal words between), each followed by a
character the pattern cannot end on, and a set of generic shapes (spaces, digits and
commas, capitalised words, "Co., Ltd." ...).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

try:  # the regular expression parser: re._parser from Python 3.11, sre_parse before
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef,unused-ignore]

GENERIC = (
    "a", "A", "1", " ", "\n", "1,", "1.", "Ab ", "Ab-", "ab ", "A.", "Co., Ltd. ", "(A",
    "'s ", "the ", "1 ", "a-", "Aa", "A ", "12,345 ", "2025, ", "and ", "- ", "-- ", "\t",
    "Ab and ", "Ab of ", "Ab's ", "\"a ", "a\"", "(", ")", ".", ",", "'", "  \n",
)
_CATEGORY = {
    "CATEGORY_DIGIT": "17", "CATEGORY_NOT_DIGIT": "a ,", "CATEGORY_SPACE": " \n\t",
    "CATEGORY_NOT_SPACE": "aA1-", "CATEGORY_WORD": "aA1_", "CATEGORY_NOT_WORD": " -,.",
    "CATEGORY_LINEBREAK": "\n", "CATEGORY_NOT_LINEBREAK": "a ",
}
_PROBES = "aAzZ019 \n\t-_,.;:'\"()&+/|%$€¥“”’—–\u00a0é中"  # for negated classes


def _category(av: Any) -> str:
    return _CATEGORY.get(str(av).rsplit(".", 1)[-1].upper(), "")


def _class_chars(items: list[tuple[Any, Any]]) -> str:
    """A few characters a character class accepts (both ends of each range)."""
    negate = any(op is sre_parse.NEGATE for op, _ in items)
    chars: list[str] = []
    for op, av in items:
        if op is sre_parse.LITERAL:
            chars.append(chr(av))
        elif op is sre_parse.RANGE:
            low, high = av
            chars += [chr(low), chr(high), chr((low + high) // 2)]
        elif op is sre_parse.CATEGORY:
            chars += list(_category(av))
    if negate:
        pattern = re.compile("[^" + "".join(re.escape(c) for c in chars) + "]") if chars \
            else re.compile("(?s:.)")
        return "".join(c for c in _PROBES if pattern.fullmatch(c))[:6]
    return "".join(dict.fromkeys(chars))[:12]


def parts(pattern: str, flags: int = 0) -> tuple[list[str], list[str]]:
    """The characters a pattern's classes and literals accept, and its literal words
    (runs of literal characters)."""
    chars: dict[str, None] = {}
    words: dict[str, None] = {}

    def walk(items: Any) -> None:
        run: list[str] = []
        for op, av in items:
            if op is sre_parse.LITERAL:
                chars[chr(av)] = None
                run.append(chr(av))
                continue
            if len(run) > 1:
                words["".join(run)] = None
            run = []
            if op is sre_parse.IN:
                chars.update(dict.fromkeys(_class_chars(list(av))))
            elif op is sre_parse.NOT_LITERAL:
                chars.update(dict.fromkeys(c for c in "a 1" if ord(c) != av))
            elif op is sre_parse.ANY:
                chars.update(dict.fromkeys("a \n"))
            elif op is sre_parse.CATEGORY:
                chars.update(dict.fromkeys(_category(av)))
            elif op is sre_parse.SUBPATTERN:
                walk(av[3])
            elif op is sre_parse.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT,
                        getattr(sre_parse, "POSSESSIVE_REPEAT", object())):
                walk(av[2])
            elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
                walk(av[1])
            elif op is getattr(sre_parse, "ATOMIC_GROUP", object()):
                walk(av)
            elif op is sre_parse.GROUPREF_EXISTS:
                walk(av[1])
                if av[2] is not None:
                    walk(av[2])
        if len(run) > 1:
            words["".join(run)] = None

    walk(sre_parse.parse(pattern, flags))
    return list(chars), list(words)


def adversaries(pattern: str, flags: int, size: int) -> Iterator[tuple[str, str]]:
    """(label, text) pairs: strings of about ``size`` characters built against
    ``pattern``."""
    chars, words = parts(pattern, flags)
    chars = chars[:32]
    words = sorted(words, key=len, reverse=True)[:12]
    units: dict[str, None] = dict.fromkeys(GENERIC)
    units.update(dict.fromkeys(chars))
    units.update(dict.fromkeys(a + b for a, b in itertools.islice(
        itertools.combinations(chars[:10], 2), 24)))
    for word in words:
        units.update(dict.fromkeys((word, word + " ", " " + word, word + ", ", word + "-",
                                    word.capitalize() + " ", word[:-1])))
    for unit in units:
        if not unit:
            continue
        run = unit * max(1, size // len(unit))
        yield f"{unit!r} * {len(run) // len(unit)}", run + "\x00!"
    # Literal words strung with the pattern's own characters between them.
    if words:
        glue = [c for c in chars if not c.isalnum()][:4] or [" "]
        for sep in glue:
            chain = itertools.cycle(words)
            pieces: list[str] = []
            total = 0
            while total < size:
                pieces.append(next(chain))
                total += len(pieces[-1]) + len(sep)
            yield f"words joined by {sep!r}", sep.join(pieces) + "\x00!"
