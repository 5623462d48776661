"""zjopen.formats._plain writes exactly the data the cattrs converter writes, and the JSON
writers give the same bytes through it as through the converter."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from tests import strategies as gen
from zjopen.formats import _plain
from zjopen.formats import json as json_format
from zjopen.formats.converter import converter, make_converter, to_data
from zjopen.model import Article, Metric, Span


def _by_cattrs(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = converter.unstructure(article, Article)
    return data


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (an enum stays an enum)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@given(gen.articles())
@settings(max_examples=300)
def test_plain_data_is_the_converters(article: Article) -> None:
    assert _same(_plain.article_data(article), _by_cattrs(article))
    assert _same(to_data(article), _by_cattrs(article))
    head = _plain.article_data(article, records=False)
    empty: dict[str, Any] = dict.fromkeys(("regions", "enterprises", "platforms",
                                           "initiatives", "metrics"), ())
    assert _same(head, _by_cattrs(attrs.evolve(article, **empty)))


def _written(article: Article) -> tuple[str, str, str, str]:
    stream = io.StringIO()
    json_format.dump_jsonl([article], stream)
    return (json_format.dumps(article), json_format.dumps(article, indent=2),
            "".join(json_format.iter_dumps(article, indent=2)), stream.getvalue())


@given(gen.articles())
@settings(max_examples=150)
def test_same_bytes_with_and_without_the_converter(article: Article) -> None:
    fast = _written(article)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_plain, "usable", lambda: False)
        slow = _written(article)
    assert fast == slow


class _Text(str):
    """A subclass of str (the converter writes it as it is)."""


def test_unusual_values_are_left_to_the_converter() -> None:
    text = "Trade rose 5%."
    metric = Metric(value=Decimal(5), unit="%", span=Span.of(text, 11, 13))
    odd = [
        Article(id="a", text=text, published=datetime(2024, 1, 2, 3, 4)),
        Article(id="a", text=text, title=_Text("a title")),
        Article(id="a", text=text,
                metrics=[attrs.evolve(metric, year=date(2024, 1, 1))]),  # type: ignore[arg-type]
        Article(id="a", text=text, metrics=[attrs.evolve(metric, noun=_Text("trade"))]),
    ]
    for article in odd:
        with pytest.raises(_plain.Unusual):
            _plain.article_data(article)
        assert _same(to_data(article), _by_cattrs(article))
        fast = _outcome(json_format.dumps, article)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_plain, "usable", lambda: False)
            assert _outcome(json_format.dumps, article) == fast


def _outcome(write: Any, article: Article) -> str:
    try:
        return str(write(article))
    except TypeError as exc:
        return f"TypeError: {exc}"


def test_a_hook_registered_on_the_converter_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_converter()
    assert not made.customised  # type: ignore[attr-defined]
    monkeypatch.setattr("zjopen.formats.converter.converter", made)
    assert _plain.usable()
    made.register_unstructure_hook(Article, lambda a: {"format": "mine", "id": a.id})
    assert not _plain.usable()
    article = Article(id="a", text="", published=date(2024, 1, 2))
    assert to_data(article) == {"format": "mine", "id": "a"}
    assert json_format.dumps(article) == '{"format": "mine", "id": "a"}'


def test_writing_json_imports_no_cattrs() -> None:
    code = ("import sys, zjopen; from zjopen.formats.json import dumps;"
            "dumps(zjopen.parse('Ningbo exports rose 5% in 2023.', id='x'));"
            "print('cattrs' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
