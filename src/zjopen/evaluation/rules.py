"""The matching rules: names, region codes, units and values as the scorer compares them."""


from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

# -- matching rules --------------------------------------------------------------------------

# Checked in this order; only the first one found at the end is removed.
_LEGAL_SUFFIXES: Final = ("co ltd", "co", "company", "corp", "corporation", "inc", "ltd",
                          "limited", "group", "holdings", "holding")
_PUNCTUATION = re.compile(r"[^\w\s]")
_WHITESPACE = re.compile(r"\s+")
_JACCARD_THRESHOLD: Final = 0.6
_VALUE_TOLERANCE: Final = 0.005
# Places with two codes: the ISO country code and the GB/T 2260 one.
_TWO_CODES: Final = {"hk": "810000", "mo": "820000", "tw": "710000"}


def normalise_name(name: str) -> str:
    """The form of a name that matching compares: lower case, no possessive ``'s``,
    punctuation and quotes replaced by spaces, one space between words, and a trailing
    legal suffix (``co``, ``co ltd``, ``group``, ``holdings`` ...) removed.

    >>> normalise_name("Ningbo Xinyi Supplier Management Co., Ltd.")
    'ningbo xinyi supplier management'
    >>> normalise_name('CNOOC\\'s Ningbo "Green Energy Port"')
    'cnooc ningbo green energy port'
    >>> normalise_name("Group")
    'group'
    """
    text = _PUNCTUATION.sub(" ", name.lower().replace("'s", ""))
    text = _WHITESPACE.sub(" ", text).strip()
    for suffix in _LEGAL_SUFFIXES:
        if text.endswith(" " + suffix):
            return text[: -len(suffix) - 1].strip()
    return text


def _name_keys(names: Iterable[str]) -> frozenset[str]:
    """The normalised forms of ``names``, without empty ones."""
    return frozenset(normalise_name(name) for name in names) - {""}


def _keys_agree(predicted: frozenset[str], gold: frozenset[str]) -> bool:
    """Whether two sets of normalised names meet: a form in common, or two forms whose
    word sets have a Jaccard index of at least 0.6."""
    if predicted & gold:
        return True
    for one in predicted:
        words = set(one.split())
        for other in gold:
            others = set(other.split())
            if len(words & others) / len(words | others) >= _JACCARD_THRESHOLD:
                return True
    return False


def _region_key(entry: object) -> str | None:
    """A region as compared: the code (of an object with ``code``), upper case, with
    ``HK``, ``MO`` and ``TW`` read as their six-digit codes; ``None`` for no region."""
    raw = entry.get("code") if isinstance(entry, Mapping) else entry
    if raw is None:
        return None
    code = str(raw).strip()
    return _TWO_CODES.get(code.lower(), code.upper())


def _unit_synonyms() -> dict[str, str]:
    spellings = {
        "CNY": "cny|rmb|yuan|renminbi",
        "USD": "usd|us$|$|dollar|dollars",
        "EUR": "eur|euro|euros",
        "%": "%|percent|pct|per cent|percentage",
        "‰": "‰|permille|per mille",
        "pp": "pp|percentage point|percentage points",
        "t": "t|tonne|tonnes|ton|tons|metric ton",
        "TEU": "teu|teus",
        "m2": "m2|m²|sqm|square meter|square meters|square metre|square metres",
        "km2": "km2|km²|sq km|square kilometer|square kilometers",
        "mu": "mu", "ha": "ha|hectare|hectares", "km": "km|kilometer|kilometers", "m": "m",
        "count": "count|number|items|item",
        "times": "times|x|fold|multiple",
        "rank": "rank|ordinal",
        "year": "year|years", "month": "month|months", "day": "day|days",
        "hour": "hour|hours", "minute": "minute|minutes",
    }
    return {word: code for code, words in spellings.items() for word in words.split("|")}


_UNIT_SYNONYMS: Final = _unit_synonyms()


def _unit_key(unit: object) -> str:
    """A unit as compared: the code its common spellings stand for (``yuan`` and ``RMB``
    are ``CNY``, ``percent`` is ``%``); any other string as written; ``""`` for none."""
    if not isinstance(unit, str):
        return ""
    written = unit.strip()
    return _UNIT_SYNONYMS.get(written.lower().replace("_", " "), written)


def _as_float(value: object) -> float | None:
    """The number a value stands for, or ``None`` when it stands for none."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _values_agree(one: float | None, other: float | None) -> bool:
    """Equal, or within 0.5 % of the larger of the two in size."""
    if one is None or other is None:
        return False
    return one == other or abs(one - other) <= _VALUE_TOLERANCE * max(abs(one), abs(other))


