"""Reading predictions: JSON Lines files, streams, dicts and Articles."""


from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

from zjopen.errors import EvaluationFormatError, PredictionFormatError
from zjopen.evaluation._common import ENTITY_KINDS, PredictionSource, Source
from zjopen.evaluation.records import _Entity, _Figure, _Records
from zjopen.evaluation.rules import _as_float, _name_keys, _region_key, _unit_key
from zjopen.model import Article

# -- reading ---------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")


def _text_lines(chunks: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """The lines of a file read in pieces, split at ``\\n``, ``\\r\\n`` and ``\\r`` only
    (as Python's text files are), without the line ends."""
    for chunk in chunks:
        if isinstance(chunk, bytes):
            yield from chunk.splitlines()  # bytes split at these three only
        else:
            pieces = _NEWLINE.split(chunk)
            yield from pieces[:-1] if len(pieces) > 1 and pieces[-1] == "" else pieces


def _json_objects(chunks: Iterable[str | bytes], name: str,
                  error: type[EvaluationFormatError]) -> Iterator[tuple[int, object]]:
    """The value on each non-blank line, with its line number."""
    for number, line in enumerate(_text_lines(chunks), 1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise error(name, number, f"not UTF-8 text: {exc.reason} at byte "
                                          f"{exc.start}") from None
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise error(name, number, f"not JSON: {exc}") from None


def _items(source: Source | PredictionSource, role: str,
           error: type[EvaluationFormatError]) -> Iterator[tuple[str, int, object]]:
    """(file name, line, article object) for every article of ``source``."""
    if isinstance(source, str | os.PathLike):
        name = os.fsdecode(source)
        with open(source, "rb") as handle:
            for number, obj in _json_objects(handle, name, error):
                yield name, number, obj
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", f"<{role}>"))
        for number, obj in _json_objects(source, name, error):  # type: ignore[arg-type]
            yield name, number, obj
    else:
        for number, item in enumerate(source, 1):
            if isinstance(item, Article):
                from zjopen.formats.converter import to_data

                item = to_data(item)
            yield f"<{role}>", number, item


def _object_with_id(obj: object, name: str, number: int,
                    error: type[EvaluationFormatError]) -> Mapping[str, Any]:
    if not isinstance(obj, Mapping):
        raise error(name, number, f"an article object is expected, not {_type_name(obj)}")
    if "id" not in obj:
        raise error(name, number, "the article has no 'id'")
    return obj


def _type_name(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "true or false",
            int: "a number", float: "a number", type(None): "null"}.get(
        type(value), type(value).__name__)


def _read_predictions(source: PredictionSource) -> dict[str, _Records]:
    """Predicted articles by id (a later one with the same id replaces an earlier one)."""
    articles: dict[str, _Records] = {}
    for name, number, obj in _items(source, "predictions", PredictionFormatError):
        data = _object_with_id(obj, name, number, PredictionFormatError)
        problems: list[str] = []
        records = _predicted_records(data, problems)
        if problems:
            raise _error(PredictionFormatError, name, number, problems)
        articles[records.id] = records
    return articles


_MAX_PROBLEMS: Final = 12


def _error(error: type[EvaluationFormatError], name: str, number: int,
           problems: Sequence[str]) -> EvaluationFormatError:
    """The error for a bad line: its problem, or how many there are and the first few."""
    if len(problems) == 1:
        return error(name, number, problems[0])
    shown = list(problems[:_MAX_PROBLEMS])
    if len(problems) > _MAX_PROBLEMS:
        shown.append(f"... and {len(problems) - _MAX_PROBLEMS} more")
    return error(name, number, f"{len(problems)} problems", shown)


def _short(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _list(data: Mapping[str, Any], key: str, problems: list[str]) -> Sequence[Any]:
    """A list of a predicted article; absent, null or empty are all empty."""
    value = data.get(key) or []
    if not isinstance(value, list | tuple):
        problems.append(f"{key}: a list is expected, not {_type_name(value)}")
        return []
    return value


def _predicted_entity(entry: object, where: str, problems: list[str]) -> _Entity | None:
    """A predicted name (a string, or an object with ``name`` and ``aliases``)."""
    if isinstance(entry, str):
        return _Entity(entry, _name_keys([entry]))
    if not isinstance(entry, Mapping):
        return None  # not a record: ignored, as the reference scorer does
    name = entry.get("name") or ""
    aliases = entry.get("aliases") or []
    if not isinstance(name, str):
        problems.append(f"{where}.name: a string is expected, not {_type_name(name)}")
        return None
    if not isinstance(aliases, list | tuple):
        problems.append(f"{where}.aliases: a list is expected, not {_type_name(aliases)}")
        return None
    names = [n for n in [name, *aliases] if isinstance(n, str) and n]
    return _Entity(names[0], _name_keys(names)) if names else None


def _subject_keys(name: object) -> frozenset[str] | None:
    return _name_keys([name]) if isinstance(name, str) and name else None


def _shown(value: object) -> str:
    """A value as a report shows it: as written in JSON."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _predicted_figure(metric: Mapping[str, Any]) -> _Figure:
    text = metric.get("text")
    return _Figure(
        value=_as_float(metric.get("value")),
        unit=_unit_key(metric.get("unit")),
        year=metric.get("year"),
        region=_region_key(metric.get("region")),
        platform=_subject_keys(metric.get("platform")),
        enterprise=_subject_keys(metric.get("enterprise")),
        shown=f"{_shown(metric.get('value'))} {metric.get('unit')} year={metric.get('year')}",
        context="" if text is None else str(text),
    )


def _predicted_records(data: Mapping[str, Any], problems: list[str]) -> _Records:
    """What a predicted article holds. Entries that are no records are ignored."""
    entities: dict[str, tuple[_Entity, ...]] = {}
    for kind in ENTITY_KINDS:
        found = (_predicted_entity(entry, f"{kind}[{n}]", problems)
                 for n, entry in enumerate(_list(data, kind, problems)))
        entities[kind] = tuple(e for e in found if e is not None)
    regions = {_region_key(entry) for entry in _list(data, "regions", problems)}
    return _Records(
        id=str(data["id"]),
        title=data.get("title"),
        published=data.get("published"),
        regions=frozenset(r for r in regions if r is not None),
        entities=entities,
        metrics=tuple(_predicted_figure(m) for m in _list(data, "metrics", problems)
                      if isinstance(m, Mapping)),
    )


