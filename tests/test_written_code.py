"""The cache of the code of the functions zjopen writes (``zjopen._article_checks``) gives
the very code ``compile`` gives, and steps aside when its file is amiss."""

from __future__ import annotations

import dis
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import CodeType

import pytest

from zjopen import _article_checks as cache
from zjopen.lexicon import _user_cache as user_cache

_SOURCES = [
    "def __init__(self, *, a, b=default1):\n    set0(self, a)\n    set1(self, b)",
    "def evolve(inst, changes):\n    v0 = changes['end']\n    return (inst, v0)",
    "x = [n * n for n in range(3)]",
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, a process that may write it, and the module's state as in
    a new process."""
    monkeypatch.setenv("ZJOPEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZJOPEN_CACHE", raising=False)
    monkeypatch.setattr(user_cache, "_saving", [True])
    saved = dict(vars(cache._CODES))
    cache._CODES.forget()
    yield tmp_path
    vars(cache._CODES).update(saved)


def _new_process() -> None:
    cache._CODES.save()
    cache._CODES.forget()


def _same(got: CodeType, want: CodeType) -> bool:
    """Equal code (its instructions, constants, nested code, names), from the same file
    name, with the same line numbers."""
    return (got == want and got.co_filename == want.co_filename
            and got.co_linetable == want.co_linetable
            and [i.opname for i in dis.get_instructions(got)]
            == [i.opname for i in dis.get_instructions(want)])


def test_code_from_the_cache_is_the_code_compile_makes(fresh: Path) -> None:
    first = [cache.compiled(source) for source in _SOURCES]
    assert cache._CODES.added
    _new_process()
    assert list(fresh.glob("code-*.bin"))
    again = [cache.compiled(source) for source in _SOURCES]
    assert not cache._CODES.added  # every one from the file
    for got, made, source in zip(again, first, _SOURCES, strict=True):
        want = compile(source, "<string>", "exec")
        assert _same(got, want)
        assert _same(made, want)
    namespace: dict[str, object] = {}
    exec(again[2], namespace)
    assert namespace["x"] == [0, 1, 4]


def test_a_damaged_file_is_ignored(fresh: Path) -> None:
    for source in _SOURCES:
        cache.compiled(source)
    _new_process()
    (path,) = fresh.glob("code-*.bin")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    for source in _SOURCES:
        assert _same(cache.compiled(source), compile(source, "<string>", "exec"))
    assert cache._CODES.added  # compiled again


def test_nothing_is_written_unless_asked(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_cache, "_saving", [])
    for source in _SOURCES:
        cache.compiled(source)
    _new_process()
    assert not list(fresh.iterdir())


def test_the_command_line_writes_the_cache(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ningbo's exports rose 5% to 3 billion yuan in 2023.\n")
    env = {"ZJOPEN_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "zjopen", "parse", str(article), "-q"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert list((tmp_path / "cache").glob("code-*.bin"))
    second = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert first.stdout == second.stdout
