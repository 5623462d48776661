"""The region pass keeps a sentence's places outside names all at once
(:func:`outside_names`): exactly the hits :func:`inside_a_name` keeps one by one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._region_words import Runs, Words, inside_a_name, matches, outside_names

_PIECES = ["Ningbo", "Zhoushan", "Hong", "Kong", "People's", "Republic", "of", "China", "U",
           "S", "New", "York", "Taizhou", "city", "Customs", "Group", "Mayor", "Tang", "in",
           "Bank", "Port", "port", "China's", "Yiwu", "Madrid", "The", "In", "And", "Sino",
           "district", "yuan", "dollars", "Euros", "DOLLAR", "Yuan", "Pilot", "Free", "Trade",
           "Zone", "exports", "the"]
_GAPS = [" ", " ", " ", "-", ".", " - ", "'s ", ", ", "  ", " (", ") ", "$", ". "]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), min_size=1,
                max_size=16), st.booleans(), st.integers(0, 3), st.integers(0, 3))
def test_the_places_kept_are_those_inside_a_name_keeps(parts: list[tuple[str, str]],
                                                      title: bool, cut_lo: int,
                                                      cut_hi: int) -> None:
    text = "".join(w + g for w, g in parts)
    words = Words(text)
    lo, hi = 0, len(words.starts)
    lo, hi = min(cut_lo, hi), max(min(cut_lo, hi), hi - cut_hi)
    hits = list(matches(text, words, lo, hi, words.candidates_in(lo, hi)))
    runs = Runs(text, words, lo, hi, {i for h in hits for i in range(h.first, h.last + 1)})
    expected = [(h.code, h.start, h.end) for h in hits
                if not inside_a_name(text, h, runs, title)]
    found: list[tuple[str, int, int]] = []
    outside_names(text, words, lo, hi, hits, title, found)
    assert found == expected
