"""Platforms an article describes instead of naming, read from the English around them:

- a platform's head noun and the place it is in ("an investment summit in Hong Kong",
  "the inland port in Jiaxing", "the Sino-German industrial park in Jinyun county",
  "a petrochemical base on Yushan Island"): the description with its place is the name;
- a platform an article says was set up, built or given a status, described by what
  it does ("has set up an agricultural product export distribution center", "plans to
  build a digital trade port", "won status as a provincial information economy
  demonstration zone", "As a national pilot area for cross-border e-commerce exports");
- the areas of a free trade zone, in a text that names one ("the Ningbo area (46 sq
  km), the Hangzhou area ... and the Jinhua-Yiwu area").

Each is read only around its head noun (a few ``str.find`` calls), in a window of a few
words, so the cost grows with the text and not with the number of heads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from zjopen import gazetteer
from zjopen.extract._tables import LEADING, Found, TextWords, place_code, word_tables
from zjopen.lexicon.patterns import alt, guarded_compile, lazy_compile, trie_alternation
from zjopen.model import PlatformKind

__all__ = ["looked_up", "unnamed_platforms"]

# Words that keep a description from being one platform's: "the same park", "the
# first such zone", "other industrial parks".
_NOT_MODIFIERS = LEADING | frozenset(
    "such same other own next time more most major several various many much".split())


def unnamed_platforms(text: str, split: TextWords, has_free_trade_zone: bool
                      ) -> Iterator[Found]:
    """Every such platform in ``text`` (in no particular order); the areas of a free
    trade zone only when ``has_free_trade_zone``. ``split`` holds the text's words."""
    tables = _tables()
    words = split.words
    # Only where a head noun stands (looked up word by word) and what the pattern needs
    # is near: "in"/"on" right after it, a verb of setting up in the ten words before.
    heads = list(split.find(tables.anchors))
    if not heads:
        return
    prepositions = words[1:]
    placed = [i for i in heads if i < len(prepositions) and prepositions[i] in ("in", "on")]
    # ("as" only in "and as": "won status as a ... zone and as a ... base")
    verbs = [i for i in split.find(tables.verbs)
             if words[i] != "as" or (i > 0 and words[i - 1] == "and")]
    created = []
    if verbs:
        near: set[int] = set()
        for verb in verbs:
            near.update(range(verb + 1, verb + 11))
        created = [i for i in heads if i in near]
    yield from _placed(text, split, placed, tables)
    yield from _created(text, split, created, tables)
    if has_free_trade_zone:
        yield from _zone_areas(text, split)


def looked_up() -> tuple[frozenset[str], ...]:
    """The word tables :func:`unnamed_platforms` looks the text's words up in."""
    tables = _tables()
    return tables.anchors, tables.verbs, _AREA_WORD


# (a plain class: an attrs class's methods are generated and compiled at import)
class _Tables:
    placed: re.Pattern[str]
    created: re.Pattern[str]
    anchors: frozenset[str]  # the last words of the heads
    verbs: frozenset[str]  # the words of the verbs of setting up
    kinds: dict[str, PlatformKind]
    domain: frozenset[str]
    status: frozenset[str]
    apposition: re.Pattern[str]  # after a platform's name and a comma: a description of it

    __slots__ = ("anchors", "apposition", "created", "domain", "kinds", "placed", "status",
                 "verbs")

    def __init__(
        self,
        placed: re.Pattern[str],
        created: re.Pattern[str],
        anchors: frozenset[str],
        verbs: frozenset[str],
        kinds: dict[str, PlatformKind],
        domain: frozenset[str],
        status: frozenset[str],
        apposition: re.Pattern[str],
    ) -> None:
        self.placed = placed
        self.created = created
        self.anchors = anchors
        self.verbs = verbs
        self.kinds = kinds
        self.domain = domain
        self.status = status
        self.apposition = apposition


@cache
def _tables() -> _Tables:
    raw = word_tables()
    heads = raw.placed_heads
    placed = guarded_compile(
        r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s(?P<words>(?:(?!(?:an?|the)\s)[\w-]+\s){0,4}?)"
        rf"(?P<head>{trie_alternation(list(heads))})\s(?P<prep>in|on)\s"
        r"(?:an?\s(?:island|islet)\s(?:in|off)\s)?"  # "on an island in Zhoushan"
        r"(?P<place>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})"
        r"(?P<level>\s(?:county|city|district|province|island))?(?![\w-])")
    created = guarded_compile(
        rf"\b(?:{trie_alternation(list(raw.creating_verbs))})\s(?:an?|the)\s"
        rf"(?P<words>(?:(?!(?:an?|the)\s)[\w-]+\s){{1,7}}?)(?P<head>{trie_alternation(list(raw.created_heads))})"
        r"(?P<tail>\s(?:for|of)\s(?:[\w-]+\s){0,3}?[\w-]+(?=[,.;]))?(?![\w-])")
    anchors = frozenset(h.rsplit(" ", 1)[-1] for h in (*heads, *raw.created_heads))
    # a verb's first word ("set" of "set up", "status" of "status as"), not "and"; and the
    # "as" of "and as" (a second status, many words after the first verb)
    verbs = (frozenset(v.split()[0] for v in raw.creating_verbs) - {"and"}) | {"as"}
    # After a platform's name and a comma: a description of it, no other platform ("the
    # China (Zhejiang) Pilot Free Trade Zone (FTZ), a free-trade zone in Zhoushan")
    apposition = lazy_compile(rf"(?:{alt(raw.apposed_heads)}|\(\w+\)),\s\Z")
    return _Tables(placed, created, anchors, verbs, {**heads, **raw.created_heads},
                   raw.created_domain, raw.status_words, apposition)


def _window(split: TextWords, index: int, before: int, after: int) -> tuple[int, int]:
    """From ``before`` words before word ``index`` to ``after`` words after it."""
    return split.start(max(0, index - before)), split.end(min(len(split.words) - 1,
                                                               index + after))


def _placed(text: str, split: TextWords, hits: list[int], tables: _Tables) -> Iterator[Found]:
    for index in hits:
        low, high = _window(split, index, 8, 6)
        for match in tables.placed.finditer(text, low, high):
            found = _placed_match(text, match, tables)
            if found is not None:
                yield found


def _placed_match(text: str, match: re.Match[str], tables: _Tables) -> Found | None:
    words = match["words"].split()
    while words and words[0].casefold() in _NOT_MODIFIERS:
        words = words[1:]
    head = match["head"]
    if any(w.casefold() in _NOT_MODIFIERS or w[0].isdigit() for w in words):
        return None
    if not words and " " not in head:
        return None  # "the park in Ningbo" says too little
    if _DESCRIBES.search(text, max(0, match.start() - 40), match.start()) or any(
            w.endswith("est") or w.endswith("-class") for w in words):
        return None  # "As the largest mold base in China, Taizhou": the place described
    if tables.apposition.search(text, max(0, match.start() - 12), match.start()):
        return None  # "Jinyi New Area, the fifth provincial development zone in Zhejiang"
    place = match["place"]
    if place.endswith("'s") or (gazetteer.lookup(place) is None
                                and gazetteer.lookup(place.split()[0]) is None
                                and match["prep"] == "on" and not match["level"]):
        return None  # "a base on Monday"
    start = match.start("head") - sum(len(w) + 1 for w in words)
    return Found("platform", text[start : match.end()], start, match.end(), tables.kinds[head],
                 place_code(place.split()))


def _created(text: str, split: TextWords, hits: list[int], tables: _Tables) -> Iterator[Found]:
    for index in hits:
        low, high = _window(split, index, 12, 12)  # (a tail of hyphenated words)
        for match in tables.created.finditer(text, low, high):
            words = match["words"].split()
            # what it does may be said after the head too ("a pilot area for exports")
            said = [*words, *(match["tail"] or "").split()]
            if (any((w.casefold() in _NOT_MODIFIERS and not _joins(words, i, tables.domain))
                    or w[0].isdigit() for i, w in enumerate(words))
                    or not any(w.casefold() in tables.domain for w in said)):
                continue  # "set up a new center", "built a big park": nothing says what it is
            if match["head"].endswith(("zone", "area")) and not tables.status.intersection(
                    w.casefold() for w in words[:1]):
                continue  # "the first province to set up a pilot zone": a kind, not a status
            start = match.start("words")
            yield Found("platform", text[start : match.end()], start, match.end(),
                        tables.kinds[match["head"]])


def _joins(words: list[str], index: int, domain: frozenset[str]) -> bool:
    """Whether ``words[index]`` is an "and" between two words of what a platform does
    ("an entrepreneurship and innovation service center", "a software and IT base")."""
    return (words[index] == "and" and 0 < index < len(words) - 1
            and words[index - 1].casefold() in domain and words[index + 1].casefold() in domain)


# Before a description of the thing the sentence is about: "As the largest ... base in
# China, Taizhou", "X is the ...", "making it the ...".
_DESCRIBES = lazy_compile(
    r"\b(?:[Aa]s|is|was|be|been|became|becomes|become|remains|it|one\sof)\s\Z")
# "the Ningbo area", "the Jinhua-Yiwu area": one or two places, joined by a hyphen.
_AREA = lazy_compile(r".*?\b[Tt]he\s([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\sarea\b(?!\sof\b)")
_AREA_WORD = frozenset({"area"})


def _zone_areas(text: str, split: TextWords) -> Iterator[Found]:
    """The areas of a free trade zone listed together ("the Ningbo area (46 sq km), the
    Hangzhou area ..."), each a place in China; one alone is a place ("in the Beilun area")."""
    found = (_AREA.match(text, split.start(max(0, i - 3)), split.end(i) + 4)
             for i in split.find(_AREA_WORD))
    areas = [m for m in found if m is not None
             and all((p := gazetteer.lookup(w)) is not None and p.code.isdigit()
                    for w in m[1].split("-"))]
    for index, match in enumerate(areas):
        near = [a for a in areas[max(0, index - 1) : index + 2] if a is not match
                and abs(a.start(1) - match.start(1)) < 200]
        if near:  # areas listed together ("the Ningbo area (46 sq km), the Hangzhou area")
            name = match[1] + " area"
            yield Found("platform", name, match.start(1), match.end(), PlatformKind.FREE_TRADE_ZONE,
                        place_code([match[1].split("-")[0]]))
