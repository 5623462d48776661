"""The capitalised runs of a text read only around the places where a run the name pass
keeps can stand (:func:`zjopen.extract._capitalised.chains`), not over the whole text.

A run is kept when it holds a head word, "Bank", a known name's first word (a list of
names), or begins inside a word; every such run holds one of the places :func:`seeds`
lists. Around each, the scan of the runs (``_SKIPPED_CHAIN``) starts at a place no run
can hold inside it (:func:`_resync`), where a scan from the text's start would be
between two runs too, and stops after the run that reaches past it: the runs it reads
are the whole scan's, and every kept one is read (tests/test_names_shortcuts.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zjopen.extract._kb import long_names, openings
from zjopen.extract._tables import TextWords

__all__ = ["marks", "places", "runs_around", "seeds"]

# Each character made one byte of its class, in C (``bytes.translate`` of the text
# encoded with one byte a character, "?" for each beyond ASCII: offsets do not move):
# " " a space; "s" a small letter no connector of a run ("of", "and", "for", "the",
# "de") begins with; "a" the other small letters and "'"; "A" a capital or a digit;
# "." anything else.
_CLASSES = bytearray(b"." * 256)
for _letter in b"abcdefghijklmnopqrstuvwxyz'":
    _CLASSES[_letter] = ord("a")
for _letter in b"bceghijklmnpqrsuvwxyz":
    _CLASSES[_letter] = ord("s")
for _letter in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
    _CLASSES[_letter] = ord("A")
_CLASSES[ord(" ")] = ord(" ")
_MARKS = bytes(_CLASSES)
# A word character a run may begin after, inside the word ("eBay", "rock'N"), and
# before an aside ("Abc(Zhejiang)").
_WORD_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'")


def marks(text: str) -> bytes:
    """The class of each character of ``text`` (see _MARKS), one byte each."""
    return text.encode("ascii", "replace").translate(_MARKS)


def places(text: str, split: TextWords, heads: list[int], known: list[int] | None
           ) -> tuple[list[int] | None, bytes]:
    """The :func:`seeds` of ``text`` (its words ``split``, where its head words begin
    ``heads``, its words that begin a known name ``known``, if at hand) and its
    :func:`marks`; None (every run read) when the knowledge base has a name of more
    words than it finds names by their first word for (a list may hold one)."""
    if long_names():
        return None, b""
    marked = marks(text)
    known = openings(split) if known is None else known
    return seeds(text, marked, heads, list(map(split.start, known))), marked


def seeds(text: str, marked: bytes, heads: list[int], known: list[int]) -> list[int]:
    """Where a run the name pass keeps may stand, in order: the starts of the head words
    (``heads``) and of the known names' first words (``known``), each "Bank", and each
    place a run may begin inside a word: a capital or a digit after a small letter or an
    apostrophe (after a capital or a digit, a run's word goes on), a bracket after any
    word character."""
    found = heads + known
    at = text.find("Bank")
    while at >= 0:
        found.append(at)
        at = text.find("Bank", at + 1)
    for pair in (b"aA", b"sA"):
        at = marked.find(pair)
        while at >= 0:
            found.append(at + 1)
            at = marked.find(pair, at + 1)
    at = text.find("(", 1)
    while at >= 0:
        if text[at - 1] in _WORD_BEFORE:
            found.append(at)
        at = text.find("(", at + 1)
    found.sort()
    return found


def _resync(marked: bytes, floor: int, seed: int) -> int:
    """The last place from ``floor`` to ``seed`` that no run holds inside it: a small
    letter after a space that begins no connector (inside a run, a space comes before a
    capital, a digit, a bracket or a connector), else ``floor``."""
    at = marked.rfind(b" s", floor, seed + 1)
    return floor if at < 0 else at + 1


def runs_around(pattern: re.Pattern[str], text: str, marked: bytes, places: list[int]
                ) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (``_SKIPPED_CHAIN``: the stretch before a run, then
    the run as group 1, or the stretch to the text's end) that hold a run reaching past
    one of ``places`` (in order), and some before them: each is a match of the scan of
    the whole text. The scan is taken up at the last place before each that no run holds
    inside it (or where the last one stopped, if that is after it), so every character
    is read once at most."""
    done = 0  # where the last match ended (a scan going on from there is the whole one's)
    matches: Iterator[re.Match[str]] | None = None
    for place in places:
        if place < done:
            continue  # in the run read last, or before it
        start = _resync(marked, done, place)
        if matches is None or start > done:
            matches = pattern.finditer(text, start)
        for match in matches:
            done = match.end()
            if match.start(1) < 0:
                return  # the text's end
            yield match
            if done > place:
                break
