"""``zjopen.evaluate`` and ``zjopen evaluate``: matching rules, agreement with the
reference scorer (``../shared/eval/score.py``), the gold format and its errors."""

from __future__ import annotations

import functools
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zjopen
from tests import strategies as gen
from zjopen import Article, Corpus
from zjopen.errors import (
    EvaluationFormatError,
    FormatError,
    GoldFormatError,
    PredictionFormatError,
    ZjopenError,
)
from zjopen.evaluation import (
    SCORED_KINDS,
    Difference,
    Evaluation,
    Score,
    check_gold,
    evaluate,
    gold_schema,
    normalise_name,
)
from zjopen.formats.json import dumps

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SCORER = EVAL / "score.py"
SETS = ("seeds", "dev")

Data = dict[str, Any]


def gold(aid: str = "a", **fields: Any) -> Data:
    """A valid gold article: nothing in it unless given."""
    article: Data = {"id": aid, "title": None, "published": None, "regions": [],
                     "enterprises": [], "platforms": [], "initiatives": [], "metrics": []}
    article.update(fields)
    return article


def metric(value: float, unit: str = "CNY", year: int | None = 2023,
           region: str | None = None, **more: Any) -> Data:
    return {"value": value, "unit": unit, "year": year, "region": region, **more}


def entity(name: str, *aliases: str) -> Data:
    return {"name": name, "aliases": list(aliases)}


def counts(score: Score) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


# -- names ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "normalised"), [
    ("Ningbo Xinyi Supplier Management Co., Ltd.", "ningbo xinyi supplier management"),
    ("Haitian Group", "haitian"),
    ("Geely Holdings", "geely"),
    ("Grammer AG", "grammer ag"),
    ('"Eight-Eight Strategy"', "eight eight strategy"),
    ("CNOOC's Ningbo LNG terminal", "cnooc ningbo lng terminal"),
    ("Group", "group"),
    ("Top Group Co", "top group"),  # one suffix only
    ("  Yiwu   Market  ", "yiwu market"),
    ("!!!", ""),
])
def test_normalise_name(name: str, normalised: str) -> None:
    assert normalise_name(name) == normalised


@pytest.mark.parametrize(("predicted", "golden", "expected"), [
    # legal suffixes dropped
    (["Ningbo Xinyi Supplier Management"], [entity("Ningbo Xinyi Supplier Management Co., Ltd.")],
     (1, 0, 0)),
    (["Haitian"], [entity("Haitian Group")], (1, 0, 0)),
    # an alias
    (["Jikrypton"], [entity("Zeekr", "Jikrypton")], (1, 0, 0)),
    # Jaccard of the word sets: 4/5, 3/5 (the threshold), 2/4
    (["Zhejiang Free Trade Zone"], [entity("Zhejiang Pilot Free Trade Zone")], (1, 0, 0)),
    (["Ningbo Economic Zone"], [entity("Ningbo Economic and Technological Zone")], (1, 0, 0)),
    (["Yiwu Market"], [entity("Yiwu International Trade Market")], (0, 1, 1)),
    # each gold entry is matched once; the second prediction is extra
    (["Haitian", "Haitian Group"], [entity("Haitian Group", "Haitian")], (1, 1, 0)),
    # predictions take the first free gold entry that agrees
    (["Geely"], [entity("Geely Holdings"), entity("Geely Automobile")], (1, 0, 1)),
    (["Geely", "Geely Automobile"], [entity("Geely Holdings"), entity("Geely Automobile")],
     (2, 0, 0)),
    # a prediction as an object with aliases, a bare string
    ([{"name": "Belt and Road", "aliases": ["BRI"]}], [entity("Belt and Road Initiative")],
     (1, 0, 0)),
    ([], [entity("RCEP")], (0, 0, 1)),
    (["RCEP"], [], (0, 1, 0)),
    # a prediction whose names hold no letter never matches
    (["---"], [entity("Grammer")], (0, 1, 1)),
])
def test_entity_matching(predicted: list[Any], golden: list[Data],
                         expected: tuple[int, int, int]) -> None:
    for kind in ("enterprises", "platforms", "initiatives"):
        article = gold()
        article[kind] = golden
        result = evaluate([article], [{"id": "a", kind: predicted}])
        assert counts(result.score(kind)) == expected, kind


# -- regions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("predicted", "golden", "expected"), [
    (["330200", "CN"], ["330200", "CN"], (2, 0, 0)),
    ([{"code": "330200"}, {"code": "330000"}], ["330200"], (1, 1, 0)),
    (["810000"], ["HK"], (1, 0, 0)),
    (["hk", "MO", "710000"], ["810000", "820000", "TW"], (3, 0, 0)),
    (["330200", "330200"], ["330200", "DE"], (1, 0, 1)),  # sets of codes
    ([None, {"code": None}], ["CN"], (0, 0, 1)),
])
def test_region_matching(predicted: list[Any], golden: list[str],
                         expected: tuple[int, int, int]) -> None:
    result = evaluate([gold(regions=golden)], [{"id": "a", "regions": predicted}])
    assert counts(result.regions) == expected


# -- metrics ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("predicted", "golden", "loose", "strict"), [
    ([metric(450160000000)], [metric(450160000000)], (1, 0, 0), (1, 0, 0)),
    # values within 0.5 % of the larger one
    ([metric(100.4)], [metric(100)], (1, 0, 0), (1, 0, 0)),
    ([metric(99.5)], [metric(100)], (1, 0, 0), (1, 0, 0)),
    ([metric(100.6)], [metric(100)], (0, 1, 1), (0, 1, 1)),
    ([metric(-3.2, "%")], [metric(3.2, "%")], (0, 1, 1), (0, 1, 1)),
    ([metric(0, "count")], [metric(0, "count")], (1, 0, 0), (1, 0, 0)),
    # units must agree; common spellings are read as the code
    ([metric(5, "USD")], [metric(5, "CNY")], (0, 1, 1), (0, 1, 1)),
    ([metric(5, "yuan"), metric(3, "percent")], [metric(5), metric(3, "%")],
     (2, 0, 0), (2, 0, 0)),
    # the year counts only when strict; null matches only null
    ([metric(7, year=2022)], [metric(7)], (1, 0, 0), (0, 1, 1)),
    ([metric(7, year=None)], [metric(7)], (1, 0, 0), (0, 1, 1)),
    ([metric(7, year=None)], [metric(7, year=None)], (1, 0, 0), (1, 0, 0)),
    # optional gold metrics are neither rewarded nor punished
    ([metric(1.4e9, "USD")], [metric(9.6e9), metric(1.4e9, "USD", optional=True)],
     (0, 0, 1), (0, 0, 1)),
    ([], [metric(1.4e9, "USD", optional=True)], (0, 0, 0), (0, 0, 0)),
    # a prediction takes a required gold metric before an optional one
    ([metric(8)], [metric(8, optional=True), metric(8)], (1, 0, 0), (1, 0, 0)),
    # first the pairs that agree on year and region too
    ([metric(8, year=2022), metric(8)], [metric(8), metric(8, year=2022)],
     (2, 0, 0), (2, 0, 0)),
    # each gold metric is matched once
    ([metric(8), metric(8)], [metric(8)], (1, 1, 0), (1, 1, 0)),
    # a prediction without a number matches nothing
    ([{"value": None, "unit": "CNY"}, {"unit": "CNY"}], [metric(8)], (0, 2, 1), (0, 2, 1)),
])
def test_metric_matching(predicted: list[Data], golden: list[Data],
                         loose: tuple[int, int, int], strict: tuple[int, int, int]) -> None:
    result = evaluate([gold(metrics=golden)], [{"id": "a", "metrics": predicted}])
    assert counts(result.metrics) == loose
    assert counts(result.metrics_strict) == strict


@pytest.mark.parametrize(("golden", "year_accuracy", "region_accuracy"), [
    # nothing agrees on both: the gold metric of the same year is preferred ...
    ([metric(100, year=2022, region="330200"), metric(100, year=2023, region="CN")], 1.0, 0.0),
    # ... then the one of the same region ...
    ([metric(100, year=2022, region="CN"), metric(100, year=2022, region="330200")], 0.0, 1.0),
    # ... then the first
    ([metric(100, year=2022, region="CN"), metric(100.1, year=2021, region="CN")], 0.0, 0.0),
    # and one that agrees on both before any of these
    ([metric(100, year=2023, region="CN"), metric(100, year=2023, region="330200")], 1.0, 1.0),
])
def test_which_gold_metric_a_prediction_takes(golden: list[Data], year_accuracy: float,
                                              region_accuracy: float) -> None:
    predicted = {"id": "a", "metrics": [metric(100, year=2023, region="330200")]}
    result = evaluate([gold(regions=["330200", "CN"], metrics=golden)], [predicted])
    assert counts(result.metrics) == (1, 0, 1)
    assert (result.metric_year_accuracy, result.metric_region_accuracy) == (
        year_accuracy, region_accuracy)


def test_pairs_that_agree_on_year_and_region_are_made_first() -> None:
    # The first prediction agrees best with the first gold metric, but the second agrees
    # with it on everything: the second takes it, the first takes what is left.
    golden = [metric(100, year=2023, region="CN"), metric(100, year=2021, region="330200")]
    predicted = [metric(100, year=2022, region="CN"), metric(100, year=2023, region="CN")]
    result = evaluate([gold(regions=["330200", "CN"], metrics=golden)],
                      [{"id": "a", "metrics": predicted}])
    assert counts(result.metrics) == (2, 0, 0)
    assert (result.metric_year_accuracy, result.metric_region_accuracy) == (0.5, 0.5)


def test_metric_accuracies() -> None:
    platforms = [{"name": "Ningbo Zhoushan Port", "aliases": ["Ningbo-Zhoushan Port"],
                  "kind": "port"}]
    golden = gold(regions=["330200"], platforms=platforms, enterprises=[entity("Geely")],
                  metrics=[metric(1, region="330200"),
                           metric(2, region=None, platform="Ningbo Zhoushan Port"),
                           metric(3, region=None, enterprise="Geely Holdings"),
                           metric(4, year=2022, region="330200"),
                           metric(5, optional=True)])
    predicted = {"id": "a", "metrics": [
        metric(1, region="330200"),                                  # all right
        metric(2, region=None, platform="Ningbo-Zhoushan Port"),     # alias of the platform
        metric(3, region=None, enterprise=None),                     # no enterprise
        metric(4, year=2023, region="330000"),                       # wrong year and region
        metric(5, year=2020, region="CN"),                           # optional: not counted
    ]}
    result = evaluate([golden], [predicted])
    assert counts(result.metrics) == (4, 0, 0)
    assert result.metric_year_accuracy == 3 / 4
    assert result.metric_region_accuracy == 3 / 4
    assert result.metric_subject_accuracy == 2 / 4


def test_title_and_published() -> None:
    golden = [gold("a", title="Ningbo's trade grows", published="2023-01-20"),
              gold("b", title=None, published=None),
              gold("c", title="Yiwu", published="2024-03-09")]
    predicted = [{"id": "a", "title": "Ningbo trade grows!", "published": "2023-01-20T08:00"},
                 {"id": "c", "title": "Yiwu market", "published": "2024-03-10"}]
    result = evaluate(golden, predicted)
    # b has no prediction: its null title and date agree with the nothing predicted
    assert result.title_accuracy == 2 / 3
    assert result.published_accuracy == 2 / 3
    assert result.articles == 3
    assert result.articles_missing == ("b",)


def test_nothing_to_count_gives_zero() -> None:
    result = evaluate([gold()], [{"id": "a"}])
    assert result.regions == Score()
    assert (result.regions.precision, result.regions.recall, result.regions.f1) == (0, 0, 0)
    assert result.metric_region_accuracy == result.metric_year_accuracy == 0.0
    assert evaluate([], []).title_accuracy == 0.0


def test_predictions_for_other_articles_are_ignored_and_the_last_of_an_id_counts() -> None:
    predicted = [{"id": "a", "regions": ["CN"]}, {"id": "zzz", "regions": ["DE"]},
                 {"id": "a", "regions": ["330200"]}]
    result = evaluate([gold(regions=["330200"])], predicted)
    assert counts(result.regions) == (1, 0, 0)


# -- detail and reports ----------------------------------------------------------------------

def test_differences_are_listed_article_by_article() -> None:
    golden = [gold("a", regions=["330200", "CN"], enterprises=[entity("Geely Holdings")],
                   metrics=[metric(5, indicator="exports"), metric(6)])]
    predicted = [{"id": "a", "regions": [{"code": "CN"}, {"code": "DE"}],
                  "enterprises": ["Geely", "Volvo"],
                  "metrics": [metric(6), {**metric(7, "%"), "text": "7 percent"}]}]
    result = evaluate(golden, predicted, detail=True)
    assert result.differences == (
        Difference("a", "regions", "extra", "DE"),
        Difference("a", "regions", "missed", "330200"),
        Difference("a", "enterprises", "extra", "Volvo"),
        Difference("a", "metrics", "extra", "7 % year=2023", "7 percent"),
        Difference("a", "metrics", "missed", "5 CNY year=2023", "exports"),
    )
    report = result.format().splitlines()
    assert report[:4] == [
        "[a] regions  extra=['DE'] missed=['330200']",
        "[a] enterprises  extra=['Volvo'] missed=[]",
        "[a] metric extra  7 % year=2023 «7 percent»",
        "[a] metric missed 5 CNY year=2023 (exports)",
    ]
    assert evaluate(golden, predicted).differences is None


def test_report_layout() -> None:
    result = evaluate([gold("a", regions=["CN"]), gold("b")], [{"id": "a", "regions": ["CN"]}])
    assert result.format().splitlines() == [
        "                 precision    recall      f1    tp    fp    fn",
        "regions              1.000     1.000   1.000     1     0     0",
        "enterprises          0.000     0.000   0.000     0     0     0",
        "platforms            0.000     0.000   0.000     0     0     0",
        "initiatives          0.000     0.000   0.000     0     0     0",
        "metrics              0.000     0.000   0.000     0     0     0",
        "metrics_strict       0.000     0.000   0.000     0     0     0",
        "metric region accuracy 0.000   title accuracy 1.000   published accuracy 1.000",
        "articles with no prediction: b",
        "metric year accuracy 0.000   metric subject accuracy 0.000",
    ]


def test_to_dict_is_json() -> None:
    result = evaluate([gold(regions=["CN"])], [{"id": "a", "regions": ["CN"]}], detail=True)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["regions"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0,
                               "tp": 1, "fp": 0, "fn": 0}
    assert list(data)[:len(SCORED_KINDS)] == list(SCORED_KINDS)
    assert data["detail"] == []
    assert "detail" not in evaluate([gold()], []).to_dict()


# -- sources ---------------------------------------------------------------------------------

ARTICLE_TEXT = ("Ningbo trade grows\n\nNINGBO, Jan. 20 (Xinhua) -- Ningbo's foreign trade "
                "reached 1.27 trillion yuan in 2022, up 3.1 percent year-on-year.")
ARTICLE_GOLD = gold("demo", title="Ningbo trade grows", published="2023-01-20",
                    regions=["330200"],
                    metrics=[metric(1.27e12, year=2022, region="330200"),
                             metric(3.1, "%", year=2022, region="330200", kind="change")])


def test_articles_a_corpus_a_stream_and_a_file_score_alike(tmp_path: Path) -> None:
    article = zjopen.parse(ARTICLE_TEXT, id="demo")
    line = dumps(article) + "\n"
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(line, encoding="utf-8")
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(ARTICLE_GOLD) + "\n", encoding="utf-8")
    expected = evaluate(gold_file, pred_file)
    assert expected.metrics.tp == 2
    assert evaluate(str(gold_file), [article]) == expected
    assert evaluate([ARTICLE_GOLD], Corpus([article])) == expected
    assert evaluate(io.StringIO(json.dumps(ARTICLE_GOLD)), io.BytesIO(line.encode())) == expected


def test_zjopen_evaluate_is_the_function() -> None:
    assert zjopen.evaluate is evaluate
    assert zjopen.Evaluation is Evaluation
    assert {"evaluate", "Evaluation"} <= set(zjopen.__all__)


def test_line_ends_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    text = "\ufeff" + json.dumps(gold("a")) + "\r\n\r\n" + json.dumps(gold("b")) + "\r" + "{"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(GoldFormatError) as caught:
        check_gold(path)
    assert caught.value.line == 4  # as Python's text files count lines
    path.write_text(text[:-1], encoding="utf-8", newline="")
    assert check_gold(path) == ("a", "b")


# -- bad input -------------------------------------------------------------------------------

GOOD_LINE = json.dumps(gold("first"))


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not JSON"),
    ("[1, 2]", "an article object is expected, not an array"),
    ('"text"', "an article object is expected, not a string"),
    (json.dumps({"title": None}), "the article has no 'id'"),
    (json.dumps(gold("")), "id: a non-empty string is expected"),
    (json.dumps(gold("first")), "id 'first' is already used on line 1"),
    (json.dumps({"id": "x", "regions": []}), "no 'metrics' (write [] when there is none)"),
    (json.dumps(gold(title=None) | {"remarks": 1}), "unknown key 'remarks'"),
    (json.dumps(gold(published="June 2023")), "published: an ISO date (YYYY-MM-DD)"),
    (json.dumps(gold(published="2023-02-30")), "published: an ISO date"),
    (json.dumps(gold(regions=["ningbo"])), "regions[0]: 'ningbo' is not a region code"),
    (json.dumps(gold(regions=["999999"])), "regions[0]: unknown region code '999999'"),
    (json.dumps(gold(regions="330200")), "regions: a list is expected, not a string"),
    (json.dumps(gold(enterprises=[{"aliases": ["x"]}])),
     "enterprises[0].name: a non-empty string is expected, not None"),
    (json.dumps(gold(enterprises=[entity("Geely", "")])), "enterprises[0].aliases[0]"),
    (json.dumps(gold(initiatives=[entity("...")])), "has no letters or digits to match"),
    (json.dumps(gold(platforms=[{"name": "Chinagoods", "kind": "shop"}])),
     "platforms[0].kind: 'shop' is not one of free_trade_zone"),
    (json.dumps(gold(metrics=[{"unit": "CNY", "year": 2023, "region": None}])),
     "metrics[0]: no 'value'"),
    (json.dumps(gold(metrics=[metric("12")])),  # type: ignore[arg-type]
     "metrics[0].value: a finite number is expected, not '12'"),
    (json.dumps(gold(metrics=[metric(True)])), "metrics[0].value: a finite number"),
    (json.dumps(gold(metrics=[metric(5, "furlong")])), "metrics[0].unit: unknown unit 'furlong'"),
    (json.dumps(gold(metrics=[metric(5, "yuan")])), "unknown unit 'yuan' (write 'CNY')"),
    (json.dumps(gold(metrics=[metric(5, year="2023")])),  # type: ignore[arg-type]
     "metrics[0].year: a whole number or null"),
    (json.dumps(gold(metrics=[metric(5, region="330200")])),
     "metrics[0].region: '330200' is not among the article's regions"),
    (json.dumps(gold(metrics=[metric(5, optional="yes")])), "metrics[0].optional: true or false"),
    (json.dumps(gold(metrics=[metric(5, kind="stock")])), "metrics[0].kind: 'stock' is not one"),
    (json.dumps(gold(metrics=[metric(5, optinal=True)])), "metrics[0]: unknown key 'optinal'"),
    (json.dumps(gold(metrics=[7])), "metrics[0]: a metric object is expected, not a number"),
    (json.dumps({"format": "zjopen/1", "id": "x", "text": ""}), "are GOLD and PRED the right"),
])
def test_bad_gold_names_file_line_and_problem(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(f"{GOOD_LINE}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as caught:
        evaluate(path, [])
    error = caught.value
    assert (error.path, error.line) == (str(path), 3)
    assert str(error).startswith(f"{path}:3: ")
    assert message in str(error)
    assert isinstance(error, FormatError)
    assert isinstance(error, ZjopenError)


def test_every_problem_of_a_line_is_listed() -> None:
    bad = gold(regions=["XX"], metrics=[{"value": "x", "unit": "furlong"}])
    with pytest.raises(GoldFormatError) as caught:
        check_gold([bad])
    error = caught.value
    assert (error.path, error.line) == ("<gold>", 1)
    assert error.reason == "5 problems"
    assert error.problems == (
        "regions[0]: unknown region code 'XX'",
        "metrics[0]: no 'year'",
        "metrics[0]: no 'region'",
        "metrics[0].value: a finite number is expected, not 'x'",
        "metrics[0].unit: unknown unit 'furlong'",
    )


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(GOOD_LINE.encode() + b"\n" + GOOD_LINE.encode("utf-16"))
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2: not UTF-8 text"):
        check_gold(path)


@pytest.mark.parametrize(("line", "message"), [
    ("nonsense", "not JSON"),
    ("null", "an article object is expected, not null"),
    ('{"title": "x"}', "the article has no 'id'"),
    ('{"id": "a", "regions": "330200"}', "regions: a list is expected, not a string"),
    ('{"id": "a", "enterprises": [{"name": 5}]}', "enterprises[0].name: a string is expected"),
    ('{"id": "a", "platforms": [{"name": "x", "aliases": "y"}]}',
     "platforms[0].aliases: a list is expected"),
])
def test_bad_predictions(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text(f'{{"id": "a"}}\n{line}\n', encoding="utf-8")
    with pytest.raises(PredictionFormatError) as caught:
        evaluate([gold()], path)
    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value)
    assert isinstance(caught.value, EvaluationFormatError)


def test_predictions_are_read_leniently() -> None:
    predicted = {"id": "a", "regions": None, "enterprises": [3, None, {"name": ""}],
                 "metrics": ["9 CNY", None, metric(9)], "extra": {"anything": 1}}
    result = evaluate([gold(metrics=[metric(9)])], [predicted])
    assert counts(result.enterprises) == (0, 0, 0)
    assert counts(result.metrics) == (1, 0, 0)


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path / "none.jsonl", [])


# -- the schema ------------------------------------------------------------------------------

VALID = [
    gold(),
    ARTICLE_GOLD,
    gold("b", title="T", published="2024-02-29", regions=["HK", "CN"],
         enterprises=["Geely", entity("Haitian Group", "Haitian")],
         platforms=[{"name": "Chinagoods", "aliases": [], "kind": "ecommerce_platform"},
                    {"name": "Yiwu market"}],
         initiatives=[{"name": "RCEP", "note": "a trade agreement"}],
         metrics=[metric(5, "TEU", year=None, region="HK", kind=None, optional=False,
                         indicator=None, platform="Chinagoods", enterprise=None),
                  metric(3, "CZK")],
         format="zjopen-gold/1", note="checked twice"),
]
INVALID = [
    {"id": "x"},
    gold(regions=[330200]),
    gold(regions=["hk"]),
    gold(published="2023-1-5"),
    gold(enterprises=[{"name": "A", "kind": "port"}]),
    gold(platforms=[{"name": "A", "kind": "shop"}]),
    gold(metrics=[metric(5, "furlong")]),
    gold(metrics=[{"value": 5, "unit": "CNY", "year": 2023}]),
    gold(metrics=[metric(5, year=2023.5)]),  # type: ignore[arg-type]
    gold(metrics=[metric(5, optional="no")]),
    gold(metrics=[metric(5, kind="stock")]),
    gold(format="zjopen/1"),
    gold(extra=1),
]


def test_schema_accepts_what_check_gold_accepts() -> None:
    validator = jsonschema.Draft202012Validator(gold_schema())
    jsonschema.Draft202012Validator.check_schema(gold_schema())
    for article in VALID:
        validator.validate(article)
        assert check_gold([article]) == (article["id"],)


@pytest.mark.parametrize("article", INVALID, ids=range(len(INVALID)))
def test_schema_and_check_gold_reject_the_same_shapes(article: Data) -> None:
    assert not jsonschema.Draft202012Validator(gold_schema()).is_valid(article)
    with pytest.raises(GoldFormatError):
        check_gold([article])


def test_the_example_annotations_are_valid() -> None:
    path = ROOT / "examples" / "articles.gold.jsonl"
    validator = jsonschema.Draft202012Validator(gold_schema())
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            validator.validate(json.loads(line))
    ids = check_gold(path)
    assert all((ROOT / "examples" / "articles" / f"{aid}.txt").is_file()
               or (ROOT / "examples" / "articles" / f"{aid}.html").is_file() for aid in ids)


@pytest.mark.skipif(not EVAL.is_dir(), reason="needs ../shared/eval")
@pytest.mark.parametrize("name", SETS)
def test_shared_gold_files_are_valid(name: str) -> None:
    path = EVAL / f"{name}.gold.jsonl"
    validator = jsonschema.Draft202012Validator(gold_schema())
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            errors = [e.message for e in validator.iter_errors(json.loads(line))]
            assert not errors, f"{path}:{number}: {errors}"
    assert len(check_gold(path)) == sum(1 for _ in path.open(encoding="utf-8"))


# -- agreement with the reference scorer ------------------------------------------------------

@functools.cache
def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason="needs ../shared/eval/score.py")


def _reference(golden: list[Data], predicted: list[Data]) -> Data:
    scorer = _scorer()
    by_id = {str(p["id"]): p for p in predicted}
    result: Data = scorer.score({g["id"]: g for g in golden}, by_id, True)
    return result


def _same_as_reference(result: Evaluation, reference: Data) -> None:
    mine = result.to_dict()
    for key, value in reference.items():
        if key != "detail":
            assert mine[key] == value, key
    detail = "".join(f"{line}\n" for line in reference["detail"])
    assert result.format().startswith(detail)


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("parsed")
    outputs = {}
    for name in SETS:
        out = folder / f"{name}.jsonl"
        subprocess.run([sys.executable, "-m", "zjopen", "parse", str(SHARED / "corpus" / name),
                        "--format", "jsonl", "-q", "-o", str(out)], check=True, timeout=300)
        outputs[name] = out
    return outputs


@needs_scorer
@pytest.mark.parametrize("name", SETS)
def test_same_numbers_and_report_as_score_py(name: str, parsed: dict[str, Path]) -> None:
    gold_file, pred_file = EVAL / f"{name}.gold.jsonl", parsed[name]
    run = [sys.executable, str(SCORER), "--gold", str(gold_file), "--pred", str(pred_file)]
    reference = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True,
                                          check=True, encoding="utf-8").stdout)
    result = evaluate(gold_file, pred_file, detail=True)
    mine = result.to_dict()
    for key, value in reference.items():
        assert mine[key] == value, key
    printed = subprocess.run([*run, "--detail"], capture_output=True, text=True, check=True,
                             encoding="utf-8").stdout
    assert result.format().startswith(printed)
    assert result.format()[len(printed):].startswith("metric year accuracy ")


# Small vocabularies, so that names, values and codes often meet.
# Word sets of "geely" and "geely automobile" overlap by 1/2, just under the threshold;
# those of the two Ningbo zones by 3/5, just on it.
NAMES = ["Haitian Group", "Haitian", "Geely Holdings", "Geely Automobile",
         "Ningbo Economic Zone", "Ningbo Economic and Technological Zone", "Belt and Road",
         "Top Group Co., Ltd.", "CNOOC's terminal"]
CODES = ["330200", "CN", "HK", "810000", "TW"]
VALUES = [100, 100.4, 100.6, -3.2]
GOLD_UNITS = ["CNY", "%"]
PRED_UNITS = [*GOLD_UNITS, "yuan", "percent", "USD", "", None]
YEARS = [None, 2022, 2023]


@st.composite
def gold_articles(draw: st.DrawFn, aid: str) -> Data:
    regions = draw(st.lists(st.sampled_from(CODES), max_size=4))
    def entities() -> list[Data]:
        return draw(st.lists(st.builds(entity, st.sampled_from(NAMES)), max_size=3))
    figures = draw(st.lists(st.builds(
        metric, st.sampled_from(VALUES), st.sampled_from(GOLD_UNITS), st.sampled_from(YEARS),
        st.sampled_from([None, *regions]), optional=st.booleans()), max_size=6))
    return gold(aid, title=draw(st.sampled_from([None, "Ningbo trade", "Ningbo's Trade!"])),
                published=draw(st.sampled_from([None, "2023-01-20"])), regions=regions,
                enterprises=entities(), platforms=entities(), initiatives=entities(),
                metrics=figures)


pred_entities = st.lists(st.sampled_from(NAMES) | st.builds(
    entity, st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=4)
pred_metrics = st.lists(st.fixed_dictionaries(
    {"value": st.sampled_from([*VALUES, None, "100"]), "unit": st.sampled_from(PRED_UNITS),
     "year": st.sampled_from(YEARS), "region": st.sampled_from([None, "hk", *CODES]),
     "text": st.sampled_from(["", "100 yuan"])}), max_size=5)
pred_articles: st.SearchStrategy[Data] = st.fixed_dictionaries({
    "id": st.sampled_from(["a", "b", "c"]),
    "title": st.sampled_from([None, "Ningbo trade", "ningbo trade"]),
    "published": st.sampled_from([None, "2023-01-20", "2023-01-20T10:00:00"]),
    "regions": st.lists(st.sampled_from(CODES) | st.builds(dict, code=st.sampled_from(CODES))),
    "enterprises": pred_entities, "platforms": pred_entities, "initiatives": pred_entities,
    "metrics": pred_metrics,
})


@needs_scorer
@settings(max_examples=150)
@given(golden=st.lists(st.sampled_from(["a", "b", "c"]), unique=True).flatmap(
           lambda ids: st.tuples(*(gold_articles(aid) for aid in ids))),
       predicted=st.lists(pred_articles, max_size=4))
def test_same_numbers_as_score_py_on_generated_articles(golden: tuple[Data, ...],
                                                        predicted: list[Data]) -> None:
    result = evaluate(list(golden), predicted, detail=True)
    _same_as_reference(result, _reference(list(golden), predicted))


@needs_scorer
@given(golden=gold_articles("a"), article=gen.articles())
def test_same_numbers_as_score_py_on_zjopen_output(golden: Data, article: Article) -> None:
    line = json.loads(dumps(article))
    line["id"] = "a"
    result = evaluate([golden], [line], detail=True)
    _same_as_reference(result, _reference([golden], [line]))


@st.composite
def self_scoring_gold(draw: st.DrawFn) -> list[Data]:
    """Gold articles with at least one record of each kind and a required metric; the
    values of one article's metrics are powers of two apart, so no two are within 0.5 %
    of each other (then any greedy pairing finds every metric its own twin)."""
    articles = draw(st.lists(gold_articles("x"), min_size=1, max_size=3))
    for n, article in enumerate(articles):
        article["id"] = f"article-{n}"
        exponents = draw(st.lists(st.integers(-10, 40), unique=True,
                                  min_size=len(article["metrics"]),
                                  max_size=len(article["metrics"])))
        for figure, exponent in zip(article["metrics"], exponents, strict=True):
            figure["value"] = 2.0 ** exponent
    first = articles[0]
    first["title"] = "A title"
    first["regions"].append("330200")
    for kind, name in (("enterprises", "Geely"), ("platforms", "Chinagoods"),
                       ("initiatives", "RCEP")):
        first[kind].append(entity(name))
    first["metrics"].append(metric(3.0, "count", region="330200", platform="Chinagoods"))
    return articles


@given(self_scoring_gold())
def test_gold_against_itself_scores_one_everywhere(articles: list[Data]) -> None:
    result = evaluate(articles, articles)
    for kind in SCORED_KINDS:
        score = result.score(kind)
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), kind
        assert score.fp == score.fn == 0
    assert result.metric_year_accuracy == result.metric_region_accuracy == 1.0
    assert result.metric_subject_accuracy == 1.0
    assert result.title_accuracy == result.published_accuracy == 1.0
    assert result.articles_missing == ()


# -- the command line ------------------------------------------------------------------------

def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zjopen", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          check=False)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(ARTICLE_GOLD) + "\n", encoding="utf-8")
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(dumps(zjopen.parse(ARTICLE_TEXT, id="demo")) + "\n", encoding="utf-8")
    return gold_file, pred_file


def test_cli_prints_the_table(files: tuple[Path, Path]) -> None:
    result = run("evaluate", *map(str, files))
    assert result.returncode == 0, result.stderr
    assert result.stdout == evaluate(*files).format()
    assert result.stdout.splitlines()[5] == (
        "metrics              1.000     1.000   1.000     2     0     0")


def test_cli_json_detail_and_stdin(files: tuple[Path, Path]) -> None:
    gold_file, pred_file = files
    result = run("evaluate", str(gold_file), "-", "--json", "--detail",
                 stdin=pred_file.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == evaluate(*files, detail=True).to_dict()


@pytest.mark.parametrize(("args", "message"), [
    (("missing.jsonl", "PRED"), "GOLD missing.jsonl: no such file"),
    (("GOLD", "missing.jsonl"), "PRED missing.jsonl: no such file"),
    (("GOLD", "."), "PRED .: is a folder"),
    (("GOLD",), "the following arguments are required: PRED"),
    (("-", "PRED"), "GOLD cannot be standard input"),
])
def test_cli_usage_errors(files: tuple[Path, Path], args: tuple[str, ...], message: str) -> None:
    named = {"GOLD": str(files[0]), "PRED": str(files[1])}
    result = run("evaluate", *(named.get(a, a) for a in args))
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_cli_bad_gold_line(files: tuple[Path, Path]) -> None:
    gold_file, pred_file = files
    gold_file.write_text(json.dumps(ARTICLE_GOLD) + "\n" + '{"id": "x"', encoding="utf-8")
    result = run("evaluate", str(gold_file), str(pred_file))
    assert result.returncode == 1
    assert result.stderr.startswith(f"zjopen: error: {gold_file}:2: not JSON")


def test_cli_gold_schema() -> None:
    result = run("schema", "--gold")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == gold_schema()
