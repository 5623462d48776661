"""``zjopen._evolve.evolver`` (whose functions :func:`zjopen._evolve.evolve` writes the
same way): the linker's records with fields changed (a figure's subject, a place's
mentions, a merged company) are the records ``attrs.evolve`` makes: equal, of the
record's own class, holding the same objects, and a bad value raises the error
``evolve`` raises."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from zjopen._evolve import evolver
from zjopen.link import merge, subjects
from zjopen.model import (
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    Platform,
    PlatformKind,
    Region,
    RegionLevel,
    Span,
)

_SPAN = Span(16, 22, "Ningbo")
_METRIC = Metric(value=Decimal("4.1E9"), unit="CNY", span=Span(30, 34, "5.2%"), id="m30",
                 kind=MetricKind.CHANGE, year=2023, period=Period.year(2023), noun="exports",
                 high=Decimal("5E9"), of="m40", incidental=True)
_REGION = Region(code="330200", name="Ningbo", level=RegionLevel.PREFECTURE,
                 parent="330000", mentions=(_SPAN,))
_ENTERPRISE = Enterprise(name="Geely Auto", aliases=("Geely",), region="330100",
                         overseas=("SE",), kb_id="geely", mentions=(Span(0, 5, "Geely"),))
_PLATFORM = Platform(name="Ningbo Zhoushan Port", kind=PlatformKind.PORT,
                     mentions=(Span(40, 60, "Ningbo Zhoushan Port"),))
_INITIATIVE = Initiative(name="Belt and Road Initiative", start_year=2013,
                         mentions=(Span(3, 27, "Belt and Road Initiative"),))
_MORE = (Span(50, 56, "Ningbo"), _SPAN)

# (record, the fields changed, their new values): the changes the linker makes, and others.
_CHANGES: list[tuple[Any, tuple[str, ...], tuple[Any, ...]]] = [
    (_METRIC, ("region",), ("330200",)),
    (_METRIC, ("region",), ("DE",)),
    (_METRIC, ("region",), (None,)),
    (_METRIC, ("enterprise",), ("Geely Auto",)),
    (_METRIC, ("enterprise",), ("  ",)),  # (blank: None, as the converter makes it)
    (_METRIC, ("platform",), ("Ningbo Zhoushan Port",)),
    (_METRIC, ("platform", "region"), ("Yiwu market", "330782")),
    (_REGION, ("mentions",), (_MORE,)),
    (_REGION, ("mentions",), (list(_MORE),)),  # (a list: the tuple the converter makes)
    (_ENTERPRISE, (*merge._MERGED, "overseas"),
     (("Geely", "Geely Holding"), _MORE, "330100", "", ("SE", "MY"))),
    (_PLATFORM, merge._MERGED, (("Zhoushan Port",), _MORE, "330200", "port-nz")),
    (_INITIATIVE, (*merge._MERGED, "start_year", "target_year"),
     (("BRI",), _MORE, None, None, 2013, 2030)),
]


@pytest.mark.parametrize(("record", "names", "values"), _CHANGES)
def test_the_record_is_the_one_evolve_makes(record: Any, names: tuple[str, ...],
                                            values: tuple[Any, ...]) -> None:
    made = evolver(type(record), *names)(record, *values)
    expected = attrs.evolve(record, **dict(zip(names, values, strict=True)))
    assert made == expected
    assert type(made) is type(record)
    for field in attrs.fields(type(record)):  # the same objects (shared strings, tuples)
        assert getattr(made, field.name) == getattr(expected, field.name)
        if field.name not in names:
            assert getattr(made, field.name) is getattr(record, field.name)
        elif isinstance(getattr(made, field.name), str):  # (shared, as the converter makes)
            assert getattr(made, field.name) is getattr(expected, field.name)


# (record, field, bad value, the error's type)
_BAD: list[tuple[Any, str, Any, type[Exception]]] = [
    (_METRIC, "region", "Ningbo", ValueError),
    (_METRIC, "region", "33020", ValueError),
    (_METRIC, "region", 330200, TypeError),
    (_REGION, "mentions", None, TypeError),
    (_ENTERPRISE, "overseas", ("Sweden",), ValueError),
    (_PLATFORM, "region", "zz", ValueError),
]


@pytest.mark.parametrize(("record", "name", "value", "error"), _BAD)
def test_a_bad_value_raises_what_evolve_raises(record: Any, name: str, value: Any,
                                               error: type[Exception]) -> None:
    with pytest.raises(error) as expected:
        attrs.evolve(record, **{name: value})
    with pytest.raises(error) as raised:
        evolver(type(record), name)(record, value)
    assert str(raised.value) == str(expected.value)


@attrs.frozen(kw_only=True)
class _OwnMetric(Metric):
    """A house record built on Metric, with a field of its own."""

    source: str = "house"


def test_a_subclass_is_left_to_evolve() -> None:
    own = _OwnMetric(value=Decimal(5), unit="%", span=Span(0, 2, "5%"), source="survey")
    made = subjects._WITH_REGION(own, "330200")
    assert type(made) is _OwnMetric
    assert made == attrs.evolve(own, region="330200")
    assert made.source == "survey"


def test_what_the_linker_changes_is_made_fast() -> None:
    # (the evolvers the linker uses, and a record of each made as evolve makes it)
    assert subjects._WITH_REGION(_METRIC, "330212") == attrs.evolve(_METRIC, region="330212")
    assert subjects._WITH_ENTERPRISE(_METRIC, "Aux") == attrs.evolve(_METRIC, enterprise="Aux")
    assert subjects._WITH_PLATFORM(_METRIC, "Yiwu market") == attrs.evolve(
        _METRIC, platform="Yiwu market")
    assert merge._WITH_MENTIONS(_REGION, _MORE) == attrs.evolve(_REGION, mentions=_MORE)


@pytest.mark.parametrize(("cls", "names"), [
    (Metric, ()), (Metric, ("colour",)), (Metric, ("region", "region")),
])
def test_no_evolver_for_what_is_no_field(cls: type, names: tuple[str, ...]) -> None:
    with pytest.raises(TypeError):
        evolver(cls, *names)
