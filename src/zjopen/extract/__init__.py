"""Extractors: pure functions from a :class:`~zjopen.document.Document` to records.

One module per record kind (``regions``, ``entities``, ``metrics``). Each built-in
extractor, and any extractor a user adds, is a callable ``(Document) -> Iterable[Record]``
that returns one record per mention; the linker merges mentions of the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from zjopen.document import Document
from zjopen.model import Record

__all__ = ["Extractor"]


class Extractor(Protocol):
    """Anything that finds records in a document."""

    def __call__(self, doc: Document, /) -> Iterable[Record]: ...
