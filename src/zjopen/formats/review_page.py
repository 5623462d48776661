"""The HTML of the review pages: one article's page, and the index of a run.

Safety by construction: every piece of text and every attribute value from an article
goes through :func:`html.escape`, and no DOM id or file name is made from input: marks
are ``r3-0`` (the first mention of the fourth region), ``f2-0`` (the third figure) and
records ``rec-r3``, by position. A Content-Security-Policy lets the page run only its
own script and style (by hash), load nothing, and submit nothing. The style and the
script are ``zjopen/data/review/review.css`` and ``review.js``.

Used by :mod:`zjopen.formats.review`, which names the pages and writes them; what a
page says about each record comes from :mod:`zjopen.formats.review_records`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache

import attrs

from zjopen.formats.json import to_json_text
from zjopen.formats.review_records import KINDS, ArticleCounts, RecordView, record_views
from zjopen.lexicon.load import read_data
from zjopen.model import Article, Span

__all__ = ["IndexEntry", "PageLink", "article_page", "index_page"]

_HEADING = {"metric": "Figures", "region": "Regions", "enterprise": "Enterprises",
            "platform": "Platforms", "initiative": "Initiatives"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _e(text: object) -> str:
    """Text or an attribute value, escaped (quotes too)."""
    return html.escape(str(text), quote=True)


@attrs.frozen
class _Mark:
    dom_id: str
    record: RecordView
    span: Span


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@attrs.frozen
class PageLink:
    """A link to another page of the run: its file name and the article's title."""

    href: str
    title: str


def _marks(records: Iterable[RecordView]) -> list[_Mark]:
    found = [_Mark(f"{r.key}-{k}", r, span) for r in records for k, span in enumerate(r.spans)]
    order = {"region": 0, "enterprise": 1, "platform": 2, "initiative": 3, "metric": 4}
    return sorted(found, key=lambda m: (m.span.start, -m.span.end, order[m.record.kind]))


def _mark_title(record: RecordView) -> str:
    if record.kind == "metric":
        parts = [record.name, record.subject or "no subject", record.when or "no year"]
        title = " · ".join(parts) + f" (exact: {record.exact})"
        return title + (f" — review: {record.flag}" if record.flag else "")
    return " · ".join(x for x in (record.name, record.note) if x)


def _open_tag(mark: _Mark) -> str:
    record = mark.record
    classes = f"k-{record.kind}" + (" flag" if record.flag else "")
    extra = ""
    if record.kind == "metric":
        chip = f"{record.subject or 'no subject'} · {record.when or 'no year'}"
        extra = f' data-subject="{_e(chip)}"'
    return (f'<mark id="{mark.dom_id}" class="{classes}" tabindex="-1" '
            f'data-rec="{record.key}" title="{_e(_mark_title(record))}"{extra} '
            f'data-record="{_e(to_json_text(record.data))}">')


def _marked(text: str, start: int, end: int, marks: Sequence[_Mark],
            placed: set[str]) -> str:
    """``text[start:end]`` escaped, with nested <mark>s for the spans inside it. A span
    that crosses the edge of another is left unmarked (not added to ``placed``)."""
    out: list[str] = []
    stack: list[int] = []  # end offsets of open marks
    position = start

    def close_until(offset: int) -> None:
        nonlocal position
        while stack and stack[-1] <= offset:
            mark_end = stack.pop()
            out.append(_e(text[position:mark_end]))
            out.append("</mark>")
            position = mark_end

    for mark in marks:
        lo, hi = mark.span.start, mark.span.end
        if lo < start or hi > end or lo == hi:
            continue
        close_until(lo)
        if stack and hi > stack[-1]:
            continue
        out.append(_e(text[position:lo]))
        position = lo
        out.append(_open_tag(mark))
        placed.add(mark.dom_id)
        stack.append(hi)
    close_until(end)
    out.append(_e(text[position:end]))
    return "".join(out)


def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of ``text`` from ``start`` on."""
    found: list[tuple[int, int]] = []
    position = start
    for gap in _PARAGRAPH_BREAK.finditer(text, start):
        if gap.start() > position:
            found.append((position, gap.start()))
        position = gap.end()
    if position < len(text):
        found.append((position, len(text)))
    return found


def _headline_end(article: Article) -> int | None:
    """Where the headline ends, when the text starts with it (as parsed text does)."""
    title = article.title
    if title and article.text.startswith(title):
        rest = article.text[len(title):]
        if not rest or rest[0] == "\n":
            return len(title)
    return None


@cache
def _asset(name: str) -> str:
    return read_data(f"review/{name}")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _document(title: str, body: str, *, script: bool, links: str = "") -> str:
    style = _asset("review.css")
    code = _asset("review.js") if script else ""
    scripts = _hash(code) if script else "'none'"
    policy = (f"default-src 'none'; style-src {_hash(style)}; script-src {scripts}; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="zjopen render">'
        f"<title>{_e(title)}</title>{links}<style>{style}</style></head>\n"
        f"<body>{body}"
        + (f"<script>{code}</script>" if script else "")
        + "</body></html>\n"
    )


def _fields(record: RecordView) -> str:
    rows = "".join(
        f"<dt>{_e(f.label)}</dt><dd"
        + (f' title="{_e(f.title)}"' if f.title else "") + f">{_e(f.value)}</dd>"
        for f in record.fields)
    return f'<dl class="fields" id="fields-{record.key}" hidden>{rows}</dl>'


def _row(record: RecordView, placed: set[str]) -> str:
    ids = [f"{record.key}-{k}" for k in range(len(record.spans))]
    shown = [i for i in ids if i in placed]
    hidden = len(ids) - len(shown)
    classes = f"rec k-{record.kind}" + (" flag" if record.flag else "")
    flagged = f' title="review: {_e(record.flag)}"' if record.flag else ""
    if record.kind == "metric":
        head = (f'<span class="head"><span class="name val" title="{_e(record.exact)}">'
                f'{_e(record.name)}</span> <span class="subj'
                f'{"" if record.subject else " missing"}">'
                f'{_e(record.subject or "no subject")}</span></span>'
                f'<span class="when{"" if record.when else " missing"}">'
                f'{_e(record.when or "no year")}</span>')
    else:
        count = len(record.spans)
        head = (f'<span class="name">{_e(record.name)}</span>'
                f'<span class="count" title="{count} mention{"" if count == 1 else "s"}">'
                f'×{count}</span>')
    note = record.note + (f" · {hidden} not highlighted (crossing another)" if hidden
                           else "")
    return (f'<li class="{classes}" id="rec-{record.key}"{flagged} '
            f'data-marks="{" ".join(shown)}">'
            f'<button type="button" class="row" aria-expanded="false" '
            f'aria-controls="fields-{record.key}"><span class="sw" aria-hidden="true"></span>'
            f'{head}<span class="note">{_e(note)}</span>'
            f'<span class="pos" aria-live="polite"></span></button>'
            f"{_fields(record)}</li>")


def _panel(records: Sequence[RecordView], placed: set[str]) -> str:
    flagged = sum(1 for r in records if r.flag)
    legend = "".join(
        f'<a class="chip k-{kind}" href="#group-{kind}"><span class="sw"></span>'
        f'{_HEADING[kind]} <b>{sum(1 for r in records if r.kind == kind)}</b></a>'
        for kind in KINDS)
    review = (f'<p class="todo" title="figures with no year or no subject"><b>{flagged}</b> '
              f'figure{"" if flagged == 1 else "s"} to review · <kbd>j</kbd> <kbd>k</kbd></p>'
              if flagged else '<p class="todo done">No figures to review on this page.</p>')
    groups = []
    for kind in KINDS:
        rows = [r for r in records if r.kind == kind]
        body = f'<ol class="recs">{"".join(_row(r, placed) for r in rows)}</ol>' if rows else ""
        groups.append(f'<section class="group{"" if rows else " none"}" id="group-{kind}">'
                      f"<h2>{_HEADING[kind]} <span>{len(rows)}</span></h2>{body}</section>")
    keys = ('<p class="keys"><kbd>j</kbd> <kbd>k</kbd> next / previous figure to review · '
            "<kbd>[</kbd> <kbd>]</kbd> previous / next article · click a row to step through "
            "its mentions · <kbd>Esc</kbd> clear</p>")
    return (f'<aside id="panel" aria-label="Records"><div class="panel-head">'
            f'<div class="legend">{legend}</div>{review}'
            '<p id="status" class="status" role="status" aria-live="polite"></p></div>'
            f'<div class="groups"><div class="col">{groups[0]}</div>'
            f'<div class="col">{"".join(groups[1:])}</div></div>{keys}</aside>')


def _pager(index: str | None, previous: PageLink | None, following: PageLink | None) -> str:
    if index is None and previous is None and following is None:
        return ""
    before = (f'<a rel="prev" href="{_e(previous.href)}" title="{_e(previous.title)}">'
              '<span class="dir">← Previous <kbd>[</kbd></span>'
              f'<span class="t">{_e(previous.title)}</span></a>' if previous
              else "<span></span>")
    after = (f'<a rel="next" href="{_e(following.href)}" title="{_e(following.title)}">'
             '<span class="dir"><kbd>]</kbd> Next →</span>'
             f'<span class="t">{_e(following.title)}</span></a>' if following
             else "<span></span>")
    middle = f'<a class="up" href="{_e(index)}">All articles</a>' if index else "<span></span>"
    return f'<nav class="pager" aria-label="Articles">{before}{middle}{after}</nav>'


def _byline(article: Article, path: str | None) -> str:
    parts = []
    if article.authors:
        parts.append("By " + ", ".join(_e(a) for a in article.authors))
    if article.source:
        parts.append(f'<span class="source">{_e(article.source)}</span>')
    if article.published:
        parts.append(f'<time datetime="{article.published.isoformat()}">'
                     f"{_day(article.published)}</time>")
    else:
        parts.append('<span class="missing">no date</span>')
    if article.dateline:
        parts.append(_e(article.dateline))
    origin = f"{_e(article.id)}" + (f" · {_e(path)}" if path else "")
    return (f'<p class="byline">{" · ".join(parts)}</p>'
            f'<p class="origin">{origin}</p>')


def article_page(article: Article, *, path: str | None = None, index: str | None = None,
                 previous: PageLink | None = None, following: PageLink | None = None) -> str:
    """One article's review page (see :func:`zjopen.formats.review.render_article`)."""
    shown = record_views(article)
    marks = _marks(shown)
    placed: set[str] = set()
    text = article.text
    head_end = _headline_end(article)
    if head_end is not None:
        headline = _marked(text, 0, head_end, marks, placed)
        body_start = head_end
    else:
        headline = _e(article.title or article.id)
        body_start = 0
    paragraphs = "".join(f"<p>{_marked(text, lo, hi, marks, placed)}</p>\n"
                         for lo, hi in _paragraphs(text, body_start))
    links = "".join(f'<link rel="{rel}" href="{_e(link.href)}">'
                    for rel, link in (("prev", previous), ("next", following)) if link)
    body = (f'<div class="page"><main>{_pager(index, previous, following)}'
            f'<article class="article"><header><h1>{headline}</h1>'
            f"{_byline(article, path)}</header>"
            f'<div class="body">{paragraphs or "<p class=empty>(no text)</p>"}</div>'
            f"</article></main>{_panel(shown, placed)}</div>"
            '<div id="selbar" class="selbar" hidden></div>')
    return _document(article.title or article.id, body, script=True, links=links)


@attrs.frozen
class IndexEntry:
    """One row of the index: the page, the article's title and metadata, its counts."""

    href: str
    title: str
    article_id: str
    path: str | None
    published: date | None
    source: str | None
    counts: ArticleCounts


_COLUMNS = ("metrics", "regions", "enterprises", "platforms", "initiatives")


def index_page(entries: Sequence[IndexEntry]) -> str:
    """The index of a run: a row per article with its counts, each linking its page."""
    rows = []
    for n, entry in enumerate(entries, 1):
        counts = entry.counts
        cells = "".join(f'<td class="num{"" if getattr(counts, c) else " zero"}">'
                        f"{getattr(counts, c)}</td>" for c in _COLUMNS)
        todo = (f'<td class="num todo"><span class="pill">{counts.flagged}</span></td>'
                if counts.flagged else '<td class="num zero">0</td>')
        origin = _e(entry.path or entry.article_id)
        rows.append(
            f'<tr><td class="num n">{n}</td><td class="title"><a href="{_e(entry.href)}">'
            f'{_e(entry.title)}</a><span class="origin">{origin}</span></td>'
            f'<td class="date">{entry.published.isoformat() if entry.published else "–"}</td>'
            f"<td>{_e(entry.source or '–')}</td>{cells}{todo}</tr>")
    totals = "".join(f'<td class="num">{sum(getattr(e.counts, c) for e in entries)}</td>'
                     for c in (*_COLUMNS, "flagged"))
    head = "".join(f'<th class="num">{_HEADING[k]}</th>' for k in KINDS)
    flagged = sum(e.counts.flagged for e in entries)
    summary = (f"{len(entries)} article{'' if len(entries) == 1 else 's'} · "
               f"{flagged} figure{'' if flagged == 1 else 's'} to review")
    body = (
        '<main class="index"><header><h1>zjopen review</h1>'
        f'<p class="byline">{summary}. Figures to review have no year or no subject; '
        "on a page, <kbd>j</kbd> / <kbd>k</kbd> step through them and <kbd>[</kbd> / "
        "<kbd>]</kbd> go to the previous / next article.</p></header>"
        '<div class="table-wrap"><table><thead><tr><th class="num">#</th><th>Article</th>'
        f'<th>Published</th><th>Source</th>{head}<th class="num">To review</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody><tfoot><tr><td></td><td>Total</td><td></td><td></td>'
        f"{totals}</tr></tfoot></table></div></main>")
    return _document("zjopen review", body, script=False)
