"""The records of zjopen.model, whose converters and validators are written for speed
(zjopen._article_checks, the enum converters in zjopen.model), convert and refuse
exactly as their former, plainer forms did: the same values, the same errors with the
same messages."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from typing import Any

import attrs
from attrs import field
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.lexicon.units import is_known_unit
from zjopen.model import (
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    PeriodKind,
    Platform,
    PlatformKind,
    Qualifier,
    Quantity,
    Region,
    RegionLevel,
    Span,
)

# The former field checks and conversions, as zjopen.model had them.

_CODE_RE = re.compile(r"\A(?:[0-9]{6}|[A-Z]{2})\Z")


def _check_code(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _CODE_RE.match(value):
        raise ValueError(
            f"{attribute.name} must be a six-digit GB/T 2260 code or an ISO 3166-1 "
            f"alpha-2 code, not {value!r}"
        )


def _check_name(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _check_finite(_inst: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    if value is not None and not value.is_finite():
        raise ValueError(f"{attribute.name} must be a finite number, not {value}")


def _shared(value: str) -> str:
    if type(value) is str and len(value) <= 48:
        return sys.intern(value)
    return value


def _blank_to_none(value: str | None) -> str | None:
    return None if value is None or not value.strip() else _shared(value)


def _shared_year(value: int | None) -> int | None:
    return value


def _check_unit(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not is_known_unit(value):
        raise ValueError(f"unknown unit {value!r} (see zjopen.units())")


def _tuple(values: Any) -> tuple[Any, ...]:
    return tuple(values)


@attrs.frozen
class OldSpan:
    start: int = field(validator=attrs.validators.ge(0))
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


@attrs.frozen
class OldPeriod:
    kind: PeriodKind = field(converter=PeriodKind)
    start: Any = None
    end: Any = None

    def __attrs_post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a period needs a start, an end, or both")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"period end {self.end} is before its start {self.start}")


@attrs.frozen
class OldQuantity:
    value: Decimal = field(validator=_check_finite)
    unit: str = field(validator=_check_unit)


@attrs.frozen(kw_only=True)
class OldRegion:
    code: str | None = field(validator=_check_code)
    name: str = field(validator=_check_name)
    level: RegionLevel = field(converter=RegionLevel)
    parent: str | None = field(default=None, validator=_check_code)
    mentions: tuple[Any, ...] = field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True)
class OldEnterprise:
    name: str = field(validator=_check_name)
    aliases: tuple[str, ...] = field(default=(), converter=_tuple)
    region: str | None = field(default=None, validator=_check_code)
    overseas: tuple[str, ...] = field(default=(), converter=_tuple)
    kb_id: str | None = field(default=None, converter=_blank_to_none)
    mentions: tuple[Any, ...] = field(default=(), converter=_tuple)

    @overseas.validator
    def _check_overseas(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for code in value:
            _check_code(self, attribute, code)


@attrs.frozen(kw_only=True)
class OldPlatform:
    name: str = field(validator=_check_name)
    kind: PlatformKind = field(default=PlatformKind.OTHER, converter=PlatformKind)
    aliases: tuple[str, ...] = field(default=(), converter=_tuple)
    region: str | None = field(default=None, validator=_check_code)
    kb_id: str | None = field(default=None, converter=_blank_to_none)
    mentions: tuple[Any, ...] = field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True)
class OldInitiative:
    name: str = field(validator=_check_name)
    aliases: tuple[str, ...] = field(default=(), converter=_tuple)
    region: str | None = field(default=None, validator=_check_code)
    start_year: int | None = None
    target_year: int | None = None
    kb_id: str | None = field(default=None, converter=_blank_to_none)
    mentions: tuple[Any, ...] = field(default=(), converter=_tuple)


def _default_id(metric: Any) -> str:
    return f"m{metric.span.start}"


@attrs.frozen(kw_only=True)
class OldMetric:
    value: Decimal = field(validator=_check_finite)
    unit: str = field(validator=_check_unit)
    span: Any
    id: str = field(default=attrs.Factory(_default_id, takes_self=True), validator=_check_name)
    kind: MetricKind = field(default=MetricKind.LEVEL, converter=MetricKind)
    qualifier: Qualifier = field(default=Qualifier.EXACT, converter=Qualifier)
    year: int | None = field(default=None, converter=_shared_year)
    period: Any = None
    region: str | None = field(default=None, validator=_check_code)
    enterprise: str | None = field(default=None, converter=_blank_to_none)
    platform: str | None = field(default=None, converter=_blank_to_none)
    indicator: str | None = field(default=None, converter=_blank_to_none)
    noun: str | None = field(default=None, converter=_blank_to_none)
    high: Decimal | None = field(default=None, validator=_check_finite)
    of: str | None = field(default=None, converter=_blank_to_none)
    incidental: bool = False


def _outcome(cls: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The fields' values and their types, or the error's type and message."""
    try:
        made = cls(*args, **kwargs)
    except Exception as exc:
        return (type(exc), str(exc).replace("Old", ""))  # (the class names differ)
    values = attrs.astuple(made, recurse=False)
    return (values, tuple(map(type, values)))


# Values of every kind, good and bad, for any field.
_codes = st.sampled_from(["330200", "CN", "cn", "33020", "3302000", "DE\n", "", " "])
_texts = st.sampled_from(["", " ", "Ningbo", " Ningbo ", "x" * 60, "\t\n"])
_enums = st.sampled_from([
    *RegionLevel, *PlatformKind, *MetricKind, *Qualifier, *PeriodKind,
    "county", "port", "change", "approx", "year", "nope", "COUNTY", 3])
_numbers = st.sampled_from([Decimal(1), Decimal("-2.5"), Decimal("NaN"), Decimal("Infinity"),
                            0, -1, 5, 2023, 12345])
_anything = (st.none() | _codes | _texts | _enums | _numbers | st.booleans()
             | st.lists(_codes, max_size=2) | st.sampled_from([["a"], 1.5, object]))
_units = st.sampled_from(["CNY", "%", "count", "furlong", ""])


def _kwargs(names: list[str], extra: dict[str, st.SearchStrategy[Any]] | None = None
            ) -> st.SearchStrategy[dict[str, Any]]:
    pool = dict.fromkeys(names, _anything) | (extra or {})
    return st.fixed_dictionaries({}, optional=pool)


@given(st.tuples(_anything | st.integers(-3, 12), _anything | st.integers(-3, 12),
                 _anything | st.sampled_from(["Beilun", "abc", ""])))
@settings(max_examples=400)
def test_span(args: tuple[Any, Any, Any]) -> None:
    assert _outcome(Span, args, {}) == _outcome(OldSpan, args, {})


@given(_enums, _numbers | st.none(), _numbers | st.none())
@settings(max_examples=200)
def test_period(kind: Any, start: Any, end: Any) -> None:
    assert _outcome(Period, (kind, start, end), {}) == _outcome(OldPeriod, (kind, start, end), {})


@given(_numbers | _anything, _units | _anything)
def test_quantity(value: Any, unit: Any) -> None:
    assert _outcome(Quantity, (value, unit), {}) == _outcome(OldQuantity, (value, unit), {})


_CLASSES = [(Region, OldRegion), (Enterprise, OldEnterprise), (Platform, OldPlatform),
            (Initiative, OldInitiative)]


@given(st.sampled_from(_CLASSES), st.data())
@settings(max_examples=600)
def test_named_records(classes: tuple[Any, Any], data: st.DataObject) -> None:
    new, old = classes
    names = [a.name for a in attrs.fields(new)]
    kwargs = data.draw(_kwargs(names, {"mentions": st.just((Span(0, 1, "x"),)),
                                       "overseas": st.lists(_codes, max_size=3)}))
    assert _outcome(new, (), kwargs) == _outcome(old, (), kwargs)


@given(st.data())
@settings(max_examples=600)
def test_metric(data: st.DataObject) -> None:
    names = [a.name for a in attrs.fields(Metric)]
    kwargs = data.draw(_kwargs(names, {"unit": _units, "span": st.just(Span(3, 5, "5%")),
                                       "value": _numbers}))
    assert _outcome(Metric, (), kwargs) == _outcome(OldMetric, (), kwargs)
