"""The sources of the patterns that find numbers with units (:mod:`zjopen.quantities`),
made from the number words and units of the lexicon: tries of a few hundred words, which
take a run a few milliseconds to write, so the user cache
(:mod:`zjopen.lexicon._user_cache`) keeps them for the words they were made from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon.patterns import trie_alternation

if TYPE_CHECKING:
    from zjopen.quantities import QuantityMatch

__all__ = ["QuantityPatterns", "bare_year", "pattern_sources"]


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so "metric tons" wins over "tons" (written as
    a trie, :func:`zjopen.lexicon.patterns.trie_alternation`: the same matches, found faster)."""
    return trie_alternation(sorted(set(words)))


# Digits with thousands separators and decimals: "[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
# or "[0-9]+(?:\.[0-9]+)?", written with their first digit in front, so that the pattern
# begins with a character class and the engine skips along to the digits in C (a group
# of alternatives in front is tried at every position: a look-ahead guard, at each).
_DIGITS = r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?)"


def pattern_sources(words: list[str], multiples: list[str], scales: list[str],
                     before: list[str], after: list[str]) -> tuple[str, ...]:
    """The sources of the patterns of :func:`zjopen.quantities._patterns` for these number
    words, multiples, scale words, and currencies and units written before and after a
    number: from the user cache when it holds them for these words (and this code), else
    built."""
    def made_from() -> Iterator[bytes]:  # (read only when there is a cache)
        yield from user_cache.source(__file__, "_quantity_patterns.py", "patterns.py")
        yield "\x00".join("\x01".join(part)
                          for part in (words, multiples, scales, before, after)).encode()

    try:
        path = user_cache.file("quantities", made_from())
    except OSError:  # pragma: no cover - a package without its sources
        path = None
    return user_cache.built_or_read(
        path, lambda: _built_sources(words, multiples, scales, before, after),
        list, _stored_sources)


def _stored_sources(stored: Any) -> tuple[str, ...]:
    """The five sources the user cache's file holds (anything else: an error)."""
    if type(stored) is not list or len(stored) != 5 or any(type(s) is not str for s in stored):
        raise ValueError("not the sources of the quantity patterns")
    return tuple(stored)


def _built_sources(words: list[str], multiples: list[str], scales: list[str],
                   before: list[str], after: list[str]) -> tuple[str, ...]:
    word_alt = _alternation(words)
    multiple_alt = _alternation(multiples)
    # Scale words: long forms anywhere; the one-letter ones only right after a currency.
    long_scales = _alternation([s for s in scales if len(s) > 1])
    # Each pattern begins with a digit or a letter of a known word, so the regex engine
    # skips ahead quickly; the boundary before a match is checked in Python.
    number_source = (
        rf"(?P<num>{_DIGITS})"
        rf"(?P<plus>\+|-plus)?"
        rf"(?:[\s-]?(?P<scale>{long_scales})\b|(?P<short>[kmbKMB])\b)?"
        rf"(?P<plus2>-plus)?")
    prefix_source = rf"(?:{_alternation(before)})\s?\Z"
    words_source = (
        rf"(?P<mult>{multiple_alt.lower()})\b"
        rf"|(?P<word>{word_alt.lower()})(?:[\s-](?P<wscale>{long_scales.lower()}))?\b")
    unit_after_source = (
        rf"(?:\s?-?\s?)(?:(?:working|business|calendar|consecutive|straight|full)\s)?"
        rf"(?P<unit>{_alternation(after)})(?![A-Za-z0-9]|-(?:on|over|to)-)")  # year-on-year
    starts_source = _alternation([w.lower() for w in [*words, *multiples]])
    return number_source, prefix_source, words_source, unit_after_source, starts_source


# (a plain class: an attrs class's methods are generated and compiled at import)
class QuantityPatterns:
    """The patterns and tables :mod:`zjopen.quantities` finds numbers with (its
    ``_patterns()``), each read from a slot."""

    number: re.Pattern[str]  # digits and what follows them; starts with a digit (fast)
    prefix: re.Pattern[str]  # a currency written before the digits, searched backwards
    prefix_ascii: re.Pattern[str]  # prefix for ASCII text lower-cased (faster)
    words: re.Pattern[str]  # number words, multiples, fractions, durations
    word_starts: re.Pattern[str]  # the words alone: where a match of ``words`` may begin
    word_keys: dict[bytes, tuple[str, ...]]  # the words by a run of letters each holds
    unit_after: re.Pattern[str]
    unit_after_ascii: re.Pattern[str]  # unit_after for ASCII text lower-cased (faster)
    before: dict[str, str]
    after: dict[str, str]
    scales: dict[str, int]
    prefix_singles: frozenset[str]  # the currencies of one character ("$")
    prefix_pairs: frozenset[str]  # the last two characters of the longer ones ("s$")

    __slots__ = ("after", "before", "number", "prefix", "prefix_ascii", "prefix_pairs",
                 "prefix_singles", "scales", "unit_after", "unit_after_ascii", "word_keys",
                 "word_starts", "words")

    def __init__(
        self,
        number: re.Pattern[str],
        prefix: re.Pattern[str],
        prefix_ascii: re.Pattern[str],
        words: re.Pattern[str],
        word_starts: re.Pattern[str],
        word_keys: dict[bytes, tuple[str, ...]],
        unit_after: re.Pattern[str],
        unit_after_ascii: re.Pattern[str],
        before: dict[str, str],
        after: dict[str, str],
        scales: dict[str, int],
        prefix_singles: frozenset[str],
        prefix_pairs: frozenset[str],
    ) -> None:
        self.number, self.prefix, self.prefix_ascii = number, prefix, prefix_ascii
        self.words, self.word_starts, self.word_keys = words, word_starts, word_keys
        self.unit_after, self.unit_after_ascii = unit_after, unit_after_ascii
        self.before, self.after, self.scales = before, after, scales
        self.prefix_singles, self.prefix_pairs = prefix_singles, prefix_pairs


def bare_year(text: str, start: int, patterns: QuantityPatterns, low_ascii: str | None,
              out: list[QuantityMatch]) -> bool:
    """Whether the four characters of a number at ``start`` (with no currency before
    them) are a year, 1950-2099, that ``zjopen.quantities`` makes a bare count of, or
    nothing (glued to letters): no unit after it, no slash beside it, and no number
    written with digits just before it, across a gap that may join a range ("500-2000").
    The figures finder drops such a count first (``is_not_a_metric``); with nothing
    made for it, no other quantity changes (a range's gap holds no digit)."""
    if not (text.startswith(_CENTURIES, start) and text[start + 2 : start + 4].isdigit()
            and (text[start] == "2" or text[start + 2] >= "5")):
        return False
    end = start + 4
    if text[end : end + 1] == "/" or text[start - 1 : start] == "/":
        return False  # (a fraction, "1950/2000 of": quantities._slashed)
    if (patterns.unit_after.match(text, end) if low_ascii is None
            else patterns.unit_after_ascii.match(low_ascii, end)) is not None:
        return False  # "2000 tons"
    if out and out[-1].form == "digits" and start - out[-1].end <= _RANGE_GAP_MOST:
        gap = text[out[-1].end : start]
        return not ("-" in gap or "~" in gap or "to" in gap or "and" in gap)
    return True


_CENTURIES = ("19", "20")
_RANGE_GAP_MOST = 5  # the longest gap of quantities._RANGE_GAP (" - ", " to ", " and ")
