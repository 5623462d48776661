"""Which figure a change is the growth of (``Metric.of``): the nearest level in its
sentence, but the amount a conversion in brackets restates, not the conversion."""

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
    # negatives: a bracketed amount that restates nothing, and two amounts of their own
    ("Sales were 5 billion yuan, while profit (2 billion yuan) rose 3 percent.",
     "3 percent", "2 billion yuan"),
    ("Exports hit 24.9 billion yuan and imports 3.44 billion yuan, up 6.7 percent.",
     "6.7 percent", "3.44 billion yuan"),
]


@pytest.mark.parametrize(("text", "change", "base"), ROWS)
def test_change_is_of(text: str, change: str, base: str) -> None:
    article = zjopen.parse(text)
    by_text = {m.text: m for m in article.metrics}
    of = by_text[change].of
    assert of is not None
    assert article.metric(of).text == base  # type: ignore[union-attr]
