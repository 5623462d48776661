"""The records' constructors written by ``zjopen._article_checks.fast_init`` do what the
``__init__`` attrs writes does: the same fields, the same errors (compared with the
former classes in tests/test_model_fields.py), the same signature, and no validation
while attrs' validators are disabled."""

from __future__ import annotations

import inspect
from decimal import Decimal
from typing import Any

import attr
import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen._article_checks import _blank_to_none, _check_name, fast_init, plain_init
from zjopen.extract.times import TimeMention
from zjopen.model import (
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Platform,
    PlatformKind,
    Qualifier,
    Region,
    RegionLevel,
    Span,
)
from zjopen.quantities import QuantityMatch

_CLASSES = (Region, Enterprise, Platform, Initiative, Metric)


def _attrs_made(cls: type) -> type:
    """The same class, with the ``__init__`` attrs writes for it."""
    fields = {a.name: attr.ib(default=a.default, validator=a.validator, type=a.type,
                              converter=a.converter, kw_only=True)
              for a in attrs.fields(cls)}
    return attrs.make_class(cls.__name__, fields, frozen=True)


@pytest.mark.parametrize("cls", _CLASSES)
def test_signature(cls: type) -> None:
    ours, theirs = (inspect.signature(made).parameters.values()
                    for made in (cls, _attrs_made(cls)))
    assert ([(p.name, p.kind, p.default) for p in ours]
            == [(p.name, p.kind, p.default) for p in theirs])
    assert cls.__dict__["__init__"].__qualname__ == f"{cls.__name__}.__init__"


@pytest.mark.parametrize("cls", _CLASSES)
def test_missing(cls: type) -> None:
    with pytest.raises(TypeError) as ours:
        cls()
    with pytest.raises(TypeError) as theirs:
        _attrs_made(cls)()
    assert str(ours.value) == str(theirs.value)


_ANY = st.one_of(st.none(), st.sampled_from([
    "", " ", "330200", "CN", "cn", "Ningbo", " x ", "%", "CNY", "furlong", 2023, 12, -1,
    Decimal(3), Decimal("NaN"), Decimal("-Infinity"), ["DE"], ("DE", "xx"), ("FR",), True,
    *RegionLevel, *PlatformKind, *MetricKind, *Qualifier, "level", "port", "county", "nope",
    Span(2, 4, "5%"), "x" * 60]))


@given(st.sampled_from(_CLASSES), st.data())
@settings(max_examples=800)
def test_same_as_attrs(cls: type, data: st.DataObject) -> None:
    names = [a.name for a in attrs.fields(cls)]
    kwargs = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(names, _ANY)))
    outcomes: list[tuple[str, Any]] = []
    for made in (cls, _attrs_made(cls)):
        try:
            outcomes.append(("ok", attrs.astuple(made(**kwargs), recurse=False)))
        except Exception as error:  # any error, compared by type and text
            outcomes.append((type(error).__name__, str(error)))
    assert outcomes[0] == outcomes[1]


def test_validators_disabled() -> None:
    span = Span(0, 2, "5%")
    with attrs.validators.disabled():
        metric = Metric(value=Decimal("NaN"), unit="furlong", span=span, id=" ", region="x")
        region = Region(code="x", name="", level="county")
    assert (metric.unit, metric.id, metric.region) == ("furlong", " ", "x")
    assert (region.code, region.name) == ("x", "")
    with pytest.raises(ValueError, match="unknown unit"):
        Metric(value=Decimal(1), unit="furlong", span=span)


def test_keyword_only_classes() -> None:
    with pytest.raises(TypeError, match="keyword-only"):
        fast_init(Span, enums={})


def test_post_init() -> None:
    seen: list[Any] = []

    @attrs.frozen(kw_only=True)
    class Checked:
        name: str = "x"

        def __attrs_post_init__(self) -> None:
            seen.append(self.name)

    Checked.__init__ = fast_init(Checked, enums={})  # type: ignore[method-assign]
    Checked(name="y")
    assert seen == ["y"]


def test_a_class_without_slots() -> None:
    @attrs.frozen(kw_only=True, slots=False)
    class Plain:
        name: str = attr.ib(default="x", validator=_check_name)
        note: str | None = attr.ib(default=None, converter=_blank_to_none)

    Plain.__init__ = fast_init(Plain, enums={})  # type: ignore[method-assign]
    assert (Plain(name="y", note=" ").name, Plain(note="z").note) == ("y", "z")
    with pytest.raises(ValueError, match="name must not be empty"):
        Plain(name=" ")


_PLAIN = (QuantityMatch, TimeMention)


def _attrs_plain(cls: type) -> type:
    """The same class, with the ``__init__`` attrs writes for it."""
    fields = {a.name: attr.ib(default=a.default, type=a.type, kw_only=a.kw_only)
              for a in attrs.fields(cls)}
    return attrs.make_class(cls.__name__, fields, frozen=True)


@pytest.mark.parametrize("cls", _PLAIN)
def test_plain_init_signature_and_errors(cls: type) -> None:
    ours, theirs = (inspect.signature(made).parameters.values()
                    for made in (cls, _attrs_plain(cls)))
    assert ([(p.name, p.kind, p.default) for p in ours]
            == [(p.name, p.kind, p.default) for p in theirs])
    assert cls.__dict__["__init__"].__qualname__ == f"{cls.__name__}.__init__"
    too_many = tuple(range(len(attrs.fields(cls)) + 1))  # one more than its fields
    for args in [(), (1,), too_many]:
        with pytest.raises(TypeError) as mine:
            cls(*args)
        with pytest.raises(TypeError) as attrs_own:
            _attrs_plain(cls)(*args)
        assert str(mine.value) == str(attrs_own.value)


@settings(max_examples=200)
@given(st.integers(), st.integers(), st.one_of(st.none(), st.integers()), st.booleans(),
       st.text(max_size=3))
def test_plain_init_sets_every_field(start: int, end: int, year: int | None, flag: bool,
                                     word: str) -> None:
    cases: list[tuple[type, tuple[Any, ...], dict[str, Any]]] = [
            (TimeMention, (start, end, year), {"target": flag, "later": start}),
            (TimeMention, (start, end, year, None, flag), {}),
            (QuantityMatch, (start, end, Decimal(end), word), {"noun": word or None}),
            (QuantityMatch, (start, end, Decimal(1), "%", word, None, None, word), {})]
    for cls, args, keywords in cases:
        made = cls(*args, **keywords)
        theirs = _attrs_plain(cls)(*args, **keywords)
        assert attrs.asdict(made, recurse=False) == attrs.asdict(theirs, recurse=False)


def test_plain_init_refuses_fields_it_would_skip() -> None:
    with pytest.raises(TypeError):
        plain_init(Span)  # a validator and a converter
