"""The region pass's words and the places found among them.

The words of the whole text are found once (:class:`Words`: parallel lists, built in C
by ``map``), with the words that can begin a place name; each sentence is then a range
of them, and only the sentences holding such a word are looked at. Token indices are
the document's; a sentence is ``lo <= i < hi``.
"""

from __future__ import annotations

import itertools
import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from zjopen.extract._region_index import (
    _TOKEN_SPLIT,
    _index,
    ascii_word_starts,
    plain_word_starts,
)
from zjopen.extract._tables import _indices
from zjopen.lexicon.patterns import lazy_compile

# A capitalised word ending a run of capitalised words makes the run a name, not a place.
_NAME_HEADS = frozenset("""
port ports customs group groups co company corp corporation ltd limited inc holdings holding
bank university college institute academy school hospital committee commission bureau
office department ministry administration government council congress court station
airport zone zones area park parks market markets expo fair summit forum exhibition center
centre base terminal harbor harbour railway train trains express airlines airline news daily
times post television radio club association federation chamber league society foundation
factory plant mall plaza tower building bridge road street avenue square hotel district
new bay lake river mountain mountains hills island islands economic international pilot free
trade
""".split())
# "Bank of China", "Port of Ningbo Zhoushan": a name when these words own the place.
_OF_HEADS = frozenset("""
bank university college institute academy school ministry embassy consulate republic port
chamber association federation council museum library party
""".split())
_STOP = frozenset("""
in at on the from by for and with as of to while since a an this that these those
its their our his her after before during under over into across near about than or but
""".split())
_TITLES = frozenset({"mayor", "governor", "vice", "deputy", "secretary", "chief", "party"})
_IN_PARENTHESES_NAME = lazy_compile(r"[A-Z][\w-]*\s?\(\Z")
_CLOSES_NAME = lazy_compile(r"\)\s[A-Z]")
_BEFORE_PARENTHESES_NAME = lazy_compile(r"\s?\([A-Z][^()\n]{1,30}\)\s[A-Z][a-z]")
_LOWER_HEADS = frozenset({"port", "ports", "customs", "airport", "harbor", "harbour", "terminal"})
_CURRENCY = lazy_compile(r"\.?\s(?:dollars?|yuan|euros?)\b", re.IGNORECASE)
# The first letters of _CURRENCY's words, in either case (no other character matches
# one of them, case ignored): one must stand one or two characters after a place.
_CURRENCY_INITIALS = frozenset("dDyYeE")
_TYPE_WORDS = frozenset({"city", "district", "county", "province", "prefecture", "region"})
# "east China's Zhejiang", "southwest China": a part of the country, a grouping as "East
# China" is (GUIDELINES), not a mention of China.
_QUARTERS = frozenset("""
north south east west central northeast northwest southeast southwest northern southern
eastern western northeastern northwestern southeastern southwestern
""".split())

# What a word holds besides its capitals: its other letters and its apostrophes.
_NOT_CAPITALS = b"abcdefghijklmnopqrstuvwxyz'"

_JOINS = frozenset({" ", "-", " - "})  # what joins the words of a capitalised run
_LINKS = _JOINS | {"."}  # what may join the words of a place name ("U.S.")


class Words:
    """The words of ``text[start:end]``: for word ``i``, ``starts[i]``, ``texts[i]`` (as
    written), ``keys[i]`` (case-folded), ``raws[i]`` (the key with a possessive kept,
    "people's" in "People's Republic": else the key itself). A possessive word
    ("China's") ends before its "'s" and ``possessive`` holds its index; ``full_texts[i]``
    is the word with it. A word ends at ``starts[i] + len(texts[i])`` (:attr:`ends`; with
    its "'s", ``len(full_texts[i])``: :attr:`full_ends`), worked out where it is read: the
    pass reads the ends of a few words, and lists of them all cost it a fourteenth of its
    work. ``candidates``: the words, in order, that may begin a place name: capitalised
    (or not ASCII) and whose key, or raw key, begins a name of the gazetteer."""

    __slots__ = ("candidates", "full_texts", "keys", "possessive", "raws", "starts", "texts")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        end = len(text) if end is None else end
        # Split, offsets summed (no match objects): the same words as _TOKEN.finditer(text,
        # start, end), the pattern having no anchor and no look-around.
        ascii_text = text.isascii()
        block = text[start:end] if start or end < len(text) else text
        # (the words of the pattern's ASCII letters alone: ascii_word_starts; of other
        # text with no letter beyond ASCII: plain_word_starts)
        found_words = (ascii_word_starts(block, start) if ascii_text
                       else plain_word_starts(block, start))
        texts: list[str]
        if found_words is not None:
            texts, self.starts = found_words
        else:
            parts = _TOKEN_SPLIT.split(block)
            offsets = list(itertools.accumulate(map(len, parts), initial=start))
            self.starts, texts = offsets[1:-1:2], parts[1::2]
        self.full_texts = self.texts = texts
        # In words of ASCII letters and CJK runs a word in lower case is its own key, and
        # cannot begin a place (its first letter is no capital): only the others (a fifth)
        # are case-folded, and looked up. (Other text: every word, as the others are.)
        others: list[int] | None = None
        if found_words is not None:
            # (A word, of letters and apostrophes, is in lower case when it holds no
            # capital: the words' capitals, a byte string of each word's between the
            # words' separators, are found in C, not by a call per word.)
            # (the indices from a list made once and kept, not a new int object per word)
            others = list(itertools.compress(_indices(len(texts)), "\0".join(texts).encode()
                                             .translate(None, _NOT_CAPITALS).split(b"\0")))
            keys = texts.copy()
            folded = list(map(str.casefold, map(texts.__getitem__, others)))
            for _ in map(keys.__setitem__, others, folded):
                pass
        else:
            keys = list(map(str.casefold, texts))
        self.keys = keys
        self.raws = raws = keys
        self.possessive = possessive = _possessives(text, start, end, self.starts, texts)
        if possessive:  # "China's": the word is "China", its raw key "china's"
            # (the split's words become the full texts, and the keys so far the raw keys)
            self.texts = texts = texts.copy()
            self.keys = keys = keys.copy()
            for i in possessive:
                texts[i] = texts[i][:-2]
                keys[i] = keys[i][:-2]
        first_words = _index().first_words
        if others is not None:  # (a possessive's key is among its raw key's words' too)
            found: Iterator[int] = itertools.compress(others,
                                                      map(first_words.__contains__, folded))
            if possessive:
                # (``folded`` holds a possessive's raw key: the words found are those whose
                # key, or raw key, begins a name, but the possessives whose key alone does;
                # a possessive in lower case, added too, is no candidate)
                extra = [i for i in possessive if keys[i] in first_words]
                if extra:
                    found = iter(sorted({*found, *extra}))
            self.candidates = ([i for i in found if texts[i][:1].isupper()] if ascii_text
                               else [i for i in found if texts[i][:1].isupper()
                                     or not texts[i][:1].isascii()])
            return
        found = itertools.compress(range(len(keys)), map(first_words.__contains__, keys))
        if possessive:
            found = iter(sorted({*found, *(i for i in possessive if raws[i] in first_words)}))
        self.candidates = [i for i in found
                           if texts[i][:1].isupper() or not texts[i][:1].isascii()]

    @property
    def ends(self) -> list[int]:
        """Where each word ends (a possessive before its "'s")."""
        return list(map(operator.add, self.starts, map(len, self.texts)))

    @property
    def full_ends(self) -> list[int]:
        """Where each word ends, a possessive after its "'s"."""
        return list(map(operator.add, self.starts, map(len, self.full_texts)))

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The range of the words of ``text[start:end]``, or None when a word runs over
        one of its ends (then the words of the sentence are found on their own)."""
        starts, full = self.starts, self.full_texts
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        if ((lo and starts[lo - 1] + len(full[lo - 1]) > start)
                or (hi > lo and starts[hi - 1] + len(full[hi - 1]) > end)):
            return None
        return lo, hi

    def candidates_in(self, lo: int, hi: int) -> list[int]:
        candidates = self.candidates
        return candidates[bisect_left(candidates, lo) : bisect_left(candidates, hi)]


def _possessives(text: str, start: int, end: int, starts: list[int],
                 texts: list[str]) -> list[int]:
    """The indices of the words of ``text[start:end]`` whose key ends in "'s" (the words
    ``texts``, beginning at ``starts``), in order: found where an apostrophe before an
    "s" or "S" stands in the text (one ``str.find`` of a character, in C, through the
    text), not by reading every word. A word's key ends in "'s" exactly when the word
    ends in one of them and holds the apostrophe (no other character of a word
    case-folds to either): the word that begins before the apostrophe, the last that
    begins by it, and ends after the "s"."""
    found = []
    position = text.find("'", start, end)
    while position >= 0:
        if text[position + 1 : position + 2] in _ESSES:
            index = bisect_right(starts, position) - 1
            if (index >= 0 and starts[index] < position
                    and starts[index] + len(texts[index]) == position + 2):
                found.append(index)
        position = text.find("'", position + 1, end)
    return found


_ESSES = frozenset("sS")


class Hit(NamedTuple):
    first: int  # word index
    last: int  # word index, inclusive
    code: str
    start: int
    end: int


_new_tuple = tuple.__new__


def matches(text: str, words: Words, lo: int, hi: int, starts: list[int]) -> list[Hit]:
    """The places among the words ``lo`` to ``hi`` (a sentence), each the longest name
    of the gazetteer beginning at one of ``starts`` (candidates, in order)."""
    found: list[Hit] = []
    add = found.append
    index = _index()
    names, lengths, seconds = index.names, index.lengths, index.seconds
    wstarts, texts = words.starts, words.texts
    keys, raws = words.keys, words.raws
    resume = 0  # after a place, the search goes on after its last word
    for i in starts:
        if i < resume:
            continue
        counts = lengths.get(raws[i])
        if counts is not None and i + 1 < hi and keys[i + 1] not in seconds[raws[i]] and (
                raws[i + 1] not in seconds[raws[i]]):
            counts = None  # nor goes on with the next word (its key, or raw key, in a name)
        if counts is None:  # no name of several words begins with this word
            code = names.get(keys[i])
            if code is not None:
                size = len(texts[i])
                end = wstarts[i] + size
                if size == 1 and text[end : end + 1] == ".":
                    end += 1
                add(_new_tuple(Hit, (i, i, code, wstarts[i], end)))
                resume = i + 1
            continue
        longest = min(counts[0], hi - i)  # (counts[0] <= _MAX_WORDS)
        run = 1  # how many words from here are joined by a space, a hyphen or a stop
        while run < longest:
            at = i + run - 1
            gap = text[wstarts[at] + len(texts[at]) : wstarts[at + 1]]
            if gap in _LINKS or (gap == "'s " and raws[i + run - 1].endswith("'s")):
                run += 1  # ("People's Republic")
            else:
                break
        for n in (*counts, 1):  # the longest name wins
            if n > run:
                continue
            last = i + n - 1
            code = names.get(" ".join([*raws[i:last], keys[last]]) if n > 1 else keys[i])
            if code is not None:
                size = len(texts[last])
                end = wstarts[last] + size
                if size == 1 and text[end : end + 1] == ".":
                    end += 1  # "U.S."
                add(_new_tuple(Hit, (i, last, code, wstarts[i], end)))
                resume = i + n
                break
    return found


def title_case(words: Words, lo: int, hi: int) -> bool:
    capitals = [t[:1].isupper() for t, k in zip(words.texts[lo:hi], words.keys[lo:hi],
                                                  strict=True) if k not in _STOP]
    return len(capitals) >= 3 and sum(capitals) >= 0.7 * len(capitals)


class Runs:
    """The runs of adjacent capitalised words (space- or hyphen-joined) around the hits
    of one sentence, and the words of each run that are not places: worked out once per
    run, however many places it holds ("Yiwu-Yiwu-Yiwu-..." would otherwise be walked
    again for each of its places, in quadratic time)."""

    __slots__ = ("firsts", "headed", "hi", "lasts", "lo", "others", "places", "text",
                 "words")

    def __init__(self, text: str, words: Words, lo: int, hi: int, places: set[int]) -> None:
        self.text, self.words, self.lo, self.hi, self.places = text, words, lo, hi, places
        self.firsts: dict[int, int] = {}
        self.lasts: dict[int, int] = {}
        self.others: dict[tuple[int, int], list[int]] = {}
        self.headed: dict[tuple[int, int], bool] = {}

    def around(self, hit: Hit) -> tuple[int, int]:
        """The run around a hit; function words and possessives ("China's") end it."""
        text, words = self.text, self.words
        starts, texts, keys = words.starts, words.texts, words.keys
        # (A word in lower case, the most common end, is tested for first. A word ends
        # at its start and its length.)
        firsts, lo = self.firsts, self.lo
        first, walked = hit.first, []
        while first > lo and first not in firsts:
            before = first - 1
            if (not texts[before][:1].isupper()
                    or text[(end := starts[before] + len(texts[before])) : starts[first]]
                    not in _JOINS
                    or keys[before] in _STOP or text[end : end + 2] == "'s"):
                break
            walked.append(first)
            first = before
        first = firsts.get(first, first)
        if walked:
            firsts.update(dict.fromkeys(walked, first))
        firsts[hit.first] = first
        lasts, hi = self.lasts, self.hi
        last, walked = hit.last, []
        while last + 1 < hi and last not in lasts:
            after = last + 1
            if (not texts[after][:1].isupper()
                    or text[(end := starts[last] + len(texts[last])) : starts[after]]
                    not in _JOINS
                    or keys[after] in _STOP or text[end : end + 2] == "'s"):
                break
            walked.append(last)
            last = after
        last = lasts.get(last, last)
        if walked:
            lasts.update(dict.fromkeys(walked, last))
        lasts[hit.last] = last
        return first, last

    def not_places(self, first: int, last: int) -> list[int]:
        """The words of a run that are neither places nor type words."""
        others = self.others.get((first, last))
        if others is None:
            keys = self.words.keys
            others = self.others[first, last] = [
                i for i in range(first, last + 1)
                if i not in self.places and keys[i] not in _TYPE_WORDS
                and keys[i] != "sino"]  # "Sino-US trade" names two countries
        return others

    def headed_by_name(self, first: int, last: int) -> bool:
        """Whether a word of the run makes it a name ("Customs", "Group", "Port" ...)."""
        headed = self.headed.get((first, last))
        if headed is None:
            keys = self.words.keys
            headed = self.headed[first, last] = any(
                keys[i] in _NAME_HEADS for i in self.not_places(first, last))
        return headed


_ACRONYM = lazy_compile(r"[A-Z]{2,6}")


def outside_names(text: str, words: Words, lo: int, hi: int, hits: list[Hit], title: bool,
                  found: list[tuple[str, int, int]]) -> None:
    """Add to ``found`` the (code, start, end) of each of the hits of a sentence that is
    not inside a name (tests/test_region_outside.py holds the test of one hit at a time
    it replaced, as its oracle): a place with
    no capitalised word beside it is a run of its own, known without walking it, and
    the runs, and the set of the places' words, are made only when a walk is needed."""
    texts, starts, keys = words.texts, words.starts, words.keys
    runs: Runs | None = None
    for hit in hits:
        hit_first, hit_last, code, start, end = hit
        if (text[start - 1 : start] == "("
                and _IN_PARENTHESES_NAME.search(text, max(0, start - 40), start)
                and _CLOSES_NAME.match(text, end)):
            continue  # "China (Zhejiang) Pilot Free Trade Zone"
        if "(" in text[end : end + 2] and _BEFORE_PARENTHESES_NAME.match(text, end):
            continue
        # (Runs.around's first step each way, inlined: most runs stop there at once; a
        # word is never empty, and ends at its start and its length)
        before, after = hit_first - 1, hit_last + 1
        if ((before < lo or not texts[before][0].isupper()
             or text[(at := starts[before] + len(texts[before])) : starts[hit_first]]
             not in _JOINS
             or keys[before] in _STOP or text[at : at + 2] == "'s")
                and (after >= hi or not texts[after][0].isupper()
                     or text[(at := starts[hit_last] + len(texts[hit_last])) : starts[after]]
                     not in _JOINS
                     or keys[after] in _STOP or text[at : at + 2] == "'s")):
            first, last = hit_first, hit_last  # (no walk: the run is the place's words)
        else:
            if runs is None:
                runs = Runs(text, words, lo, hi,
                            {i for h in hits for i in range(h.first, h.last + 1)})
            first, last = runs.around(hit)
            # A run of the place's own words alone (most) has no other word, and no head.
            if first != hit_first or last != hit_last:
                others = runs.not_places(first, last)
                if others:
                    if keys[others[0]] in _TITLES and starts[others[0]] > start:
                        found.append((code, start, end))
                        continue  # "Ningbo Mayor Tang Feifan": a title and a person
                    if (len(code) == 2 and first == hit_first and last + 1 < hi
                            and text[end : end + 1] == " " and texts[last + 1][:1].islower()
                            and all(_ACRONYM.fullmatch(texts[i])
                                    for i in range(hit_last + 1, last + 1))):
                        found.append((code, start, end))
                        continue  # "a Japanese LNG vessel", "the German BASF plant": a
                        # country, or its adjective, before an acronym and a lower-case noun
                    if not title or runs.headed_by_name(first, last):
                        continue  # (a lower-case head after it or not: a name; a name's
                        # head makes it one in a headline too: looked for only there)
        if (last + 1 < hi and keys[last + 1] in _LOWER_HEADS
                and text[starts[last] + len(texts[last]) : starts[last + 1]] in _JOINS):
            continue  # "Ningbo Zhoushan port" names the port, not the cities
        if first - lo > 1 and keys[first - 1] == "of":
            owner = first - 2
            if (text[starts[owner] + len(texts[owner]) : starts[first - 1]] in _JOINS
                    and text[starts[first - 1] + len(texts[first - 1]) : starts[first]] in _JOINS
                    and texts[owner][:1].isupper() and keys[owner] in _OF_HEADS):
                continue
        elif (code == "CN" and first - lo > 3 and text.startswith("People", start)
              and texts[first - 3][:1].isupper() and texts[first - 3][1:].islower()
              and text[starts[first - 3] + len(texts[first - 3]) : start] == " of the "):
            # "the National Bureau of Statistics of the People's Republic of China": a
            # state body's name ("the founding of the People's Republic of China" names
            # the country; so does a sentence's first word: "Exports of the ...")
            continue
        if (first > lo and keys[first - 1] in _QUARTERS and code == "CN"
                and text[starts[first - 1] + len(texts[first - 1]) : start] == " "
                and text[start:end] == "China"):
            continue  # "in east China's Zhejiang province": a part of the country
        if text[end : end + 1] == "$" or (text[end : end + 2] == " $" and code == "US") or (
                (text[end + 1 : end + 2] in _CURRENCY_INITIALS
                 or text[end + 2 : end + 3] in _CURRENCY_INITIALS)
                and _CURRENCY.match(text, end)):
            continue
        found.append((code, start, end))
