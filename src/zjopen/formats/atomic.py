"""Atomic file writes: a reader sees the old file or the whole new one, never half.

The new file is written beside the old one under a temporary name that holds the
writer's process id (``.NAME.PID.XXXX.tmp``) and renamed over it when complete; a
temporary file left by a writer that was killed is removed by the next write of the
same file. Only regular files are replaced: a device, FIFO, socket, symbolic link or
folder at the path is refused. The new file gets the old one's permissions, or the
usual ``0666`` less the umask.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from zjopen.errors import OutputError


def _sync(handle: IO[Any]) -> None:
    """Flush ``handle`` and have the system put its bytes on disk."""
    handle.flush()
    os.fsync(handle.fileno())


def _checked_mode(target: Path) -> int:
    """The permissions the new file gets; refuses what is not a regular file."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    kinds = ((stat.S_ISLNK, "is a symbolic link"), (stat.S_ISDIR, "is a folder"),
             (stat.S_ISCHR, "is a device, not a file"), (stat.S_ISBLK, "is a device, not a file"),
             (stat.S_ISFIFO, "is a FIFO, not a file"), (stat.S_ISSOCK, "is a socket, not a file"))
    for test, what in kinds:
        if test(info.st_mode):
            raise OutputError(target, what)
    return stat.S_IMODE(info.st_mode)


def _remove_stale(directory: Path, name: str) -> None:
    """Delete temporary files of ``name`` left by writers that are no longer running."""
    prefix = f".{name}."
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for left in [n for n in names if n.startswith(prefix) and n.endswith(".tmp")]:
        pid = left[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(directory, left))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is another user's
        return True
    return True


_CREATE = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_BINARY", 0)


def _new_file(directory: Path, prefix: str) -> tuple[int, str]:
    """A descriptor and the path of a new, empty file ``PREFIX<random>.tmp`` in
    ``directory`` that only this user may read, made by this call (as
    ``tempfile.mkstemp`` makes it, without importing ``tempfile`` and ``shutil``)."""
    for _ in range(100):
        path = os.path.join(directory, f"{prefix}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(path, _CREATE, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no new temporary file name in {directory}")  # pragma: no cover


@contextlib.contextmanager
def _replacing(path: str | os.PathLike[str]) -> Iterator[int]:
    """A descriptor of a temporary file beside ``path``, renamed over ``path`` when the
    block ends normally and deleted if it raises (or is interrupted)."""
    target = Path(path)
    mode = _checked_mode(target)
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    _remove_stale(directory, target.name)
    fd, tmp = _new_file(directory, f".{target.name}.{os.getpid()}.")
    try:
        os.fchmod(fd, mode)
        yield fd
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, newline: str | None = None,
                  compress: bool = False) -> Iterator[IO[str]]:
    """Open ``path`` for writing UTF-8 text (gzip-compressed with ``compress``) so that
    it appears whole or not at all."""
    with _replacing(path) as fd:
        if compress:
            with os.fdopen(fd, "wb") as raw:
                import gzip  # (only for a compressed file)

                with gzip.open(raw, "wt", encoding="utf-8", newline=newline) as handle:
                    yield handle
                _sync(raw)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
                yield handle
                _sync(handle)
