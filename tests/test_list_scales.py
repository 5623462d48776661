"""The scale a list's last figure is written with, given to the bare numbers before it
("values of 32.39, 19.92 and 10.9 billion yuan", by :func:`zjopen.quantities.scaled`):
exact, and written as the quantity parser writes values (no exponent, no trailing
zeros)."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st

from zjopen.quantities import parse_quantity, scaled


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal(10) ** 30, places=3),
       st.sampled_from([3, 6, 9, 12]))
def test_scaled_is_exact_and_plain(value: Decimal, power: int) -> None:
    made = scaled(value, power)
    with localcontext() as exact:
        exact.prec = 100  # (the default 28 digits would round the product)
        assert made == value * Decimal(10) ** power
    assert "E" not in str(made)
    assert not ("." in str(made) and str(made).endswith("0"))


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10) ** 9, places=2),
       st.sampled_from(["thousand", "million", "billion", "trillion"]))
def test_scaled_writes_values_as_the_parser_does(value: Decimal, word: str) -> None:
    power = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}[word]
    parsed, bare = parse_quantity(f"{value} {word} yuan"), parse_quantity(str(value))
    assert parsed is not None
    assert bare is not None
    assert str(scaled(bare.value, power)) == str(parsed.value)
