"""What the attribution step (:mod:`zjopen.link.subjects`) looks up for each figure,
found once per article and searched by bisection, or found on first use and kept: the
subjects' mentions, the places of each level, where the entity pattern's trigger words
stand, and where a clause with a subject of its own begins.

>>> _clause_start("Ningbo rose, while Quzhou fell 3%", 0, 30)
19
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence

import attrs

from zjopen import gazetteer
from zjopen.document import Document
from zjopen.lexicon.patterns import find_all, lazy_compile
from zjopen.link._words import ENTITY_WORDS

__all__ = ["_CITY_LEVELS", "_DISTRICT_LEVELS", "_REACH", "_TRIGGERS", "_Mention", "_Named",
           "_clause_begins", "_clause_start", "_last_where"]

_START = operator.attrgetter("start")  # (sort keys got in C, not by a lambda per item)

_REACH = 300  # how far back from a figure its subject is looked for, in characters
_CITY_LEVELS = frozenset({"prefecture", "county_city"})
_DISTRICT_LEVELS = frozenset({"district", "county", "county_city"})


_LEVEL_OF: dict[str, str | None] = {}
"""Each region code's level in the gazetteer, looked up once."""
_UNSEEN = "?"  # (a level no code has)


@attrs.define  # (not frozen: its fields set directly, made faster; none changes one)
class _Mention:
    """A subject's mention: where it stands and what it names (a region code, or "E:" or
    "P:" and a record's name)."""

    start: int
    end: int
    code: str
    kind: str = ""  # a platform's kind ("port", "expo" ...)


# The entity pattern is slow. Every match of it holds a space and one of its head
# words, whole ("Ningbo Zhoushan Port", "the port"), a possessive "s' " or a space and a
# product number ("Jikrypton 007"): where none of these stands before a figure, the
# pattern is not run. The search stops only at a space or an apostrophe.
_TRIGGER_WORDS = ENTITY_WORDS


def _by_first_character(words: Sequence[str], after: str = "") -> str:
    """An alternation of the literal ``words`` with those that begin with one character
    (in one case) after it in one group, ``after`` at the end of each group: at a place
    the regex engine tries the few words of its character, not each of them (whether
    any matches is all it tells)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda word: (-len(word), word)):  # (same each run)
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" + after
                            for first, rests in groups.items()) + ")"


_TRIGGERS = lazy_compile(rf"[\s'](?:(?<=\s)(?:{_by_first_character(_TRIGGER_WORDS)}\b"
                         r"|0[0-9]|[A-Z][0-9])|(?<=')\s)")
# _TRIGGERS for a window whose one white space character is the space and which holds no
# apostrophe (most: the words of a sentence): its matches, found at a literal space,
# which the engine skips to in C (a class with "\s" is tested character by character),
# with no look-behind; each alternative begins with its own literal (one alternation, not
# one in another).
_SPACED_WORDS = _by_first_character(_TRIGGER_WORDS, after=r"\b")[3:-1]  # (no "(?:", ")")
_SPACED_TRIGGERS = lazy_compile(rf" (?:{_SPACED_WORDS}|0[0-9]|[A-Z][0-9])")
# The white space characters of ASCII but the space: a text (ASCII) with none of them but
# the line break, none in a window of it but the space where no line break stands there.
_ODD_SPACES = ("\t", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x1f")
# The longest match of _TRIGGERS: a space and its longest word (a product number's two
# characters and a possessive's space are shorter).
_TRIGGER_SPAN = 1 + max(2, *map(len, _TRIGGER_WORDS))


class _Named:
    """What each figure's subject is looked for in: the places of each level the article
    names, in text order (for "the city" and "the district"), and the companies' and
    platforms' mentions by kind. Both are worked out on first use (most articles say
    neither "the city" nor "the port")."""

    __slots__ = ("_datelines", "_entities", "_levels", "_mentions", "_norm", "_trigger_at",
                 "clause_ends", "clause_starts", "dashes", "spaced", "trigger_free", "wheres")

    def __init__(self, norm: str, mentions: Sequence[_Mention] = (),
                 datelines: Sequence[_Mention] = ()) -> None:
        # (None: worked out from ``mentions`` and ``datelines`` when first looked up)
        self._levels: tuple[dict[frozenset[str], list[int]],
                            dict[frozenset[str], list[str]]] | None = None
        # The indices (in the mention list) of the companies' mentions (None) and of
        # each kind of platform's: what a definite description stands for, found by
        # bisection (a scan back through every mention was quadratic in a long article).
        self._entities: dict[str | None, list[int]] | None = None
        self._mentions = mentions
        self._datelines = datelines
        self._norm = norm
        # For a window's start, where :meth:`may_name_entity` found none up to, and where a
        # match it found ends (the figures of a sentence search windows from its start).
        self.trigger_free: dict[int, int] = {}
        self._trigger_at: dict[int, int] = {}
        # Whether a window with no line break has no white space but the space (an ASCII
        # text with none of the others): with no apostrophe either, _SPACED_TRIGGERS finds
        # what _TRIGGERS finds there (and a str.find what a pattern's "\s" finds).
        self.spaced = norm.isascii() and not any(space in norm for space in _ODD_SPACES)
        # Where each of the clause words stands (:func:`may_have_clause`), found by
        # str.find (many times faster than the pattern's scan).
        found = []
        for word in _CLAUSE_LITERALS:
            at = norm.find(word)
            while at >= 0:
                found.append((at, at + len(word)))
                at = norm.find(word, at + 1)
        found.sort()
        self.clause_starts = [start for start, _ in found]
        self.clause_ends = [end for _, end in found]
        # Where each "--" (a dateline's end) and each "where" stands: a figure's window
        # holds one when the first from its start on ends by its end (a bisection, not a
        # str.find per figure: zjopen.link.subjects._subject).
        self.dashes = find_all(norm, ("--",))
        self.wheres = find_all(norm, ("where",))

    @classmethod
    def of(cls, doc: Document, mentions: Sequence[_Mention],
           datelines: Sequence[_Mention] = ()) -> _Named:
        """What the figures of ``doc`` look up, from the subjects' ``mentions`` (in text
        order, as :func:`zjopen.link._subject_mentions.subject_mentions` gives them) and
        the datelines'."""
        return cls(doc.norm, mentions, datelines)

    def _by_level(self) -> tuple[dict[frozenset[str], list[int]],
                                 dict[frozenset[str], list[str]]]:
        """The places of each level, in text order (with the datelines')."""
        starts: dict[frozenset[str], list[int]] = {}
        codes: dict[frozenset[str], list[str]] = {}
        city_starts: list[int] = []
        city_codes: list[str] = []
        district_starts: list[int] = []
        district_codes: list[str] = []
        mentions, datelines = self._mentions, self._datelines
        # (the mentions are in text order already: sorted only with datelines added)
        for m in sorted([*mentions, *datelines], key=_START) if datelines else mentions:
            code = m.code
            if not code.isdigit():
                continue  # (a place abroad, a company, a platform: no level)
            level = _LEVEL_OF.get(code, _UNSEEN)
            if level is _UNSEEN:
                level = _LEVEL_OF[code] = getattr(gazetteer.lookup(code), "level", None)
            if level in _CITY_LEVELS:
                city_starts.append(m.start)
                city_codes.append(code)
            if level in _DISTRICT_LEVELS:
                district_starts.append(m.start)
                district_codes.append(code)
        starts[_CITY_LEVELS], codes[_CITY_LEVELS] = city_starts, city_codes
        starts[_DISTRICT_LEVELS], codes[_DISTRICT_LEVELS] = district_starts, district_codes
        self._levels = starts, codes
        return starts, codes

    @property
    def entities(self) -> dict[str | None, list[int]]:
        """The indices of the companies' mentions (under None) and of each kind of
        platform's."""
        if self._entities is None:
            entities: dict[str | None, list[int]] = {}
            for index, mention in enumerate(self._mentions):
                if mention.code.startswith(("E:", "P:")):
                    kind = mention.kind if mention.code.startswith("P:") else None
                    entities.setdefault(kind, []).append(index)
            self._entities = entities
        return self._entities

    def last_entity(self, before: int, kinds: Sequence[str] | None) -> int | None:
        """The index of the last mention before index ``before`` of a platform of one of
        ``kinds``, or of a company when ``kinds`` is None."""
        last = -1
        entities = self.entities
        for kind in (None,) if kinds is None else kinds:
            indices = entities.get(kind, [])
            index = bisect.bisect_left(indices, before)
            if index:
                last = max(last, indices[index - 1])
        return last if last >= 0 else None

    def may_name_entity(self, start: int, end: int) -> bool:
        """Whether ``doc.norm[start:end]`` holds a trigger of the entity pattern: False
        only where the pattern finds nothing there. As
        ``_TRIGGERS.search(doc.norm, start, end)`` tells, searching again only what an
        earlier window from ``start`` left open: in ``start:end`` a match that none in
        ``start:free`` was ends after ``free`` (up to it, it would see what that window saw),
        so begins less than its length before; and one shorter window holds a match only
        where one ending at its end ("\\b" there) was cut from a word."""
        free = self.trigger_free.get(start, start)  # (none in an empty window)
        norm = self._norm
        if end <= free:
            if end == free:
                return False
            low = max(start, end - _TRIGGER_SPAN)
        else:
            at = self._trigger_at.get(start)
            if at is not None and at < end:
                return True  # (a match found ending before a later character still stands)
            low = max(start, free - _TRIGGER_SPAN)
        found = (_SPACED_TRIGGERS.search(norm, low, end)
                 if self.spaced and norm.find("\n", low, end) < 0
                 and norm.find("'", low, end) < 0 else _TRIGGERS.search(norm, low, end))
        if end <= free:
            return found is not None
        if found is None:
            self.trigger_free[start] = end
            return False
        if found.end() < end:
            self._trigger_at[start] = found.end()
        return True

    def may_have_clause(self, start: int, end: int) -> bool:
        """Whether ``doc.norm[start:end]`` holds one of the clause words, as
        ``_CLAUSE_WORDS.search(doc.norm, start, end)`` tells: the first of them from
        ``start`` on ends by ``end`` (any later one begins after it ends)."""
        index = bisect.bisect_left(self.clause_starts, start)
        return index < len(self.clause_ends) and self.clause_ends[index] <= end

    def last(self, before: int, levels: frozenset[str], main: str | None) -> str | None:
        """The last place of that level named before ``before``, else the main region."""
        starts, codes = self._levels or self._by_level()
        index = bisect.bisect_left(starts[levels], before)
        return codes[levels][index - 1] if index else main


# Where a clause with a subject of its own begins: a contrast ("..., while Quzhou's
# exports ...", "whereas", "by contrast"), a part ("..., of which Yinzhou accounted for"),
# or a clause after a semicolon.
# (Its first character read first, as a set the engine skips to in C; each alternative
# then says which it needs by a look-behind, "\b" before "By" and "Meanwhile" too: no
# word character before it. tests/test_link_positions.py holds the former pattern, with
# "(?:,\s|\s)(?:while|whereas)\s|,\s(?:of\swhich ..." behind a look-ahead guard.)
_CLAUSE = lazy_compile(r"[,;\sBbMm](?:"
                       r"(?<=,)\s(?:while|whereas)\s|(?<=\s)(?:while|whereas)\s"
                       r"|(?<=,)\s(?:of\swhich|among\swhich)\s"
                       r"|(?<=,)\s(?:followed|trailed)\sby\s"  # "..., followed by Quzhou at 11%"
                       r"|(?<=;)\s|(?<=[Bb])(?<!\w.)y\scontrast,?\s|(?<=[Mm])(?<!\w.)eanwhile,\s)")
# Every match of _CLAUSE holds one of these whole ("Meanwhile" holds "while"): a text
# without any has no clause, told at a fraction of the cost of the pattern's search.
_CLAUSE_WORDS = lazy_compile(r";|wh(?:ile|ereas|ich)|followed|trailed|contrast")
_CLAUSE_LITERALS = (";", "while", "whereas", "which", "followed", "trailed", "contrast")
"""_CLAUSE_WORDS's words: no two of them can overlap, so each one found stands for a
match of the pattern."""
_CLAUSE_SPAN = 14
"""The length of _CLAUSE's longest match (", among which ")."""
_CLAUSE_TAIL = 4
"""The most characters a match of _CLAUSE holds after the last of the clause words in it
(" by " after "followed")."""
# "..., led by Zhoushan, where imports surged 30 percent": the place before "where".
_WHERE = lazy_compile(r",\swhere\s")


def _clause_start(text: str, start: int, figure: int) -> int:
    """Where the clause holding the figure begins (``start`` if the sentence has one)."""
    if _CLAUSE_WORDS.search(text, start, figure) is None:
        return start
    return _clause_begins(text, start, figure)


def _clause_begins(text: str, start: int, figure: int, word: int = -1, last: int = -1) -> int:
    """:func:`_clause_start` without its literal test (made already). ``word``: where the
    first of the clause words from ``start`` on stands, when known: every match holds one,
    so none begins more than the longest match before it, and the search begins there.
    ``last``: where the last of them that ends by ``figure`` ends, when known: no match
    ends more than _CLAUSE_TAIL after it, and the search ends there (the same matches: a
    match reads nothing after its end)."""
    begin = start
    end = figure if last < 0 else min(figure, last + _CLAUSE_TAIL)
    for match in _CLAUSE.finditer(text, max(start, word - _CLAUSE_SPAN), end):
        begin = match.end()
    return begin


def _last_where(text: str, start: int, figure: int) -> re.Match[str] | None:
    """The last ", where " between ``start`` and the figure."""
    if text.find("where", start, figure) < 0:
        return None
    where = None
    for where in _WHERE.finditer(text, start, figure):  # noqa: B007 - the last one
        pass
    return where



_LIST_GAP = lazy_compile(r",\s(?:and\s)?|\s(?:and|&)\s")


def _listed(norm: str, mentions: list[_Mention], index: int) -> bool:
    """Whether a platform's mention is one of a list of platforms ("the port areas of
    Chuanshan, Daxie and Meishan account for 70%"): a list's total is none of theirs."""
    m = mentions[index]
    if not m.code.startswith("P:"):
        return False
    before = mentions[index - 1] if index else None
    after = mentions[index + 1] if index + 1 < len(mentions) else None
    return bool((before is not None and before.code.startswith("P:")
                 and _LIST_GAP.fullmatch(norm, before.end, m.start))
                or (after is not None and after.code.startswith("P:")
                    and _LIST_GAP.fullmatch(norm, m.end, after.start)))
