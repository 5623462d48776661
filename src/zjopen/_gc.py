"""Pausing the cyclic garbage collector while many long-lived objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
