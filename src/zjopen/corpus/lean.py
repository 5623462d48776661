"""The fast reader of saved corpora: one JSON Lines line to an :class:`Article` without
the validating converter, for lines written by zjopen itself; anything else goes through
:func:`zjopen.formats.json.loads`, so the result (or the error) is the same.

>>> from decimal import Decimal
>>> from zjopen.model import Metric, Span
>>> from zjopen.formats.json import dumps
>>> text = "Trade hit 4.68 trillion yuan in 2022."
>>> a = Article(id="a", text=text, metrics=[Metric(value=Decimal("4680000000000"),
...     unit="CNY", year=2022, span=Span.of(text, 10, 28))])
>>> reader = LeanReader()
>>> reader.read_line(dumps(a)) == reader.article(reader.parse_line(dumps(a))) == a
True
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from zjopen.formats.converter import FORMAT, from_data
from zjopen.formats.json import MAX_DEPTH, loads
from zjopen.lexicon.units import unit_table
from zjopen.model import (
    REGION_CODE_RE,
    Article,
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    PeriodKind,
    Platform,
    PlatformKind,
    Qualifier,
    Region,
    RegionLevel,
    Span,
)

__all__ = ["LEAN", "LeanReader"]

_METRIC_FIELDS = (
    "value", "unit", "span", "id", "kind", "qualifier", "year", "period", "region",
    "enterprise", "platform", "indicator", "noun", "high", "of", "incidental",
)  # fmt: skip
_SPAN_FIELDS = ("start", "end", "text")
_REGION_FIELDS = ("code", "name", "level", "parent", "mentions")
_PERIOD_FIELDS = ("kind", "start", "end")
_ENTERPRISE_FIELDS = ("name", "aliases", "region", "overseas", "kb_id", "mentions")
_PLATFORM_FIELDS = ("name", "kind", "aliases", "region", "kb_id", "mentions")
_INITIATIVE_FIELDS = (
    "name", "aliases", "region", "start_year", "target_year", "kb_id", "mentions",
)  # fmt: skip
_ARTICLE_FIELDS = (
    "id", "title", "published", "authors", "source", "dateline", "regions", "enterprises",
    "platforms", "initiatives", "metrics", "text",
)  # fmt: skip

# The lean path sets metrics and spans field by field, so it runs only while the model
# has exactly the fields it knows; otherwise every line goes through the converter.
LEAN = (
    tuple(f.name for f in attrs.fields(Metric)) == _METRIC_FIELDS
    and tuple(f.name for f in attrs.fields(Span)) == _SPAN_FIELDS
    and tuple(f.name for f in attrs.fields(Region)) == _REGION_FIELDS
    and tuple(f.name for f in attrs.fields(Article)) == _ARTICLE_FIELDS
    and tuple(f.name for f in attrs.fields(Period)) == _PERIOD_FIELDS
    and tuple(f.name for f in attrs.fields(Enterprise)) == _ENTERPRISE_FIELDS
    and tuple(f.name for f in attrs.fields(Platform)) == _PLATFORM_FIELDS
    and tuple(f.name for f in attrs.fields(Initiative)) == _INITIATIVE_FIELDS
    and all("__setstate__" in vars(cls) for cls in (Metric, Span, Region, Article))
)
_set_metric: Callable[[Metric, tuple[Any, ...]], None] = vars(Metric).get("__setstate__", None)
_set_span: Callable[[Span, tuple[Any, ...]], None] = vars(Span).get("__setstate__", None)
_set_region: Callable[[Region, tuple[Any, ...]], None] = vars(Region).get("__setstate__", None)
_set_article: Callable[[Article, tuple[Any, ...]], None] = vars(Article).get("__setstate__", None)

# How many keys each object has as the writer writes it. The lean path reads only the keys
# it knows, so an object with a key more (or fewer) goes through the converter (and the
# strict parser, which refuses what an unknown key could hide: nesting too deep).
_METRIC_KEYS = len(_METRIC_FIELDS) - 1 + len(_SPAN_FIELDS)  # the span flattened into it
_ARTICLE_KEYS = len(_ARTICLE_FIELDS) + 1  # and "format"
_ENTERPRISE_KEYS = len(_ENTERPRISE_FIELDS)
_PLATFORM_KEYS = len(_PLATFORM_FIELDS)
_INITIATIVE_KEYS = len(_INITIATIVE_FIELDS)

_CODE_RE = REGION_CODE_RE
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # \uD800-\uDFFF, any case
_SURROGATE = re.compile("[\ud800-\udfff]")
_KINDS = {k.value: k for k in MetricKind}
_QUALIFIERS = {q.value: q for q in Qualifier}
_PERIOD_KINDS = {k.value: k for k in PeriodKind}
_LEVELS = {k.value: k for k in RegionLevel}
_PLATFORM_KINDS = {k.value: k for k in PlatformKind}
_new = object.__new__
_SHARED_STRINGS = 100_000
_metric_values = operator.itemgetter(
    "value", "unit", "id", "kind", "qualifier", "year", "period", "region", "enterprise",
    "platform", "indicator", "noun", "high", "of", "incidental", "text", "start", "end",
)


class _NotLeanError(Exception):
    """The line is not in the canonical shape: use the converter."""


def _fail() -> Any:
    raise _NotLeanError


class LeanReader:
    """Turns parsed JSON objects into articles, sharing repeated values between them.

    One reader per stream: its caches grow with the distinct values seen (units, codes,
    indicator phrases, dates, periods), not with the number of lines.
    """

    __slots__ = ("_codes", "_dates", "_decimals", "_decoder", "_periods", "_strings", "_units")

    def __init__(self) -> None:
        self._decimals: dict[int | str, Decimal] = {}
        self._decoder = json.JSONDecoder(parse_float=self._number)
        self._units: frozenset[str] = frozenset(unit_table())
        self._codes: dict[str, str] = {}
        self._strings: dict[str, str] = {}
        self._dates: dict[str, date] = {}
        self._periods: dict[tuple[Any, Any, Any], Period] = {}

    def _number(self, number: int | str) -> Decimal:
        """A JSON number exactly, as a Decimal: an integer, or the text of one with a
        fraction or exponent (equal ones shared)."""
        found = self._decimals.get(number)
        if found is None:
            if len(self._decimals) >= _SHARED_STRINGS:
                self._decimals.clear()
            found = self._decimals[number] = Decimal(number)
        return found

    def parse_line(self, line: str) -> Any:
        """The JSON value of one line; numbers with a fraction or exponent are Decimal."""
        return self._decoder.decode(line)

    def article(self, data: Any, *, source: str | None = None) -> Article:
        """The article in ``data`` (what :func:`zjopen.formats.converter.from_data` returns)."""
        if LEAN:
            try:
                return self._lean_article(data)
            except (_NotLeanError, KeyError, TypeError, ValueError, AttributeError):
                pass
        return from_data(data, source=source)

    def read_line(self, line: str | bytes, *, source: str | None = None) -> Article:
        """The article on one line of JSON Lines (bytes are read as UTF-8): what
        :func:`zjopen.formats.json.loads` returns, or raises, for it.

        Raises :class:`~zjopen.errors.NotJsonError` (not UTF-8, not JSON, nested too deep,
        an integer of more than 4,300 digits, a lone surrogate in a string) or
        :class:`~zjopen.errors.InvalidArticleError`, the message starting with ``source``.

        The fast decoder reads the line first; whatever it cannot read, or might read
        differently from the strict parser, goes through ``loads``, which gives the error:
        a line with a ``\\uD800``-``\\uDFFF`` escape (or, in text not decoded here, a raw
        surrogate), and a line the lean path does not take that could nest too deep.
        """
        try:
            text = line.decode("utf-8") if isinstance(line, bytes) else line
            data = self._decoder.decode(text)
        except (ValueError, RecursionError):  # UnicodeDecodeError, JSONDecodeError, digits
            return loads(line, source=source)
        # A surrogate escaped, or raw in text given decoded (strict UTF-8 decoding leaves
        # none): loads refuses a lone one, keeps a pair. (A search is faster than "in".)
        if _SURROGATE_ESCAPE.search(text) or (
            not text.isascii() and not isinstance(line, bytes) and _SURROGATE.search(text)
        ):
            return loads(line, source=source)
        if LEAN:
            try:
                return self._lean_article(data)
            except (_NotLeanError, KeyError, TypeError, ValueError, AttributeError):
                pass
        if text.count("[") + text.count("{") > MAX_DEPTH:
            return loads(line, source=source)  # the strict parser measures the depth
        return from_data(data, source=source)

    # -- the lean path ---------------------------------------------------------------

    def _text(self, value: Any) -> str | None:
        """An optional text field as the model stores it (blank is ``None``), shared with
        equal ones read before (the cache is emptied when it grows large, so streaming a
        huge file does not hold every distinct phrase)."""
        if value is None:
            return None
        if type(value) is not str:
            _fail()
        if not value.strip():
            return None
        return self._share(value)

    def _share(self, value: str) -> str:
        strings = self._strings
        if len(strings) >= _SHARED_STRINGS:
            strings.clear()
        return strings.setdefault(value, value)

    @staticmethod
    def _own_text(value: Any) -> str | None:
        """An optional text field unlikely to repeat (a title): not shared."""
        if value is None:
            return None
        if type(value) is not str:
            _fail()
        result: str | None = value if value.strip() else None
        return result

    def _code(self, value: Any) -> str | None:
        if value is None:
            return None
        found = self._codes.get(value) if type(value) is str else None
        if found is None:
            if type(value) is not str or not _CODE_RE.match(value):
                _fail()
            found = self._codes.setdefault(value, value)
        return found

    def _date(self, value: Any) -> date | None:
        if value is None:
            return None
        found = self._dates.get(value) if type(value) is str else None
        if found is None:
            if type(value) is not str:
                _fail()
            found = self._dates.setdefault(value, date.fromisoformat(value))
        return found

    def _period(self, value: Any) -> Period | None:
        if value is None:
            return None
        if type(value) is not dict:
            _fail()
        if len(value) != len(_PERIOD_FIELDS):
            _fail()
        kind, start, end = value["kind"], value["start"], value["end"]
        key = (kind, start, end)
        found = self._periods.get(key)
        if found is None:
            if type(kind) is not str or kind not in _PERIOD_KINDS:
                _fail()
            found = Period(_PERIOD_KINDS[kind], self._date(start), self._date(end))
            self._periods[key] = found
        return found

    @staticmethod
    def _span(data: Any) -> Span:
        if type(data) is not dict or len(data) != len(_SPAN_FIELDS):
            _fail()
        start, end, text = data["start"], data["end"], data["text"]
        if (
            type(start) is not int
            or type(end) is not int
            or type(text) is not str
            or start < 0
            or end - start != len(text)
        ):
            _fail()
        span: Span = _new(Span)
        _set_span(span, (start, end, text))
        return span

    def _spans(self, values: Any) -> tuple[Span, ...]:
        if type(values) is not list:
            _fail()
        if not values:
            return ()
        make = self._span
        return tuple([make(s) for s in values])

    @staticmethod
    def _decimal(value: Any) -> Decimal | None:
        if value is None:
            return None
        kind = type(value)
        if kind is int:
            return Decimal(value)
        if kind is not Decimal or not value.is_finite():
            _fail()
        result: Decimal = value
        return result

    def _metric(self, data: Any) -> Metric:
        # The hot path. The writer emits every key, so take them all at once (a missing
        # key raises KeyError and the line goes through the converter, which fills
        # defaults); check each value's exact type; share repeated values.
        if type(data) is not dict or len(data) != _METRIC_KEYS:
            _fail()
        (value, unit, metric_id, kind, qualifier, year, period, region, enterprise, platform,
         indicator, noun, high, of, incidental, text, start, end) = _metric_values(data)
        if type(value) is int:
            value = self._decimals.get(value) or self._number(value)
        elif type(value) is not Decimal or not value.is_finite():
            _fail()
        if (
            unit not in self._units
            or type(metric_id) is not str
            or not metric_id.strip()
            or (year is not None and type(year) is not int)
            or type(incidental) is not bool
            or type(start) is not int
            or type(end) is not int
            or type(text) is not str
            or start < 0
            or end - start != len(text)
        ):
            _fail()
        strings = self._strings
        span: Span = _new(Span)
        _set_span(span, (start, end, strings.get(text) or self._share(text)))
        metric_id = strings.get(metric_id) or self._share(metric_id)
        if region is not None:
            region = self._codes.get(region) or self._code(region)
        if indicator is not None:
            indicator = strings.get(indicator) or self._text(indicator)
        metric: Metric = _new(Metric)
        _set_metric(metric, (
            value,
            strings.get(unit) or self._share(unit),
            span,
            metric_id,
            _KINDS[kind],
            _QUALIFIERS[qualifier],
            year,
            None if period is None else self._period(period),
            region,
            None if enterprise is None else self._text(enterprise),
            None if platform is None else self._text(platform),
            indicator,
            None if noun is None else self._text(noun),
            None if high is None else self._decimal(high),
            None if of is None else self._text(of),
            incidental,
        ))
        return metric

    def _strs(self, values: Any) -> tuple[str, ...]:
        if type(values) is not list or any(type(v) is not str for v in values):
            _fail()
        return tuple(values)

    def _region(self, data: Any) -> Region:
        if type(data) is not dict or len(data) != len(_REGION_FIELDS):
            _fail()
        name = data["name"]
        if type(name) is not str or not name.strip():
            _fail()
        region: Region = _new(Region)
        _set_region(region, (
            self._code(data["code"]),
            self._share(name),
            _LEVELS[data["level"]],
            self._code(data["parent"]),
            self._spans(data["mentions"]),
        ))
        return region

    def _named(self, data: Any, keys: int) -> dict[str, Any]:
        if type(data) is not dict or len(data) != keys:
            _fail()  # a key missing (the converter fills defaults) or one it does not know
        name = data["name"]
        kb_id = data.get("kb_id")
        if type(name) is not str or (kb_id is not None and type(kb_id) is not str):
            _fail()
        return {
            "name": name,
            "aliases": self._strs(data.get("aliases", [])),
            "region": self._code(data.get("region")),
            "kb_id": kb_id,
            "mentions": self._spans(data.get("mentions", [])),
        }

    def _enterprise(self, data: Any) -> Enterprise:
        named = self._named(data, _ENTERPRISE_KEYS)
        overseas = tuple(self._code(c) or _fail() for c in self._strs(data.get("overseas", [])))
        return Enterprise(overseas=overseas, **named)

    def _platform(self, data: Any) -> Platform:
        named = self._named(data, _PLATFORM_KEYS)
        return Platform(kind=_PLATFORM_KINDS[data.get("kind", "other")], **named)

    def _initiative(self, data: Any) -> Initiative:
        named = self._named(data, _INITIATIVE_KEYS)
        start, target = data.get("start_year"), data.get("target_year")
        if any(y is not None and type(y) is not int for y in (start, target)):
            _fail()
        return Initiative(start_year=start, target_year=target, **named)

    def _lean_article(self, data: Any) -> Article:
        if (
            type(data) is not dict
            or len(data) != _ARTICLE_KEYS
            or data["format"] != FORMAT  # (a line without it goes through the converter)
        ):
            _fail()
        article_id, text = data["id"], data["text"]
        title, source, dateline = data["title"], data["source"], data["dateline"]
        if type(article_id) is not str or type(text) is not str:
            _fail()
        metrics = tuple([self._metric(m) for m in _list(data["metrics"])])
        regions = tuple([self._region(r) for r in _list(data["regions"])])
        enterprises = tuple([self._enterprise(e) for e in _list(data["enterprises"])])
        platforms = tuple([self._platform(p) for p in _list(data["platforms"])])
        initiatives = tuple([self._initiative(i) for i in _list(data["initiatives"])])
        # What Article's constructor checks: every span slices the text, metric ids are
        # unique, every "of" names a metric of the article.
        for metric in metrics:
            span = metric.span
            if text[span.start : span.end] != span.text:
                _fail()
        for group in (regions, enterprises, platforms, initiatives):
            for record in group:
                for span in record.mentions:
                    if text[span.start : span.end] != span.text:
                        _fail()
        ids = {m.id for m in metrics}
        if len(ids) != len(metrics) or any(m.of is not None and m.of not in ids
                                           for m in metrics):
            _fail()
        article: Article = _new(Article)
        _set_article(article, (
            article_id,
            self._own_text(title),
            self._date(data["published"]),
            self._strs(data["authors"]),
            self._text(source),
            self._own_text(dateline),
            regions,
            enterprises,
            platforms,
            initiatives,
            metrics,
            text,
        ))
        return article


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        _fail()
    result: list[Any] = value
    return result


