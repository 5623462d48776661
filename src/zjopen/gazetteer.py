"""The region gazetteer: every division of China down to county level, and every country.

China's 34 province-level, 333 prefecture-level and ~2,850 county-level divisions come
from ``data/regions_cn.csv`` (current GB/T 2260 codes), the countries from
``data/countries.csv`` (ISO 3166-1 alpha-2 codes). Both are built by
``scripts/build_gazetteer.py`` and loaded on first use.

Every entry is a :class:`Place`. Look places up by code, English name or alias, or
Chinese name:

>>> lookup("Beilun").code
'330206'
>>> lookup("北仑区") == lookup("Beilun District") == lookup("330206")
True
>>> [p.code for p in get("Beilun").ancestors()]
['330200', '330000', 'CN']
>>> get("Ningbo").contains("Beilun"), get("Jiangsu").contains("Yiwu")
(True, False)

**Codes.** Current six-digit codes, retired codes that now map to a division
(``lookup("330204")`` is Yinzhou, into which Jiangdong was merged in 2016), ISO alpha-2
country codes (upper case) and ``HK``/``MO``/``TW``, which resolve to the provinces
810000, 820000 and 710000.

**Names** match case-insensitively, ignoring spaces, apostrophes, hyphens, full stops and
diacritics ("Xi'an" = "xian", "U.S." = "US"), a leading "the", and a trailing type word
("district", "city", "county", "province", "prefecture", "banner" ...). Chinese names match
with or without their type word ("宁波", "宁波市").

**Ambiguity rule.** When a name fits several places, :func:`lookup` prefers (1) a place in
Zhejiang (code starting ``33``), then (2) the higher level (country, then province, then
prefecture, then county level), then (3) the lower code. So "Taizhou" is 331000 in
Zhejiang, not 321200 in Jiangsu, and "Putuo" is 330903 in Zhoushan, not 310107 in Shanghai.
:func:`lookup_all` returns every candidate in that order, and :func:`lookup_in` resolves a
name among the descendants of a place:

>>> lookup("Taizhou").code, lookup("Putuo").code
('331000', '330903')
>>> [p.code for p in lookup_all("Putuo")]
['330903', '310107']
>>> lookup_in("Putuo", "Shanghai").code
'310107'

Places whose English name is three letters or shorter, a single syllable, or an English
word (``She``, ``Kang``, ``Guide``) are marked :attr:`Place.ambiguous`; an extractor should
accept them only with a type word ("She County").
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from functools import cache, lru_cache
from operator import itemgetter

import attrs

from zjopen.errors import UnknownRegionError
from zjopen.lexicon.load import paused_gc, read_data
from zjopen.model import RegionLevel

__all__ = ["Place", "get", "lookup", "lookup_all", "lookup_in", "names", "places"]

_LEVELS = {level.value: level for level in RegionLevel}
_LEVEL_RANK = {"country": 0, "province": 1, "prefecture": 2}  # then county level: 3


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


# Normalisation of names into lookup keys (see _norm): drop spaces and punctuation.
_PUNCT = "".join(chr(c) for c in range(128) if not chr(c).isalnum()) + "\u00a0’‘“”‐‑–—·•、，。（）"
_DROP_TABLE = str.maketrans("", "", _PUNCT.replace("\n", ""))
_RE_THE = re.compile(r"^the[^\S\n]+", re.MULTILINE)  # a leading "the " on each line
_RE_COMBINING = re.compile(r"[\u0300-\u036f]+")
_RE_NON_WORD = re.compile(r"[\W_]+")

# Type words ignored at the end of a name when it is not found as given.
_TYPE_WORDS = tuple(
    re.sub(r"[\W_]+", "", w)
    for w in (
        "special administrative region",
        "autonomous region",
        "autonomous prefecture",
        "autonomous county",
        "autonomous banner",
        "county-level city",
        "forestry district",
        "special district",
        "new area",
        "municipality",
        "prefecture",
        "province",
        "district",
        "county",
        "banner",
        "league",
        "region",
        "city",
        "sar",
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "地区",
        "省",
        "市",
        "区",
        "县",
        "旗",
        "盟",
    )
)

# Chinese short forms: the name without its type word and ethnic qualifiers.
_ZH_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|区|县|旗|盟)$")
_ETHNIC_GROUPS = (  # the 56 ethnic groups and 各 (various), longest first
    "乌孜别克", "柯尔克孜", "维吾尔", "哈萨克", "达斡尔", "俄罗斯", "鄂温克", "鄂伦春",
    "塔吉克", "塔塔尔", "土家", "布依", "朝鲜", "哈尼", "傈僳", "高山", "拉祜", "东乡",
    "纳西", "景颇", "仫佬", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺", "蒙古", "汉", "回",
    "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土",
    "羌", "怒", "京", "各",
)  # fmt: skip
_WITHOUT_ZU = {"蒙古", "维吾尔", "哈萨克", "柯尔克孜", "锡伯", "鄂伦春", "塔吉克"}
_RE_ETHNIC = re.compile(
    "(?:" + "|".join(g + ("族?" if g in _WITHOUT_ZU else "族") for g in _ETHNIC_GROUPS) + ")$"
)


def _norm(text: str) -> str:
    """The lookup key: case-folded, without punctuation, spaces, diacritics or "the".

    >>> _norm("the U.S."), _norm("Xi'an"), _norm("Türkiye"), _norm("Beilun  District")
    ('us', 'xian', 'turkiye', 'beilundistrict')
    """
    text = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    text = _RE_THE.sub("", _RE_COMBINING.sub("", text))
    return _RE_NON_WORD.sub("", text.translate(_DROP_TABLE))


def _strip_type(key: str) -> str | None:
    for word in _TYPE_WORDS:
        if key.endswith(word) and len(key) > len(word):
            return key[: -len(word)]
    return None


def _zh_short(name_zh: str, level: str, aliases: str) -> str | None:
    """The Chinese name without its type word: 宁波市 -> 宁波, 景宁畲族自治县 -> 景宁."""
    zh = name_zh
    if zh[-1] in "市县区旗盟省" and zh[-2] not in "地治新林特政族" and len(zh) > 2:
        return zh[:-1]  # the common case: 宁波市, 北仑区
    if level == "other" or (zh.endswith("新区") and " New Area" in aliases):
        base, suffix = zh[:-2], zh[-2:]  # 林区, 特区, 新区
    else:
        m = _ZH_SUFFIX.search(zh)
        if m is None:
            return None
        base, suffix = zh[: m.start()], m.group(1)
    if suffix.startswith("自治") or (suffix == "区" and base.endswith("族")):
        while (m := _RE_ETHNIC.search(base)) is not None and m.start() > 0:
            base = base[: m.start()]
        if base.endswith("族") and base[:-1] in _ETHNIC_GROUPS:  # 东乡族自治县 -> 东乡
            base = base[:-1]
    return base if len(base) >= 2 else None


# A row as read: code, name, name_zh, level, parent code, aliases, ambiguous, demonyms,
# and its rank under the ambiguity rule (see _rank).
_Row = tuple[str, str, str | None, str, str | None, str, bool, str, int]


class _Table:
    """The rows of both CSV files by code, and the hierarchy; Places are made on demand."""

    __slots__ = ("alt_codes", "children", "made", "order", "rows")

    def __init__(self) -> None:
        self.rows: dict[str, _Row] = {}
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


def _read(name: str) -> list[list[str]]:
    text = read_data(name)
    return list(csv.reader(text.splitlines()))[1:]


@cache
def _table() -> _Table:
    """Parse both CSV files (the name index is built later, by _index)."""
    with paused_gc():
        return _load_table()


def _load_table() -> _Table:
    table = _Table()
    rows = table.rows
    alt_codes = table.alt_codes
    for code, level, parent, name, name_zh, aliases, retired, ambiguous in _read("regions_cn.csv"):
        rank = _rank(code, level)
        rows[code] = (code, name, name_zh, level, parent, aliases, ambiguous == "1", "", rank)
        if retired:
            for old in retired.split("|"):
                alt_codes[old] = code
    for code, name, aliases, demonyms in _read("countries.csv"):
        rows[code] = (
            code,
            name,
            None,
            "country",
            None,
            aliases,
            False,
            demonyms,
            _rank(code, "country"),
        )
    table.order = list(rows)
    children = table.children
    for row in rows.values():
        if row[4] is not None:
            children.setdefault(row[4], []).append(row[0])
    return table


class _Index:
    """The name index, and every surface form with its key (for :func:`names`)."""

    __slots__ = ("best", "forms", "normalised", "others")

    def __init__(
        self,
        best: dict[str, str],
        others: dict[str, list[str]],
        forms: list[str],
        normalised: list[str],
    ) -> None:
        self.best = best  # normalised key -> the preferred code
        self.others = others  # normalised key -> the other candidates, in order
        self.forms = forms  # every name, alias, demonym and Chinese name
        self.normalised = normalised  # their keys, in the same order

    def codes(self, key: str) -> list[str]:
        best = self.best.get(key)
        if best is None:
            return []
        return [best, *self.others.get(key, ())]


_RE_CJK = re.compile(r"[\u3400-\u9fff]+")


def _rank(code: str, level: str) -> int:
    """The ambiguity rule: Zhejiang first, then the higher level, then the lower code.

    Places are kept in code order, so a stable sort by this number sorts by the rule.
    """
    return (0 if code.startswith("33") else 4) + _LEVEL_RANK.get(level, 3)


def _bulk_norm(texts: list[str]) -> list[str]:
    """``[_norm(t) for t in texts]``, several times faster for ASCII names."""
    odd = [i for i, t in enumerate(texts) if not t.isascii() or "\n" in t]
    plain = texts
    if odd:
        plain = texts.copy()
        for i in odd:
            plain[i] = ""
    # str.translate is fast on ASCII strings only, hence the odd ones handled one by one.
    keys = _RE_THE.sub("", "\n".join(plain).lower()).translate(_DROP_TABLE).split("\n")
    for i in odd:
        keys[i] = _norm(texts[i])
    return keys


@cache
def _index() -> _Index:
    """Build the name index (on the first lookup by name)."""
    table = _table()
    with paused_gc():
        return _build_index(table)


def _build_index(table: _Table) -> _Index:
    latin: list[str] = []
    latin_codes: list[str] = []
    chinese: list[str] = []
    chinese_codes: list[str] = []
    adjectives: list[str] = []
    adjective_codes: list[str] = []
    # Visit places in preference order, so that the first code met for a key is the best.
    for code, name, name_zh, level, _, aliases, _, demonyms, _ in sorted(
        table.rows.values(), key=itemgetter(8)
    ):
        forms = [name, *aliases.split("|")] if aliases else [name]
        latin += forms
        latin_codes += [code] * len(forms)
        if demonyms:  # after every name: "Tongan" is Tong'an District before Tonga's people
            more = demonyms.split("|")
            adjectives += more
            adjective_codes += [code] * len(more)
        if name_zh:
            chinese.append(name_zh)
            chinese_codes.append(code)
            short = _zh_short(name_zh, level, aliases)
            if short:
                chinese.append(short)
                chinese_codes.append(code)
    latin += adjectives
    latin_codes += adjective_codes
    forms = latin + chinese
    codes = latin_codes + chinese_codes
    keys = _bulk_norm(latin) + [t if _RE_CJK.fullmatch(t) else _norm(t) for t in chinese]
    if len(keys) != len(forms):  # pragma: no cover - defensive
        raise RuntimeError("name index out of step")
    # The best code of each key (the first met), then the other candidates in order;
    # built with dict and list primitives because this runs over ~18,000 forms.
    best = dict(zip(reversed(keys), reversed(codes), strict=True))
    best.pop("", None)
    others: dict[str, list[str]] = {}
    for key, code in dict.fromkeys(
        [(k, c) for k, c in zip(keys, codes, strict=True) if best.get(k, c) != c]
    ):
        others.setdefault(key, []).append(code)
    return _Index(best, others, forms, keys)


@cache
def _surfaces() -> dict[str, str]:
    index = _index()
    best = index.best
    out: dict[str, str] = {}
    for text, key in zip(index.forms, index.normalised, strict=True):
        if key and text not in out:
            out[text] = best[key]
    return out


def _resolve_code(text: str) -> Place | None:
    table = _table()
    place = table.find(text)
    if place is None and text in table.alt_codes:
        place = table.find(table.alt_codes[text])
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
    place = _resolve_code(text)
    if place is not None:
        return (place,)
    index = _index()
    key = _norm(text)
    codes = index.codes(key)
    if not codes:
        stripped = _strip_type(key)
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
    found = lookup_all(name_or_code)
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
    names_cf = _display_names()
    close = difflib.get_close_matches(name_or_code.strip().casefold(), names_cf, n=3)
    raise UnknownRegionError(name_or_code, [names_cf[c] for c in close])


@cache
def _display_names() -> dict[str, str]:
    return {row[1].casefold(): row[1] for row in _table().rows.values()}


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
