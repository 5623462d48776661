"""Which figure a change is the growth of (``Metric.of``): the nearest level in its
sentence, but the amount a conversion in brackets restates, not the conversion, and in a
"respectively" list the amount in the same place in the list before (or after)."""

from __future__ import annotations

import pytest

import zjopen

# (sentence, the change as written, the text of the figure it is the growth of)
ROWS = [
    ("Exports reached 24.9 billion yuan ($3.44 billion), up 6.7 percent.",
     "6.7 percent", "24.9 billion yuan"),
    ("Imports hit $3.2 billion (about 22.1 billion yuan) in 2023, an increase of 4.1 percent.",
     "4.1 percent", "$3.2 billion"),
    ("Trade totaled 142.6 billion yuan (20.1 billion U.S. dollars), a year-on-year rise of "
     "30.8 percent.", "30.8 percent", "142.6 billion yuan"),
    # "respectively": the changes paired in order with the amounts before them
    ("Exports came to 120.4 billion yuan and imports to 41.7 billion yuan, up 8.1 percent "
     "and 12.9 percent, respectively.", "8.1 percent", "120.4 billion yuan"),
    ("Exports came to 120.4 billion yuan and imports to 41.7 billion yuan, up 8.1 percent "
     "and 12.9 percent, respectively.", "12.9 percent", "41.7 billion yuan"),
    ("The two terminals handled 1.5 million TEUs and 2.2 million TEUs respectively, rises "
     "of 4 percent and 6 percent.", "4 percent", "1.5 million TEUs"),
    ("Sales reached 3.1 billion yuan ($430 million) and 1.2 billion yuan ($167 million), "
     "up 15 percent and 9 percent respectively.", "15 percent", "3.1 billion yuan"),
    # ... or with the amounts after them
    ("Exports and imports grew by 21.5 percent and 9.4 percent to 60.3 billion yuan and "
     "12.8 billion yuan, respectively.", "9.4 percent", "12.8 billion yuan"),
    ("Exports and imports grew by 21.5 percent and 9.4 percent to 60.3 billion yuan and "
     "12.8 billion yuan, respectively.", "21.5 percent", "60.3 billion yuan"),
    # negatives: a bracketed amount that restates nothing, and two amounts of their own
    ("Sales were 5 billion yuan, while profit (2 billion yuan) rose 3 percent.",
     "3 percent", "2 billion yuan"),
    ("Exports hit 24.9 billion yuan and imports 3.44 billion yuan, up 6.7 percent.",
     "6.7 percent", "3.44 billion yuan"),
    # no "respectively": each change is of the amount nearest it
    ("Exports hit 24.9 billion yuan, up 6.7 percent, and imports 3.44 billion yuan, up 2 "
     "percent.", "6.7 percent", "24.9 billion yuan"),
]


@pytest.mark.parametrize(("text", "change", "base"), ROWS)
def test_change_is_of(text: str, change: str, base: str) -> None:
    article = zjopen.parse(text)
    by_text = {m.text: m for m in article.metrics}
    of = by_text[change].of
    assert of is not None
    assert article.metric(of).text == base  # type: ignore[union-attr]
