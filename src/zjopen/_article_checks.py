"""What the constructor of :class:`zjopen.model.Article` checks: every span slices the
text exactly, metric ids are unique, and every ``Metric.of`` names a metric of the
article. The first fault found is raised as a :class:`ValueError` naming its path."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zjopen.model import Article

__all__ = ["check_article"]


def check_article(article: Article) -> None:
    """Raise :class:`ValueError` for the first fault of ``article``, if any."""
    text = article.text
    size = len(text)
    # Every span checked without its path, which is written only for the error.
    for records in (article.regions, article.enterprises, article.platforms,
                    article.initiatives):
        for record in records:
            for span in record.mentions:
                if span.end > size or text[span.start : span.end] != span.text:
                    _bad_span(article)
    metrics = article.metrics
    for metric in metrics:
        span = metric.span
        if span.end > size or text[span.start : span.end] != span.text:
            _bad_span(article)
    ids: set[str] = set()
    for n, metric in enumerate(metrics):
        if metric.id in ids:
            raise ValueError(f"metrics[{n}]: duplicate metric id {metric.id!r}")
        ids.add(metric.id)
    for n, metric in enumerate(metrics):
        if metric.of is not None and metric.of not in ids:
            raise ValueError(f"metrics[{n}].of: no metric has id {metric.of!r}")


def _bad_span(article: Article) -> None:
    """Raise the error of the first span that does not slice the text exactly."""
    text = article.text
    for path, span in article.spans():
        if span.end > len(text) or text[span.start : span.end] != span.text:
            raise ValueError(f"{path}: span {span.start}..{span.end} {span.text!r} does not "
                             f"match the article text")
