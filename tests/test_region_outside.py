"""The region pass keeps a sentence's places outside names all at once
(:func:`outside_names`): exactly the hits :func:`inside_a_name` keeps one by one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._region_words import (
    _BEFORE_PARENTHESES_NAME,
    _CLOSES_NAME,
    _CURRENCY,
    _IN_PARENTHESES_NAME,
    _JOINS,
    _LOWER_HEADS,
    _OF_HEADS,
    _TITLES,
    Hit,
    Runs,
    Words,
    matches,
    outside_names,
)


# The test of one hit at a time that outside_names replaced (the region pass's former
# code): the specification it is held to.
def inside_a_name(text: str, hit: Hit, runs: Runs, title: bool) -> bool:
    """Whether the place is part of an organisation's, platform's or person's name:
    "Ningbo Customs", "Ningbo Zhoushan Port", "Hangzhou Bay New Zone", "Xi Jinping",
    "New Jersey", "Bank of China"."""
    # (Each pattern holds a bracket where it is tested first: just before the place, and
    # just after it.)
    if (text[hit.start - 1 : hit.start] == "("
            and _IN_PARENTHESES_NAME.search(text, max(0, hit.start - 40), hit.start)
            and _CLOSES_NAME.match(text, hit.end)):
        return True  # "China (Zhejiang) Pilot Free Trade Zone"
    if "(" in text[hit.end : hit.end + 2] and _BEFORE_PARENTHESES_NAME.match(text, hit.end):
        return True
    words = runs.words
    starts, ends, keys = words.starts, words.ends, words.keys
    first, last = runs.around(hit)
    # A run of the place's own words alone (most) has no other word, and no head.
    others = (runs.not_places(first, last) if first != hit.first or last != hit.last
              else [])
    if others and keys[others[0]] in _TITLES and starts[others[0]] > hit.start:
        return False  # "Ningbo Mayor Tang Feifan": a title and a person
    if others and runs.headed_by_name(first, last):
        return True
    if (last + 1 < runs.hi and text[ends[last] : starts[last + 1]] in _JOINS
            and keys[last + 1] in _LOWER_HEADS):
        return True  # "Ningbo Zhoushan port" names the port, not the cities
    if others and not title:
        return True
    if first - runs.lo > 1 and keys[first - 1] == "of":
        owner = first - 2
        if (text[ends[owner] : starts[first - 1]] in _JOINS
                and text[ends[first - 1] : starts[first]] in _JOINS
                and words.texts[owner][:1].isupper() and keys[owner] in _OF_HEADS):
            return True
    return text[hit.end : hit.end + 1] == "$" or bool(_CURRENCY.match(text, hit.end))


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
