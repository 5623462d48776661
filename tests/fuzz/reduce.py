"""Shrinking an input that breaks a property, and storing it as a regression case.

:func:`reduce` cuts pieces out of the input (halves, quarters, ... single characters,
as in delta debugging) for as long as what is left still fails the same way.

>>> reduce("xxxxBUGxxxx", lambda s: "BUG" in s)
'BUG'

Crashers are stored in ``tests/fixtures/crashers/``, named by a short hash of their
content: ``HASH.txt`` for an input given to ``parse`` as ``str`` (held as UTF-8, lone
surrogates kept by ``surrogatepass``), ``HASH.bin`` for one given as ``bytes``.

>>> load_crasher(crasher_name("a\\ud800b"), "a\\ud800b".encode("utf-8", "surrogatepass"))
'a\\ud800b'
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

CRASHERS = Path(__file__).resolve().parents[1] / "fixtures" / "crashers"
"""Where crashers are stored (``tests/fixtures/crashers``)."""

T = TypeVar("T", str, bytes)


def reduce(data: T, still_fails: Callable[[T], bool], *, seconds: float = 60.0) -> T:
    """The smallest ``data`` found within ``seconds`` that ``still_fails``."""
    deadline = time.monotonic() + seconds
    parts = 2
    while len(data) >= 2 and time.monotonic() < deadline:
        chunk = max(1, len(data) // parts)
        cut = False
        start = 0
        while start < len(data) and time.monotonic() < deadline:
            candidate = data[:start] + data[start + chunk:]
            if candidate and still_fails(candidate):
                data = candidate
                cut = True
            else:
                start += chunk
        if cut:
            parts = max(parts - 1, 2)
        elif chunk == 1:
            break
        else:
            parts = min(parts * 2, len(data))
    return data


def as_bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")


def crasher_name(data: str | bytes) -> str:
    """``HASH.txt`` or ``HASH.bin``: ten hex digits of the BLAKE2b hash of the input."""
    digest = hashlib.blake2b(as_bytes(data), digest_size=5).hexdigest()
    return digest + (".bin" if isinstance(data, bytes) else ".txt")


def save_crasher(data: str | bytes, folder: Path = CRASHERS) -> Path:
    """Store ``data`` in ``folder`` (if not there already); returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / crasher_name(data)
    if not path.exists():
        path.write_bytes(as_bytes(data))
    return path


def load_crasher(name: str, content: bytes) -> str | bytes:
    """The input a stored crasher holds, as ``str`` or ``bytes`` as its name says."""
    return content if name.endswith(".bin") else content.decode("utf-8", "surrogatepass")


def crasher_files(folder: Path = CRASHERS) -> list[Path]:
    """Every stored crasher, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".bin"})
