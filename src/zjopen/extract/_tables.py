"""The word tables and records the enterprise, platform and initiative extractors share:
``data/entity_words.json`` loaded once, the words of a name, and a found entity before it
becomes a record (:mod:`zjopen.extract.names` and :mod:`zjopen.extract._phrases`)."""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cache

import attrs

from zjopen import gazetteer
from zjopen.extract._word_tables import Heads, WordTables
from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import guarded_compile, lazy_compile, trie_alternation
from zjopen.model import PlatformKind

__all__ = ["LEADING", "WORD", "WORD_SPLIT", "Found", "Heads", "TextWords", "WordTables",
           "pinyin", "place_code", "word_tables", "words_of"]

_WORD_SOURCE = r"[A-Za-z0-9]+(?:'(?!s\b)[A-Za-z]+)?"  # (scripts/build_kb.py reads words so)
WORD = lazy_compile(_WORD_SOURCE)
# WORD with possessive runs and its optional tail an alternative with an empty branch:
# nothing after a run of letters or digits could use one of them given back, so the words
# are WORD's, found without the engine's backtracking state (a fifth faster).
_FAST_WORD_SOURCE = r"[A-Za-z0-9]++(?:'(?!s\b)[A-Za-z]++|)"
LEADING = frozenset("""
the a an in at on by for from with as its their this that these those both and while when
after before since during under of to over new our his her some many most all every each
what how why where whether although though because if but so also meanwhile however moreover
besides yet thus hence today now then once through via amid despite against among between
within without upon into across toward towards around near like unlike including following
according will can could should would does did do is are was were has have
""".split())  # (the last: a question's first word, "Will Zhejiang's Qianwan New District ...?")
NUMBER_WORDS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty")


def words_of(text: str) -> tuple[str, ...]:
    # Names and their words come back again and again in an article and across articles
    # ("Zone", "Haitian Group"): a dictionary lookup instead of the regex engine's call
    # (for a name's length of text: the table stays small).
    found = _WORDS_OF.get(text)
    if found is None:
        found = tuple(_FAST_WORD.findall(text))
        if len(text) <= _WORDS_OF_LENGTH:
            if len(_WORDS_OF) >= _WORDS_OF_KEPT:
                _WORDS_OF.clear()
            _WORDS_OF[text] = found
    return found


# WORD with its first character a set of its own (the engine skips to where one stands)
# and possessive runs: the same words (tests/test_word_splits.py).
_FAST_WORD = lazy_compile(r"[A-Za-z0-9][A-Za-z0-9]*+(?:'(?!s\b)[A-Za-z]++|)")
_WORDS_OF: dict[str, tuple[str, ...]] = {}
_WORDS_OF_KEPT = 1 << 14
_WORDS_OF_LENGTH = 120


# WORD's words kept with what lies between them: [gap, word, gap, word, ..., gap].
WORD_SPLIT = lazy_compile(f"({_FAST_WORD_SOURCE})")
# Runs of letters and digits joined by single spaces ("Ningbo Zhoushan Port"), and a
# word with an apostrophe in it ("don't", "Xi'an": WORD's one apostrophe case).
_RUNS = lazy_compile(r"([A-Za-z0-9](?:[A-Za-z0-9 ]*[A-Za-z0-9])?)")
_TAILED = lazy_compile(r"'(?<=[A-Za-z0-9]')(?!s\b)[A-Za-z]")


def _run_parts(text: str, tailed: bool) -> list[str]:
    """``text`` cut into runs of words and what lies between them: [gap, run, gap, run,
    ..., gap], each run one word or words joined by single spaces; the runs' words split
    at their spaces, with a space between each two, are ``WORD_SPLIT.split(text)``.
    With no word holding an apostrophe (``tailed`` false: where _TAILED matches, a word
    may hold one), a word is a run of letters and digits, and where no two spaces stand
    together the runs of _RUNS are such runs, found by one regex match per run instead of
    one per word (the engine's work per match is most of a split's cost). Other text
    is split word by word."""
    if tailed or "  " in text:
        return WORD_SPLIT.split(text)
    return _RUNS.split(text)


def _run_words(runs: list[str]) -> tuple[list[str], list[list[str]]]:
    """The words of ``runs`` (from :func:`_run_parts`), in order, and each run's own:
    in C, each run split at its spaces (a run holds no other white space, and none at
    its ends) and the pieces chained; the pieces' lengths number each run's words (for
    :func:`_firsts`)."""
    pieces = list(map(str.split, runs))
    return list(itertools.chain.from_iterable(pieces)), pieces


def _split(text: str, tailed: bool) -> list[str]:
    """``WORD_SPLIT.split(text)``: the words of :func:`_run_parts` with what lies between
    them (the single spaces inside runs, the gaps between runs); what TextWords' offsets
    and gaps stand for (tests/test_word_splits.py)."""
    parts = _run_parts(text, tailed)
    result = [parts[0]]
    for index in range(1, len(parts), 2):
        for word in parts[index].split(" "):
            result += (word, " ")
        result[-1] = parts[index + 1]
    return result


_ONE_MORE = (1).__add__
_NEAR = 32  # a word's start from the words before it in its run, when no more are


def _firsts(pieces: list[list[str]], first: int) -> list[int]:
    """The index of each run's first word (the first run's ``first``) and of the word
    after the last: the numbers of the runs' words (``pieces``, from :func:`_run_words`),
    summed."""
    return list(itertools.accumulate(map(len, pieces), initial=first))


_PIECE = 1 << 16  # TextWords.of splits a long text in pieces of about this many characters


class TextWords:
    """A text's words and where each begins and ends, read once for every pass that
    looks words up (the knowledge base, the cue words): a dictionary or set lookup per
    word, in C, instead of a search of the whole text for each word of a table. Made
    with the tables that will be looked up, it looks every word up once in all of them
    together, and each table then only among the words found.

    The words are read as runs (:func:`_run_parts`); where each run begins is kept, and
    where a word of a run begins is worked out when asked for (:meth:`start`), the
    offsets of a run's words once for all of them: most words' places are never asked
    for."""

    __slots__ = ("_firsts", "_gaps", "_inner", "_starts", "hit_words", "hits", "tables", "tailed",
                 "text", "words")

    def __init__(self, text: str, words: list[str], firsts: Sequence[int],
                 starts: Sequence[int], gaps: list[str], hits: list[int] | None = None,
                 tables: frozenset[int] = frozenset(), tailed: bool = True) -> None:
        self.text = text
        self.words = words
        # firsts[r] is the index of run r's first word (and a last entry, the number of
        # words); starts[r] where run r begins in the text, gaps[r] what lies after it
        self._firsts = firsts
        self._starts = starts
        self._gaps = gaps
        self._inner: dict[int, list[int]] = {}  # a run of several words: each one's start
        self.hits = hits  # the words found in any of ``tables``
        self.tables = tables  # the ids of the tables ``hits`` were found in
        self.hit_words = list(map(words.__getitem__, hits)) if hits is not None else []
        # Whether a word may hold an apostrophe ("don't"); if not, a word that stands
        # after a space and ends before a character that is no letter or digit is one of
        # ``words``.
        self.tailed = tailed

    @classmethod
    def of(cls, text: str, tables: Sequence[Collection[str]] = ()) -> TextWords:
        # A long text is split a piece at a time, cut before a space (no word spans one),
        # each word kept once (the same word's strings shared) and offsets as machine
        # integers: a large article's words then take a few bytes per word, not a string
        # and an int object each.
        tailed = _TAILED.search(text) is not None
        words: list[str]
        firsts: Sequence[int]
        starts: Sequence[int]
        if text.find(" ", _PIECE) < 0:  # one piece (most articles): plain lists
            parts = _run_parts(text, tailed)
            words, pieces = _run_words(parts[1::2])
            firsts = _firsts(pieces, 0)
            starts = list(itertools.accumulate(map(len, parts)))[0:-1:2]
            gaps = parts[2::2]
        else:
            words, gaps = [], []
            shared: dict[str, str] = {}
            firsts, starts = array("q", [0]), array("q")
            start = 0
            while start < len(text):
                stop = text.find(" ", start + _PIECE)
                stop = len(text) if stop < 0 else stop
                parts = _run_parts(text[start:stop], tailed)
                found, pieces = _run_words(parts[1::2])
                firsts.pop()  # (the words so far: the first of this piece's accumulation)
                firsts.extend(_firsts(pieces, len(words)))
                if gaps:  # (a gap cut at the piece's end goes on)
                    gaps[-1] += parts[0]
                gaps.extend(parts[2::2])
                words.extend(map(shared.setdefault, found, found))
                # ([start, end of gap 0, end of run 0, end of gap 1, ...]: every other one)
                starts.extend(itertools.islice(itertools.accumulate(
                    map(len, parts[:-1]), initial=start), 1, None, 2))
                start = stop
        hits = None
        if tables:
            every = _union(tuple(tables))
            hits = list(itertools.compress(_indices(len(words)), map(every.__contains__, words)))
        return cls(text, words, firsts, starts, gaps, hits, frozenset(map(id, tables)), tailed)

    def find(self, table: Collection[str]) -> Iterator[int]:
        """The indices of the words in ``table``, in order."""
        if self.hits is not None and id(table) in self.tables:
            # (in C: each hit's word looked up in ``table``)
            return itertools.compress(self.hits, map(table.__contains__, self.hit_words))
        return itertools.compress(range(len(self.words)), map(table.__contains__, self.words))

    def start(self, index: int) -> int:
        """Where word ``index`` begins in the text."""
        firsts = self._firsts
        run = bisect_right(firsts, index) - 1
        first = firsts[run]
        if index == first:
            return self._starts[run]
        if index - first <= _NEAR:  # the words before it in its run, each and a space
            return (self._starts[run] + index - first
                    + sum(map(len, self.words[first:index])))
        inner = self._inner.get(run)
        if inner is None:  # its words' starts: each word's length and a space on
            inner = self._inner[run] = list(itertools.accumulate(
                map(_ONE_MORE, map(len, self.words[first : self._firsts[run + 1] - 1])),
                initial=self._starts[run]))
        return inner[index - first]

    def end(self, index: int) -> int:
        """Where word ``index`` ends in the text."""
        return self.start(index) + len(self.words[index])

    def span(self, index: int) -> tuple[int, int]:
        start = self.start(index)
        return start, start + len(self.words[index])

    def gap(self, index: int) -> str:
        """What lies between word ``index`` and the next (or the end of the text)."""
        firsts = self._firsts
        run = bisect_right(firsts, index) - 1
        return " " if index + 1 < firsts[run + 1] else self._gaps[run]

    def joined(self, index: int, most: int) -> int:
        """How many words from word ``index`` on (``most`` at most, and no more than
        there are) follow each other with no more than three characters and no line
        break between each two."""
        firsts, gaps = self._firsts, self._gaps
        run = bisect_right(firsts, index) - 1
        count = firsts[run + 1] - index  # (its run's words: a space between each two)
        while count < most and len(gaps[run]) <= 3 and "\n" not in gaps[run]:
            run += 1
            count += firsts[run + 1] - firsts[run]
        return min(count, most)

    @property
    def gaps(self) -> list[str]:
        """What lies after each word: ``WORD_SPLIT.split(text)[2::2]``."""
        return [self.gap(index) for index in range(len(self.words))]

    @property
    def ends(self) -> list[int]:
        """The running sums of the lengths of ``WORD_SPLIT.split(text)``: ``ends[2k]`` is
        where word k begins, ``ends[2k + 1]`` where it ends (and a last one, the text's
        length)."""
        found = [offset for index in range(len(self.words)) for offset in self.span(index)]
        return [*found, len(self.text)]


_INDICES: list[int] = []  # 0, 1, 2, ...: the indices of the words of the texts read so far
_INDICES_KEPT = 1 << 16  # more words than this: their indices counted (made as they are read)


def _indices(count: int) -> Iterable[int]:
    """The numbers from 0 on, at least ``count`` of them, for ``itertools.compress`` to
    pick a text's words' indices from (it stops at its selectors' end): one list of
    ints made once and kept, not a new int object per word of each text, as
    ``range(count)`` hands out (a fifth of the cost of finding the words that are in
    the tables); counted for a text of more words than _INDICES_KEPT."""
    if count > _INDICES_KEPT:
        return itertools.count()
    if len(_INDICES) < count:
        _INDICES.extend(range(len(_INDICES), count))
    return _INDICES


_UNIONS: dict[tuple[int, ...], frozenset[str]] = {}


def _union(tables: tuple[Collection[str], ...]) -> frozenset[str]:
    """The words of all ``tables`` (long-lived tables: made once, kept by their ids)."""
    key = tuple(map(id, tables))
    union = _UNIONS.get(key)
    if union is None:
        union = _UNIONS[key] = frozenset().union(*tables)
    return union


@cache
def word_tables() -> WordTables:
    raw = load_json("entity_words.json")
    nouns = "|".join(raw["package_nouns"])
    company_suffixes = Heads.plain(sorted({words_of(s) for s in raw["company_suffixes"]},
                                          key=lambda w: -len(w)))
    industry_heads = frozenset(raw["industry_heads"])
    platform_heads = Heads(sorted(((words_of(h), PlatformKind(k))
                                   for h, k in raw["platform_heads"]),
                                  key=lambda item: -len(item[0])))
    initiative_heads = Heads.plain(sorted({words_of(h) for h in raw["initiative_heads"]},
                                          key=lambda w: -len(w)))
    return WordTables(
        company_suffixes=company_suffixes,
        industry_heads=industry_heads,
        generic_words=frozenset(raw["generic_words"]),
        surnames=frozenset(raw["surnames"]),
        not_companies=frozenset(w for phrase in raw["not_companies"] for w in phrase.split()),
        not_company_names=Heads.plain(words_of(n) for n in raw["not_company_names"]),
        media_words=frozenset(raw["media_words"]),
        platform_heads=platform_heads,
        not_platforms=Heads.plain(words_of(n) for n in raw["not_platforms"]),
        platform_phrases=tuple(sorted(((p, PlatformKind(k)) for p, k in raw["platform_phrases"]),
                                      key=lambda item: -len(item[0]))),
        initiative_heads=initiative_heads,
        package=guarded_compile(
            rf"\b(?:[0-9]{{1,3}}|{NUMBER_WORDS.replace(' ', '|')})\s(?:key\s|major\s|new\s"
            rf"|specific\s|policy\s|preferential\s|supporting\s){{0,2}}(?:{nouns})\b"
            rf"(?:\sto\s[a-z][\w-]*(?:\s[\w-]+){{0,4}})?",
            re.IGNORECASE,
        ),
        quoted_heads=guarded_compile(
            rf"\s(?:{'|'.join(re.escape(h) for h in raw['quoted_heads'])})\b"),
        quoted_owners=guarded_compile(
            rf"\b(?:{'|'.join(re.escape(h) for h in raw['quoted_owners'])})\s\Z", re.IGNORECASE),
        quoted_tail=guarded_compile(
            rf"\s(?:{'|'.join(re.escape(h) for h in raw['system_heads'])}|strategy|plan|economy"
            r"|policy|pilots?|approach)\Z", re.IGNORECASE),
        policy_verb=guarded_compile(
            rf"\b(?:{'|'.join(re.escape(v) for v in raw['policy_verbs'])})\s(?:the\s|a\s|an\s)?\Z",
            re.IGNORECASE),
        package_nouns=tuple(raw["package_nouns"]),
        system_heads=tuple(raw["system_heads"]),
        introduced=guarded_compile(
            rf"\b(?:{'|'.join(re.escape(v) for v in raw['policy_verbs'])})\s(?:a|an|the)\s"
            rf"((?:[a-z][\w-]*\s){{1,4}}(?:{'|'.join(re.escape(h) for h in raw['system_heads'])}))"
            rf"\b"),
        described=lazy_compile(  # one line: words joined by single spaces
            rf"\b(?:{trie_alternation(raw['described_markers'])}) (?P<words>(?:[\w-]+ ){{0,6}}?)"
            rf"(?P<head>{trie_alternation([h for h, _ in raw['described_heads']])})(?![\w-])"
            r"(?P<tail> (?:for(?: [a-z][\w-]*){1,3}|in [A-Z][\w-]*(?: [A-Z][\w-]*)?)(?![\w-]))?"),
        described_markers=tuple(raw["described_markers"]),
        described_kinds={h: PlatformKind(k) for h, k in raw["described_heads"]},
        placed_heads={h: PlatformKind(k) for h, k in raw["placed_heads"]},
        creating_verbs=tuple(raw["creating_verbs"]),
        created_heads={h: PlatformKind(k) for h, k in raw["created_heads"].items()},
        created_domain=frozenset(raw["created_domain"]),
        status_words=frozenset(raw["status_words"]),
        market_regions=frozenset(raw["market_regions"]),
        policy_verbs=tuple(raw["policy_verbs"]),
        purpose_heads=tuple(raw["purpose_heads"]),
        not_purposes=frozenset(raw["not_purposes"]),
        apposed_heads=tuple(raw["apposed_heads"]),
        document_heads=tuple(raw["document_heads"]),
        policy_phrases=tuple(raw["policy_phrases"]),
        quoted_slogans=tuple(raw["quoted_slogans"]),
        head_ends=frozenset().union(company_suffixes.by_last, platform_heads.by_last,
                                    initiative_heads.by_last, industry_heads, {"Town"}),
    )


@attrs.frozen
class Found:
    kind: str
    name: str
    start: int
    end: int
    platform_kind: PlatformKind | None = None
    region: str | None = None
    kb_id: str | None = None
    canonical: str | None = None  # the knowledge base's name, when linked
    weak: bool = False  # found by an industry word alone: not in a title-case headline



_INITIALS = "zh ch sh b p m f d t n l g k h j q x r z c s y w".split()
_FINALS = ("a o e i u v ai ei ui ao ou iu ie ve ue er an en in un ang eng ing ong ia iao ian "
           "iang iong ua uo uai uan uang van vn ue").split()
_SYLLABLES = frozenset(i + f for i in ["", *_INITIALS] for f in _FINALS) - {"i", "u", "v"}
_SYLLABLE = lazy_compile(
    "(?:" + "|".join(sorted(_SYLLABLES, key=lambda x: (-len(x), x))) + ")+")


def pinyin(word: str) -> bool:
    """Whether ``word`` reads as Chinese syllables in pinyin ("Datang", "Xiaoshan"): the
    name of a Chinese place or person, not an English word ("Fintech", "Things").

    >>> pinyin("Datang"), pinyin("Xiaoshan"), pinyin("Fintech"), pinyin("Things")
    (True, True, False, False)
    """
    return len(word) < 16 and _SYLLABLE.fullmatch(word.casefold()) is not None


# The region of each name's first three words (a name's place words), for the next name
# that begins with them ("Ningbo" of "Ningbo Zhoushan Port", named again and again).
_PLACE_CODES: dict[tuple[str, ...], str | None] = {}
_PLACE_CODES_KEPT = 1 << 14


def place_code(words: Sequence[str]) -> str | None:
    """The region a name begins with ("Ningbo Xusheng Group" → Ningbo)."""
    key = tuple(words[:3])
    if key in _PLACE_CODES:
        return _PLACE_CODES[key]
    code = None
    for n in (3, 2, 1):
        if len(key) >= n:
            place = gazetteer.lookup(" ".join(key[:n]))
            if place is not None and not place.ambiguous:
                code = place.code
                break
    if len(_PLACE_CODES) >= _PLACE_CODES_KEPT:
        _PLACE_CODES.clear()
    _PLACE_CODES[key] = code
    return code
