"""The corpus seen from one place (:class:`RegionView`), as :meth:`Corpus.region
<zjopen.corpus.Corpus.region>` gives it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from zjopen.corpus.analysis import Timeseries
from zjopen.corpus.merge import CorpusRegion
from zjopen.corpus.metric_query import MetricQuery
from zjopen.corpus.record_query import EnterpriseQuery, InitiativeQuery, PlatformQuery
from zjopen.gazetteer.codes import display_name
from zjopen.model import MetricKind, PeriodKind

if TYPE_CHECKING:
    from zjopen.corpus.core import Corpus

__all__ = ["RegionView"]


@attrs.frozen(eq=False)
class RegionView:
    """The corpus seen from one place: its figures, companies, platforms, time series.

    ``within=True`` (the default for figures and records) includes the places inside it:
    Ningbo's figures include Beilun's.
    """

    code: str
    corpus: Corpus = attrs.field(repr=False)

    @property
    def name(self) -> str:
        """The gazetteer's English name (or the corpus's name for an unknown code)."""
        record = self.record
        return display_name(self.code) or (record.name if record else self.code)

    @property
    def record(self) -> CorpusRegion | None:
        """The place as the corpus's articles name it, if any does."""
        return self.corpus.regions.where(region=self.code).first()

    def metrics(
        self,
        *,
        within: bool = True,
        year: int | Iterable[int] | None = None,
        unit: str | Iterable[str] | None = None,
        kind: MetricKind | str | Iterable[MetricKind | str] | None = None,
        indicator: str | None = None,
        period: PeriodKind | str | Iterable[PeriodKind | str] | None = None,
        incidental: bool | None = None,
    ) -> MetricQuery:
        """The figures about this place (and places inside it unless ``within=False``);
        the other conditions are those of :meth:`MetricQuery.where`."""
        return self.corpus.metrics.where(
            region=self.code, within=within, year=year, unit=unit, kind=kind,
            indicator=indicator, period=period, incidental=incidental,
        )

    def enterprises(self, *, within: bool = True) -> EnterpriseQuery:
        """The companies based here (or inside, unless ``within=False``)."""
        return self.corpus.enterprises.where(region=self.code, within=within)

    def platforms(self, *, within: bool = True) -> PlatformQuery:
        """The platforms here (or inside, unless ``within=False``)."""
        return self.corpus.platforms.where(region=self.code, within=within)

    def initiatives(self, *, within: bool = True) -> InitiativeQuery:
        """The initiatives of this place (or places inside, unless ``within=False``)."""
        return self.corpus.initiatives.where(region=self.code, within=within)

    def timeseries(
        self,
        indicator: str | None = None,
        *,
        within: bool = False,
        unit: str | Iterable[str] | None = None,
        kind: MetricKind | str | None = MetricKind.LEVEL,
        period: PeriodKind | str | Iterable[PeriodKind | str] | None = None,
    ) -> Timeseries:
        """:meth:`Corpus.timeseries` for this place (only this place's own figures unless
        ``within=True``: a series mixing a city's and its districts' figures is rarely
        wanted)."""
        return self.corpus.timeseries(indicator, region=self.code, within=within, unit=unit,
                                      kind=kind, period=period)
