"""Time series and conflicting figures over the metrics of a corpus."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from typing import overload

import attrs

from zjopen.corpus.hit import MetricHit, article_ids
from zjopen.gazetteer.codes import canonical, display_name
from zjopen.link.merge import name_key
from zjopen.model import MetricKind, Period, PeriodKind, Qualifier

__all__ = [
    "DEFAULT_TOLERANCE",
    "Conflict",
    "TimePoint",
    "Timeseries",
    "find_conflicts",
    "normalize_indicator",
    "timeseries",
]

DEFAULT_TOLERANCE = Decimal("0.005")
"""Two figures disagree when they differ by more than this share of the larger (0.5%)."""

_STOP_WORDS = frozenset("""
    a an the its their his her this that these those of in on at for to and by from with as
    total overall whole annual annually yearly year years city province district county
    country nation national municipal local reported registered recorded posted reached
    hit stood totalled totaled came was were is are be been has had have amounted
""".split())
_NON_WORD = re.compile(r"[\W_]+")
_DATELINE = re.compile(r"\s(?:--|—|–)\s")  # "NINGBO, Jan. 20 (Xinhua) -- ..."


@cache
def _region_words(code: str | None) -> frozenset[str]:
    name = display_name(code) if code is not None else None
    return frozenset(name_key(name).split()) if name else frozenset()


def normalize_indicator(indicator: str, region: str | None = None) -> str:
    """The indicator phrase reduced to its content words, so that two articles' ways of
    naming one figure compare equal: case-folded, without possessives, punctuation,
    function words, reporting verbs ("reached", "hit") or the name of ``region``.

    >>> normalize_indicator("Ningbo's foreign trade", "330200")
    'foreign trade'
    >>> normalize_indicator("the city's total foreign trade reached")
    'foreign trade'
    >>> normalize_indicator("Exports of cross-border e-commerce")
    'exports cross border e commerce'
    >>> normalize_indicator("Jan. 20 (Xinhua) -- Ningbo's foreign trade", "330200")
    'foreign trade'
    """
    text = _DATELINE.split(indicator)[-1].casefold().replace("’", "'").replace("'s ", " ")
    text = text.removesuffix("'s")
    drop = _STOP_WORDS | _region_words(region)
    return " ".join(w for w in _NON_WORD.sub(" ", text).split() if w not in drop)


def _date_key(period: Period | None) -> tuple[date, date, str]:
    if period is None:
        return (date.min, date.max, "")
    return (period.start or date.min, period.end or date.max, period.kind.value)


def _label(year: int, period: Period | None) -> str:
    if period is None or period.kind is PeriodKind.YEAR:
        return str(year)
    if period.kind is PeriodKind.BY:
        return f"by {year}"
    start = period.start.isoformat() if period.start else "…"
    end = period.end.isoformat() if period.end else "…"
    return f"{start}..{end}"


def _distinct_values(hits: Iterable[MetricHit]) -> tuple[Decimal, ...]:
    return tuple(sorted({h.value for h in hits}))


def consensus(hits: Sequence[MetricHit]) -> Decimal:
    """The value most articles give; ties go to the most recently published article,
    then to the greater article id."""
    support: Counter[Decimal] = Counter()
    latest: dict[Decimal, tuple[date, str]] = {}
    for value, sources in _values_by_article(hits).items():
        support[value] = len(sources)
    for hit in hits:
        stamp = (hit.published or date.min, hit.article_id)
        if hit.value not in latest or stamp > latest[hit.value]:
            latest[hit.value] = stamp
    return max(support, key=lambda v: (support[v], latest[v]))


def _values_by_article(hits: Iterable[MetricHit]) -> dict[Decimal, set[str]]:
    found: dict[Decimal, set[str]] = {}
    for hit in hits:
        found.setdefault(hit.value, set()).add(hit.article_id)
    return found


class _HitGroup:
    """What :class:`TimePoint` and :class:`Conflict` both say of their figures: the
    distinct values, the source articles and the period's label."""

    __slots__ = ()
    year: int
    period: Period | None
    hits: tuple[MetricHit, ...]

    @property
    def values(self) -> tuple[Decimal, ...]:
        """Every distinct value given, in increasing order."""
        return _distinct_values(self.hits)

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The source articles, sorted."""
        return article_ids(self.hits)

    @property
    def label(self) -> str:
        """``"2023"`` for a year (or only a year known), ``"by 2027"`` for a deadline,
        ``"2024-01-01..2024-09-30"`` for other periods."""
        return _label(self.year, self.period)


@attrs.frozen
class TimePoint(_HitGroup):
    """The figures of one period (and unit) of a :class:`Timeseries`.

    ``period`` is ``None`` when the articles give only the year. ``value`` is the value
    most articles give (ties: the most recently published); ``values`` lists every
    distinct value, ``hits`` every figure with its source article.
    """

    year: int
    period: Period | None
    unit: str
    hits: tuple[MetricHit, ...]

    @property
    def value(self) -> Decimal:
        """The value most sources give."""
        return consensus(self.hits)

    @property
    def agrees(self) -> bool:
        """Whether every source gives the same value."""
        return len(self.values) == 1


@attrs.frozen
class Timeseries:
    """Figures over time, one :class:`TimePoint` per (year, period, unit), in time order.

    Iterate it, index it, or ask :meth:`values` for ``{label: value}``.
    """

    points: tuple[TimePoint, ...] = ()

    def __iter__(self) -> Iterator[TimePoint]:
        return iter(self.points)

    def __len__(self) -> int:
        return len(self.points)

    def __bool__(self) -> bool:
        return bool(self.points)

    @overload
    def __getitem__(self, item: int) -> TimePoint: ...

    @overload
    def __getitem__(self, item: slice) -> tuple[TimePoint, ...]: ...

    def __getitem__(self, item: int | slice) -> TimePoint | tuple[TimePoint, ...]:
        return self.points[item]

    @property
    def units(self) -> tuple[str, ...]:
        """The units of the points, sorted."""
        return tuple(sorted({p.unit for p in self.points}))

    @property
    def years(self) -> tuple[int, ...]:
        """The years with a point, in order."""
        return tuple(sorted({p.year for p in self.points}))

    def values(self) -> dict[str, Decimal]:
        """``{label: value}`` (labels with the unit appended when there are several)."""
        several = len(self.units) > 1
        return {
            (f"{p.label} {p.unit}" if several else p.label): p.value for p in self.points
        }


def timeseries(hits: Iterable[MetricHit]) -> Timeseries:
    """The figures with a year, grouped by (year, period, unit), in time order;
    incidental figures are left out."""
    groups: dict[tuple[int, Period | None, str], list[MetricHit]] = {}
    for hit in hits:
        if hit.year is not None and not hit.metric.incidental:
            groups.setdefault((hit.year, hit.period, hit.unit), []).append(hit)
    keys = sorted(groups, key=lambda k: (k[0], _date_key(k[1]), k[2]))
    return Timeseries(tuple(TimePoint(y, p, u, tuple(groups[(y, p, u)])) for y, p, u in keys))


@attrs.frozen
class Conflict(_HitGroup):
    """Figures that should agree and do not: the same subject (region, and company or
    platform when the figure names one), indicator (normalised), unit, kind and
    period, given differently by different articles.

    ``hits`` holds every figure of the group, ordered by article id and position.
    """

    region: str
    indicator: str
    unit: str
    kind: MetricKind
    year: int
    period: Period | None
    hits: tuple[MetricHit, ...]
    enterprise: str | None = None
    platform: str | None = None

    @property
    def region_name(self) -> str | None:
        """The gazetteer's English name of the region."""
        return display_name(self.region)

    @property
    def spread(self) -> Decimal:
        """How far apart the extreme values are, as a share of the larger magnitude."""
        low, high = self.values[0], self.values[-1]
        return (high - low) / max(abs(low), abs(high))


_INF = Decimal("Infinity")


def _bounds(hit: MetricHit) -> tuple[Decimal, Decimal]:
    """The values a figure allows: "over 3,000" allows anything above 3,000."""
    value, qualifier = hit.value, hit.qualifier
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return value, _INF
    if qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return -_INF, value
    high = hit.high if hit.high is not None and hit.high >= value else value
    return value, high


def _disagree(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal], tolerance: Decimal) -> bool:
    low, high = (a, b) if a[1] <= b[1] else (b, a)
    gap = high[0] - low[1]
    return gap > 0 and gap > tolerance * max(abs(high[0]), abs(low[1]))


def _conflicting(hits: Sequence[MetricHit], tolerance: Decimal) -> bool:
    bounds = [(h.article_id, _bounds(h)) for h in hits]
    return any(
        _disagree(a, b, tolerance)
        for n, (aid, a) in enumerate(bounds)
        for bid, b in bounds[n + 1 :]
        if aid != bid
    )


def _subject(name: str | None) -> str | None:
    return None if name is None else name_key(name)


_Key = tuple[str, str, str, MetricKind, int, "Period | None", "str | None", "str | None"]


def find_conflicts(
    hits: Iterable[MetricHit], tolerance: Decimal = DEFAULT_TOLERANCE
) -> tuple[Conflict, ...]:
    """Groups of figures on the same subject, indicator, unit, kind and period that
    articles give differently: two figures of different articles whose allowed values
    ("over 3,000" allows 3,500) are further apart than ``tolerance`` (a share of the
    larger). Figures without a region, indicator or year, and incidental ones, are left
    out. Ordered by region, indicator, unit and period."""
    groups: dict[_Key, list[MetricHit]] = {}
    for hit in hits:
        metric = hit.metric
        if (metric.region is None or metric.indicator is None or metric.year is None
                or metric.incidental):
            continue
        region = canonical(metric.region)
        indicator = normalize_indicator(metric.indicator, region)
        if not indicator:
            continue
        key: _Key = (region, indicator, metric.unit, metric.kind, metric.year, metric.period,
               _subject(metric.enterprise), _subject(metric.platform))
        groups.setdefault(key, []).append(hit)
    found = []
    for (region, indicator, unit, kind, year, period, enterprise, platform), members in (
        groups.items()
    ):
        if len(article_ids(members)) > 1 and _conflicting(members, tolerance):
            found.append(Conflict(
                region=region,
                indicator=indicator,
                unit=unit,
                kind=kind,
                year=year,
                period=period,
                hits=tuple(sorted(members, key=lambda h: (h.article_id, h.span.start))),
                enterprise=enterprise,
                platform=platform,
            ))
    found.sort(key=lambda c: (c.region, c.indicator, c.unit, c.kind.value, c.year,
                              _date_key(c.period), c.enterprise or "", c.platform or ""))
    return tuple(found)
