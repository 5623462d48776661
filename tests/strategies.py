"""Hypothesis strategies that generate valid model objects (for round-trip properties)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from zjopen import (
    Article,
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    PeriodKind,
    Platform,
    PlatformKind,
    Qualifier,
    Region,
    RegionLevel,
    Span,
    units,
)

texts = st.text(min_size=0, max_size=60)
names = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
optional_text = st.none() | names
codes = st.from_regex(r"\A(?:[0-9]{6}|[A-Z]{2})\Z")
optional_codes = st.none() | codes
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None)
wide_decimals = st.builds(
    lambda digits, exponent, sign: Decimal((sign, tuple(digits), exponent)),
    st.lists(st.integers(0, 9), min_size=1, max_size=25),
    st.integers(-40, 40),
    st.integers(0, 1),
)
any_decimal = decimals | wide_decimals
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def spans(draw: st.DrawFn, text: str | None = None) -> Span:
    source = draw(texts) if text is None else text
    start = draw(st.integers(0, len(source)))
    end = draw(st.integers(start, len(source)))
    return Span(start, end, source[start:end])


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(PeriodKind))
    start = draw(st.none() | dates)
    end = draw(dates) if start is None else draw(st.none() | dates.filter(lambda d: d >= start))
    return Period(kind, start, end)


def regions(text: str) -> st.SearchStrategy[Region]:
    return st.builds(
        Region, code=optional_codes, name=names, level=st.sampled_from(RegionLevel),
        parent=optional_codes, mentions=st.lists(spans(text), max_size=3),
    )


def enterprises(text: str) -> st.SearchStrategy[Enterprise]:
    return st.builds(
        Enterprise, name=names, aliases=st.lists(texts, max_size=3), region=optional_codes,
        overseas=st.lists(codes, max_size=3), kb_id=optional_text,
        mentions=st.lists(spans(text), max_size=3),
    )


def platforms(text: str) -> st.SearchStrategy[Platform]:
    return st.builds(
        Platform, name=names, kind=st.sampled_from(PlatformKind),
        aliases=st.lists(texts, max_size=3), region=optional_codes, kb_id=optional_text,
        mentions=st.lists(spans(text), max_size=3),
    )


def initiatives(text: str) -> st.SearchStrategy[Initiative]:
    return st.builds(
        Initiative, name=names, aliases=st.lists(texts, max_size=3), region=optional_codes,
        start_year=st.none() | st.integers(1900, 2100),
        target_year=st.none() | st.integers(1900, 2100), kb_id=optional_text,
        mentions=st.lists(spans(text), max_size=3),
    )


def metrics(text: str) -> st.SearchStrategy[Metric]:
    return st.builds(
        Metric, value=any_decimal, unit=st.sampled_from(units()), span=spans(text),
        kind=st.sampled_from(MetricKind), qualifier=st.sampled_from(Qualifier),
        year=st.none() | st.integers(1900, 2100), period=st.none() | periods(),
        region=optional_codes, enterprise=optional_text, platform=optional_text,
        indicator=optional_text, noun=optional_text, high=st.none() | any_decimal,
        incidental=st.booleans(),
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(max_size=300))
    found = draw(st.lists(metrics(text), max_size=5, unique_by=lambda m: m.id))
    ids = [m.id for m in found]
    if draw(st.booleans()) and ids:
        target = draw(st.sampled_from(ids))
        found[0] = attrs.evolve(found[0], of=target)
    return Article(
        id=draw(names),
        title=draw(optional_text),
        published=draw(st.none() | dates),
        authors=draw(st.lists(names, max_size=3)),
        source=draw(optional_text),
        dateline=draw(optional_text),
        regions=draw(st.lists(regions(text), max_size=3)),
        enterprises=draw(st.lists(enterprises(text), max_size=3)),
        platforms=draw(st.lists(platforms(text), max_size=3)),
        initiatives=draw(st.lists(initiatives(text), max_size=3)),
        metrics=found,
        text=text,
    )
