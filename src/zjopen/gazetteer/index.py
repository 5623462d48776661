"""The gazetteer's name index: every name, alias, demonym and Chinese name, by key.

Built once, on the first lookup by name, from the rows of the gazetteer's table. A key
that fits several places lists them in the order of the ambiguity rule (:func:`rank`).
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from operator import itemgetter

from zjopen.gazetteer.chinese import zh_short
from zjopen.gazetteer.keys import bulk_norm, norm
from zjopen.lexicon.patterns import lazy_compile

__all__ = ["NameIndex", "Row", "build_index", "rank"]

# A row as read: code, name, name_zh, level, parent code, aliases, ambiguous, demonyms,
# and its rank under the ambiguity rule (see rank).
Row = tuple[str, str, str | None, str, str | None, str, bool, str, int]

_LEVEL_RANK = {"country": 0, "province": 1, "prefecture": 2}  # then county level: 3
_RE_CJK = lazy_compile(r"[\u3400-\u9fff]+")


def rank(code: str, level: str) -> int:
    """The ambiguity rule: Zhejiang first, then the higher level, then the lower code.

    Places are kept in code order, so a stable sort by this number sorts by the rule.

    >>> rank("330200", "prefecture") < rank("CN", "country") < rank("321200", "prefecture")
    True
    """
    return (0 if code.startswith("33") else 4) + _LEVEL_RANK.get(level, 3)


class NameIndex:
    """The name index, and every surface form with its key (for :func:`names`)."""

    __slots__ = ("_forms", "_normalised", "_packed", "best", "others")

    def __init__(
        self,
        best: dict[str, str],
        others: dict[str, list[str]],
        forms: list[str],
        normalised: list[str],
    ) -> None:
        self.best = best  # normalised key -> the preferred code
        self.others = others  # normalised key -> the other candidates, in order
        self._forms = forms  # every name, alias, demonym and Chinese name
        self._normalised = normalised  # their keys, in the same order
        self._packed: bytes | None = None  # forms and keys as packed(), still to read

    @classmethod
    def with_packed(cls, best: dict[str, str], others: dict[str, list[str]],
                    packed: bytes) -> NameIndex:
        """The index with its forms and their keys as :meth:`packed` gives them (read
        when first asked for: a lookup by name needs only ``best`` and ``others``)."""
        index = cls(best, others, [], [])
        index._packed = packed
        return index

    def packed(self) -> bytes:
        """The forms and their keys, as plain data (``marshal``)."""
        return marshal.dumps((self.forms, self.normalised))

    @property
    def forms(self) -> list[str]:
        """Every name, alias, demonym and Chinese name."""
        if self._packed is not None:
            self._unpack(self._packed)
        return self._forms

    @property
    def normalised(self) -> list[str]:
        """The keys of :attr:`forms`, in the same order."""
        if self._packed is not None:
            self._unpack(self._packed)
        return self._normalised

    def _unpack(self, packed: bytes) -> None:
        forms, normalised = marshal.loads(packed)  # noqa: S302 - what packed() gave
        if not (type(forms) is list and type(normalised) is list
                and len(forms) == len(normalised)):
            raise ValueError("not the forms of the name index")
        self._forms, self._normalised, self._packed = forms, normalised, None

    def codes(self, key: str) -> list[str]:
        """Every code the key fits, the preferred one first."""
        best = self.best.get(key)
        if best is None:
            return []
        return [best, *self.others.get(key, ())]

    def surfaces(self) -> dict[str, str]:
        """Every surface form mapped to the code its key prefers."""
        best = self.best
        out: dict[str, str] = {}
        for text, key in zip(self.forms, self.normalised, strict=True):
            if key and text not in out:
                out[text] = best[key]
        return out


def build_index(rows: Iterable[Row]) -> NameIndex:
    """The name index of the gazetteer's rows."""
    latin: list[str] = []
    latin_codes: list[str] = []
    chinese: list[str] = []
    chinese_codes: list[str] = []
    adjectives: list[str] = []
    adjective_codes: list[str] = []
    # Visit places in preference order, so that the first code met for a key is the best.
    for code, name, name_zh, level, _, aliases, _, demonyms, _ in sorted(
        rows, key=itemgetter(8)
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
            short = zh_short(name_zh, level, aliases)
            if short:
                chinese.append(short)
                chinese_codes.append(code)
    latin += adjectives
    latin_codes += adjective_codes
    forms = latin + chinese
    codes = latin_codes + chinese_codes
    keys = bulk_norm(latin) + [t if _RE_CJK.fullmatch(t) else norm(t) for t in chinese]
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
    return NameIndex(best, others, forms, keys)
