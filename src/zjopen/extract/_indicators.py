"""What a figure measures: the noun phrase after an amount or in its clause before it
("the number of import orders rose" -> "number of import orders")."""

from __future__ import annotations

from functools import lru_cache

from zjopen.extract._figure_lists import NOT_AMOUNTS
from zjopen.extract._figure_words import (
    INDICATOR_EMPTY,
    INDICATOR_OF,
    INDICATOR_STOPS,
    INDICATOR_TRIM,
    INDICATOR_TRIM_AFTER,
    INDICATOR_TRIM_AFTER_WORDS,
    INDICATOR_TRIM_ASCII,
    INDICATOR_TRIM_BEFORE,
    INDICATOR_VERBS,
    LAST_CLAUSE_START,
)
from zjopen.extract._kinds import HAS_DIGIT
from zjopen.lexicon.patterns import lazy_compile


def indicator_of(sentence: str, low: str, start: int, right: str, unit: str) -> str | None:
    """The noun phrase naming what the figure at ``sentence[start:]`` measures, or None:
    the phrase after an amount ("2 billion yuan of foreign investment"), else the
    figure's clause before it split at its last verb ("the number of import orders rose"
    → "number of import orders"). ``low``: the sentence lower-cased; ``right``: the text
    after the figure. See ``indicators`` in ``figure_words.json``."""
    if unit not in NOT_AMOUNTS:
        after = INDICATOR_OF.match(right)
        if after is not None:
            words = []
            for word in right[after.end():].split()[:_INDICATOR_WORDS]:
                bare = word.rstrip(",.;:)")
                if not _WORD.fullmatch(bare) or bare.casefold() in INDICATOR_STOPS:
                    break
                words.append(bare)
                if bare != word:
                    break  # punctuation ends the phrase
            if words:
                return " ".join(words)
    left = sentence[:start]
    cut = left.rfind("--") + 2 if "--" in left else 0  # after a dateline
    last = LAST_CLAUSE_START.match(low, cut, start)  # the last of CLAUSE_START's matches
    if last is not None:
        cut = last.end()
    words = left[cut:].split()
    # The words case-folded: of ASCII text, the lower-cased text's own (the same words).
    folded = low[cut:start].split() if left.isascii() else [w.casefold() for w in words]
    verbs = INDICATOR_VERBS
    verb = len(words) - 1  # the last verb
    while verb >= 0 and folded[verb] not in verbs:
        verb -= 1
    if verb < 0:
        return _noun_phrase(words)
    first = verb
    while first and folded[first - 1] in verbs:
        first -= 1  # "had reached", "is expected to": the whole verb group
    # "exports rose 5% and imports fell": the subject after the last figure or verb
    begin = first
    while begin and not ((not folded[begin - 1].isalpha() and HAS_DIGIT.search(folded[begin - 1]))
                         or folded[begin - 1] in verbs):
        begin -= 1
    return _noun_phrase(words[verb + 1 :]) or _noun_phrase(words[begin:first])


_INDICATOR_WORDS = 6
_WORD = lazy_compile(r"[A-Za-z][A-Za-z-]*")


def _a_name(words: list[str]) -> bool:
    """Whether ``words`` are a name, not a measure: every content word capitalised
    ("Jinhua and Jiaxing", "Thailand"; but "Exports", a plural at a sentence's start)."""
    content = []
    for w in words:
        if w.islower() and w not in ("and", "or"):
            return False  # "Trade with Brazil": a measure and what it is with
        if w.casefold() not in INDICATOR_STOPS:
            content.append(w)
    if len(content) == 1 and content[0].casefold().endswith("s"):
        return False
    return bool(content) and all(w[:1].isupper() for w in content)


def trim(phrase: str) -> str:
    """``INDICATOR_TRIM.sub("", phrase)``: an ASCII phrase (most often) is read
    lower-cased by INDICATOR_TRIM_ASCII, and nothing is built when nothing is trimmed."""
    if not phrase.isascii():
        return INDICATOR_TRIM.sub("", phrase)
    low = phrase.lower()  # ascii_lower, for ASCII text
    if INDICATOR_TRIM_ASCII.search(low) is None:
        return phrase
    kept = []
    last = 0
    for match in INDICATOR_TRIM_ASCII.finditer(low):
        kept.append(phrase[last : match.start()])
        last = match.end()
    kept.append(phrase[last:])
    return "".join(kept)


def _trim_spaced(phrase: str) -> str:
    """``trim(phrase)`` for an ASCII phrase of words (no white space in them) joined by
    single spaces, with none at its ends (as _noun_phrase makes them): INDICATOR_TRIM's
    matches read as words. Its first alternative takes the first word and its space (a
    word of INDICATOR_TRIM_BEFORE, or a possessive: "Ningbo's"); its second the last
    words after a space, the most of them that make a phrase of INDICATOR_TRIM_AFTER
    (the leftmost match), after that first match if any."""
    low = phrase.lower()  # ascii_lower, for ASCII text
    first = low.find(" ")
    if first < 0:
        return phrase  # one word: both alternatives need a space
    head = low[:first]
    begin = first + 1 if head in INDICATOR_TRIM_BEFORE or (
        len(head) > 2 and head.endswith("'s")) else 0
    at = low.rfind(" ")
    if low[at + 1 :] not in _TRIM_AFTER_LAST:
        # The last words of a phrase of INDICATOR_TRIM_AFTER end with one of these.
        return phrase[begin:] if begin else phrase
    limit = begin or first  # where the space before the last words may be, at the least
    spaces = []
    at = len(low)
    for _ in range(INDICATOR_TRIM_AFTER_WORDS):
        at = low.rfind(" ", 0, at)
        if at < limit:
            break
        spaces.append(at)
    for at in reversed(spaces):  # the leftmost first
        if low[at + 1 :] in INDICATOR_TRIM_AFTER:
            return phrase[begin:at]
    return phrase[begin:] if begin else phrase


_TRIM_AFTER_LAST = frozenset(words.rsplit(" ", 1)[-1] for words in INDICATOR_TRIM_AFTER)
"""The last word of each phrase of INDICATOR_TRIM_AFTER."""


def _noun_phrase(words: list[str]) -> str | None:
    """``words`` trimmed to the noun phrase they name: no leading article, possessive or
    "total", no trailing verb, preposition or hedge ("more than"); None when that leaves
    no lower-case word, more than six words, or an adverb at the end."""
    return _noun_phrase_of(" ".join(words))


@lru_cache(maxsize=4096)
def _noun_phrase_of(joined: str) -> str | None:
    """:func:`_noun_phrase` of the words ``joined`` by single spaces. Cached: articles
    name what their figures measure with a few phrases, again and again ("exports",
    "the total import and export volume"), and trimming them is most of the work."""
    phrase = joined.strip(" ,;:")
    if not phrase:
        return None
    trimmer = _trim_spaced if phrase.isascii() else trim
    for _ in range(8):
        trimmed = trimmer(phrase).strip(" ,;:")
        if trimmed == phrase:
            break
        phrase = trimmed
    kept = phrase.split()
    if not kept or len(kept) > _INDICATOR_WORDS:
        return None  # too long
    last = kept[-1].casefold()
    if (last.endswith("ly") or last in INDICATOR_VERBS or last in INDICATOR_STOPS
            or not _WORD.fullmatch(kept[-1])):
        return None  # an adverb, a verb or a preposition at the end
    if HAS_DIGIT.search(phrase) or _a_name(kept):
        return None  # a number, or a name
    for w in kept:
        if w.casefold() not in INDICATOR_EMPTY:
            return phrase
    return None  # "a year-on-year increase"
