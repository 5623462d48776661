"""Shortcuts of the reader that must find exactly what the longer way finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.ingest import _meta_lines, _photo_credits
from zjopen.ingest.datelines import strip_labels
from zjopen.lexicon.patterns import ascii_lower

_PIECES = ["(Xinhua/Li Ming)", "(Photo by Li)", "[Photo/chinadaily.com.cn]", "(photo: x)",
           "(IC)", "(VCG/Wang)", " ", "  ", "(", ")", "[", "]", "Ningbo", "Monday", "MONDAY,",
           "Updated:", "Source：", "10:30 AM", "editor: Li", "date", "by", "/", "\n", "x"]
_LINES = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


@given(st.text())
def test_ascii_lower_by_bytes_is_translating_a_to_z(text: str) -> None:
    assert ascii_lower(text) == text.translate(_ASCII_LOWER)
    assert len(ascii_lower(text)) == len(text)


@given(_LINES)
def test_credits_are_stripped_as_by_the_whole_search(line: str) -> None:
    whole = _photo_credits.CREDIT.sub("", line) if "(" in line or "[" in line else line
    assert _photo_credits.strip_credits(line) == whole.strip()


@given(st.one_of(_LINES, st.text(alphabet="aDdAyY:：0 ", max_size=20)))
def test_a_segment_without_a_colon_loses_only_its_weekday(rest: str) -> None:
    """What a metadata segment's rest becomes when it holds no colon: the time, label
    and editor patterns all need one."""
    if ":" in rest or "：" in rest:
        return
    whole = _meta_lines.WEEKDAY.sub(" ", _meta_lines._TIME.sub(" ", rest))
    assert not _meta_lines._LABEL.search(whole)
    assert not re.match(r"\s*editor\s*:", whole, re.IGNORECASE)
    whole = _meta_lines._LABEL.sub(" ", strip_labels(whole))
    short = _meta_lines.WEEKDAY.sub(" ", rest) if "day" in rest.lower() else rest
    assert short == whole
