"""The gazetteer's table and name index read from the user cache
(``zjopen.lexicon._user_cache``) are those built from the data files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zjopen import gazetteer
from zjopen.gazetteer import place
from zjopen.lexicon import _user_cache as user_cache

_CACHED = (place._texts, place._cache_file, place._stored, place._table, place._index,
           place._surfaces, place._lookup_all, place._display_names, place._name_ranks,
           place._places)


def _forget() -> None:
    """The gazetteer as in a new process."""
    for function in _CACHED:
        function.cache_clear()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("ZJOPEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZJOPEN_CACHE", raising=False)
    saving = list(user_cache._saving)
    user_cache._saving.clear()  # (a command line run in this process may have set it)
    _forget()
    yield tmp_path
    user_cache._saving[:] = saving
    _forget()


def _parts() -> tuple[Any, ...]:
    table, index = place._table(), place._index()
    return (table.rows, table.alt_codes, table.order, table.children,
            index.best, index.others, index.forms, index.normalised)


def _typed(value: Any) -> Any:
    """``value`` with the type of every container and item spelled out (== alone would
    take a tuple for a list)."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (type(value).__name__, [_typed(item) for item in value])
    return (type(value).__name__, value)


def test_the_index_read_back_is_the_index_built(folder: Path) -> None:
    built = _parts()
    names = gazetteer.names()
    assert not list(folder.iterdir())  # nothing written: this process may not
    _forget()
    user_cache.save()
    assert _parts() == built
    (path,) = folder.glob("gazetteer-*.bin")
    _forget()
    assert place._stored() is not None  # read from the file this time
    assert _typed(_parts()) == _typed(built)
    assert gazetteer.names() == names
    assert [p.code for p in gazetteer.lookup_all("Taizhou")] == ["331000", "321200"]
    assert gazetteer.get("Beilun District").code == "330206"
    assert path.exists()


def test_a_damaged_or_foreign_file_is_not_read(folder: Path) -> None:
    user_cache.save()
    built = _parts()
    (path,) = folder.glob("gazetteer-*.bin")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    _forget()
    assert place._stored() is None
    assert _parts() == built
    user_cache.write(path, ("not", "the", "index"))
    _forget()
    assert place._stored() is None
    assert _parts() == built



def test_writing_a_file_removes_those_other_code_made(folder: Path) -> None:
    # (of this interpreter: another Python's files, cpython-313 beside cpython-311, are
    # of another name, and kept for it)
    tag = sys.implementation.cache_tag
    older = folder / f"gazetteer-{tag}-0123456789abcdef.bin"
    other = folder / f"patterns-{tag}-0123456789abcdef.bin"
    another_python = folder / "gazetteer-cpython-399-0123456789abcdef.bin"
    for path in (older, other, another_python):
        path.write_bytes(b"old")
    user_cache.save()
    place._index()
    assert sorted(p.name.split("-")[0] for p in folder.iterdir()) == [
        "gazetteer", "gazetteer", "patterns"]
    assert not older.exists()
    assert other.exists()
    assert another_python.exists()


def _region_index_and_kb() -> tuple[Any, ...]:
    from zjopen.extract import _kb, _region_index

    _region_index._index.cache_clear()
    _kb.knowledge_base.cache_clear()
    index, kb = _region_index._index(), _kb.knowledge_base()
    entries = {id(entry): entry for entry in kb.surfaces.values()}
    sharing = [list(entries).index(id(entry)) for entry in kb.surfaces.values()]
    return (_typed(index.names), index.first_words, _typed(index.lengths),
            _typed(index.seconds), _typed(list(kb.surfaces)), list(kb.surfaces.values()),
            sharing, _typed(kb.lengths), _typed(kb.seconds))


def test_the_region_index_and_kb_read_back_are_those_built(folder: Path) -> None:
    from zjopen.extract import _kb, _region_index

    built = _region_index_and_kb()
    assert not list(folder.iterdir())  # nothing written: this process may not
    user_cache.save()
    assert _region_index_and_kb() == built  # built again, and written
    assert {p.name.split("-")[0] for p in folder.iterdir()} >= {"kb", "regions"}
    read = _region_index_and_kb()  # read from the files this time
    assert read == built
    path = _region_index._cache_file()
    kb_path = _kb._cache_file()
    assert path is not None
    assert kb_path is not None
    assert user_cache.read(path) is not None
    assert user_cache.read(kb_path) is not None
    for damaged in (path, kb_path):
        data = bytearray(damaged.read_bytes())
        data[len(data) // 2] ^= 0x01
        damaged.write_bytes(bytes(data))
    user_cache._saving.clear()
    assert _region_index_and_kb() == built  # damaged files: built as usual
