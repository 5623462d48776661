"""Enterprises, platforms and initiatives: by knowledge base and by pattern.

Two sources, merged by the linker:

- the knowledge base (``data/kb.json``): well-known names and the translations the press
  uses ("Jikrypton" is Zeekr), linked to a canonical name and id;
- patterns for names the knowledge base has never heard of: a run of capitalised words
  ending in a legal suffix ("... Co., Ltd.", "... Group") is a company, one ending in a
  zone, park, port, market or expo head noun is a platform of that kind, one ending in
  "Initiative", "Strategy", "Partnership" ... an initiative (``data/entity_words.json``);
  and, in :mod:`zjopen.extract._phrases`, entities with no capitalised name: quoted policy
  names ("the 'four leading fields' strategy"), counted packages ("13 policies to promote
  high-level opening up"), described platforms ("the first Chinese industrial park in
  Mexico"), routes and two-party agreements.

>>> from zjopen.document import read_document
>>> doc = read_document(
...     "Zhejiang Xinzhou Group and Holley Group built a park in the Jiaxing Economic and "
...     "Technological Development Zone (JXEDZ) under the Belt and Road Initiative.")
>>> [e.name for e in extract_enterprises(doc)]
['Zhejiang Xinzhou Group', 'Holley Group']
>>> [(p.name, p.kind.value, [m.text for m in p.mentions])
...  for p in extract_platforms(doc)]  # doctest: +NORMALIZE_WHITESPACE
[('Jiaxing Economic and Technological Development Zone', 'development_zone',
  ['Jiaxing Economic and Technological Development Zone']),
 ('Jiaxing Economic and Technological Development Zone', 'development_zone', ['JXEDZ'])]
>>> [i.name for i in extract_initiatives(doc)]
['Belt and Road Initiative']

Each record is one mention; the linker merges the two platform records into one with
the alias "JXEDZ".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator
from functools import cache, partial

from zjopen import gazetteer
from zjopen._evolve import evolve, made_enterprise, made_initiative, made_platform
from zjopen.document import Document, made_span
from zjopen.extract._capitalised import (
    BANK_OF,
    CHAIN,
    chains,
    classified,
    classify,
    head_words,
)
from zjopen.extract._chain_windows import places
from zjopen.extract._cued import CUE_WORDS, apposed_matches, cues, listed_companies, role_matches
from zjopen.extract._headlines import headline_names
from zjopen.extract._initiative_years import initiative_years
from zjopen.extract._kb import kb_matches, knowledge_base, openings
from zjopen.extract._phrases import phrase_anchor_keys, phrases
from zjopen.extract._plans import looked_up as plans_looked_up
from zjopen.extract._plans import plans
from zjopen.extract._tables import (
    LEADING,
    Found,
    TextWords,
    word_tables,
    words_of,
)
from zjopen.extract._unnamed import looked_up as unnamed_looked_up
from zjopen.extract._unnamed import unnamed_platforms
from zjopen.lexicon.patterns import guarded_compile, lazy_compile, trie_alternation
from zjopen.model import Enterprise, Initiative, Platform, PlatformKind, Span

__all__ = [
    "NamedRecord",
    "extract_enterprises",
    "extract_initiatives",
    "extract_names",
    "extract_platforms",
]

_FTZ = guarded_compile(r"\bFree\sTrade\sZone\b|\bFTZ\b|\bfree\strade\szone\b")
# An abbreviation or a short name in brackets after a name: "(JXEDZ)", "(China-CEEC Expo)".
_ABBREVIATION = lazy_compile(r"\s?\(([A-Z][A-Za-z&]{1,9}|[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){1,3})\)")


def _pattern_matches(doc: Document, split: TextWords, known: list[int] | None = None
                     ) -> Iterator[Found]:
    """The names found by pattern; ``known`` are :func:`~zjopen.extract._kb.openings` of
    ``split``, if at hand."""
    text = doc.norm
    defined: dict[str, Found] = {}  # abbreviation -> the name that introduced it first
    lists: dict[int, list[tuple[int, int, Found | None]]] = {}
    body = doc.body_start
    heads = list(map(split.start, split.find(head_words())))
    for start, end, listed in chains(text, heads, *places(text, split, heads, known)):
        whole = None
        for found in classified(text, start, end):
            if found.weak and found.start < body:
                continue  # a title-case headline: "Hong Kong Firms Eye Hangzhou Properties"
            whole = found if (found.start, found.end) == (start, end) else None
            yield found
            # (a bracket within two characters first: every abbreviation holds one there)
            abbreviation = ("(" in text[found.end : found.end + 2]
                            and _ABBREVIATION.match(text, found.end))
            if abbreviation:
                defined.setdefault(abbreviation[1], found)
        if listed is not None and start >= body:
            lists.setdefault(listed, []).append((start, end, whole))
    found_cues = cues(text, split)
    cued = [found for pieces in lists.values() for found in listed_companies(text, pieces)]
    cued += [*role_matches(text, found_cues), *apposed_matches(text, found_cues)]
    for found in cued:
        yield found
        abbreviation = ("(" in text[found.end : found.end + 2]
                        and _ABBREVIATION.match(text, found.end))
        if abbreviation:
            defined.setdefault(abbreviation[1], found)
    yield from _abbreviations(text, defined)
    yield from phrases(text, doc.lower, split)
    yield from plans(text, split)
    yield from unnamed_platforms(text, split, any(
        f.platform_kind is PlatformKind.FREE_TRADE_ZONE for f in defined.values()) or _ftz(text))


def _ftz(text: str) -> bool:
    """Whether the text names a free trade zone: whether ``_FTZ.search(text)`` finds one.
    Each form of _FTZ begins with "FTZ", "Free" or "free", so it is tried only where
    one of them stands (found by ``str.find``; its ``\b`` reads the character before),
    not at every position of the text."""
    for first in ("FTZ", "Free", "free"):
        at = text.find(first)
        while at >= 0:
            if _FTZ.match(text, at) is not None:
                return True
            at = text.find(first, at + 1)
    return False


def _abbreviations(text: str, defined: dict[str, Found]) -> Iterator[Found]:
    """Every use of an abbreviation a name introduced ("... Zone (JXEDZ)"), as a mention
    of that name: all abbreviations found in one scan of the text."""
    if not defined:
        return
    # The character before a use is checked here, and where it is a word's, the search
    # goes on from the next character (what "(?<![\w-])" before the names would find).
    uses = _Uses(text, list(defined))
    position = 0
    while (use := uses.search(position)) is not None:
        start, name = use
        before = text[start - 1 : start]
        if before and (before.isalnum() or before in "_-"):
            position = start + 1
            continue
        position = start + len(name)
        found = defined[name]
        yield evolve(found, name=name, start=start, end=position, canonical=found.name)



_FEW = 8  # more names than this: the compiled alternation (one scan for all of them)


class _Uses:
    """The uses of a few names in a text (an article's abbreviations, its companies' short
    names), found by ``str.find``: ``re.compile(rf"(?:{trie_alternation(names)})(?![\\w-])")
    .search(text, position)`` for positions that never go back (the leftmost use, the
    longest name there), without building and compiling that pattern for each article
    (some 100 us, more than the search). Each name's first use from the last position is
    kept, and looked for again only once the position has passed it, so every name's uses
    are read once."""

    __slots__ = ("_names", "_next", "_pattern", "_text")

    def __init__(self, text: str, names: list[str]) -> None:
        self._text = text
        self._names = names
        self._next = [-2] * len(names)  # each name's next use: -2 not looked for, -1 none
        self._pattern = (re.compile(rf"(?:{trie_alternation(names)})(?![\w-])")
                         if len(names) > _FEW else None)

    def search(self, position: int) -> tuple[int, str] | None:
        """Where the first use from ``position`` begins, and its name."""
        if self._pattern is not None:
            match = self._pattern.search(self._text, position)
            return None if match is None else (match.start(), match.group())
        best_at, best = -1, ""
        for index, name in enumerate(self._names):
            at = self._next[index]
            if at == -2 or 0 <= at < position:
                at = self._next[index] = self._first(name, position)
            if at >= 0 and (best_at < 0 or at < best_at
                            or (at == best_at and len(name) > len(best))):
                best_at, best = at, name
        return None if best_at < 0 else (best_at, best)

    def _first(self, name: str, position: int) -> int:
        """The first use of ``name`` from ``position`` that no word character or hyphen
        follows, or -1."""
        text, size = self._text, len(name)
        at = text.find(name, position)
        while at >= 0:
            after = text[at + size : at + size + 1]
            if not (after.isalnum() or after == "_" or after == "-"):
                return at
            at = text.find(name, at + 1)
        return -1


_UNIT_AFTER = lazy_compile(
    r"\s(?:Research|R&D|Innovation|Technology|Engineering)\s(?:Institute|Center|Centre)\b")


def _short_names(doc: Document, companies: list[Found]) -> Iterator[Found]:
    """Later mentions by a company's distinctive word: "Haitian Group" ... "Haitian"."""
    words = word_tables()
    text = doc.norm
    seen: set[str] = set()
    owners: dict[str, Found] = {}  # short name -> the company it stands for
    for company in companies:
        tokens = [t for t in words_of(company.canonical or company.name)
                  if (t,) not in words.company_suffixes.all]
        while tokens and gazetteer.lookup(tokens[0]) is not None:
            tokens = tokens[1:]
        if not tokens or len(tokens[0]) < 4 or tokens[0] in seen or tokens[0].isupper():
            continue
        short = tokens[0]
        seen.add(short)
        # A generic word is no company's short name: "Port" of "Zhoushan Haigang Port
        # Development Co" (its places dropped) is any port, "East" of "German East
        # Africa Company" is East Africa's.
        if (short.casefold() in LEADING or short in words.generic_words
                or gazetteer.lookup(short) is not None):
            continue
        owners[short] = company
    if not owners:
        return
    # One scan for every company's short name (a scan per company was quadratic in
    # articles naming many companies), each use after the last; the character before is
    # checked here.
    uses = _Uses(text, list(owners))
    position = 0
    while (use := uses.search(position)) is not None:
        start, short = use
        position = start + len(short)
        before = text[start - 1 : start]
        if before and (before.isalnum() or before in "_-"):
            continue
        company = owners[short]
        if not (company.start <= start < company.end):
            yield evolve(company, name=short, start=start, end=position,
                         canonical=company.canonical or company.name, kb_id=company.kb_id)


@cache
def _looked_up() -> tuple[Collection[str], ...]:
    """Every word table the passes look a text's words up in: looked up together once."""
    return (knowledge_base().lengths, CUE_WORDS, *unnamed_looked_up(), plans_looked_up(),
            head_words(), phrase_anchor_keys())


def _all(doc: Document) -> list[Found]:
    split = TextWords.of(doc.norm, _looked_up())
    known = openings(split)
    found = list(kb_matches(doc.norm, split, known)) + list(_pattern_matches(doc, split, known))
    # At one span, a name linked to another (an abbreviation's, the knowledge base's)
    # before the same name found by its head alone.
    found.sort(key=lambda f: (f.start, -(f.end - f.start), f.canonical is None))
    kept: list[Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            previous = kept[-1]
            if (previous.kb_id is None and item.kb_id is not None and item.end <= previous.end
                    and item.kind == previous.kind
                    and not _other_bank(previous, doc.norm[previous.start : item.start])
                    and not _regional_company(previous, doc.norm[item.end : previous.end])):
                # The knowledge base knows the company's home; the longer name may hold a
                # branch's place or a demonym ("Haitian International" is not Haiti's).
                kept[-1] = evolve(previous, kb_id=item.kb_id, canonical=item.canonical,
                                  region=item.region)
            continue
        kept.append(item)
    companies = [f for f in kept if f.kind == "enterprise"]
    starts = [k.start for k in kept]  # increasing, and the spans do not overlap

    def covered(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and position < kept[index].end

    extra = [s for s in _short_names(doc, companies) if not covered(s.start)]
    extra += map(_known, _names_within(doc.norm, kept))
    kept = _shorter_names(_placed_names(headline_names(_bracketed(doc.norm, kept),
                                                       doc.norm, doc.body_start)))
    return sorted(map(partial(_with_unit, doc.norm), kept + extra), key=lambda f: f.start)


_AREA_OF = lazy_compile(r"\sarea\sof\s(?:the\s)?")


def _known(found: Found) -> Found:
    """The name linked to its knowledge-base entry, when the knowledge base knows it
    ("Zhejiang FTZ" inside "Hangzhou area of Zhejiang FTZ" is the Zhejiang Pilot FTZ)."""
    entry = knowledge_base().surfaces.get(words_of(found.name))
    if entry is None or entry.kind != found.kind or found.kb_id is not None:
        return found
    return evolve(found, kb_id=entry.id, canonical=entry.name,
                  region=found.region or entry.region)


def _names_within(text: str, found: list[Found]) -> list[Found]:
    """The name a longer name ends with, as a mention of its own: the zone an area
    belongs to ("the Zhoushan area of the China (Zhejiang) Pilot Free Trade Zone"), the
    platform a plan or a document ends with ("Memorandum of ... Cooperation of Wenzhou
    Cargo Consolidation Center", "a plan to set up the Zhoushan Archipelago New Area")."""
    inner = []
    for item in found:
        if item.kind == "platform":
            of = _AREA_OF.search(item.name)
            named = classify(text, item.start + of.end(), item.end) if of else None
            if named is not None and named.kind == "platform":
                inner.append(named)
        elif item.kind == "initiative" and item.kb_id is None and " " in item.name:
            # "plan to set up the Zhoushan Archipelago New Area": the zone is named too
            runs = list(CHAIN.finditer(text, item.start + 1, item.end))
            if runs and runs[-1].end() == item.end:
                inner += [named for named in classified(text, runs[-1].start(), item.end)
                          if named.kind != "initiative" and named.end == item.end]
    return inner


def _bracketed(text: str, found: list[Found]) -> list[Found]:
    """A name followed by a known short name of the same kind in brackets is that
    entity: "the 4th China-CEEC Investment and Trade Expo (China-CEEC Expo)"."""
    result = list(found)
    for index in range(len(result) - 1):
        item, short = result[index], result[index + 1]
        if (short.kb_id is not None and item.kb_id is None and item.kind == short.kind
                and text[item.end : short.start] in (" (", "(")
                and text[short.end : short.end + 1] == ")"):
            result[index] = evolve(item, canonical=short.canonical or short.name,
                                   kb_id=short.kb_id, region=item.region or short.region)
    return result


def _placed_names(found: list[Found]) -> list[Found]:
    """A platform named with its city or a season before it and without ("Hangzhou
    Qiantang New Area" and "Qiantang New Area", "Summer Milan Fashion Week") is one: the
    shorter name is its name."""
    names = {words_of(f.name) for f in found if f.kind == "platform" and f.kb_id is None}
    result = []
    for item in found:
        if item.kind == "platform" and item.kb_id is None and item.canonical is None:
            tokens = words_of(item.name)
            if (len(tokens) > 3 and tokens[1:] in names
                    and (gazetteer.lookup(tokens[0]) is not None
                         or tokens[0] in word_tables().generic_words)):
                item = evolve(item, canonical=item.name[item.name.find(tokens[1]) :])
        result.append(item)
    return result


_LONGER = 64  # the sets of words of companies with one own word compared, at most


def _shorter_names(found: list[Found]) -> list[Found]:
    """A company named by some of the words of a longer name in the same article, its
    own word first, is that company: "Luba Technology" and "Luba Electromechanical
    Technology Co", "Hisun" and "Zhejiang Hisun Pharmaceutical Co Ltd"."""
    words = word_tables()
    # By own word, each set of words once, with the first mention that has it (a company
    # named thousands of times was once compared with each of its mentions: quadratic),
    # at most _LONGER sets of words (more is no article's list of companies).
    longer: dict[str, dict[frozenset[str], Found]] = {}
    cores: list[tuple[str, frozenset[str]] | None] = []
    for item in found:
        core = None
        if item.kind == "enterprise":
            tokens = [t for t in words_of(item.canonical or item.name)
                      if (t,) not in words.company_suffixes.all]
            own = [t for t in tokens if t not in words.generic_words
                   and gazetteer.lookup(t) is None]
            if own:
                core = (own[0], frozenset(tokens))
                sets = longer.setdefault(own[0], {})
                if len(sets) < _LONGER:
                    sets.setdefault(core[1], item)
        cores.append(core)
    result = []
    for item, core in zip(found, cores, strict=True):
        if core is not None and item.kb_id is None and item.canonical is None:
            whole = next((other for tokens, other in longer[core[0]].items()
                          if core[1] < tokens), None)
            if whole is not None:
                item = evolve(item, canonical=whole.canonical or whole.name,
                              kb_id=whole.kb_id, region=item.region or whole.region)
        result.append(item)
    return result


def _with_unit(text: str, found: Found) -> Found:
    """A company's mention with the unit named after it: "the Haitian Research Institute"
    is Haitian's (GUIDELINES: a subsidiary named as such is the parent's alias)."""
    unit = _UNIT_AFTER.match(text, found.end) if found.kind == "enterprise" else None
    if unit is None:
        return found
    return evolve(found, name=text[found.start : unit.end()], end=unit.end(),
                  canonical=found.canonical or found.name)


_PLACE_WORDS = lazy_compile(r"\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")


def _regional_company(name: Found, rest: str) -> bool:
    """Whether a company's name is a known company's followed by a place and a legal
    form: its regional company, a company of its own ("Sinopec Zhejiang Zhoushan
    Petroleum Co.", "China Railway Shanghai Bureau Group Co., Ltd."); a branch named as
    such stays the parent's ("Bank of China Zhejiang Branch")."""
    if name.kind != "enterprise" or "Branch" in rest:
        return False
    place = _PLACE_WORDS.match(rest)
    if place is None or word_tables().company_suffixes.ending(words_of(rest)) is None:
        return False
    return any(gazetteer.lookup(w) is not None for w in (place[1], place[1].split()[0]))


def _other_bank(name: Found, lead: str) -> bool:
    """Whether a bank's name holds a known bank's name without being that bank:
    "Agricultural Bank of China" is not Bank of China (a known name inside a longer one
    is otherwise that entity: "Ningbo Xusheng Group" is Xusheng)."""
    return bool(lead.strip()) and BANK_OF.search(name.name) is not None


NamedRecord = Enterprise | Platform | Initiative
"""What :func:`extract_names` yields."""


def extract_names(doc: Document) -> list[NamedRecord]:
    """Enterprises, platforms and initiatives, in one pass over the document: one record
    per mention, in text order (the linker merges mentions of one thing)."""
    return [_record(doc.text, found) for found in _all(doc)]


def _record(text: str, found: Found) -> NamedRecord:
    aliases: tuple[str, ...] = ()
    name = found.name
    if found.canonical and found.canonical != found.name:
        name, aliases = found.canonical, (found.name,)
    start, end = found.start, found.end
    # A span right by construction is made without checking it again (Span.of checks).
    mentions = [made_span(start, end, text[start:end]) if 0 <= start <= end <= len(text)
                else Span.of(text, start, end)]
    # (made_*: no checks, right by construction: a name matched or the knowledge base's,
    # a tuple of names, a code of the gazetteer or the knowledge base, a PlatformKind
    # member, a span of the text; a blank kb_id is made None, as by the constructors)
    if found.kind == "enterprise":
        return made_enterprise(name=name, aliases=aliases, region=found.region,
                               kb_id=found.kb_id, mentions=tuple(mentions))
    if found.kind == "platform":
        return made_platform(name=name, aliases=aliases,
                             kind=found.platform_kind or PlatformKind.OTHER,
                             region=found.region, kb_id=found.kb_id, mentions=tuple(mentions))
    start_year, target_year = initiative_years(name, text[end : end + 24])
    return made_initiative(name=name, aliases=aliases, region=found.region, kb_id=found.kb_id,
                           start_year=start_year, target_year=target_year,
                           mentions=tuple(mentions))


# One kind only, for pipelines that want a subset (each runs the whole pass).


def extract_enterprises(doc: Document) -> list[Enterprise]:
    """Named companies and groups, one record per mention (the linker merges aliases)."""
    return [r for r in extract_names(doc) if isinstance(r, Enterprise)]


def extract_platforms(doc: Document) -> list[Platform]:
    """Zones, parks, ports, markets, e-commerce platforms, expos, logistics channels."""
    return [r for r in extract_names(doc) if isinstance(r, Platform)]


def extract_initiatives(doc: Document) -> list[Initiative]:
    """Strategies, plans, campaigns, policy packages, reforms, agreements."""
    return [r for r in extract_names(doc) if isinstance(r, Initiative)]
