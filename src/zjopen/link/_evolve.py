"""``attrs.evolve`` for the linker's hot loops: a record copied with some fields changed,
each class's field names and a getter of their values worked out once, not per copy.

>>> from zjopen.model import Span
>>> evolve(Span(0, 6, "Beilun"), end=6)
Span(start=0, end=6, text='Beilun')
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["evolve"]

T = TypeVar("T")

# A class's init arguments (aliases), and a getter of the values of their fields.
_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _fields(cls: type) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    chosen = [field for field in attrs.fields(cls) if field.init]
    names = [field.name for field in chosen]
    getter = operator.attrgetter(*names)
    if len(names) == 1:  # (attrgetter of one name gives the value, not a tuple)
        return (chosen[0].alias,), lambda inst: (getter(inst),)
    return tuple(field.alias for field in chosen), getter


def evolve(inst: T, **changes: Any) -> T:
    """``inst`` with ``changes``, made as ``attrs.evolve(inst, **changes)`` makes it: the
    class called with every init field's value (converters and validators run)."""
    cls = type(inst)
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = _fields(cls)
    aliases, getter = known
    values = dict(zip(aliases, getter(inst), strict=True))
    values.update(changes)
    return cls(**values)
