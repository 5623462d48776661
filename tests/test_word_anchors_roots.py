"""word_anchors looks for the longer words of a table only where a shorter word of it
that begins them stands: the same anchors as a pass through the text for every word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._anchors import anchor_keys, word_anchors
from zjopen.extract._tables import TextWords


def each_word(text: str, words: tuple[str, ...]) -> list[int]:
    """The former word_anchors: one pass through the text per word."""
    found = []
    for word in words:
        size = len(word)
        position = text.find(word)
        while position >= 0:
            if position and text[position - 1].isspace():
                after = text[position + size : position + size + 1]
                if not (after.isalnum() or after == "_"):
                    found.append(position)
            position = text.find(word, position + 1)
    return sorted(found)


WORDS = st.lists(st.text(alphabet="abr s", min_size=1, max_size=4), min_size=1, max_size=6)


@given(st.text(alphabet="abrs _-.\n", max_size=80), WORDS)
def test_the_anchors_are_those_of_a_pass_per_word(text: str, words: list[str]) -> None:
    assert word_anchors(text, tuple(words)) == each_word(text, tuple(words))


def test_tables_of_the_extractors() -> None:
    text = ("a reform and reforms, the program, programmes and programme; Co. Company "
            "Corp Cooperation pilot program _reform reform_ reforms")
    for words in [("reform", "reforms", "program", "programme", "pilot program"),
                  ("Group", "Co", "Company", "Corp", "Holdings", "Inc", "Ltd")]:
        assert word_anchors(text, words) == each_word(text, words)


# Words of tables (any words, one beginning with no letter or digit too) and text of them
# with the characters around words that matter: apostrophes ("port's", "port'x", which
# the split reads as one word), letters beyond ASCII, "_", digits, spaces and others.
_TABLE = st.lists(st.sampled_from(["port", "expo", "market", "fair", "pilot", "pilot program",
                                   "program", "programme", "reform", "reforms", "Co", "Co.",
                                   "e-commerce", "a", "-x", "po", "café"]),
                  min_size=1, max_size=6, unique=True)
_ANCHOR_TEXT = st.lists(st.sampled_from(
    ["port", "ports", "export", "expo", "market", "pilot", "program", "programme", "Co",
     "Co.", "e-commerce", "café", "caf", "po", "a", "reform", "'s", "'x", "'", " ", " ",
     "  ", "\n", "\t", ",", "_", "é", "9", "x", "-", "\u3000", "\x00"]),
    max_size=30).map("".join)


@given(_ANCHOR_TEXT, _TABLE)
def test_anchors_looked_for_only_where_a_key_stands(text: str, words: list[str]) -> None:
    """With the words of the text's split that are keys of the table (when the split
    says no word holds an apostrophe): the same anchors as without."""
    table = tuple(words)
    keys = anchor_keys(table)
    split = TextWords.of(text)  # (a table of its own: TextWords keeps tables by their ids)
    present = None if split.tailed else {split.words[i] for i in split.find(keys)}
    assert word_anchors(text, table, present=present) == each_word(text, table)
