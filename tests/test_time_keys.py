"""The key patterns the time scan is chosen by (a month word only where no letter
follows it) find, in one search, what the loop over their plain tries finds
(:func:`zjopen.extract.times._key`): the same key, at the same place."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract.times import _ANY_KEY, _GROUP_OF, _GROUPS, _OTHER_KEYS, _key
from zjopen.lexicon.patterns import ascii_lower, trie_alternation

_PLAIN_ANY = re.compile(trie_alternation(list(_GROUP_OF)))
_PLAIN_OTHER = [re.compile(trie_alternation([key for key, group in _GROUP_OF.items()
                                              if group != index]))
                for index in range(len(_GROUPS))]

_PIECES = [*_GROUP_OF, "market", "mayor", "marches", "junes", "decade", "novel", "octet",
           "septa", "sept.", "a", "e", "s", "x", "2023", "é", "q1", "h", "1", "by", "y"]
_GAPS = st.sampled_from(["", " ", "", ".", "-", "\n", "s", "e"])
_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from(_PIECES), _GAPS), max_size=12).map(
        lambda items: "".join(piece + gap for piece, gap in items)),
    st.text(alphabet=st.sampled_from("marchjunedecoptvyab .1é"), max_size=30))


def _found(match: re.Match[str] | None) -> tuple[int, str] | None:
    return None if match is None else (match.start(), match.group())


@settings(max_examples=1000)
@given(_TEXT, st.integers(0, 30))
def test_the_key_patterns_find_what_the_trie_loop_finds(text: str, start: int) -> None:
    low = " " + ascii_lower(text)
    start = min(start, len(low))
    assert _found(_ANY_KEY.search(low, start)) == _found(_key(_PLAIN_ANY, low, start))
    for index in range(len(_GROUPS)):
        assert (_found(_OTHER_KEYS[index].search(low, start))
                == _found(_key(_PLAIN_OTHER[index], low, start)))
