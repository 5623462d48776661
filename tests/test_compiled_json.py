"""The compiled JSON writer (orjson and msgspec, optional) writes the standard writer's
very text, or steps aside."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import strategies as gen
from zjopen.formats import _compiled_json
from zjopen.formats import json as json_format
from zjopen.formats.json import _escape_line_breaks, dumps, iter_dumps, to_json_text
from zjopen.model import Article

pytest.importorskip("orjson")
pytest.importorskip("msgspec")

_odd_strings = st.sampled_from([
    "\0", "\x1f\x7f", "a\u2028b\u2029\u0085", '"\\u0000"', "\ud800", "x\udfffy", "é€😀",
    '\\"', ', "a": [1, 2]', "\t\n\r\b\f/",
])
_plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | _odd_strings
    | st.integers(min_value=2**63 - 2, max_value=2**64 + 2).map(lambda n: n * (-1) ** n)
    | st.decimals(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5) | _odd_strings, inner, max_size=4),
    max_leaves=16,
)


@given(_plain)
def test_compiled_writer_writes_the_exact_text_or_steps_aside(data: object) -> None:
    compiled = _compiled_json.encode(data)
    exact = to_json_text(data)
    assert compiled is None or _escape_line_breaks(compiled) == exact
    if not _has_surrogate(exact) and "\\ud" not in exact and not _big(data):
        assert compiled is not None  # steps aside only for what orjson cannot write


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _big(data: object) -> bool:
    if isinstance(data, bool):
        return False
    if isinstance(data, int):
        return not -(2**63) <= data < 2**64
    if isinstance(data, list | tuple):
        return any(_big(item) for item in data)
    if isinstance(data, dict):
        return any(_big(item) for item in data.values())
    return False


@pytest.mark.parametrize("data", [
    {"a": "\ud800"}, ["x\udfffy"], 2**64, -(2**63) - 1, {1: "a"}, [True, Decimal("NaN")],
    {"a": [[[[]]]] * 2, "b": _compiled_json},
])
def test_compiled_writer_steps_aside_for_what_it_cannot_write_exactly(data: object) -> None:
    assert _compiled_json.encode(data) is None


def test_compiled_writer_writes_decimals_exactly() -> None:
    data = {"v": [Decimal("4.5016E+11"), Decimal("10.780"), Decimal("1E+40"), Decimal("-0.5")]}
    assert _compiled_json.encode(data) == '{"v": [450160000000, 10.780, 1E+40, -0.5]}'
    assert to_json_text(data) == _compiled_json.encode(data)


@given(gen.articles())
def test_articles_are_written_the_same_with_and_without_the_compiled_writer(
        article: Article) -> None:
    written = json_format._written[0]
    json_format._written[0] = json_format._STANDARD_FIRST  # the compiled writer from now on
    try:
        compiled = dumps(article)
        pieces = "".join(iter_dumps(article))
    finally:
        json_format._written[0] = written
    saved = list(_compiled_json._loaded)
    _compiled_json._loaded[:] = [None]  # as when orjson or msgspec is not installed
    try:
        assert dumps(article) == compiled == pieces
        assert "".join(iter_dumps(article)) == compiled
    finally:
        _compiled_json._loaded[:] = saved


def test_a_process_writes_its_first_json_with_the_standard_writer_then_the_compiled_one(
        ) -> None:
    data = {"text": "x" * 1000, "v": Decimal("1.50")}
    written = json_format._written[0]
    try:
        json_format._written[0] = 0
        first = json_format._dumps_data(data, None)
        assert json_format._written[0] == len(first)  # the standard writer's
        json_format._written[0] = json_format._STANDARD_FIRST
        assert json_format._dumps_data(data, None) == first
        assert json_format._written[0] == json_format._STANDARD_FIRST  # the compiled one's
    finally:
        json_format._written[0] = written

