"""The test :func:`zjopen.extract._phrases._ends_with` runs before searching the text
before a quotation with ``quoted_owners`` and ``policy_verb``: where it fails, the search
finds nothing (so the quoted names found are the same)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._phrases import _ends_with, _last_words
from zjopen.extract._tables import raw_words, word_tables

_RAW = raw_words()
_PIECES = [*_RAW["quoted_owners"], *_RAW["policy_verbs"], "the", "a", "an", "The", "LAUNCHED",
           "pre-launched", "relaunched", "carried  out", "of", "Of", "xof", "_of", "\u212aey",
           "\u017fet", "\u0131ssued", "caf\u00e9", "de", "1", "'s", ",", ".", "-", "(", "\u201c"]
_GAPS = [" ", "  ", "\n", "\u00a0", "\t", "", "-", ",", "\u2014"]
_texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=12).map(
    lambda parts: "".join(piece + gap for piece, gap in parts))


@settings(max_examples=3000, deadline=None)
@given(_texts, st.integers(0, 60), st.integers(0, 60))
def test_no_match_where_the_test_fails(text: str, cut_low: int, cut_high: int) -> None:
    owners, verbs = _last_words()
    tables = word_tables()
    high = max(0, len(text) - cut_high)
    low = min(high, cut_low)
    for last, pattern in ((owners, tables.quoted_owners), (verbs, tables.policy_verb)):
        if pattern.search(text, low, high) is not None:
            assert _ends_with(text, low, high, last)


def test_the_test_reads_the_last_word() -> None:
    owners, verbs = _last_words()
    text = 'They launched the "Double Eleven" plan and the practice of "X".'
    quote = text.index('"')
    assert _ends_with(text, 0, quote, verbs)
    assert not _ends_with(text, 0, quote, owners)
    assert not _ends_with(text, 0, quote - 1, verbs)  # no white space before the end
    assert _ends_with("a \u212a ", 0, 4, frozenset({"x"}))  # beyond ASCII: may match
    assert _ends_with("anything", 0, 8, None)
