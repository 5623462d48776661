"""What the attribution step (:mod:`zjopen.link.subjects`) looks up for each figure,
found once per article and searched by bisection, or found on first use and kept: the
subjects' mentions, the places of each level, where the entity pattern's trigger words
stand, and where a clause with a subject of its own begins.

>>> _clause_start("Ningbo rose, while Quzhou fell 3%", 0, 30)
19
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from zjopen import gazetteer
from zjopen.document import Document
from zjopen.lexicon.patterns import lazy_compile, trie_alternation
from zjopen.link._words import ENTITY_WORDS

__all__ = ["_CITY_LEVELS", "_DISTRICT_LEVELS", "_REACH", "_Mention", "_Named", "_clause_start",
           "_last_where"]

_REACH = 300  # how far back from a figure its subject is looked for, in characters
_CITY_LEVELS = frozenset({"prefecture", "county_city"})
_DISTRICT_LEVELS = frozenset({"district", "county", "county_city"})


@attrs.frozen
class _Mention:
    start: int
    end: int
    code: str
    kind: str = ""  # a platform's kind ("port", "expo" ...)


# The entity pattern is slow. Every match of it holds one of these (a head word, a
# possessive "s' ", a product number), whole: found where a figure's subject is looked
# for, they tell which prefixes can hold a match at all (the pattern then runs on those
# only). Each trigger is found by its first character, the rest looked ahead at, so that
# overlapping triggers are found too; the ones that begin with a space have their own
# pattern.
_TRIGGER_WORDS = ENTITY_WORDS


def _trigger_pattern(words: list[str]) -> re.Pattern[str]:
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    return re.compile("|".join(
        [f"{re.escape(first)}(?={trie_alternation(sorted(rest))})"
         for first, rest in sorted(rests.items())] + [r"'(?=\s)"]))


_ENTITY_TRIGGERS = _trigger_pattern(_TRIGGER_WORDS)
_SPACE_TRIGGERS = re.compile(r"\s(?=0[0-9]|[A-Z][0-9])")
# How many characters a trigger reads from where it starts: a search that stops this far
# past a position has told whether a trigger starts there.
_TRIGGER_READS = max(3, *map(len, _TRIGGER_WORDS))


class _Named:
    """What each figure's subject is looked for in: the places of each level the article
    names, in text order (for "the city" and "the district"), the companies' and
    platforms' mentions by kind, and where the entity pattern's triggers stand."""

    __slots__ = ("_first", "_norm", "codes", "entities", "starts")

    def __init__(self, starts: dict[frozenset[str], list[int]],
                 codes: dict[frozenset[str], list[str]],
                 entities: dict[str | None, list[int]], norm: str) -> None:
        self.starts = starts
        self.codes = codes
        # The indices (in the mention list) of the companies' mentions (None) and of
        # each kind of platform's: what a definite description stands for, found by
        # bisection (a scan back through every mention was quadratic in a long article).
        self.entities = entities
        self._norm = norm
        # From a position: the first trigger at or after it (-1: none before the second
        # number, the position the search told up to).
        self._first: dict[int, tuple[int, int]] = {}

    @classmethod
    def of(cls, doc: Document, mentions: Sequence[_Mention],
           datelines: Sequence[_Mention] = ()) -> _Named:
        starts: dict[frozenset[str], list[int]] = {}
        codes: dict[frozenset[str], list[str]] = {}
        places = sorted([*mentions, *datelines], key=lambda m: m.start)
        for levels in (_CITY_LEVELS, _DISTRICT_LEVELS):
            chosen = [m for m in places if m.code.isdigit()
                      and getattr(gazetteer.lookup(m.code), "level", None) in levels]
            starts[levels] = [m.start for m in chosen]
            codes[levels] = [m.code for m in chosen]
        entities: dict[str | None, list[int]] = {}
        for index, mention in enumerate(mentions):
            if mention.code.startswith(("E:", "P:")):
                kind = mention.kind if mention.code.startswith("P:") else None
                entities.setdefault(kind, []).append(index)
        return cls(starts, codes, entities, doc.norm)

    def last_entity(self, before: int, kinds: Sequence[str] | None) -> int | None:
        """The index of the last mention before index ``before`` of a platform of one of
        ``kinds``, or of a company when ``kinds`` is None."""
        last = -1
        for kind in (None,) if kinds is None else kinds:
            indices = self.entities.get(kind, [])
            index = bisect.bisect_left(indices, before)
            if index:
                last = max(last, indices[index - 1])
        return last if last >= 0 else None

    def may_name_entity(self, start: int, end: int) -> bool:
        """Whether a trigger of the entity pattern starts in ``doc.norm[start:end]``."""
        first = self._first.get(start)
        if first is None or (first[0] < 0 and first[1] < end):
            first = self._first[start] = self._first_trigger(start, max(end, start + _REACH))
        return 0 <= first[0] < end

    def _first_trigger(self, start: int, limit: int) -> tuple[int, int]:
        """The first trigger at or after ``start`` if one starts before ``limit``."""
        stop = min(len(self._norm), limit + _TRIGGER_READS)  # each start before limit told
        word = _ENTITY_TRIGGERS.search(self._norm, start, stop)
        first = word.start() if word is not None and word.start() < limit else -1
        before = first if first >= 0 else limit
        space = _SPACE_TRIGGERS.search(self._norm, start, min(stop, before + _TRIGGER_READS))
        if space is not None and space.start() < before:
            first = space.start()
        return first, limit

    def last(self, before: int, levels: frozenset[str], main: str | None) -> str | None:
        """The last place of that level named before ``before``, else the main region."""
        index = bisect.bisect_left(self.starts[levels], before)
        return self.codes[levels][index - 1] if index else main


# Where a clause with a subject of its own begins: a contrast ("..., while Quzhou's
# exports ...", "whereas", "by contrast"), a part ("..., of which Yinzhou accounted for"),
# or a clause after a semicolon.
_CLAUSE = re.compile(r"(?=[,;\sBbMm])(?:"  # a guard: a match's first characters
                     r"(?:,\s|\s)(?:while|whereas)\s|,\s(?:of\swhich|among\swhich)\s"
                     r"|,\s(?:followed|trailed)\sby\s"  # "..., followed by Quzhou at 11%"
                     r"|;\s|\b[Bb]y\scontrast,?\s|\b[Mm]eanwhile,\s)")
# Every match of _CLAUSE holds one of these whole ("Meanwhile" holds "while"): a text
# without any has no clause, told at a fraction of the cost of the pattern's search.
_CLAUSE_WORDS = lazy_compile(r";|wh(?:ile|ereas|ich)|followed|trailed|contrast")
# "..., led by Zhoushan, where imports surged 30 percent": the place before "where".
_WHERE = re.compile(r",\swhere\s")


def _clause_start(text: str, start: int, figure: int) -> int:
    """Where the clause holding the figure begins (``start`` if the sentence has one)."""
    begin = start
    if _CLAUSE_WORDS.search(text, start, figure) is None:
        return begin
    for match in _CLAUSE.finditer(text, start, figure):
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
