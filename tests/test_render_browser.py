"""The review pages in a real browser: headless Chromium driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` and ``pip install -e '.[browser]'``;
skipped otherwise (CI installs them).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import zjopen
from zjopen.formats.review import render_article

webdriver = pytest.importorskip("selenium.webdriver", reason="pip install -e '.[browser]'")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"

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
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver: Any, page: str, folder: Path, name: str) -> None:
    path = folder / name
    path.write_text(page, encoding="utf-8")
    driver.get(path.as_uri())


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")) or ["none"])
def test_seed_page_highlights_match_records(browser: Any, tmp_path: Path, name: str) -> None:
    if not (SEEDS / name).is_file():
        pytest.skip("needs ../shared/corpus/seeds")
    article = zjopen.parse_file(SEEDS / name)
    _open(browser, render_article(article), tmp_path, "page.html")
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark')).map(m => "
        "[m.id, m.textContent, JSON.parse(m.getAttribute('data-record'))])"
    )
    by_id = {mark_id: (text, record) for mark_id, text, record in marks}
    for metric in article.metrics:
        text, record = by_id[metric.id]
        assert text == metric.text == record["text"]
    for n, region in enumerate(article.regions):
        for k, span in enumerate(region.mentions):
            assert by_id[f"r{n}-{k}"][0] == span.text
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    browser.find_element("css selector", "mark.k-metric").click()
    detail = browser.find_element("id", "detail").text
    assert '"unit"' in detail


def test_article_with_a_script_runs_no_script(browser: Any, tmp_path: Path) -> None:
    article = zjopen.parse(
        "Ningbo trade grows\n\nIn 2023, Ningbo exports rose 5%. "
        "<script>window.pwned = 1; alert(1)</script> More trade followed.",
        id="x",
    )
    _open(browser, render_article(article), tmp_path, "x.html")
    assert browser.execute_script("return window.pwned === undefined")
    assert "<script>window.pwned" in browser.find_element("tag name", "main").text
