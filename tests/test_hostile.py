"""Hostile and broken input: the exact reproducers of what once crashed, hung or ate
memory, each with what it must give now."""

from __future__ import annotations

import zjopen
from zjopen.link import name_key


def test_a_name_with_thirty_legal_suffixes_is_keyed_at_once() -> None:
    # The legal-suffix pattern once backtracked exponentially here (N=30: minutes).
    assert name_key("X" + " Co., Ltd." * 30 + " word") == "x" + " co ltd" * 30 + " word"
    assert name_key("X" + " Co., Ltd." * 30) == "x"


def test_an_abbreviation_introduced_thousands_of_times_is_read_in_one_pass() -> None:
    # Each "(XCL)" once rescanned the whole text and emitted a record per use:
    # 200 KB took 100 s and 5.2 GB.
    article = zjopen.parse("X Co., Ltd. (XCL) signed. " * 8000)
    assert [e.name for e in article.enterprises] == ["X Co., Ltd."]
    assert article.enterprises[0].aliases == ("XCL",)
    assert len(article.enterprises[0].mentions) == 16000


def test_a_json_ld_block_with_a_4301_digit_integer_is_read_past() -> None:
    page = ('<html><head><title>T</title><script type="application/ld+json">'
            '{"@type": "NewsArticle", "headline": "Ningbo trade grows", "n": '
            + "9" * 4301 + ', "datePublished": "2024-03-01"}</script></head>'
            "<body><article><p>Ningbo's exports rose 5 percent.</p></article></body></html>")
    article = zjopen.parse(page)
    assert article.published is not None
    assert article.published.isoformat() == "2024-03-01"
