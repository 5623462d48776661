"""Where a corpus's figures are: a :class:`MetricIndex` of lookup tables, and the
conditions of a query (:class:`MetricFilter`) planned and tested against it.

The index keeps, for every code, the figures of that place and of every place within it,
per year, so "all figures within Ningbo in 2023" reads one or a few lists instead of
scanning the corpus.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

import attrs

from zjopen.corpus.hit import MetricHit
from zjopen.corpus.query import name_key
from zjopen.gazetteer.codes import canonical, lineage
from zjopen.model import Article, Metric, MetricKind, PeriodKind

__all__ = ["MetricFilter", "MetricIndex", "merge_runs"]


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
            key: merge_runs(parts) for key, parts in region_year.items()
        }
        self.by_year: dict[int | None, Sequence[int]] = {
            key: merge_runs(parts) for key, parts in by_year.items()
        }
        by_region: dict[str, list[Sequence[int]]] = {}
        for (place, _), positions in self.by_region_year.items():
            by_region.setdefault(place, []).append(positions)
        self.by_region: dict[str, Sequence[int]] = {
            key: merge_runs(parts) for key, parts in by_region.items()
        }
        self._lazy: dict[str, dict[Any, Sequence[int]]] = {}

    def of_articles(self, article_ids: Iterable[str]) -> list[range]:
        """The positions of the figures of each article, in the order given (empty for an
        article the index does not hold).

        >>> from decimal import Decimal
        >>> from zjopen.model import Article, Metric, Span
        >>> def five(at):
        ...     return Metric(value=Decimal(5), unit="%", span=Span(at, at + 2, "5%"))
        >>> index = MetricIndex([Article(id="a", text="5%", metrics=[five(0)]),
        ...                      Article(id="b", text="5% 5%", metrics=[five(0), five(3)])])
        >>> index.of_articles(["b", "zz", "a"])
        [range(1, 3), range(0, 0), range(0, 1)]
        """
        by_article = self.by_article
        return [by_article.get(a, range(0)) for a in article_ids]

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


def merge_runs(parts: Sequence[Sequence[int]]) -> Sequence[int]:
    """Disjoint sorted runs as one sorted sequence."""
    if len(parts) == 1:
        return parts[0]
    return sorted(itertools.chain.from_iterable(parts))


@attrs.frozen
class MetricFilter:
    """The conditions of one :meth:`~zjopen.corpus.MetricQuery.where` call (all must
    hold)."""

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
                yield {"article_ids"}, list(index.of_articles(self.article_ids))
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
                index.of_articles(self.article_ids)))
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
                         and name_key(name) == enterprise)
        if self.platform is not None:
            platform = self.platform
            tests.append(lambda n: (name := metrics[n].platform) is not None
                         and name_key(name) == platform)
        if self.incidental is not None:
            incidental = self.incidental
            tests.append(lambda n: metrics[n].incidental is incidental)
        return tests
