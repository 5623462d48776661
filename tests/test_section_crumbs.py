"""Table tests: a section's name printed above its breadcrumb trail ("Belt and Road
Initiatives" then "Home > Belt and Road Initiatives", as english.jinhua.gov.cn prints
its older pages) is no headline: the headline is the line under the trail. A headline
above a trail that ends elsewhere, or one already followed by text, stays the headline."""

from __future__ import annotations

import pytest

from zjopen.ingest.clean import clean_lines

_HEADLINE = "Jinhua ships more small goods to Europe"
_BODY = ("Freight trains from Jinhua carried 9 percent more containers to Europe in the "
         "first half, the city's port office said.")
_NAV = "Home | About Jinhua | Business | Living"


@pytest.mark.parametrize("section", ["Trade and Investment News", "Belt and Road Initiatives",
                                     "City News"])
def test_a_section_name_above_its_trail_is_no_headline(section: str) -> None:
    cleaned = clean_lines([_NAV, section, f"Home > {section}", _HEADLINE,
                           "Post Time: 2020-05-16", _BODY])
    assert cleaned.title == _HEADLINE
    assert cleaned.paragraphs == [_HEADLINE, _BODY]
    assert cleaned.published is not None


@pytest.mark.parametrize(("lines", "title"), [
    # a trail that ends in another section: the line above it is the headline
    ([_HEADLINE, "Home > Trade and Investment News", _BODY], _HEADLINE),
    # the headline is given (from the page's tags): the lines do not change it
    (["Trade and Investment News", "Home > Trade and Investment News", _BODY],
     "Ningbo port grows"),
])
def test_other_lines_above_a_trail_stay(lines: list[str], title: str) -> None:
    given = "Ningbo port grows" if title != _HEADLINE else None
    cleaned = clean_lines(lines, title=given)
    assert cleaned.title == title
    assert _BODY in cleaned.paragraphs


def test_a_trail_after_the_text_has_begun_changes_nothing() -> None:
    lines = ["City News", _BODY, "Home > City News", _BODY + " Demand held."]
    assert clean_lines(lines).paragraphs == clean_lines(
        ["City News", _BODY, _BODY + " Demand held."]).paragraphs


@pytest.mark.parametrize("trail", ["Location: Home > Trade News", "Current location: Home > News",
                                   "You are here: Home > City News", "curpage: Home |",
                                   "Your Position: Home >> Business"])
def test_a_labelled_trail_is_no_headline(trail: str) -> None:
    cleaned = clean_lines([trail, _HEADLINE, "Post Time: 2020-05-16", _BODY])
    assert cleaned.title == _HEADLINE
    assert cleaned.paragraphs == [_HEADLINE, _BODY]


@pytest.mark.parametrize("line", ["Location: the new Home > old home, buyers said",
                                  "Location: Ningbo's Beilun district, near the port"])
def test_a_location_line_of_text_is_no_trail(line: str) -> None:
    cleaned = clean_lines([_HEADLINE, _BODY, line + "."])
    assert cleaned.paragraphs == [_HEADLINE, _BODY, line + "."]
