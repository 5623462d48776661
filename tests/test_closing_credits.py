"""Table tests: credits printed after the story (``zjopen.ingest.credits``).

City portals close a translated story with a bracketed credit at the end of its last
paragraph ("(By A, translated by B, edited by C)", the writer sometimes followed by the
outlet: "By A – Zhejiang Online"); video pages close with a line naming the reporters
("Reporter A, B", "Reporter: A and B"). The writers are the authors (translators and
editors are not), a known outlet is the source, and the credit is no article text.
Sentences that only look like credits stay as they are.
"""

from __future__ import annotations

import pytest

from zjopen.ingest.clean import clean_lines

_TITLE = "Jinhua freight trains carry more goods"
_FIRST = ("Freight trains from Jinhua carried 9 percent more containers to Europe in the "
          "first half, the city's port office said.")
_LAST = "Most of the goods were household appliances and auto parts."

# (last paragraph as printed, last paragraph as kept, authors, source)
CREDITED = [
    (f"{_LAST} (By Chen Hao, translated by Lu Mei, edited by Sarah Dunn)",
     _LAST, ("Chen Hao",), None),
    (f"{_LAST} (By Zhou Lin – Zhejiang Online, translated by Fang Yu)",
     _LAST, ("Zhou Lin",), "Zhejiang Daily"),
    (f"{_LAST} (By Xu Tao—Yiwu Business, translated by Ma Jun, edited by Tom Hale)",
     _LAST, ("Xu Tao",), None),  # (an outlet the table does not know: no source)
    (f"{_LAST} (By the Municipal Bureau of Commerce, translated by Ma Jun, edited by Tom"
     " Hale)", _LAST, (), None),  # (a body, no person: no author, the credit still goes)
    (f"{_LAST} (By Chen Hao and Gu Yan, translated by Lu Mei)",
     _LAST, ("Chen Hao", "Gu Yan"), None),
]


@pytest.mark.parametrize(("printed", "kept", "authors", "source"), CREDITED)
def test_a_bracketed_closing_credit(printed: str, kept: str, authors: tuple[str, ...],
                                    source: str | None) -> None:
    cleaned = clean_lines([_TITLE, _FIRST, printed])
    assert cleaned.paragraphs == [_TITLE, _FIRST, kept]
    assert cleaned.authors == authors
    assert cleaned.source == source


@pytest.mark.parametrize("line", [
    "(By Chen Hao, translated by Lu Mei, edited by Sarah Dunn)",  # a line of its own
    "Reporter Wu Lan, Gao Ming",
    "Reporter: Wu Lan and Gao Ming",
    "Reporters: Wu Lan, Gao Ming",
])
def test_a_closing_credit_line(line: str) -> None:
    cleaned = clean_lines([_TITLE, _FIRST, _LAST, line, "Source text:"])
    assert cleaned.paragraphs == [_TITLE, _FIRST, _LAST]
    assert cleaned.authors in {("Chen Hao",), ("Wu Lan", "Gao Ming")}


NOT_CREDITS = [
    f"{_LAST} (By Chen Hao)",  # a writer alone: no other role, so no sure credit
    f"{_LAST} (By 2027, translated by the bureau into five languages)",
    "The rules were drafted (by the city, edited by its lawyers)",
    "Reporter Wu Lan asked the port office about the new routes.",
    "Reporters from 30 countries visited the Jinhua hub.",
    "Reporter Wu Lan, Gao Ming and 12 others toured the yard.",
]


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_text_that_looks_like_a_credit_stays(line: str) -> None:
    cleaned = clean_lines([_TITLE, _FIRST, line])
    assert cleaned.paragraphs == [_TITLE, _FIRST, line]
    assert cleaned.authors == ()
    assert cleaned.source is None


def test_a_reporter_question_is_no_credit() -> None:
    # (a question of an interview: furniture by its label, as before; no name in it)
    cleaned = clean_lines([_TITLE, _FIRST, "Reporter: What will the new berths carry?",
                           _LAST])
    assert cleaned.paragraphs == [_TITLE, _FIRST, _LAST]
    assert cleaned.authors == ()


def test_only_the_closing_paragraphs_are_read() -> None:
    middle = f"{_FIRST} (By Chen Hao, translated by Lu Mei)"
    lines = [_TITLE, middle, _LAST, _LAST + " Demand held.", _LAST + " Ports grew.",
             _LAST + " Rail grew."]
    cleaned = clean_lines(lines)
    assert cleaned.paragraphs == lines
    assert cleaned.authors == ()


def test_a_byline_in_the_head_wins() -> None:
    cleaned = clean_lines([_TITLE, "By Li Na", _FIRST,
                           f"{_LAST} (By Chen Hao, translated by Lu Mei)"])
    assert cleaned.authors == ("Li Na",)
    assert cleaned.paragraphs == [_TITLE, _FIRST, _LAST]
