"""The gold format ``zjopen-gold/1``: reading, checking, and its JSON Schema."""


from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any, Final

from zjopen.errors import GoldFormatError
from zjopen.evaluation._common import ENTITY_KINDS, GOLD_FORMAT, Source
from zjopen.evaluation.read import _error, _items, _object_with_id, _short, _type_name
from zjopen.evaluation.records import _Entity, _Figure, _Records
from zjopen.evaluation.rules import (
    _TWO_CODES,
    _as_float,
    _name_keys,
    _region_key,
    _unit_key,
    normalise_name,
)
from zjopen.model import MetricKind, PlatformKind

# -- the gold format -------------------------------------------------------------------------

_ARTICLE_KEYS: Final = ("id", "title", "published", "regions", "enterprises", "platforms",
                        "initiatives", "metrics")
_METRIC_REQUIRED: Final = ("value", "unit", "year", "region")
_METRIC_OPTIONAL: Final = ("indicator", "kind", "optional", "platform", "enterprise", "note")
_CODE = re.compile(r"[0-9]{6}|[A-Z]{2}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CURRENCY = re.compile(r"[A-Z]{3}")


def check_gold(source: Source) -> tuple[str, ...]:
    """Check a gold file (or its article objects); return the ids of its articles.

    Every line must be a ``zjopen-gold/1`` article (see :func:`gold_schema`); region codes
    must be in zjopen's gazetteer, a metric's region among its article's regions, and no
    id may be used twice. Raises :class:`~zjopen.errors.GoldFormatError` naming the file,
    the line and every problem of the first bad line; :func:`evaluate` checks the same.
    """
    return tuple(_read_gold(source))


def _read_gold(source: Source) -> dict[str, _Records]:
    """The gold articles by id, checked (see :func:`check_gold`)."""
    articles: dict[str, _Records] = {}
    first_line: dict[str, int] = {}
    for name, number, obj in _items(source, "gold", GoldFormatError):
        data = _object_with_id(obj, name, number, GoldFormatError)
        problems: list[str] = []
        records = _gold_records(data, problems)
        if not problems and records.id in first_line:
            problems.append(f"id {records.id!r} is already used on line "
                            f"{first_line[records.id]}")
        if problems:
            raise _error(GoldFormatError, name, number, problems)
        articles[records.id] = records
        first_line[records.id] = number
    return articles


def _gold_records(data: Mapping[str, Any], problems: list[str]) -> _Records:
    aid = data["id"]
    if data.get("format") == "zjopen/1":
        problems.append("this is zjopen output (format 'zjopen/1'), not a gold annotation "
                        f"({GOLD_FORMAT}): are GOLD and PRED the right way round?")
        return _Records(id=str(aid))
    if not isinstance(aid, str) or not aid.strip():
        problems.append("id: a non-empty string is expected")
    allowed = {*_ARTICLE_KEYS, "format", "note"}
    problems.extend(f"unknown key {key!r}" for key in data if key not in allowed)
    if data.get("format", GOLD_FORMAT) != GOLD_FORMAT:
        problems.append(f"format: {_short(data['format'])} is not {GOLD_FORMAT!r}")
    for key in _ARTICLE_KEYS:
        if key not in data:
            empty = "null" if key in ("title", "published") else "[]"
            problems.append(f"no {key!r} (write {empty} when there is none)")
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        problems.append(f"title: a string or null is expected, not {_type_name(title)}")
    published = data.get("published")
    if published is not None and not _is_iso_date(published):
        problems.append(f"published: an ISO date (YYYY-MM-DD) or null is expected, "
                        f"not {_short(published)}")
    regions = _gold_regions(_gold_list(data, "regions", problems), problems)
    entities = {kind: _gold_entities(kind, _gold_list(data, kind, problems), problems)
                for kind in ENTITY_KINDS}
    metrics = tuple(_gold_figure(metric, f"metrics[{n}]", regions, entities, problems)
                    for n, metric in enumerate(_gold_list(data, "metrics", problems)))
    return _Records(id=str(aid), title=title, published=published, regions=regions,
                    entities=entities, metrics=metrics)


def _is_iso_date(value: object) -> bool:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _gold_list(data: Mapping[str, Any], key: str, problems: list[str]) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(f"{key}: a list is expected, not {_type_name(value)}")
        return []
    return value


def _code_problem(code: object) -> str | None:
    """What is wrong with a region code, or ``None``."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        return (f"{_short(code)} is not a region code (six digits for China, two capital "
                "letters for a country)")
    if code.lower() in _TWO_CODES:
        return None
    from zjopen.gazetteer import lookup

    place = lookup(code)
    if place is None:
        return f"unknown region code {code!r}"
    if place.code != code:
        return f"{code!r} is not a current code; zjopen knows {place.name} as {place.code!r}"
    return None


def _gold_regions(entries: list[Any], problems: list[str]) -> frozenset[str]:
    codes: set[str] = set()
    for n, code in enumerate(entries):
        problem = _code_problem(code)
        if problem is not None:
            problems.append(f"regions[{n}]: {problem}")
        else:
            codes.add(str(_region_key(code)))
    return frozenset(codes)


def _gold_name(value: object, where: str, problems: list[str]) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: a non-empty string is expected, not {_short(value)}")
        return None
    if not normalise_name(value):
        problems.append(f"{where}: {value!r} has no letters or digits to match")
        return None
    return value


def _gold_entities(kind: str, entries: list[Any], problems: list[str]
                   ) -> tuple[_Entity, ...]:
    allowed = {"name", "aliases", "note", *(("kind",) if kind == "platforms" else ())}
    found: list[_Entity] = []
    for n, entry in enumerate(entries):
        where = f"{kind}[{n}]"
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: an object with a 'name' is expected, "
                            f"not {_type_name(entry)}")
            continue
        problems.extend(f"{where}: unknown key {key!r}" for key in entry if key not in allowed)
        name = _gold_name(entry.get("name"), f"{where}.name", problems)
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list):
            problems.append(f"{where}.aliases: a list is expected, not {_type_name(aliases)}")
            aliases = []
        names = [_gold_name(a, f"{where}.aliases[{i}]", problems) for i, a in enumerate(aliases)]
        platform_kind = entry.get("kind") if kind == "platforms" else None
        if platform_kind is not None and platform_kind not in _PLATFORM_KINDS:
            problems.append(f"{where}.kind: {_short(platform_kind)} is not one of "
                            f"{', '.join(_PLATFORM_KINDS)}")
        if name is not None:
            all_names = [name, *(a for a in names if a is not None)]
            found.append(_Entity(name, _name_keys(all_names)))
    return tuple(found)


_PLATFORM_KINDS: Final = tuple(kind.value for kind in PlatformKind)
_METRIC_KINDS: Final = tuple(kind.value for kind in MetricKind)


def _unit_problem(unit: object) -> str | None:
    """What is wrong with a gold unit, or ``None``: it must be a code of zjopen's unit
    table, or three capital letters (an ISO 4217 currency)."""
    from zjopen.lexicon.units import is_known_unit

    if isinstance(unit, str) and (is_known_unit(unit) or _CURRENCY.fullmatch(unit)):
        return None
    code = _unit_key(unit)
    hint = f" (write {code!r})" if code != unit and is_known_unit(code) else ""
    return f"unknown unit {_short(unit)}{hint}"


def _gold_subject(value: object, where: str, named: Sequence[_Entity],
                  problems: list[str]) -> frozenset[str] | None:
    """A metric's platform or enterprise: the names of the article's entry with that
    name (all its aliases), else the name alone."""
    if value is None:
        return None
    name = _gold_name(value, where, problems)
    if name is None:
        return None
    key = normalise_name(name)
    for entity in named:
        if key in entity.keys:
            return entity.keys
    return _name_keys([name])


def _value_problem(value: object) -> str | None:
    number = None if isinstance(value, bool) else _as_float(value)
    if not isinstance(value, int | float) or number is None or not math.isfinite(number):
        return f"a finite number is expected, not {_short(value)}"
    return None


def _year_problem(year: object) -> str | None:
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        return f"a whole number or null is expected, not {_short(year)}"
    return None


def _kind_problem(kind: object) -> str | None:
    if kind is not None and kind not in _METRIC_KINDS:
        return f"{_short(kind)} is not one of {', '.join(_METRIC_KINDS)}"
    return None


def _optional_problem(optional: object) -> str | None:
    if not isinstance(optional, bool):
        return f"true or false is expected, not {_short(optional)}"
    return None


def _indicator_problem(indicator: object) -> str | None:
    if indicator is not None and not isinstance(indicator, str):
        return f"a string or null is expected, not {_short(indicator)}"
    return None


_METRIC_CHECKS: Final = {"value": _value_problem, "unit": _unit_problem,
                         "year": _year_problem, "kind": _kind_problem,
                         "optional": _optional_problem, "indicator": _indicator_problem}


def _metric_problems(metric: Mapping[str, Any], regions: frozenset[str]) -> Iterator[str]:
    """The problems of a gold metric, each starting with ``": "`` or ``".field: "``."""
    yield from (f": no {key!r}" for key in _METRIC_REQUIRED if key not in metric)
    yield from (f": unknown key {key!r}" for key in metric
                if key not in _METRIC_REQUIRED and key not in _METRIC_OPTIONAL)
    for key, check in _METRIC_CHECKS.items():
        if key in metric and (problem := check(metric[key])) is not None:
            yield f".{key}: {problem}"
    region = metric.get("region")
    if region is not None:
        problem = _code_problem(region)
        if problem is None and _region_key(region) not in regions:
            problem = f"{region!r} is not among the article's regions"
        if problem is not None:
            yield f".region: {problem}"


def _gold_figure(metric: object, where: str, regions: frozenset[str],
                 entities: Mapping[str, tuple[_Entity, ...]], problems: list[str]) -> _Figure:
    """A gold metric, its problems added to ``problems``."""
    if not isinstance(metric, Mapping):
        problems.append(f"{where}: a metric object is expected, not {_type_name(metric)}")
        return _Figure(value=None, unit="", year=None, region=None)
    problems.extend(where + problem for problem in _metric_problems(metric, regions))
    value, unit, year = metric.get("value"), metric.get("unit"), metric.get("year")
    return _Figure(
        value=None if isinstance(value, bool) else _as_float(value),
        unit=_unit_key(unit),
        year=year,
        region=_region_key(metric.get("region")),
        optional=metric.get("optional") is True,
        platform=_gold_subject(metric.get("platform"), f"{where}.platform",
                               entities["platforms"], problems),
        enterprise=_gold_subject(metric.get("enterprise"), f"{where}.enterprise",
                                 entities["enterprises"], problems),
        shown=f"{value} {unit} year={year}",
        context=str(metric.get("indicator") or ""),
    )


def gold_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of a ``zjopen-gold/1`` file.

    It checks the shape of an article. :func:`check_gold` (and so ``zjopen evaluate``)
    checks a little more: that region codes exist, that a metric's region is among its
    article's regions, that names hold a letter or digit, and that ids are not repeated.

    >>> schema = gold_schema()
    >>> schema["required"]
    ['id', 'title', 'published', 'regions', 'enterprises', 'platforms', 'initiatives', 'metrics']
    """
    from zjopen.lexicon.units import units

    code = {"type": "string", "pattern": "^([0-9]{6}|[A-Z]{2})$",
            "description": "GB/T 2260 code (China) or ISO 3166-1 alpha-2 code (a country)."}
    name = {"type": "string", "pattern": r"\S"}
    note = {"type": "string", "description": "A remark for annotators; not scored."}
    nullable_name = {"anyOf": [name, {"type": "null"}]}

    def entity(description: str, **extra: Any) -> dict[str, Any]:
        return {
            "anyOf": [
                name,
                {"type": "object", "description": description,
                 "properties": {"name": name, "aliases": {"type": "array", "items": name},
                                "note": note, **extra},
                 "required": ["name"], "additionalProperties": False},
            ],
        }

    metric = {
        "type": "object",
        "description": "A figure stated in the article.",
        "properties": {
            "value": {"type": "number", "description": "The absolute value, signed."},
            "unit": {"anyOf": [{"enum": list(units())}, {"type": "string",
                                                         "pattern": "^[A-Z]{3}$"}],
                     "description": "A unit code, or an ISO 4217 currency code."},
            "year": {"type": ["integer", "null"]},
            "region": {"anyOf": [{"$ref": "#/$defs/Code"}, {"type": "null"}]},
            "indicator": {"type": ["string", "null"]},
            "kind": {"anyOf": [{"enum": list(_METRIC_KINDS)}, {"type": "null"}]},
            "optional": {"type": "boolean",
                         "description": "Neither rewarded nor punished when predicted."},
            "platform": nullable_name,
            "enterprise": nullable_name,
            "note": note,
        },
        "required": list(_METRIC_REQUIRED),
        "additionalProperties": False,
    }
    listed = {"type": "array", "items": {"$ref": "#/$defs/Entity"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://zjopen.invalid/schema/zjopen-gold-1.json",
        "title": "zjopen gold article",
        "description": f"One line of a gold annotation file (format {GOLD_FORMAT}).",
        "type": "object",
        "properties": {
            "format": {"const": GOLD_FORMAT},
            "id": {"type": "string", "pattern": r"\S",
                   "description": "The article's file name without its extension."},
            "title": {"type": ["string", "null"]},
            "published": {"anyOf": [{"type": "string", "format": "date",
                                     "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                                    {"type": "null"}]},
            "regions": {"type": "array", "items": {"$ref": "#/$defs/Code"}},
            "enterprises": listed,
            "platforms": {"type": "array", "items": {"$ref": "#/$defs/Platform"}},
            "initiatives": listed,
            "metrics": {"type": "array", "items": {"$ref": "#/$defs/Metric"}},
            "note": note,
        },
        "required": list(_ARTICLE_KEYS),
        "additionalProperties": False,
        "$defs": {
            "Code": code,
            "Entity": entity("An enterprise or an initiative."),
            "Platform": entity("A platform.",
                               kind={"anyOf": [{"enum": list(_PLATFORM_KINDS)},
                                               {"type": "null"}]}),
            "Metric": metric,
        },
    }

