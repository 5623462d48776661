"""The time entries of :mod:`zjopen.extract.times` as one scanning pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar, cast

from zjopen.lexicon._compile_cache import register
from zjopen.lexicon.patterns import LazyPattern, guard_pattern, lower_pattern

H = TypeVar("H")


def scanner(entries: list[tuple[str, str, H]], *, plain: bool = False,
            ) -> tuple[re.Pattern[str], dict[str | None, H]]:
    r"""The entries as one pattern of alternatives, in order, and the handler of each;
    with ``plain``, compiled in ASCII mode, for text of ASCII characters only and none of
    ``\x1c``-``\x1f`` (there ``\w``, ``\W``, ``\b``, ``\d`` and ``\s`` match as in
    Unicode mode, and are tested without the Unicode tables: a fifth fewer instructions).

    Each entry is followed by an empty group named ``e_<name>``: it closes after every
    group inside the entry, so ``match.lastgroup`` names the entry that matched. (Ending
    an entry with its group rather than wrapping it in one leaves the alternatives
    starting as written: the engine tests their shared ``\b`` once and rejects most of
    them at their first character. Wrapped, the scan took four times as long.)

    Every entry begins with ``\b`` before a word character, so the pattern begins
    instead with the character before it, ``\W``, and is searched in the text after
    a space (:func:`zjopen.extract.times.find_times`): a pattern that begins with a
    character class is skipped along in C from one candidate to the next, where one that
    begins with ``\b`` is tried in full at every position (five times slower). A match then
    starts one character before its expression, which, in the spaced text, is where
    the expression starts in the text itself; it ends one character after.

    After the ``\W``, a look-ahead for the characters the entries can begin with
    (:func:`~zjopen.lexicon.patterns.guard_pattern`, worked out when the pattern is
    compiled): the engine enters each alternative in turn at every ``\W``, and the
    look-ahead spares it that where none can begin (a space before "rose", "9" or ", "),
    a third of the scan of one group's entries."""
    # "\n" ends a pattern's last comment before the group that follows it.
    source = "|".join(f"(?:{pattern}\n)(?P<e_{name}>)" for name, pattern, _ in entries)
    handlers: dict[str | None, H] = {f"e_{name}": handler
                                            for name, _, handler in entries}
    compiled = LazyPattern(_compile, lower_pattern(source),
                           re.VERBOSE | re.ASCII if plain else re.VERBOSE)
    return cast("re.Pattern[str]", compiled), handlers


def side_by_side(spaced: str, scans: tuple[re.Pattern[str], ...],
                 priority: dict[str | None, int]) -> Iterator[re.Match[str]]:
    """The matches the one scanner of the entries of all ``scans`` (scanners of parts of
    one list of entries, :func:`scanner`) finds in ``spaced``, each searched for from the
    character before the last one's end: ``priority`` gives each entry's place in the
    list, by its group's name.

    The scanners are searched side by side. The match is the leftmost of theirs, and at
    one place the one of the entry first in the list: the one scanner's would be found
    there (no entry matches before it), and it is the first of its entries that matches.
    A scanner's match that begins after the last match's end is its next one still; the
    others are searched for again from there. An entry in two scanners ("year") matches
    the same in both."""
    searches = [scan.search for scan in scans]
    pending = [search(spaced, 0) for search in searches]
    while True:
        best: re.Match[str] | None = None
        for match in pending:
            if match is not None and (best is None or match.start() < best.start() or (
                    match.start() == best.start()
                    and priority[match.lastgroup] < priority[best.lastgroup])):
                best = match
        if best is None:
            return
        end = best.end() - 1
        for index, match in enumerate(pending):
            if match is not None and match.start() < end:
                pending[index] = searches[index](spaced, end)
        yield best


def _source(alternatives: str, flags: int) -> str:
    """The text of the scanning pattern of ``alternatives``: ``\\W``, the look-ahead, them."""
    return r"\W(?:" + guard_pattern(alternatives, flags) + ")"


def _compile(alternatives: str, flags: int) -> re.Pattern[str]:
    return re.compile(_source(alternatives, flags), flags)


# What LazyPattern compiles with _compile is kept across runs (lexicon/_compile_cache.py),
# under this name and the digest of this module, with the alternatives.
register(_compile, "time-scanner", _source)
