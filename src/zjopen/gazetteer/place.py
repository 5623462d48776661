"""Places, and finding them: by code (current, retired, ``HK``/``MO``/``TW``) or by name.

The rows of ``data/generated/regions_cn.csv`` and ``data/generated/countries.csv`` are
read on first use and made into :class:`Place` objects on demand; the name index
(:mod:`.index`) is built on the first lookup by name. The package docstring
(:mod:`zjopen.gazetteer`) states the rules.
"""

from __future__ import annotations

import csv
import difflib
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import attrs

from zjopen.errors import UnknownRegionError
from zjopen.gazetteer.index import NameIndex, Row, build_index, rank
from zjopen.gazetteer.keys import norm, strip_type
from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon.load import data_bytes, paused_gc, read_data
from zjopen.model import RegionLevel

__all__ = [
    "Place",
    "cache_digest",
    "find_code",
    "get",
    "lookup",
    "lookup_all",
    "lookup_in",
    "names",
    "places",
]

_LEVELS = {level.value: level for level in RegionLevel}


@attrs.frozen
class Place:
    """A division of China or a country.

    ``code`` is a six-digit GB/T 2260 code, or an ISO 3166-1 alpha-2 code for a country
    (``"CN"`` is China itself, the parent of every province). ``name`` is the English name
    (pinyin for Chinese divisions), ``name_zh`` the full Chinese name (``None`` for
    countries), ``aliases`` other English spellings and forms.

    >>> p = get("Yiwu")
    >>> p.code, p.name, p.name_zh, p.level.value, p.parent_code
    ('330782', 'Yiwu', '义乌市', 'county_city', '330700')
    >>> "Yiwu City" in p.aliases
    True
    """

    code: str
    name: str
    name_zh: str | None
    level: RegionLevel
    parent_code: str | None
    aliases: tuple[str, ...] = attrs.field(default=(), repr=False)
    ambiguous: bool = False

    @property
    def parent(self) -> Place | None:
        """The place directly above this one (``None`` for countries).

        >>> get("Zhejiang").parent.name
        'China'
        """
        if self.parent_code is None:
            return None
        return _table().find(self.parent_code)

    def ancestors(self) -> tuple[Place, ...]:
        """Every place above this one, nearest first, ending at the country.

        >>> [p.name for p in get("Yiwu").ancestors()]
        ['Jinhua', 'Zhejiang', 'China']
        """
        out: list[Place] = []
        place = self.parent
        while place is not None:
            out.append(place)
            place = place.parent
        return tuple(out)

    def children(self) -> tuple[Place, ...]:
        """The places directly below this one, by code.

        >>> len(get("Zhejiang").children()), len(get("Ningbo").children())
        (11, 10)
        """
        table = _table()
        return tuple(table.place(c) for c in table.children.get(self.code, ()))

    def descendants(self) -> tuple[Place, ...]:
        """Every place below this one (children, grandchildren ...), by code.

        >>> len(get("Zhejiang").descendants())
        101
        """
        out: list[Place] = []
        stack = list(self.children())
        while stack:
            place = stack.pop()
            out.append(place)
            stack.extend(place.children())
        return tuple(sorted(out, key=lambda p: p.code))

    def contains(self, other: Place | str) -> bool:
        """Whether ``other`` is this place or lies within it.

        ``other`` may be a :class:`Place` or anything :func:`get` accepts (an unknown name
        raises :class:`~zjopen.errors.UnknownRegionError`).

        >>> get("Ningbo").contains("Beilun"), get("Ningbo").contains("Ningbo")
        (True, True)
        >>> get("Beilun").contains("Ningbo")
        False
        """
        place = other if isinstance(other, Place) else get(other)
        if place.code == self.code:
            return True
        return any(a.code == self.code for a in place.ancestors())


class _Table:
    """The rows of both CSV files by code, and the hierarchy; Places are made on demand."""

    __slots__ = ("alt_codes", "children", "made", "order", "rows")

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}
        self.made: dict[str, Place] = {}
        self.alt_codes: dict[str, str] = {}  # retired codes, HK/MO/TW -> current code
        self.children: dict[str, list[str]] = {}
        self.order: list[str] = []  # China's divisions by code, then the countries

    def find(self, code: str) -> Place | None:
        place = self.made.get(code)
        if place is None:
            row = self.rows.get(code)
            if row is None:
                return None
            code, name, name_zh, level, parent, aliases, ambiguous, _, _ = row
            place = Place(
                code,
                name,
                name_zh,
                _LEVELS[level],
                parent,
                tuple(aliases.split("|")) if aliases else (),
                ambiguous,
            )
            self.made[code] = place
        return place

    def place(self, code: str) -> Place:
        place = self.find(code)
        if place is None:  # pragma: no cover - the build checks every parent exists
            raise KeyError(code)
        return place


_FILES = ("generated/regions_cn.csv", "generated/countries.csv")
_CODE = ("place.py", "index.py", "keys.py", "chinese.py")  # what makes the table and index


@cache
def _texts() -> tuple[str, ...]:
    return tuple(read_data(name) for name in _FILES)


def _read(text: str) -> list[list[str]]:
    return list(csv.reader(text.splitlines()))[1:]


@cache
def _cache_file() -> Path | None:
    """The user cache's file of the table and name index of these files, made by this
    code (:mod:`zjopen.lexicon._user_cache`)."""
    try:
        code = user_cache.source(__file__, *_CODE)
    except OSError:  # pragma: no cover - a package without its sources
        return None
    return user_cache.file("gazetteer", [*code, *(data_bytes(name) for name in _FILES)])


def cache_digest() -> bytes | None:
    """What names the user cache's file of the gazetteer (a digest of the code and data
    that made it), for the cache files of what is made from the gazetteer; None when
    there is no cache."""
    path = _cache_file()
    return None if path is None else path.name.encode()


@cache
def _stored() -> tuple[Any, ...] | None:
    """The table's parts and the name index's, from the user cache, or None."""
    path = _cache_file()
    if path is None:
        return None
    with paused_gc():
        stored = user_cache.read(path)
    return (stored if isinstance(stored, tuple) and len(stored) == 7
            and isinstance(stored[6], bytes) else None)


@cache
def _table() -> _Table:
    """Parse both CSV files (the name index is built later, by _index)."""
    stored = _stored()
    if stored is not None:
        table = _Table()
        table.rows, table.alt_codes, table.order, table.children = stored[:4]
        return table
    with paused_gc():
        return _load_table()


def _load_table() -> _Table:
    table = _Table()
    rows = table.rows
    alt_codes = table.alt_codes
    chinese_text, countries_text = _texts()
    for code, level, parent, name, name_zh, aliases, retired, ambiguous in _read(chinese_text):
        order = rank(code, level)
        rows[code] = (code, name, name_zh, level, parent, aliases, ambiguous == "1", "", order)
        if retired:
            for old in retired.split("|"):
                alt_codes[old] = code
    for code, name, aliases, demonyms in _read(countries_text):
        rows[code] = (
            code,
            name,
            None,
            "country",
            None,
            aliases,
            False,
            demonyms,
            rank(code, "country"),
        )
    table.order = list(rows)
    children = table.children
    for row in rows.values():
        if row[4] is not None:
            children.setdefault(row[4], []).append(row[0])
    return table


@cache
def _index() -> NameIndex:
    """Build the name index (on the first lookup by name), or read it from the user
    cache, where a process that may write there (the command line's) leaves it."""
    stored = _stored()
    if stored is not None:
        return NameIndex.with_packed(*stored[4:])
    table = _table()
    with paused_gc():
        index = build_index(table.rows.values())
    path = _cache_file() if user_cache.saving() else None
    if path is not None:
        user_cache.write(path, (table.rows, table.alt_codes, table.order, table.children,
                                index.best, index.others, index.packed()))
    return index


@cache
def _surfaces() -> dict[str, str]:
    return _index().surfaces()


def find_code(code: str) -> Place | None:
    """The place a code means (a current code, a retired one now mapped to a division, or
    ``HK``/``MO``/``TW``), or ``None``; names are not looked up.

    >>> find_code("330204").name, find_code("HK").code, find_code("Ningbo")
    ('Yinzhou', '810000', None)
    """
    table = _table()
    place = table.find(code)
    if place is None and code in table.alt_codes:
        place = table.find(table.alt_codes[code])
    return place


def lookup_all(name_or_code: str) -> tuple[Place, ...]:
    """Every place a name or code may mean, the preferred one first.

    >>> [p.code for p in lookup_all("Taizhou")]
    ['331000', '321200']
    >>> lookup_all("Atlantis")
    ()
    """
    return _lookup_all(name_or_code.strip())


@lru_cache(maxsize=8192)  # articles name the same places again and again
def _lookup_all(text: str) -> tuple[Place, ...]:
    place = find_code(text)
    if place is not None:
        return (place,)
    index = _index()
    key = norm(text)
    codes = index.codes(key)
    if not codes:
        stripped = strip_type(key)
        codes = index.codes(stripped) if stripped else []
    table = _table()
    return tuple(table.place(c) for c in codes)


def lookup(name_or_code: str) -> Place | None:
    """The place a name or code means, by the ambiguity rule; ``None`` if unknown.

    >>> lookup("Lin'an").code == lookup("linan district").code == lookup("临安").code
    True
    >>> lookup("Holland").name, lookup("HK").name
    ('Netherlands', 'Hong Kong')
    >>> lookup("Atlantis") is None
    True
    """
    found = _lookup_all(name_or_code.strip())  # (lookup_all, inlined: called often)
    return found[0] if found else None


def lookup_in(name: str, within: Place | str) -> Place | None:
    """The place called ``name`` inside ``within`` (or ``within`` itself), else ``None``.

    >>> lookup_in("Putuo", "Shanghai").code, lookup_in("Jiangbei", "Ningbo").code
    ('310107', '330205')
    >>> lookup_in("Yiwu", "Jiangsu") is None
    True
    """
    area = within if isinstance(within, Place) else get(within)
    for place in lookup_all(name):
        if area.contains(place):
            return place
    return None


def get(name_or_code: str) -> Place:
    """Like :func:`lookup`, but raise :class:`~zjopen.errors.UnknownRegionError` if unknown.

    The error's ``suggestions`` lists up to three close English names.

    >>> get("Ningbo City").code
    '330200'
    >>> try:
    ...     get("Ningpo")
    ... except LookupError as e:
    ...     print(e.suggestions[0])
    Ningbo
    """
    place = lookup(name_or_code)
    if place is not None:
        return place
    raise UnknownRegionError(name_or_code, suggest(name_or_code))


def suggest(name: str, most: int = 3) -> tuple[str, ...]:
    """The English names closest to ``name`` by edit distance over the whole word (the
    fewest letters changed), nearest first; only the nearest are given when some are
    one or two edits away.

    >>> suggest("Ningpo"), suggest("Hangzou"), suggest("Jiaxin")
    (('Ningbo',), ('Hangzhou',), ('Jiaxing', 'Jiayin'))
    """
    wanted = name.strip().casefold()
    names_cf = _display_names()
    # difflib narrows the field cheaply; the edit distance orders what is left.
    near = difflib.get_close_matches(wanted, names_cf, n=20, cutoff=0.6)
    ranks = _name_ranks()  # among equals, Zhejiang's places and higher levels first
    ranked = sorted((_edits(wanted, c), ranks[c], c) for c in near)
    if ranked and ranked[0][0] <= 2:
        ranked = [r for r in ranked if r[0] == ranked[0][0]]
    return tuple(names_cf[c] for _, _, c in ranked[:most])


def _edits(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@cache
def _display_names() -> dict[str, str]:
    return {row[1].casefold(): row[1] for row in _table().rows.values()}


@cache
def _name_ranks() -> dict[str, int]:
    ranks: dict[str, int] = {}
    for row in _table().rows.values():
        key = row[1].casefold()
        ranks[key] = min(ranks.get(key, row[8]), row[8])
    return ranks


@cache
def _places() -> tuple[Place, ...]:
    table = _table()
    return tuple(table.place(c) for c in table.order)


def places() -> tuple[Place, ...]:
    """Every place: China's divisions by code, then the countries by code.

    >>> ps = places()
    >>> sum(p.level.value == "province" for p in ps), sum(p.level.value == "country" for p in ps)
    (34, 246)
    """
    return _places()


def names() -> dict[str, str]:
    """Every surface form (names, aliases, demonyms, Chinese names) mapped to a code.

    A form that fits several places maps to the one :func:`lookup` prefers. Bare names of
    :attr:`Place.ambiguous` places ("She", "Guide") are included; callers matching free
    text should accept those only together with a type word.

    >>> n = names()
    >>> n["Beilun District"], n["宁波"], n["German"], n["the US"]
    ('330206', '330200', 'DE', 'US')
    """
    return dict(_surfaces())
