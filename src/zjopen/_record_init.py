"""Faster constructors for the records of :mod:`zjopen.model`.

attrs writes each record's ``__init__``: it sets every field, calling each field's
converter, then calls each field's validator. A record is made thousands of times per
megabyte of text (a figure, a place mention), and most of its fields take their usual
values (``None``, a member of the enum, a known unit), for which a converter returns its
argument and a validator returns. :func:`fast_init` writes the same ``__init__`` with
those usual cases tested inline: a field's converter or validator is called only when
its value is not one of them. The fields are set in the same order, the converters and
validators run in the same order on the same values, and a bad value reaches the same
function: the same record, or the same error with the same message
(``tests/test_model_fields.py`` and ``tests/test_record_init.py`` compare them).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from typing import Any

import attrs
from attr import _config

from zjopen._article_checks import (
    _SHARED_LENGTH,
    _blank_to_none,
    _check_finite,
    _check_name,
    _check_unit,
    _shared_year,
)
from zjopen.lexicon.units import unit_table

__all__ = ["fast_init"]


def fast_init(cls: type, *, enums: Mapping[Any, type], copies: Collection[Any] = (),
              codes: tuple[Any, set[str]] | None = None,
              factories: Mapping[Any, str] | None = None) -> Callable[..., None]:
    """An ``__init__`` for the attrs class ``cls`` equal to the one attrs wrote.

    ``enums`` maps each enum converter (``value if type(value) is E else E(value)``) to
    its enum ``E``; ``copies`` are the converters that are ``tuple(values)``; ``codes`` is
    the region code validator with the set of codes it has found good already;
    ``factories`` maps a factory of a default to the expression it computes (of the
    fields before it), written inline.
    """
    namespace: dict[str, Any] = {"set_": object.__setattr__, "config": _config,
                                 "NOTHING": attrs.NOTHING, "Decimal": Decimal,
                                 "unit_table": unit_table, "str_": str, "int_": int,
                                 "tuple_": tuple, "intern": sys.intern}
    fields = attrs.fields(cls)
    if not all(a.kw_only and a.init for a in fields):
        raise TypeError(f"{cls.__name__}: only classes of keyword-only fields")
    args = []
    body = []
    checks = []
    for n, a in enumerate(fields):
        name = a.name
        if a.default is attrs.NOTHING:
            args.append(a.alias)
            value = a.alias
        elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"factory{n}"] = a.default.factory
            args.append(f"{a.alias}=NOTHING")
            body.append(f"    if {a.alias} is NOTHING:")
            made = f"factory{n}(self)" if a.default.takes_self else f"factory{n}()"
            made = (factories or {}).get(a.default.factory, made)
            body.append(f"        {a.alias} = {made}")
            value = a.alias
        else:
            namespace[f"default{n}"] = a.default
            args.append(f"{a.alias}=default{n}")
            value = a.alias
        converter = a.converter
        if converter is not None:
            namespace[f"convert{n}"] = converter
            if converter in enums:
                namespace[f"enum{n}"] = enums[converter]
                value = f"{value} if type({value}) is enum{n} else convert{n}({value})"
            elif converter in copies:
                value = f"{value} if type({value}) is tuple_ else convert{n}({value})"
            elif converter is _blank_to_none:  # (its body, written out)
                value = (f"None if {value} is None or not {value}.strip() else "
                         f"intern({value}) if type({value}) is str_ and len({value}) <= "
                         f"{_SHARED_LENGTH} else {value}")
            elif converter is _shared_year:
                value = f"None if {value} is None else convert{n}({value})"
            else:
                value = f"convert{n}({value})"
            body.append(f"    v{n} = {value}")
            value = f"v{n}"
        namespace[f"set{n}"] = cls.__dict__[name].__set__  # the slot's own setter
        body.append(f"    set{n}(self, {value})")
        validator = a.validator
        if validator is not None:
            namespace[f"validate{n}"] = validator
            namespace[f"field{n}"] = a
            got = value
            call = f"validate{n}(self, field{n}, {got})"
            if validator is _check_finite:
                test = (f"{got} is not None"
                        f" and (type({got}) is not Decimal or not {got}.is_finite())")
            elif validator is _check_name:
                test = f"type({got}) is not str_ or not {got}.strip()"
            elif validator is _check_unit:
                test = f"type({got}) is not str_ or {got} not in unit_table()"
            elif codes is not None and validator is codes[0]:
                namespace["good_codes"] = codes[1]
                test = f"{got} is not None and (type({got}) is not str_ or {got} not in good_codes)"
            else:
                test = ""
            if test:
                checks.append(f"        if {test}:")
                checks.append(f"            {call}")
            else:
                checks.append(f"        {call}")
    lines = [f"def __init__(self, *, {', '.join(args)}):", *body]
    if checks:
        lines.append("    if config._run_validators is True:")
        lines.extend(checks)
    if getattr(cls, "__attrs_post_init__", None) is not None:
        lines.append("    self.__attrs_post_init__()")
    exec("\n".join(lines), namespace)  # noqa: S102 - field names of our own classes
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    written = cls.__dict__["__init__"]  # attrs' own
    init.__annotations__ = dict(written.__annotations__)
    init.__doc__ = written.__doc__
    return init
