"""The quantities the number scan makes without calling their class (their slots set one
by one) equal the ones the class makes from the same values, field for field, and behave
as they do (equality, hashing, frozen)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjopen.quantities import QuantityMatch, _made_digits, find_quantities

_TEXTS = st.text(alphabet=st.sampled_from("abc xyz"), max_size=6)


@given(st.integers(0, 10**6), st.integers(0, 10**6),
       st.decimals(allow_nan=False, allow_infinity=False),
       st.sampled_from(["count", "%", "CNY", "USD", "ton"]),
       st.sampled_from(["exact", "more_than"]),
       st.none() | _TEXTS, st.sampled_from([Decimal(1), Decimal(1000), Decimal("1E+9")]))
def test_made_digits_is_the_class_made(start: int, end: int, value: Decimal, unit: str,
                                       qualifier: str, noun: str | None, scale: Decimal) -> None:
    made = _made_digits(start, end, value, unit, qualifier, noun, scale)
    called = QuantityMatch(start, end, value, unit, qualifier, None, noun, scale=scale)
    assert attrs.astuple(made, recurse=False) == attrs.astuple(called, recurse=False)
    assert made == called
    assert hash(made) == hash(called)
    assert repr(made) == repr(called)


def test_made_records_stay_frozen() -> None:
    quantity = next(iter(find_quantities("exports of 45 containers")))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quantity.start = 0  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), [
    ("exports of 45 containers", (45, "count", "containers", "digits")),
    ("exports rose 5.2 percent", (Decimal("5.2"), "%", None, "digits")),
    ("a 3 billion yuan deal", (Decimal(3_000_000_000), "CNY", None, "digits")),
])
def test_digit_quantities_as_made(text: str, expected: tuple[object, ...]) -> None:
    quantity = next(iter(find_quantities(text)))
    assert (quantity.value, quantity.unit, quantity.noun, quantity.form) == expected
    assert quantity.high is None
    assert quantity.high_start == -1
