"""Files zjopen keeps in the user's cache folder to start faster: what it would otherwise
work out again in every process (compiled patterns, the gazetteer's name index).

The folder is ``$ZJOPEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/zjopen``, else
``~/.cache/zjopen``; ``ZJOPEN_CACHE=off`` turns the cache off. A file's name holds a digest
of all it was made from (the Python version, the code and the data that made it), so a
file made by other code or from other data is never read; its content is plain data
(``marshal``) behind its CRC-32, so a damaged file is never used. Files are written
only when :func:`save` was called (the command line calls it), beside the old file and
renamed over it, so a reader sees one whole file or none.

:class:`CacheFile` is a file of things compiled by key (patterns, code), read on first
use and written again at exit with what the run compiled.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from zjopen.lexicon.load import paused_gc

try:  # hashlib's blake2b itself, without hashlib's import of OpenSSL (a few ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another implementation
    from hashlib import blake2b

__all__ = ["CacheFile", "blake2b", "built_or_read", "file", "read", "save", "saving", "write"]

T = TypeVar("T")

_saving: list[bool] = []


def save() -> None:
    """Let this process write its cache files."""
    if not _saving:
        _saving.append(True)


def saving() -> bool:
    """Whether this process writes its cache files."""
    return bool(_saving)


def _folder() -> Path | None:
    if os.environ.get("ZJOPEN_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    chosen = os.environ.get("ZJOPEN_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return None if base.startswith("~") else Path(base) / "zjopen"


def file(name: str, made_from: Iterable[bytes]) -> Path | None:
    """The cache file ``name`` for what is made from ``made_from`` (with this Python), or
    None when there is no cache."""
    folder = _folder()
    if folder is None:
        return None
    digest = blake2b(sys.version.encode(), digest_size=8)
    for part in made_from:
        digest.update(blake2b(part, digest_size=16).digest())
    return folder / f"{name}-{sys.implementation.cache_tag}-{digest.hexdigest()}.bin"


def source(module_file: str, *names: str) -> list[bytes]:
    """The bytes of the modules ``names`` in the folder of ``module_file`` (what made a
    cache file: a file made by other code is another file)."""
    here = Path(module_file).resolve().parent
    return [(here / name).read_bytes() for name in names]


def read(path: Path) -> Any:
    """What the file holds, or None when it is missing or damaged."""
    try:
        data = path.read_bytes()
        check, payload = data[:4], data[4:]
        if zlib.crc32(payload).to_bytes(4, "big") != check:
            return None
        return marshal.loads(payload)  # noqa: S302 - our own file, its CRC checked
    except Exception:  # no file, or not one of ours
        return None


def write(path: Path, value: Any) -> None:
    """Write ``value`` (plain data) to the file, whole or not at all, and remove the
    older files of its name; errors are ignored (a cache that cannot be written is no
    error)."""
    import tempfile  # (a few ms to import: only for a process that writes)

    try:
        payload = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(zlib.crc32(payload).to_bytes(4, "big") + payload)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        # The files of the same name made by other code or from other data (an older
        # zjopen, say) are not read again: removed.
        kind = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{kind}-*.bin"):
            if old.name != path.name:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: S110 - see above
        pass


def built_or_read(path: Path | None, build: Callable[[], T],
                  plain: Callable[[T], Any], from_plain: Callable[[Any], T]) -> T:
    """What ``build`` makes, read back from the cache file ``path`` when it holds it
    (``from_plain`` of what it holds; any error of it, and it is built as usual), else
    built and, when this process may write, left there as ``plain`` of it."""
    if path is not None:
        with paused_gc():
            stored = read(path)
        if stored is not None:
            try:
                return from_plain(stored)
            except Exception:  # noqa: S110 - not one of ours: built as usual
                pass
    made = build()
    if path is not None and saving():
        write(path, plain(made))
    return made


_SAVES_KEPT = 8  # an entry of a CacheFile no run used in this many saves is dropped


class CacheFile:
    """Things compiled by key (a pattern's engine code, a function's code object), kept
    in the cache file ``name`` (:func:`file`, made from the bytes ``made_from`` gives and
    this module's) across runs: read once, on first use; written again at exit, when this
    process may write its cache files (:func:`save`) and the run compiled something the
    file did not hold. The file holds the number of saves it has seen and each entry with
    the number of the last save that used it: a save keeps the entries this run used and
    those another run used in the last :data:`_SAVES_KEPT` saves (so that an entry made
    differently by each run does not pile up); only those this run used when that is more
    than ``max_entries`` entries or ``max_bytes`` bytes."""

    def __init__(self, name: str, made_from: Callable[[], list[bytes]], *,
                 max_entries: int, max_bytes: int) -> None:
        self.name = name
        self.made_from = made_from
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.at_exit = False
        self.forget()

    def forget(self) -> None:
        """Drop what was read and compiled, as in a new process."""
        self.entries: dict[Any, tuple[Any, int]] | None = None
        self.used: set[Any] = set()
        self.added = False
        self.saves = 0
        self.path: Path | None = None

    def _read(self) -> dict[Any, tuple[Any, int]]:
        try:
            self.path = file(self.name, [*self.made_from(), _own_source()])
        except OSError:
            self.path = None
        self.saves, self.entries = _saved_entries(self.path)
        if not self.at_exit:
            self.at_exit = True
            atexit.register(self.save)
        return self.entries

    def get(self, key: Any) -> Any:
        """What the file (or this run) holds for ``key`` (noted as used), or None."""
        entries = self.entries
        entry = (self._read() if entries is None else entries).get(key)
        if type(entry) is not tuple or len(entry) != 2:
            return None
        self.used.add(key)
        return entry[0]

    def add(self, key: Any, value: Any) -> None:
        """Keep ``value`` (plain data, or code) for ``key``, unless the run has compiled
        ``max_entries`` things already."""
        entries = self.entries
        if entries is None:
            entries = self._read()
        if len(entries) < self.max_entries:
            entries[key] = (value, 0)
            self.used.add(key)
            self.added = True

    def drop(self, key: Any) -> None:
        """Forget what is held for ``key`` (a bad entry)."""
        if self.entries is not None:
            self.entries.pop(key, None)
        self.used.discard(key)

    def save(self) -> None:
        """Write the file again, if this run compiled something it did not hold and this
        process may write its cache files (at exit, or after each file in a worker)."""
        path = self.path
        if path is None or self.entries is None or not self.added or not saving():
            return
        try:
            saves, stored = _saved_entries(path)
            saves = max(saves, self.saves) + 1
            used = self.used
            entries = {key: entry for key, entry in stored.items()
                       if entry[1] > saves - _SAVES_KEPT}
            entries.update((key, (entry[0], saves)) for key, entry in self.entries.items()
                           if key in used)
            if (len(entries) > self.max_entries
                    or len(marshal.dumps((saves, entries))) > self.max_bytes):
                entries = {key: entry for key, entry in entries.items() if key in used}
            write(path, (saves, entries))
        except Exception:  # noqa: S110 - a cache that cannot be written is no error
            pass
        self.added = False


@cache
def _own_source() -> bytes:
    """The bytes of this module, which reads and writes the files of a CacheFile (read
    once a process)."""
    return source(__file__, "_user_cache.py")[0]


def _saved_entries(path: Path | None) -> tuple[int, dict[Any, tuple[Any, int]]]:
    """The number of saves the file of a :class:`CacheFile` has seen, and its entries;
    none when it is missing or amiss."""
    stored = read(path) if path is not None else None
    if not (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], int)
            and isinstance(stored[1], dict)):
        return 0, {}
    return stored[0], stored[1]
