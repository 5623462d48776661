"""Table tests: what a page prints above its headline that is no headline. One word
alone on its line ("News", "Advertorial": a section's or a page's label) and a pager's
items ("1. 1", "2. 2") come before the headline on news pages; the headline is the line
after them, and the pager's numbers are no text (nor figures)."""

from __future__ import annotations

import pytest

import zjopen
from zjopen.ingest.clean import clean_lines

_HEADLINE = "Zhoushan sells more bonded fuel to passing ships"
_BODY = ("Bonded fuel sales at Zhoushan rose 9 percent in the first quarter, the city's "
         "port office said on Monday.")


@pytest.mark.parametrize("above", [
    ["News"],
    ["Advertorial"],
    ["Advertorial", "1. 1", "2. 2"],
    ["1. 1", "2. 2", "3. 3"],
    ["govt.chinadaily.com.cn", "News"],
    # sections, or the page's languages, set apart by "/", "|" or ">" (two audit pages)
    ["Business / Companies"],
    ["English | 中文"],
    ["Chinese | English english >> News"],
    # a "Related News" heading with no list, then a breadcrumb (three pages of one site)
    ["Related News", "Home » City specials » Hangzhou"],
    # a breadcrumb printed a part a line
    ["Home", "» City specials", "» Hangzhou"],
    # the site's address alone on its line
    ["https://www.zjexports.example"],
    ["http://english.example.gov.cn/index.html", "News"],
])
def test_labels_above_the_headline_are_no_headline(above: list[str]) -> None:
    cleaned = clean_lines([*above, _HEADLINE, "Updated: 2022-02-24", _BODY])
    assert cleaned.title == _HEADLINE
    assert cleaned.paragraphs == [_HEADLINE, _BODY]


def test_a_pagers_numbers_are_no_figures() -> None:
    article = zjopen.parse("\n\n".join(["Advertorial", "1. 1", "2. 2", _HEADLINE, _BODY]))
    assert [m.text for m in article.metrics] == ["9 percent"]


@pytest.mark.parametrize(("lines", "paragraphs"), [
    # a headline of several words is the headline, as before
    ([_HEADLINE, _BODY], [_HEADLINE, _BODY]),
    # one word above a byline or a date line, not a headline, stays the headline
    (["Exports", "By Li Ming", _BODY], ["Exports", _BODY]),
    (["Exports", "Updated: 2022-02-24", _BODY], ["Exports", _BODY]),
    # a headline with a bar in it, both sides of several words, is the headline
    (["Zhoushan bunker fuel | Bonded fuel sales rise", _BODY],
     ["Zhoushan bunker fuel | Bonded fuel sales rise", _BODY]),
    # a label of a word or two set off by a bar before or after it is no part of it
    # (two audit pages: "Headline | ...", "... | China-Brunei")
    (["Headline | Zhoushan sells more bonded fuel", _BODY],
     ["Zhoushan sells more bonded fuel", _BODY]),
    (["Zhoushan sells more bonded fuel | Zhoushan News", _BODY],
     ["Zhoushan sells more bonded fuel", _BODY]),
    # a numbered list in the text is text: "1. Exports" is no pager
    ([_HEADLINE, _BODY, "1. Exports rose.", "2. Imports fell."],
     [_HEADLINE, _BODY, "1. Exports rose.", "2. Imports fell."]),
])
def test_headlines_and_lists_stay(lines: list[str], paragraphs: list[str]) -> None:
    cleaned = clean_lines(lines)
    assert cleaned.title == paragraphs[0]
    assert cleaned.paragraphs == paragraphs
