"""The one loader of the package's data files (``zjopen/data/``), and bulk-load help.

>>> load_json("units.json")["units"][0]["code"]
'CNY'
"""

from __future__ import annotations

import functools
import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["data_bytes", "freeze_loads", "load_json", "paused_gc", "read_data", "read_list"]

_freezing: list[bool] = []  # whether paused_gc freezes what was loaded (the command line)

# The data folder, when the package is a folder of files (else importlib.resources reads
# the files: a package in a zip file, say).
_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


def data_bytes(name: str) -> bytes:
    """The bytes of ``zjopen/data/NAME`` (a path below ``data/``, ``/``-separated)."""
    try:
        with open(os.path.join(_DATA, *name.split("/")), "rb") as handle:
            return handle.read()
    except OSError:
        from importlib import resources  # (a few ms to import: only when needed)

        return resources.files("zjopen").joinpath("data", *name.split("/")).read_bytes()


def read_data(name: str) -> str:
    """The text of ``zjopen/data/NAME`` (a path below ``data/``, ``/``-separated), as
    ``importlib.resources`` reads it (UTF-8, line ends made ``\\n``), faster."""
    text = data_bytes(name).decode("utf-8")
    if "\r" in text:  # the universal newlines of a file read as text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_list(name: str) -> list[str]:
    """The entries of the list file ``zjopen/data/NAME``: one a line, what follows a
    ``#`` on a line and blank lines left out."""
    entries = (line.split("#", 1)[0].strip() for line in read_data(name).splitlines())
    return [entry for entry in entries if entry]


@functools.cache
def load_json(name: str) -> Any:
    """The parsed JSON of ``zjopen/data/NAME``, read and parsed once per process: every
    caller gets the same object, to read and never to change."""
    return json.loads(read_data(name))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector during a bulk load (the gazetteer's tables, a
    saved corpus).

    Loading makes many small objects that live on and form no cycles; with collection
    on, the collector walks them again and again, which halves the loading speed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freezing:
            gc.freeze()
        if enabled:
            gc.enable()


def freeze_loads() -> None:
    """Let :func:`paused_gc` put what a bulk load made beyond the collector's reach
    (:func:`gc.freeze`), for a process where it lives to the end (the command line's):
    else the collector walks it again and again, a few ms each time, for nothing."""
    if not _freezing:
        _freezing.append(True)
