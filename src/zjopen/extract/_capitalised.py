"""Capitalised names classified by their head word: "... Co., Ltd." and "... Group" are
companies, "... Zone", "... Port", "... Expo" platforms of that kind, "... Initiative",
"... Strategy" initiatives (the head words are in ``data/entity_words.json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zjopen.extract._kb import knowledge_base
from zjopen.extract._tables import (
    LEADING,
    Found,
    place_code,
    word_tables,
    words_of,
)
from zjopen.lexicon.patterns import guarded_compile
from zjopen.model import PlatformKind

# A run of capitalised words, with "of", "and", "for", "&" inside and "(Zhejiang)" asides.
# A word may hold inner full stops ("U.S.", "S.p.A") but ends in one only when it is a
# company abbreviation ("Co.", "Ltd."): "Zone. With" is two sentences.
_NAME_WORD = (r"(?:[A-Z0-9][\w'&+-]*(?:\.[\w'&+-]+)*(?:(?<=Co)\.|(?<=Ltd)\.|(?<=Inc)\."
              r"|(?<=Corp)\.|(?<=\b[A-Z])\.)?|\([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\))")
CHAIN = re.compile(rf"{_NAME_WORD}(?:,?\s(?:(?:of|and|for|the|de|&)\s){{0,2}}{_NAME_WORD})*")


_LTD_TAIL = re.compile(r",?\s?Ltd\.?")
_LIST_PART = re.compile(r"(?:[^,]|,(?=\s?Ltd\b))+")
_AND = re.compile(r"\s(?:and|&)\s")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_BRANCH = re.compile(r"(.+?\sBranch\sof\s)(.+)")
_OF = re.compile(" of ")
_TRAILING_ASIDE = re.compile(r"\s\([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\)\Z")
_BASED = re.compile(r"[A-Z][\w-]*-(?:based|headquartered|registered|listed|owned)\s")


def chains(text: str) -> Iterator[tuple[int, int]]:
    """Capitalised runs, split where a list joins two names ("A Group and B Group")."""
    for match in CHAIN.finditer(text):
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
            if _complete(left) or words_of(left) in knowledge_base().surfaces:
                pieces.append((piece_start, start + cut.start()))
                piece_start = start + cut.end()
        if piece_start < part.end():
            pieces.append((piece_start, part.end()))
    return pieces


# "Bank of Ningbo", "Agricultural Bank of China": a bank named for its place (not the
# central bank, a government body).
BANK_OF = re.compile(r"(?<!People's\s)\bBank\sof\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\Z")


def _bank(name: str, sentence_start: bool = False) -> re.Match[str] | None:
    """The "Bank of X" that ends ``name``, when the words before it can be a bank's
    ("Agricultural", "Industrial and Commercial"; not "Exporters and" opening a sentence).
    """
    bank = BANK_OF.search(name)
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


def classify(text: str, start: int, end: int) -> Found | None:
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


def classified(text: str, start: int, end: int) -> Iterator[Found]:
    """The entities in a capitalised run: the run itself, or, for "A of B" runs that
    are not one name ("Zhenzhi Mold Workshop of Lingfeng Industrial Community"), each
    part that is a name ("Chuanshan Port Area of Ningbo Zhoushan Port" holds two)."""
    chunk = text[start:end]
    if (" of " not in chunk or chunk.startswith("Port of ") or _OWNED_NAME.search(chunk)
            or " Branch of " in chunk):  # "Hangzhou Branch of China Post Group": one name
        found = classify(text, start, end)
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
        found = classify(text, first, part_end) if tokens and first < part_end else None
        if found is not None:
            yield found
        if cut:
            part_start = start + cut.end()

