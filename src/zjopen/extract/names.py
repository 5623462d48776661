"""Enterprises, platforms and initiatives: by knowledge base and by pattern.

Two sources, merged by the linker:

- the knowledge base (``data/kb.json``): well-known names and the translations the press
  uses ("Jikrypton" is Zeekr), linked to a canonical name and id;
- patterns for names the knowledge base has never heard of: a run of capitalised words
  ending in a legal suffix ("... Co., Ltd.", "... Group") is a company, one ending in a
  zone, park, port, market or expo head noun is a platform of that kind, one ending in
  "Initiative", "Strategy", "Partnership" ... an initiative (``data/entity_words.json``);
  and, in :mod:`zjopen.extract._phrases`, entities with no capitalised name: quoted policy
  names ("the 'four leading fields' strategy"), counted packages ("13 policies to promote
  high-level opening up"), described platforms ("the first Chinese industrial park in
  Mexico"), routes and two-party agreements.

>>> from zjopen.document import read_document
>>> doc = read_document(
...     "Zhejiang Xinzhou Group and Holley Group built a park in the Jiaxing Economic and "
...     "Technological Development Zone (JXEDZ) under the Belt and Road Initiative.")
>>> [e.name for e in extract_enterprises(doc)]
['Zhejiang Xinzhou Group', 'Holley Group']
>>> [(p.name, p.kind.value, [m.text for m in p.mentions])
...  for p in extract_platforms(doc)]  # doctest: +NORMALIZE_WHITESPACE
[('Jiaxing Economic and Technological Development Zone', 'development_zone',
  ['Jiaxing Economic and Technological Development Zone']),
 ('Jiaxing Economic and Technological Development Zone', 'development_zone', ['JXEDZ'])]
>>> [i.name for i in extract_initiatives(doc)]
['Belt and Road Initiative']

Each record is one mention; the linker merges the two platform records into one with
the alias "JXEDZ".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from functools import cache, lru_cache, partial

import attrs

from zjopen import gazetteer
from zjopen.document import Document
from zjopen.extract._phrases import phrases
from zjopen.extract._tables import (
    LEADING,
    WORD,
    Found,
    place_code,
    word_tables,
    words_of,
)
from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import find_all, guarded_compile
from zjopen.model import Enterprise, Initiative, Platform, PlatformKind, Span

__all__ = ["extract_enterprises", "extract_initiatives", "extract_platforms"]

_MAX_WORDS = 14
# A run of capitalised words, with "of", "and", "for", "&" inside and "(Zhejiang)" asides.
# A word may hold inner full stops ("U.S.", "S.p.A") but ends in one only when it is a
# company abbreviation ("Co.", "Ltd."): "Zone. With" is two sentences.
_NAME_WORD = (r"(?:[A-Z0-9][\w'&+-]*(?:\.[\w'&+-]+)*(?:(?<=Co)\.|(?<=Ltd)\.|(?<=Inc)\."
              r"|(?<=Corp)\.|(?<=\b[A-Z])\.)?|\([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\))")
_CHAIN = re.compile(rf"{_NAME_WORD}(?:,?\s(?:(?:of|and|for|the|de|&)\s){{0,2}}{_NAME_WORD})*")
_ABBREVIATION = re.compile(r"\s?\(([A-Z][A-Za-z&]{1,9})\)")
_ROLE = guarded_compile(
    r"\b(?:chairman|chairwoman|president|CEO|founder|general manager|vice president|director"
    r"|head|owner|managing director)\sof\s(?=[A-Z])|\bwho\s(?:heads|runs|founded|owns)\s(?=[A-Z])"
    r"|\b(?:subsidiary|agreement with|deal with|contract with|partnership with)\s(?=[A-Z])",
)
# Cues found by their last word (a few str.find calls), checked by what comes before:
# "firms such as A and B" (a list), "American chipmaker Intel" (what the press calls a
# company before its name).
_LIST_CUES = ("including", "such as", "like")
_LIST_NOUN = re.compile(r"\b(?:[Ee]nterprises|[Cc]ompanies|[Ff]irms|[Bb]rands|[Ee]xporters"
                        r"|[Mm]anufacturers|[Mm]akers|[Pp]roducers|[Rr]etailers|[Ss]uppliers)\s\Z")
_MAKER_CUES = ("maker", "builder", "tailer", "giant", "conglomerate", "startup", "start-up")
_MAKER_NOUN = re.compile(
    r"\b(?:chipmaker|automaker|carmaker|EV\smaker|shipbuilder|shipmaker|retailer|e-tailer"
    r"|(?:e-commerce|tech|internet|retail|logistics)\sgiant|conglomerate|start-?up)\Z")


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
def _kb() -> _Kb:
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


def _kb_matches(text: str) -> Iterator[Found]:
    kb = _kb()
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


_LTD_TAIL = re.compile(r",?\s?Ltd\.?")
_LIST_PART = re.compile(r"(?:[^,]|,(?=\s?Ltd\b))+")
_AND = re.compile(r"\s(?:and|&)\s")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_BRANCH = re.compile(r"(.+?\sBranch\sof\s)(.+)")
_OF = re.compile(" of ")
_TRAILING_ASIDE = re.compile(r"\s\([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\)\Z")
_BASED = re.compile(r"[A-Z][\w-]*-(?:based|headquartered|registered|listed|owned)\s")


def _chains(text: str) -> Iterator[tuple[int, int]]:
    """Capitalised runs, split where a list joins two names ("A Group and B Group")."""
    for match in _CHAIN.finditer(text):
        start, end = match.start(), match.end()
        chunk = match.group()
        # "Co., Ltd." continues past the comma the chain stopped at.
        tail = _LTD_TAIL.match(text[end:end + 7])
        if chunk.endswith("Co.") and tail:
            end += tail.end()
            chunk = text[start:end]
        while chunk and chunk[-1] in ".," and not chunk.endswith(("Co.", "Ltd.", "Inc.", "Corp.")):
            chunk, end = chunk[:-1], end - 1
        trailing = _TRAILING_ASIDE.search(chunk)
        if trailing:  # "Ningbo Haixing Valve Group (NHVG)": the abbreviation follows the name
            chunk, end = chunk[: trailing.start()], end - len(trailing.group())
        based = _BASED.match(chunk)
        if based:  # "Zhejiang-based Tongxing Group"
            chunk, start = chunk[based.end() :], start + based.end()
        for piece_start, piece_end in _pieces(text[start:end]):
            piece_start, piece_end = piece_start + start, piece_end + start
            tokens = text[piece_start:piece_end].split(" ")
            while tokens and tokens[0].casefold() in LEADING:
                piece_start += len(tokens[0]) + 1
                tokens = tokens[1:]
            if tokens and piece_start < piece_end:
                yield piece_start, piece_end


def _pieces(chunk: str) -> list[tuple[int, int]]:
    """A list of names split at its commas and at an "and" that ends a whole name
    ("Holley Group and Futong Group"), but not inside one ("Economic and Technological").
    Offsets are into ``chunk``."""
    if "," not in chunk and "and" not in chunk and "&" not in chunk:  # one name: most runs
        start = len(chunk) - len(chunk.lstrip(" "))
        return [(start, len(chunk))] if start < len(chunk) else []
    return _list_pieces(chunk)


_LONGEST_NAME = 200  # characters: longer than any company, platform or policy name


def _list_pieces(chunk: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for part in _LIST_PART.finditer(chunk):
        start = part.start()
        while start < part.end() and chunk[start] == " ":
            start += 1
        cuts = list(_AND.finditer(chunk[start : part.end()]))
        piece_start = start
        for cut in cuts:
            if start + cut.start() - piece_start > _LONGEST_NAME:
                continue  # no name is that long (and reading it again at every "and" of a
                # run of a thousand would take quadratic time)
            left = chunk[piece_start : start + cut.start()]
            if _complete(left) or words_of(left) in _kb().surfaces:
                pieces.append((piece_start, start + cut.start()))
                piece_start = start + cut.end()
        if piece_start < part.end():
            pieces.append((piece_start, part.end()))
    return pieces


# "Bank of Ningbo", "Agricultural Bank of China": a bank named for its place (not the
# central bank, a government body).
_BANK_OF = re.compile(r"(?<!People's\s)\bBank\sof\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\Z")


def _bank(name: str, sentence_start: bool = False) -> re.Match[str] | None:
    """The "Bank of X" that ends ``name``, when the words before it can be a bank's
    ("Agricultural", "Industrial and Commercial"; not "Exporters and" opening a sentence).
    """
    bank = _BANK_OF.search(name)
    if bank is None:
        return None
    before = name[: bank.start()].split()
    if any(not w[:1].isupper() for w in before if w not in ("and", "&")) or (
            sentence_start and ("and" in before or "&" in before)):
        return None
    return bank


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a sentence (its capital tells nothing)."""
    before = text[max(0, start - 8) : start].rstrip(" \"“(")
    return not before or before.endswith((".", "!", "?", "\n", ":"))


def _complete(name: str) -> bool:
    tokens = words_of(name)
    words = word_tables()
    return bool(words.company_suffixes.ending(tokens) or _bank(name)
                or words.platform_heads.ending(tokens, whole=True)
                or words.initiative_heads.ending(tokens))


def _classify(text: str, start: int, end: int) -> Found | None:
    words = word_tables()
    name = text[start:end].rstrip(",")
    tokens = words_of(name)
    if len(tokens) < 2 and not _TWO_CAPITALS.search(name):
        return None
    bank = _bank(name, sentence_start=_opens_sentence(text, start))
    if bank is not None and not any(t in words.not_companies for t in tokens):
        return Found("enterprise", name, start, end,
                      region=place_code(list(words_of(bank.group()))[2:]))
    suffix = words.company_suffixes.ending(tokens)
    if suffix is not None and all(t in words.media_words for t in tokens
                                  if t in words.not_companies):
        branch = _BRANCH.match(name) if "Branch" in name else None
        canonical = branch[2] if branch else None
        # A branch's company is the parent's: "Hangzhou Branch of China Post" is not Hangzhou's
        home = list(words_of(canonical)) if canonical else list(tokens)
        return Found("enterprise", name, start, end, region=place_code(home),
                      canonical=canonical)
    if words.not_platforms.ending(tokens):
        return None
    head = words.platform_heads.ending(tokens)
    if head is not None:
        if head == ("Park",) and len(tokens) < 3:
            return None
        return Found("platform", name, start, end, words.platform_heads.kinds[head],
                      place_code(list(tokens)))
    if tokens[:1] == ("Port",) and len(tokens) > 2 and tokens[1] == "of":
        return Found("platform", name, start, end, PlatformKind.PORT,
                      place_code(list(tokens[2:])))
    if words.initiative_heads.ending(tokens) and not tokens[0].isdigit():
        return Found("initiative", name, start, end, region=place_code(list(tokens)))
    return None


_OWNED_NAME = guarded_compile(r"\bBank of [A-Z]\w+\Z")


def _classified(text: str, start: int, end: int) -> Iterator[Found]:
    """The entities in a capitalised run: the run itself, or, for "A of B" runs that
    are not one name ("Zhenzhi Mold Workshop of Lingfeng Industrial Community"), each
    part that is a name ("Chuanshan Port Area of Ningbo Zhoushan Port" holds two)."""
    chunk = text[start:end]
    if (" of " not in chunk or chunk.startswith("Port of ") or _OWNED_NAME.search(chunk)
            or " Branch of " in chunk):  # "Hangzhou Branch of China Post Group": one name
        found = _classify(text, start, end)
        if found is not None:
            yield found
        return
    part_start = start
    for cut in [*_OF.finditer(chunk), None]:
        part_end = start + cut.start() if cut else end
        tokens = text[part_start:part_end].split(" ")
        first = part_start
        while tokens and tokens[0].casefold() in LEADING:
            first += len(tokens[0]) + 1
            tokens = tokens[1:]
        found = _classify(text, first, part_end) if tokens and first < part_end else None
        if found is not None:
            yield found
        if cut:
            part_start = start + cut.end()


def _pattern_matches(doc: Document) -> Iterator[Found]:
    text = doc.norm
    for start, end in _chains(text):
        for found in _classified(text, start, end):
            yield from _with_abbreviation(text, found)
    makers = _makers(text)
    yield from _role_matches(text, makers)
    yield from _apposed_matches(text, makers)
    yield from phrases(text, doc.lower)


def _with_abbreviation(text: str, found: Found) -> Iterator[Found]:
    """The entity, and every use of the abbreviation it introduces: "(JXEDZ)"."""
    yield found
    abbreviation = _ABBREVIATION.match(text, found.end)
    if abbreviation:
        short = abbreviation[1]
        for match in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            yield attrs.evolve(found, name=short, start=match.start(), end=match.end(),
                               canonical=found.name)


_LIST_SEPARATOR = re.compile(r",\s(?:and\s)?|\sand\s|\s&\s")


def _list_items(names: str) -> list[tuple[int, str]]:
    """The names of a list, with their offsets: "A, B and C".

    >>> _list_items("Anta, Li Ning and Semir")
    [(0, 'Anta'), (6, 'Li Ning'), (18, 'Semir')]
    """
    items, position = [], 0
    for separator in _LIST_SEPARATOR.finditer(names):
        items.append((position, names[position : separator.start()]))
        position = separator.end()
    items.append((position, names[position:]))
    return items


def _cue_end(text: str, position: int, cues: tuple[str, ...]) -> int:
    """Where the cue word found at ``position`` ends."""
    return next(position + len(cue) for cue in cues if text.startswith(cue, position))


def _name_follows(text: str, end: int) -> bool:
    return text[end : end + 1].isspace() and text[end + 1 : end + 2].isupper()


def _makers(text: str) -> list[tuple[int, re.Match[str]]]:
    """Where a word the press calls a company by ends ("chipmaker", "e-commerce giant"),
    with that word: read once for the names after it and the names before it."""
    found = []
    for position in find_all(text, _MAKER_CUES):
        end = _cue_end(text, position, _MAKER_CUES)
        noun = _MAKER_NOUN.search(text, max(0, end - 24), end)
        if noun is not None:
            found.append((end, noun))
    return found


def _cues(text: str, makers: list[tuple[int, re.Match[str]]]) -> list[tuple[int, bool]]:
    """Where a company's name follows a cue, and whether the cue opens a list."""
    found = [(cue.end(), False) for cue in _ROLE.finditer(text)]
    for position in find_all(text, _LIST_CUES):
        end = _cue_end(text, position, _LIST_CUES)
        if _name_follows(text, end) and _LIST_NOUN.search(text, max(0, end - 24), position):
            found.append((end + 1, True))
    found += [(end + 1, False) for end, _ in makers if _name_follows(text, end)]
    return sorted(found)


def _cued_company(text: str, name: str, start: int) -> Found | None:
    """A company named after (or before) a cue, unless the name is a place, a government
    body or the like, or one the capitalised-name pass finds itself."""
    tokens = words_of(name)
    if (not tokens or tokens[0].casefold() in LEADING or gazetteer.lookup(name) is not None
            or any(t in word_tables().not_companies for t in tokens)
            or _classify(text, start, start + len(name)) is not None):
        return None
    return Found("enterprise", name, start, start + len(name), region=place_code(list(tokens)))


_APPOSITION = re.compile(r",\s(?:the|a|an)\s")
# A name before its description: "Stellantis, the European automaker".
_APPOSED = re.compile(r"\b([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}),\s(?:a|an|the)\s"
                      r"(?:[A-Za-z-]+\s){0,2}\Z")


def _apposed_matches(text: str, makers: list[tuple[int, re.Match[str]]]) -> Iterator[Found]:
    """Companies described right after their name ("Stellantis, the European automaker")."""
    for end, noun in makers:
        if text[end : end + 1].isalnum():
            continue
        apposed = _APPOSED.search(text, max(0, noun.start() - 80), noun.start())
        found = _cued_company(text, apposed[1], apposed.start(1)) if apposed else None
        if found is not None:
            yield found


def _role_matches(text: str, makers: list[tuple[int, re.Match[str]]]) -> Iterator[Found]:
    """Companies named by what people do in them or what they sign with them."""
    for cue_end, listed in _cues(text, makers):
        chain = _CHAIN.match(text, cue_end)
        if chain is None:
            continue
        # the name ends where a description of it begins: "Volvo, the Swedish carmaker"
        whole = _APPOSITION.split(chain.group(), 1)[0].rstrip(".,").removesuffix("'s")
        # "firms such as A and B": a list of names; elsewhere the run is one name
        items = _list_items(whole) if listed else [(0, whole)]
        for offset, name in items:
            found = _cued_company(text, name, chain.start() + offset)
            if found is not None:
                yield found


_UNIT_AFTER = re.compile(
    r"\s(?:Research|R&D|Innovation|Technology|Engineering)\s(?:Institute|Center|Centre)\b")


def _short_names(doc: Document, companies: list[Found]) -> Iterator[Found]:
    """Later mentions by a company's distinctive word: "Haitian Group" ... "Haitian"."""
    words = word_tables()
    text = doc.norm
    seen: set[str] = set()
    for company in companies:
        tokens = [t for t in words_of(company.canonical or company.name)
                  if (t,) not in words.company_suffixes.all]
        while tokens and gazetteer.lookup(tokens[0]) is not None:
            tokens = tokens[1:]
        if not tokens or len(tokens[0]) < 4 or tokens[0] in seen or tokens[0].isupper():
            continue
        short = tokens[0]
        seen.add(short)
        if short.casefold() in LEADING or gazetteer.lookup(short) is not None:
            continue
        # The literal leads the pattern, so the engine skips ahead to it quickly; the
        # character before is checked here (a look-behind first would be tried at every
        # position of the text, for every company).
        for match in re.finditer(rf"{re.escape(short)}(?![\w-])", text):
            before = text[match.start() - 1 : match.start()]
            if before and (before.isalnum() or before in "_-"):
                continue
            if not (company.start <= match.start() < company.end):
                yield attrs.evolve(company, name=short, start=match.start(), end=match.end(),
                                   canonical=company.canonical or company.name, kb_id=company.kb_id)


def _all(doc: Document) -> list[Found]:
    found = list(_kb_matches(doc.norm)) + list(_pattern_matches(doc))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            previous = kept[-1]
            if (previous.kb_id is None and item.kb_id is not None and item.end <= previous.end
                    and item.kind == previous.kind
                    and not _other_bank(previous, doc.norm[previous.start : item.start])):
                # The knowledge base knows the company's home; the longer name may hold a
                # branch's place or a demonym ("Haitian International" is not Haiti's).
                kept[-1] = attrs.evolve(previous, kb_id=item.kb_id, canonical=item.canonical,
                                        region=item.region)
            continue
        kept.append(item)
    companies = [f for f in kept if f.kind == "enterprise"]
    starts = [k.start for k in kept]  # increasing, and the spans do not overlap

    def covered(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and position < kept[index].end

    extra = [s for s in _short_names(doc, companies) if not covered(s.start)]
    return sorted(map(partial(_with_unit, doc.norm), kept + extra), key=lambda f: f.start)


def _with_unit(text: str, found: Found) -> Found:
    """A company's mention with the unit named after it: "the Haitian Research Institute"
    is Haitian's (GUIDELINES: a subsidiary named as such is the parent's alias)."""
    unit = _UNIT_AFTER.match(text, found.end) if found.kind == "enterprise" else None
    if unit is None:
        return found
    return attrs.evolve(found, name=text[found.start : unit.end()], end=unit.end(),
                        canonical=found.canonical or found.name)


def _other_bank(name: Found, lead: str) -> bool:
    """Whether a bank's name holds a known bank's name without being that bank:
    "Agricultural Bank of China" is not Bank of China (a known name inside a longer one
    is otherwise that entity: "Ningbo Xusheng Group" is Xusheng)."""
    return bool(lead.strip()) and _BANK_OF.search(name.name) is not None


@lru_cache(maxsize=8)
def _cached(doc: Document) -> tuple[Found, ...]:
    """The three extractors share one pass over a document."""
    return tuple(_all(doc))


def _names(found: Found) -> tuple[str, tuple[str, ...]]:
    if found.canonical and found.canonical != found.name:
        return found.canonical, (found.name,)
    return found.name, ()


def extract_enterprises(doc: Document) -> list[Enterprise]:
    """Named companies and groups, one record per mention (the linker merges aliases)."""
    records = []
    for found in _cached(doc):
        if found.kind == "enterprise":
            name, aliases = _names(found)
            records.append(Enterprise(name=name, aliases=aliases, region=found.region,
                                      kb_id=found.kb_id,
                                      mentions=[Span.of(doc.text, found.start, found.end)]))
    return records


def extract_platforms(doc: Document) -> list[Platform]:
    """Zones, parks, ports, markets, e-commerce platforms, expos, logistics channels."""
    records = []
    for found in _cached(doc):
        if found.kind == "platform":
            name, aliases = _names(found)
            records.append(Platform(name=name, aliases=aliases,
                                    kind=found.platform_kind or PlatformKind.OTHER,
                                    region=found.region, kb_id=found.kb_id,
                                    mentions=[Span.of(doc.text, found.start, found.end)]))
    return records


def extract_initiatives(doc: Document) -> list[Initiative]:
    """Strategies, plans, campaigns, policy packages, reforms, agreements."""
    records = []
    for found in _cached(doc):
        if found.kind == "initiative":
            name, aliases = _names(found)
            records.append(Initiative(name=name, aliases=aliases, region=found.region,
                                      kb_id=found.kb_id,
                                      mentions=[Span.of(doc.text, found.start, found.end)]))
    return records
