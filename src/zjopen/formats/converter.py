"""The one cattrs converter between model objects and plain data (dicts, lists, str ...).

Model classes know nothing of serialisation; this module alone decides the exchange
shape (format ``zjopen/1``):

- dates are ISO strings, enums their values, ``Decimal`` stays ``Decimal`` (the JSON
  writer prints it as an exact JSON number);
- a metric's span is flattened into ``text``, ``start`` and ``end``;
- an article carries ``"format": "zjopen/1"`` first.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception

from zjopen.errors import FormatError
from zjopen.model import Article, Metric, Span

FORMAT = "zjopen/1"

converter = cattrs.Converter(forbid_extra_keys=False)


def _structure_decimal(value: Any, _type: type) -> Decimal:
    if isinstance(value, bool):
        raise TypeError(f"expected a number, not {value!r}")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    raise TypeError(f"expected a number, not {type(value).__name__}")


def _structure_date(value: Any, _type: type) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, not {type(value).__name__}")
    return date.fromisoformat(value)


def _structure_str(value: Any, _type: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {type(value).__name__}")
    return value


def _structure_int(value: Any, _type: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise TypeError(f"expected an integer, not {value!r}")
    return value


def _structure_bool(value: Any, _type: type) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "True", "1", 1):
        return True
    if value in ("false", "False", "0", 0, ""):
        return False
    raise TypeError(f"expected true or false, not {value!r}")


converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(Decimal, lambda d: d)
converter.register_structure_hook(date, _structure_date)
converter.register_unstructure_hook(date, lambda d: d.isoformat())
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _structure_bool)

_metric_unstructure = make_dict_unstructure_fn(Metric, converter)
_metric_structure = make_dict_structure_fn(Metric, converter)


def _unstructure_metric(metric: Metric) -> dict[str, Any]:
    data = _metric_unstructure(metric)
    span = data.pop("span")
    data["text"] = span["text"]
    data["start"] = span["start"]
    data["end"] = span["end"]
    return data


def _structure_metric(data: Any, _type: type) -> Metric:
    if not isinstance(data, dict):
        raise TypeError(f"expected a metric object, not {type(data).__name__}")
    data = dict(data)
    if "span" not in data:
        try:
            start = _structure_int(data.pop("start"), int)
            end = _structure_int(data.pop("end"), int)
            text = _structure_str(data.pop("text"), str)
        except KeyError as exc:
            raise ValueError(f"a metric needs {exc.args[0]!r}") from None
        data["span"] = {"start": start, "end": end, "text": text}
    return _metric_structure(data, Metric)


converter.register_unstructure_hook(Metric, _unstructure_metric)
converter.register_structure_hook(Metric, _structure_metric)

_article_unstructure = make_dict_unstructure_fn(Article, converter)
_article_structure = make_dict_structure_fn(Article, converter)


def _unstructure_article(article: Article) -> dict[str, Any]:
    return {"format": FORMAT, **_article_unstructure(article)}


def _structure_article(data: Any, _type: type) -> Article:
    if not isinstance(data, dict):
        raise TypeError(f"expected an article object, not {type(data).__name__}")
    version = data.get("format", FORMAT)
    if version != FORMAT:
        raise ValueError(f"unsupported format {version!r}; this zjopen reads {FORMAT!r}")
    return _article_structure(data, Article)


converter.register_unstructure_hook(Article, _unstructure_article)
converter.register_structure_hook(Article, _structure_article)

# Spans are small and many: a hand-written hook is faster than the generated one.
converter.register_unstructure_hook(
    Span, lambda s: {"start": s.start, "end": s.end, "text": s.text}
)


def to_data(article: Article) -> dict[str, Any]:
    """The article as plain data (format ``zjopen/1``); ``Decimal`` values stay exact."""
    data: dict[str, Any] = converter.unstructure(article, Article)
    return data


def _describe(exc: BaseException, type_: type | None) -> str:
    """The validator's own message where there is one (it says what was wrong)."""
    if isinstance(exc, ValueError | TypeError) and not isinstance(exc, KeyError) and str(exc):
        return f"{exc}"
    return format_exception(exc, type_)


def from_data(data: Any, *, source: str | None = None) -> Article:
    """An :class:`Article` from plain data; :class:`FormatError` names every bad field."""
    try:
        return converter.structure(data, Article)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        where = f"{source}: " if source else ""
        problems = (
            cattrs.transform_error(exc, path="$", format_exception=_describe)
            if isinstance(exc, cattrs.BaseValidationError)
            else [str(exc)]
        )
        raise FormatError(f"{where}not a valid zjopen article", problems) from exc

