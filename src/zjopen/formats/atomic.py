"""Atomic file writes: a reader sees the old file or the whole new one, never half."""

from __future__ import annotations

import contextlib
import gzip
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def _sync(handle: IO[Any]) -> None:
    """Flush ``handle`` and have the system put its bytes on disk."""
    handle.flush()
    os.fsync(handle.fileno())


@contextlib.contextmanager
def _replacing(path: str | os.PathLike[str]) -> Iterator[int]:
    """A descriptor of a temporary file beside ``path``, renamed over ``path`` when the
    block ends normally and deleted if it raises (or is interrupted)."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
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
                with gzip.open(raw, "wt", encoding="utf-8", newline=newline) as handle:
                    yield handle
                _sync(raw)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
                yield handle
                _sync(handle)
