"""The cache of compiled patterns (``zjopen.lexicon._compile_cache``) gives the very
patterns ``re.compile`` gives, and steps aside when its file is amiss."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zjopen.lexicon import _compile_cache as cache
from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon.patterns import (
    LAZY_CLASSES,
    _compile_guarded,
    guard_pattern,
    guarded_compile,
    lazy_compile,
    lower_compile,
)

pytestmark = pytest.mark.skipif(cache._ENGINE is None, reason="no regex engine to cache for")

_SOURCES = [
    (r"\b(?:the\s)?(?:first|second) half", 0),
    (r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})(?:-(?P=month))?", 0),
    (r"^the[^\S\n]+", re.MULTILINE),
    (r"Ningbo|Zhoushan|Yiwu", re.IGNORECASE),
    (r"[\u3400-\u9fff]+", 0),
    (r"(?:a|b)+\Z", re.DOTALL | re.VERBOSE),
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, a process that may write it, and the module's state as in
    a new process."""
    monkeypatch.setenv("ZJOPEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZJOPEN_CACHE", raising=False)
    monkeypatch.setattr(user_cache, "_saving", [True])
    saved = dict(vars(cache._PATTERNS))
    cache._PATTERNS.forget()
    yield tmp_path
    vars(cache._PATTERNS).update(saved)


def _new_process() -> None:
    cache._PATTERNS.save()
    cache._PATTERNS.forget()


def _patterns() -> list[re.Pattern[str]]:
    made: list[re.Pattern[str]] = []
    for source, flags in _SOURCES:
        made.append(lazy_compile(source, flags))
        made.append(guarded_compile(source, flags))
    made.append(lower_compile(r"\bFirst Half of (?:the )?Year\b"))
    return made


def _expected() -> list[re.Pattern[str]]:
    made: list[re.Pattern[str]] = []
    for source, flags in _SOURCES:
        made.append(re.compile(source, flags))
        made.append(re.compile(guard_pattern(source, flags), flags))
    made.append(_compile_guarded(r"\bfirst half of (?:the )?year\b", 0))
    return made


def _same(got: re.Pattern[str], want: re.Pattern[str]) -> bool:
    compiled = re.compile(got.pattern, got.flags)
    return (compiled == want and got.pattern == want.pattern and got.flags == want.flags
            and got.groups == want.groups and got.groupindex == want.groupindex)


def test_patterns_from_the_cache_are_those_re_compile_makes(fresh: Path) -> None:
    first = [p.pattern for p in _patterns()]  # compiled, and noted
    assert first == [p.pattern for p in _expected()]
    _new_process()
    assert list(fresh.glob("patterns-*.bin"))
    cached = _patterns()
    for got, want in zip(cached, _expected(), strict=True):
        got.search("")  # compiled (from the cache) on first use
        assert isinstance(got, LAZY_CLASSES)
        built = got.__dict__["search"].__self__
        assert built == want
        assert _same(built, want)
        assert built.groupindex == want.groupindex
    assert len(cache._PATTERNS.used) == len(_SOURCES) * 2 + 1  # every one from the file
    assert not cache._PATTERNS.added
    text = "In the first half of 2023-05-05 Ningbo 宁波 THE ab"
    for got, want in zip(cached, _expected(), strict=True):
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]


def test_a_damaged_file_is_ignored(fresh: Path) -> None:
    for pattern in _patterns():
        pattern.search("")
    _new_process()
    (path,) = fresh.glob("patterns-*.bin")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    for got, want in zip(_patterns(), _expected(), strict=True):
        got.search("")
        assert got.__dict__["search"].__self__ == want
    assert cache._PATTERNS.entries is not None
    assert cache._PATTERNS.entries.keys() == cache._PATTERNS.used  # compiled again


def test_the_cache_can_be_turned_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZJOPEN_CACHE", "off")
    for pattern in _patterns():
        pattern.search("")
    _new_process()
    assert not list(fresh.iterdir())


def test_nothing_is_written_unless_asked(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_cache, "_saving", [])  # (only the command line asks)
    for pattern in _patterns():
        pattern.search("")
    assert cache._PATTERNS.added
    _new_process()
    assert not list(fresh.iterdir())


def test_patterns_no_run_uses_again_do_not_pile_up(fresh: Path) -> None:
    for run in range(user_cache._SAVES_KEPT + 5):
        lazy_compile(f"one of run {run}|[0-9]+").search("")  # a new pattern each run
        lazy_compile("kept").search("")
        _new_process()
    (path,) = fresh.glob("patterns-*.bin")
    sources = sorted(key[1] for key in user_cache._saved_entries(path)[1])
    assert len(sources) == user_cache._SAVES_KEPT + 1
    assert "kept" in sources
    assert "one of run 0|[0-9]+" not in sources


def test_the_command_line_writes_the_cache_and_reads_it_back(tmp_path: Path) -> None:
    """Two runs, the second with every pattern from the cache: the same output."""
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("Ningbo trade grows\n\nNingbo's exports rose 5.2% to 4.1 billion yuan "
                       "in the first half of 2023, and Geely opened a plant in Hangzhou.\n")
    env = {**os.environ, "ZJOPEN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ZJOPEN_CACHE", None)
    outputs = []
    for run in range(2):
        out = tmp_path / f"out{run}.jsonl"
        subprocess.run([sys.executable, "-m", "zjopen", "parse", str(article.parent), "-q",
                        "-o", str(out)], env=env, check=True, timeout=120)
        outputs.append(out.read_bytes())
        assert list((tmp_path / "cache").glob("patterns-*.bin"))
    assert outputs[0] == outputs[1]
    assert b'"value": 4100000000' in outputs[0]


def test_worker_processes_write_the_cache_too(tmp_path: Path) -> None:
    """With workers (which end without running what waits for the exit), the patterns
    they compile are written after each file that compiled new ones."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(f"Ningbo trade grows\n\nNingbo's exports rose {n}.2% "
                                          "in the first half of 2023.\n")
    env = {**os.environ, "ZJOPEN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ZJOPEN_CACHE", None)
    subprocess.run([sys.executable, "-m", "zjopen", "parse", str(folder), "-q", "--jobs", "2",
                    "-o", str(tmp_path / "out.jsonl")], env=env, check=True, timeout=120)
    names = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir())
    assert names == ["code", "gazetteer", "kb", "patterns", "quantities", "regions"]


def _kind_from(folder: Path, module: str, body: str) -> str:
    """The name under which the cache keeps what the compile function of a module with
    ``body`` compiles (the module written to ``folder`` and imported)."""
    path = folder / f"{module}.py"
    path.write_text(body)
    spec = importlib.util.spec_from_file_location(module, path)
    assert spec is not None
    assert spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[module] = loaded
    try:
        spec.loader.exec_module(loaded)
        return cache._KINDS.pop(loaded.compile_it)[0]
    finally:
        del sys.modules[module]


_SCANNER = '''import re
from zjopen.lexicon._compile_cache import register
def source(text, flags):
    return {wrapped!r}.format(text)
def compile_it(text, flags):
    return re.compile(source(text, flags), flags)
register(compile_it, "scanner", source)
'''


def test_a_compile_function_whose_module_changed_is_another_kind(tmp_path: Path) -> None:
    """What a changed compile function makes is never read as what the old one made: the
    name the cache keeps its patterns under holds its module's digest."""
    one = _kind_from(tmp_path, "zjopen_kind_one", _SCANNER.format(wrapped=r"\W(?:{})"))
    again = _kind_from(tmp_path, "zjopen_kind_one", _SCANNER.format(wrapped=r"\W(?:{})"))
    other = _kind_from(tmp_path, "zjopen_kind_one", _SCANNER.format(wrapped=r"\s(?:{})"))
    assert one == again
    assert one.startswith("scanner@")
    assert other.startswith("scanner@")
    assert one != other


def test_a_pattern_compiled_by_an_older_compile_function_is_not_read(fresh: Path) -> None:
    """A pattern kept by one version of a compile function, then asked of the next version
    under the same source: compiled anew, by the new function."""
    old = _kind_from(fresh, "zjopen_kind_two", _SCANNER.format(wrapped=r"\W(?:{})"))
    compile_old = lambda text, flags: re.compile(rf"\W(?:{text})", flags)  # noqa: E731
    compile_new = lambda text, flags: re.compile(rf"\s(?:{text})", flags)  # noqa: E731
    cache._KINDS[compile_old] = (old, lambda text, flags: rf"\W(?:{text})")
    try:
        assert cache.cached_compile(compile_old, "rose", 0).pattern == r"\W(?:rose)"
        _new_process()
        new = _kind_from(fresh, "zjopen_kind_two", _SCANNER.format(wrapped=r"\s(?:{})"))
        cache._KINDS[compile_new] = (new, lambda text, flags: rf"\s(?:{text})")
        assert cache.cached_compile(compile_new, "rose", 0).pattern == r"\s(?:rose)"
    finally:
        cache._KINDS.pop(compile_old, None)
        cache._KINDS.pop(compile_new, None)


_SOURCES_OF_A_RUN = """
import re, sys
seen = set()
compile_ = re._compile
def spy(pattern, flags):
    if isinstance(pattern, str):
        seen.add((pattern, int(flags)))
    return compile_(pattern, flags)
re._compile = spy
from zjopen.cli import main
main(["parse", sys.argv[1], "-q", "-o", sys.argv[2], "--format", "jsonl", "--jobs", "1"])
for pattern, flags in sorted(seen):
    print(flags, pattern.encode("unicode_escape").decode())
"""


def test_a_run_compiles_the_same_sources_whatever_the_hash_seed(tmp_path: Path) -> None:
    """A pattern built in a set's order would be another source in each process, so the
    cache would compile it anew at every run and keep a copy of each: every source a run
    compiles is the same under two hash seeds."""
    articles = Path(__file__).resolve().parents[1] / "examples" / "articles"
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "ZJOPEN_CACHE": "off"}
        done = subprocess.run([sys.executable, "-c", _SOURCES_OF_A_RUN, str(articles),
                               str(tmp_path / f"out{seed}.jsonl")],
                              env=env, check=True, timeout=300, capture_output=True, text=True)
        runs.append(done.stdout.splitlines())
    assert len(runs[0]) > 100
    assert runs[0] == runs[1]
