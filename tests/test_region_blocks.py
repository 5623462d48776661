"""The region extractor reads a text's words a block at a time: any block size finds the
same places as one block for the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.document import read_document
from zjopen.extract import regions
from zjopen.extract._region_index import _TOKEN
from zjopen.extract._region_words import Words

_PIECES = ["Ningbo", "Zhejiang", "Beilun", "Hangzhou's", "China", "People's Republic",
           "Yiwu", "Jinhua", "district", "Group", " ", "  ", "\n", "\n\n", ". ", ", ",
           "and", "the", "Taizhou", "Jiangsu", "宁波", "in", "'", "-", "Xi'an", "of"]
_TEXTS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60).map("".join)
_ARTICLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "articles").glob("*.txt"))


def _found(text: str, block: int, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    monkeypatch.setattr(regions, "BLOCK", block)
    return list(regions.extract_regions(read_document(text)))


@settings(max_examples=300)
@given(_TEXTS, st.integers(1, 40))
def test_any_block_size_finds_what_one_block_finds(text: str, block: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        small = _found("Title\n\n" + text, block, patch)
        whole = _found("Title\n\n" + text, 10**9, patch)
    assert small == whole


@pytest.mark.parametrize("path", _ARTICLES, ids=lambda p: p.stem)
def test_small_blocks_find_the_places_of_real_articles(path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    assert _found(text, 200, monkeypatch) == _found(text, 10**9, monkeypatch)


@given(_TEXTS, st.integers(0, 80), st.integers(0, 80))
def test_the_words_of_a_stretch_are_those_the_word_pattern_finds(text: str, start: int,
                                                                 end: int) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    words = Words(text, start, end)
    found = list(_TOKEN.finditer(text, start, end))
    assert words.starts == [m.start() for m in found]
    assert words.full_ends == [m.end() for m in found]
