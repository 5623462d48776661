"""Table tests: share-and-print toolbars printed as text (``data/furniture.json``,
"toolbar") are furniture, and a head line that opens with one is read as a metadata line
after it; lines of article text that use the same words stay."""

from __future__ import annotations

import pytest

from zjopen.ingest.clean import clean_lines

_TITLE = "Ningbo appliance exports climb"
_BODY = ("Ningbo's exports of home appliances rose 8 percent in the period, the city's commerce "
         "bureau said.")

DROPPED = [
    "Save | Print | E-mail    Adjust font size:",
    "Save | Print | E-mail",
    "Print E-mail Bookmark and Share",
    "Go to Forum >>0 Comments",
    "Print Print",
    "Adjust font size:",
    "Share | Tweet | E-mail",
    "Print Mail Large Medium Small",
]

KEPT = [
    "Share prices of Ningbo Port rose 3 percent on Monday, traders said in Shanghai.",
    "Print and e-mail your customs forms before noon.",
    "Save the date: the Ningbo fair opens on June 8.",
    "Small and medium-sized firms",
    "Large Mail Order",  # (a word of no toolbar among them: text)
]


@pytest.mark.parametrize("line", DROPPED)
def test_a_toolbar_line_is_dropped(line: str) -> None:
    cleaned = clean_lines([_TITLE, _BODY, line, _BODY + " Demand held."])
    assert cleaned.paragraphs == [_TITLE, _BODY, _BODY + " Demand held."]
    assert cleaned.authors == ()


@pytest.mark.parametrize("line", KEPT)
def test_text_with_toolbar_words_stays(line: str) -> None:
    cleaned = clean_lines([_TITLE, _BODY, line])
    assert cleaned.paragraphs == [_TITLE, _BODY, line]


@pytest.mark.parametrize(("line", "published", "source"), [
    ("0 CommentsPrint E-mail Xinhua, February 3, 2010", "2010-02-03", "Xinhua"),
    ("Print | E-mail China Daily | Updated: 2021-06-16", "2021-06-16", "China Daily"),
    # a date line ending in the toolbar's words: the outlet is the one before them
    ("Updated: Dec 25, 2019 Xinhua Print", "2019-12-25", "Xinhua"),
    ("Updated: Apr 11, 2019 Print", "2019-04-11", None),
    ("Updated: Sep 4, 2020 China Daily Print Share", "2020-09-04", "China Daily"),
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
