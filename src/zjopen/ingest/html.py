"""Saved news pages: the story's paragraphs and the page's own metadata.

Parsing is selectolax's Lexbor engine (a fast, forgiving HTML5 parser, no Python
dependencies): no regular expressions over tags.

>>> page = HtmlPage.parse('''<html><head><meta property="og:title" content="Yiwu grows">
... <meta property="article:published_time" content="2024-11-18T10:00:00+08:00"></head>
... <body><nav>Home</nav><article><h1>Yiwu grows</h1><p>Trade <b>rose</b> 5%.</p>
... <p>Exports   rose.</p></article></body></html>''')
>>> page.title, page.published, page.lines
('Yiwu grows', datetime.date(2024, 11, 18), ['Yiwu grows', 'Trade rose 5%.', 'Exports rose.'])
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from zjopen.ingest._looks import looks_like_html  # noqa: F401 - its former home
from zjopen.ingest._meta_lines import meta_line
from zjopen.ingest.datelines import outlet, plausible
from zjopen.ingest.dates import find_date, parse_date
from zjopen.ingest.html_depth import cap_depth
from zjopen.ingest.html_main import Story, find_story, find_story_lines
from zjopen.lexicon.patterns import lazy_compile

if TYPE_CHECKING:  # imported when the first page is parsed: plain text starts faster
    from selectolax.lexbor import LexborHTMLParser

_WS = lazy_compile(r"[ \t\r\n\f\v\u00a0]+")
_TITLE_SUFFIX = lazy_compile(r"\s+(?:[-|_–—]|::)\s+[^-|_–—]{2,60}\Z")


class HtmlPage:
    """The lines of a page's story, and the metadata its head declares."""

    __slots__ = ("authors", "lines", "published", "source", "title")

    def __init__(self, lines: list[str], title: str | None = None,
                 published: date | None = None, authors: tuple[str, ...] = (),
                 source: str | None = None) -> None:
        self.lines = lines
        self.title = title
        self.published = published
        self.authors = authors
        self.source = source

    @classmethod
    def parse(cls, html: str) -> HtmlPage:
        from selectolax.lexbor import LexborHTMLParser

        tree = LexborHTMLParser(cap_depth(html))
        meta = _metadata(tree)
        ld = _json_ld(tree)
        title = (
            _text_of(ld.get("headline"))
            or meta.get("og:title")
            or meta.get("twitter:title")
            or _first_text(tree, "h1")
            or _strip_site(_first_text(tree, "title"))
        )
        site = _site_of(_first_text(tree, "title"))
        declared = _first_date(
            _text_of(ld.get("datePublished")), *(meta.get(name) for name in _META_DATES))
        modified = _first_date(
            _text_of(ld.get("dateModified")), *(meta.get(name) for name in _META_MODIFIED))
        address = _address_date(tree, meta)
        authors = _authors(ld.get("author")) or tuple(
            a.strip() for a in (meta.get("author") or meta.get("article:author") or "").split(",")
            if a.strip() and not a.strip().startswith("http")
        )
        publisher = ld.get("publisher")
        source = (
            (_text_of(publisher.get("name")) if isinstance(publisher, dict) else None)
            or meta.get("og:site_name")
            or meta.get("application-name")
        )
        title = _without_site(title, (source, meta.get("og:site_name"), site))
        story = find_story(tree)
        if tree.body is None or story.container is None:
            published = declared or address or modified
            return cls(lines=[], title=title or None, published=published, authors=authors,
                       source=_canonical(source))
        printed = _time_date(story)
        lines = _declared_body(ld.get("articleBody"), story.lines)
        # Metadata lines printed above or atop the story ("Release time: ... | Source: ...").
        for line in [*_preamble(story.page_lines, lines), *lines[:6]]:
            found = meta_line(line)
            if found is not None:
                printed = printed or plausible(found.published)
                source = source or found.source
                authors = authors or found.authors  # a byline above the story's text
        # The article's own date line, then <meta>/JSON-LD, then the page's address.
        published = printed or declared or address or modified
        if source is None and site:
            source = outlet(site)
        return cls(lines=lines, title=title or None, published=published,
                   authors=authors, source=_canonical(source))


def _declared_body(value: Any, lines: list[str]) -> list[str]:
    """The lines of a JSON-LD ``articleBody`` when it holds much more text than the page
    shows (a page printing only the start of the story), else ``lines``.

    >>> body = "Trade rose.\\n" + "Exports rose 5% in Ningbo, officials said. " * 6
    >>> [line[:30] for line in _declared_body(body, ["Trade rose."])]
    ['Trade rose.', 'Exports rose 5% in Ningbo, off']
    >>> _declared_body("Trade rose.", ["Trade rose 5% in Ningbo."])
    ['Trade rose 5% in Ningbo.']
    """
    if not isinstance(value, str):
        return lines
    shown = sum(len(line) for line in lines)
    if len(value) < 2 * shown + 200 and not (shown < 200 <= len(value)):
        return lines
    if "<" in value:  # markup in the JSON string: its text
        from selectolax.lexbor import LexborHTMLParser

        body = LexborHTMLParser(cap_depth(value)).body
        declared = find_story_lines(body) if body is not None else []
    else:
        declared = [_WS.sub(" ", line).strip() for line in value.splitlines()]
    declared = [line for line in declared if line]
    return declared if sum(map(len, declared)) > shown else lines


def _without_site(title: str | None, sites: tuple[str | None, ...]) -> str | None:
    """The headline without the site's name after a separator ("Ningbo grows - The
    Planetary Press" when the site is The Planetary Press).

    >>> _without_site("Yiwu grows | Zhejiang China", ("Zhejiang China", None))
    'Yiwu grows'
    >>> _without_site("Yiwu grows - and Ningbo", ("Xinhua",))
    'Yiwu grows - and Ningbo'
    """
    if not title:
        return title
    for site in sites:
        if site:
            for separator in (" - ", " | ", " – ", " — ", " :: "):
                suffix = separator + site
                if title.endswith(suffix) and len(title) > len(suffix):
                    return title[: -len(suffix)].strip()
    return title


def _text_of(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return _WS.sub(" ", value).strip()
    if isinstance(value, list) and value:
        return _text_of(value[0])
    return None


_META_DATES = ("article:published_time", "og:published_time", "og:article:published_time",
               "datepublished", "publishdate", "pubdate", "publish-date", "publish_date",
               "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
               "sailthru.date", "parsely-pub-date")
_META_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "lastmod",
                  "last-modified")
# A date in a page's address: /2020-09/29/, /20200929/, /2020/09/29/.
_ADDRESS_DATE = lazy_compile(
    r"/((?:19|20)[0-9]{2})-?(0[1-9]|1[0-2])/?(0[1-9]|[12][0-9]|3[01])/"
    r"|/((?:19|20)[0-9]{2})/(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/"
)


def _first_date(*raws: str | None) -> date | None:
    for raw in raws:
        if raw:
            found = plausible(parse_date(raw[:10]) or _date_in(raw))
            if found:
                return found
    return None


def _address_date(tree: LexborHTMLParser, meta: dict[str, str]) -> date | None:
    """The date in the page's canonical address (``<link rel="canonical">``, og:url)."""
    link = tree.css_first('link[rel="canonical"]')
    for url in ((link.attributes.get("href") if link is not None else None),
                meta.get("og:url")):
        match = _ADDRESS_DATE.search(url or "")
        if match:
            year, month, day = (g for g in match.groups() if g)
            try:
                return plausible(date(int(year), int(month), int(day)))
            except ValueError:
                continue
    return None


def _time_date(story: Story) -> date | None:
    """The ``<time datetime>`` of the article: in the <article> holding the story's
    container, or in the container."""
    for scope in (story.article, story.container):
        node = scope.css_first("time[datetime]") if scope is not None else None
        if node is not None:
            found = _first_date(node.attributes.get("datetime"))
            if found:
                return found
    return None


def _date_in(raw: str) -> date | None:
    found = find_date(raw)
    return found[0] if found else None


def _first_text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    text = _WS.sub(" ", node.text(deep=True, separator=" ")).strip()
    return text or None


def _strip_site(title: str | None) -> str | None:
    if title is None:
        return None
    match = _title_suffix(title)
    return (title[: match.start()] if match else title).strip() or title


_SUFFIX_REACH = 200  # a site's name ends a title: the pattern reads no further back


def _title_suffix(title: str) -> re.Match[str] | None:
    """The " - Site name" that ends ``title``, searched in its last characters only (the
    pattern is quadratic on a long run of white space)."""
    return _TITLE_SUFFIX.search(title, max(0, len(title) - _SUFFIX_REACH))


def _metadata(tree: LexborHTMLParser) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        key = node.attributes.get("property") or node.attributes.get("name") or \
            node.attributes.get("itemprop")
        value = node.attributes.get("content")
        if key and value and value.strip():
            meta.setdefault(key.strip().lower(), _WS.sub(" ", value).strip())
    return meta


def _walk_ld(obj: Any) -> Iterator[dict[str, Any]]:
    stack = [obj]
    seen = 0
    while stack and seen < 1000:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))


def _json_ld(tree: LexborHTMLParser) -> dict[str, Any]:
    """The page's JSON-LD article: the first item typed as an article, else the first
    typed as a web page ("WebPage" items often come first, describing the page)."""
    page: dict[str, Any] = {}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            # Numbers stay text: a 4,301-digit integer is past Python's int-parsing limit.
            data = json.loads(node.text(deep=True) or "null", parse_int=str, parse_float=str)
        except (ValueError, RecursionError):  # not JSON (JSONDecodeError), or too deep
            continue
        for item in _walk_ld(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            found = {k for k in kinds if isinstance(k, str)}
            if any(k.endswith(("Article", "Posting")) or k == "Report" for k in found):
                return item  # NewsArticle, OpinionNewsArticle, BlogPosting, ...
            if "WebPage" in found and not page:
                page = item
    return page


def _authors(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _text_of(item.get("name")) if isinstance(item, dict) else _text_of(item)
        if name:
            names.append(name)
    return tuple(names)


def _preamble(page: list[str], story: list[str]) -> list[str]:
    """The lines of the page around the story's start: the last twelve before it and the
    first six from it on (a date line between the headline and the text is in the page's
    lines even when the story's container leaves it out)."""
    if not story:
        return []
    try:
        start = page.index(story[0])
    except ValueError:
        return []
    return page[max(0, start - 12) : start + 6]


def _canonical(source: str | None) -> str | None:
    if not source:
        return None
    return outlet(source) or source


def _site_of(title: str | None) -> str | None:
    """The site name a <title> ends with ("Headline - Ningbo Expat")."""
    if title is None:
        return None
    match = _title_suffix(title)
    return match.group().strip(" -|_–—:") if match else None
