#!/usr/bin/env python3
"""Build zjopen's knowledge base, ``src/zjopen/data/kb.json`` (a build product: edit the
lists in ``scripts/kb/`` instead).

Run it from any directory, with any Python 3.11+ (it needs nothing but the standard
library)::

    python3 scripts/build_kb.py          # rewrite kb.json
    python3 scripts/build_kb.py --check  # exit 1 if kb.json is stale or a list is wrong

The output is sorted (sections in a fixed order, entries by id, aliases as listed) and
deterministic: running the script twice gives byte-identical files.

Sources and licences
--------------------
Every list is a CSV file written for zjopen, one entry a row; the ``source`` column says
where each entry comes from. No third-party data file, code or text was copied: the
lists hold facts (names of companies, zones, events and policies, their places), which
are not copyrightable, written out by hand.

* ``scripts/kb/enterprises_zhejiang.csv``: companies based in Zhejiang and their
  overseas units; ``enterprises_china.csv``: China's large state-owned and private
  groups; ``enterprises_foreign.csv``: multinationals active in Zhejiang and the
  foreign companies the province's press names most (carriers, ports, platforms).
* ``scripts/kb/platforms.csv``: zones, ports, markets, expos, logistics channels,
  e-commerce and digital platforms, with their ``kind``.
* ``scripts/kb/initiatives.csv``: strategies, plans, programmes and trade agreements.
* ``scripts/kb/common_words.txt``: English words that no one-word name may be.

Values of ``source``:

* ``v1``: the hand-written kb.json that this script replaced (2024-2025).
* ``hand``: curated by the zjopen developers from their own knowledge and from English
  news about Zhejiang (Xinhua, China Daily and its Zhejiang and city sites,
  ezhejiang.gov.cn, the cities' English portals), in the spellings the press uses.
* ``SASAC list``: China's central state-owned enterprises as listed by the
  State-owned Assets Supervision and Administration Commission (国资委 央企名录);
  ``MOFCOM list``: the national economic and technological development zones
  (Ministry of Commerce); ``MOST list``: the national high-tech industrial development
  zones (Ministry of Science and Technology); ``GACC list``: the comprehensive bonded
  zones approved by the State Council (General Administration of Customs);
  ``State Council approvals``: the batches of cross-border e-commerce comprehensive
  pilot zones (2015-2022); ``Zhejiang provincial list``: provincial-level development
  zones (the province's development-zone catalogue, 2018 edition, and later
  renamings). These are official documents of Chinese state organs, which Article 5 of
  the Copyright Law of the PRC leaves outside copyright; only the names (in the
  English the entities and the press use, which we wrote) and the places are taken.

Checks (the build fails, naming the row, when one does not hold)
-----------------------------------------------------------------
* ids are unique over all sections and made of ``a-z``, ``0-9`` and ``-``;
* a name or alias is printable ASCII, has a word, and at most ``MAX_WORDS`` words (the
  matcher in ``zjopen.extract._kb`` reads no longer names);
* ``kind`` is one of ``KINDS`` (platforms only); ``region`` is empty (null), a GB/T
  2260 code of ``src/zjopen/data/generated/regions_cn.csv`` or an ISO 3166-1 code of
  ``countries.csv`` there;
* a one-word name or alias is not in ``common_words.txt``, not all lower case, not a
  number, and not the name, alias or demonym of a region in the gazetteer ("Yili" is a
  prefecture before it is a dairy group), unless ``COMMON_WORDS_KEPT`` or
  ``PLACE_NAMES_KEPT`` keeps it, with the reason;
* no two entries share a name or alias, compared as the matcher compares them (its word
  sequence: "Internet+" is the word "Internet"), unless ``DELIBERATE`` lists the pair.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
IN_DIR = ROOT / "scripts" / "kb"
OUT = ROOT / "src" / "zjopen" / "data" / "kb.json"
GAZETTEER = ROOT / "src" / "zjopen" / "data" / "generated"

ABOUT = (
    "Knowledge base: well-known enterprises, platforms and initiatives of Zhejiang's "
    "opening-up, with the canonical name zjopen reports and the names the English-language "
    "press uses (translations included: 'Jikrypton' is Zeekr, 'Minshi Group' is Minth "
    "Group, 'Top Group' is Tuopu Group). Matching of names is case-sensitive and "
    "whole-word. 'region' is the home region's GB/T 2260 code or ISO 3166-1 country code. "
    "Built by scripts/build_kb.py from scripts/kb/*.csv: do not edit by hand."
)

# The word pattern of zjopen.extract._tables.WORD (tests/test_kb.py checks they agree).
WORD = re.compile(r"[A-Za-z0-9]+(?:'(?!s\b)[A-Za-z]+)?")
MAX_WORDS = 14  # zjopen.extract._kb._MAX_WORDS

KINDS = (
    "free_trade_zone", "bonded_zone", "development_zone", "industrial_park",
    "innovation_zone", "pilot_zone", "port", "market", "ecommerce_platform",
    "digital_platform", "expo", "logistics", "business_district", "other",
)

# (section, file, has kind)
SECTIONS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("enterprises", ("enterprises_zhejiang.csv", "enterprises_china.csv",
                     "enterprises_foreign.csv"), False),
    ("platforms", ("platforms.csv",), True),
    ("initiatives", ("initiatives.csv",), False),
)

# Word sequences that two entries share on purpose: words -> the id that wins them.
DELIBERATE: dict[tuple[str, ...], str] = {}

# One-word names that are also a region's name or a common word, kept on purpose: in
# news about Zhejiang's trade they name the company far more often than anything else,
# and the extractors already handle the other reading where it matters.
PLACE_NAMES_KEPT: dict[str, str] = {
    "Haitian": "Haitian Group of Beilun (the demonym of Haiti otherwise)",
    "Dahua": "Dahua Technology of Hangzhou (Dahua Yao Autonomous County otherwise)",
}
COMMON_WORDS_KEPT: dict[str, str] = {
    "Lotus": "Geely's Lotus Cars, as the press writes it",
    "Proton": "Geely's Proton Holdings of Malaysia",
    "Chevron": "the oil company",
}

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_PRINTABLE = re.compile(r"[ -~]+\Z")


class KbError(Exception):
    pass


def words_of(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def common_words() -> frozenset[str]:
    lines = (IN_DIR / "common_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines
                     if w.strip() and not w.lstrip().startswith("#"))


def region_codes() -> frozenset[str]:
    rows = _read_csv(GAZETTEER / "regions_cn.csv") + _read_csv(GAZETTEER / "countries.csv")
    return frozenset(row["code"] for row in rows)


def place_words() -> frozenset[str]:
    """Every one-word name, alias and demonym in the gazetteer."""
    names: set[str] = set()
    for row in _read_csv(GAZETTEER / "regions_cn.csv"):
        names.update([row["name"], *row["aliases"].split("|")])
    for row in _read_csv(GAZETTEER / "countries.csv"):
        names.update([row["name"], *row["aliases"].split("|"), *row["demonyms"].split("|")])
    return frozenset(w[0] for w in map(words_of, names) if len(w) == 1)


def _entries(errors: list[str]) -> dict[str, list[dict[str, object]]]:
    codes = region_codes()
    common = common_words()
    places = place_words()
    out: dict[str, list[dict[str, object]]] = {}
    owner: dict[tuple[str, ...], str] = {}
    ids: set[str] = set()
    for section, files, has_kind in SECTIONS:
        entries: list[dict[str, object]] = []
        for file in files:
            for line, row in enumerate(_read_csv(IN_DIR / file), start=2):
                where = f"{file}:{line}"
                entry = _entry(row, has_kind, where, codes, errors)
                if entry is None:
                    continue
                if entry["id"] in ids:
                    errors.append(f"{where}: id {entry['id']!r} is used twice")
                ids.add(str(entry["id"]))
                surfaces = [str(entry["name"]), *cast(list[str], entry["aliases"])]
                seen: set[tuple[str, ...]] = set()
                for surface in surfaces:
                    problem = _surface_problem(surface, common, places)
                    if problem:
                        errors.append(f"{where}: {surface!r} {problem}")
                        continue
                    words = words_of(surface)
                    if words in seen:
                        continue
                    seen.add(words)
                    other = owner.get(words)
                    if other is not None and other != entry["id"]:
                        winner = DELIBERATE.get(words)
                        if winner not in (other, entry["id"]):
                            errors.append(f"{where}: {surface!r} is also a name of {other!r}")
                    else:
                        owner[words] = str(entry["id"])
                entries.append(entry)
        out[section] = sorted(entries, key=lambda e: str(e["id"]))
    return out


def _entry(row: dict[str, str], has_kind: bool, where: str, codes: frozenset[str],
           errors: list[str]) -> dict[str, object] | None:
    expected = {"id", "name", "aliases", "region", "source"} | ({"kind"} if has_kind else set())
    if set(row) != expected or any(v is None for v in row.values()):
        errors.append(f"{where}: columns {sorted(row)} (expected {sorted(expected)})")
        return None
    ident, name = row["id"].strip(), row["name"].strip()
    if not _ID.match(ident):
        errors.append(f"{where}: bad id {ident!r}")
    if not row["source"].strip():
        errors.append(f"{where}: no source")
    aliases: list[str] = []
    for alias in (a.strip() for a in row["aliases"].split("|")):
        if alias and alias != name and alias not in aliases:
            aliases.append(alias)
    region = row["region"].strip() or None
    if region is not None and region not in codes:
        errors.append(f"{where}: unknown region {region!r}")
    entry: dict[str, object] = {"id": ident, "name": name, "aliases": aliases}
    if has_kind:
        kind = row["kind"].strip()
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
        entry["kind"] = kind
    entry["region"] = region
    return entry


def _surface_problem(surface: str, common: frozenset[str], places: frozenset[str]) -> str:
    if not _PRINTABLE.match(surface):
        return "is not printable ASCII"
    words = words_of(surface)
    if not words:
        return "has no word"
    if len(words) > MAX_WORDS:
        return f"has more than {MAX_WORDS} words"
    if len(words) == 1:
        word = words[0]
        if word.casefold() in common and word not in COMMON_WORDS_KEPT:
            return f"is the common word {word!r} to the matcher"
        if word.islower():
            return "is one lower-case word"
        if word.isdigit():
            return "is a number"
        if word in places and word not in PLACE_NAMES_KEPT:
            return f"is the place name {word!r}"
    return ""


def build() -> tuple[str, dict[str, int]]:
    errors: list[str] = []
    sections = _entries(errors)
    if errors:
        raise KbError("\n".join(errors))
    document = {"about": ABOUT, **sections}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return text, {name: len(entries) for name, entries in sections.items()}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if kb.json differs from what the lists build")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        text, counts = build()
    except KbError as error:
        print(error, file=sys.stderr)
        return 1
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run scripts/build_kb.py", file=sys.stderr)
            return 1
        print(f"kb.json is up to date ({summary})")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
