"""The uses of a few names found by ``str.find`` (``names._Uses``) are what the search with
the names' alternation finds, from each position, as the passes advance it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract.names import _Uses
from zjopen.lexicon.patterns import trie_alternation

_NAMES = ["Geely", "Geelyx", "Haitian", "Hai", "JXEDZ", "JX", "R&D", "China-CEEC Expo",
          "China-CEEC", "Minth", "NHVG", "Ab", "A"]
_TEXT = st.lists(st.sampled_from([*_NAMES, " ", "-", "_", "x", "9", "é", ".", "(", ")", "\n",
                                  "s", "Geely's"]), max_size=30).map("".join)


@given(_TEXT, st.lists(st.sampled_from(_NAMES), min_size=1, max_size=12, unique=True),
       st.data())
def test_the_uses_are_the_alternation_s(text: str, names: list[str], data: st.DataObject
                                        ) -> None:
    pattern = re.compile(rf"(?:{trie_alternation(names)})(?![\w-])")
    uses = _Uses(text, names)
    position = 0
    while True:
        match = pattern.search(text, position)
        use = uses.search(position)
        assert use == (None if match is None else (match.start(), match.group()))
        if use is None:
            break
        # on by one character (as after a use inside a word), or past the use
        step = data.draw(st.booleans())
        position = use[0] + 1 if step else use[0] + len(use[1])
