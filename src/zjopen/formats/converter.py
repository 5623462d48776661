"""The cattrs converter between model objects and plain data (dicts, lists, str ...).

Model classes know nothing of serialisation; this module alone decides the exchange
shape (format ``zjopen/1``). :func:`make_converter` builds a converter with every hook
(as ``cattrs.preconf.json.make_converter`` does); :data:`converter`, made by it once,
serves :func:`to_data` and :func:`from_data`:

- dates are ISO strings, enums their values, ``Decimal`` stays ``Decimal`` (the JSON
  writer prints it as an exact JSON number);
- a metric's span is flattened into ``text``, ``start`` and ``end``;
- an article carries ``"format": "zjopen/1"`` first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception

from zjopen.errors import InvalidArticleError
from zjopen.formats._plain import FORMAT, SPAN_KEYS, Unusual, article_data
from zjopen.model import Article, Metric, Span

__all__ = ["FORMAT", "SPAN_KEYS", "converter", "from_data", "make_converter", "to_data"]



class _Converter(cattrs.Converter):
    """A cattrs converter that notes whether a hook for writing was registered on it
    after :func:`make_converter` made it (then :func:`to_data` and the JSON writers use
    it rather than their own, faster copy of its hooks, :mod:`zjopen.formats._plain`)."""

    customised = True

    def register_unstructure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self.customised = True
        return super().register_unstructure_hook(*args, **kwargs)

    def register_unstructure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self.customised = True
        return super().register_unstructure_hook_func(*args, **kwargs)

    def register_unstructure_hook_factory(
            self, *args: Any, **kwargs: Any) -> Any:
        self.customised = True
        return super().register_unstructure_hook_factory(*args, **kwargs)


def make_converter() -> cattrs.Converter:
    """A new converter with every hook of the format ``zjopen/1`` registered.

    >>> make_converter().unstructure(Span(0, 4, "Yiwu"))
    {'start': 0, 'end': 4, 'text': 'Yiwu'}
    """
    made = _Converter(forbid_extra_keys=False)
    _register_scalars(made)
    # Spans are small and many: a hand-written hook is faster than the generated one.
    made.register_unstructure_hook(
        Span, lambda s: {"start": s.start, "end": s.end, "text": s.text}
    )
    _register_wrapped(made, Metric, _flatten_span, _nest_span)
    _register_wrapped(made, Article, _add_format, _check_version)
    made.customised = False
    return made


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


def _register_scalars(made: cattrs.Converter) -> None:
    """Dates as ISO strings, ``Decimal`` kept exact; strict str, int and bool."""
    made.register_structure_hook(Decimal, _structure_decimal)
    made.register_unstructure_hook(Decimal, lambda d: d)
    made.register_structure_hook(date, _structure_date)
    made.register_unstructure_hook(date, lambda d: d.isoformat())
    made.register_structure_hook(str, _structure_str)
    made.register_structure_hook(int, _structure_int)
    made.register_structure_hook(bool, _structure_bool)


def _flatten_span(data: dict[str, Any]) -> dict[str, Any]:
    """A metric's ``span`` as its :data:`SPAN_KEYS`, last."""
    span = data.pop("span")
    for key in SPAN_KEYS:
        data[key] = span[key]
    return data


def _nest_span(data: Any) -> dict[str, Any]:
    """The reverse of :func:`_flatten_span`, on a copy (a nested ``span`` passes)."""
    if not isinstance(data, dict):
        raise TypeError(f"expected a metric object, not {type(data).__name__}")
    nested: dict[str, Any] = dict(data)
    if "span" not in nested:
        try:
            start = _structure_int(nested.pop("start"), int)
            end = _structure_int(nested.pop("end"), int)
            text = _structure_str(nested.pop("text"), str)
        except KeyError as exc:
            raise ValueError(f"a metric needs {exc.args[0]!r}") from None
        nested["span"] = {"start": start, "end": end, "text": text}
    return nested


def _check_version(data: Any) -> dict[str, Any]:
    """``data`` if it is an article object of this format."""
    if not isinstance(data, dict):
        raise TypeError(f"expected an article object, not {type(data).__name__}")
    version = data.get("format", FORMAT)
    if version != FORMAT:
        raise ValueError(f"unsupported format {version!r}; this zjopen reads {FORMAT!r}")
    return data


def _add_format(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``"format": "zjopen/1"`` first."""
    return {"format": FORMAT, **data}


def _register_wrapped(made: cattrs.Converter, cls: type[Any],
                      written: Callable[[dict[str, Any]], dict[str, Any]],
                      read: Callable[[Any], dict[str, Any]]) -> None:
    """Hooks for ``cls``: the ones cattrs generates, with ``written`` applied to the data
    they write and ``read`` to the data before they read it."""
    unstructure = make_dict_unstructure_fn(cls, made)
    structure = make_dict_structure_fn(cls, made)
    made.register_unstructure_hook(cls, lambda value: written(unstructure(value)))
    made.register_structure_hook(cls, lambda data, _: structure(read(data), cls))


converter = make_converter()
"""The converter :func:`to_data` and :func:`from_data` use, made once on import."""


def to_data(article: Article) -> dict[str, Any]:
    """The article as plain data (format ``zjopen/1``); ``Decimal`` values stay exact."""
    if not getattr(converter, "customised", True):
        try:
            return article_data(article)
        except Unusual:
            pass
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
        raise InvalidArticleError(f"{where}not a valid zjopen article", problems) from exc

