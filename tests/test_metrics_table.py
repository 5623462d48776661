"""Table-driven tests for metric extraction (issue 6).

Each row of ``tests/cases/metrics.jsonl`` is one short body text (it ends with a full
stop, so it is never taken for a headline), its publication date, and EXACTLY the
metrics a careful annotator following ``GUIDELINES.md`` (section Metrics) expects, in
text order. A row lists::

    {"id": ..., "text": ..., "published": "YYYY-MM-DD" | null,
     "metrics": [{"value": "450160000000", "unit": "CNY", "kind": "level",
                  "qualifier": "exact", "year": 2023,
                  "region": ...,     # optional: compared only when given
                  "noun": ...,       # optional: compared only when given
                  "high": "10",      # upper end of a range; absent means no range
                  "rel_tol": "0.005",  # optional: fractions ("one-third" is 33.33 %)
                  "optional": true}],  # optional: a figure the scorer neither rewards
                                        # nor punishes (GUIDELINES: periods such as
                                        # "the first five months", currency conversions)
     "xfail": "why the code is wrong"}  # optional: a documented bug, strict xfail

Expectations come from the guidelines, never from the code's output: a row the code
gets wrong is marked ``xfail`` with the reason, so the suite stays green while the bug
stays documented (and the mark must be removed once it is fixed: the xfail is strict).

The hypothesis properties below check that written amounts parse back exactly, that
every metric's span slices the article text to the figure as written, and that parsing
arbitrary text raises nothing but the documented input errors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypedDict

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import zjopen
from tests.cases import read_rows
from zjopen import Metric
from zjopen.errors import InputError
from zjopen.quantities import parse_quantity

CASES = Path(__file__).parent / "cases" / "metrics.jsonl"

_KINDS = {"level", "change", "share", "target", "rank"}
_QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "less_than"}


class ExpectedMetric(TypedDict, total=False):
    value: str
    unit: str
    kind: str
    qualifier: str
    year: int | None
    region: str | None
    noun: str | None
    high: str
    rel_tol: str
    optional: bool


class Case(TypedDict, total=False):
    id: str
    text: str
    published: str | None
    metrics: list[ExpectedMetric]
    xfail: str


CASE_ROWS: list[Case] = read_rows(CASES)


def _published(case: Case) -> date | None:
    value = case.get("published")
    return date.fromisoformat(value) if value else None


# A projection of a metric onto the fields a row states, as a plain dict so a failure
# shows a readable diff. ``value``/``high`` are Decimals (compared by value).
Projection = dict[str, object]


def _expected(want: ExpectedMetric) -> Projection:
    row: Projection = {
        "value": Decimal(want["value"]),
        "unit": want["unit"],
        "kind": want["kind"],
        "qualifier": want["qualifier"],
        "year": want["year"],
        "high": Decimal(want["high"]) if "high" in want else None,
    }
    if "region" in want:
        row["region"] = want["region"]
    if "noun" in want:
        row["noun"] = want["noun"]
    return row


def _actual(metric: Metric, want: ExpectedMetric | None) -> Projection:
    value = metric.value
    if want is not None and "rel_tol" in want:
        target = Decimal(want["value"])
        if abs(value - target) <= Decimal(want["rel_tol"]) * abs(target):
            value = target  # within tolerance: show as equal
    row: Projection = {
        "value": value,
        "unit": metric.unit,
        "kind": metric.kind.value,
        "qualifier": metric.qualifier.value,
        "year": metric.year,
        "high": metric.high,
    }
    if want is None or "region" in want:
        row["region"] = metric.region
    if want is None or "noun" in want:
        row["noun"] = metric.noun
    if want is None:
        row["text"] = metric.text  # an unexpected figure: say which
    return row


def _align(
    got: Sequence[Metric], wants: Sequence[ExpectedMetric]
) -> tuple[list[Projection | None], list[Projection]]:
    """Pair the metrics found with the expected ones, in text order. An optional
    expected metric is skipped when the next metric found is not it; metrics left over
    at the end are reported in full."""
    actual: list[Projection | None] = []
    expected: list[Projection] = []
    position = 0
    for want in wants:
        wanted = _expected(want)
        found = _actual(got[position], want) if position < len(got) else None
        if want.get("optional", False) and found != wanted:
            continue
        actual.append(found)
        expected.append(wanted)
        if found is not None:
            position += 1
    actual.extend(_actual(metric, None) for metric in got[position:])
    return actual, expected


def _params() -> list[Any]:
    params = []
    for case in CASE_ROWS:
        marks = []
        if "xfail" in case:
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_metrics_table(case: Case) -> None:
    article = zjopen.parse(case["text"], id="t", published=_published(case))
    assert article.title is None, "a table row must be body text (end it with a full stop)"
    actual, expected = _align(article.metrics, case["metrics"])
    assert actual == expected


def test_table_shape() -> None:
    """The table is well formed, large enough, and covers negatives."""
    ids = [case["id"] for case in CASE_ROWS]
    assert len(ids) == len(set(ids)), "row ids must be unique"
    positive = [c for c in CASE_ROWS if any(not m.get("optional") for m in c["metrics"])]
    negative = [c for c in CASE_ROWS if not c["metrics"]]
    assert len(positive) >= 160
    assert len(negative) >= 35
    units = set(zjopen.units())
    for case in CASE_ROWS:
        assert case["text"].rstrip().endswith("."), case["id"]
        published = case.get("published")
        if published is not None:
            date.fromisoformat(published)
        for want in case["metrics"]:
            assert want["unit"] in units, (case["id"], want["unit"])
            assert want["kind"] in _KINDS, (case["id"], want["kind"])
            assert want["qualifier"] in _QUALIFIERS, (case["id"], want["qualifier"])
            assert want["year"] is None or isinstance(want["year"], int), case["id"]
            Decimal(want["value"])
            extra = set(want) - set(ExpectedMetric.__annotations__)
            assert not extra, (case["id"], extra)


# ---------------------------------------------------------------- property 1: amounts


_SCALES: Mapping[str, int] = {
    "thousand": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}


@st.composite
def _written_numbers(draw: st.DrawFn) -> Decimal:
    """A number as a reporter writes it: up to 13 digits, up to 4 decimal places."""
    digits = draw(st.integers(min_value=1, max_value=10**13 - 1))
    places = draw(st.integers(min_value=0, max_value=4))
    return Decimal(digits).scaleb(-places)


_FORMS = st.sampled_from(
    [
        # (template, unit): {n} is the number with thousands separators, {p} without.
        ("{n} {scale}", "count"),
        ("{n} {scale} yuan", "CNY"),
        ("{p} {scale} yuan", "CNY"),
        ("RMB {n} {scale}", "CNY"),
        ("US${n} {scale}", "USD"),
        ("US${p}{scale}", "USD"),
        ("{n} {scale} U.S. dollars", "USD"),
        ("{n} {scale} euros", "EUR"),
        ("HK${n} {scale}", "HKD"),
    ]
)


@given(number=_written_numbers(), scale=st.sampled_from(sorted(_SCALES)), form=_FORMS)
@example(number=Decimal("1234.5"), scale="million", form=("{n} {scale}", "count"))
@example(number=Decimal("1.2345"), scale="billion", form=("{n} {scale}", "count"))
@example(number=Decimal("1.2345"), scale="bn", form=("US${p}{scale}", "USD"))
@example(number=Decimal("1234.5"), scale="million", form=("{p} {scale} yuan", "CNY"))
def test_written_amounts_parse_back_exactly(
    number: Decimal, scale: str, form: tuple[str, str]
) -> None:
    template, unit = form
    surface = template.format(n=f"{number:,}", p=f"{number}", scale=scale)
    quantity = parse_quantity(surface)
    assert quantity is not None, surface
    assert quantity.unit == unit, surface
    assert quantity.value == number * _SCALES[scale], surface
    assert (quantity.start, quantity.end) == (0, len(surface)), surface


# ---------------------------------------------------------------- property 2: spans

_SUBJECTS = [
    "Zhejiang's exports",
    "Trade at Ningbo Zhoushan Port",
    "The zone",
    "Yiwu's online sales",
    "Imports from RCEP members",
]
_FIGURES = [
    "{n} billion yuan",
    "US${n} million",
    "{n} percent",
    "{n}%",
    "{n} tonnes",
    "{n} TEUs",
    "{n}-plus companies",
    "{n} sq km",
    "{n}mu",
    "{n} acres",
    "{w}fold",
    "{n} percentage points",
    "{n} per mille",
    "{n} to {m} percent",
    "{w} firms",
    "{n} kg",
    "{n} days",
]
_VERBS = [
    "reached",
    "rose",
    "fell",
    "totaled",
    "accounted for",
    "is expected to hit",
    "ranked {o} with",
    "grew by nearly",
    "stood at over",
]
_TIMES = [
    "in 2023",
    "last year",
    "in the first quarter of 2024",
    "from January to May",
    "by 2030",
    "",
    "this year",
]
_WORDS = ["two", "three", "eight", "ten", "twelve", "a hundred"]
_ORDINALS = ["first", "third", "12th", "No. 1"]


@st.composite
def _articles(draw: st.DrawFn) -> str:
    """A few sentences in the style of the table, with random figures."""
    sentences = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        number = draw(_written_numbers())
        high = number + draw(st.integers(min_value=1, max_value=100))
        written = f"{number:,}"
        if draw(st.booleans()):  # full-width digits and separators, folded by normalise
            written = written.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．"))
        figure = draw(st.sampled_from(_FIGURES)).format(
            n=written, m=f"{high:,}", w=draw(st.sampled_from(_WORDS))
        )
        verb = draw(st.sampled_from(_VERBS)).format(o=draw(st.sampled_from(_ORDINALS)))
        time = draw(st.sampled_from(_TIMES))
        sentence = " ".join(p for p in (draw(st.sampled_from(_SUBJECTS)), verb, figure, time) if p)
        sentences.append(sentence + ".")
    joiner = draw(st.sampled_from([" ", "\n\n"]))
    return joiner.join(sentences)


@given(text=_articles(), published=st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_metric_spans_slice_the_text(text: str, published: date | None) -> None:
    article = zjopen.parse(text, id="t", published=published)
    for metric in article.metrics:
        assert article.text[metric.span.start : metric.span.end] == metric.text, metric


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASE_ROWS])
def test_table_spans_slice_the_text(case: Case) -> None:
    article = zjopen.parse(case["text"], id="t", published=_published(case))
    for metric in article.metrics:
        assert article.text[metric.span.start : metric.span.end] == metric.text, metric


# ---------------------------------------------------------------- property 3: robustness


# Numbers of more than 28 digits once scaled are computed exactly (they once raised
# decimal.InvalidOperation); test_parse_survives_huge_numbers pins that. The property
# below also feeds long digit runs.
@given(text=st.text(), published=st.none() | st.dates())
@example(text="", published=None)
@example(text="１２３，４５６．７８ billion yuan", published=None)
@example(text="US$ bn - plus 5 to to 7 %% between and", published=None)
@example(text="1" + "0" * 27 + ".", published=None)  # 28 digits: the largest that works
def test_parse_never_raises(text: str, published: date | None) -> None:
    """Any text parses; the only exceptions are the documented input errors
    (:class:`zjopen.errors.InputError`: blank text, page furniture only)."""
    try:
        article = zjopen.parse(text, id="t", published=published)
    except InputError:
        return
    for metric in article.metrics:
        assert article.text[metric.span.start : metric.span.end] == metric.text


@pytest.mark.parametrize(
    "text",
    [
        "1" + "0" * 28 + ".",
        "Waybill 1" + "2" * 28 + " was scanned in Yiwu.",
        "The ledger shows 12345678901234567890 billion yuan.",
        "１" * 29 + ".",
    ],
    ids=["29-digits", "waybill-number", "scaled-past-28-digits", "full-width-29-digits"],
)
def test_parse_survives_huge_numbers(text: str) -> None:
    article = zjopen.parse(text, id="t", published=date(2024, 1, 1))
    for metric in article.metrics:
        assert article.text[metric.span.start : metric.span.end] == metric.text


def test_huge_scaled_numbers_stay_exact() -> None:
    article = zjopen.parse("The ledger shows 12345678901234567890 billion yuan.", id="t")
    assert [(m.value, m.unit) for m in article.metrics] == [
        (Decimal("12345678901234567890000000000"), "CNY")]
