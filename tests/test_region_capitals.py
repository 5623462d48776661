"""The region pass's words read in C: the candidates' capital test (``_capitalised``) and
the possessives found at each apostrophe (``_possessives``) are the plain per-word
tests they replaced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._region_words import Words, _capitalised, _possessives

_WORDS = st.lists(st.text(alphabet="aZé杭'sSÀ", min_size=1, max_size=6), max_size=30)


@given(_WORDS, st.data())
def test_the_capital_test_is_the_per_word_one(texts: list[str], data: st.DataObject) -> None:
    found = sorted(data.draw(st.sets(st.integers(0, max(0, len(texts) - 1)))
                             if texts else st.just(set[int]())))
    expected = [i for i in found if texts[i][:1].isupper() or not texts[i][:1].isascii()]
    assert _capitalised(found, texts, False) == expected
    if all(t.isascii() for t in texts):
        assert _capitalised(found, texts, True) == expected


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
