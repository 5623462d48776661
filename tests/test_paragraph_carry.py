"""The time in force carried into a paragraph that opens by referring back to the one
before ("Of the total, ...", "Among them, ...", "Meanwhile, ..."): its figures are of the
period the paragraph before reported, not of the publication year. Any other paragraph
starts afresh; a figure "during the period" or "in the same period" is of the period named
last, in this paragraph or one before. Each row: a text of two paragraphs, its
publication date, and for each figure its text, year and period ("kind start..end", or
None)."""

from __future__ import annotations

from datetime import date

import pytest

import zjopen

Row = tuple[str, int | None, str | None]

_MONTHS_2023 = "months 2023-01-01..2023-04-30"
_Q1_2022 = "quarter 2022-01-01..2022-03-31"

CASES: list[tuple[str, date | None, list[Row]]] = [
    # "Of the total," goes on with the total's months
    ("In the first four months of 2023, Jinhua's foreign trade rose 6 percent.\n\n"
     "Of the total, exports reached 200 billion yuan.",
     date(2023, 5, 20),
     [("6 percent", 2023, _MONTHS_2023), ("200 billion yuan", 2023, _MONTHS_2023)]),
    # "Among them," and "Meanwhile," as well
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "Among them, crude oil imports jumped 40 percent.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("40 percent", 2022, _Q1_2022)]),
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "Meanwhile, its exports to Africa grew 12 percent.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("12 percent", 2022, _Q1_2022)]),
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "Specifically, crude oil imports rose 20 percent to 9 billion yuan.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("20 percent", 2022, _Q1_2022),
      ("9 billion yuan", 2022, _Q1_2022)]),
    # "In the five months," (no "first"): the months named before, in an undated article too
    ("From January to April in 2023, Jinhua's foreign trade rose 6 percent.\n\n"
     "In the four months, its exports to Africa reached 20 billion yuan.",
     None,
     [("6 percent", 2023, _MONTHS_2023), ("20 billion yuan", 2023, _MONTHS_2023)]),
    # "in the five months to May" is a period of its own (no anaphor): not the one before
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "Its exports grew 12 percent in the five months to May.",
     date(2022, 6, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("12 percent", 2022, None)]),
    # a month read early the next year ("in May", in January) reports last year: the
    # paragraph after it goes on with that year
    ("Wenling's pump exports reached 3 billion yuan in May.\n\n"
     "The city ranked fourth among the province's exporters of pumps.",
     date(2022, 1, 20),
     [("3 billion yuan", 2021, "month 2021-05-01..2021-05-31"), ("fourth", 2021, None)]),
    # ... but a present state after it is the publication year's
    ("Wenling's pump exports reached 3 billion yuan in May.\n\n"
     "The city is home to 700 pump makers.",
     date(2022, 1, 20),
     [("3 billion yuan", 2021, "month 2021-05-01..2021-05-31"), ("700", 2022, None)]),
    # a time of its own still governs the paragraph that refers back
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "Meanwhile, its exports to Africa grew 9 percent in 2021.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("9 percent", 2021, "year 2021-01-01..2021-12-31")]),
    # no opener: the paragraph starts afresh (a state at publication)
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "The city is home to 5,000 foreign trade firms.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("5,000", 2022, None)]),
    # "Of the total exports" is no opener (no comma after "total"): no carry
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "Of the total exporters, 70 percent are private firms.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("70 percent", 2022, None)]),
    # "during the period", "in the same period": the period named before, in a later
    # paragraph too, and what follows it in its paragraph
    ("In the first four months of 2023, Jinhua's foreign trade rose 6 percent.\n\n"
     "Exports during the period reached 200 billion yuan. Imports fell 3 percent.",
     date(2023, 5, 20),
     [("6 percent", 2023, _MONTHS_2023), ("200 billion yuan", 2023, _MONTHS_2023),
      ("3 percent", 2023, _MONTHS_2023)]),
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "In the same period, its exports to Africa grew 12 percent.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("12 percent", 2022, _Q1_2022)]),
    # "during this period" and "over the three-month period" too; "compared to the
    # corresponding period last year" is the base of a comparison, not the figure's year
    ("Ningbo's trade grew in the first quarter of this year.\n\n"
     "Its trade was valued at 321 billion yuan during this period, an 8.6 percent increase "
     "compared to the corresponding period last year.",
     date(2024, 4, 18),
     [("321 billion yuan", 2024, "quarter 2024-01-01..2024-03-31"),
      ("8.6 percent", 2024, "quarter 2024-01-01..2024-03-31")]),
    ("In the first quarter of 2021, Huzhou firms invested in 12 countries.\n\n"
     "Their investment reached $55 million over the three-month period.",
     date(2021, 5, 1),
     [("12", 2021, "quarter 2021-01-01..2021-03-31"),
      ("$55 million", 2021, "quarter 2021-01-01..2021-03-31")]),
    # a period reported in January of the year after: the same year before
    ("From January to November, Jiaxing's imports and exports totalled 301.5 billion yuan."
     "\n\nDuring the period, its imports rose 5 percent.",
     date(2024, 1, 20),
     [("301.5 billion yuan", 2023, "months 2023-01-01..2023-11-30"),
      ("5 percent", 2023, "months 2023-01-01..2023-11-30")]),
    # a date's year ("a photo taken on Jan 4, 2019") reports on no year: a later paragraph
    # in the past tense is of the publication year, not the year before
    ("A photo taken on Jan 4, 2019 shows a service area in Huzhou.\n\n"
     "The port handled more than 30,000 TEUs, its manager said.",
     date(2020, 4, 14),
     [("30,000 TEUs", 2020, None)]),
    ("In 2019, Huzhou's port handled 400,000 TEUs.\n\n"
     "Its exports rose 9 percent, its manager said.",
     date(2020, 4, 14),
     [("400,000 TEUs", 2019, "year 2019-01-01..2019-12-31"), ("9 percent", 2019, None)]),
    # "over the same period last year" is the base of a comparison, not the period
    ("Taizhou's imports came to 30 billion yuan in the first quarter of 2022.\n\n"
     "The city is home to 5,000 firms, up 4 percent over the same period last year.",
     date(2022, 4, 25),
     [("30 billion yuan", 2022, _Q1_2022), ("5,000", 2022, None), ("4 percent", 2022, None)]),
]


def _shown(metric: zjopen.Metric) -> Row:
    period = metric.period
    text = None if period is None else f"{period.kind.value} {period.start}..{period.end}"
    return metric.span.text, metric.year, text


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_paragraph_referring_back_keeps_the_time(text: str, published: date | None,
                                                 expected: list[Row]) -> None:
    article = zjopen.parse(text, id="t", published=published)
    assert [_shown(m) for m in article.metrics] == expected
