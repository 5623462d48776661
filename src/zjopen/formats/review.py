"""The review view: one self-contained HTML page per article, every record in place.

``zjopen render PATH... -o DIR`` writes ``DIR/<id>.html`` per article and
``DIR/index.html``. Each page shows the clean text with every extracted record
highlighted by kind; hovering a highlight shows the record, clicking it shows all its
fields in the side panel, which also lists every record grouped by kind with links to
their spans. Figures with no year or no subject are flagged for review. Pages load
nothing from the network, and all article text is escaped.

>>> from zjopen import parse
>>> page = render_article(parse("Yiwu grows\\n\\nIn 2023, Yiwu exports rose 5% <script>.", id="a"))
>>> "&lt;script&gt;" in page and "<script>alert" not in page
True
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from zjopen.formats.atomic import atomic_writer
from zjopen.formats.converter import converter
from zjopen.formats.json import to_json_text
from zjopen.model import Article, Enterprise, Initiative, Metric, Platform, Region, Span

__all__ = ["render_article", "render_index", "write_review"]

KINDS = ("region", "enterprise", "platform", "initiative", "metric")
_COLOURS = {
    "region": "#cfe8ff",
    "enterprise": "#ffe2b8",
    "platform": "#d7f5d0",
    "initiative": "#f1d9ff",
    "metric": "#fff59d",
}


@attrs.frozen
class _Highlight:
    id: str
    kind: str
    span: Span
    label: str
    data: dict[str, Any]
    flagged: str | None = None


def _record_data(record: Region | Enterprise | Platform | Initiative | Metric) -> dict[str, Any]:
    data: dict[str, Any] = converter.unstructure(record)
    data.pop("mentions", None)
    return data


def _label(record: Region | Enterprise | Platform | Initiative | Metric) -> str:
    if isinstance(record, Metric):
        return (f"{record.value} {record.unit} · {record.kind.value} · "
                f"{record.year if record.year is not None else 'year?'} · "
                f"{record.region or record.enterprise or record.platform or 'subject?'}")
    if isinstance(record, Region):
        return f"{record.name} ({record.code or 'no code'}, {record.level.value})"
    if isinstance(record, Platform):
        return f"{record.name} ({record.kind.value})"
    return record.name


def _flag(metric: Metric) -> str | None:
    missing = [what for what, value in (("year", metric.year),
                                         ("subject", metric.region or metric.enterprise
                                          or metric.platform)) if value is None]
    return f"no {' and no '.join(missing)}" if missing else None


def _highlights(article: Article) -> list[_Highlight]:
    found: list[_Highlight] = []
    groups: Sequence[tuple[str, Sequence[Region | Enterprise | Platform | Initiative]]] = (
        ("region", article.regions), ("enterprise", article.enterprises),
        ("platform", article.platforms), ("initiative", article.initiatives),
    )
    for kind, records in groups:
        for n, record in enumerate(records):
            data = _record_data(record)
            for k, span in enumerate(record.mentions):
                found.append(_Highlight(f"{kind[0]}{n}-{k}", kind, span, _label(record), data))
    for metric in article.metrics:
        found.append(_Highlight(metric.id, "metric", metric.span, _label(metric),
                                _record_data(metric), _flag(metric)))
    return sorted(found, key=lambda h: (h.span.start, -h.span.end, KINDS.index(h.kind)))


def _marked_text(text: str, highlights: Sequence[_Highlight]) -> tuple[str, set[str]]:
    """The escaped text with nested <mark> elements; spans that cross another span's
    edge are left unmarked (and returned, so the panel can say so)."""
    out: list[str] = []
    stack: list[int] = []  # end offsets of open marks
    position = 0
    skipped: set[str] = set()

    def close_until(offset: int) -> None:
        nonlocal position
        while stack and stack[-1] <= offset:
            end = stack.pop()
            out.append(html.escape(text[position:end]))
            out.append("</mark>")
            position = end

    for item in highlights:
        start, end = item.span.start, item.span.end
        close_until(start)
        if stack and end > stack[-1]:
            skipped.add(item.id)
            continue
        out.append(html.escape(text[position:start]))
        position = start
        title = item.label + (f" — review: {item.flagged}" if item.flagged else "")
        classes = f"k-{item.kind}" + (" flag" if item.flagged else "")
        out.append(
            f'<mark id="{item.id}" class="{classes}" title="{html.escape(title)}" '
            f'data-record="{html.escape(to_json_text(item.data))}">'
        )
        stack.append(end)
    close_until(len(text) + 1)
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n\n", "</p>\n<p>"), skipped


_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;color:#222}
main{flex:3;padding:1.5em 2em;max-width:52em;line-height:1.6}
aside{flex:2;padding:1em;border-left:1px solid #ddd;height:100vh;overflow:auto;
position:sticky;top:0;font-size:90%}
mark{border-radius:3px;padding:0 1px;cursor:pointer}
mark.flag{outline:2px dashed #d33}
.legend span{display:inline-block;padding:0 .5em;margin-right:.3em;border-radius:3px}
#detail{white-space:pre-wrap;background:#f6f6f6;padding:.5em;min-height:3em}
li.flag::after{content:" ⚠";color:#d33}
""" + "".join(f"mark.k-{k},.legend .k-{k}{{background:{c}}}" for k, c in _COLOURS.items())

_SCRIPT = """
document.addEventListener('click', function (event) {
  var mark = event.target.closest('mark');
  if (!mark) { return; }
  var record = JSON.parse(mark.getAttribute('data-record'));
  document.getElementById('detail').textContent = JSON.stringify(record, null, 2);
});
"""


def _panel(article: Article, highlights: Sequence[_Highlight], skipped: set[str]) -> str:
    parts = ['<div class="legend">' + "".join(
        f'<span class="k-{k}">{k}</span>' for k in KINDS) + "</div>",
        '<h3>Selected record</h3><div id="detail">Click a highlight.</div>']
    for kind in KINDS:
        items = [h for h in highlights if h.kind == kind]
        parts.append(f"<h3>{kind}s ({len(items)})</h3><ul>")
        for item in items:
            note = " (overlaps another span: not highlighted)" if item.id in skipped else ""
            flag = ' class="flag"' if item.flagged else ""
            parts.append(f'<li{flag}><a href="#{item.id}">{html.escape(item.span.text)}</a> — '
                         f"{html.escape(item.label)}{html.escape(note)}"
                         + (f" <em>review: {html.escape(item.flagged)}</em>"
                            if item.flagged else "") + "</li>")
        parts.append("</ul>")
    return "".join(parts)


def render_article(article: Article) -> str:
    """One article's review page, self-contained."""
    highlights = _highlights(article)
    body, skipped = _marked_text(article.text, highlights)
    meta = " · ".join(html.escape(str(v)) for v in (
        article.id, article.published or "no date", article.source or "no source") if v)
    title = html.escape(article.title or article.id)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<main><h1>{title}</h1><p class=\"meta\">{meta}</p><p>{body}</p></main>"
        f"<aside>{_panel(article, highlights, skipped)}</aside>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _file_name(article_id: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in article_id)
    return f"{safe or 'article'}.html"


def _index_row(article: Article) -> str:
    counts = "".join(f"<td>{len(getattr(article, kind + 's'))}</td>" for kind in KINDS)
    flagged = sum(1 for m in article.metrics if _flag(m))
    return (f'<tr><td><a href="{html.escape(_file_name(article.id))}">'
            f"{html.escape(article.title or article.id)}</a></td>{counts}"
            f"<td>{flagged}</td></tr>")


def _index_page(rows: Iterable[str]) -> str:
    head = "".join(f"<th>{k}s</th>" for k in KINDS)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>zjopen review</title><style>body{font-family:system-ui,sans-serif;"
            "margin:2em}td,th{padding:.2em .8em;text-align:left}</style></head><body>"
            f"<h1>zjopen review</h1><table><tr><th>article</th>{head}<th>to review</th></tr>"
            f"{''.join(rows)}</table></body></html>\n")


def render_index(articles: Iterable[Article]) -> str:
    """The index page: one row per article with its record counts and figures to review."""
    return _index_page(_index_row(article) for article in articles)


def write_review(articles: Iterable[Article], folder: str | os.PathLike[str]) -> list[Path]:
    """Write one page per article and an index into ``folder``; returns the pages.
    Articles are rendered one at a time: memory stays flat."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows: list[str] = []
    for article in articles:
        path = out / _file_name(article.id)
        with atomic_writer(path) as handle:
            handle.write(render_article(article))
        written.append(path)
        rows.append(_index_row(article))
    with atomic_writer(out / "index.html") as handle:
        handle.write(_index_page(rows))
    return written
