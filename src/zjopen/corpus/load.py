"""Fast, streaming reading of JSON Lines written by :func:`zjopen.formats.json.dumps`.

:func:`zjopen.formats.json.loads` structures every field through cattrs and every record's
constructor; that is exact and names every bad field, but reads about 10 MB/s. A corpus of
hundreds of megabytes wants more, so :func:`article_from_data` builds the records of a
well-formed line directly:

- values of the exact JSON types the writer emits are checked with cheap type tests and
  set-membership checks (units, codes, enums) instead of validators, and articles,
  metrics, regions and spans are made through the attrs pickle protocol
  (``__setstate__``), which is what :mod:`pickle` does with them;
- repeated strings (units, codes, indicators), dates and periods are shared;
- the article's own invariants are checked as its constructor checks them: every span
  slices the text, metric ids are unique, every ``of`` names a metric of the article.

Anything the lean path does not recognise as canonical (a number given as a string, a
missing key, a model with new fields) falls back to :func:`zjopen.formats.converter.from_data`,
which either accepts it exactly as :func:`zjopen.formats.json.loads` would or raises
:class:`~zjopen.errors.FormatError` naming the bad field. So the result is always the
article ``loads`` would return.

>>> from zjopen.model import Metric, Span
>>> from zjopen.formats.json import dumps
>>> text = "Trade hit 4.68 trillion yuan in 2022."
>>> a = Article(id="a", text=text, metrics=[Metric(value=Decimal("4680000000000"),
...     unit="CNY", year=2022, span=Span.of(text, 10, 28))])
>>> reader = LeanReader()
>>> reader.article(reader.parse_line(dumps(a))) == a
True
"""

from __future__ import annotations

import contextlib
import gzip
import json
import operator
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import attrs

from zjopen.errors import FormatError
from zjopen.formats.converter import FORMAT, from_data
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

__all__ = ["LeanReader", "iter_articles", "open_text"]

_METRIC_FIELDS = (
    "value", "unit", "span", "id", "kind", "qualifier", "year", "period", "region",
    "enterprise", "platform", "indicator", "noun", "high", "of", "incidental",
)  # fmt: skip
_SPAN_FIELDS = ("start", "end", "text")
_REGION_FIELDS = ("code", "name", "level", "parent", "mentions")
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
    and all("__setstate__" in vars(cls) for cls in (Metric, Span, Region, Article))
)
_set_metric: Callable[[Metric, tuple[Any, ...]], None] = vars(Metric).get("__setstate__", None)
_set_span: Callable[[Span, tuple[Any, ...]], None] = vars(Span).get("__setstate__", None)
_set_region: Callable[[Region, tuple[Any, ...]], None] = vars(Region).get("__setstate__", None)
_set_article: Callable[[Article, tuple[Any, ...]], None] = vars(Article).get("__setstate__", None)

_CODE_RE = REGION_CODE_RE
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
        kind, start, end = value["kind"], value.get("start"), value.get("end")
        key = (kind, start, end)
        found = self._periods.get(key)
        if found is None:
            if type(kind) is not str or kind not in _PERIOD_KINDS:
                _fail()
            found = Period(_PERIOD_KINDS[kind], self._date(start), self._date(end))
            self._periods[key] = found
        return found

    @staticmethod
    def _span(start: Any, end: Any, text: Any) -> Span:
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
        return tuple([make(s["start"], s["end"], s["text"]) for s in values])

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
        if type(data) is not dict or "span" in data:
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
        if type(data) is not dict:
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

    def _named(self, data: Any) -> dict[str, Any]:
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
        overseas = tuple(self._code(c) or _fail() for c in self._strs(data.get("overseas", [])))
        return Enterprise(overseas=overseas, **self._named(data))

    def _platform(self, data: Any) -> Platform:
        return Platform(kind=_PLATFORM_KINDS[data.get("kind", "other")], **self._named(data))

    def _initiative(self, data: Any) -> Initiative:
        start, target = data.get("start_year"), data.get("target_year")
        if any(y is not None and type(y) is not int for y in (start, target)):
            _fail()
        return Initiative(start_year=start, target_year=target, **self._named(data))

    def _lean_article(self, data: Any) -> Article:
        if type(data) is not dict or data.get("format", FORMAT) != FORMAT:
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


def iter_articles(
    lines: Iterable[str],
    *,
    source: str,
    where: Callable[[Article], bool] | None = None,
) -> Iterator[Article]:
    """The articles of JSON Lines, lazily; blank lines are skipped, ``where`` filters.

    A line that is not a valid article raises :class:`~zjopen.errors.FormatError` naming
    ``source`` and the line number.
    """
    reader = LeanReader()
    for number, line in enumerate(lines, 1):
        if not line or line.isspace():
            continue
        try:
            data = reader.parse_line(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"{source}:{number}: not JSON: {exc}") from None
        article = reader.article(data, source=f"{source}:{number}")
        if where is None or where(article):
            yield article


@contextlib.contextmanager
def open_text(source: str | os.PathLike[str] | IO[str]) -> Iterator[IO[str]]:
    """A text stream reading a path (gzip-compressed if it ends in ``.gz``), or the
    stream given (left open)."""
    if not isinstance(source, str | os.PathLike):
        yield source
        return
    path = Path(source)
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
            yield handle
    else:
        with open(path, encoding="utf-8", newline="\n") as handle:
            yield handle
