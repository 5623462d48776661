"""A figure found in a corpus, with its provenance; and the one way to list the articles
figures or mentions come from (:func:`article_ids`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol

import attrs

from zjopen.gazetteer.codes import display_name
from zjopen.model import Article, Metric, MetricKind, Period, Qualifier, Span

__all__ = ["MetricHit", "article_ids"]


class _FromArticle(Protocol):
    @property
    def article_id(self) -> str: ...


def article_ids(items: Iterable[_FromArticle]) -> tuple[str, ...]:
    """The ids of the articles figures or mentions come from, sorted, each once.

    >>> from zjopen.corpus.merge import Mention
    >>> article_ids([Mention("b", Span(0, 1, "x")), Mention("a", Span(0, 1, "x")),
    ...              Mention("b", Span(2, 3, "y"))])
    ('a', 'b')
    """
    return tuple(sorted({item.article_id for item in items}))


@attrs.frozen
class MetricHit:
    """One figure of a corpus: the :class:`~zjopen.model.Metric`, the id of the article it
    comes from and (not compared, not printed) the article itself.

    The metric's fields read through: ``hit.value``, ``hit.year``, ``hit.region`` ...;
    ``hit.span`` says where in the article's clean text the figure is written.

    >>> from zjopen.model import Article, Metric, Span
    >>> text = "Beilun reported foreign trade of 320 billion yuan in 2024."
    >>> m = Metric(value=Decimal("320000000000"), unit="CNY", year=2024, region="330206",
    ...            span=Span.of(text, 33, 49))
    >>> hit = MetricHit("port-2024", m, Article(id="port-2024", text=text, metrics=[m]))
    >>> hit
    MetricHit(article_id='port-2024', metric_id='m33')
    >>> hit.value, hit.unit, hit.year, hit.region_name, hit.text
    (Decimal('320000000000'), 'CNY', 2024, 'Beilun', '320 billion yuan')
    >>> hit.quote(width=20)
    '…ed foreign trade of [320 billion yuan] in 2024.'
    >>> print(hit)
    320 billion yuan = 320000000000 CNY (level, 2024, Beilun) [port-2024 33..49]
    """

    article_id: str
    metric: Metric = attrs.field(repr=False)
    article: Article = attrs.field(eq=False, repr=False)

    def __repr__(self) -> str:
        return f"MetricHit(article_id={self.article_id!r}, metric_id={self.metric.id!r})"

    def __str__(self) -> str:
        where = ", ".join(
            str(part) for part in (self.kind.value, self.year, self.region_name or self.region)
            if part is not None
        )
        span = self.span
        return (f"{span.text} = {self.metric.value} {self.unit} ({where}) "
                f"[{self.article_id} {span.start}..{span.end}]")

    @property
    def metric_id(self) -> str:
        """The metric's id within its article."""
        return self.metric.id

    @property
    def value(self) -> Decimal:
        """The figure's exact value (absolute: 450.16 billion yuan is 450160000000)."""
        return self.metric.value

    @property
    def high(self) -> Decimal | None:
        """The upper end of a range, else ``None``."""
        return self.metric.high

    @property
    def unit(self) -> str:
        """The unit code (``CNY``, ``%``, ``TEU`` ...)."""
        return self.metric.unit

    @property
    def kind(self) -> MetricKind:
        """Level, change, share, target or rank."""
        return self.metric.kind

    @property
    def qualifier(self) -> Qualifier:
        """Exact, approximate, at least ..."""
        return self.metric.qualifier

    @property
    def year(self) -> int | None:
        """The year the figure belongs to."""
        return self.metric.year

    @property
    def period(self) -> Period | None:
        """The period the figure covers, when the article says."""
        return self.metric.period

    @property
    def region(self) -> str | None:
        """The code of the region the figure is about."""
        return self.metric.region

    @property
    def region_name(self) -> str | None:
        """The gazetteer's English name of :attr:`region`."""
        return None if self.metric.region is None else display_name(self.metric.region)

    @property
    def indicator(self) -> str | None:
        """The phrase naming what the figure measures."""
        return self.metric.indicator

    @property
    def enterprise(self) -> str | None:
        """The company the figure is about, if any."""
        return self.metric.enterprise

    @property
    def platform(self) -> str | None:
        """The platform the figure is about, if any."""
        return self.metric.platform

    @property
    def span(self) -> Span:
        """Where the figure is written in the article's clean text."""
        return self.metric.span

    @property
    def text(self) -> str:
        """The figure as written."""
        return self.metric.span.text

    @property
    def published(self) -> date | None:
        """The article's publication date."""
        return self.article.published

    @property
    def title(self) -> str | None:
        """The article's headline."""
        return self.article.title

    def quote(self, width: int = 60) -> str:
        """The figure in its context: up to ``width`` characters each side, the figure in
        brackets, line breaks as spaces and ``…`` where the text was cut."""
        text, span = self.article.text, self.metric.span
        start, end = max(0, span.start - width), min(len(text), span.end + width)
        left = ("…" if start else "") + text[start : span.start]
        right = text[span.end : end] + ("…" if end < len(text) else "")
        return " ".join(f"{left}[{span.text}]{right}".split())
