"""What the constructors of :mod:`zjopen.model` check and convert.

:func:`check_article`: the constructor of :class:`zjopen.model.Article` checks that every
span slices the text exactly, that metric ids are unique, and that every ``Metric.of``
names a metric of the article. The first fault found is raised as a :class:`ValueError`
naming its path.

The field checks and conversions of the records (``_check_name``, ``_blank_to_none`` ...;
those of the enums and codes are in the model), written for speed: a record is made tens
of thousands of times per megabyte of text. Each gives the value, and raises the error,
that its former, plainer form gave (``tests/test_model_fields.py`` compares them).

:func:`fast_init`: the records' ``__init__``, as attrs writes it but with the usual
values of their fields tested inline. :func:`compiled`: the code of the functions written
at run time (here and in :mod:`zjopen._evolve`), kept in the user's cache folder.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from types import CodeType, MemberDescriptorType
from typing import TYPE_CHECKING, Any

import attrs
from attr import _config

from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon.units import is_known_unit, unit_table

if TYPE_CHECKING:
    from zjopen.model import Article

__all__ = ["check_article", "compiled", "fast_init", "plain_init", "unchecked_new"]


def check_article(article: Article) -> None:
    """Raise :class:`ValueError` for the first fault of ``article``, if any."""
    text = article.text
    size = len(text)
    # Every span checked without its path, which is written only for the error.
    for records in (article.regions, article.enterprises, article.platforms,
                    article.initiatives):
        for record in records:
            for span in record.mentions:
                if span.end > size or text[span.start : span.end] != span.text:
                    _bad_span(article)
    metrics = article.metrics
    for metric in metrics:
        span = metric.span
        if span.end > size or text[span.start : span.end] != span.text:
            _bad_span(article)
    ids: set[str] = set()
    for n, metric in enumerate(metrics):
        if metric.id in ids:
            raise ValueError(f"metrics[{n}]: duplicate metric id {metric.id!r}")
        ids.add(metric.id)
    for n, metric in enumerate(metrics):
        if metric.of is not None and metric.of not in ids:
            raise ValueError(f"metrics[{n}].of: no metric has id {metric.of!r}")


def _bad_span(article: Article) -> None:
    """Raise the error of the first span that does not slice the text exactly."""
    text = article.text
    for path, span in article.spans():
        if span.end > len(text) or text[span.start : span.end] != span.text:
            raise ValueError(f"{path}: span {span.start}..{span.end} {span.text!r} does not "
                             f"match the article text")


def _check_name(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _check_finite(_inst: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    if value is not None and not value.is_finite():
        raise ValueError(f"{attribute.name} must be a finite number, not {value}")


_SHARED_LENGTH = 48
"""Strings of records at most this long are shared (:func:`sys.intern`): a large
article repeats its place names, indicators and figures' words thousands of times, and
one string each saves some 50 bytes a use (long texts are left alone)."""


def _shared(value: str) -> str:
    """``value``, or the equal string already in use."""
    if type(value) is str and len(value) <= _SHARED_LENGTH:
        return sys.intern(value)
    return value


def _blank_to_none(value: str | None) -> str | None:
    """Optional text is ``None`` rather than empty (and shared, see :func:`_shared`)."""
    if value is None or not value.strip():
        return None
    if type(value) is str and len(value) <= _SHARED_LENGTH:  # (_shared, inlined)
        return sys.intern(value)
    return value


def _check_start(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    """``attrs.validators.ge(0)``, its message too, without its call of a compare function."""
    if not value >= 0:
        raise ValueError(f"'{attribute.name}' must be >= 0: {value}")


_YEARS: dict[int, int] = {}


def _shared_year(value: int | None) -> int | None:
    """A year, the same int object for every record of that year (ints above 256 are
    otherwise one object each); only years of four digits are kept."""
    if type(value) is int and 1000 <= value <= 9999:
        return _YEARS.setdefault(value, value)
    return value


def _check_unit(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not is_known_unit(value):
        raise ValueError(f"unknown unit {value!r} (see zjopen.units())")

# The compiled code of the functions written here and in zjopen._evolve, kept across runs.
#
# Compiling the source of a function is Python's parser and compiler at work, some
# milliseconds for the fifteen functions a command-line run writes; reading back their
# code objects (``marshal``) takes a few hundredths of that. :func:`compiled` gives the
# code object of a source: ``compile(source, "<string>", "exec")``, the very code
# ``exec(source)`` runs, from the cache file when it holds that source. The file
# (``code-*.bin`` in the user's cache folder, a zjopen.lexicon._user_cache.CacheFile) is
# made for one Python version and this module's code; it is written at exit, only by a
# process that may write its cache files (the command line), and only when the run
# compiled a source it did not hold.
_CODES = user_cache.CacheFile("code", lambda: user_cache.source(__file__, "_article_checks.py"),
                              max_entries=1000, max_bytes=8_000_000)


def compiled(source: str) -> CodeType:
    """``compile(source, "<string>", "exec")``, from the cache when it holds it."""
    code = _CODES.get(source)
    if type(code) is not CodeType:
        code = compile(source, "<string>", "exec")
        _CODES.add(source, code)
    return code


# The records' constructors.
#
# attrs writes each record's ``__init__``: it sets every field, calling each field's
# converter, then calls each field's validator. A record is made thousands of times per
# megabyte of text (a figure, a place mention), and most of its fields take their usual
# values (``None``, a member of the enum, a known unit), for which a converter returns
# its argument and a validator returns. :func:`fast_init` writes the same ``__init__``
# with those usual cases tested inline: a field's converter or validator is called only
# when its value is not one of them. The fields are set in the same order, the
# converters and validators run in the same order on the same values, and a bad value
# reaches the same function: the same record, or the same error with the same message
# (``tests/test_model_fields.py`` and ``tests/test_record_init.py`` compare them).


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
    namespace = _init_namespace()
    args, body, checks = _init_lines(cls, namespace, enums=enums, copies=copies, codes=codes,
                                     factories=factories)
    lines = [f"def __init__(self, *, {', '.join(args)}):", *body]
    if checks:
        lines.append("    if config._run_validators is True:")
        lines.extend(checks)
    if getattr(cls, "__attrs_post_init__", None) is not None:
        lines.append("    self.__attrs_post_init__()")
    return _written_init(cls, lines, namespace)


def unchecked_new(cls: type, *, enums: Mapping[Any, type], copies: Collection[Any] = (),
                  codes: tuple[Any, set[str]] | None = None,
                  factories: Mapping[Any, str] | None = None) -> Callable[..., Any]:
    """A constructor of ``cls`` (the keyword arguments of its ``__init__``; the arguments
    here are :func:`fast_init`'s) for values right by construction: the fields are
    converted and set as :func:`fast_init`'s ``__init__`` sets them, but no validator
    runs; the caller vouches that each value is valid. A class with post-init checks has
    none (they would be skipped too)."""
    if getattr(cls, "__attrs_post_init__", None) is not None:
        raise TypeError(f"{cls.__name__}: a class with post-init checks")
    namespace = _init_namespace()
    namespace.update(new_object=object.__new__, cls=cls)
    args, body, _ = _init_lines(cls, namespace, enums=enums, copies=copies, codes=codes,
                                factories=factories)
    lines = [f"def made(*, {', '.join(args)}):", "    self = new_object(cls)", *body,
             "    return self"]
    exec(compiled("\n".join(lines)), namespace)  # noqa: S102 - field names of our own classes
    made: Callable[..., Any] = namespace["made"]
    return made


def _init_namespace() -> dict[str, Any]:
    return {"set_": object.__setattr__, "config": _config, "NOTHING": attrs.NOTHING,
            "Decimal": Decimal, "unit_table": unit_table, "str_": str, "int_": int,
            "tuple_": tuple, "intern": sys.intern}


def _init_lines(cls: type, namespace: dict[str, Any], *, enums: Mapping[Any, type],
                copies: Collection[Any], codes: tuple[Any, set[str]] | None,
                factories: Mapping[Any, str] | None) -> tuple[list[str], list[str], list[str]]:
    """The arguments of a written ``__init__`` of ``cls``, the lines that convert and set
    each field of ``self``, and the lines that check them (names put in ``namespace``)."""
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
            elif converter is _shared_year:  # (its body, written out)
                namespace["years"] = _YEARS
                value = (f"None if {value} is None else years.setdefault({value}, {value}) "
                         f"if type({value}) is int_ and 1000 <= {value} <= 9999 else {value}")
            else:
                value = f"convert{n}({value})"
            body.append(f"    v{n} = {value}")
            value = f"v{n}"
        slot = cls.__dict__.get(name)
        if isinstance(slot, MemberDescriptorType):  # a slot: its own setter is faster
            namespace[f"set{n}"] = slot.__set__
            body.append(f"    set{n}(self, {value})")
        else:
            body.append(f"    set_(self, {name!r}, {value})")
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
    return args, body, checks


def plain_init(cls: type) -> Callable[..., None]:
    """An ``__init__`` for the frozen, slotted attrs class ``cls`` of fields with no
    converter, validator or factory (the finders' own small records: a number found, a
    time cue), equal to the one attrs wrote: the same signature, each field set through
    its slot's own setter (attrs' sets each through ``object.__setattr__`` by name)."""
    fields = attrs.fields(cls)
    if any(a.converter is not None or a.validator is not None or not a.init
           or isinstance(a.default, attrs.Factory)  # type: ignore[arg-type]
           or not isinstance(cls.__dict__.get(a.name), MemberDescriptorType)
           for a in fields) or getattr(cls, "__attrs_post_init__", None) is not None:
        raise TypeError(f"{cls.__name__}: only slotted fields with no converter, "
                        "validator or factory")
    namespace: dict[str, Any] = {}
    args: list[str] = []
    keywords: list[str] = []
    body = []
    for n, a in enumerate(fields):
        if a.default is attrs.NOTHING:
            arg = a.alias
        else:
            namespace[f"default{n}"] = a.default
            arg = f"{a.alias}=default{n}"
        (keywords if a.kw_only else args).append(arg)
        namespace[f"set{n}"] = cls.__dict__[a.name].__set__
        body.append(f"    set{n}(self, {a.alias})")
    if keywords:
        args += ["*", *keywords]
    return _written_init(cls, [f"def __init__(self, {', '.join(args)}):", *body], namespace)


def _written_init(cls: type, lines: list[str], namespace: dict[str, Any]) -> Callable[..., None]:
    """The ``__init__`` whose source is ``lines`` (names from ``namespace``), with the
    name, module, annotations and docstring of the one attrs wrote for ``cls``."""
    exec(compiled("\n".join(lines)), namespace)  # noqa: S102 - field names of our own classes
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    written = cls.__dict__["__init__"]  # attrs' own
    init.__annotations__ = dict(written.__annotations__)
    init.__doc__ = written.__doc__
    return init
