"""The knowledge base's names (``data/kb.json``), found word by word in a text.

Well-known companies, platforms and initiatives, and the translations the press uses
("Jikrypton" is Zeekr), each linked to a canonical name, an id and a home region.

The table of names by words is built on the first parse, or read from the user cache
(:mod:`zjopen.lexicon._user_cache`), where a process that may write there (the command
line's) leaves it: a file made by this code (and the word splitter's) from ``kb.json``.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from zjopen.extract._tables import (
    WORD_SPLIT,
    Found,
    TextWords,
    word_tables,
    words_of,
)
from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon.load import data_bytes, load_json
from zjopen.lexicon.patterns import guarded_compile, lazy_compile
from zjopen.model import PlatformKind

_MAX_WORDS = 14


# Plain classes, not attrs ones: making an attrs class costs more than half a millisecond
# at import, which every command-line run pays.
class _Entry:
    """A name's entry: equal to another of the same fields."""

    __slots__ = ("id", "kind", "name", "platform_kind", "region")

    def __init__(self, kind: str, id: str, name: str, platform_kind: PlatformKind | None,
                 region: str | None) -> None:
        self.kind = kind  # enterprise, platform, initiative
        self.id = id
        self.name = name
        self.platform_kind = platform_kind
        self.region = region

    def _fields(self) -> tuple[Any, ...]:
        return (self.kind, self.id, self.name, self.platform_kind, self.region)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Entry):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "_Entry({})".format(", ".join(map(repr, self._fields())))


class _Kb:
    __slots__ = ("lengths", "seconds", "surfaces")

    def __init__(self, surfaces: dict[tuple[str, ...], _Entry],
                 lengths: dict[str, tuple[int, ...]],
                 seconds: dict[str, frozenset[str]]) -> None:
        self.surfaces = surfaces
        self.lengths = lengths  # first word -> the lengths of names, longest first
        # first word -> the second words of its names of several words (none: no such name)
        self.seconds = seconds


_KB_FILE = "kb.json"


def _cache_file() -> Path | None:
    """The user cache's file of the table made from kb.json (and entity_words.json's
    describing words) by this code and the word splitter's (extract/_tables.py)."""
    try:
        made_from = [*user_cache.source(__file__, "_kb.py", "_tables.py"), data_bytes(_KB_FILE),
                     data_bytes("entity_words.json")]  # (its describing words: recased)
    except OSError:  # pragma: no cover - a package without its sources
        return None
    return user_cache.file("kb", made_from)


@cache
def knowledge_base() -> _Kb:
    """The table, from the user cache when it holds it, else built from kb.json (and left
    there when this process may write)."""
    return user_cache.built_or_read(_cache_file(), lambda: _built(load_json(_KB_FILE)),
                                    _plain, _from_plain)


def _plain(kb: _Kb) -> tuple[Any, ...]:
    """The table as plain data: each entry once (as a tuple), the names by entry number."""
    numbers: dict[int, int] = {}
    entries: list[tuple[str, str, str, str | None, str | None]] = []
    surfaces: dict[tuple[str, ...], int] = {}
    for words, entry in kb.surfaces.items():
        number = numbers.get(id(entry))
        if number is None:
            number = numbers[id(entry)] = len(entries)
            entries.append((entry.kind, entry.id, entry.name,
                            None if entry.platform_kind is None else entry.platform_kind.value,
                            entry.region))
        surfaces[words] = number
    return entries, surfaces, kb.lengths, kb.seconds


def _from_plain(stored: Any) -> _Kb:
    if not (isinstance(stored, tuple) and len(stored) == 4):
        raise ValueError("not a table")
    entries, surfaces, lengths, seconds = stored
    made = [_Entry(kind, id_, name, None if platform is None else PlatformKind(platform),
                   region) for kind, id_, name, platform, region in entries]
    return _Kb({words: made[number] for words, number in surfaces.items()}, lengths, seconds)


def _built(raw: Any) -> _Kb:
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
    # A platform's name as the press also prints it, its describing words in lower case
    # or capitalised ("the Zhejiang free trade zone", "Yiwu international trade market",
    # "Hangzhou Cross-Border E-Commerce Comprehensive Pilot Zone"), "International"
    # shortened as headlines do ("Yiwu Intl Trade Market"), a port's "port of X": the
    # names written in the table come first, the other forms of every platform's after.
    describing = _describing_words()
    for row in raw["platforms"]:
        entry = surfaces[words_of(row["name"])]
        for surface in (row["name"], *row["aliases"]):
            forms = recased(surface, describing)
            short = surface.replace("International ", "Intl ")
            if short != surface:
                forms.append(short)
            if row["kind"] == "port" and surface.endswith(" Port"):  # "the port of Zhoushan"
                forms += [f"Port of {surface[:-5]}", f"port of {surface[:-5]}"]
            for variant in forms:
                words = words_of(variant)
                if words:
                    surfaces.setdefault(words, entry)
    lengths: dict[str, set[int]] = {}
    seconds: dict[str, set[str]] = {}
    for words in surfaces:
        if len(words) <= _MAX_WORDS:
            lengths.setdefault(words[0], set()).add(len(words))
            seconds.setdefault(words[0], set()).update(words[1:2])
    return _Kb(surfaces, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
               {w: frozenset(second) for w, second in seconds.items()})


def _describing_words() -> frozenset[str]:
    """The words, in lower case, that describe a platform rather than name it: those of
    the platform heads and described, placed and created platforms of entity_words.json
    ("pilot", "free", "trade", "zone", "cross-border", "e-commerce", "market")."""
    table = load_json("entity_words.json")
    phrases = [*(head for head, _ in table["platform_heads"]),
               *(head for head, _ in table["described_heads"]),
               *(head for head, _ in table["placed_heads"]),
               *table["created_heads"], *table["created_domain"]]
    return frozenset(word.lower() for phrase in phrases for word in phrase.split())


def recased(surface: str, describing: frozenset[str]) -> list[str]:
    """``surface`` with the describing words that end it (all but its first word, and
    at least one naming word left before them) in lower case, and capitalised (each
    part of a hyphened word, and its first part alone): the other ways news prints
    the name. "Zhejiang Free Trade Zone" gives "Zhejiang free trade zone"."""
    words = surface.split(" ")
    first = len(words)
    while first > 1 and words[first - 1].lower() in describing:
        first -= 1
    if first == len(words) or all(w.lower() in describing for w in words[:first]):
        return []
    kept, tail = words[:first], words[first:]
    # (an abbreviation, "FTZ", "CBD", keeps its capitals)
    lower = [w if w.isupper() and len(w) > 1 else w.lower() for w in tail]
    titled = ["-".join(part[:1].upper() + part[1:] for part in w.split("-")) for w in lower]
    capital = [w[:1].upper() + w[1:] for w in lower]
    forms = {" ".join([*kept, *form]): None for form in (lower, titled, capital)
             if form != tail}
    return list(forms)


_WORD_SPLIT = WORD_SPLIT  # the split TextWords reads a text's words with
_NAMED_BEFORE = guarded_compile(
    r"\b(?!(?:The|A|An|Its|Their|This|That|And|Or)\s)[A-Z][\w-]*(?:'s)?\s\Z")
_PRODUCT_AFTER = lazy_compile(r"\s(?:[0-9]{2,4}\b|[A-Z][0-9]{1,3}\b)")


@cache
def _openings() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The words that are a name of the knowledge base alone, and the first two words
    of its names of several words (those it finds by their first word)."""
    kb = knowledge_base()
    singles = frozenset(words[0] for words in kb.surfaces if len(words) == 1)
    pairs = frozenset((first, second) for first, seconds in kb.seconds.items()
                      for second in seconds)
    return singles, pairs


@cache
def long_names() -> bool:
    """Whether the knowledge base has a name of more than _MAX_WORDS words: one that
    :func:`openings` (and a search by first words) does not find."""
    return any(len(words) > _MAX_WORDS for words in knowledge_base().surfaces)


def openings(split: TextWords) -> list[int]:
    """The indices of the words of ``split`` that begin a name of the knowledge base:
    a name alone, or the first of a name's words with its second after it (words that
    begin a name are found in C, and of those the ones that are either, in C too:
    most, "China", "The", are neither)."""
    words = split.words
    firsts = list(split.find(knowledge_base().lengths))
    if not firsts:
        return firsts
    singles, pairs = _openings()
    own = list(map(words.__getitem__, firsts))
    if firsts[-1] + 1 < len(words):
        nexts = list(map(words.__getitem__, map((1).__add__, firsts)))
    else:  # the text's last word: no word after it
        nexts = [*map(words.__getitem__, map((1).__add__, firsts[:-1])), ""]
    return list(itertools.compress(firsts, map(
        operator.or_, map(singles.__contains__, own),
        map(pairs.__contains__, zip(own, nexts, strict=True)))))


def kb_matches(text: str, split: TextWords | None = None,
               candidates: list[int] | None = None) -> Iterator[Found]:
    """The knowledge base's names in ``text``; ``candidates`` are :func:`openings` of
    ``split``, if at hand."""
    kb = knowledge_base()
    lengths, surfaces, seconds = kb.lengths, kb.surfaces, kb.seconds
    split = split or TextWords.of(text)
    words, joined = split.words, split.joined
    count = len(words)
    resume = 0  # after a name, the search goes on after its last word
    # Only the words that begin a name are looked at.
    for i in openings(split) if candidates is None else candidates:
        if i < resume:
            continue
        word = words[i]
        counts = lengths[word]  # the knowledge base's name lengths for this first word
        if counts[0] == 1 or i + 1 == count or words[i + 1] not in seconds[word]:
            # no name of several words goes on with the next word: the word alone, if
            # it is a name (most first words)
            found = surfaces.get((word,))
            if found is None:
                continue
            n, entry = 1, found
        else:
            hit = None
            top = min(counts[0], count - i)
            run = joined(i, top)  # how many words from here are joined by short gaps
            for n in counts:
                if n <= run:
                    named = surfaces.get(tuple(words[i : i + n]))
                    if named is not None:
                        hit = (n, named)
                        break
            if hit is None:
                continue
            n, entry = hit
        resume = i + n
        start = split.start(i)  # (a name of one word ends that word's length on)
        end = start + len(word) if n == 1 else split.end(i + n - 1)
        if text[end : end + 1].isalpha() or text[start - 1 : start].isalpha():
            continue  # part of a word with letters beyond ASCII: "Nestl" of "Nestlé"
        if entry.kind == "enterprise" and _PRODUCT_AFTER.match(text, end):
            continue  # "the Jikrypton 007 sedan" is a product
        if n == 1 and entry.kind == "initiative" and words[i] in word_tables().generic_words:
            continue  # "the Internet of Things": a word, not the policy it may stand for
        if words[i] == "Bank" and _NAMED_BEFORE.search(text, max(0, start - 30), start):
            continue  # "People's Bank of China", "Agricultural Bank of China": not Bank of China
        yield Found(entry.kind, text[start:end], start, end, entry.platform_kind,
                     entry.region, entry.id, entry.name)

