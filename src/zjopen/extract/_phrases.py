"""Entities without a capitalised name of their own: platforms an article describes
("the world's first O2O cross-border e-commerce trading platform for magnetic materials",
"the Yiwu-Madrid freight train", "the Turkey expo"), quoted and counted policies ("the
'four leading fields' strategy", "13 policies to promote high-level opening up") and
two-party agreements written in lower case ("the China-Serbia free trade agreement").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import cache

from zjopen import gazetteer
from zjopen.extract._anchors import anchor_keys, word_anchors
from zjopen.extract._marked import marked_matches
from zjopen.extract._tables import LEADING, Found, TextWords, place_code, word_tables
from zjopen.lexicon.patterns import (
    add_window,
    find_all,
    guarded_compile,
    lazy_compile,
    word_windows,
)
from zjopen.model import PlatformKind

__all__ = ["phrase_anchor_keys", "phrases"]


def phrases(text: str, lowered: str, split: TextWords | None = None) -> Iterator[Found]:
    """Every such entity in ``text`` (unmerged, in no particular order); ``lowered`` is
    :func:`~zjopen.lexicon.patterns.ascii_lower` of it, ``split`` its words (made with
    :func:`phrase_anchor_keys` among its tables, for speed), if at hand."""
    # The head words that stand in the text (where its split tells them all): the
    # others are not looked for (word_anchors).
    present: Collection[str] | None = None
    if split is not None and not split.tailed:
        present = set(map(split.words.__getitem__, split.find(phrase_anchor_keys())))
    yield from _described(text)
    if "port areas" in text:
        yield from _port_areas(text)
    yield from _quoted(text, present)
    yield from _packages(text, lowered)
    windows = _hyphenated(text)
    for phrase_start, phrase_end, kind in _hyphen_routes(text, windows):
        yield Found("platform", text[phrase_start:phrase_end], phrase_start, phrase_end, kind)
    for low, high in windows:
        for match in _PAIR_AGREEMENT.finditer(text, low, high):
            yield Found("initiative", match.group(), match.start(), match.end())
    # Only around "expo", "port", "market", "fair" as words: three words before, and the
    # word after that the look-ahead reads.
    heads = word_windows(text, word_anchors(text, _KINDS, present=present), 4, 2)
    for match in (m for low, high in heads for m in _LOWER_HEAD.finditer(text, low, high)):
        words = match["name"].split()
        while words and (words[0].casefold() in LEADING or (
                _VERB_LIKE.search(words[0]) and _opens(text, match.start()))):
            words = words[1:]  # "Growing port throughput": a sentence's first word
        kind = _LOWER_KINDS[match["head"]]
        if words and kind is PlatformKind.MARKET and _region_word(words[-1]):
            continue  # "the European market", "the CEE market": a market, not a place
        if len(words) == 1 and (_demonym(words[0]) or _COMPASS.search(
                text, max(0, match.end("name") - len(words[0]) - 12),
                match.end("name") - len(words[0]) - 1)):
            continue  # "the southern Chinese port", "a major east China port": no name
        if words:
            start = match.end("name") - len(" ".join(words)) - 1
            yield Found("platform", text[start : match.end()], start, match.end(), kind,
                        place_code(words))


_VERB_LIKE = lazy_compile(r"(?:ing|ed|ly)\Z")
# A compass word before a place ("east China port"): a part of the place, the port unnamed
_COMPASS = lazy_compile(r"\b(?:(?:north|south)?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?"
                        r"|central)\s?\Z", re.IGNORECASE)
# A list of port areas named once with their head: "the Jiantiao, Haimen and Damaiyu port
# areas", "the three port areas of Chuanshan, Daxie and Meishan".
_AREA_ITEMS = r"[A-Z][a-z]+(?:,\s[A-Z][a-z]+){0,8},?\s(?:and|&)\s[A-Z][a-z]+"
_AREAS_BEFORE = guarded_compile(rf"\b({_AREA_ITEMS})\s\Z")
_AREAS_AFTER = lazy_compile(rf"port\sareas\sof\s({_AREA_ITEMS})\b")
_AREA_ITEM = lazy_compile(r"[A-Z][a-z]+")
_AREAS_REACH = 160  # characters: nine names and their commas before "port areas"


def _port_areas(text: str) -> Iterator[Found]:
    """Each port area of such a list, named "X port area" at its own word; a country or
    a leading word ("The") in the list is none. Read only where "port areas" stands."""
    at = text.find("port areas")
    while at >= 0:
        match = (_AREAS_BEFORE.search(text, max(0, at - _AREAS_REACH), at)
                 or _AREAS_AFTER.match(text, at))
        at = text.find("port areas", at + 10)
        if match is None:
            continue
        for item in _AREA_ITEM.finditer(text, match.start(1), match.end(1)):
            word = item.group()
            place = gazetteer.lookup(word)
            if word.casefold() in LEADING or (place is not None and not place.code.isdigit()):
                continue
            yield Found("platform", f"{word} port area", item.start(), item.end(),
                        PlatformKind.PORT, place_code([word]))


def _opens(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \"“(")
    return not before or before.endswith((".", "!", "?", "\n", ":"))


def _demonym(word: str) -> bool:
    """Whether ``word`` names a country's people ("Chinese", "German", "Turkish"), not the
    country ("Turkey": "the Turkey expo" is one)."""
    place = gazetteer.lookup(word)
    return (place is not None and not place.code.isdigit()
            and place.name.casefold() != word.casefold()
            and word.endswith(("ese", "ian", "an", "ish", "ch", "i")))


def _region_word(word: str) -> bool:
    """Whether a market named by ``word`` is a region's trade, not a marketplace: a
    country or a demonym ("Russian"), a continent or a bloc ("Asian", "CEE")."""
    if word in word_tables().market_regions:
        return True
    place = gazetteer.lookup(word)
    return place is not None and not place.code.isdigit()


# (The quoted words hold no quotation mark: they end at the first, so they are read
# possessively, not tried a character at a time as the shortest that may end there.)
_QUOTED = lazy_compile(r"[\"“'‘]([^\"“”'‘’\n]{3,80}+)[\"”'’](?=[\s,.;:)-]|\Z)")
_TO = lazy_compile(r"\sto\s")
_LISTED_POLICY = lazy_compile(r"[\"”]\s(?:\w+\s){0,6}?[\w,]*,\s(?:and\s)?the\s\Z")


_NOT_DESCRIBING = LEADING | {"such", "same", "other", "own", "next", "time"}
_NOT_IN_TAIL = LEADING | frozenset(
    "has have had is are was were will would can could may might should must shall".split())
_DESCRIBED_BY = guarded_compile(
    r"\b(?:world|country|nation|province|city|China|Zhejiang|Asia|Europe|Africa)'s\s\Z")
_ORDINAL = guarded_compile(r"\b(?:second|third|fourth|fifth)[\s-]\Z")
# Before an unnamed platform: a determiner, or an owner ("Hangzhou's first ... park").
_DESCRIBED_OWNER = guarded_compile(r"(?:\b(?:the|its|their|a|an)|[A-Z][\w-]*'s)\s\Z")
# ... but not a description of something named just before: "X, China's first ..."
# (an apposition), "X is the first ..." (a predicate), "one of the first ...", "made X
# its largest ..." (a predicate of the object).
_DESCRIBES_NAMED = guarded_compile(
    r"(?:(?:(?<=\w\s)[A-Z][\w'-]*,[\"”]?|[A-Z][\w'-]*[\"”],|\b(?:is|was|are|were|be|been"
    r"|being|became|becomes|become|remains|[Aa]s|one\sof|ranked|rated|named"
    r"|(?:making|made|makes|make)\s(?:it|[A-Z][\w'-]*)))\s|\()"  # "made Pinghu its largest"
    r"(?:(?:the|its|their|a|an)\s)?\Z")


def _described(text: str) -> Iterator[Found]:
    """Unnamed platforms an article singles out by an ordinal or a superlative (the
    guidelines' "specific and singular" descriptions): "the world's first O2O cross-border
    e-commerce trading platform for magnetic materials", "the first Chinese industrial
    park in Mexico". A description of something named just before it ("the Shanghai FTZ,
    China's first ...", "X is the first ...") is not another platform."""
    words = word_tables()
    resume = 0
    for position in find_all(text, words.described_markers):
        match = words.described.match(text, position) if position >= resume else None
        if match is None:
            continue
        resume = match.end()
        start = position
        before = text[max(0, start - 40) : start]
        ordinal = _ORDINAL.search(before) if text[start] == "l" else None
        if ordinal is not None:  # "the second largest single container terminal"
            start -= len(ordinal.group())
            before = before[: ordinal.start()]
        own = _DESCRIBED_BY.search(before)
        if own is not None:  # "China's first ...", "the world's first ...": in the name
            start -= len(own.group())
            before = before[: own.start()]
            if not own.group().startswith(("China", "Zhejiang", "Asia", "Europe", "Africa")):
                if not before.endswith("the "):
                    continue  # "the world's first", never a bare "world's first"
                before = before[:-4]
        else:
            owner = _DESCRIBED_OWNER.search(before)
            if owner is None:
                continue
            if owner.group()[0].isupper():  # "will become Xusheng's largest ... base"
                before = before[: owner.start()]
        if _DESCRIBES_NAMED.search(before):
            continue
        between = match["words"].split()
        if any(w.casefold() in _NOT_DESCRIBING or w.isdigit() for w in between):
            continue  # "the first time that the zone": not one phrase; "the first such park"
        if not between and " " not in match["head"]:
            continue  # "the only platform" says too little
        end = match.end("head")
        if match["tail"]:  # "for magnetic materials", "in Mexico"; not "for the ..."
            tail = match["tail"].split()
            while len(tail) > 1 and (tail[-1].casefold() in _NOT_IN_TAIL
                                     or (len(tail[-1]) > 4 and tail[-1].endswith("ed"))):
                tail.pop()  # "... for magnetic materials opened in May": not the verb
            if len(tail) > 1 and not any(w.casefold() in LEADING for w in tail[1:]):
                end += 1 + len(" ".join(tail))
        kind = words.described_kinds[match["head"]]
        if kind is PlatformKind.OTHER:
            lowered = match["words"].casefold()
            if "e-commerce" in lowered or "ecommerce" in lowered:
                kind = PlatformKind.ECOMMERCE_PLATFORM
            elif "digital" in lowered:
                kind = PlatformKind.DIGITAL_PLATFORM
        yield Found("platform", text[start:end], start, end, kind)


_TAIL_STOP = guarded_compile(r"\b(?:the|its|their|a|an|his|her|our|this|that)\b")
_ADJECTIVES = lazy_compile(r"\s(?:key|major|new|specific|policy|preferential|supporting)\b")


def _packages(text: str, lowered: str) -> Iterator[Found]:
    """Counted policy packages: "13 policies to promote high-level opening up", "nine
    key campaigns". The purpose clause is kept when it is short and names no object
    ("to transform the landscape" is left out); "nine campaigns" is an alias of a
    "nine key campaigns" in the same article."""
    found: list[tuple[int, int]] = []
    words = word_tables()
    # Only around the nouns ("policies"; any case): a number, two adjectives before,
    # "to" and five words after.
    windows = word_windows(text, word_anchors(lowered, words.package_nouns), 3, 7)
    for match in (m for low, high in windows for m in words.package.finditer(text, low, high)):
        end = match.end()
        tail = _TO.search(match.group())
        if tail:
            clause = match.group()[tail.start():]
            following = text[end : end + 1]
            if _TAIL_STOP.search(clause) or following not in (",", ".", ";", ""):
                end = match.start() + tail.start()
        found.append((match.start(), end))
    names = {text[s:e] for s, e in found}
    for start, end in found:
        name = text[start:end]
        fuller = [n for n in names
                  if n != name and _ADJECTIVES.sub("", n.split(" to ")[0]) == name]
        yield Found("initiative", name, start, end, canonical=fuller[0] if fuller else None)


# A proper name with a lower-case head: "the Turkey expo", "Ningbo port".
_LOWER_HEAD = guarded_compile(
    r"(?P<name>(?:\b[A-Z][\w-]+(?<!'s)\s){1,3}(?:(?:railway|rail|inland|dry|river)\s)?)"
    r"(?P<head>expo|port|market|fair)\b"
    r"(?!\s(?:areas?|cit(?:y|ies)|authorit\w*|operators?|companies|workers))"
)
_LOWER_KINDS = {"expo": PlatformKind.EXPO, "fair": PlatformKind.EXPO, "port": PlatformKind.PORT,
                "market": PlatformKind.MARKET}
_KINDS = tuple(_LOWER_KINDS)


@cache
def phrase_anchor_keys() -> frozenset[str]:
    """The words of a text's split that the heads :func:`phrases` anchors its searches
    in the text (not its lowered copy) can stand at (:func:`anchor_keys`)."""
    return anchor_keys(_KINDS) | anchor_keys(word_tables().system_heads)



# At most six parts joined by hyphens ("Yiwu-Xinjiang-Europe" has three): an unbounded
# repeat would read a run of a thousand hyphenated words once from each of its words.
_HYPHEN_ROUTE = guarded_compile(
    r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+){1,5}\s(?:freight\strains?|railway\sexpress|rail\sroute|route"
    r"|shipping\sroute|(?:freight\s|rail\s|railway\s|shipping\s)?line"
    r"|(?:cargo\s|passenger\s|freight\s|direct\s|all-cargo\s)?flights?|air\s(?:cargo\s)?route"
    r"|(?:air\s|sea\s)?(?:cargo|freight|container)\s(?:route|line|service))\b"
)


# A trade agreement between two parties, its head in lower case: "the China-Serbia free
# trade agreement", "the China-Nicaragua FTA" (capitalised ones are names the chain pass
# reads).
_PAIR_AGREEMENT = guarded_compile(
    r"\b[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+){1,5}\s(?:free\strade\s(?:agreement|area|pact|deal)|FTA"
    r"|(?:comprehensive\s)?economic\spartnership\sagreement|investment\s(?:agreement|treaty)"
    r"|trade\s(?:agreement|pact|deal))\b")


def _hyphen_routes(text: str, windows: list[tuple[int, int]]
                   ) -> Iterator[tuple[int, int, PlatformKind]]:
    """ "Yiwu-Xinjiang-Europe freight trains", "the Yiwu-Madrid route"."""
    for low, high in windows:
        for match in _HYPHEN_ROUTE.finditer(text, low, high):
            yield match.start(), match.end(), PlatformKind.LOGISTICS


_HYPHEN_CAPITAL = lazy_compile(r"-[A-Z]")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")
_TAIL_ROOM = 64  # longer than any head after a hyphenated name ("... economic partnership ...")


def _hyphenated(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` that can hold a hyphenated name with its head ("Yiwu-Madrid
    route"): each run of letters and hyphens with a capital after a hyphen, and room for
    the head after it. Every match of the patterns that read them lies inside one, so
    they are searched there only (the whole text, letter by letter, is slower).

    >>> _hyphenated("a cross-border deal: the China-Serbia FTA")
    [(25, 101)]
    """
    windows: list[tuple[int, int]] = []
    run_end = 0  # where the last run scanned ends: its other hyphens need no scan
    for hyphen in _HYPHEN_CAPITAL.finditer(text):
        if hyphen.start() < run_end:
            continue  # (scanning each again would take quadratic time on "A-B-C-...")
        low, high = hyphen.start(), hyphen.end()
        while low > 0 and text[low - 1] in _NAME_CHARS:
            low -= 1
        while high < len(text) and text[high] in _NAME_CHARS:
            high += 1
        run_end = high
        add_window(windows, low, high + _TAIL_ROOM)
    return windows


_PRODUCT_NEAR = guarded_compile(
    r"\b(?:cars?|carmakers?|automakers?|vehicles?|SUVs?|sedans?|EVs?|(?:smart)?phones?|trucks?"
    r"|aircraft|drones?|robots?)\b")


def _quoted(text: str, present: Collection[str] | None = None) -> Iterator[Found]:
    """Quoted policy names: "the 'four leading fields' strategy", "the practice of
    'running at most once'", the "Internet plus foreign trade" trend."""
    words = word_tables()
    for match in _quotes(text):
        inner = match[1].strip()
        if len(inner.split()) > 10:
            continue
        head = words.quoted_heads.match(text, match.end())
        before = max(0, match.start() - 40)
        if head and head.group() == " model" and _PRODUCT_NEAR.search(
                text, max(0, match.start() - 100), head.end() + 100):
            continue  # the "Ocean Star" model of a carmaker: a product
        if head:
            yield Found("initiative", text[match.start() : head.end()], match.start(),
                         head.end())
        elif (words.quoted_owners.search(text, before, match.start())
              or (len(inner.split()) >= 2
                  and (words.quoted_tail.search(inner)
                       or words.policy_verb.search(text, before, match.start())
                       or _after_listed_policy(text, match.start())
                       or _numbered_slogan(inner)))):
            yield Found("initiative", inner, match.start(1), match.start(1) + len(inner))
    # Only around the heads: a verb of up to four words, an article and four words before.
    windows = word_windows(text, word_anchors(text, words.system_heads, present=present),
                           9, 2)
    for match in (m for low, high in windows for m in words.introduced.finditer(text, low, high)):
        yield Found("initiative", match[1], match.start(1), match.end(1))


# A slogan named by its numbers, in title case: "Harnessing Five Waters", "Three
# Renovations and One Demolition", "Four Doubles" (Zhejiang's policy campaigns)
_SLOGAN_NUMBERS = frozenset(
    "One Two Three Four Five Six Seven Eight Nine Ten Double Doubles Dual".split())
_SLOGAN_JOINS = frozenset("and of the for a an to in on with".split())
# ... not a ranking's title ("Chinese Top Four Stones") nor a group of places ("Four New
# Districts")
_NOT_SLOGAN_WORDS = frozenset(
    "Top Districts District Zones Zone Areas Area Parks Park Cities City Ports Port".split())


def _numbered_slogan(inner: str) -> bool:
    """Whether a quoted phrase is a numbered slogan: two to eight words, each capitalised
    but the joining ones, one of them a number word."""
    words = inner.split()
    return (2 <= len(words) <= 8 and any(word in _SLOGAN_NUMBERS for word in words)
            and all(word[:1].isupper() or word in _SLOGAN_JOINS for word in words)
            and _NOT_SLOGAN_WORDS.isdisjoint(words))


_OPENING_MARKS = ('"', "“", "'", "‘")  # what a match of _QUOTED begins with


def _quotes(text: str) -> Iterator[re.Match[str]]:
    """``_QUOTED.finditer(text)``, tried only where an opening mark stands."""
    return marked_matches(_QUOTED, text, _OPENING_MARKS)


def _after_listed_policy(text: str, start: int) -> bool:
    """ "pioneered the "A" manual, the "B" for ..., and the "C" model": B and C share
    the verb of A. (Every match ends in "the" and a space: tried only after one.)"""
    low = max(0, start - 80)
    return (text.endswith("the", low, start - 1) and text[start - 1 : start].isspace()
            and _LISTED_POLICY.search(text[low:start]) is not None)
