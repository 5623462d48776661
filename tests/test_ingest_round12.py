"""Round 12's ingest shortcuts give what the regexes they replace give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.ingest._meta_lines import WEEKDAY as _WEEKDAY
from zjopen.ingest.datelines import _ROLE, _any_label, _other_label, strip_labels
from zjopen.ingest.segment import _last_token

# What _last_token was found with: a search in the 14 characters before the dot.
_LAST_TOKEN = re.compile(r"([A-Za-z][A-Za-z.]{0,12})\.\Z")


@given(st.text(st.sampled_from("aB.zQ .x-é1"), max_size=24) | st.text(max_size=24))
def test_the_last_token_is_the_regex_search_s(text: str) -> None:
    for dot in range(len(text)):
        match = _LAST_TOKEN.search(text, max(0, dot - 14), dot + 1)
        assert _last_token(text, dot) == (match[1] if match else None)


_ROLE_PIECES = ["Text", "by", "By", "Written", "Reporter", "Reporters", "Author", "Photo",
                "Photos", "Video", "Editor", "Editors", "Web", "Chief", "Edited", "Translator",
                "Proofread", "Li", "Na", ":", "：", " ", "s", "|", "b", "y", "B", "Y"]


@given(st.lists(st.sampled_from(_ROLE_PIECES), max_size=8).map("".join)
       | st.lists(st.sampled_from(_ROLE_PIECES), max_size=8).map(" ".join) | st.text(max_size=30))
def test_a_role_holds_by_or_a_colon(line: str) -> None:
    # roles() gives None at once for a line with neither: _ROLE finds no role there.
    if not any(mark in line for mark in ("by", "By", ":", "：")):
        assert _ROLE.search(line) is None


_LABEL_PIECES = ["Source", "Updated", "Date", "hits", "来源", "发布日期", "字号", "Editor", " ",
                 "2023-05-16", "x", ":", "：", "Monday", "DAY", "Sunday,"]


@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=8).map("".join)
       | st.lists(st.sampled_from(_LABEL_PIECES), max_size=8).map(" ".join)
       | st.text(max_size=30))
def test_labels_and_weekdays_have_their_literal(text: str) -> None:
    # strip_labels and source_value skip the label patterns on text with no colon;
    # _segments skips _WEEKDAY on text without "day".
    if ":" not in text and "：" not in text:
        assert _any_label().search(text) is None
        assert _other_label().search(text) is None
        assert strip_labels(text) == text
    if "day" not in text.lower():
        assert _WEEKDAY.search(text) is None
