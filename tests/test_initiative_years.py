"""An initiative's ``start_year`` and ``target_year``: from the years in brackets after its
name, a span of years in it, a year closing it, or a numbered Five-Year Plan's fixed
period; None where the text does not say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zjopen
from zjopen.extract._initiative_years import initiative_years

_CASES = [
    ("Ningbo opened wider during the 14th Five-Year Plan period (2021-25).",
     "14th Five-Year Plan", 2021, 2025),
    ("Zhejiang published its 14th Five-Year Plan for the development of foreign trade.",
     "14th Five-Year Plan", 2021, 2025),
    ("The province began drafting the 15th Five-Year Plan in 2024.",
     "15th Five-Year Plan", 2026, 2030),
    ("Exports doubled under the 12th Five-Year Plan, officials said.",
     "12th Five-Year Plan", 2011, 2015),
    ("Under the National New Urbanization Plan (2014–20), Jiaxing grew fast.",
     "National New Urbanization Plan", 2014, 2020),
    ("Under an action plan for 2023-2027, Yiwu will add overseas warehouses.",
     "action plan for 2023-2027", 2023, 2027),
    ("Firms in Ningbo upgraded their plants under Made in China 2025.",
     "Made in China 2025", None, 2025),
    # no years anywhere near the name
    ("Yiwu traders profited from the Belt and Road Initiative.",
     "Belt and Road Initiative", None, None),
    # a year later in the sentence is no year of the plan's
    ("Under the Belt and Road Initiative, exports rose 5% in 2023.",
     "Belt and Road Initiative", None, None),
    # brackets holding no span of years
    ("Haining joined the Regional Comprehensive Economic Partnership (RCEP) trade.",
     "Regional Comprehensive Economic Partnership", None, None),
]


@pytest.mark.parametrize(("text", "name", "start", "target"), _CASES)
def test_initiative_years(text: str, name: str, start: int | None,
                          target: int | None) -> None:
    found = {i.name: (i.start_year, i.target_year) for i in zjopen.parse(text).initiatives}
    assert found.get(name, "missing") == (start, target), found


def test_years_are_kept_when_mentions_merge() -> None:
    article = zjopen.parse("The 14th Five-Year Plan (2021-2025) guided Ningbo. Under the "
                           "14th Five-Year Plan, Yiwu built new warehouses.")
    (plan,) = article.initiatives
    assert (plan.start_year, plan.target_year, len(plan.mentions)) == (2021, 2025, 2)


@given(st.text(max_size=40), st.text(max_size=30))
def test_years_never_run_backwards(name: str, after: str) -> None:
    start, target = initiative_years(name, after)
    assert start is None or target is None or start <= target
