"""``zjopen._evolve.unchecked``: the constructors without checks (``made_metric`` ...) give,
on valid values of the fields' types, the record the public constructor gives: equal, of
the same shared strings and years, serialised to the same bytes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zjopen
from tests import strategies as gen
from zjopen import _evolve
from zjopen.lexicon.load import load_json
from zjopen.lexicon.numbers import number_table
from zjopen.lexicon.units import unit_table
from zjopen.model import (
    REGION_CODE_RE,
    Article,
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    Platform,
    PlatformKind,
    Qualifier,
    Region,
    Span,
)

_TEXT = "In 2023 Ningbo's exports rose 5.2% to 4.1 billion yuan, Geely Auto said."

_SPANS = gen.spans(_TEXT)
_CODES = st.sampled_from(["330200", "330206", "330782", "CN", "DE", "US"]) | gen.codes
_NAMES = st.one_of(st.sampled_from(["Geely", "Ningbo Zhoushan Port", "x" * 49, " Geely "]),
                   st.text(min_size=1, max_size=70).filter(str.strip))
_TEXTS = st.one_of(st.none(), st.sampled_from(["", " ", "\t\n", "exports", "x" * 48,
                                               "x" * 49]), st.text(max_size=70))
_DECIMALS = gen.any_decimal
_YEARS = st.one_of(st.none(), st.integers(-10, 20000), st.sampled_from([999, 1000, 9999]),
                   # (a new int object for a year seen before: the record's is the shared one)
                   st.sampled_from(["2023", "2024", "12345"]).map(int))

# Valid values of each field, of the field's type (what the callers vouch for).
_VALID: dict[str, st.SearchStrategy[Any]] = {
    "value": _DECIMALS, "high": st.none() | _DECIMALS,
    "unit": st.sampled_from(sorted(unit_table())),
    "span": _SPANS, "mentions": st.lists(_SPANS, max_size=3).map(tuple),
    "id": _NAMES, "name": _NAMES,
    "kind": st.sampled_from(MetricKind), "qualifier": st.sampled_from(Qualifier),
    "year": _YEARS, "start_year": _YEARS, "target_year": _YEARS,
    "period": st.sampled_from([None, Period.year(2023), Period.quarter(2024, 2),
                               Period.by(2030), Period.months(2025, 1, 6)]) | gen.periods(),
    "region": st.none() | _CODES, "overseas": st.lists(_CODES, max_size=3).map(tuple),
    "enterprise": _TEXTS, "platform": _TEXTS, "indicator": _TEXTS, "noun": _TEXTS,
    "of": _TEXTS, "kb_id": _TEXTS,
    "aliases": st.lists(st.text(max_size=60), max_size=3).map(tuple),
    "incidental": st.booleans(),
}
_KINDS: dict[type, st.SearchStrategy[Any]] = {  # (Platform's kind, not a MetricKind)
    Platform: st.sampled_from(PlatformKind)}

_MADE = {Metric: _evolve.made_metric, Enterprise: _evolve.made_enterprise,
         Platform: _evolve.made_platform, Initiative: _evolve.made_initiative}


def _kwargs(cls: type, data: st.DataObject) -> dict[str, Any]:
    required = {a.alias: _KINDS.get(cls, _VALID[a.alias]) if a.alias == "kind"
                else _VALID[a.alias] for a in attrs.fields(cls) if a.default is attrs.NOTHING}
    optional = {a.alias: _KINDS.get(cls, _VALID[a.alias]) if a.alias == "kind"
                else _VALID[a.alias] for a in attrs.fields(cls) if a.default is not attrs.NOTHING}
    return data.draw(st.fixed_dictionaries(required, optional=optional))


def _json(record: Any) -> str:
    """The JSON of an article of ``record`` (with a figure of the id it names, if any)."""
    if type(record) is not Metric:
        many = {Enterprise: "enterprises", Platform: "platforms", Initiative: "initiatives"}
        records: dict[str, Any] = {many[type(record)]: [record]}
        return zjopen.dumps(Article(id="a", text=_TEXT, **records))
    metrics = [record]
    if record.of is not None and record.of != record.id:
        metrics.append(Metric(value=Decimal(1), unit="count", span=Span.of(_TEXT, 0, 2),
                              id=record.of))
    return zjopen.dumps(Article(id="a", text=_TEXT, published=date(2024, 1, 2),
                                metrics=metrics))


@given(st.sampled_from(list(_MADE)), st.data())
@settings(max_examples=600)
def test_same_record_as_the_constructor(cls: type, data: st.DataObject) -> None:
    kwargs = _kwargs(cls, data)
    theirs = cls(**kwargs)
    ours = _MADE[cls](**kwargs)
    assert type(ours) is cls
    assert ours == theirs
    assert repr(ours) == repr(theirs)
    for a in attrs.fields(cls):
        mine, public = getattr(ours, a.name), getattr(theirs, a.name)
        assert type(mine) is type(public)
        if a.name != "id" or "id" in kwargs:  # (a default id is a new string each time)
            assert mine is public, a.name  # the same shared string, year, member, tuple
    assert _json(ours) == _json(theirs)


def test_default_metric_id() -> None:
    span = Span.of(_TEXT, 30, 34)
    made = _evolve.made_metric(value=Decimal("5.2"), unit="%", span=span)
    assert made.id == "m30" == Metric(value=Decimal("5.2"), unit="%", span=span).id


@pytest.mark.parametrize("cls", [Span, Period, Article])
def test_no_constructor_for_records_checked_after(cls: type) -> None:
    with pytest.raises(TypeError):
        _evolve.unchecked(cls)


def test_region_code_converters_known() -> None:
    # Region has no private constructor here (extract.regions makes its own), but the
    # generator knows its converters.
    region = _evolve.unchecked(Region)(code="330200", name="Ningbo", level=Region(
        code="330200", name="Ningbo", level="prefecture").level)
    assert region == Region(code="330200", name="Ningbo", level="prefecture")


def test_units_of_quantities_are_known() -> None:
    """extract.metrics makes its figures with made_metric, unchecked: the units
    find_quantities gives (a unit's code, or what it converts to, or a duration's) must
    be units of the table."""
    table = unit_table()
    assert all(info.convert_to in table for info in table.values() if info.convert_to)
    assert all(unit in table for _, unit in number_table()["durations"].values())
    assert {"rank", "count"} <= set(table)


def test_knowledge_base_values_are_valid() -> None:
    """extract.names makes its records with made_enterprise ..., unchecked: the region
    codes and names it takes from the knowledge base must pass the records' checks."""
    kb = load_json("kb.json")
    for section in ("enterprises", "platforms", "initiatives"):
        for row in kb[section]:
            assert row["region"] is None or REGION_CODE_RE.match(row["region"]), row
            assert row["name"].strip(), row
