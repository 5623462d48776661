"""The region pass's index of the gazetteer's names: each name's word key (its words,
case-folded, space-joined) mapped to its code, with the words that can begin a name.

Built on the first parse from the gazetteer's names, or read from the user cache
(:mod:`zjopen.lexicon._user_cache`), where a process that may write there (the command
line's) leaves it: a file made by this module from the gazetteer's data and the key file.
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from zjopen import gazetteer
from zjopen.gazetteer.place import cache_digest
from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon.load import data_bytes, paused_gc, read_data
from zjopen.lexicon.patterns import lazy_compile

_WORD_RUN = r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:'[A-Za-zÀ-ÖØ-öø-ÿ]+)*|[\u3400-\u9fff]+"
_TOKEN = lazy_compile(_WORD_RUN)
# The words of _TOKEN, kept with what lies between them: [gap, word, gap, word, ..., gap].
# Its runs are possessive (never given back: a letter given back could only be followed
# by another letter, never by the apostrophe or the end the pattern needs next), which
# spares the engine its backtracking state: the same words, a seventh faster. A word's
# first character is read first, from both sets at once (the engine skips to one in C),
# and a look-behind says which set it came from (they share no character): the
# alternation of the two runs, _WORD_RUN's (tests/test_word_splits.py), a tenth faster.
# A repeated group is atomic, (?>(?:...)*), never possessive, (?:...)*+: Python before
# 3.11.5 kept a failed repeat's part ("Zoppas'" for "Zoppas' total"; CPython gh-106052).
_TOKEN_SPLIT = lazy_compile(r"([A-Za-zÀ-ÖØ-öø-ÿ\u3400-\u9fff](?:(?<=[A-Za-zÀ-ÖØ-öø-ÿ])"
                            r"[A-Za-zÀ-ÖØ-öø-ÿ]*+(?>(?:'[A-Za-zÀ-ÖØ-öø-ÿ]++)*)|[\u3400-\u9fff]*+))")
# _TOKEN_SPLIT for ASCII text: its words are of these letters alone (a tenth faster).
_ASCII_TOKEN_SPLIT = lazy_compile(r"([A-Za-z]++(?>(?:'[A-Za-z]++)*))")
# ASCII text with every character that no word holds made a NUL: what is left of a word
# is its letters and apostrophes (an apostrophe is a word's only between two letters).
_WORD_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'"
_NOT_WORDS = str.maketrans({chr(c): "\0" for c in range(128)
                            if chr(c) not in _WORD_CHARACTERS})
# An apostrophe without a letter on each side: between words, not in one.
_LONE_APOSTROPHE = lazy_compile(r"'(?:(?<![A-Za-z]')|(?![A-Za-z]))")


def ascii_words(text: str, start: int) -> tuple[list[str], list[int], list[int]]:
    """The words of ASCII ``text`` (``_ASCII_TOKEN_SPLIT.split(text)[1::2]``), and where
    each begins and ends, ``start`` on (:func:`ascii_word_starts`, each word's end its
    start and its length)."""
    words, starts = ascii_word_starts(text, start)
    return words, starts, list(map(operator.add, starts, map(len, words)))


def ascii_word_starts(text: str, start: int) -> tuple[list[str], list[int]]:
    """The words of ASCII ``text`` (``_ASCII_TOKEN_SPLIT.split(text)[1::2]``), and where
    each begins, ``start`` on: the text's characters that no word holds made NULs, in C (a
    translation, one character for one, so that offsets do not move), and the text split
    at them. A gap of one character leaves no piece, a longer one empty pieces (each
    piece is followed by a NUL: its start and its length and one give the next one's);
    the words are the pieces that are not empty (tests/test_word_splits.py). (A word's
    end, its start and its length, is left to the caller: the region pass reads the
    ends of a few words, and a list of them all cost it a fourteenth of its work.)"""
    marked = text.translate(_NOT_WORDS)
    if "'" in marked:
        marked = _LONE_APOSTROPHE.sub("\0", marked)
    pieces = marked.split("\0")
    # (each piece's length and one: operator.add, a function called in C; a bound
    # method, (1).__add__, would cost twice the sum's own work)
    starts = list(itertools.compress(itertools.accumulate(
        map(operator.add, map(len, pieces), itertools.repeat(1)), initial=start), pieces))
    return list(filter(None, pieces)), starts


# Latin-1's letters: a word may hold them (text holding one is split by the pattern).
_LETTERS_BEYOND_ASCII = frozenset(map(chr, [*range(0xC0, 0xD7), *range(0xD8, 0xF7),
                                            *range(0xF8, 0x100)]))
_FEW = 64  # more characters beyond ASCII (and "?") than this: split by the pattern


def plain_words(text: str, start: int) -> tuple[list[str], list[int], list[int]] | None:
    """:func:`plain_word_starts`, with each word's end (its start and its length)."""
    found = plain_word_starts(text, start)
    if found is None:
        return None
    words, starts = found
    return words, starts, list(map(operator.add, starts, map(len, words)))


def plain_word_starts(text: str, start: int) -> tuple[list[str], list[int]] | None:
    """:func:`ascii_word_starts` of text that is not ASCII, when it holds no letter beyond
    ASCII and a few characters beyond ASCII at most (most such articles: a page's "中文"
    link, a "‰"), else None. Each of them is made a "?" (one character for one: offsets
    do not move; it holds no word), the words of that ASCII text found, and the runs of
    CJK characters (words of their own: _WORD_RUN's second run) put among them where
    they stand. The characters are found where the "?" stand, by ``bytes.find``."""
    marked = text.encode("ascii", "replace")
    runs: list[list[int]] = []  # the CJK runs: [start, end]
    seen = 0
    at = marked.find(b"?")
    while at >= 0:
        seen += 1
        character = text[at]
        if seen > _FEW or character in _LETTERS_BEYOND_ASCII:
            return None
        if "\u3400" <= character <= "\u9fff":
            if runs and runs[-1][1] == at:
                runs[-1][1] = at + 1
            else:
                runs.append([at, at + 1])
        at = marked.find(b"?", at + 1)
    words, starts = ascii_word_starts(marked.decode("ascii"), start)
    for low, high in runs:
        index = bisect_left(starts, start + low)
        words.insert(index, text[low:high])
        starts.insert(index, start + low)
    return words, starts

_MAX_WORDS = 6


class _Index:
    # (a plain class: making an attrs class costs more than half a millisecond at import)
    __slots__ = ("first_words", "lengths", "names", "seconds")

    def __init__(self, names: dict[str, str], first_words: frozenset[str],
                 lengths: dict[str, tuple[int, ...]],
                 seconds: dict[str, frozenset[str]]) -> None:
        self.names = names  # normalised surface -> code
        self.first_words = first_words
        # first word -> the word counts (2 or more) of the names it begins, longest first
        self.lengths = lengths
        self.seconds = seconds  # first word -> the second words of those names


def _key(words: list[str]) -> str:
    return " ".join(words)


def _normal_words(text: str) -> list[str]:
    return [w.casefold() for w in _TOKEN.findall(text.replace("’", "'"))]


_TOKEN_OR_LINE = lazy_compile(rf"{_WORD_RUN}|\n")


def _word_keys(surfaces: Iterable[str]) -> list[str]:
    """The extractor's key of each name ("_key(_normal_words(name))" for each), all at
    once: their words, found in one pass over the names joined by line breaks, which a
    line holding no word would upset (then the names are done one by one)."""
    surfaces = list(surfaces)
    joined = "\n".join(surfaces).replace("’", "'")
    keys = " ".join(_TOKEN_OR_LINE.findall(joined)).casefold().split(" \n ")
    if len(keys) != len(surfaces) or any(not k or "\n" in k for k in keys):
        keys = [_key(_normal_words(surface)) for surface in surfaces]
    return keys


# The word keys of every name, computed by scripts/build_region_keys.py and stored with a
# digest of the names: loading them is faster than finding the words of 17,000 names,
# which matters for the first parse() of a process. When the names have changed since
# (the digest differs) the keys are computed here instead, and the test suite says the
# file is stale.
_KEYS_FILE = "generated/region_words.txt"


def _keys_header(forms: list[str]) -> str:
    import hashlib  # (its import of OpenSSL takes a few ms: only when the keys are read)

    digest = hashlib.sha256("\n".join(forms).encode("utf-8")).hexdigest()
    return f"zjopen region word keys {digest} {len(forms)}"


def _stored_word_keys(forms: list[str]) -> list[str] | None:
    """The word keys of ``forms`` from the key file, or None when it belongs to other
    names."""
    try:
        text = read_data(_KEYS_FILE)
    except OSError:  # pragma: no cover - a package without its data
        return None
    header, _, body = text.partition("\n")
    keys = body.split("\n")
    if header != _keys_header(forms) or len(keys) != len(forms) + 1:
        return None
    return keys[:-1]


def _cache_file() -> Path | None:
    """The user cache's file of the index: made by this code from the gazetteer (its
    cache file's digest) and the key file."""
    gazetteer_digest = cache_digest()
    if gazetteer_digest is None:
        return None
    try:
        made_from = [gazetteer_digest, *user_cache.source(__file__, "_region_index.py"),
                     data_bytes(_KEYS_FILE)]
    except OSError:  # pragma: no cover - a package without its sources
        return None
    return user_cache.file("regions", made_from)


@cache
def _index() -> _Index:
    """The index, from the user cache when it holds it, else built (and left there when
    this process may write)."""
    return user_cache.built_or_read(_cache_file(), _built_index, _plain, _from_plain)


def _plain(index: _Index) -> tuple[Any, ...]:
    return (index.names, index.first_words, index.lengths, index.seconds)


def _from_plain(stored: Any) -> _Index:
    if not (isinstance(stored, tuple) and len(stored) == 4 and isinstance(stored[1], frozenset)
            and all(isinstance(stored[i], dict) for i in (0, 2, 3))):
        raise ValueError("not an index")
    return _Index(*stored)


def _built_index() -> _Index:
    surfaces = gazetteer.names()
    with paused_gc():
        forms = list(surfaces)
        keys = _stored_word_keys(forms) or _word_keys(forms)
        # The first code of a key wins: a dict built from the end keeps the first.
        names = dict(zip(reversed(keys), reversed(surfaces.values()), strict=True))
        names.pop("", None)
        lengths: dict[str, set[int]] = {}
        seconds: dict[str, set[str]] = {}
        multi = [k for k in names if " " in k]
        for key in multi:
            words = key.split(" ")
            if len(words) > _MAX_WORDS:
                del names[key]
                continue
            lengths.setdefault(words[0], set()).add(len(words))
            seconds.setdefault(words[0], set()).add(words[1])
        # A name's first word: a one-word name itself, else a key of ``lengths``.
        first_words = frozenset(names.keys() - set(multi)).union(lengths)
        return _Index(names, first_words,
                      {first: tuple(sorted(counts, reverse=True))
                       for first, counts in lengths.items()},
                      {first: frozenset(second) for first, second in seconds.items()})
