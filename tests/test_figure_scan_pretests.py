"""The literal tests the figure extractor runs before its slowest searches hold
wherever the search they spare can match (old search as the oracle): a text they turn
away has no match of it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.document import read_document
from zjopen.extract import _sentence_hints, metrics
from zjopen.extract._figure_lists import THE_TOTAL
from zjopen.extract._figure_words import (
    ANY_QUALIFIER,
    CLAUSE_BREAK,
    CLAUSE_START,
    INDICATOR_TRIM,
    INDICATOR_TRIM_AFTER,
    INDICATOR_TRIM_BEFORE,
    LAST_CLAUSE_START,
    MAY_HAVE_NUMBER,
    MAY_HAVE_TIME,
    QUALIFIER_LONGEST,
    QUALIFIERS,
    RANK,
    RANK_MOVE,
    RANK_ORDINALS,
    TARGET_RIGHT,
    TARGET_RIGHT_KEYS,
    clause_break,
)
from zjopen.extract._indicators import _trim_spaced
from zjopen.extract._kinds import (
    _FEWER_RIGHT,
    _LESS_RIGHT,
    _MORE_RIGHT,
    _MORE_THAN_RIGHT,
    may_have_target_after,
)
from zjopen.extract._ranks import may_match_rank, may_rank
from zjopen.extract._sentence_hints import NUMBER, TIME, hints
from zjopen.lexicon._letter_runs import LETTERS_ONLY, letter_runs
from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import ascii_lower, phrase_alt

_RANK_WORDS = (
    "ranked ranks ranking rank placed placing came coming stood standing put puts places "
    "place among the in at top no. No. 1 10 12 500 one of into china's world's province's "
    "first second third fourth fifth sixth seventh eighth ninth tenth 1st 2nd 3rd 4th 11th "
    "21st 3th st nd rd th largest biggest busiest highest most and or from to jan anniversary "
    "advanced rose climbed moved up down jumped fell dropped slipped by two ten five "
    "places ningbo ' - stop laptop tops nos. firstly seconds xth sth é ü Ä "
    f"{' '.join(RANK_ORDINALS)}"
).split()
_GAPS = st.sampled_from([" ", " ", " ", "", ", ", "-", ".", "\n", "\t", "'s ", "é", "\u00a0",
                         "_", "0"])
_SOUP = st.lists(st.tuples(st.sampled_from(_RANK_WORDS), _GAPS), max_size=30).map(
    lambda items: "".join(word + gap for word, gap in items))
_TEXT = st.one_of(_SOUP, st.text(alphabet=st.sampled_from("atop1 2,.no_-sthndr0fiéÜ\n"),
                                 max_size=40))


@settings(max_examples=2000)
@given(_TEXT)
def test_no_rank_where_may_rank_says_none(text: str) -> None:
    low = ascii_lower(text)
    if not may_rank(low):
        assert [*RANK.finditer(low)] == []


@settings(max_examples=2000)
@given(_TEXT)
def test_no_rank_branch_where_may_match_rank_says_none(text: str) -> None:
    low = ascii_lower(text)
    if not may_match_rank(low):
        # At no position does a branch match but a list's "and eighth in" ("also2"),
        # which find_ranks keeps only after another rank.
        for at in range(len(low)):
            match = RANK.match(low, at)
            assert match is None or match.lastgroup == "also2", (low, match)


@pytest.mark.parametrize(("sentence", "may"), [
    ("ningbo port ranked first in the world by cargo throughput", True),
    ("the city is among the top 10 in china", True),
    ("it became the country's second-largest port", True),
    ("the park took third place in the contest", True),
    ("china's first cross-border e-commerce zone opened here", True),
    ("the no. 1 port by tonnage", True),
    ("from 11th in 2012 to 4th in 2016", True),
    ("in the first half of the year, exports grew", False),
    ("the second phase and the third phase began", False),
    ("the first batch arrived, and the second followed", False),
])
def test_rank_branches_told_from_their_words(sentence: str, may: bool) -> None:
    assert may_match_rank(sentence) is may


def test_rank_anchors_found_as_runs() -> None:
    assert may_rank("ranked 12th in the country")
    assert may_rank("no. 1 port")
    assert may_rank("the top 10 firms")
    assert not may_rank("laptop sales stopped, firstly")
    assert not may_rank("there is no 1 answer")


@settings(max_examples=500)
@given(_TEXT)
def test_no_rank_move_without_plac(text: str) -> None:
    low = ascii_lower(text)
    if "plac" not in low:
        assert [*RANK_MOVE.finditer(low)] == []


_TRIM_VOCABULARY = sorted({
    *INDICATOR_TRIM_BEFORE, *(w for p in INDICATOR_TRIM_AFTER for w in p.split()),
    *INDICATOR_TRIM_AFTER, "The", "TOTAL", "Of", "city's", "Ningbo'S", "'s", "s's", "x's",
    "exports", "Exports", "imports", "value", "trade", ",", ";", ":", "of,", "a,", "'",
    "An", "WILL", "Reach", "more", "than", "up", "to", "them", "A",
})
_TOKENS = st.one_of(st.sampled_from(_TRIM_VOCABULARY),
                    st.text(alphabet=st.sampled_from("aos',;:T"), min_size=1, max_size=4))


@settings(max_examples=3000)
@given(st.lists(_TOKENS, min_size=1, max_size=9))
def test_trim_spaced_is_indicator_trim(words: list[str]) -> None:
    phrase = " ".join(words)  # as _noun_phrase joins its words: ASCII, single spaces
    assert _trim_spaced(phrase) == INDICATOR_TRIM.sub("", phrase)
    stripped = phrase.strip(" ,;:")
    assert _trim_spaced(stripped) == INDICATOR_TRIM.sub("", stripped)


_TARGET_RIGHT_KEY = re.compile(r"(?<![a-z])(?:expected|planned|projected|set|will|expect"
                               r"|expects|be)(?![a-z])")
"""What may_have_target_after tests (the oracle): one word of each tail of TARGET_RIGHT,
written out, with no letter a-z on either side."""
_TARGET_WORDS = (
    "expects expect expected projected planned set to be will is are tobe expect-to "
    "asset offset settle expects\tto to\nbe wil l exports rose 5% , . willing bet "
    "be5 5be \u00e9be"
).split()
_TARGET_TEXT = st.lists(st.tuples(st.sampled_from(_TARGET_WORDS), _GAPS), max_size=20).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=1500)
@given(st.one_of(_TARGET_TEXT, st.text(alphabet=st.sampled_from("tobe xpcsd\n\u00a0"),
                                       max_size=30)))
def test_may_have_target_after_is_a_tail_word_test(text: str) -> None:
    low = ascii_lower(text)
    assert may_have_target_after(low) == (_TARGET_RIGHT_KEY.search(low) is not None)
    if TARGET_RIGHT.search(low) is not None:
        assert may_have_target_after(low)


def test_the_tail_words_are_the_oracle_s() -> None:
    words = {b"expected", b"planned", b"projected", b"set", b"will", b"expect", b"expects",
             b"be"}
    assert words == TARGET_RIGHT_KEYS


_THE_TOTAL = re.compile(r"\bthe\s(?:total|figure|amount|value|sum)\b")
_TOTAL_WORDS = "the The xthe _the 1the total figure amount value sum sums totals a".split()
_TOTAL_TEXT = st.lists(st.tuples(st.sampled_from(_TOTAL_WORDS), _GAPS), max_size=12).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=1500)
@given(st.one_of(_TOTAL_TEXT, st.text(alphabet=st.sampled_from("the otalsum_\n-é"),
                                      max_size=30)))
def test_the_total_finds_what_its_old_form_finds(text: str) -> None:
    assert [m.span() for m in THE_TOTAL.finditer(text)] == [
        m.span() for m in _THE_TOTAL.finditer(text)]


_QUALIFIER_WORDS = (
    "at least no less than not fewer more up to most as many much over above exceeding "
    "exceeded tops topped upwards of in excess beyond nearly almost about around some "
    "approximately roughly close to an estimated less under below just a total 5 yuan "
    "xover over- -over about_ , ( é"
).split()
_QUALIFIER_GAPS = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\u00a0", "\t", "-", ","])
_QUALIFIER_TEXT = st.lists(st.tuples(st.sampled_from(_QUALIFIER_WORDS), _QUALIFIER_GAPS),
                           max_size=14).map(lambda items: "".join(w + g for w, g in items))


@settings(max_examples=2000)
@given(_QUALIFIER_TEXT)
def test_qualifiers_found_from_their_longest_before_the_end(text: str) -> None:
    low = ascii_lower(text)
    at = max(0, len(low.rstrip()) - QUALIFIER_LONGEST)
    for pattern in (ANY_QUALIFIER, *(p for p, _ in QUALIFIERS)):
        found, old = pattern.search(low, at), pattern.search(low)
        assert (found and found.span()) == (old and old.span())


_HINT_WORDS = (
    "one someone two three ten often tenth half quarter quarters decade decades year "
    "years yearly since month jan january feb mar may june jul aug sep sept oct nov dec "
    "first top stop place places rank ranking largest fold twofold doubled billion "
    "hundred exports rose imports the a and trade city dozen dozens hundreds thousand "
    "million twice double third twenty today now last next this percent of in an ago later "
    "nine-ty tenfold oneé é ü ß İ K 5 2024"
).split()
_HINT_GAPS = st.sampled_from([" ", " ", "", "  ", "\n", "\u00a0", "\t", ",", "-", ".", "é",
                              "0", "_", "'"])
_HINT_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from(_HINT_WORDS), _HINT_GAPS), max_size=16).map(
        lambda items: "".join(w + g for w, g in items)),
    st.text(alphabet=st.sampled_from("onetwyarhfqumié0 ,\n\u00a0"), max_size=30))


def _old_hints(low: str) -> int:
    """What extract_metrics read before: the two tries searched through the sentence."""
    if MAY_HAVE_NUMBER.search(low) is not None:
        return NUMBER
    return TIME if MAY_HAVE_TIME.search(low) is not None else 0


@settings(max_examples=2000)
@given(_HINT_TEXT)
def test_sentence_hints_are_the_tries_searches(text: str) -> None:
    low = ascii_lower(text)
    assert hints(low) == _old_hints(low)  # with the words seen before, or not
    assert hints(low) == _old_hints(low)  # with them all known
    # ... and with the runs split by the caller from its document's translated text
    before = "Ningbo, \u00e9 "
    letters = ascii_lower(before + text).encode("ascii", "replace").translate(LETTERS_ONLY)
    words = letters[len(before):].split()
    assert frozenset(words) == letter_runs(low + " ")  # the runs letter_runs makes
    letter_runs("")  # (none kept for low)
    assert hints(low, words) == _old_hints(low)
    if hints(low, words):
        assert letter_runs(low) == frozenset(words)  # kept, as letter_runs makes them


@settings(max_examples=300)
@given(st.lists(_HINT_TEXT, max_size=8))
def test_sentence_hints_the_same_when_the_tables_start_afresh(texts: list[str]) -> None:
    kept = _sentence_hints._KEPT
    _sentence_hints._KEPT = 3
    _sentence_hints._NONE.clear()
    _sentence_hints._FLAGS.clear()
    try:
        for text in texts:
            low = ascii_lower(text)
            assert hints(low) == _old_hints(low)
            assert len(_sentence_hints._NONE) <= 3
            assert len(_sentence_hints._FLAGS) <= 3
    finally:
        _sentence_hints._KEPT = kept


_CLAUSES = load_json("figure_words.json")["clauses"]
_OLD_CLAUSE_START = re.compile(rf"[,;:(]\s|\b{phrase_alt(_CLAUSES['starts'])}\s")
_CLAUSE_WORDS = (
    "while whereas which as but and compared xas as_ was has bbut whichever While As "
    "exports rose , ; : ( ) 5% a"
).split()
_CLAUSE_GAPS = st.sampled_from([" ", " ", "", "  ", "\n", "\u00a0", "\t", ",", ";", ":", "("])
_CLAUSE_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from(_CLAUSE_WORDS), _CLAUSE_GAPS), max_size=16).map(
        lambda items: "".join(w + g for w, g in items)),
    st.text(alphabet=st.sampled_from("whileasbut ,;:(\n_"), max_size=30))


@settings(max_examples=2000)
@given(_CLAUSE_TEXT, st.integers(0, 80), st.integers(0, 80))
def test_clause_start_finds_what_its_old_form_finds(text: str, a: int, b: int) -> None:
    low = ascii_lower(text)
    a, b = sorted((a, b))
    found = [m.span() for m in _OLD_CLAUSE_START.finditer(low, a, b)]
    assert [m.span() for m in CLAUSE_START.finditer(low, a, b)] == found
    last = LAST_CLAUSE_START.match(low, a, b)
    assert (last and last.end()) == (found[-1][1] if found else None)


_RIGHT_WORDS = "more less fewer than moreover lesser few m l f yuan of the , -".split()
_RIGHT_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from(_RIGHT_WORDS), _HINT_GAPS), max_size=8).map(
        lambda items: "".join(w + g for w, g in items)),
    st.text(alphabet=st.sampled_from("morelsfwth \n\t\u00a0"), max_size=20))


@settings(max_examples=1500)
@given(_RIGHT_TEXT)
def test_more_less_fewer_only_after_m_l_or_f(text: str) -> None:
    right = ascii_lower(text)
    if right.lstrip()[:1] not in ("m", "l", "f"):
        for pattern in (_MORE_THAN_RIGHT, _MORE_RIGHT, _FEWER_RIGHT, _LESS_RIGHT):
            assert pattern.match(right) is None


_SENTENCE = st.lists(st.sampled_from([*_HINT_WORDS, "5", "2023", "x1", "Exports", "rose"]),
                     min_size=1, max_size=8).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1,
                max_size=4).map("\n\n".join))
def test_sentences_read_are_those_with_a_digit_or_a_hint(text: str) -> None:
    doc = read_document(text)
    read: list[str] = []
    namespace = vars(metrics)  # (find_times as extract_metrics reads it)
    real = namespace["find_times"]

    def recorded(sentence: str, *args: object, **kwargs: object) -> object:
        read.append(sentence)
        return real(sentence, *args, **kwargs)

    namespace["find_times"] = recorded
    try:
        metrics.extract_metrics(doc)
    finally:
        namespace["find_times"] = real
    lowered = doc.lower
    assert read == [doc.norm[s.start : s.end] for s in doc.sentences
                    if re.search("[0-9]", lowered[s.start : s.end])
                    or _old_hints(lowered[s.start : s.end])]


_BREAK_WORDS = ("; , and while While whereas but compared Whilst awhile meanwhile exports rose "
                "5% in 2023 , and imports fell").split()
_BREAK_TEXT = st.lists(st.tuples(st.sampled_from(_BREAK_WORDS), _GAPS), max_size=24).map(
    lambda items: "".join(word + gap for word, gap in items))


@settings(max_examples=1500)
@given(st.one_of(_BREAK_TEXT, st.text(alphabet=st.sampled_from("while ,;\n\u00a0and"),
                                      max_size=40)),
       st.integers(0, 80), st.integers(0, 80))
def test_clause_break_finds_what_the_whole_pattern_finds(text: str, a: int, b: int) -> None:
    a, b = sorted((a, b))
    whole = [m.span() for m in CLAUSE_BREAK.finditer(text, a, b)]
    assert [m.span() for m in clause_break(text, a, b).finditer(text, a, b)] == whole
    found = clause_break(text, a, b).search(text, a, b)
    assert (found.span() if found else None) == (whole[0] if whole else None)


def test_clause_break_of_news_phrasing() -> None:
    text = "Exports rose 5%, while imports fell 2% in 2023."
    assert clause_break(text, 0, len(text)) is CLAUSE_BREAK
    assert clause_break(text, 23, len(text)) is not CLAUSE_BREAK  # "while" before the window
    text = "Exports rose 5%; imports fell."
    found = clause_break(text, 0, 30).search(text, 0, 30)
    assert found is not None
    assert found.start() == 15
    text = "Exports rose 5% and imports fell."
    assert clause_break(text, 0, 33).search(text, 0, 33) is None
