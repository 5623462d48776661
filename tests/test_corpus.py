"""The corpus: parallel parsing, merging across articles, queries, files and exports."""

from __future__ import annotations

import builtins
import gzip
import importlib
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import strategies as gen
from tests.extractors import wharves, write_wharf_articles
from zjopen import Pipeline, batch
from zjopen import gazetteer as regions
from zjopen.batch import Parsed
from zjopen.corpus import (
    RECORD_COLUMNS,
    Conflict,
    Corpus,
    CorpusEnterprise,
    CorpusRegion,
    Failure,
    Mention,
    MetricHit,
    normalize_indicator,
)
from zjopen.corpus import parse as _corpus_parse
from zjopen.corpus.load import LeanReader
from zjopen.errors import DuplicateIdError, FormatError, UnknownRegionError
from zjopen.formats.csv import read_csv
from zjopen.formats.json import dumps, loads
from zjopen.link.merge import name_key
from zjopen.model import (
    Article,
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    Platform,
    Qualifier,
    Region,
    Span,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

# -- building articles by hand ---------------------------------------------------------


def build(
    article_id: str,
    text: str,
    *,
    metrics: Sequence[dict[str, Any]] = (),
    regions: Sequence[dict[str, Any]] = (),
    enterprises: Sequence[dict[str, Any]] = (),
    platforms: Sequence[dict[str, Any]] = (),
    initiatives: Sequence[dict[str, Any]] = (),
    published: date | None = None,
) -> Article:
    """An article whose records' spans are found in ``text``: a metric's ``text`` is the
    figure as written, a named record is mentioned where its ``name`` (or ``at``) is."""

    def mention(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words), words)

    def named(kind: type[Any], specs: Sequence[dict[str, Any]]) -> list[Any]:
        out = []
        for spec in specs:
            spec = dict(spec)
            at = spec.pop("at", spec["name"])
            out.append(kind(mentions=[mention(at)], **spec))
        return out

    made = []
    for n, spec in enumerate(metrics):
        spec = dict(spec)
        figure = spec.pop("text")
        spec.setdefault("id", f"m{n}")
        made.append(Metric(span=mention(figure), **spec))
    return Article(
        id=article_id, text=text, published=published, metrics=made,
        regions=named(Region, regions), enterprises=named(Enterprise, enterprises),
        platforms=named(Platform, platforms), initiatives=named(Initiative, initiatives),
    )


def fig(text: str, value: str, unit: str = "CNY", **kw: Any) -> dict[str, Any]:
    return {"text": text, "value": Decimal(value), "unit": unit, **kw}


def ids(hits: Iterable[MetricHit]) -> list[tuple[str, str]]:
    return [(h.article_id, h.metric_id) for h in hits]


TRADE_2022 = build(
    "trade-2022",
    "Ningbo's foreign trade hit 1.27 trillion yuan in 2022. Beilun's exports hit 9 billion "
    "yuan. Yiwu's exports rose 12 percent.",
    published=date(2023, 1, 20),
    metrics=[
        fig("1.27 trillion yuan", "1270000000000", region="330200", year=2022,
            period=Period.year(2022), indicator="Ningbo's foreign trade"),
        fig("9 billion yuan", "9000000000", region="330206", year=2022,
            indicator="Beilun's exports"),
        fig("12 percent", "12", "%", kind="change", region="330782", year=2022,
            indicator="Yiwu's exports"),
    ],
    regions=[{"code": "330200", "name": "Ningbo", "level": "prefecture", "parent": "330000"},
             {"code": "330206", "name": "Beilun", "level": "district", "parent": "330200"}],
    enterprises=[{"name": "Geely", "kb_id": "geely", "region": "330100", "at": "Ningbo"}],
)
TRADE_2023 = build(
    "trade-2023",
    "Ningbo's foreign trade reached 1.32 trillion yuan in 2023. Haishu's exports were 52 "
    "billion yuan. Zhejiang's trade was 4.9 trillion yuan. Geely Holdings built a plant in "
    "Mexico.",
    published=date(2024, 1, 22),
    metrics=[
        fig("1.32 trillion yuan", "1320000000000", region="330200", year=2023,
            period=Period.year(2023), indicator="Ningbo's foreign trade reached"),
        fig("52 billion yuan", "52000000000", region="330203", year=2023,
            indicator="Haishu's exports"),
        fig("4.9 trillion yuan", "4900000000000", region="330000", year=2023,
            indicator="Zhejiang's trade", incidental=True),
    ],
    regions=[{"code": "330200", "name": "Ningbo City", "level": "prefecture",
              "parent": "330000", "at": "Ningbo"},
             {"code": "MX", "name": "Mexico", "level": "country"}],
    enterprises=[{"name": "Geely Holdings", "kb_id": "geely", "region": "330100",
                  "overseas": ["MX"]}],
)
REVIEW_2023 = build(
    "review-2023",
    "The city's foreign trade was 1.29 trillion yuan in 2023, more than 1.3 trillion yuan "
    "by one count. Ningbo Port moved 35 million TEU.",
    published=date(2024, 2, 5),
    metrics=[
        fig("1.29 trillion yuan", "1290000000000", region="330200", year=2023,
            period=Period.year(2023), indicator="The city's foreign trade"),
        fig("1.3 trillion yuan", "1300000000000", region="330200", year=2023,
            period=Period.year(2023), qualifier="more_than", indicator="foreign trade"),
        fig("35 million TEU", "35000000", "TEU", region="330200", year=2023,
            platform="Ningbo Port", indicator="Ningbo Port moved"),
    ],
    regions=[{"code": "330200", "name": "Ningbo", "level": "prefecture", "parent": "330000"}],
    enterprises=[{"name": "Geely", "at": "Ningbo Port"}],
    platforms=[{"name": "Ningbo Port", "kind": "port", "region": "330200"}],
)
HAND = [TRADE_2022, TRADE_2023, REVIEW_2023]


@pytest.fixture
def corpus() -> Corpus:
    return Corpus(HAND)


# -- queries over figures ----------------------------------------------------------------


def test_within_a_region_includes_the_places_inside_it(corpus: Corpus) -> None:
    assert ids(corpus.metrics.where(region="Ningbo", within=True)) == [
        ("review-2023", "m0"), ("review-2023", "m1"), ("review-2023", "m2"),
        ("trade-2022", "m0"), ("trade-2022", "m1"), ("trade-2023", "m0"), ("trade-2023", "m1"),
    ]
    assert ids(corpus.metrics.where(region="Ningbo")) == [
        ("review-2023", "m0"), ("review-2023", "m1"), ("review-2023", "m2"),
        ("trade-2022", "m0"), ("trade-2023", "m0"),
    ]
    assert ids(corpus.metrics.where(region="宁波市", within=True, year=2023)) == [
        ("review-2023", "m0"), ("review-2023", "m1"), ("review-2023", "m2"),
        ("trade-2023", "m0"), ("trade-2023", "m1"),
    ]
    assert ids(corpus.metrics.where(region="330206", within=True)) == [("trade-2022", "m1")]
    assert len(corpus.metrics.where(region="Zhejiang", within=True)) == 9
    assert len(corpus.metrics.where(region="Jiangsu", within=True)) == 0


def test_conditions_combine(corpus: Corpus) -> None:
    q = corpus.metrics
    assert ids(q.where(year=range(2018, 2023))) == [
        ("trade-2022", "m0"), ("trade-2022", "m1"), ("trade-2022", "m2")]
    assert ids(q.where(year=[2022, 2023], unit="%")) == [("trade-2022", "m2")]
    assert ids(q.where(unit=["TEU", "%"])) == [("review-2023", "m2"), ("trade-2022", "m2")]
    assert ids(q.where(kind="change")) == [("trade-2022", "m2")]
    assert ids(q.where(kind=MetricKind.LEVEL, region="Ningbo", year=2022)) == [
        ("trade-2022", "m0")]
    assert ids(q.where(indicator="FOREIGN TRADE", year=2023)) == [
        ("review-2023", "m0"), ("review-2023", "m1"), ("trade-2023", "m0")]
    assert ids(q.where(article_id="trade-2023")) == [
        ("trade-2023", "m0"), ("trade-2023", "m1"), ("trade-2023", "m2")]
    assert ids(q.where(period="year", year=2023)) == [
        ("review-2023", "m0"), ("review-2023", "m1"), ("trade-2023", "m0")]
    assert ids(q.where(platform="ningbo port")) == [("review-2023", "m2")]
    assert ids(q.where(incidental=True)) == [("trade-2023", "m2")]
    assert len(q.where(incidental=False)) == 8
    chained = q.where(region="Ningbo", within=True).where(unit="CNY").where(year=2023)
    assert ids(chained) == [("review-2023", "m0"), ("review-2023", "m1"),
                            ("trade-2023", "m0"), ("trade-2023", "m1")]


def test_reading_results(corpus: Corpus) -> None:
    q = corpus.metrics.where(region="Ningbo", year=2023, unit="CNY")
    assert len(q) == 3
    assert bool(q)
    first = q.first()
    assert first is not None
    assert first == q[0]
    assert (first.article_id, first.value, first.unit, first.year) == (
        "review-2023", Decimal("1290000000000"), "CNY", 2023)
    assert (first.region, first.region_name, first.text) == ("330200", "Ningbo",
                                                             "1.29 trillion yuan")
    assert first.span == Span(29, 47, "1.29 trillion yuan")
    assert first.published == date(2024, 2, 5)
    assert first.article is REVIEW_2023
    assert ids(q[1:]) == [("review-2023", "m1"), ("trade-2023", "m0")]
    assert q.values() == (Decimal("1290000000000"), Decimal("1300000000000"),
                          Decimal("1320000000000"))
    assert q.article_ids() == ("review-2023", "trade-2023")
    assert repr(q) == "<MetricQuery: 3 figures>"
    assert corpus.metrics.where(year=1999).first() is None
    assert not corpus.metrics.where(year=1999)


def test_order_by_and_group_by(corpus: Corpus) -> None:
    by_value = corpus.metrics.where(unit="CNY").order_by("-value")
    assert [h.value for h in by_value] == sorted((h.value for h in by_value), reverse=True)
    by_year = corpus.metrics.order_by("-year", "value")
    assert [h.year for h in by_year] == [2023] * 6 + [2022] * 3
    assert by_year[0].value == Decimal("35000000")
    groups = corpus.metrics.where(region="Ningbo", within=True).group_by("year")
    assert list(groups) == [2022, 2023]
    assert ids(groups[2022]) == [("trade-2022", "m0"), ("trade-2022", "m1")]
    assert len(groups[2023]) == 5
    assert list(corpus.metrics.group_by("region")) == [
        "330000", "330200", "330203", "330206", "330782"]
    assert list(corpus.metrics.group_by("kind")) == [MetricKind.CHANGE, MetricKind.LEVEL]
    assert list(corpus.metrics.group_by("period")) == [Period.year(2022), Period.year(2023),
                                                       None]
    assert ids(groups[2023].where(unit="TEU")) == [("review-2023", "m2")]
    undated = build("undated", "it was 5 tons", metrics=[fig("5 tons", "5", "t")])
    with_none = Corpus([*HAND, undated]).metrics.order_by("year")
    assert with_none[-1].article_id == "undated"
    assert Corpus([*HAND, undated]).metrics.order_by("-year")[-1].article_id == "undated"


def test_bad_arguments_are_explained(corpus: Corpus) -> None:
    with pytest.raises(UnknownRegionError) as caught:
        corpus.metrics.where(region="Ningpo")
    assert caught.value.suggestions[0] == "Ningbo"
    with pytest.raises(ValueError, match="unknown unit 'RMB'"):
        corpus.metrics.where(unit="RMB")
    with pytest.raises(ValueError, match="within=True needs region="):
        corpus.metrics.where(within=True)
    with pytest.raises(TypeError, match="year= takes integers"):
        corpus.metrics.where(year="2023")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'levels' is not a valid MetricKind"):
        corpus.metrics.where(kind="levels")
    with pytest.raises(ValueError, match="cannot order by 'colour'; choose from"):
        corpus.metrics.order_by("colour")
    with pytest.raises(ValueError, match="cannot group by 'colour'"):
        corpus.metrics.group_by("colour")


def test_codes_unknown_to_the_gazetteer_work_when_in_the_corpus() -> None:
    odd = build("odd", "made 7 widgets", metrics=[fig("7", "7", "count", region="999999")])
    assert ids(Corpus([odd]).metrics.where(region="999999")) == [("odd", "m0")]
    with pytest.raises(UnknownRegionError):
        Corpus([odd]).metrics.where(region="999998")


def test_queries_keep_the_articles_they_were_made_from(corpus: Corpus) -> None:
    before = corpus.metrics.where(year=2022)
    corpus.add(build("more", "in 2022 it was 3 tons",
                     metrics=[fig("3 tons", "3", "t", year=2022)]))
    assert len(before) == 3
    assert len(corpus.metrics.where(year=2022)) == 4


# -- merged records ----------------------------------------------------------------------


def test_one_region_per_code_with_every_mention(corpus: Corpus) -> None:
    ningbo = corpus.regions.where(region="Ningbo").first()
    assert ningbo == CorpusRegion(
        code="330200", name="Ningbo", level="prefecture", parent="330000",  # type: ignore[arg-type]
        aliases=("Ningbo City",),
        mentions=(Mention("review-2023", Span(99, 105, "Ningbo")),
                  Mention("trade-2022", Span(0, 6, "Ningbo")),
                  Mention("trade-2023", Span(0, 6, "Ningbo"))),
    )
    assert ningbo.article_ids == ("review-2023", "trade-2022", "trade-2023")
    assert corpus.regions.names() == ("Ningbo", "Beilun", "Mexico")
    assert corpus.regions.where(region="Zhejiang", within=True).names() == ("Ningbo", "Beilun")
    assert corpus.regions.where(level="country").names() == ("Mexico",)


def test_enterprises_merge_by_kb_id_then_by_name(corpus: Corpus) -> None:
    assert corpus.enterprises.all() == (
        CorpusEnterprise(
            name="Geely", aliases=("Geely Holdings",), region="330100", regions=("330100",),
            overseas=("MX",), kb_id="geely",
            mentions=(Mention("review-2023", Span(99, 110, "Ningbo Port")),
                      Mention("trade-2022", Span(0, 6, "Ningbo")),
                      Mention("trade-2023", Span(138, 152, "Geely Holdings"))),
        ),
    )


def merged_names(*records: tuple[str, Enterprise]) -> list[tuple[str, tuple[str, ...],
                                                                 str | None]]:
    articles = []
    for n, (_, record) in enumerate(records):
        articles.append(Article(id=f"a{n}", enterprises=[record]))
    return [(e.name, e.aliases, e.kb_id) for e in Corpus(articles).enterprises]


def test_canonical_name_is_the_most_frequent_then_alphabetical() -> None:
    assert merged_names(
        ("", Enterprise(name="Zeekr")), ("", Enterprise(name="Jikrypton", aliases=["Zeekr"])),
        ("", Enterprise(name="Jikrypton")),
    ) == [("Jikrypton", ("Zeekr",), None)]
    assert merged_names(("", Enterprise(name="Zeekr")), ("", Enterprise(name="Zeekr Co."))) == [
        ("Zeekr", ("Zeekr Co.",), None)]
    assert merged_names(("", Enterprise(name="Zeekr Co.")), ("", Enterprise(name="Zeekr"))) == [
        ("Zeekr", ("Zeekr Co.",), None)]


def test_names_shared_by_two_kb_ids_do_not_join_them() -> None:
    assert merged_names(
        ("", Enterprise(name="Top Group", kb_id="tuopu")),
        ("", Enterprise(name="Top Group", kb_id="top-holdings")),
        ("", Enterprise(name="Top Group")),
    ) == [("Top Group", (), None), ("Top Group", (), "top-holdings"),
          ("Top Group", (), "tuopu")]


def test_enterprise_queries(corpus: Corpus) -> None:
    e = corpus.enterprises
    assert e.where(overseas="MX").names() == ("Geely",)
    assert e.where(overseas="Mexico").names() == ("Geely",)
    assert e.where(overseas=True).names() == ("Geely",)
    assert e.where(overseas=False).names() == ()
    assert e.where(overseas="PL").names() == ()
    assert e.where(region="Hangzhou").names() == ("Geely",)
    assert e.where(region="Zhejiang").names() == ()
    assert e.where(region="Zhejiang", within=True).names() == ("Geely",)
    assert e.where(name="geely holdings").names() == ("Geely",)
    assert e.where(kb_id="geely", article_id="review-2023").names() == ("Geely",)
    assert list(e.group_by("overseas")) == ["MX"]
    assert corpus.platforms.where(kind="port").names() == ("Ningbo Port",)
    assert list(corpus.platforms.group_by("kind")) == ["port"]
    assert corpus.platforms.where(region="Ningbo").first() is not None
    assert corpus.initiatives.first() is None


def test_hand_built_enterprises_abroad() -> None:
    text = "Xusheng builds in Mexico. Tuopu builds in Poland and Mexico. Haitian stays."
    one = build("one", text, enterprises=[
        {"name": "Xusheng", "region": "330200", "overseas": ["MX"]},
        {"name": "Tuopu", "region": "330206", "overseas": ["PL", "MX"]},
        {"name": "Haitian", "region": "330206"},
    ])
    corpus = Corpus([one])
    abroad = corpus.enterprises.where(overseas=True)
    assert [(e.name, e.overseas) for e in abroad] == [("Tuopu", ("MX", "PL")),
                                                      ("Xusheng", ("MX",))]
    assert {k: v.names() for k, v in abroad.group_by("overseas").items()} == {
        "MX": ("Tuopu", "Xusheng"), "PL": ("Tuopu",)}
    assert corpus.enterprises.where(region="Beilun", within=True).names() == (
        "Haitian", "Tuopu")
    assert corpus.enterprises.where(region="Ningbo", within=True, overseas="Poland"
                                    ).names() == ("Tuopu",)
    assert corpus.enterprises.order_by("-mentions", "name").names() == (
        "Haitian", "Tuopu", "Xusheng")


def test_region_view(corpus: Corpus) -> None:
    ningbo = corpus.region("Ningbo")
    assert (ningbo.code, ningbo.name) == ("330200", "Ningbo")
    assert ningbo.record is not None
    assert ningbo.record.aliases == ("Ningbo City",)
    assert len(ningbo.metrics()) == 7
    assert len(ningbo.metrics(within=False, unit="CNY")) == 4
    assert ningbo.platforms().names() == ("Ningbo Port",)
    assert ningbo.enterprises().names() == ()
    assert corpus.region("Hangzhou").enterprises().names() == ("Geely",)
    assert corpus.region("Yiwu").metrics().values() == (Decimal("12"),)
    with pytest.raises(UnknownRegionError):
        corpus.region("Atlantis")


# -- time series and conflicts -------------------------------------------------------


def test_timeseries(corpus: Corpus) -> None:
    series = corpus.timeseries("foreign trade", region="Ningbo")
    assert [(p.label, p.unit, p.values, p.article_ids) for p in series] == [
        ("2022", "CNY", (Decimal("1270000000000"),), ("trade-2022",)),
        ("2023", "CNY", (Decimal("1290000000000"), Decimal("1300000000000"),
                         Decimal("1320000000000")), ("review-2023", "trade-2023")),
    ]
    # each value has one article; the latest published (review-2023) breaks the tie
    assert series[1].value == Decimal("1290000000000")
    assert not series[1].agrees
    assert series[0].agrees
    assert series.years == (2022, 2023)
    assert series.units == ("CNY",)
    assert series.values() == {"2022": Decimal("1270000000000"),
                               "2023": Decimal("1290000000000")}
    assert len(corpus.timeseries("exports", region="Ningbo", within=True)) == 2
    assert corpus.timeseries("exports", region="Ningbo").points == ()
    assert len(corpus.timeseries("trade", region="Zhejiang")) == 0  # incidental
    by_quarter = build("q", "Q1 was 5 tons.", metrics=[
        fig("5 tons", "5", "t", year=2023, period=Period.quarter(2023, 1))])
    assert [p.label for p in Corpus([by_quarter]).timeseries()] == ["2023-01-01..2023-03-31"]


def test_conflicts(corpus: Corpus) -> None:
    found = corpus.conflicts()
    assert len(found) == 1
    conflict = found[0]
    assert (conflict.region, conflict.region_name, conflict.indicator, conflict.unit,
            conflict.kind, conflict.year, conflict.label) == (
        "330200", "Ningbo", "foreign trade", "CNY", MetricKind.LEVEL, 2023, "2023")
    assert ids(conflict.hits) == [("review-2023", "m0"), ("review-2023", "m1"),
                                  ("trade-2023", "m0")]
    assert conflict.values == (Decimal("1290000000000"), Decimal("1300000000000"),
                               Decimal("1320000000000"))
    assert conflict.article_ids == ("review-2023", "trade-2023")
    assert conflict.spread == Decimal("0.03") / Decimal("1.32")


def pair(a: dict[str, Any], b: dict[str, Any]) -> tuple[Conflict, ...]:
    one = build("one", "trade was " + a["text"], metrics=[a])
    two = build("two", "trade was " + b["text"], metrics=[b])
    return Corpus([one, two]).conflicts()


TRADE: dict[str, Any] = {"region": "330200", "year": 2023, "indicator": "foreign trade"}


def test_what_counts_as_a_conflict() -> None:
    assert len(pair(fig("100", "100", **TRADE), fig("101", "101", **TRADE))) == 1
    assert pair(fig("100", "100", **TRADE), fig("100.5", "100.5", **TRADE)) == ()
    assert pair(fig("100", "100", **TRADE),
                fig("99", "99", **{**TRADE, "qualifier": "more_than"})) == ()
    assert pair(fig("100", "100", **TRADE),
                fig("101", "101", **{**TRADE, "qualifier": Qualifier.LESS_THAN})) == ()
    assert pair(fig("100", "100", **TRADE),
                fig("95 to 120", "95", high=Decimal(120), **TRADE)) == ()
    assert pair(fig("100", "100", **TRADE), fig("101", "101", **{**TRADE, "year": 2022})) == ()
    assert pair(fig("100", "100", **TRADE), fig("101", "101", "USD", **TRADE)) == ()
    assert pair(fig("100", "100", **TRADE),
                fig("101", "101", **{**TRADE, "kind": "target"})) == ()
    assert pair(fig("100", "100", **TRADE),
                fig("101", "101", **{**TRADE, "indicator": "exports"})) == ()
    assert len(pair(fig("100", "100", **TRADE),
                    fig("101", "101", **{**TRADE, "indicator": "The FOREIGN-trade"}))) == 1
    assert pair(fig("100", "100", **TRADE), fig("101", "101", **{**TRADE, "region": None})) == ()
    one = build("one", "trade was 100, then 120", metrics=[fig("100", "100", **TRADE),
                                                           fig("120", "120", **TRADE)])
    assert Corpus([one]).conflicts() == ()  # one article: not a disagreement between articles
    assert len(pair(fig("100", "100", **TRADE), fig("100.6", "100.6", **TRADE))) == 1
    one = build("one", "trade was 100", metrics=[fig("100", "100", **TRADE)])
    two = build("two", "trade was 100.6", metrics=[fig("100.6", "100.6", **TRADE)])
    assert Corpus([one, two]).conflicts(tolerance=Decimal("0.01")) == ()


def test_normalize_indicator() -> None:
    assert normalize_indicator("Ningbo's foreign trade reached", "330200") == "foreign trade"
    assert normalize_indicator("The city’s total exports") == "exports"
    assert normalize_indicator("NINGBO, Jan. 20 (Xinhua) -- Ningbo's foreign trade",
                               "330200") == "foreign trade"


# -- files --------------------------------------------------------------------------------


def test_save_and_load(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "corpus.jsonl"
    assert corpus.save(path) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["review-2023", "trade-2022",
                                                          "trade-2023"]
    assert lines[0] == dumps(REVIEW_2023)
    assert Corpus.load(path) == corpus
    assert Corpus.load(str(path)).articles == corpus.articles
    packed = tmp_path / "corpus.jsonl.gz"
    corpus.save(packed)
    assert gzip.decompress(packed.read_bytes()).decode("utf-8") == path.read_text("utf-8")
    assert Corpus.load(packed) == corpus
    stream = io.StringIO()
    corpus.save(stream)
    assert Corpus.load(io.StringIO(stream.getvalue())) == corpus
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "corpus.jsonl.gz"]


def test_load_filters_while_reading(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "corpus.jsonl"
    corpus.save(path)

    def about_2022(article: Article) -> bool:
        return any(m.year == 2022 for m in article.metrics)

    assert [a.id for a in Corpus.iter_load(path, where=about_2022)] == ["trade-2022"]
    assert Corpus.load(path, where=about_2022) == Corpus([TRADE_2022])


def test_load_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = dumps(TRADE_2022)
    path.write_text(f"{good}\n\n{good.replace('CNY', 'furlong')}\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.jsonl:3: not a valid zjopen article") as err:
        Corpus.load(path)
    assert err.value.problems == (
        "unknown unit 'furlong' (see zjopen.units()) @ $.metrics[0]",
        "unknown unit 'furlong' (see zjopen.units()) @ $.metrics[1]",
    )
    path.write_text(f"{good}\n{{not json\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.jsonl:2: not JSON"):
        Corpus.load(path)
    retitled = good.replace('"title": null', '"title": "T"')
    path.write_text(f"{good}\n{retitled}\n", encoding="utf-8")
    with pytest.raises(DuplicateIdError, match=r"bad\.jsonl:2: two different articles have "
                       r"the id 'trade-2022' \(lines 1 and 2\)"):
        Corpus.load(path)


def test_the_lean_reader_falls_back_to_the_converter() -> None:
    data = json.loads(dumps(TRADE_2022))
    data["metrics"][0]["value"] = "1270000000000"  # a number as a string
    data["metrics"][1]["year"] = "2022"
    del data["metrics"][2]["noun"]  # a missing key
    data["regions"][0]["level"] = "prefecture"
    assert LeanReader().article(data) == TRADE_2022
    data["metrics"][0]["value"] = "lots"
    with pytest.raises(FormatError, match="not a valid zjopen article"):
        LeanReader().article(data)


def test_adding_articles() -> None:
    corpus = Corpus([TRADE_2022])
    corpus.add(TRADE_2022)  # the same article again: nothing changes
    assert len(corpus) == 1
    with pytest.raises(ValueError, match="already holds a different article with id"):
        corpus.add(attrs.evolve(TRADE_2022, title="Other"))
    corpus.extend([REVIEW_2023, TRADE_2023])
    assert [a.id for a in corpus] == ["review-2023", "trade-2022", "trade-2023"]
    assert "trade-2023" in corpus
    assert "nope" not in corpus
    assert corpus["trade-2023"] is TRADE_2023
    assert corpus.get("nope") is None
    assert repr(corpus) == "<Corpus: 3 articles>"
    assert corpus == Corpus(HAND)
    assert corpus != Corpus()
    assert corpus != HAND


# -- parsing in parallel ----------------------------------------------------------------


def test_from_paths_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Yiwu grows\n\nYiwu's exports rose 5% in 2023.",
                                       encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text("Yiwu again\n\nOther text.", encoding="utf-8")
    for jobs in (1, 2):
        err = io.StringIO()
        corpus = Corpus.from_paths(tmp_path, jobs=jobs, stderr=err)
        # (a second "good" takes its folder's name: every file of a run has an id of its own)
        assert [a.id for a in corpus] == ["good", "sub-good"]
        assert corpus.failures == (
            Failure(str(tmp_path / "empty.txt"), "the file is empty"),
            Failure(str(tmp_path / "logo.html"),
                    "not a text or HTML article: it looks like a PNG image"),
        )
        assert err.getvalue().splitlines() == [f"zjopen: warning: {f}" for f in corpus.failures]
        assert repr(corpus) == "<Corpus: 2 articles, 2 failures>"


def test_from_paths_is_the_same_in_parallel() -> None:
    serial = Corpus.from_paths([EXAMPLES], jobs=1)
    parallel = Corpus.from_paths([str(EXAMPLES)], jobs=3)
    assert serial == parallel
    assert len(serial) == len(list(EXAMPLES.glob("*.*")))
    assert serial.failures == parallel.failures == ()
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        Corpus.from_paths([EXAMPLES], jobs=0)


def test_a_dead_worker_fails_the_files_left(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"{name} grows\n\nTrade rose.", encoding="utf-8")
    real_parse = batch.parse_paths

    def dies_after_one(*args: Any, **kwargs: Any) -> Iterator[Parsed]:
        results = real_parse(*args, **kwargs)
        yield next(results)
        raise BrokenProcessPool("killed")

    monkeypatch.setattr(_corpus_parse, "parse_paths", dies_after_one)
    err = io.StringIO()
    corpus = Corpus.from_paths([tmp_path], jobs=1, stderr=err)
    assert [a.id for a in corpus] == ["a"]
    assert corpus.failures == tuple(
        Failure(str(tmp_path / f"{name}.txt"), "not parsed: a worker process died (killed)")
        for name in ("b", "c"))
    assert len(err.getvalue().splitlines()) == 2


def test_progress_on_a_terminal_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Yiwu grows\n\nTrade rose in 2023.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    shown = io.StringIO()
    Corpus.from_paths([tmp_path], jobs=1, stderr=shown, progress=True)
    text = shown.getvalue()
    assert text.startswith("\r1/2 files")
    assert f"\r\x1b[Kzjopen: warning: {tmp_path / 'b.txt'}: the file is empty\n" in text
    assert text.endswith("\n")
    assert "2/2 files" in text
    quiet = io.StringIO()  # not a terminal: only the warning
    Corpus.from_paths([tmp_path], jobs=1, stderr=quiet)
    assert quiet.getvalue() == f"zjopen: warning: {tmp_path / 'b.txt'}: the file is empty\n"


# -- exports ------------------------------------------------------------------------------


def test_records(corpus: Corpus) -> None:
    records = corpus.to_records()
    assert len(records) == 9
    assert tuple(records[0]) == RECORD_COLUMNS
    assert records[0] == {
        "article_id": "review-2023", "metric_id": "m0", "value": Decimal("1290000000000"),
        "high": None, "unit": "CNY", "kind": "level", "qualifier": "exact", "year": 2023,
        "period_kind": "year", "period_start": date(2023, 1, 1),
        "period_end": date(2023, 12, 31), "region": "330200", "region_name": "Ningbo",
        "region_path": ("330200", "330000", "CN"), "enterprise": None, "platform": None,
        "indicator": "The city's foreign trade", "noun": None, "of": None,
        "incidental": False, "text": "1.29 trillion yuan", "start": 29, "end": 47,
        "published": date(2024, 2, 5), "source": None, "title": None,
    }
    assert corpus.metrics.where(unit="TEU").to_records()[0]["platform"] == "Ningbo Port"


def test_csv(tmp_path: Path, corpus: Corpus) -> None:
    tables = corpus.write_csv(tmp_path / "csv")
    assert sorted(tables) == ["articles", "enterprises", "initiatives", "metrics",
                              "platforms", "regions"]
    assert read_csv(tmp_path / "csv") == list(corpus)


def test_pandas_and_parquet(tmp_path: Path, corpus: Corpus) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = corpus.to_pandas()
    assert list(frame.columns[:5]) == ["article_id", "metric_id", "value", "value_exact", "high"]
    assert len(frame) == 9
    assert str(frame["value"].dtype) == "float64"
    assert str(frame["year"].dtype) == "Int64"
    assert frame["value_exact"][0] == "1290000000000"
    assert frame["published"][0].year == 2024
    path = corpus.metrics.where(region="Ningbo", within=True).to_parquet(tmp_path / "m.parquet")
    pq = importlib.import_module("pyarrow.parquet")
    table = pq.read_table(path)
    assert table.num_rows == 7
    assert str(table.schema.field("region_path").type) == "list<element: string>"
    assert str(table.schema.field("published").type) == "date32[day]"


def test_duckdb_recipe(tmp_path: Path, corpus: Corpus) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    corpus.to_parquet(tmp_path / "metrics.parquet")
    rows = duckdb.sql(f"""
        SELECT year, region_name, value_exact, article_id
        FROM '{tmp_path / "metrics.parquet"}'
        WHERE list_contains(region_path, '330200') AND year = 2023 AND unit = 'CNY'
        ORDER BY value
    """).fetchall()
    assert rows == [
        (2023, "Haishu", "52000000000", "trade-2023"),
        (2023, "Ningbo", "1290000000000", "review-2023"),
        (2023, "Ningbo", "1300000000000", "review-2023"),
        (2023, "Ningbo", "1320000000000", "trade-2023"),
    ]
    by_year = duckdb.sql(f"""
        SELECT year, count(DISTINCT article_id) AS sources,
               min(value) AS low, max(value) AS high,
               list(DISTINCT article_id ORDER BY article_id) AS articles
        FROM '{tmp_path / "metrics.parquet"}'
        WHERE region = '330200' AND kind = 'level' AND unit = 'CNY'
          AND lower(indicator) LIKE '%foreign trade%' AND NOT incidental
        GROUP BY year ORDER BY year
    """).fetchall()
    assert by_year == [(2022, 1, 1.27e12, 1.27e12, ["trade-2022"]),
                       (2023, 2, 1.29e12, 1.32e12, ["review-2023", "trade-2023"])]
    exact = duckdb.sql(f"""
        SELECT region_name, sum(CAST(value_exact AS DECIMAL(38, 4))) AS total
        FROM '{tmp_path / "metrics.parquet"}' WHERE unit = 'CNY' AND year = 2023
        GROUP BY region_name ORDER BY region_name
    """).fetchall()
    assert exact == [("Haishu", Decimal("52000000000")), ("Ningbo", Decimal("3910000000000")),
                     ("Zhejiang", Decimal("4900000000000"))]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                        corpus: Corpus) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("pandas", "pyarrow"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    for module in [m for m in sys.modules if m.split(".")[0] in ("pandas", "pyarrow")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"pip install 'zjopen\[pandas\]' \(missing: pandas\)"):
        corpus.to_pandas()
    with pytest.raises(ImportError, match=r"to_parquet\(\) needs pandas and pyarrow"):
        corpus.to_parquet("never.parquet")
    assert not os.path.exists("never.parquet")


# -- the seeds and the example articles, end to end --------------------------------------


@pytest.fixture(scope="module")
def real() -> Corpus:
    if not SEEDS.is_dir():
        pytest.skip("needs ../shared/corpus/seeds")
    corpus = Corpus.from_paths([SEEDS, EXAMPLES], jobs=2)
    assert corpus.failures == ()
    return corpus


def test_real_figures_within_ningbo_in_2023(real: Corpus) -> None:
    found = [(h.article_id, h.text, h.value, h.unit, h.kind.value, h.region_name)
             for h in real.metrics.where(region="Ningbo", within=True, year=2023)]
    beilun = "beilun-port-and-innovation"
    assert found == [
        (beilun, "50", Decimal("50"), "rank", "rank", "Beilun"),
        (beilun, "100", Decimal("100"), "count", "target", "Beilun"),
        (beilun, "450.16 billion yuan", Decimal("450160000000"), "CNY", "target", "Beilun"),
        (beilun, "10.78‰", Decimal("10.78"), "‰", "target", "Beilun"),
        (beilun, "US$2.696 billion", Decimal("2696000000"), "USD", "target", "Beilun"),
        (beilun, "91.3%", Decimal("91.3"), "%", "change", "Beilun"),
        (beilun, "11", Decimal("11"), "count", "level", "Beilun"),
        # "held on May 8, 2023 ... On this day, eight representatives ...": that day's year
        (beilun, "eight", Decimal("8"), "count", "level", "Beilun"),
        (beilun, "100", Decimal("100"), "count", "level", "Beilun"),
        (beilun, "15", Decimal("15"), "count", "level", "Beilun"),
        ("ningbo-trade-2023", "1.32 trillion yuan", Decimal("1320000000000"), "CNY", "level",
         "Ningbo"),
        ("ningbo-trade-2023", "52 billion yuan", Decimal("52000000000"), "CNY", "level",
         "Haishu"),
        ("ningbo-trade-2023", "300", Decimal("300"), "count", "level", "Beilun"),
        ("ningbo-trade-review-2023", "1.29 trillion yuan", Decimal("1290000000000"), "CNY",
         "level", "Ningbo"),
        # a paragraph after "in 2023", published in 2024: still 2023's growth
        ("ningbo-trade-review-2023", "12 percent", Decimal("12"), "%", "change", "Ningbo"),
    ]


def test_real_enterprises_abroad(real: Corpus) -> None:
    abroad = real.enterprises.where(overseas=True)
    assert [(e.name, e.overseas, e.region) for e in abroad] == [
        ("China Post", ("US",), None),
        ("Futong Group", ("MX",), "330100"),
        ("Haitian Group", ("RS",), "330206"),
        ("Hangzhou Nethelp Co", ("US",), "330100"),
        ("Holley Group", ("MX",), "330100"),
        ("Jifeng", ("DE",), "330200"),
        ("Ningbo Xusheng Group", ("MX",), "330200"),
        ("Tuopu Group", ("PL",), "330200"),
        ("Yonghua Electric Appliance Co", ("US",), None),
        ("Zhejiang Xinzhou Group", ("US",), "330000"),
    ]
    xusheng = real.enterprises.where(name="Xusheng").first()
    assert xusheng is not None
    assert xusheng.article_ids == ("beilun-port-and-innovation", "xusheng-mexico-plant")
    assert real.enterprises.where(overseas="Mexico", region="Ningbo", within=True).names() == (
        "Ningbo Xusheng Group",)


def test_real_timeseries_of_ningbo_foreign_trade(real: Corpus) -> None:
    series = real.region("Ningbo").timeseries("foreign trade", unit="CNY")
    assert [(p.label, p.value, p.values, p.article_ids) for p in series] == [
        ("2022", Decimal("1270000000000"), (Decimal("1270000000000"),),
         ("ningbo-trade-2022",)),
        ("2023", Decimal("1290000000000"),
         (Decimal("1290000000000"), Decimal("1320000000000")),
         ("ningbo-trade-2023", "ningbo-trade-review-2023")),
    ]


def test_real_planted_conflict(real: Corpus) -> None:
    assert [(c.region_name, c.indicator, c.unit, c.label,
             [(h.article_id, h.value) for h in c.hits]) for c in real.conflicts()] == [
        ("Ningbo", "foreign trade", "CNY", "2023",
         [("ningbo-trade-2023", Decimal("1320000000000")),
          ("ningbo-trade-review-2023", Decimal("1290000000000"))]),
    ]


def test_real_corpus_round_trips(real: Corpus, tmp_path: Path) -> None:
    real.save(tmp_path / "real.jsonl")
    assert Corpus.load(tmp_path / "real.jsonl") == real


# -- properties ---------------------------------------------------------------------------

corpora = st.lists(gen.articles(), max_size=3, unique_by=lambda a: a.id)


@given(corpora)
def test_load_of_save_is_the_corpus(articles: list[Article]) -> None:
    corpus = Corpus(articles)
    stream = io.StringIO()
    corpus.save(stream)
    loaded = Corpus.load(io.StringIO(stream.getvalue()))
    assert loaded == corpus
    assert loaded.to_records() == corpus.to_records()


@given(gen.articles())
def test_the_lean_reader_reads_what_loads_reads(article: Article) -> None:
    line = dumps(article)
    reader = LeanReader()
    assert reader.article(reader.parse_line(line)) == loads(line) == article


@given(st.lists(gen.articles(), min_size=1, max_size=3, unique_by=lambda a: a.id)
       .flatmap(lambda xs: st.tuples(st.just(xs), st.permutations(xs))))
def test_merging_does_not_depend_on_order(pair: tuple[list[Article], list[Article]]) -> None:
    one, other = Corpus(pair[0]), Corpus()
    for article in pair[1]:
        other.add(article)
    assert one == other
    assert one.regions.all() == other.regions.all()
    assert one.enterprises.all() == other.enterprises.all()
    assert one.platforms.all() == other.platforms.all()
    assert one.initiatives.all() == other.initiatives.all()
    assert one.metrics.all() == other.metrics.all()
    assert one.to_records() == other.to_records()


def test_every_record_mention_is_kept() -> None:
    articles = [build(f"a{n}", "Geely and Zeekr", enterprises=[
        {"name": "Geely", "kb_id": "geely" if n % 2 else None}, {"name": "Zeekr"}])
        for n in range(4)]
    merged = Corpus(articles).enterprises
    assert [(e.name, e.kb_id, len(e.mentions), e.article_ids) for e in merged] == [
        ("Geely", "geely", 4, ("a0", "a1", "a2", "a3")),
        ("Zeekr", None, 4, ("a0", "a1", "a2", "a3")),
    ]


CODES = ["330000", "330200", "330206", "330203", "330100", "330782", "310000", "MX", "CN"]
INDICATORS = [None, "Foreign trade", "exports", "Cross-border e-commerce EXPORTS", "imports"]
UNITS = ["CNY", "USD", "%", "count"]


@st.composite
def query_articles(draw: st.DrawFn, article_id: str) -> Article:
    specs = []
    text = ""
    for n in range(draw(st.integers(0, 6))):
        figure = f"{n + 1}0"
        text += f"x {figure} "
        year = draw(st.none() | st.integers(2020, 2024))
        specs.append(fig(
            figure, figure, draw(st.sampled_from(UNITS)),
            region=draw(st.none() | st.sampled_from(CODES)), year=year,
            period=None if year is None else draw(st.sampled_from(
                [None, Period.year(year), Period.quarter(year, 2)])),
            kind=draw(st.sampled_from(MetricKind)), indicator=draw(st.sampled_from(INDICATORS)),
            enterprise=draw(st.sampled_from([None, "Geely", "Geely Holdings", "Haitian"])),
            incidental=draw(st.booleans()),
        ))
    return build(article_id, text, metrics=specs)


query_corpora = st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True, max_size=4).flatmap(
    lambda names: st.tuples(*(query_articles(n) for n in names)))

conditions = st.fixed_dictionaries({}, optional={
    "region": st.sampled_from(["Ningbo", "Beilun", "Zhejiang", "330100", "Mexico", "China",
                               "Haishu District"]),
    "year": st.integers(2020, 2024) | st.sampled_from([range(2021, 2023), [2020, 2024]]),
    "unit": st.sampled_from(UNITS) | st.lists(st.sampled_from(UNITS), min_size=1, max_size=2),
    "kind": st.sampled_from([k.value for k in MetricKind]),
    "indicator": st.sampled_from(["trade", "EXPORTS", "e-commerce", "x"]),
    "period": st.just("year"),
    "enterprise": st.sampled_from(["geely", "Haitian Co."]),
    "incidental": st.booleans(),
})


def by_hand(record: dict[str, Any], cond: dict[str, Any], within: bool) -> bool:
    """``cond`` checked on a plain record, the way a reader of to_records() would."""
    if "region" in cond:
        code = regions.get(cond["region"]).code
        if within and code not in record["region_path"]:
            return False
        if not within and record["region"] != code:
            return False
    if "year" in cond:
        years = [cond["year"]] if isinstance(cond["year"], int) else list(cond["year"])
        if record["year"] not in years:
            return False
    if "unit" in cond:
        units = [cond["unit"]] if isinstance(cond["unit"], str) else cond["unit"]
        if record["unit"] not in units:
            return False
    if "kind" in cond and record["kind"] != cond["kind"]:
        return False
    if "indicator" in cond and (record["indicator"] is None or cond["indicator"].casefold()
                                not in record["indicator"].casefold()):
        return False
    if "period" in cond and record["period_kind"] != cond["period"]:
        return False
    if "enterprise" in cond and (record["enterprise"] is None or name_key(
            record["enterprise"]) != name_key(cond["enterprise"])):
        return False
    return "incidental" not in cond or record["incidental"] is cond["incidental"]


@given(query_corpora, conditions, st.booleans(), conditions)
def test_a_query_is_filtering_the_records_by_hand(
    articles: tuple[Article, ...], cond: dict[str, Any], within: bool, more: dict[str, Any]
) -> None:
    corpus = Corpus(articles)
    inside = within and "region" in cond
    query = corpus.metrics.where(within=inside, **cond)
    expected = [(r["article_id"], r["metric_id"]) for r in corpus.to_records()
                if by_hand(r, cond, inside)]
    assert ids(query) == expected
    assert [(r["article_id"], r["metric_id"]) for r in query.to_records()] == expected
    narrower = query.where(**{k: v for k, v in more.items() if k != "region"})
    assert ids(narrower) == [
        (r["article_id"], r["metric_id"]) for r in corpus.to_records()
        if by_hand(r, cond, inside) and by_hand(r, {k: v for k, v in more.items()
                                                    if k != "region"}, False)]
    ordered = query.order_by("-value", "year")
    assert sorted(ids(ordered)) == sorted(expected)
    assert [h.value for h in ordered] == sorted((h.value for h in ordered), reverse=True)


FIRMS = ["Geely", "Geely Holdings", "Zeekr", "Jikrypton", "Top Group", "Tuopu Group", "ZEEKR"]


@st.composite
def firm_articles(draw: st.DrawFn, article_id: str) -> Article:
    names = draw(st.lists(st.sampled_from(FIRMS), max_size=3))
    text = " ".join(names)
    firms, start = [], 0
    for name in names:  # each record mentioned at its own place
        firms.append(Enterprise(
            name=name, mentions=[Span(start, start + len(name), name)],
            kb_id=draw(st.sampled_from([None, None, "geely", "zeekr", "tuopu"])),
            aliases=draw(st.lists(st.sampled_from(FIRMS), max_size=2)),
            region=draw(st.sampled_from([None, "330200", "330206"])),
            overseas=draw(st.lists(st.sampled_from(["MX", "PL"]), max_size=2)),
        ))
        start += len(name) + 1
    return Article(id=article_id, text=text, enterprises=firms)


firm_corpora = st.lists(st.sampled_from("abcdef"), unique=True, min_size=1).flatmap(
    lambda names: st.tuples(*(firm_articles(n) for n in names))).flatmap(
    lambda xs: st.tuples(st.just(list(xs)), st.permutations(xs)))


@given(firm_corpora)
def test_merging_similar_names_does_not_depend_on_order(
    pair: tuple[list[Article], list[Article]]
) -> None:
    one, other = Corpus(pair[0]), Corpus(pair[1])
    merged = one.enterprises.all()
    assert merged == other.enterprises.all()
    # every mention lands in exactly one merged company
    mentions = [m for e in merged for m in e.mentions]
    assert len(mentions) == len(set(mentions))
    assert {(m.article_id, m.span) for m in mentions} == {
        (a.id, s) for a in pair[0] for e in a.enterprises for s in e.mentions}
    # no two merged companies share a knowledge-base id
    kb_ids = [e.kb_id for e in merged if e.kb_id is not None]
    assert len(kb_ids) == len(set(kb_ids))


def test_from_paths_parses_with_a_custom_pipeline(tmp_path: Path) -> None:
    write_wharf_articles(tmp_path)
    pipeline = Pipeline().with_extractor(wharves)
    corpora = [Corpus.from_paths(tmp_path, jobs=jobs, pipeline=pipeline) for jobs in (1, 2)]
    assert corpora[0] == corpora[1]
    assert [[p.name for p in a.platforms] for a in corpora[1]] == [["Jintang Wharf"]] * 3
    assert [a.platforms for a in Corpus.from_paths(tmp_path, jobs=1)] == [()] * 3
