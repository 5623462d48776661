"""Merging the mentions of one thing into one record.

Regions merge by code (or, without a code, by name); enterprises, platforms and
initiatives by normalised name and aliases (:func:`name_key`). Merging keeps the
first-seen name, collects every other surface form as an alias, and every mention span,
sorted.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from zjopen._evolve import evolve, evolver
from zjopen.lexicon.numbers import ordinals
from zjopen.lexicon.patterns import alt, lazy_compile
from zjopen.link._words import OPTIONAL_WORDS
from zjopen.model import Enterprise, Initiative, Platform, Region, Span

__all__ = ["edition_key", "merge_named", "merge_region_records", "name_key"]

_START_END = operator.attrgetter("start", "end")  # (a sort key got in C)
Mentioned = TypeVar("Mentioned", bound=Region | Enterprise | Platform | Initiative)

_NON_WORD = lazy_compile(r"[^\w]+")
# Legal suffixes dropped from the end of a key, word by word ("co ltd" is two of them).
_LEGAL = frozenset("co company corp corporation inc ltd limited group holding holdings".split())


_KEYS: dict[str, str] = {}
"""Each name's :func:`name_key`, worked out once (a name recurs, in an article and
across articles); at most :data:`_KEYS_KEPT` of them are kept."""
_KEYS_KEPT = 8192
_EDITION_KEYS: dict[str, str] = {}  # (each platform's edition_key, as _KEYS)


def name_key(name: str) -> str:
    """The key two names of one thing share: lower case, no punctuation, no legal suffix.

    >>> name_key("Haitian Group"), name_key("Ningbo Xinyi Supplier Management Co., Ltd.")
    ('haitian', 'ningbo xinyi supplier management')
    """
    key = _NON_WORD.sub(" ", name.casefold().replace("'s ", " ")).strip()
    words = key.split(" ")
    end = len(words)
    while end > 1 and words[end - 1] in _LEGAL:  # the first word always stays
        end -= 1
    return " ".join(words[:end]) if end < len(words) else key


def _key_of(name: str, keys: dict[str, str] = _KEYS,
            make: Callable[[str], str] = name_key) -> str:
    """:func:`name_key` (or ``make``), remembered in ``keys``."""
    key = keys.get(name)
    if key is None:
        if len(keys) >= _KEYS_KEPT:
            keys.clear()
        key = keys[name] = make(name)
    return key


# An edition before a name of an expo, fair or zone (a key's first word, "5th", "fifth",
# "2023"): "the 5th Lishui Imported Goods Expo" and "the Lishui Imported Goods Expo" are
# one platform, as are "the 2023 World Merchants Conference" and "the ... Conference".
_EDITION = lazy_compile(
    r"(?:[0-9]{1,3}(?:st|nd|rd|th)"  # "5th", "21st"
    r"|(?:19|20)[0-9]{2}"  # "2023"
    rf"|{alt(ordinals())}"  # "fifth", "twentieth"
    r")[ ](?=\S+[ ]\S)"  # ... and two words or more of the name after it
)


def edition_key(name: str) -> str:
    """A platform's :func:`name_key` without the edition it opens with, if any, and
    without the words its kind of name may go without (``data/link_words.json``,
    "merging").

    >>> edition_key("The 5th Lishui Imported Goods Expo"), edition_key("2023 Zhoushan Fair")
    ('lishui imported goods expo', 'zhoushan fair')
    >>> edition_key("first Chinese industrial park in Mexico"), edition_key("the 2023 Expo")
    ('chinese industrial park in mexico', '2023 expo')
    >>> edition_key("Hangzhou Intl. Airport"), edition_key("Jinhua South Railway Station")
    ('hangzhou airport', 'jinhua south station')
    """
    key = name_key(name)
    if key.startswith("the "):
        key = key[4:]
    edition = _EDITION.match(key)
    if edition is not None:
        key = key[edition.end() :]
    optional = OPTIONAL_WORDS.get(key.rpartition(" ")[2]) if " " in key else None
    if optional is not None:  # "hangzhou international airport": "hangzhou airport"
        words = key.split(" ")
        key = " ".join([words[0], *(w for w in words[1:-1] if w not in optional), words[-1]])
    return key


def _sorted_spans(spans: list[Span]) -> tuple[Span, ...]:
    """The spans without repeats, by start and end."""
    if len(spans) == 1:
        return (spans[0],)
    keys = list(map(_START_END, spans))
    if len(set(keys)) == len(keys):  # no two at one place, so none repeated: no span
        # need be hashed, and the order by place is the order sorted(set(spans)) gives
        return tuple(spans) if keys == sorted(keys) else tuple(sorted(spans, key=_START_END))
    return tuple(sorted(set(spans), key=_START_END))


def merge_region_records(regions: Iterable[Region]) -> tuple[Region, ...]:
    """One region per code (per name when there is no code), ordered by first mention."""
    first: dict[str, Region] = {}
    spans: dict[str, list[Span]] = {}  # (only for a key of two regions or more)
    for region in regions:
        key = region.code or f"name:{_key_of(region.name)}"
        known = first.get(key)
        if known is None:
            first[key] = region
        elif key in spans:
            spans[key].extend(region.mentions)
        else:
            spans[key] = [*known.mentions, *region.mentions]
    # A region alone under its key keeps its mentions, if they are in order and none
    # repeats (as an extractor gives them: one); else they are sorted (_sorted_spans).
    merged = [region if key not in spans and len(region.mentions) < 2
              else _with_mentions(region, _sorted_spans(spans.get(key) or list(region.mentions)))
              for key, region in first.items()]
    return tuple(_by_first_mention(merged))


_WITH_MENTIONS = evolver(Region, "mentions")  # (evolve(region, mentions=...), faster)


def _with_mentions(region: Region, mentions: tuple[Span, ...]) -> Region:
    """The region with these mentions (itself when it has them already: most places are
    named once, or in order)."""
    return region if region.mentions == mentions else _WITH_MENTIONS(region, mentions)


def _first_mention(record: Region | Enterprise | Platform | Initiative) -> tuple[Any, ...]:
    """Order records by where they are first mentioned, ties broken by every other field,
    so that merging never depends on the order records arrive in."""
    first = record.mentions[0] if record.mentions else None
    return (first.start if first else 1 << 62, first.end if first else 0, record.name,
            _Repr(record))


_PLACE_NAME = operator.attrgetter("mentions", "name")


def _by_first_mention(records: list[Mentioned]) -> list[Mentioned]:
    """``sorted(records, key=_first_mention)``, each record's key made without its
    ``_Repr`` unless two records tie on first mention and name."""
    if len(records) < 2:
        return records
    keys = [(mentions[0].start, mentions[0].end, name) if mentions else (1 << 62, 0, name)
            for mentions, name in map(_PLACE_NAME, records)]
    if len(set(keys)) < len(keys):
        return sorted(records, key=_first_mention)
    return [record for _, record in sorted(zip(keys, records, strict=True),
                                           key=operator.itemgetter(0))]


class _Repr:
    """A record compared by its repr, made only when two records tie on all else."""

    __slots__ = ("record",)

    def __init__(self, record: object) -> None:
        self.record = record

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Repr) and repr(self.record) == repr(other.record)

    def __lt__(self, other: _Repr) -> bool:
        return repr(self.record) < repr(other.record)

    __hash__ = None  # type: ignore[assignment]


Named = TypeVar("Named", bound=Enterprise | Platform | Initiative)


@attrs.define
class _Group:
    """A record being merged: its first record, and what the others add."""

    base: Any
    aliases: dict[str, None]
    mentions: list[Span]
    overseas: set[str]
    region: str | None
    kb_id: str | None
    years: tuple[int | None, int | None] = (None, None)  # an initiative's: the first given

    def add(self, record: Enterprise | Platform | Initiative) -> None:
        for name in (record.name, *record.aliases):
            if name != self.base.name:
                self.aliases.setdefault(name)
        self.mentions.extend(record.mentions)
        if isinstance(record, Enterprise):
            self.overseas.update(record.overseas)
        self.region = self.region or record.region
        self.kb_id = self.kb_id or record.kb_id
        if isinstance(record, Initiative) and self.years == (None, None):
            self.years = record.start_year, record.target_year

    def record(self) -> Any:
        base = self.base
        aliases = tuple(self.aliases)
        mentions = _sorted_spans(self.mentions)
        enterprise = isinstance(base, Enterprise)
        overseas = tuple(sorted(self.overseas)) if enterprise else ()
        initiative = isinstance(base, Initiative)
        if (aliases == base.aliases and mentions == base.mentions
                and self.region == base.region and self.kb_id == base.kb_id
                and (not enterprise or overseas == base.overseas)
                and (not initiative or self.years == (base.start_year, base.target_year))):
            return base  # a thing named once: nothing to change
        kind = type(base)
        if kind is Enterprise:
            return _MERGED_ENTERPRISE(base, aliases, mentions, self.region, self.kb_id, overseas)
        if kind is Platform:
            return _MERGED_PLATFORM(base, aliases, mentions, self.region, self.kb_id)
        if kind is Initiative:
            return _MERGED_INITIATIVE(base, aliases, mentions, self.region, self.kb_id,
                                      *self.years)
        changes: dict[str, Any] = {"aliases": aliases, "mentions": mentions,
                                   "region": self.region, "kb_id": self.kb_id}
        if enterprise:
            changes["overseas"] = overseas
        if initiative:
            changes["start_year"], changes["target_year"] = self.years
        return evolve(base, **changes)


# (evolve(record, aliases=..., mentions=..., region=..., kb_id=... and the kind's own), faster)
_MERGED = ("aliases", "mentions", "region", "kb_id")
_MERGED_ENTERPRISE = evolver(Enterprise, *_MERGED, "overseas")
_MERGED_INITIATIVE = evolver(Initiative, *_MERGED, "start_year", "target_year")
_MERGED_PLATFORM = evolver(Platform, *_MERGED)


def merge_named(records: Iterable[Named], *, editions: bool = False) -> tuple[Named, ...]:
    """Merge records whose names or aliases share a :func:`name_key` (with ``editions``,
    an :func:`edition_key`: platforms, "the 5th X Expo" one with "the X Expo").

    The result does not depend on the input order: records are first sorted by
    their first mention, and the earliest mention's name becomes the canonical one;
    later records add their names as aliases, their mentions, and a region, knowledge-
    base id or overseas places the first one lacks. Linear in the number of records.
    """
    ordered: list[Named] = _by_first_mention(list(records))
    members: list[list[Named]] = []  # each group's records, in order
    index: dict[str, int] = {}
    cache, make = (_EDITION_KEYS, edition_key) if editions else (_KEYS, name_key)
    known_key = cache.get  # (_key_of's look-up, inlined for a name seen before)
    for record in ordered:
        if record.aliases:
            keys = {_key_of(record.name, cache, make)}
            for name in record.aliases:
                keys.add(_key_of(name, cache, make))
            hit = None
            for key in sorted(keys):
                if key in index:
                    hit = index[key]
                    break
            if hit is None:
                hit = len(members)
                members.append([record])
            else:
                members[hit].append(record)
            index.update(dict.fromkeys(keys, hit))
            continue
        # (most records: one name, one key, no set to sort)
        name = record.name
        key = known_key(name) or _key_of(name, cache, make)
        hit = index.get(key)
        if hit is None:
            index[key] = len(members)
            members.append([record])
        else:
            members[hit].append(record)
    return tuple([_merged(group) for group in members])


def _merged(records: list[Named]) -> Named:
    """The group's records as one (the first, unchanged when it is alone and has one
    mention, no alias and no place abroad: what _Group.record gives it then)."""
    base = records[0]
    if (len(records) == 1 and not base.aliases and len(base.mentions) == 1
            and (not isinstance(base, Enterprise) or not base.overseas)):
        return base
    group = _Group(base, dict.fromkeys(base.aliases), [], set(), base.region, base.kb_id)
    for record in records:
        group.add(record)
    return group.record()  # type: ignore[no-any-return]
