"""The JSON Schema (draft 2020-12) of the article format ``zjopen/1``.

>>> s = json_schema()
>>> s["properties"]["format"]["const"]
'zjopen/1'
>>> sorted(s["$defs"])[:3]
['Enterprise', 'Initiative', 'Metric']
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from zjopen.formats.converter import FORMAT
from zjopen.lexicon.units import unit_table
from zjopen.model import MetricKind, PeriodKind, PlatformKind, Qualifier, RegionLevel

__all__ = ["json_schema"]

_CODE = {"type": "string", "pattern": "^([0-9]{6}|[A-Z]{2})$"}
_NULLABLE_CODE = {"anyOf": [_CODE, {"type": "null"}]}
_TEXT = {"type": "string"}
_NULLABLE_TEXT = {"type": ["string", "null"], "minLength": 1}
_NAME = {"type": "string", "minLength": 1, "pattern": r"\S"}
_NAMES = {"type": "array", "items": {"type": "string"}}
_NULLABLE_INT = {"type": ["integer", "null"]}
_DATE = {"type": "string", "format": "date"}
_MENTIONS = {"type": "array", "items": {"$ref": "#/$defs/Span"}}


def _enum(kind: type[Enum], description: str) -> dict[str, Any]:
    return {"enum": [member.value for member in kind], "description": description}


def _object(properties: dict[str, Any], required: list[str], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
    }


def json_schema() -> dict[str, Any]:
    """The schema every article written by :func:`zjopen.dumps` satisfies."""
    units = list(unit_table())
    defs = {
        "Span": _object(
            {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
             "text": _TEXT},
            ["start", "end", "text"],
            "A stretch [start, end) of the article's clean text, and that text.",
        ),
        "Period": _object(
            {"kind": _enum(PeriodKind, "The shape of the period."),
             "start": {"anyOf": [_DATE, {"type": "null"}]},
             "end": {"anyOf": [_DATE, {"type": "null"}]}},
            ["kind", "start", "end"],
            "The time a figure belongs to; start and end are inclusive ISO dates.",
        ),
        "Region": _object(
            {"code": _NULLABLE_CODE, "name": _NAME,
             "level": _enum(RegionLevel, "Administrative level."),
             "parent": _NULLABLE_CODE, "mentions": _MENTIONS},
            ["code", "name", "level", "parent", "mentions"],
            "A place: GB/T 2260 six-digit code (China) or ISO 3166-1 alpha-2 (countries).",
        ),
        "Enterprise": _object(
            {"name": _NAME, "aliases": _NAMES, "region": _NULLABLE_CODE,
             "overseas": {"type": "array", "items": _CODE},
             "kb_id": _NULLABLE_TEXT, "mentions": _MENTIONS},
            ["name", "aliases", "region", "overseas", "kb_id", "mentions"],
            "A company or business group.",
        ),
        "Platform": _object(
            {"name": _NAME, "kind": _enum(PlatformKind, "What kind of platform."),
             "aliases": _NAMES, "region": _NULLABLE_CODE, "kb_id": _NULLABLE_TEXT,
             "mentions": _MENTIONS},
            ["name", "kind", "aliases", "region", "kb_id", "mentions"],
            "A zone, park, port, market, e-commerce platform, expo or logistics channel.",
        ),
        "Initiative": _object(
            {"name": _NAME, "aliases": _NAMES, "region": _NULLABLE_CODE,
             "start_year": _NULLABLE_INT, "target_year": _NULLABLE_INT,
             "kb_id": _NULLABLE_TEXT, "mentions": _MENTIONS},
            ["name", "aliases", "region", "start_year", "target_year", "kb_id", "mentions"],
            "A strategy, plan, campaign, policy package, reform or trade agreement.",
        ),
        "Metric": _object(
            {"id": _NAME,
             "value": {"type": "number", "description": "Absolute value, written exactly."},
             "unit": {"enum": units, "description": "Unit code (see data/units.json)."},
             "kind": _enum(MetricKind, "What the figure states."),
             "qualifier": _enum(Qualifier, "How exactly it is stated."),
             "year": _NULLABLE_INT,
             "period": {"anyOf": [{"$ref": "#/$defs/Period"}, {"type": "null"}]},
             "region": _NULLABLE_CODE,
             "enterprise": _NULLABLE_TEXT, "platform": _NULLABLE_TEXT,
             "indicator": _NULLABLE_TEXT, "noun": _NULLABLE_TEXT,
             "high": {"type": ["number", "null"], "description": "Upper end of a range."},
             "of": _NULLABLE_TEXT, "incidental": {"type": "boolean"},
             "text": _TEXT, "start": {"type": "integer", "minimum": 0},
             "end": {"type": "integer", "minimum": 0}},
            ["id", "value", "unit", "kind", "qualifier", "year", "period", "region",
             "indicator", "text", "start", "end"],
            "One figure, with its unit, kind, period and subject.",
        ),
    }
    article = _object(
        {
            "format": {"const": FORMAT},
            "id": _TEXT,
            "title": _NULLABLE_TEXT,
            "published": {"anyOf": [_DATE, {"type": "null"}]},
            "authors": _NAMES,
            "source": _NULLABLE_TEXT,
            "dateline": _NULLABLE_TEXT,
            **{
                kind: {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}
                for kind, name in (
                    ("regions", "Region"), ("enterprises", "Enterprise"),
                    ("platforms", "Platform"), ("initiatives", "Initiative"),
                    ("metrics", "Metric"),
                )
            },
            "text": {"type": "string", "description": "The article's clean text."},
        },
        ["format", "id", "title", "published", "authors", "source", "regions",
         "enterprises", "platforms", "initiatives", "metrics", "text"],
        "One parsed article (format zjopen/1).",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://zjopen.invalid/schema/zjopen-1.json",
        "title": "zjopen article",
        **article,
        "$defs": defs,
    }
