"""The time and rank scans that begin with a character class find exactly what the
whole-text searches they replace find (``RANK.finditer``, and ``_TIME`` as written,
beginning with ``\\b``): the same expressions, at the same places, of the same entries."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_times import ENTRY_EXAMPLES
from zjopen import quantities
from zjopen.extract._figure_words import RANK
from zjopen.extract._ranks import rank_matches
from zjopen.extract._time_groups import GROUPS as _GROUPS
from zjopen.extract._time_groups import groups as _groups
from zjopen.extract._time_roles import _ORIGIN, is_origin
from zjopen.extract._time_roles import SINCE as _SINCE
from zjopen.extract._time_roles import SINCE_HINT as _SINCE_HINT
from zjopen.extract.times import (
    _ENTRIES,
    _TIME,
    _time_matches,
    _time_scans,
)
from zjopen.lexicon._quantity_words import word_matches
from zjopen.lexicon.patterns import ascii_lower, lower_pattern

_WHOLE_TIME = re.compile(lower_pattern("|".join(f"(?:{pattern}\n)(?P<e_{name}>)"
                                                for name, pattern, _ in _ENTRIES)),
                         re.VERBOSE)

# Words the two patterns read, and others, joined by spaces and punctuation.
_WORDS = (
    "the first second third fourth 1st 2nd 3rd 4th 5th 12th quarter quarters half h1 h2 q1 "
    "q3 months month year years by before end of this last next previous from between and "
    "to through until in for during march may sept. jan dec 5 25 2019 2023 2025 1999 ago "
    "later a two ten on that same day since then ever now today currently at present so "
    "far date over past within decade yuan tons teu ranked ranks ranking came stood put "
    "top no. 1 10 500 one among into china's world's place largest busiest biggest or , "
    "; - ( ) _ é x"
).split()
_GAPS = st.sampled_from([" ", " ", " ", "", ", ", "-", ".", "\n", "_"])
_SOUP = st.lists(st.tuples(st.sampled_from(_WORDS), _GAPS), max_size=40).map(
    lambda items: "".join(word + gap for word, gap in items))
_TEXT = st.one_of(_SOUP, st.text(alphabet=st.sampled_from("ab1 2,._-sthndr0"), max_size=40))


def _described(match: re.Match[str], shift: int) -> tuple[object, ...]:
    groups = {name: (match.start(name) - shift, value)
              for name, value in match.groupdict().items() if value is not None}
    return match.start() - shift, match.end() - shift, sorted(groups.items())


@settings(max_examples=500)
@given(_TEXT)
def test_rank_scan_finds_what_rank_finds(text: str) -> None:
    low = ascii_lower(text)
    scanned = [_described(m, shift) for m, shift in rank_matches(low)]
    whole = [_described(m, 0) for m in RANK.finditer(low)]
    # A RANK_SCAN match begins a character early: compare where its groups are.
    assert [(end, groups) for _, end, groups in scanned] == [
        (end, groups) for _, end, groups in whole]


@settings(max_examples=500)
@given(_TEXT)
def test_time_scan_finds_what_the_whole_text_search_finds(text: str) -> None:
    low = ascii_lower(text)
    spaced, end, scanned = " " + low, 0, []
    while (match := _TIME.search(spaced, end)) is not None:
        # A match begins with the character before its expression: in the spaced
        # text, where the expression begins in the text.
        _, _, groups = _described(match, 1)
        scanned.append((match.lastgroup, match.start(), match.end() - 1, groups))
        end = match.end() - 1
    whole = [(m.lastgroup, *_described(m, 0)) for m in _WHOLE_TIME.finditer(low)]
    assert scanned == whole


def test_the_scans_are_tried_on_matches() -> None:
    low = ("ranked 3rd, 2nd and the 7th; ranks first in china and eighth in "
           "china's top 10 and no. 1")
    shifts = [shift for _, shift in rank_matches(low)]
    assert len([*RANK.finditer(low)]) == len(shifts) == 7
    assert 0 in shifts  # after "and eighth in ", RANK itself finds "china's top 10"
    times = "by 2030, in the first half of 2025 and the same day, 2019-2023"
    assert len([*_WHOLE_TIME.finditer(times)]) == 4


_GROUP_OF = {f"e_{name}": index for index, group in enumerate(_GROUPS) for name in group}


def _has_key(index: int, text: str) -> bool:
    """Whether ``text`` holds the words of group ``index`` of the time scan."""
    return index in _groups(text)


@settings(max_examples=500)
@given(_TEXT)
def test_the_scan_without_the_groups_whose_keys_are_missing_finds_the_same(text: str) -> None:
    low = ascii_lower(text)
    whole = [(m.lastgroup, m.span()) for m in _WHOLE_TIME.finditer(low)]
    for match in _WHOLE_TIME.finditer(low):  # every match holds a key of its group
        assert match.lastgroup is not None
        assert match.lastgroup == "e_year" or _has_key(_GROUP_OF[match.lastgroup],
                                                       match.group())
    assert _time_scans(" " + low) == _time_scans(low)
    assert whole == [(m.lastgroup, (m.start(), m.end() - 1)) for m in _time_matches(low)]


@pytest.mark.parametrize(("name", "phrase"), ENTRY_EXAMPLES.items())
def test_every_entry_but_the_year_has_a_key(name: str, phrase: str) -> None:
    low = ascii_lower(phrase)
    assert (name == "year") != any(_has_key(index, low) for index in range(len(_GROUPS)))
    if name != "year":
        assert _has_key(_GROUP_OF[f"e_{name}"], low)


_NUMBER_WORDS = (
    "one two three ten eleven twenty twenty-one hundred thousand million billion half "
    "third quarter dozens hundreds several double twice triple fold times a an some "
    "money often none phone x- -"
).split()
_NUMBER_SOUP = st.lists(st.tuples(st.sampled_from(_NUMBER_WORDS), _GAPS), max_size=30).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=500)
@given(st.one_of(_NUMBER_SOUP, _TEXT))
def test_number_words_found_where_they_begin_as_by_the_whole_text_search(text: str) -> None:
    low = ascii_lower(text)
    patterns = quantities._patterns()
    found = word_matches(low, patterns.word_starts, patterns.words)
    assert [(m.span(), m.groupdict()) for m in found] == [
        (m.span(), m.groupdict()) for m in patterns.words.finditer(low)]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["since", "SINCE", "ſince", "sİnce", "ſtarting from", "STARTING",
                                 "FROM", "from", "ever", "EVER", "the", "end of", "it",
                                 "its launch", "was set up", "in", "K", "ı", " ", "2019"]),
                max_size=12).map(" ".join))
def test_since_is_only_where_its_hint_is(text: str) -> None:
    if _SINCE.search(text):
        assert _SINCE_HINT.search(ascii_lower(text))


@given(st.text(alphabet=st.sampled_from(list("abc inforundetalshcpy,.\n\t")), max_size=60),
       st.sampled_from(["", "x, which was ", "a sedan ", "it was ", "A.", "(", "un",
                        "first ", "that has been "]),
       st.sampled_from(["founded", "established", "set up", "launched", "incorporated",
                        "opened", "found"]),
       st.sampled_from([" in ", "\tin\n", " in", "in ", " on "]),
       st.sampled_from(["1998, it grew.", "1998 and grew."]))
def test_is_origin_is_its_pattern(noise: str, lead: str, verb: str, join: str,
                                  after: str) -> None:
    # The word test in front of _ORIGIN rules out only texts the pattern cannot match.
    before = noise + lead
    text = before + verb + join + after
    start = len(before + verb + join)
    lowered = text.lower()
    found = _ORIGIN.search(lowered, max(0, start - 48), start)
    assert is_origin(text, lowered, start, start + 4) == (
        found is not None and (found["reduced"] is None or text[start + 4] == ","))
