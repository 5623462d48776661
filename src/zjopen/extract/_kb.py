"""The knowledge base's names (``data/kb.json``), found word by word in a text.

Well-known companies, platforms and initiatives, and the translations the press uses
("Jikrypton" is Zeekr), each linked to a canonical name, an id and a home region.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

import attrs

from zjopen.extract._tables import (
    WORD,
    Found,
    words_of,
)
from zjopen.lexicon.load import load_json
from zjopen.model import PlatformKind

_MAX_WORDS = 14


@attrs.frozen
class _Entry:
    kind: str  # enterprise, platform, initiative
    id: str
    name: str
    platform_kind: PlatformKind | None
    region: str | None


@attrs.frozen
class _Kb:
    surfaces: dict[tuple[str, ...], _Entry]
    lengths: dict[str, tuple[int, ...]]  # first word -> the lengths of names, longest first


@cache
def knowledge_base() -> _Kb:
    raw = load_json("kb.json")
    surfaces: dict[tuple[str, ...], _Entry] = {}
    for section, kind in (("enterprises", "enterprise"), ("platforms", "platform"),
                          ("initiatives", "initiative")):
        for row in raw[section]:
            entry = _Entry(kind, row["id"], row["name"],
                           PlatformKind(row["kind"]) if "kind" in row else None, row["region"])
            for surface in (row["name"], *row["aliases"]):
                words = words_of(surface)
                if words:
                    surfaces.setdefault(words, entry)
    lengths: dict[str, set[int]] = {}
    for words in surfaces:
        if len(words) <= _MAX_WORDS:
            lengths.setdefault(words[0], set()).add(len(words))
    return _Kb(surfaces, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()})


_WORD_SPLIT = re.compile(f"({WORD.pattern})")
_NAMED_BEFORE = re.compile(r"\b(?!(?:The|A|An|Its|Their|This|That|And|Or)\s)[A-Z][\w-]*(?:'s)?\s\Z")
_PRODUCT_AFTER = re.compile(r"\s(?:[0-9]{2,4}\b|[A-Z][0-9]{1,3}\b)")


def kb_matches(text: str) -> Iterator[Found]:
    kb = knowledge_base()
    lengths = kb.lengths
    # The words and what lies between them, as strings (cheaper than a match object per
    # word): parts = [before word 0, word 0, gap 0, word 1, gap 1, ...]; a word's offsets
    # are running sums of the parts' lengths.
    parts = _WORD_SPLIT.split(text)
    words, gaps = parts[1::2], parts[2::2]
    ends = list(itertools.accumulate(map(len, parts)))  # ends[2k] is where word k starts
    count = len(words)
    resume = 0  # after a name, the search goes on after its last word
    # Only words that begin a name in the knowledge base are looked at (found in C).
    for i in itertools.compress(range(count), map(lengths.__contains__, words)):
        if i < resume:
            continue
        hit = None
        for n in lengths[words[i]]:  # the knowledge base's name lengths for this first word
            if i + n > count:
                continue
            for k in range(i, i + n - 1):
                gap = gaps[k]
                if len(gap) > 3 or "\n" in gap:
                    break
            else:
                entry = kb.surfaces.get(tuple(words[i : i + n]))
                if entry is not None:
                    hit = (n, entry)
                    break
        if hit is None:
            continue
        n, entry = hit
        resume = i + n
        start, end = ends[2 * i], ends[2 * (i + n - 1) + 1]
        if text[end : end + 1].isalpha() or text[start - 1 : start].isalpha():
            continue  # part of a word with letters beyond ASCII: "Nestl" of "Nestlé"
        if entry.kind == "enterprise" and _PRODUCT_AFTER.match(text, end):
            continue  # "the Jikrypton 007 sedan" is a product
        if words[i] == "Bank" and _NAMED_BEFORE.search(text, max(0, start - 30), start):
            continue  # "People's Bank of China", "Agricultural Bank of China": not Bank of China
        yield Found(entry.kind, text[start:end], start, end, entry.platform_kind,
                     entry.region, entry.id, entry.name)

