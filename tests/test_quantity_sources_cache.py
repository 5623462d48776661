"""The sources of the quantity patterns read from the user cache
(``zjopen.lexicon._quantity_patterns``) are those built from the lexicon's words, and a
file that is not one of ours, or was made from other words, is not read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zjopen import quantities
from zjopen.lexicon import _quantity_patterns as sources
from zjopen.lexicon import _user_cache as user_cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("ZJOPEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZJOPEN_CACHE", raising=False)
    saving = list(user_cache._saving)
    user_cache._saving.clear()  # (a command line run in this process may have set it)
    quantities._patterns.cache_clear()
    yield tmp_path
    user_cache._saving[:] = saving
    quantities._patterns.cache_clear()


WORDS = (["one", "two", "twelve", "half"], ["twofold", "double"], ["billion", "k", "million"],
         ["$", "us$", "rmb"], ["yuan", "tons", "metric tons"])


def _sources() -> tuple[str, ...]:
    return sources.pattern_sources(*(list(words) for words in WORDS))


def test_the_sources_read_back_are_the_sources_built(folder: Path) -> None:
    built = sources._built_sources(*(list(words) for words in WORDS))
    assert _sources() == built
    assert not list(folder.iterdir())  # nothing written: this process may not
    user_cache.save()
    assert _sources() == built
    (path,) = folder.glob("quantities-*.bin")
    assert user_cache.read(path) == list(built)
    # read back, not built: a file holding other sources gives those
    user_cache.write(path, ["a", "b", "c", "d", "e"])
    assert _sources() == ("a", "b", "c", "d", "e")


def test_other_words_are_another_file(folder: Path) -> None:
    user_cache.save()
    _sources()
    other = sources.pattern_sources(["one"], ["twofold"], ["billion"], ["$"], ["yuan"])
    assert other == sources._built_sources(["one"], ["twofold"], ["billion"], ["$"], ["yuan"])
    assert len(list(folder.glob("quantities-*.bin"))) == 1  # (the older file removed)


@pytest.mark.parametrize("stored", [None, ["a", "b"], ["a", "b", "c", "d", 5], ("a",) * 5, 7])
def test_a_file_not_of_ours_is_not_read(folder: Path, stored: object) -> None:
    user_cache.save()
    built = _sources()
    (path,) = folder.glob("quantities-*.bin")
    if stored is None:
        path.write_bytes(b"damaged")
    else:
        user_cache.write(path, stored)
    assert _sources() == built


def test_the_patterns_from_the_cache_are_the_patterns_built(folder: Path) -> None:
    built = quantities._patterns()
    fields = [(name, getattr(built, name)) for name in built.__slots__]
    user_cache.save()
    quantities._patterns.cache_clear()
    quantities._patterns()  # (written)
    assert list(folder.glob("quantities-*.bin"))
    quantities._patterns.cache_clear()
    read = quantities._patterns()  # (read)
    for name, value in fields:
        other = getattr(read, name)
        if hasattr(value, "pattern"):
            assert (other.pattern, other.flags) == (value.pattern, value.flags), name
        else:
            assert other == value, name
