"""The JSON Schema (draft 2020-12) of the article format ``zjopen/1``.

The schema follows the model: an object's properties are the fields of its record class
(``attrs.fields``), in order, each described by its type (:data:`_BY_TYPE`; an enum's
values are the enum's). What a type does not say (region codes, names, offsets, the unit
table, descriptions, optional fields) is in the small tables below. As the converter
writes them, an ``id`` comes first and a metric's span is flattened at the end.

>>> s = json_schema()
>>> s["properties"]["format"]["const"]
'zjopen/1'
>>> sorted(s["$defs"])[:3]
['Enterprise', 'Initiative', 'Metric']
"""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from zjopen.formats._plain import FORMAT, SPAN_KEYS
from zjopen.lexicon.units import unit_table
from zjopen.model import (
    REGION_CODE_PATTERN,
    Article,
    Enterprise,
    Initiative,
    Metric,
    Period,
    Platform,
    Region,
    Span,
)

__all__ = ["json_schema"]

_Schema = dict[str, Any]
_Overrides = dict[tuple[type, str], _Schema]

_CODE = {"type": "string", "pattern": f"^({REGION_CODE_PATTERN})$"}
_NULLABLE_CODE = {"anyOf": [_CODE, {"type": "null"}]}
_NAME = {"type": "string", "minLength": 1, "pattern": r"\S"}
_OFFSET = {"type": "integer", "minimum": 0}
_DATE = {"type": "string", "format": "date"}

_BY_TYPE: dict[object, _Schema] = {
    str: {"type": "string"},
    str | None: {"type": ["string", "null"], "minLength": 1},
    int | None: {"type": ["integer", "null"]},
    bool: {"type": "boolean"},
    Decimal: {"type": "number"},
    Decimal | None: {"type": ["number", "null"]},
    date | None: {"anyOf": [_DATE, {"type": "null"}]},
    tuple[str, ...]: {"type": "array", "items": {"type": "string"}},
}
"""A field's schema by its type. Enums, records and tuples of records: see :func:`_typed`."""

_BY_NAME: dict[str, _Schema] = {
    "code": _NULLABLE_CODE,
    "parent": _NULLABLE_CODE,
    "region": _NULLABLE_CODE,
    "overseas": {"type": "array", "items": _CODE},
    "name": _NAME,
}
"""Fields whose name says more than their type: region codes and names (the model's
validators check them), in every record."""

_BY_FIELD: _Overrides = {
    (Span, "start"): _OFFSET,
    (Span, "end"): _OFFSET,
    (Metric, "id"): _NAME,
}
"""Fields of one record with a schema of their own (and ``Metric.unit``, the unit table's
codes, added by :func:`json_schema`)."""

_DESCRIPTIONS: dict[tuple[type, str], str] = {
    (Period, "kind"): "The shape of the period.",
    (Region, "level"): "Administrative level.",
    (Platform, "kind"): "What kind of platform.",
    (Metric, "value"): "Absolute value, written exactly.",
    (Metric, "unit"): "Unit code (see data/units.json).",
    (Metric, "kind"): "What the figure states.",
    (Metric, "qualifier"): "How exactly it is stated.",
    (Metric, "high"): "Upper end of a range.",
    (Article, "text"): "The article's clean text.",
}

_OPTIONAL: dict[type, frozenset[str]] = {
    Metric: frozenset({"enterprise", "platform", "noun", "high", "of", "incidental"}),
    Article: frozenset({"dateline"}),
}
"""Properties an object may leave out (every other one is required)."""

_RECORDS: dict[type, str] = {
    Span: "A stretch [start, end) of the article's clean text, and that text.",
    Period: "The time a figure belongs to; start and end are inclusive ISO dates.",
    Region: "A place: GB/T 2260 six-digit code (China) or ISO 3166-1 alpha-2 (countries).",
    Enterprise: "A company or business group.",
    Platform: "A zone, park, port, market, e-commerce platform, expo or logistics channel.",
    Initiative: "A strategy, plan, campaign, policy package, reform or trade agreement.",
    Metric: "One figure, with its unit, kind, period and subject.",
}
"""The records under ``$defs``, in order, with their descriptions."""


def _ref(record: type) -> dict[str, str]:
    return {"$ref": f"#/$defs/{record.__name__}"}


def _typed(hint: Any) -> _Schema:
    """The schema of a field of type ``hint``."""
    if hint in _BY_TYPE:
        return _BY_TYPE[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [member.value for member in hint]}
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and attrs.has(args[0]):
        return {"type": "array", "items": _ref(args[0])}
    if len(args) == 2 and args[1] is type(None) and attrs.has(args[0]):
        return {"anyOf": [_ref(args[0]), {"type": "null"}]}
    raise TypeError(f"no JSON Schema for a field of type {hint!r}: add one to _BY_TYPE")


def _field(record: type, name: str, hint: Any, by_field: _Overrides) -> _Schema:
    schema = by_field.get((record, name)) or _BY_NAME.get(name) or _typed(hint)
    description = _DESCRIPTIONS.get((record, name))
    return {**schema, "description": description} if description else schema


def _properties(record: type, by_field: _Overrides) -> dict[str, _Schema]:
    """The properties of ``record``'s objects, as the converter writes them."""
    hints = typing.get_type_hints(record)
    names = sorted((f.name for f in attrs.fields(record)), key=lambda name: name != "id")
    flat = record is Metric  # a metric's span is written flat, last
    properties = {name: _field(record, name, hints[name], by_field)
                  for name in names if not (flat and name == "span")}
    if flat:
        span = _properties(Span, by_field)
        properties.update((key, span[key]) for key in SPAN_KEYS)
    return properties


def _object(record: type, description: str, by_field: _Overrides,
            first: dict[str, _Schema] | None = None) -> _Schema:
    properties = {**(first or {}), **_properties(record, by_field)}
    optional = _OPTIONAL.get(record, frozenset())
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": [name for name in properties if name not in optional],
    }


def json_schema() -> dict[str, Any]:
    """The schema every article written by :func:`zjopen.dumps` satisfies."""
    by_field: _Overrides = {**_BY_FIELD, (Metric, "unit"): {"enum": list(unit_table())}}
    defs = {
        record.__name__: _object(record, description, by_field)
        for record, description in _RECORDS.items()
    }
    article = _object(Article, f"One parsed article (format {FORMAT}).", by_field,
                      first={"format": {"const": FORMAT}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://zjopen.invalid/schema/zjopen-1.json",
        "title": "zjopen article",
        **article,
        "$defs": defs,
    }
