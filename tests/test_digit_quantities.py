"""_digit_quantities writes out, in its loop, the currency test before a number
(``_may_end_prefix`` of tests/test_quantity_scans.py, twice) and the test of a character a number
is glued to: it finds exactly what the loop that called them found (kept here as the
oracle), on text made of currencies, digits, spaces and letters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_quantity_scans import _may_end_prefix
from zjopen import quantities
from zjopen.quantities import QuantityMatch, _digit_quantity

_PIECES = [
    "$", "US$", "us$", "HK$", "U.S.$", "RMB", "rmb", "Rmb ", "Rs", "RM", "MOP$", "€", "£",
    "¥", "￥", "usd", "EUR", " ", "  ", "\t", "\u00a0", "\u2003", "\u212a", "\u017f", "ſ$",
    "İ", "1", "9", "25", "3.5", "1,200", ".", ",", "-", "_", "(", "x", "C", "S", "D", "k",
    "m", " million", " yuan", " tons", "%", " percent", "mb", "s$", "\n",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


def _glued(char: str) -> bool:
    return char.isalnum() or char in "_.$"


def _oracle(text: str) -> list[QuantityMatch]:
    patterns = quantities._patterns()
    singles, pairs, prefix_re = patterns.prefix_singles, patterns.prefix_pairs, patterns.prefix
    out: list[QuantityMatch] = []
    for match in patterns.number.finditer(text):
        start = match.start()
        pre: str | None = None
        if start:
            if _may_end_prefix(text, start, singles, pairs) or (
                    text[start - 1].isspace()
                    and _may_end_prefix(text, start - 1, singles, pairs)):
                prefix = prefix_re.search(text, max(0, start - 10), start)
                if prefix is not None:
                    at = prefix.start()
                    if at == 0 or not _glued(text[at - 1]):
                        pre, start = prefix.group().strip(), at
            if pre is None and _glued(text[start - 1]):
                continue
        found = _digit_quantity(text, match, patterns, start, pre)
        if found is not None:
            out.append(found)
    return out


@settings(max_examples=2000, deadline=None)
@given(_TEXT)
def test_digit_quantities_find_what_the_helper_calls_found(text: str) -> None:
    assert quantities._digit_quantities(text, quantities._patterns()) == _oracle(text)


def test_currencies_before_numbers() -> None:
    found = quantities._digit_quantities("US$ 5 and rmb3 and x$4", quantities._patterns())
    assert [(q.unit, q.start) for q in found] == [("USD", 0), ("CNY", 10)]
