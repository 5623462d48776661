"""The one loader of the package's data files (``zjopen/data/``), and bulk-load help.

>>> load_json("units.json")["units"][0]["code"]
'CNY'
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

__all__ = ["load_json", "paused_gc", "read_data"]


def read_data(name: str) -> str:
    """The text of ``zjopen/data/NAME`` (a path below ``data/``, ``/``-separated)."""
    return resources.files("zjopen").joinpath("data", *name.split("/")).read_text("utf-8")


def load_json(name: str) -> Any:
    """The parsed JSON of ``zjopen/data/NAME``."""
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
        if enabled:
            gc.enable()
