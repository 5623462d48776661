"""A record with one field changed, made faster than :func:`zjopen._evolve.evolve` makes
it: the linker gives each figure its subject (a region, a company or a platform), one new
Metric of twenty fields per figure.

A frozen class's ``__setattr__`` raises, so ``evolve`` sets each field of the new record
through its slot's own setter: a call per field, most of the cost. Here the new record is
made as an instance of a subclass that adds no slot and has ``object``'s
``__setattr__`` and ``__delattr__``: each field is a plain attribute store, which the
interpreter specialises to a store in the slot, and the record is then given its own
class (the layout is the same). The result is equal to ``evolve``'s, of the same class,
with the same objects in its fields; the changed field is converted and validated as
``evolve`` does, and a bad value raises the same error
(``tests/test_link_rebuild.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any

import attrs

from zjopen._article_checks import compiled
from zjopen._evolve import evolve

__all__ = ["fast_evolver"]


_DRAFTS: dict[type, type] = {}
"""Each class's subclass that a new record is made as (one per class)."""


def fast_evolver(cls: type, *names: str) -> Callable[..., Any]:
    """A function ``new(inst, *values)`` giving ``evolve(inst, **dict(zip(names,
    values)))`` for an instance of ``cls`` (a frozen, slotted attrs class); an instance
    of a subclass of it is left to ``evolve``."""
    fields = attrs.fields(cls)
    by_name = {a.name: a for a in fields if a.init and a.alias == a.name}
    if (not names or len(set(names)) < len(names)
            or any(name not in by_name or isinstance(by_name[name].converter, attrs.Converter)
                   for name in names)
            or not all(isinstance(cls.__dict__.get(a.name), MemberDescriptorType)
                       for a in fields)):
        raise TypeError(f"{cls.__name__}: {names} are no fields of a slotted class that "
                        "the fast evolver handles")
    draft = _DRAFTS.get(cls)
    if draft is None:
        draft = _DRAFTS[cls] = type(f"_Draft{cls.__name__}", (cls,), {
            "__slots__": (), "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__, "__module__": __name__})
    namespace: dict[str, Any] = {"new_object": object.__new__, "draft": draft, "cls": cls,
                                 "evolve_": evolve}
    values = {name: f"value{n}" for n, name in enumerate(names)}
    changed = [a for a in fields if a.name in values]  # (converted and checked in this order)
    lines = [f"def evolve(inst, {', '.join(values.values())}):",
             "    if type(inst) is not cls:",
             f"        return evolve_(inst, {', '.join(f'{k}={v}' for k, v in values.items())})"]
    for n, a in enumerate(changed):
        if a.converter is not None:
            namespace[f"convert{n}"] = a.converter
            lines.append(f"    {values[a.name]} = convert{n}({values[a.name]})")
    lines.append("    new = new_object(draft)")
    lines.extend(f"    new.{a.name} = {values.get(a.name) or f'inst.{a.name}'}" for a in fields)
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
    made: Callable[..., Any] = namespace["evolve"]
    return made
