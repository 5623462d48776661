"""The name index read from the user cache reads its forms and their keys (what
``gazetteer.names()`` lists) only when asked for them, and they are those built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_user_cache import _forget
from zjopen import gazetteer
from zjopen.gazetteer import place
from zjopen.gazetteer.index import NameIndex
from zjopen.lexicon import _user_cache as user_cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("ZJOPEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZJOPEN_CACHE", raising=False)
    saving = list(user_cache._saving)
    user_cache._saving.clear()
    _forget()
    yield tmp_path
    user_cache._saving[:] = saving
    _forget()


def test_the_forms_are_read_when_asked_for(folder: Path) -> None:
    built = place._index()
    forms, keys, names = list(built.forms), list(built.normalised), gazetteer.names()
    _forget()
    user_cache.save()
    place._index()  # (written)
    _forget()
    read = place._index()
    assert read._packed is not None  # not read yet
    assert gazetteer.lookup("Yiwu") is not None
    assert read._packed is not None
    assert read.forms == forms
    assert read._packed is None
    assert read.normalised == keys
    assert gazetteer.names() == names


def test_packed_forms_round_trip() -> None:
    index = NameIndex({"a": "1"}, {}, ["A", "a"], ["a", "a"])
    again = NameIndex.with_packed(index.best, index.others, index.packed())
    assert (again.normalised, again.forms) == (["a", "a"], ["A", "a"])
