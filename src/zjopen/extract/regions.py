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
from bisect import bisect_left
from functools import cache, lru_cache

from zjopen import gazetteer
from zjopen.document import Document, made_span
from zjopen.extract._anchors import word_anchors
from zjopen.extract._region_index import (  # noqa: F401 - the key file's builder's
    _KEYS_FILE,
    _TOKEN,
    _key,
    _keys_header,
    _normal_words,
    _stored_word_keys,
    _word_keys,
)
from zjopen.extract._region_words import (
    _TYPE_WORDS,
    Words,
    matches,
    outside_names,
    title_case,
)
from zjopen.lexicon.load import read_list
from zjopen.lexicon.patterns import guarded_compile, lazy_compile, word_windows
from zjopen.model import Region, RegionLevel, Span

__all__ = ["extract_regions"]


_MISSPELT = guarded_compile(
    r"\b([A-Z][a-z]{2,})\s(?:district|county)\s(?:in|of)\s([A-Z][a-z]+)(?:\s(?:city|City))?"
)


def _misspelt(doc: Document, found: list[tuple[str, int, int]]
              ) -> list[tuple[gazetteer.Place, int, int]]:
    """ "Beicang district in Ningbo city": the closest-spelt district of Ningbo (``found``:
    the places found already, none of which is one)."""
    text = doc.norm
    anchors = word_anchors(text, ("district", "county"))
    if not anchors:
        return []  # (most documents: no district nor county named)
    known = {start for _, start, _ in found}
    misspelt = []
    for match in (m for low, high in word_windows(text, anchors, 1, 4)
                  for m in _MISSPELT.finditer(text, low, high)):
        if match.start(1) in known or gazetteer.lookup(match[1]) is not None:
            continue
        parent = gazetteer.lookup(match[2])
        if parent is None:
            continue
        children = {c.name: c for c in parent.children()}
        close = difflib.get_close_matches(match[1], list(children), n=1, cutoff=0.6)
        if close:
            misspelt.append((children[close[0]], match.start(1), match.end(1)))
    return misspelt


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


@cache  # (a code of the name index: a few thousand at most)
def _code_place(code: str) -> tuple[gazetteer.Place | None, tuple[gazetteer.Place, ...]]:
    """The place a code from the name index stands for, and the places that share its
    name (the place alone, or none, most often)."""
    place = gazetteer.lookup(code)
    if place is None:
        return None, ()
    return place, gazetteer.lookup_all(place.name)


def _preferred(place: gazetteer.Place, candidates: tuple[gazetteer.Place, ...],
               context: set[str], text: str, start: int, end: int) -> gazetteer.Place:
    """Among places that share a name, the one inside a region written beside this
    mention ("Taizhou in Jiangsu"), else inside a region the article names, else
    ``place`` (the gazetteer's preference)."""
    beside = _placed_in(text, start, end)
    for candidate in candidates if beside else ():
        if any(a.code in beside for a in candidate.ancestors()):
            return candidate
    for candidate in candidates:
        if any(a.code in context for a in candidate.ancestors()):
            return candidate
    return place


def _verdict(place: gazetteer.Place, context: set[str], surface: str) -> int:
    """Whether a mention of ``place`` written ``surface`` is kept: 0 no, 1 yes, 3 when
    a demonym: unless it is a company's first word, or a verb follows it ("Haitian
    Group", "Haitian has": a company, not Haiti)."""
    if place.ambiguous and surface == place.name:
        return 0
    if not _plausible(place, context, surface):
        return 0
    if place.level == "country" and _is_demonym(place, surface):
        return 3
    return 1


BLOCK = 1 << 16
"""The words of a text are found a block of about this many characters at a time (their
lists take some 40 bytes a character), so that a large article needs no more memory for
them than a small one. A sentence across two blocks gets words of its own."""


def _no_word_across(text: str, position: int) -> bool:
    """Whether no word can run across ``position``: a white space is beside it (a word,
    a run of letters, never holds one)."""
    return position == 0 or text[position - 1].isspace() or (
        position < len(text) and text[position].isspace())


def _block_end(text: str, start: int) -> int:
    """The end of the block from ``start``: a white space ``BLOCK`` characters on or
    later, or the end of the text."""
    return len(text) if start + BLOCK >= len(text) else _space_from(text, start + BLOCK)


def _space_from(text: str, position: int) -> int:
    found = _SPACE.search(text, position)
    return len(text) if found is None else found.start()


_SPACE = lazy_compile(r"\s")


@cache
def _no_words() -> Words:
    """The words of an empty text (before the first block: read, never changed)."""
    return Words("", 0, 0)


def extract_regions(doc: Document) -> list[Region]:
    """One :class:`Region` per place mention in ``doc`` (the linker merges them)."""
    text = doc.norm
    found: list[tuple[str, int, int]] = []
    name_words: frozenset[str] | None = None  # (found when a demonym needs them)
    words, block_start, block_end = _no_words(), 0, 0
    wstarts, wtexts, candidates = words.starts, words.full_texts, words.candidates
    body_start = doc.body_start
    for sentence in doc.sentences:
        start, end = sentence.start, sentence.end
        if start >= block_end and _no_word_across(text, start):
            block_start, block_end = start, _block_end(text, start)
            words = Words(text, block_start, block_end)  # the next block's words
            wstarts, wtexts, candidates = words.starts, words.full_texts, words.candidates
        # (Words.span and Words.candidates_in, inlined)
        if block_start <= start and end <= block_end:
            lo, hi = bisect_left(wstarts, start), bisect_left(wstarts, end)
            across = ((lo and wstarts[lo - 1] + len(wtexts[lo - 1]) > start)
                      or (hi > lo and wstarts[hi - 1] + len(wtexts[hi - 1]) > end))
        else:
            across = True
        if across:  # a word runs over the sentence's end, or the block's: its own words
            own = Words(text, start, end)
            lo, hi, starts = 0, len(own.starts), own.candidates
            if not starts:
                continue
        else:
            own = words
            low = bisect_left(candidates, lo)
            if low == len(candidates) or candidates[low] >= hi:
                continue  # no word that can begin a place name (a third of the sentences)
            starts = candidates[low : bisect_left(candidates, hi, low)]
        hits = matches(text, own, lo, hi, starts)
        if not hits:
            continue
        title = sentence.start < body_start and title_case(own, lo, hi)
        outside_names(text, own, lo, hi, hits, title, found)
    context = {code for code, _, _ in found}
    records: list[Region] = []
    surfaces = doc.text
    size = len(surfaces)
    # What a (place, surface) pair comes to, decided once per document (the context is
    # the document's): 0 left out, 1 kept, 2 kept unless a verb follows the mention.
    verdicts: dict[tuple[str, str], int] = {}
    # (A code's place, when it has no namesakes, is the same at each of its mentions:
    # (code, surface) -> the verdict and the place.)
    decided: dict[tuple[str, str], tuple[int, gazetteer.Place]] = {}
    for code, start, end in found:
        surface = surfaces[start:end]
        known = decided.get((code, surface))
        if known is not None:
            verdict, place = known
        else:
            coded, namesakes = _code_place(code)
            if coded is None:
                continue
            place = coded
            if len(namesakes) > 1:
                place = _preferred(place, namesakes, context, text, start, end)
            verdict = verdicts.get((place.code, surface), -1)
            if verdict < 0:
                verdict = _verdict(place, context, surface)
                if verdict == 3:
                    if name_words is None:
                        name_words = _name_words(text)
                    verdict = 0 if _normal_words(surface)[0] in name_words else 2
                verdicts[place.code, surface] = verdict
            if len(namesakes) < 2:
                decided[code, surface] = verdict, place
        if not verdict or (verdict == 2 and (_verb_follows(text, end)
                                             or _listed_with_a_language(text, start, end))):
            continue
        # (_record, with the surface already cut as its span's text)
        records.append(_region(place, made_span(start, end, surface))
                       if 0 <= start <= end <= size else _record(place, surfaces, start, end))
    for place, start, end in _misspelt(doc, found):
        records.append(_record(place, surfaces, start, end))
    return records


_NAMED_SUFFIXES = ("Group", "Co", "Company", "Corp", "Holdings", "Inc", "Ltd")
_NAMED = guarded_compile(rf"\b([A-Z][a-z]+)\s(?:{'|'.join(_NAMED_SUFFIXES)})\b")
_VERB = lazy_compile(
    r"\s(?:has|have|had|is|was|were|will|would|said|says|can|also|did|does)\b|,\s(?:a|an|the)\s"
)


def _name_words(text: str) -> frozenset[str]:
    """First words of company names in the text ("Haitian" of "Haitian Group")."""
    windows = word_windows(text, word_anchors(text, _NAMED_SUFFIXES), 1, 1)
    return frozenset(m[1].casefold() for low, high in windows
                     for m in _NAMED.finditer(text, low, high))


def _verb_follows(text: str, end: int) -> bool:
    return bool(_VERB.match(text, end))


def _listed_with_a_language(text: str, start: int, end: int) -> bool:
    """Whether the demonym at ``text[start:end]`` is listed with a language's name, so
    names a language ("in Chinese, English and Arabic", "in English, Spanish and Arabic")."""
    after = _LIST_GOES_ON.match(text, end)
    if after is None and _NOUN_AFTER.match(text, end):
        return False  # "Chinese buyers": the word before a noun, a country's
    if after is not None and _languages().after.match(text, end) is not None:
        return True
    return (text[max(0, start - 5) : start].endswith((", ", "and ", "or ", ",")) and
            _languages().before.search(text, max(0, start - _LIST_REACH), start) is not None)


_LIST_GOES_ON = lazy_compile(r",\s|\s(?:and|or)\s")
# A lower-case word after a demonym that is no word of a clause's grammar: a noun it
# qualifies ("Russian buyers"; not "Spanish to talk", "Turkish are common").
_NOUN_AFTER = lazy_compile(
    r"\s(?!(?:to|in|for|with|at|on|from|by|as|is|are|was|were|when|while|but|so)\b)[a-z]")
_LIST_REACH = 80  # how far back a list of languages is looked for


class _Languages:
    """Patterns of a list that holds a language's name, after or before a demonym."""

    def __init__(self, names: list[str]) -> None:
        names_alt = "|".join(sorted(names, key=len, reverse=True))
        gap = r"(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)"
        item = rf"[A-Z][a-z]+{gap}"
        self.after = lazy_compile(rf"{gap}(?:{item}){{0,4}}(?:{names_alt})\b")
        self.before = lazy_compile(rf"(?:{names_alt}){gap}(?:{item}){{0,4}}\Z")


@cache
def _languages() -> _Languages:
    return _Languages(read_list("languages.txt"))


def _is_demonym(place: gazetteer.Place, surface: str) -> bool:
    return _key(_normal_words(surface)) not in _name_keys((place.name, *place.aliases))


@lru_cache(maxsize=1024)  # a country's names: the same few hundred tuples
def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_key(_normal_words(n)) for n in names)


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
    return frozenset(read_list("prominent_cities.txt"))


# A gazetteer place's region is made without Region's __init__: its slots set directly,
# from fields that pass Region's checks and conversions unchanged (every place's do:
# tests/test_region_record.py builds each one both ways).
_new_object = object.__new__
_SET_CODE, _SET_NAME, _SET_LEVEL, _SET_PARENT, _SET_MENTIONS = (
    Region.__dict__[name].__set__ for name in ("code", "name", "level", "parent", "mentions"))


def _record(place: gazetteer.Place, text: str, start: int, end: int) -> Region:
    """A region of ``place`` with the mention ``start:end`` of ``text`` (the document's):
    ``Region(code=place.code, name=place.name, level=place.level,
    parent=place.parent_code, mentions=(span,))``."""
    # A span right by construction is made without checking it again (Span.of checks).
    return _region(place, made_span(start, end, text[start:end])
                   if 0 <= start <= end <= len(text) else Span.of(text, start, end))


def _region(place: gazetteer.Place, span: Span) -> Region:
    """:func:`_record` of a span made already."""
    level = place.level
    if type(level) is not RegionLevel:  # (Region's converter)
        return Region(code=place.code, name=place.name, level=level,
                      parent=place.parent_code, mentions=(span,))
    region: Region = _new_object(Region)
    _SET_CODE(region, place.code)
    _SET_NAME(region, place.name)
    _SET_LEVEL(region, level)
    _SET_PARENT(region, place.parent_code)
    _SET_MENTIONS(region, (span,))
    return region
