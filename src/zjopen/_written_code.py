"""The compiled code of the functions zjopen writes for its own classes at run time (the
records' constructors of :mod:`zjopen._article_checks`, the evolvers of
:mod:`zjopen._evolve`), kept across runs in the user's cache folder.

Compiling the source of a function is Python's parser and compiler at work, some
milliseconds for the fifteen functions a command-line run writes; reading back their
code objects (``marshal``) takes a few hundredths of that. :func:`compiled` gives the
code object of a source: ``compile(source, "<string>", "exec")``, the very code
``exec(source)`` runs, from the cache file when it holds that source. The file
(``code-*.bin``, see :mod:`zjopen.lexicon._user_cache`) is made for one Python version
and this module's code; it is written at exit, only by a process that may write its
cache files (the command line), and only when the run compiled a source it did not hold.
"""

from __future__ import annotations

import atexit
from types import CodeType
from typing import Any

from zjopen.lexicon import _user_cache as user_cache

__all__ = ["compiled"]

_MAX_ENTRIES = 1000  # bounds on the file, whatever the classes
_state: dict[str, Any] = {}  # "codes", "path", "used", "added": made on first use


def compiled(source: str) -> CodeType:
    """``compile(source, "<string>", "exec")``, from the cache when it holds it."""
    codes = _codes()
    code = codes.get(source)
    if type(code) is not CodeType:
        code = compile(source, "<string>", "exec")
        codes[source] = code
        _state["added"] = True
    _state["used"].add(source)
    return code


def _codes() -> dict[str, Any]:
    codes: dict[str, Any] | None = _state.get("codes")
    if codes is None:
        try:
            path = user_cache.file("code", user_cache.source(__file__, "_written_code.py"))
        except OSError:
            path = None
        stored = user_cache.read(path) if path is not None else None
        codes = dict(stored) if isinstance(stored, dict) else {}
        _state.update(codes=codes, path=path, used=set(), added=False)
        atexit.register(_save)
    return codes


def _save() -> None:
    """Write the file again when this run compiled sources it did not hold: the sources
    this run used, with those the file held (up to :data:`_MAX_ENTRIES`)."""
    path = _state.get("path")
    if path is None or not _state.get("added") or not user_cache.saving():
        return
    stored = user_cache.read(path)
    codes = {key: value for key, value in stored.items() if type(value) is CodeType} if (
        isinstance(stored, dict)) else {}
    used = _state["used"]
    codes.update((key, value) for key, value in _state["codes"].items() if key in used)
    if len(codes) > _MAX_ENTRIES:
        codes = {key: value for key, value in _state["codes"].items() if key in used}
    user_cache.write(path, codes)
    _state["added"] = False
