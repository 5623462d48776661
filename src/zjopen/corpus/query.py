"""What the queries of a corpus share: reading a condition's values, names compared by
their normalised key, checking and applying an order.

The queries themselves: :class:`~zjopen.corpus.metric_query.MetricQuery` (figures, read
through a :class:`~zjopen.corpus.metric_index.MetricIndex`) and the queries of merged
records in :mod:`zjopen.corpus.record_query`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache
from typing import Any

from zjopen.link import merge as _article

__all__ = ["accepted", "check_fields", "name_key", "ordered"]

name_key = cache(_article.name_key)
""":func:`zjopen.link.merge.name_key`, remembered: queries compare many names."""


def accepted(value: Any, convert: Callable[[Any], Any], what: str) -> frozenset[Any] | None:
    """A condition's accepted values: one value or an iterable of them, each made by
    ``convert``; ``None`` when the condition is not given.

    >>> sorted(accepted(range(2022, 2024), int, "year")), accepted(None, int, "year")
    ([2022, 2023], None)
    """
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        value = (value,)
    found = frozenset(convert(v) for v in value)
    if not found:
        raise ValueError(f"{what}= needs at least one value")
    return found


def check_fields(fields: Iterable[str], known: Collection[str], what: str) -> None:
    """Raise :class:`ValueError` naming the choices when a field (``-field`` for
    descending) is not ``known``; ``what`` is the action ("order by", "group by")."""
    for field in fields:
        if field.removeprefix("-") not in known:
            raise ValueError(f"cannot {what} {field!r}; choose from {', '.join(sorted(known))}")


def ordered(items: list[Any], fields: Sequence[str], keys: dict[str, Callable[[Any], Any]]
            ) -> list[Any]:
    """Stable sort by several fields; ``-field`` is descending; ``None`` sorts last.

    >>> ordered([(1, "b"), (None, "a"), (2, "a")], ["-1", "0"],
    ...         {"0": lambda x: x[0], "1": lambda x: x[1]})
    [(1, 'b'), (2, 'a'), (None, 'a')]
    """
    for field in reversed(fields):
        descending = field.startswith("-")
        get = keys[field.removeprefix("-")]
        if descending:
            items.sort(key=lambda x: (get(x) is not None, get(x)), reverse=True)
        else:
            items.sort(key=lambda x: (get(x) is None, get(x)))
    return items
