"""The domain model: frozen, slotted, typed records for everything zjopen emits.

Every record that comes from the text carries :class:`Span` objects pointing into
:attr:`Article.text`, the article's clean text, so that ``article.text[s.start:s.end]
== s.text`` always holds (the :class:`Article` constructor checks it).

Money and measurements are :class:`decimal.Decimal`, never binary floats.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
from attrs import field

from zjopen._article_checks import (
    _blank_to_none,
    _check_finite,
    _check_name,
    _check_start,
    _check_unit,
    _shared_year,
    check_article,
    fast_init,
)
from zjopen._article_checks import (
    _shared as _shared,  # (document.py imports it from here)
)

__all__ = [
    "REGION_CODE_PATTERN",
    "REGION_CODE_RE",
    "Article",
    "Enterprise",
    "Initiative",
    "Metric",
    "MetricKind",
    "Period",
    "PeriodKind",
    "Platform",
    "PlatformKind",
    "Qualifier",
    "Quantity",
    "Record",
    "Region",
    "RegionLevel",
    "Span",
]


class RegionLevel(str, Enum):
    """The administrative level of a :class:`Region`."""

    COUNTRY = "country"
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    DISTRICT = "district"
    COUNTY = "county"
    COUNTY_CITY = "county_city"
    OTHER = "other"


class PlatformKind(str, Enum):
    """What kind of trade, investment or innovation platform a :class:`Platform` is."""

    FREE_TRADE_ZONE = "free_trade_zone"
    BONDED_ZONE = "bonded_zone"
    DEVELOPMENT_ZONE = "development_zone"
    INDUSTRIAL_PARK = "industrial_park"
    INNOVATION_ZONE = "innovation_zone"
    PILOT_ZONE = "pilot_zone"
    PORT = "port"
    MARKET = "market"
    ECOMMERCE_PLATFORM = "ecommerce_platform"
    DIGITAL_PLATFORM = "digital_platform"
    EXPO = "expo"
    LOGISTICS = "logistics"
    BUSINESS_DISTRICT = "business_district"
    OTHER = "other"


class MetricKind(str, Enum):
    """What a figure states: a level, a change, a share, a target or a rank."""

    LEVEL = "level"
    CHANGE = "change"
    SHARE = "share"
    TARGET = "target"
    RANK = "rank"


class Qualifier(str, Enum):
    """How exactly a figure is stated ("over", "nearly", "at least" ...)."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"


class PeriodKind(str, Enum):
    """The shape of a :class:`Period`."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    MONTHS = "months"
    DAY = "day"
    SPAN = "span"
    BY = "by"
    INSTANT = "instant"


REGION_CODE_PATTERN = "[0-9]{6}|[A-Z]{2}"
"""A region code: six GB/T 2260 digits (China) or two ISO 3166-1 alpha-2 letters
(countries). Unanchored, so that each user anchors it in its own dialect (the JSON
Schema writes ``^(...)$``); in Python use :data:`REGION_CODE_RE`."""

REGION_CODE_RE = re.compile(rf"\A(?:{REGION_CODE_PATTERN})\Z")
"""Matches a string that is a region code as a whole (no trailing newline either)."""


_GOOD_CODES: set[str] = set()
"""Codes found good already (a set look-up is cheaper than the match); at most
:data:`_GOOD_CODES_KEPT` of them are kept."""
_GOOD_CODES_KEPT = 4096


def _check_code(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None or (type(value) is str and value in _GOOD_CODES):
        return
    if REGION_CODE_RE.match(value):
        if type(value) is str and len(_GOOD_CODES) < _GOOD_CODES_KEPT:
            _GOOD_CODES.add(value)
    else:
        raise ValueError(
            f"{attribute.name} must be a six-digit GB/T 2260 code or an ISO 3166-1 "
            f"alpha-2 code, not {value!r}"
        )


def _period_kind(value: Any) -> PeriodKind:
    return value if type(value) is PeriodKind else PeriodKind(value)  # no call for a member


def _region_level(value: Any) -> RegionLevel:
    return value if type(value) is RegionLevel else RegionLevel(value)


def _platform_kind(value: Any) -> PlatformKind:
    return value if type(value) is PlatformKind else PlatformKind(value)


def _metric_kind(value: Any) -> MetricKind:
    return value if type(value) is MetricKind else MetricKind(value)


def _qualifier(value: Any) -> Qualifier:
    return value if type(value) is Qualifier else Qualifier(value)


@attrs.frozen
class Span:
    """A stretch ``[start, end)`` of an article's clean text, with the text itself.

    >>> Span(0, 6, "Beilun")
    Span(start=0, end=6, text='Beilun')
    >>> Span(5, 2, "")
    Traceback (most recent call last):
    ...
    ValueError: span end 2 is before its start 5
    """

    start: int = field(validator=_check_start)
    end: int = field()
    text: str = field(converter=_shared)

    @end.validator
    def _check_end(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def __attrs_post_init__(self) -> None:
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has {len(self.text)} characters but the span "
                f"{self.start}..{self.end} covers {self.end - self.start}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``.

        >>> Span.of("In Beilun, trade grew", 3, 9)
        Span(start=3, end=9, text='Beilun')
        """
        return cls(start, end, text[start:end])


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _spans(values: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(values)


@attrs.frozen
class Period:
    """The time a figure belongs to: a year, a quarter, a run of months, a deadline ...

    ``start`` and ``end`` are inclusive dates; either may be open (``None``) but not both.

    >>> Period.year(2023).start, Period.year(2023).end
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> Period.months(2025, 1, 6).end
    datetime.date(2025, 6, 30)
    """

    kind: PeriodKind = field(converter=_period_kind)
    start: date | None = None
    end: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a period needs a start, an end, or both")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"period end {self.end} is before its start {self.start}")

    # The constructors below return one shared object per period (periods are frozen):
    # the figures of a large article share a few dozen periods between thousands.

    @classmethod
    @functools.lru_cache(maxsize=1024)
    def year(cls, year: int) -> Period:
        """A calendar year."""
        return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    @functools.lru_cache(maxsize=1024)
    def months(cls, year: int, first: int, last: int) -> Period:
        """Months ``first`` to ``last`` (1-12) of ``year``; one month if equal."""
        import calendar  # (imported for the first period of months: a command starts faster)

        kind = PeriodKind.MONTH if first == last else PeriodKind.MONTHS
        end_day = calendar.monthrange(year, last)[1]
        return cls(kind, date(year, first, 1), date(year, last, end_day))

    @classmethod
    @functools.lru_cache(maxsize=1024)
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1-4 of ``year``.

        >>> Period.quarter(2021, 1).end
        datetime.date(2021, 3, 31)
        """
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter must be 1 to 4, not {quarter}")
        months = cls.months(year, 3 * quarter - 2, 3 * quarter)
        return cls(PeriodKind.QUARTER, months.start, months.end)

    @classmethod
    @functools.lru_cache(maxsize=1024)
    def half(cls, year: int, half: int) -> Period:
        """Half 1 or 2 of ``year``."""
        if half not in (1, 2):
            raise ValueError(f"half must be 1 or 2, not {half}")
        months = cls.months(year, 6 * half - 5, 6 * half)
        return cls(PeriodKind.HALF, months.start, months.end)

    @classmethod
    @functools.lru_cache(maxsize=1024)
    def by(cls, year: int) -> Period:
        """A deadline: "by 2030", "by the end of 2030"."""
        return cls(PeriodKind.BY, None, date(year, 12, 31))

    @property
    def year_of(self) -> int | None:
        """The calendar year the period falls in (its end's, else its start's)."""
        edge = self.end or self.start
        return edge.year if edge is not None else None


@attrs.frozen
class Quantity:
    """A number with a unit code (``CNY``, ``%``, ``TEU``, ``count`` ...).

    >>> Quantity(Decimal("450160000000"), "CNY")
    Quantity(value=Decimal('450160000000'), unit='CNY')
    >>> Quantity(Decimal("1"), "furlong")
    Traceback (most recent call last):
    ...
    ValueError: unknown unit 'furlong' (see zjopen.units())
    """

    value: Decimal = field(validator=_check_finite)
    unit: str = field(validator=_check_unit)


@attrs.frozen(kw_only=True)
class Region:
    """A place, linked to a GB/T 2260 code (China) or an ISO 3166-1 alpha-2 code.

    ``parent`` is the code of the enclosing region. Foreign places below country
    level have no code but a country parent.
    """

    code: str | None = field(validator=_check_code)
    name: str = field(validator=_check_name)
    level: RegionLevel = field(converter=_region_level)
    parent: str | None = field(default=None, validator=_check_code)
    mentions: tuple[Span, ...] = field(default=(), converter=_spans)


@attrs.frozen(kw_only=True)
class Enterprise:
    """A company or business group, with every alias the article uses for it."""

    name: str = field(validator=_check_name)
    aliases: tuple[str, ...] = field(default=(), converter=_strs)
    region: str | None = field(default=None, validator=_check_code)
    overseas: tuple[str, ...] = field(default=(), converter=_strs)
    kb_id: str | None = field(default=None, converter=_blank_to_none)
    mentions: tuple[Span, ...] = field(default=(), converter=_spans)

    @overseas.validator
    def _check_overseas(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for code in value:
            _check_code(self, attribute, code)


@attrs.frozen(kw_only=True)
class Platform:
    """A zone, park, port, market, e-commerce platform, expo or logistics channel."""

    name: str = field(validator=_check_name)
    kind: PlatformKind = field(default=PlatformKind.OTHER, converter=_platform_kind)
    aliases: tuple[str, ...] = field(default=(), converter=_strs)
    region: str | None = field(default=None, validator=_check_code)
    kb_id: str | None = field(default=None, converter=_blank_to_none)
    mentions: tuple[Span, ...] = field(default=(), converter=_spans)


@attrs.frozen(kw_only=True)
class Initiative:
    """A strategy, plan, campaign, programme, policy package, reform or agreement."""

    name: str = field(validator=_check_name)
    aliases: tuple[str, ...] = field(default=(), converter=_strs)
    region: str | None = field(default=None, validator=_check_code)
    start_year: int | None = None
    target_year: int | None = None
    kb_id: str | None = field(default=None, converter=_blank_to_none)
    mentions: tuple[Span, ...] = field(default=(), converter=_spans)


def _default_metric_id(metric: Metric) -> str:
    return f"m{metric.span.start}"


# How the records' written constructors convert (_article_checks.fast_init, and
# unchecked_new for zjopen._evolve): the enum and tuple converters, the region code check
# with the codes found good, and the default id's factory as its body.
_WRITTEN: dict[str, Any] = {
    "enums": {_region_level: RegionLevel, _platform_kind: PlatformKind,
              _metric_kind: MetricKind, _qualifier: Qualifier},
    "copies": (_spans, _strs), "codes": (_check_code, _GOOD_CODES),
    "factories": {_default_metric_id: 'f"m{span.start}"'}}


@attrs.frozen(kw_only=True)
class Metric:
    """One figure: a value with its unit, kind, qualifier, period and subject.

    ``value`` is absolute (450.16 billion yuan is ``Decimal("450160000000")``);
    ``high`` is the upper end of a range ("5 to 10"). ``of`` is the ``id`` of the
    figure this one qualifies (a growth rate of a level). ``incidental`` marks
    borderline figures (ages, idioms, model numbers) that queries may exclude.

    >>> m = Metric(value=Decimal("91.3"), unit="%", kind="change",
    ...            span=Span(0, 5, "91.3%"))
    >>> m.id, m.kind, m.qualifier
    ('m0', <MetricKind.CHANGE: 'change'>, <Qualifier.EXACT: 'exact'>)
    """

    value: Decimal = field(validator=_check_finite)
    unit: str = field(validator=_check_unit)
    span: Span
    id: str = field(
        default=attrs.Factory(_default_metric_id, takes_self=True), validator=_check_name
    )
    kind: MetricKind = field(default=MetricKind.LEVEL, converter=_metric_kind)
    qualifier: Qualifier = field(default=Qualifier.EXACT, converter=_qualifier)
    year: int | None = field(default=None, converter=_shared_year)
    period: Period | None = None
    region: str | None = field(default=None, validator=_check_code)
    enterprise: str | None = field(default=None, converter=_blank_to_none)
    platform: str | None = field(default=None, converter=_blank_to_none)
    indicator: str | None = field(default=None, converter=_blank_to_none)
    noun: str | None = field(default=None, converter=_blank_to_none)
    high: Decimal | None = field(default=None, validator=_check_finite)
    of: str | None = field(default=None, converter=_blank_to_none)
    incidental: bool = False

    @property
    def quantity(self) -> Quantity:
        """The value and unit as a :class:`Quantity`."""
        return Quantity(self.value, self.unit)

    @property
    def text(self) -> str:
        """The figure as written in the article."""
        return self.span.text


Record = Region | Enterprise | Platform | Initiative | Metric
"""Any of the five record kinds."""

# Each record's __init__ as attrs wrote it, with the usual values tested inline
# (zjopen._article_checks.fast_init): the same records, the same errors, made faster.
for _record in (Region, Enterprise, Platform, Initiative, Metric):
    setattr(_record, "__init__", fast_init(  # noqa: B010 - a method mypy must not see changed
        _record, **_WRITTEN))
del _record


def _regions(values: Iterable[Region]) -> tuple[Region, ...]:
    return tuple(values)


def _enterprises(values: Iterable[Enterprise]) -> tuple[Enterprise, ...]:
    return tuple(values)


def _platforms(values: Iterable[Platform]) -> tuple[Platform, ...]:
    return tuple(values)


def _initiatives(values: Iterable[Initiative]) -> tuple[Initiative, ...]:
    return tuple(values)


def _metrics(values: Iterable[Metric]) -> tuple[Metric, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Article:
    """One parsed article: metadata, its clean text, and the records found in it.

    The constructor checks that every span slices :attr:`text` exactly, that metric
    ids are unique and that every ``Metric.of`` names a metric of this article.
    """

    id: str
    title: str | None = field(default=None, converter=_blank_to_none)
    published: date | None = None
    authors: tuple[str, ...] = field(default=(), converter=_strs)
    source: str | None = field(default=None, converter=_blank_to_none)
    dateline: str | None = field(default=None, converter=_blank_to_none)
    regions: tuple[Region, ...] = field(default=(), converter=_regions)
    enterprises: tuple[Enterprise, ...] = field(default=(), converter=_enterprises)
    platforms: tuple[Platform, ...] = field(default=(), converter=_platforms)
    initiatives: tuple[Initiative, ...] = field(default=(), converter=_initiatives)
    metrics: tuple[Metric, ...] = field(default=(), converter=_metrics)
    text: str = ""

    def __attrs_post_init__(self) -> None:
        check_article(self)

    def spans(self) -> Iterator[tuple[str, Span]]:
        """Every span of every record, with the path to it (``"regions[0].mentions[1]"``)."""
        groups: tuple[tuple[str, Sequence[Region | Enterprise | Platform | Initiative]], ...] = (
            ("regions", self.regions),
            ("enterprises", self.enterprises),
            ("platforms", self.platforms),
            ("initiatives", self.initiatives),
        )
        for name, records in groups:
            for n, record in enumerate(records):
                for k, span in enumerate(record.mentions):
                    yield f"{name}[{n}].mentions[{k}]", span
        for n, metric in enumerate(self.metrics):
            yield f"metrics[{n}].span", metric.span

    def metric(self, metric_id: str) -> Metric | None:
        """The metric with this id, or None."""
        return next((m for m in self.metrics if m.id == metric_id), None)
