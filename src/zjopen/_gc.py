"""Pausing the cyclic garbage collector while tables are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector during a bulk load.

    Loading makes tens of thousands of small objects, none of them cyclic; with
    collection on, the collector repeatedly walks every object of the process, which
    doubles the load time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
