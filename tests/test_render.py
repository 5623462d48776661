"""The HTML review view: highlights hold exactly the records' text, a row per record,
values for people, the headline once; nothing from the input is ever markup."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zjopen
from zjopen.formats.review import PageLink, PageNames, render_article, render_index, write_review
from zjopen.model import Article, Metric, Region, Span

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PAYLOAD = '"><img src=x onerror=alert(1)>'
SAFE_ID = re.compile(r"\A[A-Za-z0-9_-]+\Z")
# Every element the pages are made of: anything else came from the input.
TAGS = {"html", "head", "meta", "title", "link", "style", "body", "div", "main", "nav", "a",
        "span", "kbd", "article", "header", "h1", "h2", "p", "time", "mark", "aside",
        "section", "ol", "li", "button", "dl", "dt", "dd", "b", "script", "table", "thead",
        "tbody", "tfoot", "tr", "th", "td"}


class _Page(HTMLParser):
    """Every element's tag and attributes, every <mark>'s and row's text, the headline,
    the body text and the scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.marks: dict[str, dict[str, str]] = {}
        self.rows: dict[str, dict[str, str]] = {}
        self.scripts: list[str] = []
        self.h1 = ""
        self.body = ""
        self.byline = ""
        self._stack: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag in {"meta", "link"}:
            return
        if tag == "mark":
            self.marks[values["id"]] = {**values, "text": ""}
        if tag == "li" and "rec" in values.get("class", "").split():
            self.rows[values["id"]] = {**values, "text": ""}
        self._stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for tag, values in self._stack:
            if tag == "mark":
                self.marks[values["id"]]["text"] += data
            if tag == "li" and values.get("id", "") in self.rows:
                self.rows[values["id"]]["text"] += data
            if tag == "h1":
                self.h1 += data
            if tag == "div" and values.get("class") == "body":
                self.body += data
            if tag == "p" and values.get("class") == "byline":
                self.byline += data
            if tag == "script":
                self.scripts.append(data)

    def first(self, tag: str, **attrs: str) -> dict[str, str]:
        return next(v for t, v in self.elements
                    if t == tag and all(v.get(k) == a for k, a in attrs.items()))


def _page(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _example(name: str) -> zjopen.Article:
    return zjopen.parse_file(EXAMPLES / name)


def _seed(name: str) -> zjopen.Article:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip("needs ../shared/corpus/seeds")
    return zjopen.parse_file(path)


def _check_safe(page: str, *, given_links: bool = False) -> _Page:
    """No element, attribute value or id of ``page`` came from the input (but the links
    to other pages, when the caller gave them)."""
    parsed = _page(page)
    assert {tag for tag, _ in parsed.elements} <= TAGS
    for _tag, values in parsed.elements:
        assert not any(name.startswith("on") for name in values)
        if "id" in values:
            assert SAFE_ID.match(values["id"]), values["id"]
        for name in ("data-rec",) if given_links else ("href", "data-rec"):
            if name in values:
                assert re.fullmatch(r"[A-Za-z0-9_.%#-]+", values[name]), values[name]
    return parsed


@pytest.mark.parametrize("name", ["zhejiang-high-standard-opening-up.txt",
                                  "beilun-port-and-innovation.txt"])
def test_each_highlight_holds_its_records_text(name: str) -> None:
    article = _seed(name)
    marks = _page(render_article(article)).marks
    for n, metric in enumerate(article.metrics):
        mark = marks[f"f{n}-0"]
        assert mark["text"].startswith(metric.text)
        record = json.loads(mark["data-record"])
        assert (record["unit"], record["text"], record["id"]) == (
            metric.unit, metric.text, metric.id)
    for n, region in enumerate(article.regions):
        for k, span in enumerate(region.mentions):
            assert marks[f"r{n}-{k}"]["text"] == span.text
            assert marks[f"r{n}-{k}"]["class"] == "k-region"


def test_example_highlights_hold_their_records_text() -> None:
    for path in sorted(EXAMPLES.iterdir()):
        article = zjopen.parse_file(path)
        marks = _check_safe(render_article(article)).marks
        for n, metric in enumerate(article.metrics):
            assert marks[f"f{n}-0"]["text"] == metric.text
        for n, region in enumerate(article.regions):
            for k, span in enumerate(region.mentions):
                assert marks[f"r{n}-{k}"]["text"] == span.text


def test_article_text_is_escaped() -> None:
    article = zjopen.parse("Yiwu grows\n\nIn 2023, Yiwu exports rose 5% <script>alert(1)</script>.",
                           id="x")
    page = render_article(article)
    parsed = _check_safe(page)
    assert all("alert" not in script for script in parsed.scripts)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _hostile_article() -> Article:
    """An article whose every string field holds the payload, loaded through loads."""
    data = json.loads(zjopen.dumps(_example("ningbo-port-autumn-2024.txt")))
    data["id"] = PAYLOAD
    data["title"] = PAYLOAD
    data["authors"] = [PAYLOAD]
    data["source"] = PAYLOAD
    data["dateline"] = PAYLOAD
    data["metrics"][0]["id"] = PAYLOAD
    data["metrics"][1]["of"] = PAYLOAD
    data["metrics"][2]["indicator"] = PAYLOAD
    data["metrics"][3]["platform"] = PAYLOAD
    data["platforms"][0]["name"] = PAYLOAD
    data["platforms"][0]["kb_id"] = PAYLOAD
    data["initiatives"][0]["aliases"] = [PAYLOAD]
    return zjopen.loads(json.dumps(data))


def test_hostile_record_and_article_ids_stay_text() -> None:
    article = _hostile_article()
    assert article.id == PAYLOAD
    assert article.metrics[0].id == PAYLOAD
    page = render_article(article, path=f"news/{PAYLOAD}.txt", index="index.html",
                          previous=PageLink(f"{PAYLOAD}.html", PAYLOAD),
                          following=PageLink("b.html", PAYLOAD))
    parsed = _check_safe(page, given_links=True)
    assert parsed.first("a", rel="prev")["href"] == f"{PAYLOAD}.html"
    assert "<img" not in page
    assert html_escaped(PAYLOAD) in page
    assert "f0-0" in parsed.marks  # the mark's DOM id comes from its position
    assert json.loads(parsed.marks["f0-0"]["data-record"])["id"] == PAYLOAD
    assert PAYLOAD in parsed.h1
    assert PAYLOAD in parsed.byline


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;")


def test_hostile_article_written_to_a_safe_file(tmp_path: Path) -> None:
    article = _hostile_article()
    pages = write_review([article, (f"x/{PAYLOAD}.txt", article)], tmp_path / "out")
    assert [p.name for p in pages] == ["img_src_x_onerror_alert_1_.html",
                                       "x-_img_src_x_onerror_alert_1_.html"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [p.name for p in pages] + ["index.html"])
    for page in (tmp_path / "out").iterdir():
        text = page.read_text(encoding="utf-8")
        _check_safe(text)
        assert "<img" not in text


@given(st.text(min_size=1, max_size=40).filter(str.strip),
       st.text(min_size=1, max_size=40).filter(str.strip))
def test_any_id_or_name_stays_text(article_id: str, name: str) -> None:
    text = f"{name}\n\nExports of {name} rose 5% in 2023."
    start = text.index("5%", len(name) + 2)
    article = Article(
        id=article_id, title=name, text=text, authors=(name,), source=name,
        regions=(Region(code="330200", name=name, level="prefecture",
                        mentions=(Span.of(text, 0, len(name)),)),),
        metrics=(Metric(value=Decimal(5), unit="%", span=Span.of(text, start, start + 2),
                        id=article_id, platform=name, year=2023),),
    )
    parsed = _check_safe(render_article(article))
    assert set(parsed.marks) == {"r0-0", "f0-0"}
    assert parsed.marks["f0-0"]["data-subject"] == f"{name} · 2023"
    assert _check_safe(render_index([(f"{name}/{article_id}.txt", article)]))


def test_content_security_policy_allows_only_the_pages_own_script() -> None:
    parsed = _page(render_article(_example("ningbo-trade-2023.txt")))
    policy = parsed.first("meta", **{"http-equiv": "Content-Security-Policy"})["content"]
    script = "".join(parsed.scripts)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "unsafe" not in policy


def test_figures_without_year_or_subject_are_flagged() -> None:
    article = zjopen.parse("Some 1,000 people now work there.", id="y")
    parsed = _page(render_article(article))
    mark = parsed.marks["f0-0"]
    assert article.metrics[0].year is None
    assert "flag" in mark["class"].split()
    assert "review: no year and no subject" in mark["title"]
    assert mark["data-subject"] == "no subject · no year"
    assert "flag" in parsed.rows["rec-f0"]["class"].split()


def test_one_row_per_record_with_its_mentions() -> None:
    article = zjopen.parse("Ningbo grows\n\nNingbo exports rose 5% in 2023. Ningbo imports "
                           "fell. Officials in Ningbo were pleased.", id="n")
    (ningbo,) = article.regions
    assert len(ningbo.mentions) == 4
    parsed = _page(render_article(article))
    region_rows = [r for r in parsed.rows if r.startswith("rec-r")]
    assert region_rows == ["rec-r0"]
    row = parsed.rows["rec-r0"]
    assert row["data-marks"].split() == ["r0-0", "r0-1", "r0-2", "r0-3"]
    assert "×4" in row["text"]
    assert [m for m in parsed.marks if m.startswith("r0-")] == ["r0-0", "r0-1", "r0-2", "r0-3"]
    assert len(parsed.rows) == len(article.regions) + len(article.metrics)


def test_every_record_of_an_example_has_one_row() -> None:
    article = _example("yiwu-market-goes-global.txt")
    rows = _page(render_article(article)).rows
    for kind, records in (("f", article.metrics), ("r", article.regions),
                          ("e", article.enterprises), ("p", article.platforms),
                          ("i", article.initiatives)):
        assert sorted(r for r in rows if r.startswith(f"rec-{kind}")) == sorted(
            f"rec-{kind}{n}" for n in range(len(records)))


def _values(page: _Page) -> dict[str, tuple[str, str]]:
    """Each figure row's shown value and its title (the exact value)."""
    found = {}
    for n, (tag, values) in enumerate(page.elements):
        if tag == "span" and values.get("class") == "name val":
            row = next(v["id"] for t, v in reversed(page.elements[:n]) if t == "li")
            found[row] = (values["title"], "")
    for row in found:
        text = page.rows[row]["text"]
        found[row] = (found[row][0], text)
    return found


def test_values_are_formatted_with_the_exact_value_on_hover() -> None:
    parsed = _page(render_article(_example("ningbo-port-autumn-2024.txt")))
    values = _values(parsed)
    assert values["rec-f0"][0] == "1040000000 t"
    assert values["rec-f0"][1].startswith("1.04 billion t")
    assert values["rec-f1"][0] == "4.2 %"
    assert values["rec-f1"][1].startswith("+4.2%")
    assert values["rec-f2"][1].startswith("30.1 million TEU")
    assert values["rec-f3"][1].startswith("> 300 container routes")
    assert '<span class="name val" title="1040000000 t">1.04 billion t</span>' in (
        render_article(_example("ningbo-port-autumn-2024.txt")))


def test_money_and_ranks_read_as_people_write_them() -> None:
    text = "Ningbo ranks\n\nIn 2023 Ningbo drew US$1.4 billion and ranked 12th."
    article = zjopen.parse(text, id="r")
    page = render_article(article)
    assert '<span class="name val" title="1400000000 USD">US$ 1.4 billion</span>' in page
    assert '<span class="name val" title="12 rank">12th</span>' in page


def test_subject_of_each_figure_is_shown_inline() -> None:
    article = _example("hangzhou-ftz-area.html")
    marks = _page(render_article(article)).marks
    subjects = [marks[f"f{n}-0"]["data-subject"] for n in range(len(article.metrics))]
    platform = "Hangzhou area of the Zhejiang Pilot Free Trade Zone"
    # (the zone's area is no place's figure: "The area covers 37.51 square kilometers")
    assert subjects == [f"{platform} · H1 2022", f"{platform} · H1 2022",
                        f"{platform} · 2022", "Binjiang · 2022", "no subject · 2022"]
    # a region known only to the gazetteer is named too
    text = "Trade\n\nTrade rose 5% in 2023."
    start = text.index("5%")
    lone = Article(id="g", title="Trade", text=text, metrics=(Metric(
        value=Decimal(5), unit="%", span=Span.of(text, start, start + 2), region="330782",
        year=2023),))
    assert _page(render_article(lone)).marks["f0-0"]["data-subject"] == "Yiwu · 2023"


def test_headline_once_and_byline() -> None:
    article = _example("ningbo-port-autumn-2024.txt")
    assert article.text.startswith(article.title or "?")
    parsed = _page(render_article(article))
    assert parsed.h1 == article.title
    assert article.title not in parsed.body
    assert parsed.body.lstrip().startswith("Ningbo-Zhoushan Port handled 1.04 billion tonnes")
    assert "By Chen Lu" in parsed.byline
    assert "China Daily" in parsed.byline
    assert "21 Oct 2024" in parsed.byline
    # the headline keeps its highlights
    assert parsed.marks["p0-0"]["text"] == "Ningbo-Zhoushan Port"
    assert parsed.first("h1") is not None


def test_a_title_the_text_does_not_start_with_is_shown_apart() -> None:
    article = Article(id="t", title="A headline", text="Body text only.")
    parsed = _page(render_article(article))
    assert parsed.h1 == "A headline"
    assert parsed.body.strip() == "Body text only."


def test_page_names_are_unique_per_path_and_deterministic() -> None:
    names = PageNames()
    assert [names.add("a", p) for p in ("x/a.txt", "y/a.txt", "x/a.html", "y/a.html",
                                        "z/a.txt")] == [
        "a.html", "y-a.html", "x-a.html", "a-html.html", "z-a.html"]
    again = PageNames()
    assert again.add("index", "news/index.txt") == "news-index.html"
    assert again.add("A", "A.txt") == "A.html"
    assert again.add("a", "a.txt") == "a-txt.html"  # file systems that ignore case


def test_render_command_names_same_stem_files_apart(tmp_path: Path) -> None:
    for folder, name in (("x", "a.txt"), ("y", "a.txt"), ("x", "a.html")):
        (tmp_path / folder).mkdir(exist_ok=True)
        body = f"Ningbo {folder} {name}\n\nNingbo exports rose 5% in 2023."
        if name.endswith(".html"):
            body = f"<html><body><h1>Ningbo {folder} {name}</h1><p>Ningbo exports rose 5% in " \
                   "2023.</p></body></html>"
        (tmp_path / folder / name).write_text(body, encoding="utf-8")
    out = tmp_path / "review"
    for _ in range(2):  # the same names every run
        result = subprocess.run(
            [sys.executable, "-m", "zjopen", "render", str(tmp_path / "x"), str(tmp_path / "y"),
             "-o", str(out), "-q", "-j", "1"],
            capture_output=True, text=True, check=False, timeout=300)
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in out.iterdir()) == [
            "a.html", "index.html", "x-a.html", "y-a.html"]
    index = _page((out / "index.html").read_text(encoding="utf-8"))
    links = [v["href"] for t, v in index.elements if t == "a"]
    assert links == ["a.html", "x-a.html", "y-a.html"]  # x/a.html, x/a.txt, y/a.txt
    titles = {p.name: _page(p.read_text(encoding="utf-8")).h1 for p in out.glob("*a.html")}
    assert titles == {"a.html": "Ningbo x a.html", "x-a.html": "Ningbo x a.txt",
                      "y-a.html": "Ningbo y a.txt"}


def test_pages_link_their_neighbours_and_the_index(tmp_path: Path) -> None:
    articles = [(path, zjopen.parse_file(path)) for path in sorted(EXAMPLES.iterdir())[:3]]
    pages = write_review(articles, tmp_path)
    links = []
    for page in pages:
        parsed = _page(page.read_text(encoding="utf-8"))
        rel = {v.get("rel"): v["href"] for t, v in parsed.elements
               if t == "a" and v.get("rel")}
        up = [v["href"] for t, v in parsed.elements if t == "a" and v.get("class") == "up"]
        assert up == ["index.html"]
        links.append(rel)
    names = [p.name for p in pages]
    assert links == [{"next": names[1]}, {"prev": names[0], "next": names[2]},
                     {"prev": names[1]}]


def test_index_lists_articles_with_counts() -> None:
    one = zjopen.parse("Yiwu grows\n\nIn 2023, Yiwu exports rose 5%.", id="one")
    flagged = zjopen.parse("Zoppas grows\n\nZoppas Industries employs 1,000 people.", id="two")
    page = render_index([one, ("news/two.txt", flagged), ("more/two.txt", flagged)])
    parsed = _check_safe(page)
    links = [(v["href"]) for t, v in parsed.elements if t == "a"]
    assert links == ["one.html", "two.html", "more-two.html"]
    assert '<a href="one.html">Yiwu grows</a>' in page
    row = page[page.index("one.html"):page.index("two.html")]
    counts = re.findall(r'<td class="num(?: zero)?">(\d+)</td>', row)
    assert counts == ["1", "1", "0", "0", "0", "0"]  # figures, regions ... to review
    assert '<span class="pill">1</span>' in page
    assert "news/two.txt" in page


def test_render_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zjopen", "render", str(EXAMPLES),
         "-o", str(tmp_path / "review"), "-q"],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    articles = sorted(p.stem for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    assert sorted(p.name for p in (tmp_path / "review").iterdir()) == sorted(
        [f"{name}.html" for name in articles] + ["index.html"])
    assert "yiwu-market-goes-global" in articles
