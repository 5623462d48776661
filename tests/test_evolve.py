"""``zjopen._evolve.evolve`` gives what ``attrs.evolve`` gives, valid or not."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import zjopen
from zjopen._evolve import evolve
from zjopen.model import Metric, Period, PeriodKind, Span

_ARTICLE = zjopen.parse(
    "Ningbo trade grows\n\nNingbo's exports rose 5.2% to 4.1 billion yuan in 2023, and "
    "Geely Auto opened a plant in Hangzhou's Binjiang district, beside the Yiwu market."
)
_RECORDS: list[Any] = [*_ARTICLE.regions, *_ARTICLE.enterprises, *_ARTICLE.platforms,
                       *_ARTICLE.metrics]


def _outcome(make: Any) -> tuple[str, Any]:
    try:
        return "ok", repr(make())  # repr: a NaN is not equal to itself
    except Exception as error:  # any error, compared by type and text
        return type(error).__name__, str(error)


_VALUES = st.one_of(
    st.none(), st.integers(-5, 3000), st.sampled_from(["", " ", "CNY", "%", "level", "change",
                                                       "approx", "330200", "Ningbo", "x" * 60]),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.sampled_from([Decimal("NaN"), Period.year(2023), Span(0, 6, "Ningbo"), ()]),
)


@given(index=st.integers(0, len(_RECORDS) - 1), data=st.data())
def test_evolve_is_attrs_evolve(index: int, data: st.DataObject) -> None:
    record = _RECORDS[index]
    fields = attrs.fields(type(record))
    names = [a.alias for a in fields if a.init]
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=3))
    changes = {name: data.draw(_VALUES) for name in chosen}
    assert _outcome(lambda: evolve(record, **changes)) == _outcome(
        lambda: attrs.evolve(record, **changes))


@pytest.mark.parametrize(("record", "changes"), [
    (Span(3, 9, "Beilun"), {"end": 2}),                       # end before start
    (Span(3, 9, "Beilun"), {"text": "Bei"}),                  # text of another length
    (Span(3, 9, "Beilun"), {"start": -1}),                    # negative start
    (Span(3, 9, "Beilun"), {"colour": "red"}),                # no such field
    (Metric(value=Decimal(5), unit="%", span=Span(0, 2, "5%")), {"unit": "furlong"}),
    (Metric(value=Decimal(5), unit="%", span=Span(0, 2, "5%")), {"kind": "guess"}),
    (Metric(value=Decimal(5), unit="%", span=Span(0, 2, "5%")), {"region": "Ningbo"}),
    (Metric(value=Decimal(5), unit="%", span=Span(0, 2, "5%")), {"year": 2023, "kind": "change"}),
    (Period.year(2023), {"end": date(2022, 1, 1)}),           # a period that ends first
    (Period.year(2023), {"kind": PeriodKind.MONTH}),
])
def test_evolve_fails_and_succeeds_as_attrs_evolve_does(
        record: Any, changes: dict[str, Any]) -> None:
    assert _outcome(lambda: evolve(record, **changes)) == _outcome(
        lambda: attrs.evolve(record, **changes))
