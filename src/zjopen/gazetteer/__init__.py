"""The region gazetteer: every division of China down to county level, and every country.

China's 34 province-level, 333 prefecture-level and ~2,850 county-level divisions come
from ``data/generated/regions_cn.csv`` (current GB/T 2260 codes), the countries from
``data/generated/countries.csv`` (ISO 3166-1 alpha-2 codes). Both are built by
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

**The package.** :mod:`.place` holds :class:`Place` and the lookups, :mod:`.index` the
name index, :mod:`.keys` and :mod:`.chinese` how names become lookup keys, and
:mod:`.codes` what the codes records carry mean (for :mod:`zjopen.corpus`). Next: the
extractors (:mod:`zjopen.extract.regions`) and the corpus queries read places from here.
"""

from __future__ import annotations

from zjopen.gazetteer.place import Place, get, lookup, lookup_all, lookup_in, names, places

__all__ = ["Place", "get", "lookup", "lookup_all", "lookup_in", "names", "places"]
