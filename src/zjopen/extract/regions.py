"""Regions: every mention of a place in the gazetteer, linked to its code.

One pass over the words of the text: at each word that can begin a place name, the
longest name in the gazetteer (:func:`zjopen.gazetteer.names`) that starts there wins.
Then the hard cases:

- a place inside an organisation's or a platform's name is not a mention of the place
  ("Ningbo Customs", "Ningbo Xusheng Group", "Ningbo Zhoushan Port", "Bank of China");
- a name shared by several places goes to the one the article's other places point to,
  else to the gazetteer's preference (Zhejiang's Taizhou, Zhoushan's Putuo);
- "Beicang district in Ningbo city", a name the gazetteer does not know, is resolved by
  spelling among Ningbo's districts when one is close enough, else left out;
- a nationality adjective is a mention of its country ("a German company").

>>> from zjopen.document import read_document
>>> doc = read_document(
...     "Haitian Group of Beilun, Ningbo, works with a German firm and Ningbo Customs.")
>>> [(r.code, r.name, [m.text for m in r.mentions]) for r in extract_regions(doc)]
[('330206', 'Beilun', ['Beilun']), ('330200', 'Ningbo', ['Ningbo']), ('DE', 'Germany', ['German'])]
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator
from functools import cache
from operator import attrgetter
from typing import NamedTuple

import attrs

from zjopen import gazetteer
from zjopen.document import Document
from zjopen.lexicon.load import paused_gc, read_data
from zjopen.lexicon.patterns import find_all, guarded_compile, lazy_compile, word_windows
from zjopen.model import Region, RegionLevel, Span

__all__ = ["extract_regions"]

_WORD_RUN = r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:'[A-Za-zÀ-ÖØ-öø-ÿ]+)*|[\u3400-\u9fff]+"
_TOKEN = lazy_compile(_WORD_RUN)
_MAX_WORDS = 6

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
chamber association federation council museum library
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
_TYPE_WORDS = frozenset({"city", "district", "county", "province", "prefecture", "region"})


class _Token(NamedTuple):
    """A word (a light tuple: the region pass makes one per word of the article)."""

    start: int
    end: int
    text: str
    key: str
    raw: str = ""  # the key with a possessive kept ("people's" in "People's Republic")


@attrs.frozen
class _Index:
    names: dict[str, str]  # normalised surface -> code
    first_words: frozenset[str]
    lengths: dict[str, frozenset[int]]  # first word -> word counts (2 or more) of names


def _key(words: list[str]) -> str:
    return " ".join(words)


def _normal_words(text: str) -> list[str]:
    return [w.casefold() for w in _TOKEN.findall(text.replace("’", "'"))]


_TOKEN_OR_LINE = lazy_compile(rf"{_WORD_RUN}|\n")


def _word_keys(surfaces: Iterable[str]) -> list[str]:
    """The extractor's key of each name ("_key(_normal_words(name))" for each), all at
    once: their words, found in one pass over the names joined by line breaks, which a
    line holding no word would upset (then the names are done one by one)."""
    surfaces = list(surfaces)
    joined = "\n".join(surfaces).replace("’", "'")
    keys = " ".join(_TOKEN_OR_LINE.findall(joined)).casefold().split(" \n ")
    if len(keys) != len(surfaces) or any(not k or "\n" in k for k in keys):
        keys = [_key(_normal_words(surface)) for surface in surfaces]
    return keys


# The word keys of every name, computed by scripts/build_region_keys.py and stored with a
# digest of the names: loading them is faster than finding the words of 17,000 names,
# which matters for the first parse() of a process. When the names have changed since
# (the digest differs) the keys are computed here instead, and the test suite says the
# file is stale.
_KEYS_FILE = "generated/region_words.txt"


def _keys_header(forms: list[str]) -> str:
    digest = hashlib.sha256("\n".join(forms).encode("utf-8")).hexdigest()
    return f"zjopen region word keys {digest} {len(forms)}"


def _stored_word_keys(forms: list[str]) -> list[str] | None:
    """The word keys of ``forms`` from the key file, or None when it belongs to other
    names."""
    try:
        text = read_data(_KEYS_FILE)
    except OSError:  # pragma: no cover - a package without its data
        return None
    header, _, body = text.partition("\n")
    keys = body.split("\n")
    if header != _keys_header(forms) or len(keys) != len(forms) + 1:
        return None
    return keys[:-1]


@cache
def _index() -> _Index:
    surfaces = gazetteer.names()
    with paused_gc():
        forms = list(surfaces)
        keys = _stored_word_keys(forms) or _word_keys(forms)
        # The first code of a key wins: a dict built from the end keeps the first.
        names = dict(zip(reversed(keys), reversed(surfaces.values()), strict=True))
        names.pop("", None)
        lengths: dict[str, set[int]] = {}
        multi = [k for k in names if " " in k]
        for key in multi:
            words = key.count(" ") + 1
            if words > _MAX_WORDS:
                del names[key]
                continue
            lengths.setdefault(key[: key.index(" ")], set()).add(words)
        # A name's first word: a one-word name itself, else a key of ``lengths``.
        first_words = frozenset(names.keys() - set(multi)).union(lengths)
        return _Index(names, first_words,
                      {first: frozenset(counts) for first, counts in lengths.items()})


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    """The words of ``text[start:end]`` (built column by column: this runs on every word
    of the article)."""
    matches = list(_TOKEN.finditer(text, start, len(text) if end is None else end))
    words = list(map(re.Match.group, matches))
    keys = list(map(str.casefold, words))
    tokens = list(map(_Token, map(re.Match.start, matches), map(re.Match.end, matches),
                      words, keys, keys))
    if "'" in text[start:end]:
        for i, key in enumerate(keys):
            if key.endswith("'s"):  # a possessive: "China's"
                first, last = matches[i].span()
                tokens[i] = _Token(first, last - 2, words[i][:-2], key[:-2], key)
    return tokens


_JOINS = frozenset({" ", "-", " - "})  # what joins the words of a capitalised run
_LINKS = _JOINS | {"."}  # what may join the words of a place name ("U.S.")


def _adjacent(text: str, left: _Token, right: _Token, *, hyphen: bool = True) -> bool:
    gap = text[left.end : right.start]
    return gap == " " or (hyphen and gap in _JOINS)


def _capitalised(token: _Token) -> bool:
    return token.text[:1].isupper()


@attrs.frozen
class _Hit:
    first: int  # token index
    last: int  # token index, inclusive
    code: str
    start: int
    end: int


def _matches(text: str, tokens: list[_Token]) -> Iterator[_Hit]:
    index = _index()
    names, lengths = index.names, index.lengths
    count = len(tokens)
    resume = 0  # after a place, the search goes on after its last word
    # Only words that begin a place name are looked at (found in C); a possessive word
    # may begin one as written ("People's Republic of China").
    starts: Iterator[int] = itertools.compress(
        range(count), map(index.first_words.__contains__, map(attrgetter("key"), tokens)))
    possessive = ([i for i, t in enumerate(tokens)  # (raw is key but for possessives)
                   if t.raw is not t.key and t.raw in index.first_words]
                  if count and "'" in text[tokens[0].start : tokens[-1].end + 2] else [])
    if possessive:
        starts = iter(sorted({*starts, *possessive}))
    for i in starts:
        token = tokens[i]
        if i < resume or not (_capitalised(token) or not token.text[:1].isascii()):
            continue
        longest = min(_MAX_WORDS, count - i)
        run = 1  # how many words from here are joined by a space, a hyphen or a stop
        while run < longest and (
                text[tokens[i + run - 1].end : tokens[i + run].start] in _LINKS
                or (tokens[i + run - 1].raw.endswith("'s")  # "People's Republic"
                    and text[tokens[i + run - 1].end : tokens[i + run].start] == "'s ")):
            run += 1
        for n in range(run, 0, -1):  # the longest name wins
            if n > 1 and n not in lengths.get(token.raw or token.key, ()):
                continue  # no name of n words begins with this word
            span = tokens[i : i + n]
            code = names.get(_key([t.raw or t.key for t in span[:-1]] + [span[-1].key]))
            if code is not None:
                end = span[-1].end
                if len(span[-1].text) == 1 and text[end : end + 1] == ".":
                    end += 1  # "U.S."
                yield _Hit(i, i + n - 1, code, span[0].start, end)
                resume = i + n
                break


def _title_case(tokens: list[_Token]) -> bool:
    words = [t for t in tokens if t.key not in _STOP]
    return len(words) >= 3 and sum(_capitalised(t) for t in words) >= 0.7 * len(words)


class _Runs:
    """The runs of adjacent capitalised words (space- or hyphen-joined) around the hits
    of one sentence, and the words of each run that are not places: worked out once per
    run, however many places it holds ("Yiwu-Yiwu-Yiwu-..." would otherwise be walked
    again for each of its places, in quadratic time)."""

    __slots__ = ("firsts", "headed", "lasts", "others", "places", "text", "tokens")

    def __init__(self, text: str, tokens: list[_Token], places: set[int]) -> None:
        self.text, self.tokens, self.places = text, tokens, places
        self.firsts: dict[int, int] = {}
        self.lasts: dict[int, int] = {}
        self.others: dict[tuple[int, int], list[_Token]] = {}
        self.headed: dict[tuple[int, int], bool] = {}

    def around(self, hit: _Hit) -> tuple[int, int]:
        """The run around a hit; function words and possessives ("China's") end it."""
        text, tokens = self.text, self.tokens
        first, walked = hit.first, []
        while first not in self.firsts and first > 0 and _adjacent(text, tokens[first - 1],
                                                                   tokens[first]):
            before = tokens[first - 1]
            if (not _capitalised(before) or before.key in _STOP
                    or text[before.end : before.end + 2] == "'s"):
                break
            walked.append(first)
            first -= 1
        first = self.firsts.get(first, first)
        self.firsts.update(dict.fromkeys(walked, first))
        self.firsts[hit.first] = first
        last, walked = hit.last, []
        while last not in self.lasts and last + 1 < len(tokens) and _adjacent(
                text, tokens[last], tokens[last + 1]):
            after = tokens[last + 1]
            if (not _capitalised(after) or after.key in _STOP
                    or text[tokens[last].end : tokens[last].end + 2] == "'s"):
                break
            walked.append(last)
            last += 1
        last = self.lasts.get(last, last)
        self.lasts.update(dict.fromkeys(walked, last))
        self.lasts[hit.last] = last
        return first, last

    def not_places(self, first: int, last: int) -> list[_Token]:
        """The words of a run that are neither places nor type words."""
        others = self.others.get((first, last))
        if others is None:
            others = self.others[first, last] = [
                self.tokens[i] for i in range(first, last + 1)
                if i not in self.places and self.tokens[i].key not in _TYPE_WORDS
                and self.tokens[i].key != "sino"]  # "Sino-US trade" names two countries
        return others

    def headed_by_name(self, first: int, last: int) -> bool:
        """Whether a word of the run makes it a name ("Customs", "Group", "Port" ...)."""
        headed = self.headed.get((first, last))
        if headed is None:
            headed = self.headed[first, last] = any(
                t.key in _NAME_HEADS for t in self.not_places(first, last))
        return headed


def _inside_a_name(text: str, tokens: list[_Token], hit: _Hit, runs: _Runs,
                   title: bool) -> bool:
    """Whether the place is part of an organisation's, platform's or person's name:
    "Ningbo Customs", "Ningbo Zhoushan Port", "Hangzhou Bay New Zone", "Xi Jinping",
    "New Jersey", "Bank of China"."""
    if (_IN_PARENTHESES_NAME.search(text, max(0, hit.start - 40), hit.start)
            and _CLOSES_NAME.match(text, hit.end)):
        return True  # "China (Zhejiang) Pilot Free Trade Zone"
    if _BEFORE_PARENTHESES_NAME.match(text, hit.end):
        return True
    first, last = runs.around(hit)
    others = runs.not_places(first, last)
    if others and others[0].key in _TITLES and others[0].start > hit.start:
        return False  # "Ningbo Mayor Tang Feifan": a title and a person
    if runs.headed_by_name(first, last):
        return True
    if (last + 1 < len(tokens) and _adjacent(text, tokens[last], tokens[last + 1])
            and tokens[last + 1].key in _LOWER_HEADS):
        return True  # "Ningbo Zhoushan port" names the port, not the cities
    if others and not title:
        return True
    if first > 1 and tokens[first - 1].key == "of":
        owner = tokens[first - 2]
        if (_adjacent(text, owner, tokens[first - 1]) and _adjacent(text, tokens[first - 1],
                                                                    tokens[first])
                and _capitalised(owner) and owner.key in _OF_HEADS):
            return True
    return text[hit.end : hit.end + 1] == "$" or bool(_CURRENCY.match(text, hit.end))


_MISSPELT = guarded_compile(
    r"\b([A-Z][a-z]{2,})\s(?:district|county)\s(?:in|of)\s([A-Z][a-z]+)(?:\s(?:city|City))?"
)


def _misspelt(doc: Document, known: set[int]) -> Iterator[tuple[gazetteer.Place, int, int]]:
    """ "Beicang district in Ningbo city": the closest-spelt district of Ningbo."""
    text = doc.norm
    windows = word_windows(text, find_all(text, ("district", "county"), after_space=True), 1, 4)
    for match in (m for low, high in windows for m in _MISSPELT.finditer(text, low, high)):
        if match.start(1) in known or gazetteer.lookup(match[1]) is not None:
            continue
        parent = gazetteer.lookup(match[2])
        if parent is None:
            continue
        children = {c.name: c for c in parent.children()}
        close = difflib.get_close_matches(match[1], list(children), n=1, cutoff=0.6)
        if close:
            yield children[close[0]], match.start(1), match.end(1)


# The region a mention itself is placed in: "Taizhou in Jiangsu province", "Taizhou,
# Jiangsu", "Zhejiang's Taizhou".
_PLACED_AFTER = lazy_compile(r",?\s(?:in\s)?([A-Z][a-z]+)(?:\s[Pp]rovince)?\b")
_PLACED_BEFORE = guarded_compile(r"\b([A-Z][a-z]+)'s\s\Z")


def _placed_in(text: str, start: int, end: int) -> set[str]:
    """The codes of the regions written right after or before a mention."""
    codes = set()
    for match in (_PLACED_AFTER.match(text, end), _PLACED_BEFORE.search(text, max(0, start - 30),
                                                                          start)):
        region = gazetteer.lookup(match[1]) if match else None
        if region is not None:
            codes.add(region.code)
    return codes


def _place(code: str, context: set[str], text: str, start: int,
           end: int) -> gazetteer.Place | None:
    """The place a code from the name index stands for, preferring among places that
    share a name the one inside a region written beside this mention ("Taizhou in
    Jiangsu"), else inside a region the article names."""
    place = gazetteer.lookup(code)
    if place is None:
        return None
    candidates = gazetteer.lookup_all(place.name)
    if len(candidates) > 1:
        beside = _placed_in(text, start, end)
        for candidate in candidates if beside else ():
            if any(a.code in beside for a in candidate.ancestors()):
                return candidate
        for candidate in candidates:
            if any(a.code in context for a in candidate.ancestors()):
                return candidate
    return place


def extract_regions(doc: Document) -> list[Region]:
    """One :class:`Region` per place mention in ``doc`` (the linker merges them)."""
    text = doc.norm
    found: list[tuple[str, int, int]] = []
    name_words = _name_words(text)
    for sentence in doc.sentences:
        shifted = _tokens(text, sentence.start, sentence.end)
        hits = list(_matches(text, shifted))
        places = {i for h in hits for i in range(h.first, h.last + 1)}
        title = sentence.start < doc.body_start and _title_case(shifted)
        runs = _Runs(text, shifted, places)
        for hit in hits:
            if not _inside_a_name(text, shifted, hit, runs, title):
                found.append((hit.code, hit.start, hit.end))
    context = {code for code, _, _ in found}
    records: list[Region] = []
    for code, start, end in found:
        place = _place(code, context, text, start, end)
        if place is None or (place.ambiguous and doc.text[start:end] == place.name):
            continue
        if not _plausible(place, context, doc.text[start:end]):
            continue
        if place.level == "country" and _is_demonym(place, doc.text[start:end]) and (
            _normal_words(doc.text[start:end])[0] in name_words or _verb_follows(text, end)
        ):
            continue  # "Haitian Group" ... "Haitian has": a company, not Haiti
        records.append(_record(place, doc, start, end))
    for place, start, end in _misspelt(doc, {s for _, s, _ in found}):
        records.append(_record(place, doc, start, end))
    return records


_NAMED_SUFFIXES = ("Group", "Co", "Company", "Corp", "Holdings", "Inc", "Ltd")
_NAMED = guarded_compile(rf"\b([A-Z][a-z]+)\s(?:{'|'.join(_NAMED_SUFFIXES)})\b")
_VERB = lazy_compile(
    r"\s(?:has|have|had|is|was|were|will|would|said|says|can|also|did|does)\b|,\s(?:a|an|the)\s"
)


def _name_words(text: str) -> frozenset[str]:
    """First words of company names in the text ("Haitian" of "Haitian Group")."""
    windows = word_windows(text, find_all(text, _NAMED_SUFFIXES, after_space=True), 1, 1)
    return frozenset(m[1].casefold() for low, high in windows
                     for m in _NAMED.finditer(text, low, high))


def _verb_follows(text: str, end: int) -> bool:
    return bool(_VERB.match(text, end))


def _is_demonym(place: gazetteer.Place, surface: str) -> bool:
    words = _normal_words(surface)
    return all(_key(words) != _key(_normal_words(n)) for n in (place.name, *place.aliases))


def _plausible(place: gazetteer.Place, context: set[str], surface: str) -> bool:
    """Outside Zhejiang, a city or county needs support: a type word ("Meishan City"),
    its province or city named in the article, or prominence (a provincial capital or
    a city in data/prominent_cities.txt). Local names ("Meishan" island, "Xinhua" the
    agency, "Chuanshan" port area) collide with distant places far more often than
    articles about Zhejiang name those places."""
    if place.level in ("country", "province") or place.code.startswith("33"):
        return True
    if any(word in _TYPE_WORDS for word in _normal_words(surface)):
        return True
    if any(a.code in context for a in place.ancestors() if a.level != "country"):
        return True
    return place.code.endswith("0100") or place.code in _prominent()


@cache
def _prominent() -> frozenset[str]:
    return frozenset(
        line.split("#")[0].strip() for line in read_data("prominent_cities.txt").splitlines()
        if line.split("#")[0].strip()
    )


def _record(place: gazetteer.Place, doc: Document, start: int, end: int) -> Region:
    return Region(
        code=place.code,
        name=place.name,
        level=RegionLevel(place.level),
        parent=place.parent_code,
        mentions=[Span.of(doc.text, start, end)],
    )
