"""Articles as plain data without cattrs: the same dicts and lists, value for value and
key for key, that :data:`zjopen.formats.converter.converter` makes, written out by hand
for the classes of :mod:`zjopen.model` (some times faster, and no import of cattrs).

The converter's hooks pass a field's value as it is unless its type is one they change
(a date, a record, a sequence ...). Here a value of an optional field whose type is not
one of the plain types the converter passes as it is raises :class:`Unusual`, and the
caller asks the converter instead; so does :mod:`zjopen.formats.json` when a user has
registered a hook on that converter (:func:`usable`).
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from typing import Any

from zjopen.model import Article, Enterprise, Initiative, Metric, Period, Platform, Region, Span

__all__ = ["FORMAT", "SPAN_KEYS", "Unusual", "article_data", "record_data", "usable"]

FORMAT = "zjopen/1"
"""The format version every article written carries first (``"format": "zjopen/1"``)."""

SPAN_KEYS = ("text", "start", "end")
"""The keys a metric's span is written as, in this order, after its other fields."""

# Types the converter's hooks for an optional field (``str | None``, ``int | None``,
# ``Decimal | None``) write as they are.
_PLAIN = frozenset((str, int, bool, float, type(None), Decimal))


class Unusual(Exception):  # noqa: N818 - a signal, not an error a user sees
    """A value this module does not write as the converter would: ask the converter."""


def usable() -> bool:
    """Whether the converter is as :func:`~zjopen.formats.converter.make_converter` made
    it (not imported yet, or no hook registered on it since)."""
    module = sys.modules.get("zjopen.formats.converter")
    return module is None or not getattr(module.converter, "customised", True)


def _plain(*values: object) -> None:
    if not _PLAIN.issuperset(map(type, values)):
        raise Unusual


def _date(value: object) -> str | None:
    if value is None:
        return None
    if type(value) is date:
        return value.isoformat()
    raise Unusual


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def _period(period: object, values: bool) -> dict[str, Any] | None:
    if period is None:
        return None
    if type(period) is not Period:
        raise Unusual
    # (_date, inlined for the dates: a period of most figures has two)
    start, end = period.start, period.end
    return {"kind": period.kind._value_ if values else period.kind,
            "start": start.isoformat() if type(start) is date else _date(start),
            "end": end.isoformat() if type(end) is date else _date(end)}


def _region(r: Region, values: bool = False) -> dict[str, Any]:
    if not {type(r.code), type(r.parent)} <= _PLAIN:
        raise Unusual
    return {"code": r.code, "name": r.name, "level": r.level._value_ if values else r.level,
            "parent": r.parent, "mentions": _spans(r.mentions)}


def _enterprise(e: Enterprise, values: bool = False) -> dict[str, Any]:
    if not {type(e.region), type(e.kb_id)} <= _PLAIN:
        raise Unusual
    return {"name": e.name, "aliases": list(e.aliases), "region": e.region,
            "overseas": list(e.overseas), "kb_id": e.kb_id, "mentions": _spans(e.mentions)}


def _platform(p: Platform, values: bool = False) -> dict[str, Any]:
    if not {type(p.region), type(p.kb_id)} <= _PLAIN:
        raise Unusual
    return {"name": p.name, "kind": p.kind._value_ if values else p.kind,
            "aliases": list(p.aliases), "region": p.region, "kb_id": p.kb_id,
            "mentions": _spans(p.mentions)}


def _initiative(i: Initiative, values: bool = False) -> dict[str, Any]:
    if not {type(i.region), type(i.start_year), type(i.target_year),
            type(i.kb_id)} <= _PLAIN:
        raise Unusual
    return {"name": i.name, "aliases": list(i.aliases), "region": i.region,
            "start_year": i.start_year, "target_year": i.target_year, "kb_id": i.kb_id,
            "mentions": _spans(i.mentions)}


def _metric(m: Metric, values: bool = False) -> dict[str, Any]:
    # (_plain, inlined here and in each record's writer: one call fewer per record; the
    # set of the values' types, each ``type(x)`` a specialised call, and one test, is
    # cheaper than ``issuperset`` mapping ``type`` over a tuple of them)
    if not {type(m.year), type(m.region), type(m.enterprise), type(m.platform),
            type(m.indicator), type(m.noun), type(m.high), type(m.of)} <= _PLAIN:
        raise Unusual
    span = m.span
    if values:
        kind, qualifier = m.kind._value_, m.qualifier._value_
    else:
        kind, qualifier = m.kind, m.qualifier
    return {"value": m.value, "unit": m.unit, "id": m.id, "kind": kind,
            "qualifier": qualifier, "year": m.year,
            "period": None if m.period is None else _period(m.period, values),
            "region": m.region, "enterprise": m.enterprise, "platform": m.platform,
            "indicator": m.indicator, "noun": m.noun, "high": m.high, "of": m.of,
            "incidental": m.incidental, "text": span.text, "start": span.start,
            "end": span.end}


_RECORDS: dict[type, Any] = {Region: _region, Enterprise: _enterprise, Platform: _platform,
                             Initiative: _initiative, Metric: _metric}


def record_data(cls: type) -> Any:
    """The function writing a record of exactly ``cls`` as plain data, or None: called
    as ``write(record, values)``, with ``values`` true each enum member is its value
    (the same JSON, written faster: no lookup of the member's ``value`` property)."""
    return _RECORDS.get(cls)


def article_data(article: Article, *, records: bool = True,
                 values: bool = False) -> dict[str, Any]:
    """What ``converter.unstructure(article, Article)`` gives; without ``records``, the
    record lists empty; with ``values``, each enum member's value instead of the member.
    Raises :class:`Unusual` for a value to leave to the converter."""
    _plain(article.title, article.source, article.dateline)
    empty: list[Any] = []
    return {
        "format": FORMAT,
        "id": article.id,
        "title": article.title,
        "published": _date(article.published),
        "authors": list(article.authors),
        "source": article.source,
        "dateline": article.dateline,
        "regions": [_region(r, values) for r in article.regions] if records else empty,
        "enterprises": [_enterprise(e, values) for e in article.enterprises] if records else [],
        "platforms": [_platform(p, values) for p in article.platforms] if records else [],
        "initiatives": [_initiative(i, values) for i in article.initiatives] if records else [],
        "metrics": [_metric(m, values) for m in article.metrics] if records else [],
        "text": article.text,
    }
