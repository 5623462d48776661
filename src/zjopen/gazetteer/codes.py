"""Region codes as records carry them: what a code means, what contains it, and the code
a user's region argument (a name, alias, code or :class:`Place`) names.

>>> sorted(lineage("330206"))
['330000', '330200', '330206', 'CN']
>>> canonical("330204"), canonical("330206"), canonical("ZZ")
('330212', '330206', 'ZZ')
>>> resolve("Ningbo"), resolve("北仑区"), resolve("330206")
('330200', '330206', '330206')
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cache

from zjopen.gazetteer.place import Place, find_code, get, lookup

__all__ = ["canonical", "display_name", "lineage", "path", "resolve"]


# The place a record's code means (retired codes and HK/MO/TW map to the current
# division), or None for a code the gazetteer does not know; records repeat codes a lot.
_place = cache(find_code)


@cache
def canonical(code: str) -> str:
    """The current code of the place ``code`` means; unknown codes stay as they are."""
    place = _place(code)
    return place.code if place is not None else code


@cache
def path(code: str) -> tuple[str, ...]:
    """The code, then the codes of every place containing it, nearest first.

    >>> path("330782"), path("HK"), path("ZZ")
    (('330782', '330700', '330000', 'CN'), ('HK', '810000', 'CN'), ('ZZ',))
    """
    place = _place(code)
    if place is None:
        return (code,)
    found = [code] if place.code == code else [code, place.code]
    found.extend(a.code for a in place.ancestors())
    return tuple(found)


@cache
def lineage(code: str) -> frozenset[str]:
    """:func:`path` as a set: a figure coded ``code`` lies within each of these."""
    return frozenset(path(code))


@cache
def display_name(code: str) -> str | None:
    """The gazetteer's English name of the place ``code`` means, or ``None``.

    >>> display_name("330206"), display_name("MX"), display_name("ZZ")
    ('Beilun', 'Mexico', None)
    """
    place = _place(code)
    return place.name if place is not None else None


def resolve(region: str | Place, known: Collection[str] | Callable[[], Collection[str]] = ()
            ) -> str:
    """The code a region argument names: a :class:`~zjopen.gazetteer.Place`, a code, a name or
    an alias. A code the gazetteer does not know is accepted when it is in ``known`` (the
    codes of the corpus, or a function listing them, called only then); anything else
    unknown raises :class:`~zjopen.errors.UnknownRegionError` with suggestions.

    >>> resolve("ZZ", known={"ZZ"})
    'ZZ'
    >>> try:
    ...     resolve("Ningpo")
    ... except LookupError as error:
    ...     print(error.suggestions)
    ('Ningbo',)
    """
    if isinstance(region, Place):
        return region.code
    text = region.strip()
    place = lookup(text)
    if place is not None:
        return place.code
    if text in (known() if callable(known) else known):
        return text
    return get(text).code
