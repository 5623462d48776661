"""The model: validators reject impossible values; every class round-trips."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import strategies as gen
from zjopen import (
    Article,
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    Platform,
    PlatformKind,
    Quantity,
    Region,
    Span,
)
from zjopen.formats.converter import converter
from zjopen.model import REGION_CODE_PATTERN, REGION_CODE_RE

TEXT = "In 2023, Beilun's trade reached 450.16 billion yuan, up 91.3%."


def _metric(**changes: Any) -> Metric:
    base: dict[str, Any] = {
        "value": Decimal("450160000000"), "unit": "CNY", "span": Span.of(TEXT, 32, 51),
    }
    return Metric(**{**base, **changes})


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Span(-1, 2, "abc"), "must be >= 0"),
        (lambda: Span(5, 2, ""), "before its start"),
        (lambda: Span(0, 3, "ab"), "has 2 characters"),
        (lambda: Period.year(2023).__class__("year", None, None), "needs a start"),
        (lambda: Period("year", date(2024, 1, 1), date(2023, 1, 1)), "before its start"),
        (lambda: Period.quarter(2023, 5), "quarter must be 1 to 4"),
        (lambda: Quantity(Decimal("1"), "furlong"), "unknown unit 'furlong'"),
        (lambda: Quantity(Decimal("NaN"), "CNY"), "finite"),
        (lambda: _metric(unit="yuan"), "unknown unit"),
        (lambda: _metric(value=Decimal("Infinity")), "finite"),
        (lambda: _metric(region="Beilun"), "six-digit"),
        (lambda: Region(code="3302", name="Ningbo", level="prefecture"), "six-digit"),
        (lambda: Region(code="330200", name=" ", level="prefecture"), "must not be empty"),
        (lambda: Region(code="330200", name="Ningbo", level="city"), "is not a valid"),
        (lambda: Platform(name="Port", kind="harbour"), "is not a valid"),
        (lambda: Enterprise(name="Geely", overseas=["Poland"]), "ISO 3166-1"),
        (lambda: _metric(kind="guess"), "is not a valid"),
        (lambda: Article(id="a", text="short", metrics=[_metric()]), "does not match"),
        (lambda: Article(id="a", text=TEXT, metrics=[_metric(), _metric()]), "duplicate metric id"),
        (lambda: Article(id="a", text=TEXT, metrics=[_metric(of="m99")]), "no metric has id"),
        (
            lambda: Article(id="a", text=TEXT, regions=[
                Region(code="330206", name="Beilun", level="district",
                       mentions=[Span(9, 15, "Ningbo")])]),
            "regions[0].mentions[0]",
        ),
    ],
)
def test_validators_reject_impossible_values(build: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        build()


@pytest.mark.parametrize(
    ("code", "valid"),
    [("330206", True), ("DE", True), ("3302", False), ("de", False), ("DEU", False),
     ("330206\n", False), (" DE", False)],
)
def test_region_codes(code: str, valid: bool) -> None:
    assert bool(REGION_CODE_RE.match(code)) is valid
    assert REGION_CODE_PATTERN in REGION_CODE_RE.pattern
    if not valid:
        with pytest.raises(ValueError, match="six-digit"):
            Region(code=code, name="X", level="other")


def test_a_valid_article_keeps_its_records() -> None:
    growth = Metric(value=Decimal("91.3"), unit="%", kind="change", span=Span.of(TEXT, 57, 62))
    level = _metric()
    article = Article(
        id="beilun",
        text=TEXT,
        regions=[Region(code="330206", name="Beilun", level="district", parent="330200",
                        mentions=[Span.of(TEXT, 9, 15)])],
        metrics=[level, attrs.evolve(growth, of=level.id)],
    )
    assert article.metric("m57") is not None
    assert article.metric("m57").of == "m32"  # type: ignore[union-attr]
    assert article.metrics[1].kind is MetricKind.CHANGE
    assert article.metrics[0].text == "450.16 billion yuan"
    assert [path for path, _ in article.spans()] == [
        "regions[0].mentions[0]", "metrics[0].span", "metrics[1].span"]


def test_blank_optional_text_is_none() -> None:
    assert Article(id="a", title="  ", source="").title is None
    assert Platform(name="Yiwu Market", kind=PlatformKind.MARKET, kb_id="").kb_id is None


def test_records_are_frozen_and_slotted() -> None:
    region = Region(code="330200", name="Ningbo", level="prefecture")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        region.name = "Hangzhou"  # type: ignore[misc]
    for cls in (Span, Period, Quantity, Region, Enterprise, Platform, Initiative, Metric, Article):
        assert "__slots__" in cls.__dict__, cls


def test_period_constructors() -> None:
    assert Period.months(2024, 2, 2).end == date(2024, 2, 29)
    assert Period.half(2023, 1).end == date(2023, 6, 30)
    assert Period.by(2030).start is None
    assert Period.by(2030).year_of == 2030
    assert Period.quarter(2025, 4).start == date(2025, 10, 1)


@given(gen.spans())
def test_span_round_trip(span: Span) -> None:
    assert converter.structure(converter.unstructure(span), Span) == span


@given(gen.periods())
def test_period_round_trip(period: Period) -> None:
    assert converter.structure(converter.unstructure(period), Period) == period


@given(st.builds(Quantity, value=gen.any_decimal, unit=st.sampled_from(["CNY", "%", "TEU"])))
def test_quantity_round_trip(quantity: Quantity) -> None:
    assert converter.structure(converter.unstructure(quantity), Quantity) == quantity


@given(st.data())
def test_record_round_trips(data: st.DataObject) -> None:
    text = data.draw(gen.texts)
    for strategy, cls in (
        (gen.regions(text), Region),
        (gen.enterprises(text), Enterprise),
        (gen.platforms(text), Platform),
        (gen.initiatives(text), Initiative),
        (gen.metrics(text), Metric),
    ):
        record = data.draw(strategy)
        assert converter.structure(converter.unstructure(record), cls) == record


def test_records_of_a_large_article_share_their_repeated_values() -> None:
    # A large article repeats its places, indicators, years, periods and values thousands
    # of times: each is one object, not one per record (memory: bench_memory.py --article).
    import zjopen

    text = "Trade\n\n" + " ".join(
        f"Exports from Ningbo rose {n % 7 + 1}.5 percent in 2023, and imports "
        f"{n % 5 + 2} percent." for n in range(50))
    article = zjopen.parse(text)
    ningbo = next(r for r in article.regions if r.name == "Ningbo")
    assert len(ningbo.mentions) == 50
    assert len({id(m.text) for m in ningbo.mentions}) == 1
    metrics = article.metrics
    assert len({id(m.span.text) for m in metrics if m.span.text == "2.5 percent"}) == 1
    assert len({id(m.year) for m in metrics}) == 1
    assert metrics[0].year == 2023
    assert len({id(m.period) for m in metrics}) == 1
    assert len({id(m.value) for m in metrics if m.value == Decimal("1.5")}) == 1
    assert Period.quarter(2021, 1) is Period.quarter(2021, 1)


def test_shared_values_keep_how_they_are_written() -> None:
    # Equal is not the same: Decimal("-0") == Decimal("0") but prints "-0"; long texts
    # and other types pass through as they are.
    from zjopen.lexicon._exact import _absolute

    assert [str(_absolute(Decimal(v))) for v in ("0", "-0", "0.00", "-0.0", "5E+1", "50.0")
            ] == ["0", "-0", "0", "-0", "50", "50"]
    long = "x" * 100
    assert Span(0, 100, long).text is long
    assert Metric(value=Decimal(1), unit="%", span=Span(0, 1, "1"), year=20230).year == 20230
