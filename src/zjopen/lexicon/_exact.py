"""Exact arithmetic of figures: digits as a :class:`~decimal.Decimal`, multiplied without
rounding, and written as values are (no exponent, no trailing zeros)."""

from __future__ import annotations

import decimal
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = ["MAX_DIGITS", "parse_number", "scaled"]

MAX_DIGITS = 24
"""Numbers written with more digits than this are not figures (no news figure has them;
a run of thousands of digits is data or an attack): :func:`parse_number` gives None."""


def parse_number(text: str) -> Decimal | None:
    """Digits with thousands separators and decimals, as a Decimal; None for more than
    :data:`MAX_DIGITS` digits or anything else.

    >>> parse_number("1,234.5"), parse_number("12a"), parse_number("9" * 25)
    (Decimal('1234.5'), None, None)
    """
    plain = text.replace(",", "")
    if len(plain) > MAX_DIGITS and sum(char.isdigit() for char in plain) > MAX_DIGITS:
        return None
    try:
        return Decimal(plain)
    except InvalidOperation:
        return None


_EXACT = decimal.Context(prec=1000, Emax=10**6, Emin=-(10**6))  # no rounding in our range


def _absolute(value: Decimal) -> Decimal:
    """The value without trailing zeros or exponent: Decimal('4.5016E+11') → 450160000000.

    >>> _absolute(_times(Decimal("12345678901234567890123456789012"), 1000))
    Decimal('12345678901234567890123456789012000')

    Equal values are one shared object (the figures of a large article repeat a few
    thousand values; each Decimal takes 104 bytes): the sign is part of the key, since
    ``Decimal(0) == Decimal("-0")`` but they print differently.
    """
    return _absolute_of(value, value.is_signed())


@lru_cache(maxsize=4096)
def _absolute_of(value: Decimal, _signed: bool) -> Decimal:
    value = value.normalize(_EXACT)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return value.quantize(Decimal(1), context=_EXACT)
    return value


def scaled(value: Decimal, power: int) -> Decimal:
    """``value`` times ten to ``power``, exact, written as values are (:func:`_absolute`)."""
    return _absolute(_times(value, 10**power))


def _times(*factors: Decimal | int) -> Decimal:
    product = Decimal(1)
    for factor in factors:
        product = _EXACT.multiply(product, Decimal(factor))
    return product
