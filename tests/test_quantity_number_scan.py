"""The number pattern of :mod:`zjopen.quantities`, its digits written with the first one
in front (so that the engine skips along to digits), finds what it found written as
``[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?``: the same numbers, with the
same groups."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen import quantities

_WRITTEN = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"


def _as_written() -> re.Pattern[str]:
    number = quantities._patterns().number
    assert number.pattern.startswith("(?P<num>" + quantities._DIGITS + ")")
    return re.compile(number.pattern.replace(quantities._DIGITS, _WRITTEN, 1), number.flags)


_OLD = _as_written()
_PIECES = ["1", "12", "123", "1234", "0", ",", ",000", ",12", ".", ".5", "..", " ", "-",
           "+", "-plus", "billion", "Million", " bn", "-mln", "k", "M", "b", "x", "yuan", "é",
           "٣", "1,234,567.89", "10,00"]
_TEXT = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
                  st.text(alphabet=st.sampled_from("0123456789,. -kmb+x"), max_size=30))


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_number_pattern_finds_what_it_found(text: str) -> None:
    number = quantities._patterns().number
    assert [(m.span(), m.groupdict()) for m in number.finditer(text)] == [
        (m.span(), m.groupdict()) for m in _OLD.finditer(text)]


def test_the_number_pattern_begins_with_a_class() -> None:
    # what the engine skips along on: a pattern that begins with a group's character class
    assert quantities._patterns().number.pattern.startswith("(?P<num>[0-9]")
