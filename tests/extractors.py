"""An extractor of the kind users write, for the tests that run custom pipelines in
worker processes (it must live in a module for them to import)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from zjopen import Document, Platform, PlatformKind, Span

_WHARF = re.compile(r"\b[A-Z][a-z]+ Wharf\b")


def wharves(doc: Document) -> Iterator[Platform]:
    """"Jintang Wharf": a port platform the built-in extractors do not know."""
    for match in _WHARF.finditer(doc.norm):
        yield Platform(name=match.group(), kind=PlatformKind.PORT,
                       mentions=[Span.of(doc.text, match.start(), match.end())])


def write_wharf_articles(folder: Path, count: int = 3) -> None:
    """``count`` short articles, 0.txt and on, each naming Jintang Wharf."""
    for n in range(count):
        (folder / f"{n}.txt").write_text(
            f"Harbour news\n\nGoods left Jintang Wharf in Zhoushan in 2024, up {n + 1}%.",
            encoding="utf-8")
