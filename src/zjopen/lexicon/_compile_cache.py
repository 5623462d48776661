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
  does), at exit, beside the old one and renamed over it (a reader sees one whole file);
  it keeps the patterns used in its last saves (``_user_cache.CacheFile``).
"""

from __future__ import annotations

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
_UNCACHED = re.DEBUG | 1  # flags compiled as usual: DEBUG prints, TEMPLATE (1) is gone

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


def save_new() -> None:
    """Write the patterns compiled since the last write, now, if this process may write
    (a worker process, which ends without running what waits for the exit, calls it
    after each file)."""
    _PATTERNS.save()


def cached_compile(compile: Compile, source: str, flags: int) -> re.Pattern[str]:
    """``compile(source, flags)``, from the cache when it holds the pattern."""
    kind = _KINDS.get(compile)
    if kind is None or _ENGINE is None or type(source) is not str or flags & _UNCACHED:
        return compile(source, flags)
    key = (kind[0], source, int(flags))
    args = _PATTERNS.get(key)
    if args is not None:
        try:
            made: re.Pattern[str] = _sre.compile(*args)
        except Exception:  # a bad entry: compiled as usual
            _PATTERNS.drop(key)
        else:
            return made
    compiled = compile(source, flags)
    args = _engine_args(kind[1](source, flags) if kind[1] else source, int(flags))
    if args is not None and _same(args, compiled):
        _PATTERNS.add(key, args)
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


# The patterns compiled: by (the name of their compile function, source, flags), the
# arguments ``_sre.compile`` makes each from; the file is made for this Python's engine and
# the code that writes patterns.
_PATTERNS = user_cache.CacheFile(
    "patterns", lambda: [str(_ENGINE).encode(),
                         *user_cache.source(__file__, "patterns.py", "_compile_cache.py")],
    max_entries=5000, max_bytes=8_000_000)
