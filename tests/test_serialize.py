"""JSON, JSON Lines and CSV round-trip exactly; the JSON Schema describes the output."""

from __future__ import annotations

import io
import json
import tempfile
import typing
import unittest.mock
from decimal import Decimal
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import strategies as gen
from zjopen import (
    Article,
    Metric,
    Span,
    dump_jsonl,
    dumps,
    iter_jsonl,
    json_schema,
    load_jsonl,
    loads,
    read_csv,
    write_csv,
)
from zjopen.errors import FormatError
from zjopen.formats import json as json_format
from zjopen.formats.converter import SPAN_KEYS, converter, make_converter, to_data
from zjopen.formats.json import _fast, iter_dumps, to_json_text
from zjopen.model import (
    REGION_CODE_RE,
    Enterprise,
    Initiative,
    MetricKind,
    Period,
    PeriodKind,
    Platform,
    PlatformKind,
    Qualifier,
    Region,
    RegionLevel,
)

VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


@given(gen.articles())
def test_json_round_trip(article: Article) -> None:
    assert loads(dumps(article)) == article
    assert loads(dumps(article, indent=2)) == article


@given(gen.articles(), st.sampled_from([None, 2]), st.sampled_from([1, 2, 256]))
def test_json_in_pieces_is_the_same_json(article: Article, indent: int | None,
                                         batch: int) -> None:
    # Written in pieces (a large article's JSON is never one string), batches of records
    # of any size: the same text as in one piece.
    with unittest.mock.patch.object(json_format, "_BATCH", batch):
        assert "".join(iter_dumps(article, indent=indent)) == dumps(article, indent=indent)


@given(gen.articles())
def test_output_satisfies_the_schema(article: Article) -> None:
    VALIDATOR.validate(json.loads(dumps(article)))


@given(gen.articles(), gen.articles())
def test_jsonl_round_trip(first: Article, second: Article) -> None:
    stream = io.StringIO()
    assert dump_jsonl([first, second], stream) == 2
    assert len(stream.getvalue().splitlines()) == 2  # no raw U+2028 or U+0085 inside
    assert load_jsonl(io.StringIO(stream.getvalue())) == [first, second]


@given(gen.articles())
def test_csv_round_trip(article: Article) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_csv([article], folder)
        assert read_csv(folder) == [article]


def _article() -> Article:
    text = "Trade reached 450.16 billion yuan, up 91.3%; =cmd|' /C calc'!A0"
    return Article(
        id="a1",
        title="=HYPERLINK(\"http://x\")",
        text=text,
        metrics=[
            Metric(value=Decimal("450.16E9"), unit="CNY", span=Span.of(text, 14, 33)),
            Metric(value=Decimal("-3.2"), unit="%", kind="change", span=Span.of(text, 38, 43),
                   indicator="@SUM(A1)"),
        ],
    )


def test_decimals_are_exact_json_numbers() -> None:
    text = dumps(_article())
    assert '"value": 450160000000,' in text
    assert '"value": -3.2,' in text
    assert json.loads(text)["format"] == "zjopen/1"


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    paths = write_csv([_article()], tmp_path)
    assert sorted(p.name for p in paths.values()) == [
        "articles.csv", "enterprises.csv", "initiatives.csv", "metrics.csv",
        "platforms.csv", "regions.csv"]
    articles = paths["articles"].read_text(encoding="utf-8")
    assert "'=HYPERLINK" in articles
    metrics = paths["metrics"].read_text(encoding="utf-8")
    assert "'@SUM(A1)" in metrics
    assert ",-3.2," in metrics  # numbers stay numbers
    assert read_csv(tmp_path) == [_article()]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "not JSON"),
        ("[]", "expected an article object"),
        ('{"format": "zjopen/9", "id": "a"}', "unsupported format"),
        ('{"id": "a", "text": "x", "metrics": [{"value": 1, "unit": "furlong", '
         '"text": "x", "start": 0, "end": 1}]}', "unknown unit 'furlong'"),
        ('{"id": "a", "text": "x", "metrics": [{"value": "lots", "unit": "CNY", '
         '"text": "x", "start": 0, "end": 1}]}', "not a number"),
        ('{"id": "a", "text": "x", "published": "yesterday"}', "published"),
        ('{"id": "a", "text": "x", "regions": [{"code": "Ningbo", "name": "N", '
         '"level": "prefecture"}]}', "$.regions[0]"),
    ],
)
def test_bad_json_names_the_problem(text: str, problem: str) -> None:
    with pytest.raises(FormatError) as info:
        loads(text, source="in.json")
    assert problem in str(info.value)
    assert str(info.value).startswith("in.json")


def test_bad_jsonl_line_names_its_number() -> None:
    good = dumps(_article())
    with pytest.raises(FormatError, match="stream:2"):
        list(iter_jsonl(io.StringIO(good + "\n{oops\n"), source="stream"))


def test_csv_cell_beyond_the_csv_modules_limit(tmp_path: Path) -> None:
    """A cell longer than the csv module's default limit (128 KiB) is read back: the place
    named 12,000 times has one mentions cell of about 0.6 MB. The limit is set back."""
    import csv

    from zjopen import parse

    article = parse("Yiwu trade\n\n" + "Yiwu, " * 12_000 + "all grew.")
    write_csv([article], tmp_path)
    assert (tmp_path / "regions.csv").stat().st_size > 131_072
    limit = csv.field_size_limit()
    assert read_csv(tmp_path) == [article]
    assert csv.field_size_limit() == limit


def test_csv_missing_table(tmp_path: Path) -> None:
    write_csv([_article()], tmp_path)
    (tmp_path / "metrics.csv").unlink()
    with pytest.raises(FormatError, match=r"metrics\.csv: no such table"):
        read_csv(tmp_path)


_plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.sampled_from(["\0", "\0" + "12" + "\0", "a\u2028b", "\u0085", '"\\u0000"'])
    | st.decimals(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@given(_plain, st.sampled_from([None, 2]))
def test_fast_json_writer_equals_the_exact_one(data: object, indent: int | None) -> None:
    """The C-encoder path writes the very bytes of the exact writer, marks or no marks."""
    exact = to_json_text(data, indent=indent)
    fast = _fast(data, indent)
    assert fast is None or fast == exact
    if not any(mark in exact for mark in ("\\u0000", "\0")):
        assert fast == exact  # steps aside only for strings that look like marks


def test_fast_json_writer_steps_aside_for_strings_that_look_like_marks() -> None:
    data = {"a": "\0" + "12" + "\0", "b": Decimal("1.5")}
    assert _fast(data, None) is None
    assert to_json_text(data) == '{"a": "\\u000012\\u0000", "b": 1.5}'


def test_make_converter_builds_a_new_converter_that_writes_the_same() -> None:
    article = _article()
    made = make_converter()
    assert made is not converter
    assert made.unstructure(article) == to_data(article)
    assert made.structure(to_data(article), Article) == article
    made.register_unstructure_hook(Decimal, str)  # changes the new converter only
    assert to_data(article)["metrics"][0]["value"] == Decimal("450160000000")


def test_schema_properties_are_the_model_fields() -> None:
    defs = json_schema()["$defs"]
    for record in (Span, Period, Region, Enterprise, Platform, Initiative, Metric):
        names = [f.name for f in attrs.fields(record)]
        if record is Metric:
            names = [name for name in names if name != "span"] + list(SPAN_KEYS)
        assert sorted(defs[record.__name__]["properties"]) == sorted(names), record
    article = [f.name for f in attrs.fields(Article)]
    assert list(json_schema()["properties"]) == ["format", *article]


@pytest.mark.parametrize(
    ("record", "name", "kind"),
    [(Period, "kind", PeriodKind), (Region, "level", RegionLevel),
     (Platform, "kind", PlatformKind), (Metric, "kind", MetricKind),
     (Metric, "qualifier", Qualifier)],
)
def test_schema_enums_are_the_model_enums(record: type, name: str, kind: type) -> None:
    assert typing.get_type_hints(record)[name] is kind
    schema = json_schema()["$defs"][record.__name__]["properties"][name]
    assert schema["enum"] == [member.value for member in kind]


@pytest.mark.parametrize(
    "code", ["330212", "DE", "33021", "3302120", "de", "D", "DEU", "", "33a212", "CN ", " CN"]
)
def test_schema_and_model_agree_on_region_codes(code: str) -> None:
    items = json_schema()["$defs"]["Enterprise"]["properties"]["overseas"]["items"]
    assert jsonschema.Draft202012Validator(items).is_valid(code) == bool(REGION_CODE_RE.match(code))


def _former_json_number(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if -30 <= exponent <= 30 and abs(value.adjusted()) <= 30:
        return format(value, "f")
    return str(value)


@given(st.decimals(allow_nan=False, allow_infinity=False)
       | st.builds(lambda digits, exponent: Decimal(f"{digits}E{exponent}"),
                   st.integers(-10**40, 10**40), st.integers(-60, 60)))
def test_json_number_is_the_former_one(value: Decimal) -> None:
    assert json_format.json_number(value) == _former_json_number(value)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Inf"),
                                   Decimal("sNaN")])
def test_json_number_refuses_what_is_not_finite(value: Decimal) -> None:
    with pytest.raises(AssertionError):
        json_format.json_number(value)
