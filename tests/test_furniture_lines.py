"""Table tests: lines of page furniture (``data/furniture.json``) are dropped: share-and-
print toolbars printed as text ("toolbar"), and what real pages print above or beside a
story (an edition menu, a share-to-WeChat button, an illustration's credit, an image's
file name, a pager), which is never taken for the headline; a head line that opens with
a toolbar is read as a metadata line after it; lines of article text that use the same
words stay."""

from __future__ import annotations

import pytest

import zjopen
from zjopen.ingest.clean import clean_lines

_TITLE = "Ningbo appliance exports climb"
_BODY = ("Ningbo's exports of home appliances rose 8 percent in the period, the city's commerce "
         "bureau said.")

TOOLBARS = [
    "Save | Print | E-mail    Adjust font size:",
    "Save | Print | E-mail",
    "Print E-mail Bookmark and Share",
    "Go to Forum >>0 Comments",
    "Print Print",
    "Adjust font size:",
    "Share | Tweet | E-mail",
    "Print Mail Large Medium Small",
    "Print Mail Large Medium  Small 0",  # and the comment counter
    "Print Mail Large Medium  Small 分享按钮 0",  # a share button's label between (two pages)
    "Facebook Twitter 新浪微博 Instagram YouTube",  # a share bar's networks
    "Facebook | Twitter | LinkedIn | WhatsApp",
    "WeChat Weibo",
]

FURNITURE = [
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
    "< 1 2",  # the pager of a second page
    "« 1 2 3",
    "12 > >>",  # a page number then the pager's arrows (two government sites' pages)
    "3 >>",
    "https://www.example-news.com",  # a web address alone on its line
    "The story appears on",  # a newspaper site's print-edition box (three pages of one site)
    "Page A15",
    "GET this page in PDF",
    "Free for subscribers",
    "View shopping cart",
    "Most Popular",  # a sidebar's heading above the headline (two sites)
    "Advertisement",  # an advertisement's label (three pages)
    "ADVERTISEMENT",
    "中文Back to Zhejiang",  # a language switch and a section link run together
    "Category: Ningbo District",  # a site's section label (three pages of one site)
    "640 (2).jpg",  # an image's file name, left where the image was
    "图片1.png",
    "IMG_2034.JPG",
    "Port 1.jpeg",  # a file name with a space in it
    "Yiwu market stall 3.png",
    "|",  # separators alone
    "* * *",
    "Registration Number: 130349",  # a site's licence footer (two pages)
    ("Copyright 2001 - 2024. All rights reserved. The content published on this site "
     "belongs to Example News Co (ENC) and may not be republished without its written "
     "permission. Note: browsers with 1280*800 or higher resolution are suggested."),
    "Back to Zhejiang",  # a provincial site's link home (six pages of one site)
    "News and Policies",  # a government site's section label above the headline (two)
    "1 Min Read",  # how long the story takes to read (two agencies' pages)
    "·3 min read",
    "12 minutes read",
]

KEPT = [
    "Share prices of Ningbo Port rose 3 percent on Monday, traders said in Shanghai.",
    "Print and e-mail your customs forms before noon.",
    "Save the date: the Ningbo fair opens on June 8.",
    "Small and medium-sized firms",
    "Large Mail Order",  # (a word of no toolbar among them: text)
    "US and European buyers at the Asia fair placed more orders than a year earlier.",
    "Shoppers share WeChat links to the Yiwu stalls with buyers abroad.",
    "Illustration of the new terminal shows berths for 20 ships.",
    "The map in plan.png shows the new berths.",
    "12 34 trains left on 5 routes.",
    "3 min read the rules aloud to the buyers.",
    "News and policies from Beijing shaped the market in 2023.",
    "5 >",  # (one arrow after a number: no pager's)
    "Category: bulk cargo made up 60 percent of the port's throughput in 2022.",
    "Page A15 of the plan lists the berths.",
    "Skip to content marketing, Ningbo's exporters now sell through livestreams abroad.",
    "Facebook and Twitter are blocked, but WeChat carries the Yiwu traders' orders.",
    "YouTube Shorts by Keqiao fabric sellers drew 20 million views.",
    "WeChat Pay took 40 percent of the fair's payments.",
    "Pictures from the fair are in the file fair 2.jpeg, the organisers said.",
]


@pytest.mark.parametrize("line", [*TOOLBARS, *FURNITURE])
def test_a_furniture_line_is_dropped(line: str) -> None:
    cleaned = clean_lines([_TITLE, _BODY, line, _BODY + " Demand held."])
    assert cleaned.paragraphs == [_TITLE, _BODY, _BODY + " Demand held."]
    assert cleaned.authors == ()


@pytest.mark.parametrize("line", KEPT)
def test_text_with_furniture_words_stays(line: str) -> None:
    cleaned = clean_lines([_TITLE, _BODY, line])
    assert cleaned.paragraphs == [_TITLE, _BODY, line]


@pytest.mark.parametrize(("line", "published", "source"), [
    ("0 CommentsPrint E-mail Xinhua, February 3, 2010", "2010-02-03", "Xinhua"),
    ("Print | E-mail China Daily | Updated: 2021-06-16", "2021-06-16", "China Daily"),
    # a date line ending in the toolbar's words: the outlet is the one before them
    ("Updated: Dec 25, 2019 Xinhua Print", "2019-12-25", "Xinhua"),
    ("Updated: Apr 11, 2019 Print", "2019-04-11", None),
    ("Updated: Sep 4, 2020 China Daily Print Share", "2020-09-04", "China Daily"),
    # a share bar and the day's date, above the headline of an English news site
    ("Facebook Twitter 新浪微博 Instagram YouTube Wednesday, Mar 6, 2019", "2019-03-06", None),
])
def test_a_head_line_opening_with_a_toolbar(line: str, published: str | None,
                                            source: str | None) -> None:
    cleaned = clean_lines([_TITLE, line, _BODY])
    assert (cleaned.published.isoformat() if cleaned.published else None) == published
    assert cleaned.source == source
    assert (line in cleaned.paragraphs) == (published is None)


@pytest.mark.parametrize(("line", "text"), [
    ("Print E-mail Nothing here", "Nothing here"),  # the rest is no metadata line: text
    ("Print PrintTaizhou Port handled 100 million tons.", "Taizhou Port handled 100 million tons."),
])
def test_a_toolbar_opening_a_text_line_is_taken_off(line: str, text: str) -> None:
    cleaned = clean_lines([_TITLE, line, _BODY])
    assert cleaned.paragraphs == [_TITLE, text, _BODY]


@pytest.mark.parametrize("menu", FURNITURE[:3])
def test_an_edition_menu_above_the_crumbs_is_no_headline(menu: str) -> None:
    article = zjopen.parse(f"{menu}\nHome / Business\n\n{_TITLE}\n\n"
                           f"By Li Ming | China Daily | Updated: 2024-05-08 09:12\n\n{_BODY}\n")
    assert article.title == _TITLE
    assert str(article.published) == "2024-05-08"


@pytest.mark.parametrize("bar", ["Facebook Twitter 新浪微博 Instagram YouTube Friday, May 8, 2015",
                                 "Facebook | Twitter | WeChat Friday, May 8, 2015"])
def test_a_share_bar_with_the_date_above_the_headline_is_no_headline(bar: str) -> None:
    article = zjopen.parse(f"{bar}\n\n{_TITLE}\n\n{_BODY}\n")
    assert article.title == _TITLE
    assert str(article.published) == "2015-05-08"
    assert article.enterprises == ()  # (no "Facebook" company from the bar)


@pytest.mark.parametrize("items", [
    ["1. Introduction", "2. Location", "3. Industries"],  # a zone page's contents
    ["- Advertisement"],  # a bulleted line of furniture above the text
])
def test_a_list_item_is_no_headline(items: list[str]) -> None:
    article = zjopen.parse("\n\n".join([*items, _BODY]))
    assert article.title is None
    assert [m.value for m in article.metrics] == [8]  # (no list number a figure)


def test_a_headline_above_a_list_stays() -> None:
    article = zjopen.parse(f"{_TITLE}\n\n1. Introduction\n\n{_BODY}")
    assert article.title == _TITLE


@pytest.mark.parametrize("crumbs", ["You are here: Home",
                                    "Current location: Home\n> Jiaxing Today"])
def test_a_breadcrumb_label_and_home_alone_is_no_headline(crumbs: str) -> None:
    article = zjopen.parse(f"{crumbs}\n\n{_TITLE}\n\n{_BODY}")
    assert article.title == _TITLE
    assert not article.text.startswith(("You", "Current"))
