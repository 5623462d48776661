"""A cache of compiled patterns across runs, in the user's cache folder.

Compiling a pattern is Python work (the ``re`` module parses it and writes the regex
engine's code in Python); zjopen compiles a few hundred on their first use, a tenth of a
second in all, which a command-line run pays each time. What compiling one produces is a
list of integers (the engine's code) with the pattern's groups, and the engine builds a
pattern from these at once (``_sre.compile``, which ``re.compile`` itself ends with).
This module keeps them, for the patterns :class:`~zjopen.lexicon.patterns.LazyPattern`
compiles, in one file per Python version and zjopen source
(``~/.cache/zjopen/patterns-*.bin``, or under ``$XDG_CACHE_HOME`` or
``$ZJOPEN_CACHE_DIR``; ``ZJOPEN_CACHE=off`` turns it off):

- a pattern's code is kept only when the pattern built from it is equal (``==``: same
  flags, code and text) to the one ``re.compile`` makes, and has the same groups;
- the file is checked against the CRC it carries and read only when it was written by
  this Python (its version and the regex engine's ``MAGIC``) for this zjopen (the digest of
  the code that writes the patterns); anything amiss, and patterns are compiled as usual;
- the file is written only when :func:`save_at_exit` asked for it (the command line
  does), at exit, beside the old one and renamed over it (a reader sees one whole file).
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon._user_cache import blake2b

__all__ = ["cached_compile", "register", "save_at_exit", "save_new"]

Compile = Callable[[str, int], "re.Pattern[str]"]

# The compile functions whose results may be cached: each by a name (with the digest of its
# module), with what it does to the source before compiling it (the guard of
# guarded_compile), or None.
_KINDS: dict[Any, tuple[str, Callable[[str, int], str] | None]] = {}
_MAX_ENTRIES = 5000  # bounds on the file, whatever patterns are compiled
_MAX_BYTES = 8_000_000
_KEPT = 8  # a pattern no run used in this many saves is dropped
_UNCACHED = re.DEBUG | 1  # flags compiled as usual: DEBUG prints, TEMPLATE (1) is gone
_state: dict[str, Any] = {}  # "entries", "added", "path", "save": made on first use

try:  # the regex engine and the parts of re that compile for it (CPython 3.11 and later)
    import _sre  # type: ignore[import-not-found,unused-ignore]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: str | None = f"{sys.version}|{_sre.MAGIC}|{sys.implementation.cache_tag}"
    if sys.implementation.name != "cpython" or not hasattr(_compiler, "_code"):
        _ENGINE = None  # pragma: no cover - another implementation
except ImportError:  # pragma: no cover - Python 3.10
    _ENGINE = None


def register(compile: Compile, name: str, source: Callable[[str, int], str] | None) -> None:
    """Let the results of ``compile`` be cached, under ``name``; ``source`` gives the text
    it compiles for a pattern's source (None: the source itself).

    The name kept in the file also holds a digest of the modules ``compile`` and ``source``
    are written in, so that a pattern compiled by an earlier version of either is not
    taken for one of theirs."""
    modules = sorted({function.__module__ for function in (compile, source)
                      if function is not None})
    made_from = b"\0".join(_module_bytes(module) for module in modules)
    _KINDS[compile] = (f"{name}@{blake2b(made_from, digest_size=8).hexdigest()}", source)


def _module_bytes(module: str) -> bytes:
    """The source of ``module`` (being imported, or imported), or its name when it has no
    file to read."""
    path = getattr(sys.modules.get(module), "__file__", None)
    try:
        return Path(path).read_bytes() if path else module.encode()
    except OSError:
        return module.encode()


def save_at_exit() -> None:
    """Write the patterns compiled in this process to the cache at exit (and let this
    process write its other cache files)."""
    user_cache.save()
    if not _state.get("save"):
        _state["save"] = True
        atexit.register(_save)


def save_new() -> None:
    """Write the patterns compiled since the last write, now, if this process may write
    (a worker process, which ends without running what waits for the exit, calls it
    after each file)."""
    if _state.get("added") and user_cache.saving():
        _save()


def cached_compile(compile: Compile, source: str, flags: int) -> re.Pattern[str]:
    """``compile(source, flags)``, from the cache when it holds the pattern."""
    kind = _KINDS.get(compile)
    if kind is None or _ENGINE is None or type(source) is not str or flags & _UNCACHED:
        return compile(source, flags)
    entries = _entries()
    key = (kind[0], source, int(flags))
    entry = entries.get(key)
    if entry is not None:
        try:
            made: re.Pattern[str] = _sre.compile(*entry[0])
        except Exception:  # a bad entry: compiled as usual
            entries.pop(key, None)
        else:
            _state["used"].add(key)
            return made
    compiled = compile(source, flags)
    if len(entries) < _MAX_ENTRIES:
        args = _engine_args(kind[1](source, flags) if kind[1] else source, int(flags))
        if args is not None and _same(args, compiled):
            entries[key] = (args, 0)
            _state["used"].add(key)
            _state["added"] = True
    return compiled


def _engine_args(text: str, flags: int) -> tuple[Any, ...] | None:
    """What ``re._compiler.compile`` gives ``_sre.compile`` for ``text``, as plain data."""
    try:
        parsed = _parser.parse(text, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (text, int(flags | parsed.state.flags), [int(c) for c in code],
                parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:  # not cached, compiled as usual
        return None


def _same(args: tuple[Any, ...], compiled: re.Pattern[str]) -> bool:
    """Whether the engine makes from ``args`` the very pattern ``compiled`` is."""
    try:
        made = _sre.compile(*args)
    except Exception:  # (a Python whose engine reads other code)
        return False
    return bool(made == compiled and made.groups == compiled.groups
                and made.groupindex == compiled.groupindex)


def _file() -> Path | None:
    try:
        made_from = [str(_ENGINE).encode(), *user_cache.source(
            __file__, "patterns.py", "_compile_cache.py")]  # the code that writes patterns
    except OSError:
        return None
    return user_cache.file("patterns", made_from)


_Entries = dict[tuple[str, str, int], tuple[tuple[Any, ...], int]]  # key: (args, last save)


def _entries() -> _Entries:
    entries: _Entries | None = _state.get("entries")
    if entries is None:
        path = _file()
        saves, entries = _read(path) if path is not None else (0, {})
        _state.update(entries=entries, path=path, saves=saves, used=set())
    return entries


def _read(path: Path) -> tuple[int, _Entries]:
    """The number of saves the file has seen, and its patterns (each with the number of
    the last save that used it)."""
    stored = user_cache.read(path)
    if not (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], int)
            and isinstance(stored[1], dict)):
        return 0, {}
    return stored[0], stored[1]


def _save() -> None:
    """Write the file again when this run compiled patterns it did not hold: with the
    patterns of this run and those another run used in the last saves (a pattern made
    differently by each run, from a set's order say, does not pile up)."""
    path: Path | None = _state.get("path")
    if path is None or not _state.get("added"):
        return
    try:
        saves, stored = _read(path)
        saves = max(saves, _state["saves"]) + 1
        used = _state["used"]
        entries = {key: entry for key, entry in stored.items() if entry[1] > saves - _KEPT}
        entries.update((key, (entry[0], saves)) for key, entry in _state["entries"].items()
                       if key in used)
        if len(marshal.dumps((saves, entries))) > _MAX_BYTES:
            entries = {key: entry for key, entry in entries.items() if key in used}
        user_cache.write(path, (saves, entries))
    except Exception:  # noqa: S110 - a cache that cannot be written is no error
        pass
    _state["added"] = False
