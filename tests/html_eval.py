"""Score an HTML reader the way trafilatura scores itself, on trafilatura's own pages.

Shared by ``tests/test_html_eval.py`` (the regression floor) and
``benchmarks/bench_html.py`` (the comparison with trafilatura), so the scoring exists once.

The data is trafilatura's evaluation set (https://github.com/adbar/trafilatura,
Apache-2.0): ``evaldata.json`` and the pages of ``tests/cache/`` it references. Each
entry names a page, ``with`` snippets the main text must contain and ``without``
snippets it must not. The data is not part of this repository; :func:`data_dir` looks
for it in ``$ZJOPEN_TRAFILATURA_EVAL``, then ``tests/fixtures/trafilatura`` and
``../shared/eval/trafilatura``. A data directory holds ``evaldata.json`` (only the
entries whose page is in ``cache/``) and ``cache/<file>`` for each entry, a page either
as saved or gzip-compressed (``cache/<file>`` starting with the gzip magic, or
``cache/<file>.gz``).

Scoring mirrors trafilatura's ``tests/eval_common.py`` (``norm``, ``count_item``,
``run_and_count``, ``ConfusionMatrix``): output and snippets are whitespace-normalised;
per page a ``with`` snippet found is a true positive, one not found a false negative;
a ``without`` snippet found is a false positive, one not found a true negative; a
reader that raises (or returns nothing) finds nothing. Precision, recall, accuracy and
F1 are computed over all snippets of all pages (micro-averaged).

>>> cm = ConfusionMatrix()
>>> cm.add(count_item(("Trade  rose", "gone"), ("Home",), "Home\\nTrade rose 5%."))
>>> (cm.tp, cm.fp, cm.fn, cm.tn), round(cm.f1(), 3)
((1, 1, 1, 0), 0.5)
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_VAR = "ZJOPEN_TRAFILATURA_EVAL"
ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (
    ROOT / "tests" / "fixtures" / "trafilatura",
    ROOT.parent / "shared" / "eval" / "trafilatura",
)
GZIP_MAGIC = b"\x1f\x8b"

Counts = tuple[int, int, int, int]
"""(tp, fp, fn, tn) of one page."""


def data_dir() -> Path | None:
    """The evaluation data directory: ``$ZJOPEN_TRAFILATURA_EVAL``, else the first of
    :data:`CANDIDATES` holding an ``evaldata.json``; None when there is none."""
    configured = os.environ.get(ENV_VAR)
    candidates = (Path(configured),) if configured else CANDIDATES
    for candidate in candidates:
        if (candidate / "evaldata.json").is_file():
            return candidate
    return None


@dataclass(frozen=True)
class Page:
    """One evaluation page: its annotations and its HTML, as bytes (decoded from gzip)."""

    url: str
    file: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    html: bytes
    lang: str


def load_evaldata(root: Path) -> dict[str, dict[str, Any]]:
    """``root/evaldata.json``: ``{url: {"file": ..., "with": [...], "without": [...]}}``."""
    with (root / "evaldata.json").open(encoding="utf-8") as f:
        data: dict[str, dict[str, Any]] = json.load(f)
    return data


def page_path(root: Path, filename: str) -> Path | None:
    """Where the page ``filename`` is stored under ``root/cache``, as saved or as ``.gz``."""
    for path in (root / "cache" / filename, root / "cache" / f"{filename}.gz"):
        if path.is_file():
            return path
    return None


def read_page(path: Path) -> bytes:
    """A page's HTML bytes, gunzipped when the file is gzip-compressed.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     (Path(tmp) / "p.html").write_bytes(gzip.compress(b"<p>x</p>")) > 0
    ...     read_page(Path(tmp) / "p.html")
    True
    b'<p>x</p>'
    """
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == GZIP_MAGIC else data


def load_pages(root: Path) -> list[Page]:
    """Every page of ``root/evaldata.json``, in file order; a missing page is an error."""
    pages = []
    for url, item in load_evaldata(root).items():
        path = page_path(root, item["file"])
        if path is None:
            raise FileNotFoundError(f"{url}: page not found: cache/{item['file']}")
        data = read_page(path)
        pages.append(Page(url, item["file"], tuple(item["with"]), tuple(item["without"]),
                          data, page_language(data)))
    return pages


# --- language -------------------------------------------------------------------------
# evaldata.json records no language (its "region" field is a country, and most entries
# lack it), and <html lang> is missing on some pages and wrong on others (simplyscience.ch
# and befifty.de declare en-US but are German). So the language of a page is the one whose
# commonest function words occur most often in the page's visible text (script and style
# dropped, tags stripped, entities decoded): English, German or French, the three
# languages of the pages in tests/cache. A page whose text has none of these words is "".
# The whole page is used, not the snippets: a few snippets hold too few words to tell.
_STOPWORDS = {
    "en": frozenset("the of and to in is that for it with as was on are be by this have from "
                    "or an at not but you they his her we has which their were been".split()),
    "de": frozenset("der die und das ist nicht mit den von zu ein eine sich auf für dem des "
                    "auch es im wir ich sie bei wird oder aus".split()),
    "fr": frozenset("le la les et des est une pour que qui dans du pas sur au avec ce il par "
                    "sont".split()),
}
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_WORD = re.compile(r"\w+")


def page_language(data: bytes) -> str:
    """"en", "de" or "fr": the language whose function words the page's text uses most.

    >>> page_language(b"<p>The port of Ningbo is one of the busiest.</p>")
    'en'
    >>> page_language("<p>Der Hafen ist einer der größten und wird ausgebaut.</p>".encode())
    'de'
    """
    text = data.decode("utf-8", errors="replace")
    text = html.unescape(_TAG.sub(" ", _SCRIPT_STYLE.sub(" ", text)))
    counts = dict.fromkeys(_STOPWORDS, 0)
    for word in _WORD.findall(text.lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] else ""


# --- scoring (mirrors trafilatura's tests/eval_common.py) ------------------------------
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Whitespace-normalised, so whitespace variants don't cost recall."""
    return _WS.sub(" ", text).strip()


def count_item(with_: Sequence[str], without: Sequence[str], result: str | None) -> Counts:
    """(tp, fp, fn, tn) of one page by whitespace-normalised substring matching."""
    if isinstance(result, str):
        resn = norm(result)
        tp = sum(1 for snippet in with_ if norm(snippet) in resn)
        fp = sum(1 for snippet in without if norm(snippet) in resn)
    else:
        tp = fp = 0
    return tp, fp, len(with_) - tp, len(without) - fp


def missed(with_: Iterable[str], result: str | None) -> list[str]:
    """The ``with`` snippets not found in ``result``."""
    resn = norm(result) if isinstance(result, str) else ""
    return [snippet for snippet in with_ if norm(snippet) not in resn]


def leaked(without: Iterable[str], result: str | None) -> list[str]:
    """The ``without`` snippets found in ``result``."""
    resn = norm(result) if isinstance(result, str) else ""
    return [snippet for snippet in without if norm(snippet) in resn]


def run_and_count(
    fn: Callable[[bytes], str | None], page: Page
) -> tuple[str | None, Counts, BaseException | None]:
    """Run ``fn`` on the page's HTML and score it; an exception counts as finding nothing."""
    try:
        result = fn(page.html)
    except Exception as exc:
        return None, count_item(page.with_, page.without, None), exc
    return result, count_item(page.with_, page.without, result), None


@dataclass
class ConfusionMatrix:
    """Accumulated (tp, fp, fn, tn) with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, counts: Counts) -> None:
        tp, fp, fn, tn = counts
        self.tp += tp
        self.fp += fp
        self.fn += fn
        self.tn += tn

    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0

    def scores(self) -> tuple[float, float, float, float]:
        """precision, recall, accuracy, f1 (each 0.0 when its denominator is empty)."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.tn + self.fp + self.fn
        accuracy = (self.tp + self.tn) / total if total else 0.0
        return precision, recall, accuracy, self.f1()


# --- the readers --------------------------------------------------------------------
def zjopen_text(data: bytes) -> str:
    """zjopen's reading of a page: the headline, a newline, then the clean body text.

    ``Document.text`` starts with the headline paragraph when there is one, so the body
    is the text from ``body_start`` on.
    """
    import zjopen

    doc = zjopen.read_document(data)
    body = doc.text[doc.body_start :]
    return f"{doc.title}\n{body}" if doc.title is not None else body

