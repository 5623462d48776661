"""Table tests: date lines, headline dates, datelines, HTML dates, bylines and sources
as news sites print them (``cases/date_lines.jsonl``).

Each case gives the article (``text``, or ``html``) and the exact expected ``title``
and ``published``; ``authors`` and ``source`` are checked when the case gives them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zjopen import read_document

_CASES = Path(__file__).parent / "cases" / "date_lines.jsonl"


def _cases() -> list[Any]:
    rows = [json.loads(line) for line in _CASES.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [pytest.param(row, id=row["id"]) for row in rows]


@pytest.mark.parametrize("case", _cases())
def test_date_line(case: dict[str, Any]) -> None:
    source = case.get("html") or case["text"]
    doc = read_document(source, path="case.html" if "html" in case else None)
    assert doc.title == case["title"]
    assert (doc.published.isoformat() if doc.published else None) == case["published"]
    if "authors" in case:
        assert list(doc.authors) == case["authors"]
    if "source" in case:
        assert doc.source == case["source"]


def test_table_size() -> None:
    rows = [json.loads(line) for line in _CASES.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert sum("authors" in row or "source" in row for row in rows) >= 20
    assert sum("authors" not in row and "source" not in row for row in rows) >= 60


@pytest.mark.parametrize("sentence", [
    "A bulk carrier loaded with iron ore approaches the ore dock at Ningbo port, where cargo "
    "rose 24 percent in the first half.",
    "A new freight train bound for Madrid left Yiwu in east China's Zhejiang Province on "
    "Thursday.",
])
def test_text_after_a_date_label_is_kept(sentence: str) -> None:
    """An exported page's first line, "date 2020-08-11 " then the text: the date is the
    publication date and the text stays the article's (its places and figures count)."""
    doc = read_document(f" date 2020-08-11 {sentence}\n\nTrade rose 5 percent, officials said.")
    assert doc.published is not None
    assert doc.published.isoformat() == "2020-08-11"
    assert doc.text.startswith(sentence)
