"""The articles of a corpus at one moment, with what queries derive from them: the figure
index and the records merged across articles, each made on first use.
"""

from __future__ import annotations

from functools import cached_property

from zjopen.corpus.merge import (
    CorpusEnterprise,
    CorpusInitiative,
    CorpusPlatform,
    CorpusRegion,
    merge_enterprises,
    merge_initiatives,
    merge_platforms,
    merge_regions,
)
from zjopen.corpus.metric_index import MetricIndex
from zjopen.lexicon.load import paused_gc
from zjopen.model import Article

__all__ = ["Snapshot"]


class Snapshot:
    """The articles of a corpus at one moment, sorted by id, with what is derived from
    them (made on first use). Queries keep the snapshot they were made from."""

    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles: tuple[Article, ...] = tuple(articles[k] for k in sorted(articles))

    @cached_property
    def index(self) -> MetricIndex:
        """Every figure, with its lookup tables."""
        with paused_gc():
            return MetricIndex(self.articles)

    @cached_property
    def regions(self) -> tuple[CorpusRegion, ...]:
        """The places, merged across articles."""
        return merge_regions(self.articles)

    @cached_property
    def enterprises(self) -> tuple[CorpusEnterprise, ...]:
        """The companies, merged across articles."""
        return merge_enterprises(self.articles)

    @cached_property
    def platforms(self) -> tuple[CorpusPlatform, ...]:
        """The platforms, merged across articles."""
        return merge_platforms(self.articles)

    @cached_property
    def initiatives(self) -> tuple[CorpusInitiative, ...]:
        """The initiatives, merged across articles."""
        return merge_initiatives(self.articles)
