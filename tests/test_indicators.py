"""What a figure measures (``Metric.indicator``): a short noun phrase, or None, never a
stray word. One sentence per row, own phrasing; each figure with its expected phrase."""

from __future__ import annotations

import pytest

import zjopen

ROWS: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    ("subject-before-verb", "Ningbo's exports rose 5 percent in 2023.",
     [("5 percent", "exports")]),
    ("possessive-and-total-trimmed", "Hangzhou's total import and export volume came to 700 "
     "billion yuan.", [("700 billion yuan", "import and export volume")]),
    ("of-phrase-after-an-amount", "Shaoxing attracted 2 billion yuan of foreign investment in "
     "2022.", [("2 billion yuan", "foreign investment")]),
    ("of-phrase-stops-at-preposition", "Zhoushan Port handled 200 million tonnes of cargo in "
     "2021.", [("200 million tonnes", "cargo")]),
    ("noun-of-noun-subject", "The number of import orders climbed 24 percent.",
     [("24 percent", "number of import orders")]),
    ("object-after-verb", "Yiwu merchants sold goods worth 12 billion yuan.",
     [("12 billion yuan", "goods")]),
    ("hedge-trimmed", "Wenzhou's cross-border e-commerce exports reached more than 40 billion "
     "yuan.", [("40 billion yuan", "cross-border e-commerce exports")]),
    ("change-takes-its-level's-phrase", "Jiaxing's imports came to 90 billion yuan, a "
     "year-on-year increase of 6 percent.",
     [("90 billion yuan", "imports"), ("6 percent", "imports")]),
    ("verb-group-split-whole", "By October, Lishui's imports had reached 3 billion yuan.",
     [("3 billion yuan", "imports")]),
    ("average-rate-takes-the-level's", "Ningbo's trade with Africa totaled 900 billion yuan, "
     "growing at an average annual rate of 9 percent.",
     [("900 billion yuan", "trade with Africa"), ("9 percent", "trade with Africa")]),
    ("no-stray-verb", "The total is projected to top 50 billion yuan.",
     [("50 billion yuan", None)]),
    ("no-anaphoric-noun-alone", "The figure grew 3 percent.", [("3 percent", None)]),
    ("no-name-alone", "Thailand received 30 percent.", [("30 percent", None)]),
    ("no-number-in-phrase", "Trade with Brazil rose 115.7 percent to 8 billion yuan.",
     [("115.7 percent", "Trade with Brazil"), ("8 billion yuan", "Trade with Brazil")]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*row[1:], id=row[0])
                                                for row in ROWS])
def test_indicator(text: str, expected: list[tuple[str, str | None]]) -> None:
    article = zjopen.parse(text, id="t")
    assert [(m.text, m.indicator) for m in article.metrics] == expected
