"""The label alternations of the date lines (``datelines._any_label``, ``_other_label``),
built from the label words in lower case (so that ``alt`` groups the words of one first
letter), match what the case-insensitive alternations of the words as written match."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen.ingest import datelines
from zjopen.lexicon.patterns import alt

_WORDS = [w for key in ("date", "source", "author", "other") for w in datelines._labels()[key]]
_ASCII_WORDS = [w for w in _WORDS if w.isascii()]
_PIECES = [*_WORDS, *(w.upper() for w in _ASCII_WORDS[::3]),
           *(w.title() for w in _ASCII_WORDS[1::3]), ":", "：", " :", ": ", " ", "  ", "-", "x",
           "a", "s", "by", "On", "10:05", "2023-05-16", "Xinhua", "浙江", "|", "(", ")"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
@example("Published:2018-12-05 09:48 Source:新区招商局 HITS: size:[ big ]")
@example("发布日期：2023-05-16 浏览次数:Last Updated : x")
def test_the_lower_case_label_words_match_as_the_words_written(text: str) -> None:
    other = datelines._labels()["other"]
    for pattern, words in ((datelines._any_label(), _WORDS), (datelines._other_label(), other)):
        written = re.compile(rf"(?<![A-Za-z]){alt(words)}\s?[:：]", re.IGNORECASE)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in written.finditer(text)]
    assert datelines.strip_labels(text) == _strip_as_written(text)


def _strip_as_written(text: str) -> str:
    words = datelines._labels()
    other = re.compile(rf"(?<![A-Za-z]){alt(words['other'])}\s?[:：]", re.IGNORECASE)
    any_label = re.compile(rf"(?<![A-Za-z]){alt(_WORDS)}\s?[:：]", re.IGNORECASE)
    found = other.search(text)
    return any_label.sub(" ", text[: found.start()] if found else text)
