"""indicator_of reads the lower-cased sentence's words where the sentence is ASCII, and
tests its rejections cheapest first: the same phrases as the word-by-word reading it
replaced (kept here as the oracle), on sentences made of the words it reads."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._figure_lists import NOT_AMOUNTS
from zjopen.extract._figure_words import (
    CLAUSE_START,
    INDICATOR_EMPTY,
    INDICATOR_OF,
    INDICATOR_STOPS,
    INDICATOR_TRIM,
    INDICATOR_VERBS,
)
from zjopen.extract._indicators import _INDICATOR_WORDS, _WORD, indicator_of
from zjopen.extract._kinds import HAS_DIGIT
from zjopen.lexicon.patterns import ascii_lower


def _old_a_name(words: list[str]) -> bool:
    if any(w.islower() and w not in ("and", "or") for w in words):
        return False
    content = [w for w in words if w.casefold() not in INDICATOR_STOPS]
    if len(content) == 1 and content[0].casefold().endswith("s"):
        return False
    return bool(content) and all(w[:1].isupper() for w in content)


def _old_noun_phrase(words: list[str]) -> str | None:
    phrase = " ".join(words).strip(" ,;:")
    if not phrase:
        return None
    for _ in range(8):
        trimmed = INDICATOR_TRIM.sub("", phrase).strip(" ,;:")
        if trimmed == phrase:
            break
        phrase = trimmed
    kept = phrase.split()
    if (not kept or len(kept) > _INDICATOR_WORDS or HAS_DIGIT.search(phrase)
            or _old_a_name(kept)
            or all(w.casefold() in INDICATOR_EMPTY for w in kept)):
        return None
    last = kept[-1].casefold()
    if (not _WORD.fullmatch(kept[-1]) or last.endswith("ly") or last in INDICATOR_VERBS
            or last in INDICATOR_STOPS):
        return None
    return phrase


def _old_indicator_of(sentence: str, low: str, start: int, right: str,
                      unit: str) -> str | None:
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
                    break
            if words:
                return " ".join(words)
    left = sentence[:start]
    cut = left.rfind("--") + 2 if "--" in left else 0
    for match in CLAUSE_START.finditer(low, cut, start):
        cut = match.end()
    words = left[cut:].split()
    verb = len(words) - 1
    while verb >= 0 and words[verb].casefold() not in INDICATOR_VERBS:
        verb -= 1
    if verb < 0:
        return _old_noun_phrase(words)
    first = verb
    while first and words[first - 1].casefold() in INDICATOR_VERBS:
        first -= 1
    begin = first
    while begin and not (HAS_DIGIT.search(words[begin - 1])
                         or words[begin - 1].casefold() in INDICATOR_VERBS):
        begin -= 1
    return _old_noun_phrase(words[verb + 1 :]) or _old_noun_phrase(words[begin:first])


_WORDS = (
    "The the Ningbo's Hangzhou's total Total import and export exports Exports volume "
    "came to rose reached had is expected of foreign investment number orders climbed "
    "Thailand Trade with Brazil 5 5% 115.7 a year-on-year increase figure grew more than "
    "about over nearly Jinhua Jiaxing, which as but while; -- ( ) goods worth quickly "
    "ſtate İzmir Kelvin \u212a é mostly or"
).split()
_SENTENCE = st.lists(st.sampled_from(_WORDS), max_size=24).map(" ".join)


@settings(max_examples=1500)
@given(_SENTENCE, _SENTENCE, st.sampled_from(["CNY", "count", "%", "t", "USD"]))
def test_indicator_of_is_the_word_by_word_reading(before: str, after: str,
                                                  unit: str) -> None:
    sentence = before + " 5 " + after
    low = ascii_lower(sentence)
    start = len(before) + 1
    right = sentence[start + 1 :]
    assert (indicator_of(sentence, low, start, right, unit)
            == _old_indicator_of(sentence, low, start, right, unit))
