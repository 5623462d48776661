"""Typed, chainable queries over a corpus's figures (:class:`MetricQuery`).

A query is a description (conditions and an order) over an immutable
:class:`~zjopen.corpus.metric_index.MetricIndex`; it is evaluated when read (``len``,
iteration, :meth:`MetricQuery.first` ...) and remembers its result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, overload

import attrs

from zjopen.corpus import export as _corpus_export
from zjopen.corpus.analysis import (
    DEFAULT_TOLERANCE,
    Conflict,
    Timeseries,
    find_conflicts,
    timeseries,
)
from zjopen.corpus.hit import MetricHit, article_ids
from zjopen.corpus.metric_index import MetricFilter, MetricIndex, merge_runs
from zjopen.corpus.query import accepted, check_fields, name_key, ordered
from zjopen.gazetteer import Place
from zjopen.gazetteer.codes import resolve
from zjopen.lexicon.units import is_known_unit
from zjopen.model import MetricKind, PeriodKind

__all__ = ["MetricQuery"]


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"year= takes integers (or a range of them), not {value!r}")
    return value


def _unit(value: Any) -> str:
    if not isinstance(value, str) or not is_known_unit(value):
        raise ValueError(f"unknown unit {value!r} (see zjopen.units())")
    return value


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
    _filters: tuple[MetricFilter, ...] = ()
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
        new = MetricFilter(
            region=None if region is None else resolve(region, self._index.codes),
            within=within,
            years=accepted(year, _year, "year"),
            units=accepted(unit, _unit, "unit"),
            kinds=accepted(kind, MetricKind, "kind"),
            indicator=None if indicator is None else indicator.casefold(),
            article_ids=accepted(article_id, str, "article_id"),
            periods=accepted(period, PeriodKind, "period"),
            enterprise=None if enterprise is None else name_key(enterprise),
            platform=None if platform is None else name_key(platform),
            incidental=incidental,
        )
        return attrs.evolve(self, filters=(*self._filters, new))

    def order_by(self, *fields: str) -> MetricQuery:
        """The same figures sorted by ``fields`` (``"year"``, ``"value"``, ``"region"``,
        ``"unit"``, ``"kind"``, ``"article_id"``, ``"indicator"``, ``"published"``,
        ``"period"``, ``"enterprise"``, ``"platform"``); ``"-year"`` sorts descending.
        Unknown values (``None``) come last; ties keep corpus order."""
        check_fields(fields, _ORDER_KEYS, "order by")
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
        check_fields([field], _GROUP_KEYS, "group by")
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
                candidates = merge_runs([x for x in lists if x]) if any(lists) else ()
        tests = [t for at, f in enumerate(self._filters)
                 for t in f.tests(index, skip if at == skip_at else ())]
        if len(tests) == 1:
            candidates = list(filter(tests[0], candidates))
        elif tests:
            candidates = [n for n in candidates if all(t(n) for t in tests)]
        if self._order:
            hits = index.hits
            keys = {k: _at(hits, g) for k, g in _ORDER_KEYS.items()}
            candidates = ordered(list(candidates), self._order, keys)
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
        return article_ids(self)

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
