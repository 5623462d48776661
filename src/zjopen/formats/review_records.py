"""What a review page says about each record: its row, its fields, a figure's value,
subject and period for reading, and why a figure needs review.

DOM keys are made from positions (``r0`` is the first region, ``f3`` the fourth
figure), never from the record's own ids or names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from zjopen.formats.converter import converter
from zjopen.formats.review_values import exact_value, human_period, metric_value
from zjopen.model import Article, Enterprise, Initiative, Metric, Platform, Region, Span

__all__ = ["KINDS", "ArticleCounts", "Field", "RecordView", "article_counts", "flag",
           "record_views"]

KINDS = ("metric", "region", "enterprise", "platform", "initiative")
"""The kinds of record, in the order the side panel lists them."""
_KEY = {"region": "r", "enterprise": "e", "platform": "p", "initiative": "i", "metric": "f"}

Entity = Region | Enterprise | Platform | Initiative


@attrs.frozen
class Field:
    """One line of a record's details: a label, its value, and a hover text."""

    label: str
    value: str
    title: str | None = None


@attrs.frozen
class RecordView:
    """One record as the page shows it (one row of the side panel)."""

    key: str  # the DOM key: "r0", "f3" ... never from input
    kind: str
    name: str  # the row's main text (a figure's formatted value)
    note: str  # the row's second line
    spans: tuple[Span, ...]
    fields: tuple[Field, ...]
    data: dict[str, Any]
    exact: str | None = None  # a figure's exact value (the name's title)
    subject: str | None = None  # a figure's subject, shown inline
    when: str | None = None  # a figure's year or period
    flag: str | None = None  # why a figure needs review


def flag(metric: Metric) -> str | None:
    """Why a figure needs a reviewer's eye ("no year", "no subject"), or None."""
    missing = [what for what, value in (("year", metric.year),
                                         ("subject", metric.region or metric.enterprise
                                          or metric.platform)) if value is None]
    return f"no {' and no '.join(missing)}" if missing else None


class _Places:
    """Region codes to names: the article's own regions first, then the gazetteer."""

    def __init__(self, article: Article) -> None:
        self.names = {r.code: r.name for r in article.regions if r.code}

    def name(self, code: str) -> str:
        if code not in self.names:
            from zjopen.gazetteer import lookup  # loaded on first use only

            place = lookup(code)
            self.names[code] = place.name if place is not None else code
        return self.names[code]

    def label(self, code: str | None) -> str | None:
        return None if code is None else f"{self.name(code)} ({code})"


def _data(record: Entity | Metric) -> dict[str, Any]:
    data: dict[str, Any] = converter.unstructure(record)
    data.pop("mentions", None)
    return data


def _optional(*fields: tuple[str, object]) -> tuple[Field, ...]:
    return tuple(Field(label, str(value)) for label, value in fields
                 if value not in (None, "", ()))


def _words(value: str) -> str:
    return value.replace("_", " ")


def _entity(kind: str, n: int, record: Entity, places: _Places) -> RecordView:
    mentions = len(record.mentions)
    common = [("Mentions", mentions)]
    if isinstance(record, Region):
        parent = places.label(record.parent)
        note = " · ".join(x for x in (record.code, _words(record.level.value)) if x)
        fields = _optional(("Name", record.name), ("Code", record.code),
                           ("Level", _words(record.level.value)), ("Parent", parent), *common)
    elif isinstance(record, Enterprise):
        region = places.label(record.region)
        overseas = ", ".join(places.name(code) for code in record.overseas)
        note = " · ".join(x for x in (places.name(record.region) if record.region else "",
                                      f"abroad: {overseas}" if overseas else "") if x)
        fields = _optional(("Name", record.name), ("Aliases", ", ".join(record.aliases)),
                           ("Region", region), ("Overseas", overseas),
                           ("KB id", record.kb_id), *common)
    elif isinstance(record, Platform):
        region = places.label(record.region)
        note = " · ".join(x for x in (_words(record.kind.value),
                                      places.name(record.region) if record.region else "") if x)
        fields = _optional(("Name", record.name), ("Kind", _words(record.kind.value)),
                           ("Aliases", ", ".join(record.aliases)), ("Region", region),
                           ("KB id", record.kb_id), *common)
    else:
        region = places.label(record.region)
        years = "–".join(str(y) for y in (record.start_year, record.target_year) if y)
        note = " · ".join(x for x in (years, places.name(record.region)
                                      if record.region else "") if x)
        fields = _optional(("Name", record.name), ("Aliases", ", ".join(record.aliases)),
                           ("Region", region), ("Start year", record.start_year),
                           ("Target year", record.target_year), ("KB id", record.kb_id),
                           *common)
    return RecordView(f"{_KEY[kind]}{n}", kind, record.name, note, record.mentions, fields,
                      _data(record))


def _subject(metric: Metric, places: _Places) -> str | None:
    """The most specific subject of a figure: enterprise, platform, else region."""
    if metric.enterprise:
        return metric.enterprise
    if metric.platform:
        return metric.platform
    return places.name(metric.region) if metric.region else None


def _figure(n: int, metric: Metric, places: _Places, values: dict[str, str]) -> RecordView:
    value = metric_value(metric)
    exact = exact_value(metric.value, metric.unit, metric.high)
    when = human_period(metric.period) if metric.period is not None else (
        str(metric.year) if metric.year is not None else None)
    if when is not None and metric.year is not None and str(metric.year) not in when:
        when = f"{when} ({metric.year})"
    note = " · ".join(x for x in (_words(metric.kind.value), metric.indicator) if x)
    fields = (
        Field("Value", value, exact),
        Field("Exact", exact),
        Field("As written", f"«{metric.text}»"),
        Field("Kind", _words(metric.kind.value)),
        Field("Qualifier", _words(metric.qualifier.value)),
        *_optional(("Year", metric.year), ("Period", human_period(metric.period)
                                           if metric.period else None),
                   ("Region", places.label(metric.region)), ("Platform", metric.platform),
                   ("Enterprise", metric.enterprise), ("Indicator", metric.indicator),
                   ("Noun", metric.noun),
                   ("Of", values.get(metric.of, metric.of) if metric.of else None),
                   ("Incidental", "yes" if metric.incidental else None), ("Id", metric.id)),
    )
    return RecordView(f"{_KEY['metric']}{n}", "metric", value, note, (metric.span,), fields,
                      _data(metric), exact=exact, subject=_subject(metric, places), when=when,
                      flag=flag(metric))


def record_views(article: Article) -> list[RecordView]:
    """Every record of ``article`` as the page shows it: figures, then regions,
    enterprises, platforms and initiatives, each kind in the article's order."""
    places = _Places(article)
    values = {m.id: metric_value(m) for m in article.metrics}
    found = [_figure(n, m, places, values) for n, m in enumerate(article.metrics)]
    groups: Sequence[tuple[str, Sequence[Entity]]] = (
        ("region", article.regions), ("enterprise", article.enterprises),
        ("platform", article.platforms), ("initiative", article.initiatives))
    for kind, records in groups:
        found.extend(_entity(kind, n, record, places) for n, record in enumerate(records))
    return found


@attrs.frozen
class ArticleCounts:
    """How many records of each kind an article has, and how many figures to review."""

    metrics: int
    regions: int
    enterprises: int
    platforms: int
    initiatives: int
    flagged: int


def article_counts(article: Article) -> ArticleCounts:
    """The counts the index shows for ``article``."""
    return ArticleCounts(len(article.metrics), len(article.regions), len(article.enterprises),
                         len(article.platforms), len(article.initiatives),
                         sum(1 for m in article.metrics if flag(m)))


