"""The head-line reader's literal pretests (zjopen.ingest._meta_lines) are exact: a line with
no "|" is one segment, as the separator pattern's split gives it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.ingest import _meta_lines

_LINES = st.lists(st.sampled_from([" ", "|", " | ", "\t", "\u3000", "\u00a0", "a", "Xinhua",
                                   "2023-05-16", ":", "Updated"]), max_size=12).map("".join)


@given(st.one_of(_LINES, st.text(max_size=30)))
def test_a_line_with_no_bar_is_one_segment(line: str) -> None:
    split = _meta_lines._SEGMENT_SPLIT.split(line)
    if "|" not in line:
        assert split == [line]
    else:
        assert len(split) > 1
