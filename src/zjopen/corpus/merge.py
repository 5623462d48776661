"""Merging records across the articles of a corpus: one record per place and per thing.

- Regions merge by code (by normalised name when they have none).
- Enterprises, platforms and initiatives merge by knowledge-base id; records without one
  merge with every record sharing a normalised name or alias
  (:func:`~zjopen.link.merge.name_key`),
  transitively, and such a group joins the knowledge-base record whose names it shares
  (when it shares names with records of two different ids it stays on its own: the
  names are ambiguous).
- A merged record's name is its most frequent name (ties: alphabetical); every other
  name becomes an alias; its mentions are every mention of every article, each with its
  article id, ordered by article id and position.

The result depends only on the records, never on the order the articles came in.

>>> from zjopen.model import Article, Enterprise, Span
>>> a = Article(id="a", text="Geely Holdings", enterprises=[
...     Enterprise(name="Geely Holdings", kb_id="geely", mentions=[Span(0, 14, "Geely Holdings")])])
>>> b = Article(id="b", text="Geely", enterprises=[
...     Enterprise(name="Geely", mentions=[Span(0, 5, "Geely")])])
>>> c = Article(id="c", text="Geely", enterprises=[
...     Enterprise(name="Geely", kb_id="geely", mentions=[Span(0, 5, "Geely")])])
>>> [(e.name, e.aliases, e.kb_id, e.article_ids) for e in merge_enterprises([a, b, c])]
[('Geely', ('Geely Holdings',), 'geely', ('a', 'b', 'c'))]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

import attrs

from zjopen.corpus.hit import article_ids
from zjopen.link.merge import name_key
from zjopen.model import (
    Article,
    Enterprise,
    Initiative,
    Platform,
    PlatformKind,
    Region,
    RegionLevel,
    Span,
)

__all__ = [
    "CorpusEnterprise",
    "CorpusInitiative",
    "CorpusPlatform",
    "CorpusRegion",
    "Mention",
    "merge_enterprises",
    "merge_initiatives",
    "merge_named",
    "merge_platforms",
    "merge_regions",
]


@attrs.frozen(order=True)
class Mention:
    """Where a thing is named: an article and a span of its text.

    >>> Mention("ningbo-2023", Span(3, 9, "Beilun")).text
    'Beilun'
    """

    article_id: str
    span: Span = attrs.field(order=lambda s: (s.start, s.end, s.text))

    @property
    def text(self) -> str:
        """The words as written."""
        return self.span.text

    @property
    def start(self) -> int:
        """Where the mention starts in the article's clean text."""
        return self.span.start

    @property
    def end(self) -> int:
        """Where the mention ends in the article's clean text."""
        return self.span.end


class _Mentioned:
    """What every corpus-wide record says of its mentions: the articles they are in."""

    __slots__ = ()
    mentions: tuple[Mention, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The articles that name it, sorted."""
        return article_ids(self.mentions)


@attrs.frozen(kw_only=True)
class CorpusRegion(_Mentioned):
    """A place as the whole corpus knows it: one per code, with every mention.

    ``name`` is the most frequent name the articles give it; ``aliases`` the others.
    """

    code: str | None
    name: str
    level: RegionLevel
    parent: str | None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def regions(self) -> tuple[str, ...]:
        """The place's own code, as a tuple (so regions filter like the other records)."""
        return () if self.code is None else (self.code,)


@attrs.frozen(kw_only=True)
class CorpusEnterprise(_Mentioned):
    """A company as the whole corpus knows it.

    ``region`` is its most frequently given home region (ties: the lower code),
    ``regions`` every home region any article gives, ``overseas`` every country any
    article places it in.
    """

    name: str
    aliases: tuple[str, ...] = ()
    region: str | None = None
    regions: tuple[str, ...] = ()
    overseas: tuple[str, ...] = ()
    kb_id: str | None = None
    mentions: tuple[Mention, ...] = ()


@attrs.frozen(kw_only=True)
class CorpusPlatform(_Mentioned):
    """A zone, port, market or platform as the whole corpus knows it.

    ``kind`` is the most frequent kind the articles give it (ties: alphabetical).
    """

    name: str
    kind: PlatformKind = PlatformKind.OTHER
    aliases: tuple[str, ...] = ()
    region: str | None = None
    regions: tuple[str, ...] = ()
    kb_id: str | None = None
    mentions: tuple[Mention, ...] = ()


@attrs.frozen(kw_only=True)
class CorpusInitiative(_Mentioned):
    """A strategy, plan or policy as the whole corpus knows it.

    ``start_year`` and ``target_year`` are the most frequently given (ties: the earlier).
    """

    name: str
    aliases: tuple[str, ...] = ()
    region: str | None = None
    regions: tuple[str, ...] = ()
    start_year: int | None = None
    target_year: int | None = None
    kb_id: str | None = None
    mentions: tuple[Mention, ...] = ()


K = TypeVar("K", bound=Hashable)
Named = TypeVar("Named", Enterprise, Platform, Initiative)
E = TypeVar("E", CorpusEnterprise, CorpusPlatform, CorpusInitiative)


def most_common(values: Iterable[K], key: Callable[[K], Any] = str) -> K | None:
    """The most frequent value; ties go to the lowest ``key``; ``None`` when there is none.

    >>> most_common(["b", "a", "b", "a", "c"]), most_common([])
    ('a', None)
    """
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], key(v)))


def _mentions(items: Iterable[tuple[str, Region | Named]]) -> tuple[Mention, ...]:
    return tuple(sorted({Mention(aid, s) for aid, record in items for s in record.mentions}))


def _names(items: Sequence[tuple[str, Region | Named]]) -> tuple[str, tuple[str, ...]]:
    """The canonical name (the most frequent, ties alphabetical) and the other names."""
    name = most_common(record.name for _, record in items)
    assert name is not None  # a group is never empty
    others: set[str] = set()
    for _, record in items:
        others.add(record.name)
        if not isinstance(record, Region):
            others.update(record.aliases)
    others.discard(name)
    return name, tuple(sorted(others))


def _regions_of(items: Sequence[tuple[str, Named]]) -> tuple[str | None, tuple[str, ...]]:
    codes = [record.region for _, record in items if record.region is not None]
    return most_common(codes), tuple(sorted(set(codes)))


def merge_regions(articles: Iterable[Article]) -> tuple[CorpusRegion, ...]:
    """One :class:`CorpusRegion` per code (per normalised name without one), by code.

    >>> from zjopen.model import Article, Region, Span
    >>> arts = [Article(id=i, text="Ningbo", regions=[Region(code="330200", name=n,
    ...     level="prefecture", mentions=[Span(0, 6, "Ningbo")])])
    ...     for i, n in (("a", "Ningbo"), ("b", "Ningbo City"), ("c", "Ningbo"))]
    >>> [(r.code, r.name, r.aliases, len(r.mentions)) for r in merge_regions(arts)]
    [('330200', 'Ningbo', ('Ningbo City',), 3)]
    """
    groups: dict[str, list[tuple[str, Region]]] = {}
    for article in articles:
        for region in article.regions:
            key = region.code or f"~{name_key(region.name) or region.name}"
            groups.setdefault(key, []).append((article.id, region))
    merged = []
    for key in sorted(groups):
        items = groups[key]
        name, aliases = _names(items)
        level = most_common((r.level for _, r in items), key=lambda v: v.value)
        assert level is not None
        merged.append(CorpusRegion(
            code=items[0][1].code,
            name=name,
            level=level,
            parent=most_common(r.parent for _, r in items if r.parent is not None),
            aliases=aliases,
            mentions=_mentions(items),
        ))
    return tuple(merged)


def _keys(record: Named) -> set[str]:
    keys = {name_key(n) for n in (record.name, *record.aliases)}
    keys.discard("")
    return keys or {f"={record.name.casefold()}"}


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_named(items: Sequence[tuple[str, Named]]) -> list[list[tuple[str, Named]]]:
    """Group records that name the same thing (see the module docstring); groups and
    their members come in a canonical order that does not depend on the input order."""
    ordered = sorted(items, key=_item_key)
    by_kb: dict[str, list[int]] = {}
    loose: list[int] = []
    for n, (_, record) in enumerate(ordered):
        if record.kb_id is not None:
            by_kb.setdefault(record.kb_id, []).append(n)
        else:
            loose.append(n)
    # Loose records: connected components of shared name keys.
    union = _UnionFind(len(ordered))
    first_with_key: dict[str, int] = {}
    for n in loose:
        for key in _keys(ordered[n][1]):
            if key in first_with_key:
                union.union(first_with_key[key], n)
            else:
                first_with_key[key] = n
    components: dict[int, list[int]] = {}
    for n in loose:
        components.setdefault(union.find(n), []).append(n)
    kb_of_key: dict[str, set[str]] = {}
    for kb_id, members in by_kb.items():
        for n in members:
            for key in _keys(ordered[n][1]):
                kb_of_key.setdefault(key, set()).add(kb_id)
    groups: dict[str, list[int]] = {kb_id: list(ns) for kb_id, ns in by_kb.items()}
    alone: list[list[int]] = []
    for component in components.values():
        kbs: set[str] = set().union(*(
            kb_of_key.get(key, set()) for n in component for key in _keys(ordered[n][1])
        ))
        if len(kbs) == 1:
            groups[kbs.pop()].extend(component)
        else:
            alone.append(component)
    result = sorted(sorted(ns) for ns in (*groups.values(), *alone))
    return [[ordered[n] for n in ns] for ns in result]


def _item_key(item: tuple[str, Named]) -> tuple[object, ...]:
    article_id, record = item
    return (article_id, record.name, record.kb_id or "", record.aliases, record.region or "",
            tuple((s.start, s.end) for s in record.mentions), repr(record))


def _sort_named(records: Iterable[E]) -> tuple[E, ...]:
    return tuple(sorted(records, key=lambda r: (r.name.casefold(), r.name, r.kb_id or "",
                                                r.aliases, r.mentions)))


def _pairs(articles: Iterable[Article], what: Callable[[Article], Iterable[Named]]
           ) -> list[tuple[str, Named]]:
    return [(a.id, record) for a in articles for record in what(a)]


def merge_named(
    articles: Iterable[Article],
    records: Callable[[Article], Iterable[Named]],
    make: Callable[..., E],
    fields: Callable[[Sequence[tuple[str, Named]]], dict[str, Any]],
) -> tuple[E, ...]:
    """One merged record per thing the articles name, sorted by name.

    ``records`` gives an article's records of one kind (its enterprises, say); they are
    grouped by :func:`group_named`, and each group becomes ``make(...)`` of what every
    kind has (name, aliases, home regions, knowledge-base id, mentions) and what
    ``fields`` gives for that kind.

    >>> from zjopen.model import Article, Initiative
    >>> arts = [Article(id=i, initiatives=[Initiative(name=n, target_year=y)])
    ...         for i, n, y in (("a", "Digital Silk Road", 2025),
    ...                         ("b", "digital silk road", 2027))]
    >>> [(i.name, i.aliases, i.target_year) for i in merge_named(
    ...     arts, lambda a: a.initiatives, CorpusInitiative,
    ...     lambda items: {"target_year": max(i.target_year for _, i in items)})]
    [('Digital Silk Road', ('digital silk road',), 2027)]
    """
    merged = []
    for items in group_named(_pairs(articles, records)):
        name, aliases = _names(items)
        region, regions = _regions_of(items)
        merged.append(make(
            name=name,
            aliases=aliases,
            region=region,
            regions=regions,
            kb_id=_kb(items),
            mentions=_mentions(items),
            **fields(items),
        ))
    return _sort_named(merged)


def _kb(items: Sequence[tuple[str, Named]]) -> str | None:
    return next((r.kb_id for _, r in items if r.kb_id is not None), None)


def merge_enterprises(articles: Iterable[Article]) -> tuple[CorpusEnterprise, ...]:
    """One :class:`CorpusEnterprise` per company, sorted by name."""
    return merge_named(articles, lambda a: a.enterprises, CorpusEnterprise, _enterprise_fields)


def _enterprise_fields(items: Sequence[tuple[str, Enterprise]]) -> dict[str, Any]:
    return {"overseas": tuple(sorted({c for _, e in items for c in e.overseas}))}


def merge_platforms(articles: Iterable[Article]) -> tuple[CorpusPlatform, ...]:
    """One :class:`CorpusPlatform` per platform, sorted by name."""
    return merge_named(articles, lambda a: a.platforms, CorpusPlatform, _platform_fields)


def _platform_fields(items: Sequence[tuple[str, Platform]]) -> dict[str, Any]:
    kind = most_common((p.kind for _, p in items), key=lambda k: k.value)
    assert kind is not None  # a group is never empty
    return {"kind": kind}


def merge_initiatives(articles: Iterable[Article]) -> tuple[CorpusInitiative, ...]:
    """One :class:`CorpusInitiative` per initiative, sorted by name."""
    return merge_named(articles, lambda a: a.initiatives, CorpusInitiative,
                       _initiative_fields)


def _initiative_fields(items: Sequence[tuple[str, Initiative]]) -> dict[str, Any]:
    return {"start_year": _year(i.start_year for _, i in items),
            "target_year": _year(i.target_year for _, i in items)}


def _year(values: Iterable[int | None]) -> int | None:
    return most_common((v for v in values if v is not None), key=int)
