"""Table tests: lines of page furniture from ``data/furniture.json`` that real pages print
above or beside a story (an edition menu, a share-to-WeChat button, an illustration's
credit, an image's file name) are dropped, and never taken for the headline; text using
the same words stays."""

from __future__ import annotations

import pytest

import zjopen
from zjopen.ingest.clean import clean_lines

_TITLE = "Ningbo appliance exports climb"
_BODY = ("Ningbo's exports of home appliances rose 8 percent in the period, the city's commerce "
         "bureau said.")

DROPPED = [
    "USEUROPEAFRICAASIA 中文双语Français",  # an edition menu, its words run together
    "US EUROPE AFRICA ASIA 中文",
    "Global EditionASIA 中文双语Français",
    "Share - WeChat",
    "Illustration: Chen Xia/GT",
    "Graphic: Wang Lei/GT",
    "Skip to Content Facebook Feature Image",  # a screen reader's link and share buttons
    "Skip to main content",
    "1 2 >",  # a pager
    "1 2 3 >>",
    "640 (2).jpg",  # an image's file name, left where the image was
    "图片1.png",
    "IMG_2034.JPG",
]

KEPT = [
    "US and European buyers at the Asia fair placed more orders than a year earlier.",
    "Shoppers share WeChat links to the Yiwu stalls with buyers abroad.",
    "Illustration of the new terminal shows berths for 20 ships.",
    "The map in plan.png shows the new berths.",
    "12 34 trains left on 5 routes.",
    "Skip to content marketing, Ningbo's exporters now sell through livestreams abroad.",
]


@pytest.mark.parametrize("line", DROPPED)
def test_a_furniture_line_is_dropped(line: str) -> None:
    cleaned = clean_lines([_TITLE, _BODY, line, _BODY + " Demand held."])
    assert cleaned.paragraphs == [_TITLE, _BODY, _BODY + " Demand held."]


@pytest.mark.parametrize("line", KEPT)
def test_text_with_furniture_words_stays(line: str) -> None:
    cleaned = clean_lines([_TITLE, _BODY, line])
    assert cleaned.paragraphs == [_TITLE, _BODY, line]


@pytest.mark.parametrize("menu", DROPPED[:3])
def test_an_edition_menu_above_the_crumbs_is_no_headline(menu: str) -> None:
    article = zjopen.parse(f"{menu}\nHome / Business\n\n{_TITLE}\n\n"
                           f"By Li Ming | China Daily | Updated: 2024-05-08 09:12\n\n{_BODY}\n")
    assert article.title == _TITLE
    assert str(article.published) == "2024-05-08"
