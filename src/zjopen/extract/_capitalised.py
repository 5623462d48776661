"""Capitalised names classified by their head word: "... Co., Ltd." and "... Group" are
companies, "... Zone", "... Port", "... Expo" platforms of that kind, "... Initiative",
"... Strategy" initiatives (the head words are in ``data/entity_words.json``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from zjopen import gazetteer
from zjopen.extract._chain_windows import runs_around
from zjopen.extract._kb import _MAX_WORDS, knowledge_base, long_names
from zjopen.extract._phases import phase_start
from zjopen.extract._tables import (
    LEADING,
    Found,
    pinyin,
    place_code,
    word_tables,
    words_of,
)
from zjopen.lexicon.patterns import guarded_compile, lazy_compile
from zjopen.model import PlatformKind

# A run of capitalised words, with "of", "and", "for", "&" inside and "(Zhejiang)" asides.
# A word may hold inner full stops ("U.S.", "S.p.A") but ends in one only when it is a
# company abbreviation ("Co.", "Ltd."): "Zone. With" is two sentences.
# Its first character is read by one class, ahead of the two kinds of word (told apart by
# that character): a pattern that begins with a class lets the engine skip in C to where
# one may begin, instead of trying the pattern at every position (a third faster).
_NAME_WORD = (r"[A-Z0-9(](?:(?<=[A-Z0-9])[\w'&+-]*(?:\.[\w'&+-]+)*(?:(?<=Co)\.|(?<=Ltd)\."
              r"|(?<=Inc)\.|(?<=Corp)\.|(?<=\b[A-Z])\.)?|(?<=\()[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\))")
CHAIN = lazy_compile(rf"{_NAME_WORD}(?:,?\s(?:(?:of|and|for|the|de|&)\s){{0,2}}{_NAME_WORD})*")
_CHAIN_SOURCE = rf"{_NAME_WORD}(?:,?\s(?:(?:of|and|for|the|de|&)\s){{0,2}}{_NAME_WORD})*"
# CHAIN's runs with the engine stepping over, in C, what lies between them and the runs
# :func:`chains` drops first: a word that CHAIN reads alone (no continuation follows it)
# with no hyphen and no two capitals in a row among the characters of a word from it
# ("Hangzhou", "The", "2023"). Each match is that stretch then CHAIN's run (group 1), or
# the stretch to the end of the text (no group). The stretch stops only where CHAIN
# matches (a "(" that opens no aside is stepped over), so its runs are CHAIN.finditer's
# own, less the dropped words; possessive, it is read once (linear). (Its repeated groups
# are atomic, (?>(?:...)*): Python before 3.11.5 matched a possessive one wrongly.)
# A word's characters but a capital or a hyphen, as many as there are
_LOW = r"[^\WA-Z]*+(?>(?:['&+][^\WA-Z]*+)*)"
_SKIPPED_CHAIN = lazy_compile(
    r"(?>(?:[^A-Z0-9(]++|\((?![A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\))"
    rf"|[A-Z0-9]{_LOW}(?>(?:\.(?=[^\WA-Z]|['&+]){_LOW})*)(?:\.(?<!Co\.)(?<!Ltd\.)(?<!Inc\.)"
    r"(?<!Corp\.)(?<!\b[A-Z]\.)(?![\w'&+-])"
    r"|(?![\w'&+.-]|,?\s(?>(?:(?:of|and|for|the|de|&)\s){0,2})[A-Z0-9(])))*)"
    rf"(?:({_CHAIN_SOURCE})|\Z)")


# A company abbreviation's full stop, then a word that opens a sentence ("It", "The")
_NEXT_SENTENCE = lazy_compile(
    r"(?:(?<=\bCo\.)|(?<=\bLtd\.)|(?<=\bInc\.)|(?<=\bCorp\.))\s([A-Z][a-z]*)\b")
_OPENS_SENTENCE = LEADING | {"it", "they", "he", "she", "we", "there"}
_BOUND_FOR = lazy_compile(r"\sfor\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\Z")
NUMBER_TAIL = lazy_compile(r"(?:,?\s(?:of|and|for|the|de|&))+\s[0-9][^ ]*\Z")
_LTD_TAIL = lazy_compile(r",?\s?Ltd\.?")
_LIST_PART = lazy_compile(r"(?:[^,]|,(?=\s?Ltd\b))+")
_AND = lazy_compile(r"\s(?:and|&)\s")
_TWO_CAPITALS = lazy_compile(r"[A-Z]{2}")
_BRANCH = lazy_compile(r"(.+?\sBranch\sof\s)(.+)")
_OF = lazy_compile(" of ")
_TRAILING_ASIDE = lazy_compile(r"\s\([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\)\Z")
_BASED = lazy_compile(r"[A-Z][\w-]*-(?:based|headquartered|registered|listed|owned)\s")


@cache
def head_words() -> frozenset[str]:
    """The words one of which a run must hold for :func:`classify` to find a name in it:
    a head's last word, or "Port" ("Port of Ningbo"); "Bank" is tested as a substring."""
    return word_tables().head_ends | {"Port"}


# Characters of a word (``WORD``) that can stand before a run: the run then begins inside
# a word, whose words the text's own split does not share ("eBay").
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'")


def chains(text: str, heads: list[int] | None = None, places: list[int] | None = None,
           marked: bytes = b"") -> Iterator[tuple[int, int, int | None]]:
    """Capitalised runs, split where a list joins two names ("A Group and B Group"); with
    each piece, the number of the run when the run is a list of several names joined by
    "and" ("A, B and C": names of one kind, read together by the caller), else None.

    With ``heads`` (where each word of the text in :func:`head_words` begins, in order),
    a run that holds no head word and no "Bank" is left out when it holds no list (no
    comma, "and" or "&"), or no name the knowledge base knows: no piece of it is a name
    by its head (:func:`classified` finds nothing), and its list names no company (a
    list's names are runs of its words). With ``places`` too (:func:`_chain_windows.seeds`
    and ``marked`` its marks), only the runs around them are read: the same ones kept."""
    skip = heads is not None
    heads = heads or []
    at, count = 0, len(heads)
    matches = (_SKIPPED_CHAIN.finditer(text) if places is None
               else runs_around(_SKIPPED_CHAIN, text, marked, places))
    for number, match in enumerate(matches):
        chunk = match.group(1)
        if chunk is None:
            break  # the end of the text
        if " " not in chunk and "-" not in chunk and (
                chunk[1:].islower() or chunk.isdigit() or not _TWO_CAPITALS.search(chunk)):
            continue  # one word, not an abbreviation: no name by its head ("Hangzhou", "The")
        start, end = match.span(1)
        if skip:
            while at < count and heads[at] < start:
                at += 1
            if ((at == count or heads[at] >= end) and "Bank" not in chunk
                    and text[start - 1 : start] not in _WORD_CHARS and (
                        ("," not in chunk and "and" not in chunk and "&" not in chunk)
                        or not _holds_known_name(words_of(chunk)))):
                continue
        # "Co., Ltd." continues past the comma the chain stopped at.
        tail = _LTD_TAIL.match(text[end:end + 7]) if chunk.endswith("Co.") else None
        if tail:
            end += tail.end()
            chunk = text[start:end]
        figure = NUMBER_TAIL.search(chunk) if chunk[chunk.rfind(" ") + 1 :][:1].isdigit() else None
        if figure:  # "Brevetti Motori for 9 million": the name ends before the number
            chunk, end = chunk[: figure.start()], start + figure.start()
        if chunk[-5:-2] in (" 19", " 20") and chunk[-2:].isdigit() and word_tables(
                ).platform_heads.ending(words_of(chunk[:-5])):  # "Expo 2025": its edition
            chunk, end = chunk[:-5], end - 5
        cut = _NEXT_SENTENCE.search(chunk) if ". " in chunk else None
        if cut is not None and cut[1].lower() in _OPENS_SENTENCE:
            # "China Molybdenum Co. It is designed to ...": the name ends at its "Co."
            chunk, end = chunk[: cut.start()], start + cut.start()
        while chunk and chunk[-1] in ".," and not chunk.endswith(("Co.", "Ltd.", "Inc.", "Corp.")):
            chunk, end = chunk[:-1], end - 1
        bound = _BOUND_FOR.search(chunk) if " for " in chunk else None
        if bound and word_tables().platform_heads.ending(words_of(chunk[: bound.start()]),
                                                         whole=True):
            # "Jinhua South Station for Moscow": where the train goes is no part of it
            chunk, end = chunk[: bound.start()], start + bound.start()
        phase = phase_start(chunk) if "Phase " in chunk else None
        if phase is not None:  # "... Base Phase One Stage Two": the base is the name
            chunk, end = chunk[:phase], start + phase
        trailing = _TRAILING_ASIDE.search(chunk) if chunk.endswith(")") else None
        if trailing:  # "Ningbo Haixing Valve Group (NHVG)": the abbreviation follows the name
            chunk, end = chunk[: trailing.start()], end - len(trailing.group())
        based = _BASED.match(chunk) if "-" in chunk else None
        if based:  # "Zhejiang-based Tongxing Group"
            chunk, start = chunk[based.end() :], start + based.end()
        pieces = _pieces(text[start:end])
        joined = _last_joined(text[start:end], pieces) if len(pieces) > 1 else -1
        for index, (piece_start, piece_end) in enumerate(pieces):
            piece_start, piece_end = _after_leading(text, piece_start + start, piece_end + start)
            if piece_start < piece_end:
                yield piece_start, piece_end, number if index <= joined else None


def _after_leading(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the piece ``text[start:end]`` begins without its leading words (LEADING,
    "Zhejiang-based", a place's possessive), each read up to the next space (no split of
    the piece); past ``end`` when every word is one."""
    while start <= end:
        space = text.find(" ", start, end)
        first = text[start : space if space >= 0 else end]
        if not (first.casefold() in LEADING or (("'" in first or "-" in first)
                                                and _leading(first, 2 - (space < 0)))):
            break
        start += len(first) + 1
    return start, end


def _holds_known_name(tokens: tuple[str, ...]) -> bool:
    """Whether some run of ``tokens`` is a name the knowledge base knows (by its first
    word: a name of more words than it looks names up by has none, see
    :func:`~zjopen.extract._kb.long_names`)."""
    kb = knowledge_base()
    lengths, surfaces = kb.lengths, kb.surfaces
    if len(tokens) > _MAX_WORDS and long_names():
        return True  # (any run: such a name may be one)
    for index, token in enumerate(tokens):
        for n in lengths.get(token, ()):
            if tokens[index : index + n] in surfaces:
                return True
    return False


def _leading(word: str, count: int) -> bool:
    """Whether a run's first word (not in LEADING) is no part of the name:
    "Zhejiang-based", a place's possessive ("Thailand's Amata Group")."""
    if word.endswith("'s"):
        return home(word, count)
    return "-" in word and _BASED_WORD.fullmatch(word) is not None


def _last_joined(chunk: str, pieces: list[tuple[int, int]]) -> int:
    """The index of the piece that an "and" joins to the ones before it ("A, B and C":
    2), so that pieces up to it are one list; -1 when there is no such list. A piece
    after it is something else ("Youngor and FIRS, the Top 100 companies")."""
    last = len(pieces) - 1 if len(pieces) > 1 and _AND.search(
        chunk, pieces[-1][0], pieces[-1][1]) else -1  # "A Co., Ltd., B and C"
    for index in range(1, len(pieces)):
        if _AND.fullmatch(chunk[pieces[index - 1][1] : pieces[index][0]]) or chunk[
                pieces[index - 1][1] : pieces[index][0]].startswith((", and ", " and ")):
            last = index
    return last


_BASED_WORD = lazy_compile(r"[A-Z][\w-]*-(?:based|headquartered|registered|listed|owned)")


def home(word: str, count: int) -> bool:
    """Whether ``word`` is a place's possessive before a name: "Thailand's Amata Group",
    "China's Hangzhou-based Holley Group" (the name is what follows)."""
    return count > 1 and word.endswith("'s") and gazetteer.lookup(word[:-2]) is not None


def _pieces(chunk: str) -> list[tuple[int, int]]:
    """A list of names split at its commas and at an "and" that ends a whole name
    ("Holley Group and Futong Group"), but not inside one ("Economic and Technological").
    Offsets are into ``chunk``."""
    if "," not in chunk and not (("and" in chunk or "&" in chunk) and _AND.search(chunk)):
        # one name (most runs): no comma, no "and" between words ("Thailand" is none)
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
            # the rest of the part, when short enough to be one name with the left side
            right = (chunk[start + cut.end() : part.end()]
                     if part.end() - start - cut.end() <= _LONGEST_NAME else "")
            if left.endswith(")") and _TRAILING_ASIDE.search(left):
                split = True  # "... Development Area (HEDA) and the ...": a name ends there
            elif _complete(left):
                # "... Investment and Trade Expo": a company's industry word is no end
                split = not (_industry_only(left) and _one_name(right))
            else:
                split = (words_of(left) in knowledge_base().surfaces or _person(left)
                         or _place_before(left, right))
            if split:
                pieces.append((piece_start, start + cut.start()))
                piece_start = start + cut.end()
        if piece_start < part.end():
            pieces.append((piece_start, part.end()))
    return pieces


def _person(name: str) -> bool:
    """Whether ``name`` looks like a Chinese person's: a surname and one or two words
    ("Chen Hong and Zhejiang Fuchun Group" is two names)."""
    tokens = name.split()
    return 1 < len(tokens) < 4 and tokens[0] in word_tables().surnames and all(
        t[:1].isupper() and t[1:].islower() for t in tokens)


def _place_before(left: str, right: str) -> bool:
    """Whether a place and a name are listed ("Tianjin Municipality and Liangjiang New
    Area"): the place is not part of the name."""
    tokens = words_of(right)
    return (" " in left and gazetteer.lookup(left) is not None
            and word_tables().platform_heads.ending(tokens) is not None)


def _industry_only(name: str) -> bool:
    """Whether ``name`` is a complete name by its industry word alone."""
    tokens = words_of(name)
    words = word_tables()
    return not (words.company_suffixes.ending(tokens) or words.platform_heads.ending(tokens)
                or words.initiative_heads.ending(tokens))


def _one_name(right: str) -> bool:
    """Whether the words after an "and" finish one name with the words before it:
    "... Investment and Trade Expo", "... Human Resources and Social Security Bureau"."""
    tokens = words_of(right)
    words = word_tables()
    return bool(words.platform_heads.ending(tokens, whole=True)
                or words.initiative_heads.ending(tokens, whole=True)
                or any(t in words.not_companies for t in tokens))


# "Bank of Ningbo", "Agricultural Bank of China": a bank named for its place (not the
# central bank, a government body).
BANK_OF = guarded_compile(r"(?<!People's\s)\bBank\sof\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\Z")


def _bank(name: str, sentence_start: bool = False) -> re.Match[str] | None:
    """The "Bank of X" that ends ``name``, when the words before it can be a bank's
    ("Agricultural", "Industrial and Commercial"; not "Exporters and" opening a sentence).
    """
    bank = BANK_OF.search(name) if "Bank" in name else None
    if bank is None:
        return None
    before = name[: bank.start()].split()
    if any(not w[:1].isupper() for w in before if w not in ("and", "&")) or (
            sentence_start and ("and" in before or "&" in before)):
        return None
    return bank


# "China (Hubei) Pilot Free Trade Zone", "the 2nd China (South Africa) Trade Expo": the
# platform is the bracketed place's, not China's.
_BRACKETED = lazy_compile(r"(?:[0-9]{1,3}(?:st|nd|rd|th)\s)?China\s?\(([A-Z][^()]{1,30})\)")


def _bracketed_place(name: str) -> str | None:
    found = _BRACKETED.match(name) if "China" in name else None
    place = gazetteer.lookup(found[1]) if found else None
    return place.code if place is not None and not place.ambiguous else None


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a sentence (its capital tells nothing)."""
    before = text[max(0, start - 8) : start].rstrip(" \"“(")
    return not before or before.endswith((".", "!", "?", "\n", ":"))


def _complete(name: str) -> bool:
    tokens = words_of(name)
    words = word_tables()
    return bool(words.company_suffixes.ending(tokens) or _bank(name)
                or words.platform_heads.ending(tokens, whole=True)
                or words.initiative_heads.ending(tokens) or _industry_name(name, tokens)
                or (len(tokens) > 1 and tokens[-1] == "Town" and _themed(tokens[-2])))


def _whole_words(name: str, head: tuple[str, ...]) -> bool:
    """Whether ``head`` (the last words of ``name``) begins a word of it, not inside a
    hyphenated one."""
    return len(words_of(name.rsplit(" ", 1)[-1])) <= len(head)


# The last word (``WORD``) of each last word of a run by spaces ("Group", "(FTZ)",
# "Group's": "Group", "FTZ", "s"; "" when it holds none), kept for the next run.
_LAST_WORDS: dict[str, str] = {}
_LAST_WORDS_KEPT = 1 << 14


def _last_word(chunk: str) -> str:
    last = _LAST_WORDS.get(chunk)
    if last is None:
        found = words_of(chunk)
        last = found[-1] if found else ""
        if len(_LAST_WORDS) >= _LAST_WORDS_KEPT:
            _LAST_WORDS.clear()
        _LAST_WORDS[chunk] = last
    return last


def classify(text: str, start: int, end: int) -> Found | None:
    words = word_tables()
    name = text[start:end].rstrip(",")
    # The last word read first, from what follows the last space (where words begin
    # anew): a run whose last word is no head's has no kind by its head (most runs)
    last = _last_word(name[name.rfind(" ") + 1 :])
    if last and last not in words.head_ends and "Port" not in name and "Bank" not in name:
        return None
    tokens = words_of(name)
    if not tokens or (tokens[-1] not in words.head_ends and tokens[0] != "Port"
                      and "Bank" not in name):
        return None  # no head of any kind (most runs: "Zhejiang Province", "The")
    if len(tokens) < 2 and not _TWO_CAPITALS.search(name):
        return None
    bank = _bank(name, sentence_start=_opens_sentence(text, start)) if "Bank" in name else None
    if bank is not None and not any(t in words.not_companies for t in tokens):
        return Found("enterprise", name, start, end,
                      region=place_code(list(words_of(bank.group()))[2:]))
    suffix = words.company_suffixes.ending(tokens)
    if suffix is not None and words.no_company(tokens):
        return None  # "the World Bank"; "Co., Ltd" alone ("Rollmax shutter component Co., Ltd")
    if suffix is not None and (all(t in words.media_words for t in tokens
                                   if t in words.not_companies)
                               or not _LEGAL.isdisjoint(suffix)):
        # a legal form makes a company of any name: "China Railway Shanghai Bureau Group
        # Co., Ltd." is no bureau
        branch = _BRANCH.match(name) if "Branch" in name else None
        canonical = branch[2] if branch else None
        # A branch's company is the parent's: "Hangzhou Branch of China Post" is not Hangzhou's
        home = list(words_of(canonical)) if canonical else list(tokens)
        return Found("enterprise", name, start, end, region=place_code(home),
                      canonical=canonical)
    if words.not_platforms.ending(tokens):
        return None
    head = words.platform_heads.ending(tokens)
    if head is not None and not _whole_words(name, head):
        return None  # "Wal-Mart" is not a "Mart"
    if head is not None:
        if head == ("Park",) and len(tokens) < 3:
            return None
        if (" for " in name or " of " in name or " on " in name) and any(
                word in words.document_last and after in ("for", "of", "on")
                for word, after in itertools.pairwise(tokens)):
            return None  # "the Overall Plan for the ... Pilot Free Trade Zone": a plan
        return Found("platform", name, start, end, words.platform_heads.kinds[head],
                      _bracketed_place(name) or place_code(tokens))
    if tokens[-1] == "Town" and len(tokens) > 1 and _themed(tokens[-2]):
        # a town built around an industry ("Fintech Town", "Internet of Things Town"), not
        # a town of the map ("Datang Town")
        return Found("platform", name, start, end, PlatformKind.INNOVATION_ZONE,
                     place_code(tokens))
    if tokens[:1] == ("Port",) and len(tokens) > 2 and tokens[1] == "of":
        return Found("platform", name, start, end, PlatformKind.PORT,
                      place_code(tokens[2:]))
    if words.initiative_heads.ending(tokens) and not tokens[0].isdigit():
        return Found("initiative", name, start, end, region=place_code(tokens))
    if tokens[-1] in words.industry_heads and _industry_name(
            name, tokens, _opens_sentence(text, start)):
        return Found("enterprise", name, start, end, region=place_code(tokens),
                     weak=True)
    return None


_LEGAL = frozenset({"Ltd", "Limited", "Inc", "LLC", "GmbH", "PLC"})


def _themed(word: str) -> bool:
    """Whether a town's name is a theme (an English word), not a place's (pinyin)."""
    return (word[:1].isupper() and not pinyin(word) and word.casefold() not in LEADING
            and gazetteer.lookup(word) is None)
_VERB_LIKE = lazy_compile(r"(?:ing|ed|ly)\Z")


def _industry_name(name: str, tokens: tuple[str, ...], sentence_start: bool = False) -> bool:
    """Whether a run ending in an industry word is a company's name: "Kerry Properties",
    "Cosco Shipping", "Key Safety Systems", "Ningbo Zhenhai Refining". One of the words
    before it must be the company's own: not a place, not a word any title holds
    ("Information Technology", "Foreign Investment", "Zhejiang Energy" say nothing of
    whose), not a word that opens the sentence as a verb or an adverb ("Rising Steel")."""
    words = word_tables()
    if (len(tokens) < 2 or tokens[-1] not in words.industry_heads
            or not _whole_words(name, tokens[-1:])
            or any(t in words.not_companies for t in tokens)
            or (" and " in name and len(name.rsplit(" and ", 1)[1].split()) > 1)):
        return False  # "Zhejiang Meida and Robam Appliances" is two names ("Pulp and Paper")
    for index, token in enumerate(tokens[:-1]):
        if (token.casefold() in LEADING or token in words.generic_words or not token[0].isupper()
                or token[0].isdigit() or gazetteer.lookup(token) is not None
                or (index == 0 and sentence_start and _VERB_LIKE.search(token))):
            continue
        return True
    return False


_OWNED_NAME = guarded_compile(r"\bBank of [A-Z]\w+\Z")
# One word of a topic before " of ": the name goes on ("Internet of Things Town"; not
# "Zhenzhi Mold Workshop of Lingfeng Industrial Community", two names).
_OF_TOPIC = lazy_compile(r"[A-Z][\w-]*\sof\s[A-Z][\w-]*\s(?:Town|Park|Zone|Base)\Z")


def classified(text: str, start: int, end: int) -> Iterator[Found]:
    """The entities in a capitalised run: the run itself, or, for "A of B" runs that
    are not one name ("Zhenzhi Mold Workshop of Lingfeng Industrial Community"), each
    part that is a name ("Chuanshan Port Area of Ningbo Zhoushan Port" holds two)."""
    chunk = text[start:end]
    if (" of " not in chunk or chunk.startswith("Port of ") or _OWNED_NAME.search(chunk)
            or " Branch of " in chunk  # "Hangzhou Branch of China Post Group": one name
            or _OF_TOPIC.match(chunk)):  # "Internet of Things Town": one name
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
        if found is not None and " and " in found.name:
            # "GDP of HEDA and the Hangzhou Dajiangdong Industrial Cluster": a list
            pieces = _pieces(text[first:part_end])
            if len(pieces) > 1:
                for low, high in pieces:
                    low += first
                    while text.startswith("the ", low):
                        low += 4
                    piece = classify(text, low, first + high) if low < first + high else None
                    if piece is not None:
                        yield piece
                found = None
        if found is not None:
            yield found
        if cut:
            part_start = start + cut.end()

