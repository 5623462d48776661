"""The region pass's possessives, found at each apostrophe before an "s" or "S"
(``_possessives``), are the words the former search of "'s" and "'S" found; a word's end
is its start and its length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._region_words import Words, _possessives


@given(st.text(alphabet="aZsS' ’.é杭-\n", max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_the_possessives_are_the_words_ending_in_apostrophe_s(text: str, a: int,
                                                              b: int) -> None:
    """Each word that ends in "'s" or "'S" (the former search: each "'s" and "'S" of the
    text, the word ending after it), and no other."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    words = Words(text, start, end)
    ends = words.full_ends
    expected = sorted(i for mark in ("'s", "'S")
                      for i, (s, e) in enumerate(zip(words.starts, ends, strict=True))
                      if text[s:e].endswith(mark) and e - s > 2)
    assert _possessives(text, start, end, words.starts, words.full_texts) == expected
    assert words.possessive == expected


def test_real_phrasing() -> None:
    text = "China's exports and Zhejiang'S ports: 'Ningbo's' rock'n'roll it's 杭州's"
    words = Words(text)
    assert [words.full_texts[i] for i in words.possessive] == [
        "China's", "Zhejiang'S", "Ningbo's", "it's"]
    # (a CJK run is a word of its own, "'s" not in it; it begins a place: not ASCII)
    assert [words.texts[i] for i in words.candidates] == ["China", "Zhejiang", "Ningbo", "杭州"]
    assert words.ends[0] == len("China")
    assert words.full_ends[0] == len("China's")
