"""The word splits of the region pass (``_TOKEN_SPLIT``, ``_ASCII_TOKEN_SPLIT``) and of
the name passes (``WORD_SPLIT``) use possessive runs, which spare the regex engine its
backtracking state: the same pieces as the plain greedy patterns they stand for, over
text made to trip them (letters beyond ASCII and the characters between them, CJK,
apostrophes, "'s" before a word character or not, digits, hyphens, underscores, line
breaks), and the same words, offsets and candidates for a block of a text."""

from __future__ import annotations

import re
import unittest.mock

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract import _region_words, _tables
from zjopen.extract._region_index import (
    _ASCII_TOKEN_SPLIT,
    _TOKEN_SPLIT,
    _WORD_RUN,
    ascii_words,
    plain_words,
)
from zjopen.extract._region_words import Words
from zjopen.extract._tables import _FAST_WORD_SOURCE, _WORD_SOURCE, WORD_SPLIT, TextWords

_GREEDY_TOKEN_SPLIT = re.compile(f"({_WORD_RUN})")
_GREEDY_ASCII_SPLIT = re.compile(r"([A-Za-z]+(?:'[A-Za-z]+)*)")
_GREEDY_WORD = re.compile(_WORD_SOURCE)
_GREEDY_WORD_SPLIT = re.compile(f"({_WORD_SOURCE})")

_TRICKY = "aZksSéÀÖ×Øöø÷ÿĀ'’ -_.,\n09中\u3400\u9fff\ua000"
_TEXT = (st.text(st.sampled_from(_TRICKY), max_size=60)
         | st.lists(st.sampled_from(["China", "'s", "'S", "s", "'", "''", "rock'n'roll", "G20",
                                     "5G", "don't", "Xi'shan", "s_", "Nestlé", "São", "é",
                                     " ", "-", "\n", "2023", "中国", "x'2", "1'ab", "'sé"]),
                    max_size=30).map("".join)
         | st.text(max_size=40))
_ASCII_TEXT = (st.text(st.sampled_from("aZksS' -_.,\n09"), max_size=60)
               | st.text(st.characters(max_codepoint=127), max_size=40))


@given(_TEXT)
def test_region_split_is_the_greedy_split(text: str) -> None:
    assert _TOKEN_SPLIT.split(text) == _GREEDY_TOKEN_SPLIT.split(text)


@given(_ASCII_TEXT)
def test_ascii_region_split_is_the_greedy_split(text: str) -> None:
    assert _ASCII_TOKEN_SPLIT.split(text) == _GREEDY_ASCII_SPLIT.split(text)


@given(_TEXT)
def test_name_split_is_the_greedy_split(text: str) -> None:
    assert WORD_SPLIT.split(text) == _GREEDY_WORD_SPLIT.split(text)
    assert [m.span() for m in re.finditer(_FAST_WORD_SOURCE, text)] == [
        m.span() for m in _GREEDY_WORD.finditer(text)]


def _words(words: Words) -> tuple[object, ...]:
    return (words.starts, words.ends, words.full_ends, words.texts, words.keys, words.raws,
            words.possessive, words.candidates)


@given(_TEXT | _ASCII_TEXT, st.integers(0, 70), st.integers(0, 70))
def test_region_words_of_a_block_are_the_greedy_splits(text: str, start: int,
                                                        length: int) -> None:
    """A block of a text (``Words(text, start, end)``, as the region pass reads the
    text in blocks): the same words as with the greedy patterns."""
    start = min(start, len(text))
    end = min(len(text), start + length)
    found = Words(text, start, end)
    with unittest.mock.patch.multiple(_region_words, _TOKEN_SPLIT=_GREEDY_TOKEN_SPLIT,
                                      ascii_word_starts=_greedy_ascii_word_starts,
                                      plain_word_starts=lambda text, start: None):
        expected = Words(text, start, end)
    assert _words(found) == _words(expected)


def _greedy_ascii_words(text: str, start: int) -> tuple[list[str], list[int], list[int]]:
    """``ascii_words`` by its definition: the greedy split's words, offsets summed."""
    parts = _GREEDY_ASCII_SPLIT.split(text)
    offsets = [start]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return parts[1::2], offsets[1:-1:2], offsets[2::2]


def _greedy_ascii_word_starts(text: str, start: int) -> tuple[list[str], list[int]]:
    """``ascii_word_starts`` by its definition (``_greedy_ascii_words``, no ends)."""
    words, starts, _ = _greedy_ascii_words(text, start)
    return words, starts


@given(_TEXT, st.integers(1, 8))
def test_text_words_are_the_greedy_splits(text: str, piece: int) -> None:
    """``TextWords.of`` (in one piece, and a piece at a time): the same words, gaps and
    offsets as with the greedy pattern."""
    for size in (1 << 16, piece):
        with unittest.mock.patch.object(_tables, "_PIECE", size):
            found = TextWords.of(text)
            with unittest.mock.patch.object(_tables, "WORD_SPLIT", _GREEDY_WORD_SPLIT):
                expected = TextWords.of(text)
        assert (found.words, found.gaps, list(found.ends)) == (
            expected.words, expected.gaps, list(expected.ends))


@given(_TEXT)
def test_fast_word_finds_the_greedy_words(text: str) -> None:
    """``words_of``'s pattern (its first character a class of its own, so that the engine
    skips to where one stands; possessive runs): WORD's words, at WORD's places."""
    assert [m.span() for m in _tables._FAST_WORD.finditer(text)] == [
        m.span() for m in _GREEDY_WORD.finditer(text)]
    assert _tables._FAST_WORD.findall(text) == _GREEDY_WORD.findall(text)


@given(st.lists(_TEXT, max_size=6))
def test_words_of_is_the_greedy_findall_cached_or_not(texts: list[str]) -> None:
    """``words_of`` (kept for the next call with the same text when short, the table
    emptied when full): ``tuple(WORD.findall(text))`` each time, first call or later."""
    with (unittest.mock.patch.object(_tables, "_WORDS_OF_KEPT", 3),
          unittest.mock.patch.object(_tables, "_WORDS_OF_LENGTH", 20),
          unittest.mock.patch.dict(_tables._WORDS_OF, clear=True)):
        for text in [*texts, *texts]:
            assert _tables.words_of(text) == tuple(_GREEDY_WORD.findall(text))
            assert len(_tables._WORDS_OF) <= 3
            assert all(len(kept) <= 20 for kept in _tables._WORDS_OF)


# Text the run split takes (no two spaces together, no apostrophe within a word) and
# text just beside it: words, digits, single and double spaces, line breaks, "'s",
# apostrophes, the split's own mark characters, letters beyond ASCII.
_RUN_TEXT = (st.lists(st.sampled_from(["Ningbo", "port", "G20", "5", "s", "'s", "'", " ", " ",
                                       " ", ", ", ". ", "-", "(", ")", "\n", "é", "中",
                                       "don't", "'S", "\x00", "\x01", "\t", "_", "x'2"]),
                      max_size=40).map("".join)
             | st.text(st.sampled_from("aZ09s' ,-\n\x00\x01é"), max_size=60))


@given(_RUN_TEXT | _TEXT)
def test_run_split_is_the_greedy_split(text: str) -> None:
    """``TextWords``' split by runs of words (``_split``): the greedy pattern's parts."""
    tailed = _tables._TAILED.search(text) is not None
    assert _tables._split(text, tailed) == _GREEDY_WORD_SPLIT.split(text)
    assert _tables._split(text, True) == _GREEDY_WORD_SPLIT.split(text)
    # (not tailed: no word of the text holds an apostrophe)
    assert tailed or not any("'" in word for word in _GREEDY_WORD.findall(text))


# ASCII text for the region pass's split by a translation (ascii_words): words, letters,
# single and double spaces, apostrophes alone, doubled and beside spaces, "'s", digits (which
# split words), the split's own mark characters.
_ASCII_RUN_TEXT = (st.lists(st.sampled_from(["Ningbo", "port", "G20", "5", "s", "'s", "'", " ",
                                             " ", " ", ", ", ". ", "-", "(", ")", "\n", "''",
                                             "don't", "'S", "\x00", "\x01", "\t", "_",
                                             "x'2", "rock'n'roll", "a1b", "' ", " '"]),
                            max_size=40).map("".join)
                   | st.text(st.sampled_from("aZ09s' ,-\n\x00\x01"), max_size=60))


@given(_ASCII_RUN_TEXT | _ASCII_TEXT, st.integers(0, 100))
def test_ascii_words_are_the_word_split(text: str, start: int) -> None:
    """The region pass's words of ASCII text found by a translation and a split at its
    NULs (``ascii_words``): the greedy pattern's words, where they begin and end (from
    ``start``), lone, doubled, leading and trailing apostrophes and NULs of the text's
    own included."""
    assert ascii_words(text, start) == _greedy_ascii_words(text, start)


def test_ascii_words_of_real_phrasing() -> None:
    assert ascii_words("Ningbo's 'Belt and Road' exporters' rock'n'roll, 5G  x", 10) == (
        ["Ningbo's", "Belt", "and", "Road", "exporters", "rock'n'roll", "G", "x"],
        [10, 20, 25, 29, 35, 46, 60, 63],
        [18, 24, 28, 33, 44, 57, 61, 64])


@given(_TEXT | _ASCII_RUN_TEXT, st.integers(0, 100))
def test_plain_words_are_the_word_split(text: str, start: int) -> None:
    """The region pass's words of text with no letter beyond ASCII (``plain_words``: its
    other characters beyond ASCII made "?", CJK runs put back among the words): the
    greedy pattern's words, where they begin and end; None for a letter beyond ASCII."""
    parts = _GREEDY_TOKEN_SPLIT.split(text)
    offsets = [start]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    expected = (parts[1::2], offsets[1:-1:2], offsets[2::2])
    found = plain_words(text, start)
    assert found == (None if re.search("[À-ÖØ-öø-ÿ]", text) else expected)


def test_plain_words_of_real_phrasing() -> None:
    assert plain_words("宁波 Ningbo’s port, 中文 rose 5‰ a'中", 0) == (
        ["宁波", "Ningbo", "s", "port", "中文", "rose", "a", "中"],
        [0, 3, 10, 12, 18, 21, 29, 31], [2, 9, 11, 16, 20, 25, 30, 32])
    assert plain_words("São Paulo", 0) is None
