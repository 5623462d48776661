"""The review pages in a real browser: headless Chromium driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` and ``pip install -e '.[browser]'``;
skipped otherwise (CI installs them). The screenshots of the examples go to a temporary
folder, or to ``docs/assets/`` with ``ZJOPEN_UPDATE_SCREENSHOTS=1``.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import zjopen
from zjopen.formats.review import render_article, write_review

webdriver = pytest.importorskip("selenium.webdriver", reason="pip install -e '.[browser]'")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
ASSETS = ROOT / "docs" / "assets"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PORT = "ningbo-port-autumn-2024"  # eight figures, five of them to review
PAYLOAD = '"><img src=x onerror=alert(1)>'

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="needs Debian's chromium and chromium-driver packages",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 "--force-device-scale-factor=1", "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples rendered as ``zjopen render examples/articles`` does."""
    out = tmp_path_factory.mktemp("review")
    paths = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    write_review(((p.relative_to(ROOT), _with_figures_to_review(zjopen.parse_file(p)))
                  for p in paths), out)
    return out


def _with_figures_to_review(article: zjopen.Article) -> zjopen.Article:
    """The port article with its first five figures' subjects taken away: the pages are
    tested on figures to review, which zjopen itself now gives a subject."""
    if article.id != PORT:
        return article
    metrics = tuple(attrs.evolve(m, region=None, platform=None, enterprise=None)
                    if n < 5 else m for n, m in enumerate(article.metrics))
    return attrs.evolve(article, metrics=metrics)


def _viewport(driver: Any, width: int, height: int) -> None:
    """Make the page area exactly ``width`` x ``height`` CSS pixels."""
    outer = [width, height]
    for _ in range(20):  # the window manager may take a moment, and adds its frame
        driver.set_window_size(*outer)
        time.sleep(0.05)
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        if inner == [width, height]:
            return
        outer = [outer[0] + width - inner[0], outer[1] + height - inner[1]]
    raise AssertionError(f"cannot make the window {width}x{height}: {inner}")


def _open(driver: Any, page: Path) -> None:
    driver.get(page.as_uri())
    driver.get_log("browser")  # start each page with an empty log


def _write(driver: Any, page: str, folder: Path, name: str) -> None:
    path = folder / name
    path.write_text(page, encoding="utf-8")
    _open(driver, path)


def _severe(driver: Any) -> list[Any]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _keys(driver: Any, keys: str) -> None:
    ActionChains(driver).send_keys(keys).perform()


def _active_id(driver: Any) -> str:
    return str(driver.execute_script("return document.activeElement.id"))


def _in_view(driver: Any, element_id: str) -> bool:
    return bool(driver.execute_script(
        "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", element_id))


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")) or ["none"])
def test_seed_page_highlights_match_records(browser: Any, tmp_path: Path, name: str) -> None:
    if not (SEEDS / name).is_file():
        pytest.skip("needs ../shared/corpus/seeds")
    article = zjopen.parse_file(SEEDS / name)
    _viewport(browser, 1400, 1000)
    _write(browser, render_article(article), tmp_path, "page.html")
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark')).map(m => "
        "[m.id, m.textContent, JSON.parse(m.getAttribute('data-record'))])"
    )
    by_id = {mark_id: (text, record) for mark_id, text, record in marks}
    for n, metric in enumerate(article.metrics):
        text, record = by_id[f"f{n}-0"]
        assert text.startswith(metric.text)
        assert record["text"] == metric.text
    for n, region in enumerate(article.regions):
        for k, span in enumerate(region.mentions):
            assert by_id[f"r{n}-{k}"][0] == span.text
    assert _severe(browser) == []
    browser.find_element("css selector", "mark.k-metric").click()
    row = browser.find_element("css selector", "#panel li.rec.selected")
    assert "Exact" in row.find_element("css selector", ".fields").text


def test_article_with_a_script_runs_no_script(browser: Any, tmp_path: Path) -> None:
    article = zjopen.parse(
        "Ningbo trade grows\n\nIn 2023, Ningbo exports rose 5%. "
        "<script>window.pwned = 1; alert(1)</script> More trade followed.",
        id="x",
    )
    _write(browser, render_article(article), tmp_path, "x.html")
    assert browser.execute_script("return window.pwned === undefined")
    assert "<script>window.pwned" in browser.find_element("tag name", "main").text


def test_hostile_ids_run_nothing(browser: Any, tmp_path: Path) -> None:
    data = json.loads(zjopen.dumps(zjopen.parse_file(EXAMPLES / f"{PORT}.txt")))
    data["id"] = data["title"] = data["metrics"][0]["id"] = data["metrics"][1]["of"] = PAYLOAD
    data["platforms"][0]["name"] = PAYLOAD
    article = zjopen.loads(json.dumps(data))
    pages = write_review([(f"news/{PAYLOAD}.txt", article), article], tmp_path)
    for page in [*pages, tmp_path / "index.html"]:
        _open(browser, page)
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018 - raises when no alert is open
        assert browser.find_elements("tag name", "img") == []
        assert PAYLOAD in browser.find_element("tag name", "body").text
        assert _severe(browser) == []


def test_side_panel_lists_each_record_once(browser: Any, site: Path) -> None:
    article = zjopen.parse_file(EXAMPLES / f"{PORT}.txt")
    _viewport(browser, 1400, 1000)
    _open(browser, site / f"{PORT}.html")
    count = browser.execute_script
    for kind, records in (("metric", article.metrics), ("region", article.regions),
                          ("platform", article.platforms),
                          ("initiative", article.initiatives)):
        assert count(f"return document.querySelectorAll('#panel li.rec.k-{kind}').length") \
            == len(records)
    (n,) = [n for n, r in enumerate(article.regions) if r.name == "Ningbo"]
    row = browser.find_element("id", f"rec-r{n}")
    assert row.find_element("css selector", ".count").text == "×2"
    button = row.find_element("css selector", "button.row")
    for expected in (f"r{n}-0", f"r{n}-1", f"r{n}-0"):  # a click per mention, round again
        button.click()
        current = browser.find_elements("css selector", "main mark.current")
        assert [m.get_attribute("id") for m in current] == [expected]
        assert _in_view(browser, expected)
    assert row.find_element("css selector", ".pos").text == "mention 1 of 2"
    assert row.find_element("css selector", ".fields").is_displayed()
    assert _severe(browser) == []


def test_values_and_subjects_read_without_clicking(browser: Any, site: Path) -> None:
    _viewport(browser, 1400, 1000)
    _open(browser, site / f"{PORT}.html")
    value = browser.find_element("css selector", "#rec-f0 .val")
    assert value.text == "1.04 billion t"
    assert value.get_attribute("title") == "1040000000 t"
    assert browser.find_element("css selector", "#rec-f1 .val").text == "+4.2%"
    chips = browser.execute_script(
        "return Array.from(document.querySelectorAll('main mark.k-metric')).map(m => "
        "getComputedStyle(m, '::after').content)")
    assert chips[0] == '"no subject · Jan–Sep 2024"'
    assert chips[5] == '"Beilun · Jan–Sep 2024"'
    assert chips[7] == '"Ningbo · by 2027"'


def test_headline_shows_once_with_byline(browser: Any, site: Path) -> None:
    article = zjopen.parse_file(EXAMPLES / f"{PORT}.txt")
    _open(browser, site / f"{PORT}.html")
    main = browser.find_element("tag name", "main").text
    assert article.title is not None
    assert main.count(article.title) == 1
    assert browser.find_element("tag name", "h1").text == article.title
    byline = browser.find_element("css selector", ".byline").text
    assert byline == "By Chen Lu · China Daily · 21 Oct 2024"


def test_keys_step_through_figures_to_review_and_articles(browser: Any, site: Path) -> None:
    _viewport(browser, 1400, 700)
    _open(browser, site / f"{PORT}.html")
    flagged = browser.execute_script(
        "return Array.from(document.querySelectorAll('main mark.flag')).map(m => m.id)")
    assert flagged == ["f0-0", "f1-0", "f2-0", "f3-0", "f4-0"]
    for keys, expected in (("j", "f0-0"), ("j", "f1-0"), ("n", "f2-0"), ("k", "f1-0"),
                           ("p", "f0-0"), ("k", "f4-0"), ("j", "f0-0")):
        _keys(browser, keys)
        assert _active_id(browser) == expected
        assert _in_view(browser, expected)
        assert browser.find_element("id", f"rec-{expected[:2]}").get_attribute(
            "class").split()[-1] == "selected"
    assert browser.find_element("id", "status").text == "Figure to review 1 of 5"
    # from a highlight that is not flagged, j goes to the next flagged one after it
    browser.find_element("id", "rec-f5").find_element("css selector", "button").click()
    _keys(browser, "k")
    assert _active_id(browser) == "f4-0"
    _keys(browser, "]")
    assert browser.current_url.endswith("/ningbo-trade-2022.html")
    _keys(browser, "[")
    assert browser.current_url.endswith(f"/{PORT}.html")
    _keys(browser, "[")
    assert browser.current_url.endswith("/hangzhou-ftz-area.html")
    _keys(browser, "[")  # the first article has no previous one
    assert browser.current_url.endswith("/hangzhou-ftz-area.html")
    assert "first article" in browser.find_element("id", "status").text
    assert _severe(browser) == []


def test_index_links_every_page_with_counts(browser: Any, site: Path) -> None:
    _viewport(browser, 1400, 1000)
    _open(browser, site / "index.html")
    rows = browser.find_elements("css selector", "tbody tr")
    assert len(rows) == len([p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}])
    port = next(r for r in rows if PORT in r.text)
    cells = [c.text for c in port.find_elements("css selector", "td.num")]
    assert cells[1:] == ["8", "2", "0", "1", "1", "5"]
    port.find_element("tag name", "a").click()
    assert browser.current_url.endswith(f"/{PORT}.html")


def _content_height(driver: Any) -> int:
    """How tall the page's content is: the article or the side panel, the taller."""
    return int(driver.execute_script(
        "function bottom(box) { var b = box.lastElementChild, s = getComputedStyle(box);"
        " return b.getBoundingClientRect().bottom + parseFloat(getComputedStyle(b).marginBottom)"
        " + parseFloat(s.paddingBottom) + box.scrollTop + scrollY; }"
        "return Math.ceil(Math.max(bottom(document.querySelector('main')),"
        " bottom(document.getElementById('panel'))));"))


def _screenshot_folder(tmp_path: Path) -> Path:
    return ASSETS if os.environ.get("ZJOPEN_UPDATE_SCREENSHOTS") else tmp_path


def test_wide_layout_has_no_gaps(browser: Any, site: Path, tmp_path: Path) -> None:
    _viewport(browser, 1400, 1800)
    _open(browser, site / f"{PORT}.html")
    sizes = browser.execute_script(
        "var d = document.documentElement, p = document.getElementById('panel');"
        "var r = p.getBoundingClientRect();"
        "return [d.scrollWidth, d.scrollHeight, p.scrollHeight, p.clientHeight, r.top,"
        " r.bottom, r.left, document.querySelector('main').getBoundingClientRect().right];")
    scroll_width, scroll_height, panel_scroll, panel_height, top, bottom, left, main_right = sizes
    assert scroll_width == 1400  # no sideways scrolling
    assert scroll_height == 1800  # no scroll bar: it all fits
    assert panel_scroll == panel_height  # the panel needs no scroll bar either
    assert (top, bottom) == (0, 1800)  # the panel runs the window's height
    assert left == main_right  # side by side, nothing between
    # The screenshot: the first figure to review selected, as tall as the content.
    _keys(browser, "j")
    assert _active_id(browser) == "f0-0"
    _viewport(browser, 1400, max(_content_height(browser), 600))
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(_screenshot_folder(tmp_path) / "review-1400.png"))
    assert _severe(browser) == []


def test_narrow_layout_stacks_the_panel_under_the_text(browser: Any, site: Path,
                                                       tmp_path: Path) -> None:
    _viewport(browser, 800, 1000)
    _open(browser, site / f"{PORT}.html")
    scroll_width, main_bottom, panel_top, panel_width = browser.execute_script(
        "var p = document.getElementById('panel').getBoundingClientRect();"
        "return [document.documentElement.scrollWidth,"
        " document.querySelector('main').getBoundingClientRect().bottom, p.top, p.width];")
    assert scroll_width == 800
    assert panel_top >= main_bottom
    assert panel_width == 800
    height = browser.execute_script("return document.documentElement.scrollHeight")
    _viewport(browser, 800, height)
    browser.save_screenshot(str(_screenshot_folder(tmp_path) / "review-800.png"))
    # a click on a highlight shows its record in a bar at the foot of the window
    _viewport(browser, 800, 1000)
    browser.find_element("id", "p0-1").click()
    bar = browser.find_element("id", "selbar")
    assert bar.is_displayed()
    assert bar.text.startswith("Ningbo-Zhoushan Port · ×2 · port · Ningbo")
    _keys(browser, "\ue00c")  # Escape
    assert not bar.is_displayed()
    assert _severe(browser) == []
