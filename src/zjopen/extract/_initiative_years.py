"""The years a plan runs over: an initiative's ``start_year`` and ``target_year``.

Read, in this order, from:

- the years written in brackets right after its name ("the National New Urbanization
  Plan (2014-20)", "the 14th Five-Year Plan period (2021-2025)");
- a span of years in its name ("the action plan for 2023-2027", "2023-2025 Action
  Plan"), or a year closing it ("Made in China 2025", "Vision 2035": the target);
- a numbered Five-Year Plan: China's plans run in fixed five-year periods, the 3rd
  from 1966, so the 14th is 2021-2025 (the provinces' and cities' plans share them).

>>> initiative_years("14th Five-Year Plan", " (2021-25) period")
(2021, 2025)
>>> initiative_years("15th Five-Year Plan", " for foreign trade")
(2026, 2030)
>>> initiative_years("Made in China 2025", ""), initiative_years("Belt and Road Initiative", "")
((None, 2025), (None, None))
"""

from __future__ import annotations

import re

from zjopen.lexicon.patterns import lazy_compile

__all__ = ["initiative_years"]

_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"
_SPAN = rf"({_YEAR})\s?[-–—~]\s?({_YEAR}|[0-9]{{2}})"  # 2021-2025, 2014-20, 2021–25

# Brackets right after the name: " (2021-2025)", "(2014–20)"; a word between ("period")
_BRACKETED = lazy_compile(
    rf"""\s?(?:period\s)?       # "the 14th Five-Year Plan period (2021-25)"
         \(\s?{_SPAN}\s?\)      # the years, in brackets
    """, re.VERBOSE)
_IN_NAME = lazy_compile(rf"\b{_SPAN}\b")
_CLOSING_YEAR = lazy_compile(rf"\s({_YEAR})\Z")  # "Made in China 2025", "Vision 2035"
_NUMBERED_PLAN = lazy_compile(r"\b([0-9]{1,2})(?:st|nd|rd|th)\sFive-Year\sPlan\b",
                              re.IGNORECASE)


def initiative_years(name: str, after: str) -> tuple[int | None, int | None]:
    """The first and last year of the initiative ``name``, followed in the text by
    ``after`` (a few characters suffice), or None for either when the text does not
    say."""
    if not any(c.isdigit() for c in name) and "(" not in after[:16]:
        return None, None  # (most initiatives: no year anywhere near)
    found = _BRACKETED.match(after) or _IN_NAME.search(name)
    if found is not None:
        return _span(found[1], found[2])
    closing = _CLOSING_YEAR.search(name)
    if closing is not None:
        return None, int(closing[1])
    plan = _NUMBERED_PLAN.search(name)
    if plan is not None and 3 <= int(plan[1]) <= 30:
        start = 1966 + 5 * (int(plan[1]) - 3)
        return start, start + 4
    return None, None


def _span(first: str, last: str) -> tuple[int | None, int | None]:
    """A span's years ("2014", "20" is 2014-2020), None when it runs backwards."""
    start = int(first)
    end = int(last) if len(last) == 4 else start - start % 100 + int(last)
    return (start, end) if start <= end <= start + 50 else (None, None)
