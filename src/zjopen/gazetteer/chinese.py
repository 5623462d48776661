"""Chinese short forms of place names: the name without its type word and ethnic groups.

>>> zh_short("宁波市", "prefecture", ""), zh_short("景宁畲族自治县", "county", "")
('宁波', '景宁')

The ethnic groups that qualify autonomous areas come from ``data/ethnic_groups.json``,
which ``scripts/build_gazetteer.py`` reads too (for the English long forms).
"""

from __future__ import annotations

import re
from functools import cache

from zjopen.lexicon.load import load_json

__all__ = ["ethnic_groups", "zh_short", "zh_types"]


@cache
def zh_types() -> tuple[str, ...]:
    """The Chinese type words that end place names, longest first (``data/place_types.json``).

    >>> zh_types()[:3]
    ('特别行政区', '自治区', '自治州')
    """
    return tuple(load_json("place_types.json")["zh"])


@cache
def ethnic_groups() -> dict[str, bool]:
    """Each ethnic group's Chinese name (without 族), and whether names may omit 族.

    >>> len(ethnic_groups()), ethnic_groups()["畲"], ethnic_groups()["鄂伦春"]
    (57, False, True)
    """
    return {g["zh"]: g["without_zu"] for g in load_json("ethnic_groups.json")["groups"]}


@cache
def _ethnic_suffix() -> re.Pattern[str]:
    """An ethnic group (with its 族 where names require it) ending the text."""
    groups = sorted(ethnic_groups().items(), key=lambda item: -len(item[0]))
    return re.compile(
        "(?:" + "|".join(g + ("族?" if bare else "族") for g, bare in groups) + ")$"
    )


def zh_short(name_zh: str, level: str, aliases: str) -> str | None:
    """The Chinese name without its type word: 宁波市 -> 宁波, 景宁畲族自治县 -> 景宁.

    ``level`` and ``aliases`` (``|``-separated) are those of the place's row.
    """
    zh = name_zh
    if zh[-1] in "市县区旗盟省" and zh[-2] not in "地治新林特政族" and len(zh) > 2:
        return zh[:-1]  # the common case: 宁波市, 北仑区
    if level == "other" or (zh.endswith("新区") and " New Area" in aliases):
        base, suffix = zh[:-2], zh[-2:]  # 林区, 特区, 新区
    else:
        suffix = next((s for s in zh_types() if zh.endswith(s)), "")
        if not suffix:
            return None
        base = zh[: -len(suffix)]
    if suffix.startswith("自治") or (suffix == "区" and base.endswith("族")):
        ethnic = _ethnic_suffix()
        while (m := ethnic.search(base)) is not None and m.start() > 0:
            base = base[: m.start()]
        if base.endswith("族") and base[:-1] in ethnic_groups():  # 东乡族自治县 -> 东乡
            base = base[:-1]
    return base if len(base) >= 2 else None
