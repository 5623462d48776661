"""Round 12's ingest shortcuts give what the regexes they replace give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.ingest.datelines import _ROLE
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
