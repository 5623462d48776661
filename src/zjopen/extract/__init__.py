"""Extractors: pure functions from a :class:`~zjopen.document.Document` to records.

``regions`` (places), ``names`` (enterprises, platforms and initiatives in one pass) and
``metrics`` (figures, with ``times`` for their periods and years). Each built-in
extractor, and any extractor a user adds, is a callable ``(Document) -> Iterable[Record]``
that returns one record per mention. Next: :mod:`zjopen.link` merges mentions of one
thing and gives figures their subjects.
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
