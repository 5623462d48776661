"""The HTML review view: highlights hold exactly the records' text; nothing is executed."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import zjopen
from zjopen.formats.review import render_article, render_index

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


class _Marks(HTMLParser):
    """Collects every <mark>'s id, classes, record and text; and every <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: dict[str, dict[str, str]] = {}
        self.open: list[str] = []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "mark":
            self.marks[values["id"]] = {**values, "text": ""}
            self.open.append(values["id"])
        if tag == "script":
            self.in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        for mark in self.open:
            self.marks[mark]["text"] += data
        if self.in_script:
            self.scripts.append(data)


def _marks(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    return parser


def _article(name: str) -> zjopen.Article:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip("needs ../shared/corpus/seeds")
    return zjopen.parse_file(path)


@pytest.mark.parametrize("name", ["zhejiang-high-standard-opening-up.txt",
                                  "beilun-port-and-innovation.txt"])
def test_each_highlight_holds_its_records_text(name: str) -> None:
    article = _article(name)
    marks = _marks(render_article(article)).marks
    for metric in article.metrics:
        assert marks[metric.id]["text"] == metric.text
        record = json.loads(marks[metric.id]["data-record"])
        assert record["unit"] == metric.unit
        assert record["text"] == metric.text
    for n, region in enumerate(article.regions):
        for k, span in enumerate(region.mentions):
            assert marks[f"r{n}-{k}"]["text"] == span.text
            assert marks[f"r{n}-{k}"]["class"] == "k-region"
    assert len(marks) >= len(article.metrics) + len(article.regions)


def test_article_text_is_escaped() -> None:
    article = zjopen.parse("Yiwu grows\n\nIn 2023, Yiwu exports rose 5% <script>alert(1)</script>.",
                           id="x")
    page = render_article(article)
    parsed = _marks(page)
    assert all("alert" not in script for script in parsed.scripts)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_figures_without_year_or_subject_are_flagged() -> None:
    article = zjopen.parse("Zoppas Industries employs 1,000 people.", id="y")
    marks = _marks(render_article(article)).marks
    metric = article.metrics[0]
    assert metric.year is None
    assert "flag" in marks[metric.id]["class"].split()
    assert "review: no year and no subject" in marks[metric.id]["title"]


def test_index_lists_articles_with_counts() -> None:
    one = zjopen.parse("Yiwu grows\n\nIn 2023, Yiwu exports rose 5%.", id="one")
    page = render_index([one])
    assert '<a href="one.html">Yiwu grows</a>' in page
    assert "<td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td>" in page


def test_render_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zjopen", "render", str(ROOT / "examples" / "articles"),
         "-o", str(tmp_path / "review"), "-q"],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    articles = sorted(p.stem for p in (ROOT / "examples" / "articles").iterdir()
                      if p.suffix in {".txt", ".html"})
    assert sorted(p.name for p in (tmp_path / "review").iterdir()) == sorted(
        [f"{name}.html" for name in articles] + ["index.html"])
    assert "yiwu-market-goes-global" in articles
