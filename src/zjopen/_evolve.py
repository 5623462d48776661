"""A faster ``attrs.evolve``, and constructors without checks, for the records of
:mod:`zjopen.model`.

The extractors and the linker refine a record step by step (a figure gets its year, then
its subject), and ``attrs.evolve`` runs every converter and validator of every field
again each time: a Metric has twenty. The record being changed was valid already, so
:func:`evolve` copies its fields as they are and converts and validates only the fields
that change, then runs the class's ``__attrs_post_init__`` checks; the result is equal
to ``attrs.evolve``'s, and a bad value raises the same error.

:func:`made_metric` (and the others below) make a record from values right by
construction, without checking them again: the figures finder makes a Metric of twenty
fields per figure found, its values of the fields' types by the way they are made.

>>> from zjopen.model import Span
>>> evolve(Span(0, 6, "Beilun"), end=6) == Span(0, 6, "Beilun")
True
"""

from __future__ import annotations

from functools import cache
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from attrs import AttrsInstance

from zjopen import model
from zjopen._article_checks import compiled, unchecked_new

__all__ = ["evolve", "made_metric", "unchecked"]

T = TypeVar("T", bound=AttrsInstance)

_set = object.__setattr__


def evolve(inst: T, **changes: Any) -> T:
    """``attrs.evolve(inst, **changes)`` for a frozen, slotted attrs record, faster."""
    made = _evolver(type(inst), tuple(changes))
    if made is None:  # an unknown name (the same error) or a converter it leaves to attrs
        return attrs.evolve(inst, **changes)  # type: ignore[misc]
    return made(inst, changes)  # type: ignore[no-any-return]


@cache
def _evolver(cls: type, names: tuple[str, ...]) -> Any:
    """A function written for ``cls`` and the fields ``names`` change, which does what
    ``attrs.evolve`` does for them, without its loops (``new(inst, changes)``); None when
    a name is no field (``attrs.evolve`` raises) or a converter is an ``attrs.Converter``
    (not used by the model: left to ``attrs.evolve``)."""
    fields = attrs.fields(cls)
    by_alias = {a.alias: a for a in fields if a.init}
    if any(name not in by_alias for name in names):
        return None
    changed = [a for a in fields if a.init and a.alias in names]  # in the fields' order
    if any(isinstance(a.converter, attrs.Converter) for a in changed):
        return None
    namespace: dict[str, Any] = {"new_object": object.__new__, "cls": cls, "set_": _set}
    lines = ["def evolve(inst, changes):"]
    # Converted, then validated, in the order of the fields, as attrs' __init__ does.
    for n, a in enumerate(changed):
        lines.append(f"    v{n} = changes[{a.alias!r}]")
        if a.converter is not None:
            namespace[f"convert{n}"] = a.converter
            lines.append(f"    v{n} = convert{n}(v{n})")
    lines.append("    new = new_object(cls)")
    index = {a.name: n for n, a in enumerate(changed)}
    for k, a in enumerate(fields):
        value = f"v{index[a.name]}" if a.name in index else f"inst.{a.name}"
        slot = cls.__dict__.get(a.name)
        if isinstance(slot, MemberDescriptorType):  # a slot: its own setter is faster
            namespace[f"set{k}"] = slot.__set__
            lines.append(f"    set{k}(new, {value})")
        else:
            lines.append(f"    set_(new, {a.name!r}, {value})")
    for n, a in enumerate(changed):
        if a.validator is not None:
            namespace[f"validate{n}"] = a.validator
            namespace[f"attribute{n}"] = a
            lines.append(f"    validate{n}(new, attribute{n}, v{n})")
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        namespace["post_init"] = post_init
        lines.append("    post_init(new)")
    lines.append("    return new")
    exec(compiled("\n".join(lines)), namespace)  # noqa: S102 - field names of our own classes
    return namespace["evolve"]


def unchecked(cls: type) -> Any:
    """A constructor of the record ``cls`` of :mod:`zjopen.model` (the keyword arguments
    of its ``__init__``) for values right by construction: the fields are converted and
    set as ``__init__`` does (optional text ``None`` when blank, else shared; years
    shared; default ids made), without the validators, and the caller vouches that each
    value is valid and of its field's type (an enum member, a tuple, a finite Decimal, a
    known unit, a region code, a name not blank). The record is equal to the one
    ``cls(...)`` makes, with the same shared objects (``tests/test_unchecked_records.py``)."""
    return unchecked_new(cls, **model._WRITTEN)


# Typed as the classes themselves: the same keyword arguments, checked by mypy.
if TYPE_CHECKING:
    made_metric = model.Metric
    made_enterprise = model.Enterprise
    made_platform = model.Platform
    made_initiative = model.Initiative
else:
    made_metric = unchecked(model.Metric)
    made_enterprise = unchecked(model.Enterprise)
    made_platform = unchecked(model.Platform)
    made_initiative = unchecked(model.Initiative)
