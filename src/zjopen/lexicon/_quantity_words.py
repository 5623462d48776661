"""The scan of :mod:`zjopen.quantities` for number words ("a dozen", "twice"), and its
pretest: most sentences hold none, and a set of their words proves it in C; and the
noun a number counts ("3000 mold companies")."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from zjopen.lexicon._letter_runs import letter_runs
from zjopen.lexicon.patterns import lazy_compile
from zjopen.lexicon.units import unit_table

__all__ = ["may_have_words", "millions_before", "word_keys", "word_matches"]

# Runs of letters that say little about a word of the number table: each word is keyed by
# its longest other run ("a billion" by "billion"), or by this one if it has no other.
_COMMON_RUNS = frozenset(("a", "of", "and", "year", "one"))


def word_keys(words: list[str]) -> dict[bytes, tuple[str, ...]]:
    """The number words (lower case: runs of letters a-z, one space or hyphen between
    two) by one run of letters of each, as :func:`zjopen.lexicon._letter_runs.letter_runs` gives it.

    >>> word_keys(["a billion", "one", "one-third", "third"])
    {b'billion': ('a billion',), b'one': ('one',), b'third': ('one-third', 'third')}
    """
    keys: dict[bytes, list[str]] = {}
    for word in words:
        if not re.fullmatch("[a-z]+(?:[ -][a-z]+)*", word):
            raise ValueError(f"not a number word of runs of a-z: {word!r}")
        key = max(re.split("[ -]", word), key=lambda run: (run not in _COMMON_RUNS, len(run)))
        keys.setdefault(key.encode("ascii"), []).append(word)
    return {key: tuple(sorted(set(found))) for key, found in sorted(keys.items())}


def may_have_words(lowered: str, keys: dict[bytes, tuple[str, ...]]) -> bool:
    """False where no match of the number-word pattern of :mod:`zjopen.quantities`
    (``words``) can begin at the start of a word of ``lowered``: with no letter, digit,
    ``_`` or ``-`` before it, the matches ``_word_quantities`` keeps. ``keys``: the
    pattern's words, :func:`word_keys`.

    Such a match begins with one word of the table, written as it is there, and each run
    of letters of that word is a whole run in the text: it begins at the match's start, or
    after a space or hyphen, and ends before one, or at the end of the word, where the
    pattern asks for ``\\b`` or a space or hyphen and a scale word. So the key run of the
    word is among the sentence's runs, and the word is in the sentence: two tests in C,
    which most sentences fail (the bare "billion" of "5 billion" is the key of "a billion"
    alone). A match inside a word (the "ten" of "often") is dropped, and where no match
    can be kept, none is lost by not scanning.

    >>> keys = word_keys(["a billion", "ten"])
    >>> may_have_words("5 billion often", keys), may_have_words("a billion", keys)
    (False, True)
    """
    for key in keys.keys() & letter_runs(lowered):
        for word in keys[key]:
            if word in lowered:
                return True
    return False


def word_matches(lowered: str, starts: re.Pattern[str],
                 words: re.Pattern[str]) -> list[re.Match[str]]:
    """``list(words.finditer(lowered))``, faster: ``words`` is tried only where ``starts``
    (its words alone, a trie) finds one of them begin (most sentences have none, or a few)."""
    search, match_at = starts.search, words.match
    out: list[re.Match[str]] = []
    position = 0
    while (hit := search(lowered, position)) is not None:
        match = match_at(lowered, hit.start())
        if match is None:
            position = hit.start() + 1
        else:
            out.append(match)
            position = match.end()
    return out


_NOUN_STOP = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "as", "than", "that", "which", "who", "this", "these", "those", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "it", "its", "their", "his", "her", "our", "per", "each", "every", "year",
    "years", "month", "months", "day", "days", "percent", "yuan", "dollars", "more", "less",
    "over", "about", "around", "nearly", "some", "up", "down", "into", "across", "among",
    "between", "during", "after", "before", "since", "until", "via", "while", "against",
})


_NOT_PLURAL = frozenset({"overseas", "news", "series", "species", "gas", "bus", "status",
                         "chassis", "various", "numerous", "previous", "famous", "serious"})


def _plural(word: str) -> bool:
    """Whether a word looks like a plural noun ("companies", not "overseas" or "various").

    >>> [_plural(w) for w in ("companies", "overseas", "glass", "routes")]
    [True, False, False, True]
    """
    low = word.casefold()
    return (len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))
            and low not in _NOT_PLURAL)


_MORE_WORDS = frozenset(("more", "fewer", "new", "additional", "other", "extra"))
# Up to four words; a word may be a number or a measure ("eight Fortune 500 companies",
# "four 14,000-ton ships") or stand in quotation marks ("nine “Zhoushan ship type” vessels")
# (a comma or a point only between digits: "14,000")
_WORDS_AFTER = lazy_compile(
    r"(?: [“\"]?[A-Za-z0-9](?:[A-Za-z0-9'-]|[,.](?=[0-9]))*[”\"]?){1,4}")


def _noun(text: str, pos: int) -> str | None:
    """The counted noun phrase right after ``pos`` ("mold companies"), or None."""
    following = _WORDS_AFTER.match(text, pos)
    return None if following is None else _noun_of(following.group())


@lru_cache(maxsize=4096)
def _noun_of(following: str) -> str | None:
    """The counted noun phrase of up to four words, each after a space."""
    words: list[str] = []
    for word in following.split(" ")[1:]:
        low = word.casefold()
        if not words and low in _MORE_WORDS:
            continue  # "twelve more cities", "200 fewer ships"
        if low in _NOUN_STOP:
            break
        words.append(word)
    # Up to the first plural-looking word: "mold companies", "banks (opened branches)".
    # (A word that closes a quotation is none: "the “six accelerations” strategy", "a “one
    # zone, three parks” model" are a slogan's words, not a count of anything.)
    first = next((i for i, w in enumerate(words) if _plural(w)), -1)
    return None if first < 0 else " ".join(words[: first + 1])


def millions_before(text: str, end: int, unit_after: re.Pattern[str],
                    after: dict[str, str]) -> bool:
    """Whether the "m" ending digits at ``end`` is "million": a word of a unit of
    containers, mass or money follows it (``unit_after`` matches the word, ``after``
    gives its unit) ("27.26m teu", "3m tonnes", "1.5m yuan"; "50m tall", "a 400m
    berth" are metres)."""
    if text[end : end + 1] != " ":
        return False
    unit = unit_after.match(text, end)
    return unit is not None and _in_millions(after[unit["unit"].casefold()])


@cache
def _in_millions(code: str) -> bool:
    """Whether an amount in the unit ``code`` may be written "4.2m" for millions."""
    return unit_table()[code].dimension in ("containers", "mass", "currency")
