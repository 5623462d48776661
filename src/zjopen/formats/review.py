"""The review view: one self-contained HTML page per article, every record in place.

``zjopen render PATH... -o DIR`` writes a page per article and ``DIR/index.html``.
Each page shows the headline once, the byline (authors, source, date) and the clean
text with every extracted record highlighted by kind; each figure carries its subject
and year inline, and figures with no year or no subject are flagged for review. The
side panel lists each record once (a region mentioned three times is one row, with
its count): clicking a row steps through its mentions in the text and opens its
fields; clicking a highlight opens its row. Values read as a person writes them
("1.04 billion t", "+4.2%", "12th") with the exact value on hover. Keys: ``j``/``k``
(or ``n``/``p``) go to the next / previous figure to review, ``[``/``]`` to the
previous / next article of the run. The index lists every article with its counts of
records and of figures to review.

Pages load nothing from the network and run nothing but their own script (a
Content-Security-Policy says so); all text and attribute values from the article are
escaped, and DOM ids and file names are never made of raw input.

>>> from zjopen import parse
>>> page = render_article(parse("Yiwu grows\\n\\nIn 2023, Yiwu exports rose 5% <script>.", id="a"))
>>> "&lt;script&gt;" in page and "<script>alert" not in page
True
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TypeAlias
from urllib.parse import quote

import attrs

from zjopen.formats.atomic import atomic_writer
from zjopen.formats.review_page import IndexEntry, PageLink, article_page, index_page
from zjopen.formats.review_records import article_counts
from zjopen.model import Article

__all__ = ["PageLink", "PageNames", "render_article", "render_index", "write_review"]

Source: TypeAlias = Article | tuple[str | os.PathLike[str] | None, Article]
"""An article, or an article with the path of the file it was parsed from."""

INDEX = "index.html"

_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
     *(f"lpt{n}" for n in range(1, 10))])
_MAX_NAME = 80
_UNSAFE = re.compile("\0+")


def _safe(name: str) -> str:
    """A file name stem of letters, digits, ``-``, ``_`` and ``.``; never empty, hidden,
    reserved or too long.

    >>> _safe('"><img src=x onerror=alert(1)>'), _safe("../../etc/passwd"), _safe("")
    ('img_src_x_onerror_alert_1_', 'etc_passwd', 'article')
    """
    name = unicodedata.normalize("NFC", name)
    safe = _UNSAFE.sub("_", "".join(c if c.isalnum() or c in "-_." else "\0" for c in name))
    safe = safe.lstrip("._-") or "article"
    if len(safe) > _MAX_NAME:
        digest = hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=4)
        safe = f"{safe[:_MAX_NAME - 9]}-{digest.hexdigest()}"
    if safe.split(".")[0].casefold() in _WINDOWS_RESERVED:
        safe = f"{safe}_"
    return safe


class PageNames:
    """Unique, deterministic page file names for the articles of one run.

    A page is named after its file (or, without one, the article id); when that name is
    taken, by the folder and then the file type: ``x/a.txt``, ``y/a.txt`` and
    ``x/a.html`` become ``a.html``, ``y-a.html`` and ``x-a.html``. Names are compared
    ignoring case (as macOS and Windows do), and ``index.html`` is kept for the index.

    >>> names = PageNames()
    >>> [names.add("a", p) for p in ("x/a.txt", "y/a.txt", "x/a.html")]
    ['a.html', 'y-a.html', 'x-a.html']
    >>> [names.add(i) for i in ("a", "index", "A")]
    ['a-2.html', 'index-2.html', 'A-3.html']
    """

    def __init__(self) -> None:
        self._used = {"index"}

    def add(self, article_id: str, path: str | os.PathLike[str] | None = None) -> str:
        """The name of the next article's page (``NAME.html``), now taken."""
        candidates = [article_id]
        if path is not None:
            file = Path(path)
            kind = file.suffix.lstrip(".")
            folder = file.parent.name
            candidates = [file.stem, f"{folder}-{file.stem}", f"{file.stem}-{kind}",
                          f"{folder}-{file.stem}-{kind}"]
        for candidate in candidates:
            safe = _safe(candidate)
            if safe.casefold() not in self._used:
                return self._take(safe)
        base = _safe(candidates[0])
        n = 2
        while f"{base}-{n}".casefold() in self._used:
            n += 1
        return self._take(f"{base}-{n}")

    def _take(self, stem: str) -> str:
        self._used.add(stem.casefold())
        return f"{stem}.html"


def _href(name: str) -> str:
    """A page's file name as a relative URL."""
    return quote(name)


def _split(source: Source) -> tuple[str | None, Article]:
    if isinstance(source, Article):
        return None, source
    path, article = source
    return (None if path is None else os.fspath(path)), article


def render_article(article: Article, *, path: str | os.PathLike[str] | None = None,
                   index: str | None = None, previous: PageLink | None = None,
                   following: PageLink | None = None) -> str:
    """One article's review page, self-contained.

    ``path`` is shown under the byline; ``index``, ``previous`` and ``following`` link
    the index and the neighbouring articles of a run (the ``[`` and ``]`` keys follow
    the last two).
    """
    return article_page(article, path=None if path is None else os.fspath(path), index=index,
                        previous=previous, following=following)


def _entry(href: str, path: str | None, article: Article) -> IndexEntry:
    return IndexEntry(href=href, title=article.title or article.id, article_id=article.id,
                      path=path, published=article.published, source=article.source,
                      counts=article_counts(article))


def render_index(articles: Iterable[Source]) -> str:
    """The index page: one row per article with its record counts and figures to review,
    linking each page by the names :func:`write_review` gives them."""
    names = PageNames()
    entries = []
    for source in articles:
        path, article = _split(source)
        entries.append(_entry(_href(names.add(article.id, path)), path, article))
    return index_page(entries)


@attrs.frozen
class _Pending:
    name: str
    path: str | None
    article: Article

    @property
    def link(self) -> PageLink:
        return PageLink(_href(self.name), self.article.title or self.article.id)


def write_review(articles: Iterable[Source], folder: str | os.PathLike[str]) -> list[Path]:
    """Write one page per article and an index into ``folder``; returns the pages.

    ``articles`` are articles, or ``(path, article)`` pairs: the path names the page
    (unique per path, see :class:`PageNames`) and is shown on it. Each page links the
    previous and next article. Articles are rendered one at a time, the next one read
    ahead for its link: memory stays flat.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    names = PageNames()
    written: list[Path] = []
    entries: list[IndexEntry] = []

    def write(item: _Pending, before: PageLink | None, after: PageLink | None) -> None:
        page = out / item.name
        with atomic_writer(page) as handle:
            handle.write(render_article(item.article, path=item.path, index=INDEX,
                                        previous=before, following=after))
        written.append(page)
        entries.append(_entry(item.link.href, item.path, item.article))

    before: PageLink | None = None
    pending: _Pending | None = None
    for source in articles:
        path, article = _split(source)
        item = _Pending(names.add(article.id, path), path, article)
        if pending is not None:
            write(pending, before, item.link)
            before = pending.link
        pending = item
    if pending is not None:
        write(pending, before, None)
    with atomic_writer(out / INDEX) as handle:
        handle.write(index_page(entries))
    return written
