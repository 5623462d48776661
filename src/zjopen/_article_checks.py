"""What the constructors of :mod:`zjopen.model` check and convert.

:func:`check_article`: the constructor of :class:`zjopen.model.Article` checks that every
span slices the text exactly, that metric ids are unique, and that every ``Metric.of``
names a metric of the article. The first fault found is raised as a :class:`ValueError`
naming its path.

The field checks and conversions of the records (``_check_name``, ``_blank_to_none`` ...;
those of the enums and codes are in the model), written for speed: a record is made tens
of thousands of times per megabyte of text. Each gives the value, and raises the error,
that its former, plainer form gave (``tests/test_model_fields.py`` compares them).
"""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from zjopen.lexicon.units import is_known_unit

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


def _check_name(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _check_finite(_inst: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    if value is not None and not value.is_finite():
        raise ValueError(f"{attribute.name} must be a finite number, not {value}")


_SHARED_LENGTH = 48
"""Strings of records at most this long are shared (:func:`sys.intern`): a large
article repeats its place names, indicators and figures' words thousands of times, and
one string each saves some 50 bytes a use (long texts are left alone)."""


def _shared(value: str) -> str:
    """``value``, or the equal string already in use."""
    if type(value) is str and len(value) <= _SHARED_LENGTH:
        return sys.intern(value)
    return value


def _blank_to_none(value: str | None) -> str | None:
    """Optional text is ``None`` rather than empty (and shared, see :func:`_shared`)."""
    if value is None or not value.strip():
        return None
    if type(value) is str and len(value) <= _SHARED_LENGTH:  # (_shared, inlined)
        return sys.intern(value)
    return value


def _check_start(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    """``attrs.validators.ge(0)``, its message too, without its call of a compare function."""
    if not value >= 0:
        raise ValueError(f"'{attribute.name}' must be >= 0: {value}")


_YEARS: dict[int, int] = {}


def _shared_year(value: int | None) -> int | None:
    """A year, the same int object for every record of that year (ints above 256 are
    otherwise one object each); only years of four digits are kept."""
    if type(value) is int and 1000 <= value <= 9999:
        return _YEARS.setdefault(value, value)
    return value


def _check_unit(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not is_known_unit(value):
        raise ValueError(f"unknown unit {value!r} (see zjopen.units())")
