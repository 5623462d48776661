"""TextWords.of picks the indices of the words found in its tables from one list of
numbers kept for every text (``_tables._indices``), or counts them for a text of more
words than it keeps: the same indices either way."""

from __future__ import annotations

import pytest

from zjopen.extract import _tables
from zjopen.extract._tables import TextWords

_TEXT = "Ningbo Port and the Yiwu market, then Zone 7 and the port of Ningbo. " * 40
_TABLES = (frozenset({"Ningbo", "Zone"}), frozenset({"port", "market"}))


def _expected(text: str) -> list[int]:
    words = TextWords.of(text).words
    every = _TABLES[0] | _TABLES[1]
    return [index for index, word in enumerate(words) if word in every]


def test_kept_indices_pick_the_words_in_the_tables() -> None:
    split = TextWords.of(_TEXT, _TABLES)
    assert split.hits == _expected(_TEXT)
    assert list(split.find(_TABLES[1])) == [
        index for index in _expected(_TEXT) if split.words[index] in _TABLES[1]]


def test_a_longer_text_counts_its_indices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_tables, "_INDICES_KEPT", 50)
    assert not isinstance(_tables._indices(51), list)
    assert TextWords.of(_TEXT, _TABLES).hits == _expected(_TEXT)


def test_the_kept_indices_grow_to_the_longest_text() -> None:
    numbers = _tables._indices(300)
    assert list(numbers[:300]) == list(range(300))  # type: ignore[index]
