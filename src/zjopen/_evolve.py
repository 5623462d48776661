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

__all__ = ["evolve", "evolver", "made_metric", "unchecked"]

T = TypeVar("T", bound=AttrsInstance)

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
    values = {a.name: f"v{n}" for n, a in enumerate(changed)}
    head = ["def evolve(inst, changes):",
            *(f"    {values[a.name]} = changes[{a.alias!r}]" for a in changed)]
    return _written(cls, head, changed, values)


def evolver(cls: type, *names: str) -> Any:
    """A function ``new(inst, *values)`` giving ``evolve(inst, **dict(zip(names,
    values)))`` for an instance of ``cls`` (a slotted attrs record; ``names`` fields set
    by their own names), without building the dictionary of changes: for a hot path that
    changes the same fields of every record (the linker's figure subjects and merges).
    An instance of a subclass of ``cls`` is left to :func:`evolve`."""
    fields = attrs.fields(cls)
    by_name = {a.name: a for a in fields if a.init and a.alias == a.name}
    if (not names or len(set(names)) < len(names)
            or any(name not in by_name or isinstance(by_name[name].converter, attrs.Converter)
                   for name in names)
            or not all(isinstance(cls.__dict__.get(a.name), MemberDescriptorType)
                       for a in fields)):
        raise TypeError(f"{cls.__name__}: {names} are no fields of a slotted class that "
                        "the fast evolver handles")
    values = {name: f"value{n}" for n, name in enumerate(names)}
    changed = [a for a in fields if a.name in values]  # (converted and checked in this order)
    head = [f"def evolve(inst, {', '.join(values.values())}):",
            "    if type(inst) is not cls:",
            f"        return evolve_(inst, {', '.join(f'{k}={v}' for k, v in values.items())})"]
    return _written(cls, head, changed, values)


_DRAFTS: dict[type, type] = {}
"""Each class's subclass that a new record is made as (one per class)."""


def _written(cls: type, head: list[str], changed: list[Any], values: dict[str, str]) -> Any:
    """The function whose first lines are ``head`` (which bind the ``changed`` fields'
    new values to the names ``values`` gives), written for ``cls``: the changed values
    converted, then every field stored, then the changed values validated, in the order
    of the fields, as attrs' ``__init__`` does; then ``__attrs_post_init__``.

    A frozen class's ``__setattr__`` raises, so each field would be set through its
    slot's own setter, a call per field. The new record is made instead as an instance of
    a subclass that adds no slot and has ``object``'s ``__setattr__`` and
    ``__delattr__``: each field is a plain attribute store, which the interpreter
    specialises to a store in the slot, and the record is then given its own class (the
    layout is the same): a Metric of twenty fields in about a third of the work."""
    draft = _DRAFTS.get(cls)
    if draft is None:
        draft = _DRAFTS[cls] = type(f"_Draft{cls.__name__}", (cls,), {
            "__slots__": (), "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__, "__module__": __name__})
    namespace: dict[str, Any] = {"new_object": object.__new__, "draft": draft, "cls": cls,
                                 "evolve_": evolve}
    lines = list(head)
    for n, a in enumerate(changed):
        if a.converter is not None:
            namespace[f"convert{n}"] = a.converter
            lines.append(f"    {values[a.name]} = convert{n}({values[a.name]})")
    lines.append("    new = new_object(draft)")
    lines.extend(f"    new.{a.name} = {values.get(a.name) or f'inst.{a.name}'}"
                 for a in attrs.fields(cls))
    lines.append("    new.__class__ = cls")
    for n, a in enumerate(changed):
        if a.validator is not None:
            namespace[f"validate{n}"], namespace[f"attribute{n}"] = a.validator, a
            lines.append(f"    validate{n}(new, attribute{n}, {values[a.name]})")
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
