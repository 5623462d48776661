"""The cheap tests the figure extractor runs before (or instead of) a pattern say what
the pattern says: literal look-ups for the rank hints, the last filler word before
FILLER, and the ASCII reading of INDICATOR_TRIM."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_words import (
    AMOUNT_CHANGE,
    AMOUNT_CHANGE_ENDS,
    ANY_QUALIFIER,
    BASE_LEFT,
    BASE_LEFT_ENDS,
    FILLER,
    FILLER_ENDS,
    INDICATOR_TRIM,
    MADE_UP,
    MADE_UP_ENDS,
    MAY_RANK,
    QUALIFIER_ENDS,
    RANK_HINTS,
    TARGET,
    TARGET_GAPPED,
    TARGET_RIGHT,
    TO_LEVEL,
    TO_LEVEL_ENDS,
)
from zjopen.extract._indicators import trim
from zjopen.extract._kinds import (
    may_have_target_after,
    may_have_target_words,
)
from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import ascii_lower

_WORDS = (
    "rank plac came coming stood standing top no. larg bigg busi high most 's first put "
    "1st 2nd 3rd 4th 5th 10th 0th just only a total of totaling totalled total to by at "
    "is was were reached hit will would expected expects aims aim to plan target goal "
    "envisaged are set is set projected forecast more than about 5 2023 yuan , ; ( ) "
    "up rose increased grew from by over nearly roughly some just an average of "
    "increase of a decline fell reached hit made up accounting accounts for at least "
    "no more than exceeded topped under close estimated wants plans planned seeks striving "
    "intend intends envisages targets goals realized be its exports 5% grow are is to be "
    "expected set planned claim willing airplane explanation asset settle aimless"
).split()
_GAPS = st.sampled_from([" ", " ", "  ", "", ", ", "-", ".", "\n", "\u00a0", "\t"])
_SOUP = st.lists(st.tuples(st.sampled_from(_WORDS), _GAPS), max_size=30).map(
    lambda items: "".join(word + gap for word, gap in items))
_TEXT = st.one_of(_SOUP, st.text(alphabet=st.sampled_from("abo1 2,._-sthndr0'\u00a0"),
                                 max_size=40))


@settings(max_examples=400)
@given(_TEXT)
def test_rank_hints_say_what_may_rank_says(text: str) -> None:
    low = ascii_lower(text)
    assert any(hint in low for hint in RANK_HINTS) == (MAY_RANK.search(low) is not None)


@settings(max_examples=400)
@given(_TEXT)
def test_filler_matches_only_after_a_filler_word(text: str) -> None:
    low = ascii_lower(text)
    if not low.rstrip().endswith(FILLER_ENDS):
        assert FILLER.search(low) is None
        assert FILLER.sub("", low) == low


_PHRASE_WORDS = (
    "The the Total total of Of its city's City’s Ningbo's exports Exports imports "
    "worth Worth over about ABOUT more than reach will be were with and a an at "
    "ſtate Kelvin \u212a İzmir é"
).split()


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PHRASE_WORDS), max_size=8))
def test_trim_is_indicator_trim(words: list[str]) -> None:
    phrase = " ".join(words)
    assert trim(phrase) == INDICATOR_TRIM.sub("", phrase)


_ENDED = [(ANY_QUALIFIER, QUALIFIER_ENDS), (BASE_LEFT, BASE_LEFT_ENDS),
          (AMOUNT_CHANGE, AMOUNT_CHANGE_ENDS), (TO_LEVEL, TO_LEVEL_ENDS),
          (MADE_UP, MADE_UP_ENDS)]


# Texts shaped as these patterns' matches: a verb or noun, a preposition, a hedge.
_SPACES = st.sampled_from([" ", " ", "  ", "\t", "\n", "\u00a0", "", "-", ","])
_ENDING = st.tuples(
    _TEXT,
    st.sampled_from("up rose increased grew fell declined increase decline a an made "
                    "accounting reached hit at no not close as more fewer less".split()),
    _SPACES,
    st.sampled_from("from by of to up for than least most many more estimated".split()),
    _SPACES,
    st.sampled_from(["", "about ", "over ", "nearly ", "just ", "only ", "an average of ",
                     "more than ", "some ", "roughly ", "than "]),
    _SPACES,
).map("".join)


@pytest.mark.parametrize(("pattern", "ends"), _ENDED)
@settings(max_examples=600)
@given(text=st.one_of(_TEXT, _ENDING))
def test_ended_patterns_match_only_after_their_last_words(
        pattern: re.Pattern[str], ends: tuple[str, ...], text: str) -> None:
    low = ascii_lower(text)
    if not low.rstrip().endswith(ends):
        assert pattern.search(low) is None


def _vocabulary() -> tuple[list[str], list[str]]:
    words = load_json("figure_words.json")
    changes = words["changes"]
    heads = [*changes["rise"], *changes["fall"], *changes["nouns"], *changes["to_level"],
             *words["shares"]["made_up"],
             *(w for group in words["qualifiers"]["order"] for w in group["words"])]
    hedges = [*words["qualifiers"]["after_change"], *words["qualifiers"]["fillers"]]
    return [w.replace("*", "ed") for w in heads], hedges


@pytest.mark.parametrize(("pattern", "ends"), _ENDED)
def test_ended_patterns_on_every_short_phrase_of_their_words(
        pattern: re.Pattern[str], ends: tuple[str, ...]) -> None:
    """Every head word, then a preposition, then a hedge, then white space: each text
    the pattern matches ends with one of its last words."""
    heads, hedges = _vocabulary()
    matched = 0
    for head in heads:
        for preposition in ("", "from ", "by ", "of ", "to ", "an ", "a "):
            for hedge in ("", *(h + " " for h in hedges)):
                for space in ("", " ", "\u00a0 "):
                    text = f"the {head} {preposition}{hedge}{space}"
                    if pattern.search(text) is not None:
                        matched += 1
                        assert text.rstrip().endswith(ends), text
    assert matched


_WORD_TAIL = re.compile(r"[A-Za-z0-9]*")


@settings(max_examples=600)
@given(_TEXT, st.integers(0, 60), st.integers(0, 60))
@example("rank first by claim airplane willing ", 0, 33)
def test_no_target_hint_no_target_word(text: str, a: int, b: int) -> None:
    low = ascii_lower(text)
    a, b = sorted((min(a, len(low)), min(b, len(low))))
    # A window ends where a figure starts, never inside a word (a figure glued to letters
    # is none): the pretests read whole runs of letters, and "will" cut from "willing"
    # by a window's end is no word of the sentence.
    tail = _WORD_TAIL.match(low, b) if b > 0 and low[b - 1 : b].isalnum() else None
    b = tail.end() if tail is not None else b
    if not may_have_target_words(low):
        assert [*TARGET.finditer(low, a, b)] == []
        assert TARGET_GAPPED.search(low, a, b) is None
    if not may_have_target_after(low):
        assert [*TARGET_RIGHT.finditer(low, a, b)] == []


def test_every_target_word_holds_a_hint() -> None:
    words = load_json("figure_words.json")["targets"]
    for word in words["before"]:
        text = f"it {word.replace('*', 'ed')} grow"
        assert TARGET.search(text), word
        assert may_have_target_words(text), word
    for word in words["after"]:
        for space in (" ", "\n", "\u00a0"):
            text = f"5% {word.replace(' ', space)} grow"
            assert TARGET_RIGHT.search(text), word
            assert may_have_target_after(text), word
    for word in words["gapped"]:
        text = f"it {word} its exports to grow"
        assert TARGET_GAPPED.search(text), word
        assert may_have_target_words(text), word
