"""Small text helpers shared by the extractors, and the builders of patterns from the
word lists of ``data/``: :func:`alt` and :func:`phrase_alt` (alternations, longest word
first), :func:`phrase` and :func:`literal` (one word), :func:`trie_alternation` (a
trie), :func:`lower_compile` and :func:`guarded_compile` (fast, same matches), and
:func:`lazy_compile` (compiled on first use, so that importing costs nothing)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any, cast

from zjopen.lexicon._compile_cache import cached_compile, register


def ascii_lower(text: str) -> str:
    """A-Z to a-z and nothing else, so every offset stays the same (``str.lower`` can
    change the length of some non-ASCII text). Patterns written in lower case and run
    on this text are many times faster than ``re.IGNORECASE`` ones.

    >>> ascii_lower("Q1 of 2025 in İzmir")
    'q1 of 2025 in İzmir'
    """
    if text.isascii():
        return text.lower()  # the same on ASCII text, and many times faster
    # bytes.lower changes only the bytes A-Z, and no byte of a character beyond ASCII in
    # UTF-8 is one: the same as translating A-Z, several times faster.
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


# What lower_pattern leaves as written: escapes and group names ("(?P<Name>",
# "(?P=Name)"), and text with no capital; the capitals in between are lowered. The
# alternation consumes escapes in pairs from the left, as the regex parser reads them.
_KEPT_OR_CAPITALS_SOURCE = (
    r"(?:[^A-Z\\(]+|\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)|\()+|(?P<capitals>[A-Z]+)")


def _lower_capitals(match: re.Match[str]) -> str:
    return match[0].lower() if match["capitals"] else match[0]


def lower_pattern(pattern: str) -> str:
    r"""A regular expression's literals in lower case; escapes (``\A``, ``\Z``, ``\S``)
    and group names kept.

    >>> lower_pattern(r"(?P<q>First|Q[1-4])\s\Z")
    '(?P<q>first|q[1-4])\\s\\Z'
    """
    if ascii_lower(pattern) == pattern:
        return pattern  # no capital anywhere
    return _KEPT_OR_CAPITALS.sub(_lower_capitals, pattern)


# What a compiled pattern offers; a LazyPattern copies them all on its first use.
_PATTERN_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn",
                       "split", "scanner", "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """A regular expression compiled the first time one of its attributes is read.

    Compiling a pattern costs far more than most searches with it, and zjopen has a few
    hundred, many of them for text that a given run never meets; compiled at import,
    they made ``import zjopen`` and the first ``parse()`` slow. A ``LazyPattern`` stands
    where the compiled pattern would, with the same methods and attributes: the first
    read compiles it (``compile(source, flags)``) and stores the compiled pattern's
    bound methods on the instance, so that later calls go straight to them at the cost
    of a compiled pattern's own. It is not an instance of ``re.Pattern``: give
    ``re.sub`` and its like the pattern's methods, not the object.

    >>> words = LazyPattern(re.compile, r"[a-z]+", 0)
    >>> words.findall("two words"), words.pattern
    (['two', 'words'], '[a-z]+')
    """

    def __init__(self, compile: Callable[[str, int], re.Pattern[str]], source: str,
                 flags: int) -> None:
        self._compile = compile
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute the instance does not have yet: compile, and
        # keep every attribute of the compiled pattern so that this is not called again.
        if name not in _PATTERN_ATTRIBUTES:
            raise AttributeError(name)
        compiled = cached_compile(self._compile, self._source, self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            self.__dict__[attribute] = getattr(compiled, attribute)
        # (a class with a __getattr__ hook reads every attribute through it, even one in
        # the instance's dict: once compiled, the instance is of a class with none)
        self.__class__ = _CompiledPattern  # type: ignore[assignment]
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


class _CompiledPattern:
    """A :class:`LazyPattern` once compiled: its attributes, the compiled pattern's, in
    its own dict, read without a ``__getattr__`` hook."""

    _source: str
    _flags: int

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


LAZY_CLASSES = (LazyPattern, _CompiledPattern)
"""The classes of what :func:`lazy_compile` returns, before its first use and after."""


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` done on the pattern's first use (:class:`LazyPattern`),
    for patterns built at import: typed as the compiled pattern it stands for."""
    return cast("re.Pattern[str]", LazyPattern(re.compile, pattern, flags))


# This module's own patterns, compiled on first use (and kept across runs) too.
_KEPT_OR_CAPITALS = lazy_compile(_KEPT_OR_CAPITALS_SOURCE, re.DOTALL)
_HAS_SPECIAL = lazy_compile(r"[\\.^$*+?{}\[\]|()]")
_VERBOSE_SPECIAL = lazy_compile(r"[\s#]")


def lower_compile(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern compiled for :func:`ascii_lower` text (``re.IGNORECASE``
    without its cost), behind a first-character guard (:func:`guard_pattern`); compiled
    on its first use (:func:`lazy_compile`)."""
    return guarded_compile(lower_pattern(pattern))


try:  # the regular expression parser: re._parser from Python 3.11, sre_parse before
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

_MAX_GUARD = 200  # more possible first characters than this: no guard


def _first_chars(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a match of the parsed items can begin with, and whether they can
    match the empty string; None when that cannot be told (a class such as ``\\w``)."""
    p = _sre_parse
    chars: set[str] = set()
    for op, av in items:
        if op is p.LITERAL:
            return chars | {chr(av)}, False
        if op is p.IN:
            if any(o not in (p.LITERAL, p.RANGE) for o, _ in av):
                return None  # a negated set or a category
            for o, a in av:
                chars |= {chr(a)} if o is p.LITERAL else {chr(c) for c in range(a[0], a[1] + 1)}
            return (chars, False) if len(chars) <= _MAX_GUARD else None
        if op is p.AT or op in (p.ASSERT, p.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        if op is p.SUBPATTERN:
            if av[1] or av[2]:
                return None  # flags changed inside the pattern
            inner = [_first_chars(list(av[3]))]
        elif op is p.BRANCH:
            inner = [_first_chars(list(alternative)) for alternative in av[1]]
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT):
            inner = [_first_chars(list(av[2]))]
            if av[0] == 0:
                inner.append((set(), True))
        else:
            return None
        if any(i is None for i in inner):
            return None
        for found in inner:
            assert found is not None
            chars |= found[0]
        if len(chars) > _MAX_GUARD:
            return None
        if not any(found[1] for found in inner if found is not None):
            return chars, False
    return chars, True


def _cheap_start(items: list[tuple[Any, Any]]) -> bool:
    """Whether the pattern begins with a character test (a literal, a set, a repeat of
    one, or alternatives that each begin so)."""
    p = _sre_parse
    op, av = items[0]
    if op in (p.MAX_REPEAT, p.MIN_REPEAT) and av[0] > 0:
        op, av = next(iter(av[2]), (None, None))
    if op is p.BRANCH:
        return all(next(iter(a), (None,))[0] in (p.LITERAL, p.IN) for a in av[1])
    return op in (p.LITERAL, p.IN)


# A match of a pattern written to begin so (a space, a word character, any character)
# can begin with too many characters for a guard: ``_first_chars`` would give None.
_UNTOLD = ("\\A\\s", "\\s", "\\S", "\\w", "\\W", "\\d", "\\D", ".")


def guard_pattern(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind a look-ahead for the characters its matches can begin with.

    Python's regex engine skips ahead quickly only when a pattern starts with a literal
    or a character set; a pattern that starts with a group of alternatives, an optional
    word or ``\\b`` is tried in full at every position. The guard fails at once where no
    match can begin, so a search runs several times faster and finds exactly the same
    matches (the look-ahead is empty and adds no group). Patterns the engine already
    skips on, or whose first characters cannot be told, come back unchanged.

    >>> guard_pattern(r"\\b(?:the\\s)?(?:first|second) half")
    '(?=[fst])(?:\\\\b(?:the\\\\s)?(?:first|second) half)'
    >>> guard_pattern(r"[0-9]+ yuan")  # the engine skips to digits by itself
    '[0-9]+ yuan'
    """
    if pattern.startswith("(?") and pattern[2:3] in set("aiLmsux"):
        return pattern  # global inline flags must stay at the start
    if pattern.startswith(_UNTOLD):
        return pattern  # no need to parse it to know that
    try:
        items = list(_sre_parse.parse(pattern, flags))
        first = _first_chars(items)
    except Exception:  # pragma: no cover - an unknown parser version: no guard
        return pattern
    if first is None or first[1] or not first[0]:
        return pattern
    if items and items[0][0] is _sre_parse.AT and items[0][1] in (
        _sre_parse.AT_BEGINNING, _sre_parse.AT_BEGINNING_STRING
    ):
        return pattern  # anchored at the start: the engine tries one position only
    if _cheap_start(items):
        return pattern  # the engine already rejects a position at its first character
    chars = "".join(sorted(first[0]))
    return f"(?=[{''.join(map(re.escape, chars))}])(?:{pattern})"


def guarded_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of :func:`guard_pattern`: same matches, found faster; the guard is
    worked out and the pattern compiled on its first use (:func:`lazy_compile`)."""
    return cast("re.Pattern[str]", LazyPattern(_compile_guarded, pattern, flags))


def _compile_guarded(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(guard_pattern(pattern, flags), flags)


# What LazyPattern compiles is kept across runs (lexicon/_compile_cache.py).
register(re.compile, "re", None)
register(_compile_guarded, "guarded", guard_pattern)


def trie_alternation(words: list[str]) -> str:
    """An alternation of literal words, longest first, written as a trie.

    ``a|b|c`` sorted longest first is tried one word after another at every position;
    the trie follows the text one character at a time, so a table of a hundred words
    costs little more than one. At any position the words that fit are prefixes of one
    another, on one path of the trie, and the trie tries the longer first: it matches
    exactly what the longest-first alternation matches.

    >>> trie_alternation(["ten", "tens", "tenth", "two"])
    't(?:en(?:s|th)?|wo)'
    >>> import re
    >>> re.findall(trie_alternation(["ten", "tens", "tenth"]), "tenths tens ten")
    ['tenth', 'tens', 'ten']
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [chain(char, child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        if len(branches) == 1 and len(branches[0]) == 1:
            return body + "?"
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"

    def chain(char: str, child: dict[str, Any]) -> str:
        # A run of single children is one literal, so a long word costs no recursion.
        run = [char]
        while len(child) == 1 and "" not in child:
            (char, child), = child.items()
            run.append(char)
        return re.escape("".join(run)) + emit(child)

    return emit(root)


_GROUPED = 4  # the fewest words that begin with one letter given as a group by alt()
_SPECIAL = {ord(char): "\\" + char for char in "\\.^$*+?{}[]|()"}


def literal(text: str) -> str:
    r"""A regular expression that matches ``text``, outside a character class and
    without ``re.VERBOSE``: only the characters special there are escaped (``re.escape``
    escapes spaces and hyphens too, which makes a long word table slower to compile).

    >>> literal("U.S. year-on-year (total)")
    'U\\.S\\. year-on-year \\(total\\)'
    >>> import re
    >>> bool(re.fullmatch(literal("a+b? [c] {1} x|y ^$ \\"), "a+b? [c] {1} x|y ^$ \\"))
    True
    """
    return text.translate(_SPECIAL) if _HAS_SPECIAL.search(text) else text


def alt(words: Iterable[str], *, escape: bool = True, verbose: bool = False) -> str:
    r"""A non-capturing alternation of ``words``, longest first, so that no word shadows a
    longer one it begins ("up" would match the start of "up to").

    The words are literal text, escaped (:func:`literal`); four or more that begin with
    one letter are written as the letter and a group of the rests, so that the regex
    engine tries only the few words that can match where it stands (the same matches,
    found faster). With ``escape=False`` the words are regular expressions already,
    joined as given, the longest text first. With ``verbose``, white space and ``#`` are
    escaped for a ``re.VERBOSE`` pattern. A word given twice is kept once. No words,
    or an empty word, is an error: the group would match the empty string everywhere,
    and a missing word list would pass unnoticed.

    >>> alt(["up", "up to", "upwards of", "under", "a.m."])
    '(?:u(?:pwards of|p to|nder|p)|a\\.m\\.)'
    >>> alt([])
    Traceback (most recent call last):
      ...
    ValueError: an alternation needs at least one word, and no empty word: []
    """
    given = _checked(words)
    if not escape:
        return "(?:" + "|".join(sorted(given, key=len, reverse=True)) + ")"
    if verbose:  # for a re.VERBOSE pattern: white space and "#" are literal too
        return _by_first_letter(given, _verbose_literal)
    return _by_first_letter(given, literal)


def _verbose_literal(text: str) -> str:
    return _VERBOSE_SPECIAL.sub(lambda m: "\\" + m.group(), literal(text))


def _checked(words: Iterable[str]) -> list[str]:
    """The words, each once, in order; an error when there are none or one is empty."""
    given = list(dict.fromkeys(words))
    if not given or not all(given):
        raise ValueError(
            f"an alternation needs at least one word, and no empty word: {given!r}")
    return given


def _by_first_letter(words: list[str], piece: Callable[[str], str]) -> str:
    """The alternation of ``piece(word)`` for each word, longest first, with the words
    that begin with one letter (:data:`_GROUPED` of them or more) after it in one group.
    Words whose first letters differ (in any case) never match at one place, so the
    order among groups does not matter; words whose first letters differ in case alone
    are not grouped but given in turn, longest first, as are those within a group."""
    groups: dict[str, list[tuple[int, str, str]]] = {}
    for word in words:
        text = piece(word)
        groups.setdefault(word[0].casefold(), []).append((-len(text), text, word[0]))
    parts: list[str] = []
    for group in groups.values():
        group.sort(key=itemgetter(0))  # longest first; stable, so ties keep their order
        if len(group) < _GROUPED or any(first != group[0][2] for _, _, first in group):
            parts.extend(text for _, text, _ in group)
            continue
        head = piece(group[0][2])
        parts.append(head + "(?:" + "|".join([text[len(head):] for _, text, _ in group]) + ")")
    return "(?:" + "|".join(parts) + ")"


def phrase(word: str, *, space: str = " ") -> str:
    r"""The regular expression of a word or phrase of a data file: literal text
    (:func:`literal`), where a ``*`` stands for the rest of a word ("increas*":
    increase, increased, increasing) and each space for ``space`` (``\s`` where any
    space character may separate the words).

    >>> phrase("account* for", space=r"\s")
    'account\\w*\\sfor'
    >>> phrase("U.S. dollar")
    'U\\.S\\. dollar'
    """
    escaped = literal(word)
    if "*" in word:
        escaped = escaped.replace(r"\*", r"\w*")
    return escaped if space == " " or " " not in word else escaped.replace(" ", space)


def phrase_alt(words: Iterable[str], *, space: str = " ") -> str:
    r"""An alternation of the words and phrases of a data file, each read by
    :func:`phrase` (a ``*`` ends a stem, a space stands for ``space``), longest first,
    grouped by first letter as :func:`alt` groups them.

    >>> phrase_alt(["rose", "increas*", "edged up"])
    '(?:rose|increas\\w*|edged up)'
    """
    given = _checked(words)
    if any(word[0] in "* " for word in given):
        raise ValueError(f"a word of a word list begins with a space or '*': {given!r}")
    return _by_first_letter(given, lambda text: phrase(text, space=space))


def find_all(text: str, words: tuple[str, ...], *, after_space: bool = False,
             whole_word: bool = False) -> list[int]:
    """Where each of ``words`` occurs in ``text`` (with ``after_space``, only where a
    space character comes before it; with ``whole_word``, only where no letter or digit
    stands on either side), in order: ``str.find`` is many times faster than a regular
    expression that looks for a few words at every position, so a pattern can be tried
    only where its rare literal stands.

    >>> find_all("the first and only", ("only", "first"))
    [4, 14]
    >>> find_all("transactions and actions", ("actions",), after_space=True)
    [17]
    >>> find_all("The State Council and State Councilor", ("State Council",), whole_word=True)
    [4]
    """
    found = []
    for word in words:
        size = len(word)
        position = text.find(word)
        while position >= 0:
            spaced = not after_space or (position and text[position - 1].isspace())
            whole = not whole_word or not (text[position - 1 : position].isalnum()
                                           or text[position + size : position + size + 1].isalnum())
            if spaced and whole:
                found.append(position)
            position = text.find(word, position + 1)
    return sorted(found)


def word_windows(text: str, anchors: list[int], before: int, after: int
                 ) -> list[tuple[int, int]]:
    """The stretches of ``text`` around each anchor (a position, in order): from ``before``
    words before the anchor's word to the end of the ``after``-th word from it (words
    being runs of non-space characters), merged where they meet. A pattern whose every
    match holds an anchor, and spans no more words than that, finds the same matches
    searched only there (``pattern.finditer(text, low, high)``) as in the whole text, at
    a fraction of the cost when anchors are rare.

    >>> text = "Haitian Group of Ningbo and Minth Group grew"
    >>> word_windows(text, find_all(text, ("Group",)), 1, 1)
    [(0, 13), (28, 39)]
    """
    windows: list[tuple[int, int]] = []
    if not anchors:
        return windows
    size = len(text)
    # Word by word, in C: the anchor's word read back (in the reversed text) and
    # ``before`` more words and the spaces before each; read forward, the rest of the
    # anchor's word and ``after - 1`` more, each with the spaces before it.
    back = _words_from(before)
    last = _REVERSED[0]  # the passes over one document share its reversed text
    if last[0] is text:
        reverse = last[1]
    else:
        reverse = text[::-1]
        _REVERSED[0] = (text, reverse)
    forward = _words_from(after - 1) if after else None
    for anchor in anchors:
        low = size - back(reverse, size - anchor).end()  # type: ignore[union-attr]
        high = forward(text, anchor).end() if forward else anchor  # type: ignore[union-attr]
        add_window(windows, low, high)
    return windows


# The last text word_windows read, with the text reversed.
_REVERSED: list[tuple[str, str]] = [("", "")]
# How a run of words is read (:func:`word_windows`): by number of words after the first.
_WORD_RUNS: dict[int, Callable[[str, int], re.Match[str] | None]] = {}


def _words_from(count: int) -> Callable[[str, int], re.Match[str] | None]:
    """The ``match`` of a pattern that reads the rest of a word (from any position in it,
    or none) and then ``count`` more, each with the spaces before it: every quantifier is
    possessive, and the pattern matches (maybe empty) wherever it is tried."""
    run = _WORD_RUNS.get(count)
    if run is None:
        run = _WORD_RUNS[count] = lazy_compile(rf"\S*+(?:\s*+\S*+){{{count}}}").match
    return run


def add_window(windows: list[tuple[int, int]], low: int, high: int) -> None:
    """Add the stretch ``[low, high)`` to ``windows`` (built in order of ``low``), merged
    into the last one where they meet, so that no match is searched for twice.

    >>> windows = [(0, 10)]
    >>> add_window(windows, 8, 20); add_window(windows, 30, 40); windows
    [(0, 20), (30, 40)]
    """
    if windows and low <= windows[-1][1]:
        windows[-1] = (windows[-1][0], max(windows[-1][1], high))
    else:
        windows.append((low, high))
