"""An extractor of the kind users write, for the tests that run custom pipelines in
worker processes (it must live in a module for them to import)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zjopen import Document, Platform, PlatformKind, Span

_WHARF = re.compile(r"\b[A-Z][a-z]+ Wharf\b")


def wharves(doc: Document) -> Iterator[Platform]:
    """"Jintang Wharf": a port platform the built-in extractors do not know."""
    for match in _WHARF.finditer(doc.norm):
        yield Platform(name=match.group(), kind=PlatformKind.PORT,
                       mentions=[Span.of(doc.text, match.start(), match.end())])
