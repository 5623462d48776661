"""The article's checks (``zjopen._article_checks``) raise what the former loop over
``Article.spans()`` raised, for the same first fault."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from tests import strategies as gen
from zjopen._article_checks import check_article
from zjopen.model import Article


def _former(article: Article) -> None:
    for path, span in article.spans():
        if span.end > len(article.text) or article.text[span.start : span.end] != span.text:
            raise ValueError(
                f"{path}: span {span.start}..{span.end} {span.text!r} does not "
                f"match the article text"
            )
    ids: set[str] = set()
    for n, metric in enumerate(article.metrics):
        if metric.id in ids:
            raise ValueError(f"metrics[{n}]: duplicate metric id {metric.id!r}")
        ids.add(metric.id)
    for n, metric in enumerate(article.metrics):
        if metric.of is not None and metric.of not in ids:
            raise ValueError(f"metrics[{n}].of: no metric has id {metric.of!r}")


def _outcome(check: object, article: Article) -> str:
    try:
        check(article)  # type: ignore[operator]
    except ValueError as error:
        return str(error)
    return "ok"


@given(gen.articles(), st.integers(0, 400), st.integers(0, 3), st.data())
def test_checks_raise_what_the_former_loop_raised(article: Article, cut: int, how: int,
                                                  data: st.DataObject) -> None:
    broken = copy.copy(article)
    text = article.text
    changed = {0: text[:cut], 1: text[:cut] + "#" + text[cut + 1 :], 2: text.upper(),
               3: text}[how]
    object.__setattr__(broken, "text", changed)
    if how == 3 and len(article.metrics) >= 2:  # a duplicate id, or an "of" of none
        metrics = list(article.metrics)
        first = data.draw(st.integers(0, len(metrics) - 1))
        object.__setattr__(metrics[first], "of", data.draw(st.sampled_from(["m999", None])))
        object.__setattr__(broken, "metrics", tuple(metrics))
    assert _outcome(check_article, broken) == _outcome(_former, broken)
