"""Typed, chainable queries over a corpus's figures and merged records.

A :class:`MetricQuery` is a description (conditions and an order) over an immutable
:class:`MetricIndex`; it is evaluated when read (``len``, iteration, :meth:`first` ...)
and remembers its result. The index keeps, for every code, the figures of that place and
of every place within it, per year, so "all figures within Ningbo in 2023" reads one or a
few lists instead of scanning the corpus.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from zjopen.corpus import export as _corpus_export
from zjopen.corpus.analysis import (
    DEFAULT_TOLERANCE,
    Conflict,
    Timeseries,
    find_conflicts,
    timeseries,
)
from zjopen.corpus.geo import canonical, lineage, resolve
from zjopen.corpus.hit import MetricHit
from zjopen.corpus.merge import CorpusEnterprise, CorpusInitiative, CorpusPlatform, CorpusRegion
from zjopen.gazetteer import Place
from zjopen.lexicon.units import is_known_unit
from zjopen.link.merge import name_key
from zjopen.model import Article, Metric, MetricKind, PeriodKind, PlatformKind, RegionLevel

__all__ = [
    "EnterpriseQuery",
    "InitiativeQuery",
    "MetricIndex",
    "MetricQuery",
    "PlatformQuery",
    "RegionQuery",
]

_key = cache(name_key)


class MetricIndex:
    """Every figure of a set of articles (in article-id order, then text order), with
    lookup tables by region (including every containing place) and year, and lazily by
    unit, kind, indicator and period kind."""

    __slots__ = ("_lazy", "by_article", "by_region", "by_region_year", "by_year", "codes",
                 "hits", "metrics")

    def __init__(self, articles: Sequence[Article]) -> None:
        hits: list[MetricHit] = []
        self.by_article: dict[str, range] = {}
        for article in articles:
            start = len(hits)
            article_id = article.id
            hits.extend(MetricHit(article_id, m, article) for m in article.metrics)
            self.by_article[article_id] = range(start, len(hits))
        self.hits: tuple[MetricHit, ...] = tuple(hits)
        self.metrics: tuple[Metric, ...] = tuple(h.metric for h in hits)
        # One pass: positions per (code, year); everything else is assembled from those
        # runs (each already sorted), which is far cheaper than a pass per table.
        runs: dict[tuple[str | None, int | None], list[int]] = {}
        for n, metric in enumerate(self.metrics):
            key = (metric.region, metric.year)
            run = runs.get(key)
            if run is None:
                runs[key] = [n]
            else:
                run.append(n)
        self.codes: frozenset[str] = frozenset(c for c, _ in runs if c is not None)
        region_year: dict[tuple[str, int | None], list[list[int]]] = {}
        by_year: dict[int | None, list[list[int]]] = {}
        for (code, year), run in runs.items():
            by_year.setdefault(year, []).append(run)
            if code is None:
                continue
            for place in lineage(code):
                region_year.setdefault((place, year), []).append(run)
            # exact matches are keyed by "=code" (the canonical code of the place)
            region_year.setdefault((f"={canonical(code)}", year), []).append(run)
        self.by_region_year: dict[tuple[str, int | None], Sequence[int]] = {
            key: _merge(parts) for key, parts in region_year.items()
        }
        self.by_year: dict[int | None, Sequence[int]] = {
            key: _merge(parts) for key, parts in by_year.items()
        }
        by_region: dict[str, list[Sequence[int]]] = {}
        for (place, _), positions in self.by_region_year.items():
            by_region.setdefault(place, []).append(positions)
        self.by_region: dict[str, Sequence[int]] = {
            key: _merge(parts) for key, parts in by_region.items()
        }
        self._lazy: dict[str, dict[Any, Sequence[int]]] = {}

    def table(self, name: str) -> dict[Any, Sequence[int]]:
        """The positions of the figures by ``unit``, ``kind``, ``indicator`` (case-folded)
        or ``period`` (kind), made on first use."""
        found = self._lazy.get(name)
        if found is None:
            key = _TABLE_KEYS[name]
            groups: dict[Any, list[int]] = {}
            for n, metric in enumerate(self.metrics):
                groups.setdefault(key(metric), []).append(n)
            found = self._lazy[name] = dict(groups)
        return found


_TABLE_KEYS: dict[str, Callable[[Metric], Any]] = {
    "unit": lambda m: m.unit,
    "kind": lambda m: m.kind,
    "indicator": lambda m: None if m.indicator is None else m.indicator.casefold(),
    "period": lambda m: None if m.period is None else m.period.kind,
}


def _merge(parts: Sequence[Sequence[int]]) -> Sequence[int]:
    """Disjoint sorted runs as one sorted sequence."""
    if len(parts) == 1:
        return parts[0]
    return sorted(itertools.chain.from_iterable(parts))


def _set(value: Any, convert: Callable[[Any], Any], what: str) -> frozenset[Any] | None:
    """A condition's accepted values: one value or an iterable of them."""
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        value = (value,)
    found = frozenset(convert(v) for v in value)
    if not found:
        raise ValueError(f"{what}= needs at least one value")
    return found


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"year= takes integers (or a range of them), not {value!r}")
    return value


def _unit(value: Any) -> str:
    if not isinstance(value, str) or not is_known_unit(value):
        raise ValueError(f"unknown unit {value!r} (see zjopen.units())")
    return value


@attrs.frozen
class _Filter:
    """The conditions of one :meth:`MetricQuery.where` call (all must hold)."""

    region: str | None = None
    within: bool = False
    years: frozenset[int] | None = None
    units: frozenset[str] | None = None
    kinds: frozenset[MetricKind] | None = None
    indicator: str | None = None
    article_ids: frozenset[str] | None = None
    periods: frozenset[PeriodKind] | None = None
    enterprise: str | None = None
    platform: str | None = None
    incidental: bool | None = None

    def plans(
        self, index: MetricIndex, tier: int
    ) -> Iterator[tuple[set[str], list[Sequence[int]]]]:
        """Ways to list candidates from the index: (conditions covered, position lists).

        Tier 0 reads the tables made with the index (region and year, article); tier 1 the
        tables made on first use (unit, kind, period); tier 2 the indicator table (read
        whole: in real corpora nearly every indicator phrase is distinct)."""
        if tier == 0:
            if self.region is not None:
                place = self.region if self.within else f"={self.region}"
                if self.years is not None:
                    table = index.by_region_year
                    yield {"region", "years"}, [table.get((place, y), ()) for y in self.years]
                else:
                    yield {"region"}, [index.by_region.get(place, ())]
            elif self.years is not None:
                yield {"years"}, [index.by_year.get(y, ()) for y in self.years]
            if self.article_ids is not None:
                yield {"article_ids"}, [index.by_article.get(a, ()) for a in self.article_ids]
        elif tier == 1:
            for name, values in (("unit", self.units), ("kind", self.kinds),
                                 ("period", self.periods)):
                if values is not None:
                    lookup = index.table(name)
                    yield {name}, [lookup.get(v, ()) for v in values]
        elif self.indicator is not None:
            needle = self.indicator
            yield {"indicator"}, [
                v for k, v in index.table("indicator").items() if k is not None and needle in k
            ]

    def tests(self, index: MetricIndex, skip: Collection[str] = ()
              ) -> list[Callable[[int], bool]]:
        """A predicate on the figure at a position for each condition not in ``skip``."""
        tests: list[Callable[[int], bool]] = []
        metrics = index.metrics
        region, years, units, kinds = self.region, self.years, self.units, self.kinds
        if region is not None and "region" not in skip:
            if self.within:
                def within(n: int) -> bool:
                    code = metrics[n].region
                    return code is not None and region in lineage(code)
                tests.append(within)
            else:
                def exactly(n: int) -> bool:
                    code = metrics[n].region
                    return code is not None and canonical(code) == region
                tests.append(exactly)
        if years is not None and "years" not in skip:
            tests.append(lambda n: metrics[n].year in years)
        if units is not None and "unit" not in skip:
            tests.append(lambda n: metrics[n].unit in units)
        if kinds is not None and "kind" not in skip:
            tests.append(lambda n: metrics[n].kind in kinds)
        if self.article_ids is not None and "article_ids" not in skip:
            allowed = frozenset(itertools.chain.from_iterable(
                index.by_article.get(a, ()) for a in self.article_ids))
            tests.append(allowed.__contains__)
        if self.periods is not None and "period" not in skip:
            periods = self.periods
            tests.append(lambda n: (period := metrics[n].period) is not None
                         and period.kind in periods)
        if self.indicator is not None and "indicator" not in skip:
            needle = self.indicator
            tests.append(lambda n: (text := metrics[n].indicator) is not None
                         and needle in text.casefold())
        if self.enterprise is not None:
            enterprise = self.enterprise
            tests.append(lambda n: (name := metrics[n].enterprise) is not None
                         and _key(name) == enterprise)
        if self.platform is not None:
            platform = self.platform
            tests.append(lambda n: (name := metrics[n].platform) is not None
                         and _key(name) == platform)
        if self.incidental is not None:
            incidental = self.incidental
            tests.append(lambda n: metrics[n].incidental is incidental)
        return tests


_ORDER_KEYS: dict[str, Callable[[MetricHit], Any]] = {
    "year": lambda h: h.metric.year,
    "value": lambda h: h.metric.value,
    "region": lambda h: h.metric.region,
    "unit": lambda h: h.metric.unit,
    "kind": lambda h: h.metric.kind.value,
    "article_id": lambda h: h.article_id,
    "indicator": lambda h: h.metric.indicator,
    "published": lambda h: h.article.published,
    "period": lambda h: None if h.metric.period is None else (
        h.metric.period.start or h.metric.period.end, h.metric.period.end
        or h.metric.period.start, h.metric.period.kind.value),
    "enterprise": lambda h: h.metric.enterprise,
    "platform": lambda h: h.metric.platform,
}
_GROUP_KEYS: dict[str, Callable[[MetricHit], Any]] = {
    **_ORDER_KEYS,
    "kind": lambda h: h.metric.kind,
    "period": lambda h: h.metric.period,
}


def _sorted_keys(keys: Iterable[Any], field: str) -> list[Any]:
    """Group keys in order, ``None`` last."""
    if field == "kind":
        return sorted(keys, key=lambda k: k.value)
    if field == "period":
        return sorted(keys, key=lambda p: (p is None, "" if p is None else (
            str(p.start or p.end), str(p.end or p.start), p.kind.value)))
    return sorted(keys, key=lambda k: (k is None, k if k is not None else ""))


def _at(hits: Sequence[MetricHit], get: Callable[[MetricHit], Any]) -> Callable[[int], Any]:
    """``get`` for the hit at a position."""
    return lambda n: get(hits[n])


def _check_fields(fields: Iterable[str], known: Collection[str], what: str) -> None:
    for field in fields:
        if field.removeprefix("-") not in known:
            raise ValueError(f"cannot {what} {field!r}; choose from {', '.join(sorted(known))}")


def _ordered(items: list[Any], fields: Sequence[str], keys: dict[str, Callable[[Any], Any]]
             ) -> list[Any]:
    """Stable sort by several fields; ``-field`` is descending; ``None`` sorts last."""
    for field in reversed(fields):
        descending = field.startswith("-")
        get = keys[field.removeprefix("-")]
        if descending:
            items.sort(key=lambda x: (get(x) is not None, get(x)), reverse=True)
        else:
            items.sort(key=lambda x: (get(x) is None, get(x)))
    return items


@attrs.frozen(eq=False, repr=False)
class MetricQuery:
    """Figures of a corpus: narrow with :meth:`where`, sort with :meth:`order_by`, split
    with :meth:`group_by`; read with ``len()``, iteration, indexing or :meth:`first`.

    Each result is a :class:`~zjopen.corpus.MetricHit`: the figure with the id of its
    article. Results come in corpus order (article id, then position in the article)
    unless ordered otherwise. Queries are immutable; every method returns a new one.

    >>> from zjopen.corpus import Corpus
    >>> from zjopen.pipeline import parse
    >>> corpus = Corpus([parse("Ports\\n\\nIn 2023, Beilun's exports hit 320 billion yuan. "
    ...                        "Yiwu's exports rose 12 percent in 2023.", id="a")])
    >>> q = corpus.metrics.where(region="Ningbo", within=True, year=2023)
    >>> len(q), q.first().region_name, q.first().text
    (1, 'Beilun', '320 billion yuan')
    >>> {year: len(g) for year, g in corpus.metrics.group_by("year").items()}
    {2023: 2}
    >>> [h.region_name for h in corpus.metrics.order_by("-value")]
    ['Beilun', 'Yiwu']
    """

    _index: MetricIndex
    _filters: tuple[_Filter, ...] = ()
    _base: Sequence[int] | None = None
    _order: tuple[str, ...] = ()
    _memo: list[tuple[int, ...]] = attrs.field(factory=list, init=False)

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        year: int | Iterable[int] | None = None,
        unit: str | Iterable[str] | None = None,
        kind: MetricKind | str | Iterable[MetricKind | str] | None = None,
        indicator: str | None = None,
        article_id: str | Iterable[str] | None = None,
        period: PeriodKind | str | Iterable[PeriodKind | str] | None = None,
        enterprise: str | None = None,
        platform: str | None = None,
        incidental: bool | None = None,
    ) -> MetricQuery:
        """The figures that also meet every condition given.

        - ``region``: a name, alias or code ("Ningbo", "宁波", "330200"; unknown names
          raise :class:`~zjopen.errors.UnknownRegionError` with suggestions); figures
          about that place, or with ``within=True`` about it or any place inside it.
        - ``year``: one year, or several (``range(2018, 2025)``).
        - ``unit``: unit codes (``"CNY"``); ``kind``: ``"level"``, ``"change"`` ...
        - ``indicator``: a phrase found, ignoring case, in the figure's indicator.
        - ``article_id``: one or more article ids.
        - ``period``: the period kind (``"year"`` for full-year figures, ``"quarter"`` ...).
        - ``enterprise``, ``platform``: the figure's subject, matched by normalised name.
        - ``incidental``: ``False`` leaves out borderline figures (ages, idioms).
        """
        if within and region is None:
            raise ValueError("within=True needs region=")
        new = _Filter(
            region=None if region is None else resolve(region, self._index.codes),
            within=within,
            years=_set(year, _year, "year"),
            units=_set(unit, _unit, "unit"),
            kinds=_set(kind, MetricKind, "kind"),
            indicator=None if indicator is None else indicator.casefold(),
            article_ids=_set(article_id, str, "article_id"),
            periods=_set(period, PeriodKind, "period"),
            enterprise=None if enterprise is None else _key(enterprise),
            platform=None if platform is None else _key(platform),
            incidental=incidental,
        )
        return attrs.evolve(self, filters=(*self._filters, new))

    def order_by(self, *fields: str) -> MetricQuery:
        """The same figures sorted by ``fields`` (``"year"``, ``"value"``, ``"region"``,
        ``"unit"``, ``"kind"``, ``"article_id"``, ``"indicator"``, ``"published"``,
        ``"period"``, ``"enterprise"``, ``"platform"``); ``"-year"`` sorts descending.
        Unknown values (``None``) come last; ties keep corpus order."""
        _check_fields(fields, _ORDER_KEYS, "order by")
        return attrs.evolve(self, order=tuple(fields))

    @overload
    def group_by(self, field: Literal["year"]) -> dict[int | None, MetricQuery]: ...

    @overload
    def group_by(self, field: Literal["kind"]) -> dict[MetricKind, MetricQuery]: ...

    @overload
    def group_by(self, field: Literal["value"]) -> dict[Decimal, MetricQuery]: ...

    @overload
    def group_by(self, field: str) -> dict[Any, MetricQuery]: ...

    def group_by(self, field: str) -> dict[Any, MetricQuery]:
        """The figures split by a field (the names :meth:`order_by` takes, ``"period"``
        giving :class:`~zjopen.model.Period` keys), as ``{value: query}`` in key order
        (``None`` last); each group keeps this query's order."""
        _check_fields([field], _GROUP_KEYS, "group by")
        get = _GROUP_KEYS[field]
        hits = self._index.hits
        groups: dict[Any, list[int]] = {}
        for n in self._positions():
            groups.setdefault(get(hits[n]), []).append(n)
        return {
            key: MetricQuery(self._index, base=tuple(groups[key]))
            for key in _sorted_keys(groups, field)
        }

    # -- evaluation ------------------------------------------------------------------

    def _positions(self) -> tuple[int, ...]:
        if self._memo:
            return self._memo[0]
        index = self._index
        candidates: Sequence[int]
        skip_at, skip = -1, set[str]()
        if self._base is not None:
            candidates = self._base
        else:
            best: tuple[int, int, set[str], list[Sequence[int]]] | None = None
            for tier in (0, 1, 2):
                for at, condition in enumerate(self._filters):
                    for covered, lists in condition.plans(index, tier):
                        size = sum(len(x) for x in lists)
                        if best is None or size < best[0]:
                            best = (size, at, covered, lists)
                if best is not None:
                    break
            if best is None:
                candidates = range(len(index.hits))
            else:
                _, skip_at, skip, lists = best
                candidates = _merge([x for x in lists if x]) if any(lists) else ()
        tests = [t for at, f in enumerate(self._filters)
                 for t in f.tests(index, skip if at == skip_at else ())]
        if len(tests) == 1:
            candidates = list(filter(tests[0], candidates))
        elif tests:
            candidates = [n for n in candidates if all(t(n) for t in tests)]
        if self._order:
            hits = index.hits
            keys = {k: _at(hits, g) for k, g in _ORDER_KEYS.items()}
            candidates = _ordered(list(candidates), self._order, keys)
        result = candidates if isinstance(candidates, tuple) else tuple(candidates)
        self._memo.append(result)
        return result

    def __iter__(self) -> Iterator[MetricHit]:
        return map(self._index.hits.__getitem__, self._positions())

    def __len__(self) -> int:
        return len(self._positions())

    def __bool__(self) -> bool:
        return bool(self._positions())

    @overload
    def __getitem__(self, item: int) -> MetricHit: ...

    @overload
    def __getitem__(self, item: slice) -> tuple[MetricHit, ...]: ...

    def __getitem__(self, item: int | slice) -> MetricHit | tuple[MetricHit, ...]:
        hits = self._index.hits
        if isinstance(item, slice):
            return tuple(map(hits.__getitem__, self._positions()[item]))
        return hits[self._positions()[item]]

    def __repr__(self) -> str:
        return f"<MetricQuery: {len(self)} figures>"

    def first(self) -> MetricHit | None:
        """The first figure, or ``None`` when there is none."""
        positions = self._positions()
        return self._index.hits[positions[0]] if positions else None

    def all(self) -> tuple[MetricHit, ...]:
        """Every figure, as a tuple."""
        return tuple(map(self._index.hits.__getitem__, self._positions()))

    def values(self) -> tuple[Decimal, ...]:
        """The figures' values, in order."""
        return tuple(h.metric.value for h in self)

    def article_ids(self) -> tuple[str, ...]:
        """The ids of the articles the figures come from, sorted, each once."""
        return tuple(sorted({h.article_id for h in self}))

    def timeseries(self) -> Timeseries:
        """These figures over time: one point per (year, period, unit)."""
        return timeseries(self)

    def conflicts(self, *, tolerance: Decimal = DEFAULT_TOLERANCE) -> tuple[Conflict, ...]:
        """Groups of these figures that articles give differently (see
        :meth:`zjopen.corpus.Corpus.conflicts`)."""
        return find_conflicts(self, tolerance)

    def to_records(self) -> list[dict[str, Any]]:
        """The figures as plain dicts (keys: :data:`zjopen.corpus.RECORD_COLUMNS`)."""
        return _corpus_export.to_records(self)

    def to_pandas(self) -> Any:
        """The figures as a pandas DataFrame (needs ``zjopen[pandas]``)."""
        return _corpus_export.to_pandas(self)

    def to_parquet(self, path: str | os.PathLike[str]) -> Path:
        """Write the figures to a Parquet file (needs ``zjopen[pandas]``)."""
        return _corpus_export.to_parquet(self, path)


# -- merged records -------------------------------------------------------------------

R = TypeVar("R", CorpusRegion, CorpusEnterprise, CorpusPlatform, CorpusInitiative)
Q = TypeVar("Q", bound="RecordQuery[Any]")

_RECORD_ORDER: dict[str, Callable[[Any], Any]] = {
    "name": lambda r: (r.name.casefold(), r.name),
    "mentions": lambda r: len(r.mentions),
    "articles": lambda r: len(r.article_ids),
    "region": lambda r: r.region if not isinstance(r, CorpusRegion) else r.code,
    "kb_id": lambda r: r.kb_id if not isinstance(r, CorpusRegion) else None,
}


@attrs.frozen(eq=False, repr=False)
class RecordQuery(Generic[R]):
    """Merged records of a corpus (places, companies, platforms, initiatives)."""

    _items: tuple[R, ...]
    # the codes of the records (or a function listing them): region arguments may name
    # codes the gazetteer does not know when the corpus has them
    _codes: Collection[str] | Callable[[], Collection[str]] = ()

    def _keep(self: Q, test: Callable[[Any], bool]) -> Q:
        return attrs.evolve(self, items=tuple(r for r in self._items if test(r)))

    def _where_common(self: Q, region: str | Place | None, within: bool, name: str | None,
                      article_id: str | None) -> Q:
        query = self
        if within and region is None:
            raise ValueError("within=True needs region=")
        if region is not None:
            code = resolve(region, self._codes)
            if within:
                query = query._keep(lambda r: any(code in lineage(c) for c in r.regions))
            else:
                query = query._keep(lambda r: any(canonical(c) == code for c in r.regions))
        if name is not None:
            key = _key(name)
            query = query._keep(lambda r: any(_key(n) == key for n in (r.name, *r.aliases)))
        if article_id is not None:
            query = query._keep(lambda r: article_id in r.article_ids)
        return query

    def order_by(self: Q, *fields: str) -> Q:
        """Sorted by ``"name"``, ``"mentions"`` (count), ``"articles"`` (count),
        ``"region"`` or ``"kb_id"``; ``"-mentions"`` sorts descending."""
        _check_fields(fields, _RECORD_ORDER, "order by")
        return attrs.evolve(self, items=tuple(_ordered(list(self._items), fields,
                                                       _RECORD_ORDER)))

    def _group(self: Q, keys: Callable[[Any], Iterable[str | None]]) -> dict[str | None, Q]:
        groups: dict[str | None, list[R]] = {}
        for item in self._items:
            for key in keys(item):
                groups.setdefault(key, []).append(item)
        ordered = sorted(groups, key=lambda k: (k is None, k or ""))
        return {key: attrs.evolve(self, items=tuple(groups[key])) for key in ordered}

    def group_by(self: Q, field: str) -> dict[str | None, Q]:
        """Split by ``"region"`` (the most frequent home region; for places, the parent)
        or ``"kb_id"``, as ``{key: query}`` in key order (``None`` last)."""
        if field == "region":
            return self._group(lambda r: [r.parent if isinstance(r, CorpusRegion)
                                          else r.region])
        if field == "kb_id":
            return self._group(lambda r: [getattr(r, "kb_id", None)])
        raise ValueError(f"cannot group by {field!r}; choose from kb_id, region")

    def __iter__(self) -> Iterator[R]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    @overload
    def __getitem__(self, item: int) -> R: ...

    @overload
    def __getitem__(self, item: slice) -> tuple[R, ...]: ...

    def __getitem__(self, item: int | slice) -> R | tuple[R, ...]:
        return self._items[item]

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self._items)} records>"

    def first(self) -> R | None:
        """The first record, or ``None``."""
        return self._items[0] if self._items else None

    def all(self) -> tuple[R, ...]:
        """Every record, as a tuple."""
        return self._items

    def names(self) -> tuple[str, ...]:
        """The records' names, in order."""
        return tuple(r.name for r in self._items)


@attrs.frozen(eq=False, repr=False)
class RegionQuery(RecordQuery[CorpusRegion]):
    """The places of a corpus, one per code, ordered by code."""

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        level: RegionLevel | str | Iterable[RegionLevel | str] | None = None,
        name: str | None = None,
        article_id: str | None = None,
    ) -> RegionQuery:
        """The places that are ``region`` (or, ``within=True``, inside it), of ``level``,
        called ``name`` (or an alias of it), named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        levels = _set(level, RegionLevel, "level")
        if levels is not None:
            query = query._keep(lambda r: r.level in levels)
        return query


@attrs.frozen(eq=False, repr=False)
class EnterpriseQuery(RecordQuery[CorpusEnterprise]):
    """The companies of a corpus, merged across articles, ordered by name.

    >>> from zjopen.corpus import Corpus
    >>> from zjopen.model import Article, Enterprise
    >>> corpus = Corpus([Article(id="a", enterprises=[
    ...     Enterprise(name="Tuopu Group", region="330206", overseas=["PL", "MX"]),
    ...     Enterprise(name="Haitian Group", region="330206")])])
    >>> corpus.enterprises.where(overseas="Poland").names()
    ('Tuopu Group',)
    >>> {c: q.names() for c, q in corpus.enterprises.group_by("overseas").items()}
    {'MX': ('Tuopu Group',), 'PL': ('Tuopu Group',)}
    >>> corpus.enterprises.where(region="Ningbo", within=True).names()
    ('Haitian Group', 'Tuopu Group')
    """

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        overseas: str | Place | bool | None = None,
        name: str | None = None,
        kb_id: str | None = None,
        article_id: str | None = None,
    ) -> EnterpriseQuery:
        """The companies based in ``region`` (any home region an article gives; with
        ``within=True`` also places inside it), present abroad in ``overseas`` (a
        country name or code; ``True``: anywhere abroad, ``False``: nowhere), called
        ``name`` (or an alias), with ``kb_id``, named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        if overseas is True:
            query = query._keep(lambda e: bool(e.overseas))
        elif overseas is False:
            query = query._keep(lambda e: not e.overseas)
        elif overseas is not None:
            items = self._items
            country = resolve(overseas, lambda: {c for e in items for c in e.overseas})
            query = query._keep(lambda e: any(country in lineage(c) for c in e.overseas))
        if kb_id is not None:
            query = query._keep(lambda e: e.kb_id == kb_id)
        return query

    def group_by(self, field: str) -> dict[str | None, EnterpriseQuery]:
        """As :meth:`RecordQuery.group_by`, and ``"overseas"``: each country a company is
        present in (a company in two countries is in both groups)."""
        if field == "overseas":
            return self._group(lambda e: e.overseas)
        return super().group_by(field)


@attrs.frozen(eq=False, repr=False)
class PlatformQuery(RecordQuery[CorpusPlatform]):
    """The zones, ports, markets and platforms of a corpus, ordered by name."""

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        kind: PlatformKind | str | Iterable[PlatformKind | str] | None = None,
        name: str | None = None,
        kb_id: str | None = None,
        article_id: str | None = None,
    ) -> PlatformQuery:
        """The platforms in ``region`` (``within=True``: or inside it), of ``kind``,
        called ``name`` (or an alias), with ``kb_id``, named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        kinds = _set(kind, PlatformKind, "kind")
        if kinds is not None:
            query = query._keep(lambda p: p.kind in kinds)
        if kb_id is not None:
            query = query._keep(lambda p: p.kb_id == kb_id)
        return query

    def group_by(self, field: str) -> dict[str | None, PlatformQuery]:
        """As :meth:`RecordQuery.group_by`, and ``"kind"`` (the kind's value)."""
        if field == "kind":
            return self._group(lambda p: [p.kind.value])
        return super().group_by(field)


@attrs.frozen(eq=False, repr=False)
class InitiativeQuery(RecordQuery[CorpusInitiative]):
    """The strategies, plans and policies of a corpus, ordered by name."""

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        name: str | None = None,
        kb_id: str | None = None,
        article_id: str | None = None,
    ) -> InitiativeQuery:
        """The initiatives of ``region`` (``within=True``: or inside it), called ``name``
        (or an alias), with ``kb_id``, named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        if kb_id is not None:
            query = query._keep(lambda i: i.kb_id == kb_id)
        return query
