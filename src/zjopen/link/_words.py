r"""The linker's word tables (``data/link_words.json``) as the patterns
:mod:`zjopen.link.overseas` and :mod:`zjopen.link.subjects` match, built here once, at
import.

>>> [m.group() for m in EXPANSION.finditer("Top Group built a plant and runs two factories")]
['built', 'runs two factories']
>>> bool(PARTNER_NOUN.match(" buyers came")), bool(ENTITY.search("The Port of Ningbo"))
(True, True)
"""

from __future__ import annotations

import re
from typing import Any

from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import guarded_compile, lazy_compile, phrase_alt

_WORDS: dict[str, Any] = load_json("link_words.json")
_SPACED = r"\s"  # the words of these phrases may be split by any space character

# Overseas presence: the verbs of expansion, and who shares them.
_OVERSEAS = _WORDS["overseas"]
EXPANSION = guarded_compile(
    rf"\b(?:{phrase_alt(_OVERSEAS['expansion'])}"
    # the plant itself: "is expanding its plant in Monterrey, Mexico", "runs a factory in"
    rf"|{phrase_alt(_OVERSEAS['plant_verbs'])}\s(?:{phrase_alt(_OVERSEAS['plant_determiners'])}\s)?"
    rf"(?:{phrase_alt(_OVERSEAS['plant_adjectives'])}\s)?"
    rf"{phrase_alt(_OVERSEAS['plants'], space=_SPACED)}"
    rf"|{phrase_alt(_OVERSEAS['production_verbs'])}\s(?:mass\s)?production)\b",
    re.IGNORECASE,
)
JOINER = lazy_compile(r"\s*(?:,|and|,\s*and)\s*(?:(?:[A-Z][\w-]*\s){0,3}"
                    rf"{phrase_alt(_OVERSEAS['branch_nouns'])}\s(?:of\s)?(?:the\s)?)?")
NOT_SUBJECT = guarded_compile(rf"\b{phrase_alt(_OVERSEAS['not_subject_before'])}\s\Z")

# A company's home named next to its name: "Swedish brand Volvo", "Wenzhou-based smart
# energy solutions provider CHINT" (what stands between the place and the name, whole);
# "Meorient, a Zhejiang-based service provider" (between the name and the place, whole,
# and what follows the place).
HOME_BEFORE_ENDS = tuple(f"{word} " for word in (*_WORDS["homes"]["nouns"], "-based",
                                                 "-headquartered"))
"""What HOME_BEFORE's matches end with (a cheap test before it)."""
HOME_AFTER_STARTS = (", a ", ", an ", ", the ")
"""What HOME_AFTER_LEAD's matches begin with."""
_HOME_NOUNS = phrase_alt(_WORDS["homes"]["nouns"])
HOME_BEFORE = lazy_compile(
    rf"-(?:based|headquartered)\s(?:(?:[\w-]+\s){{0,3}}{_HOME_NOUNS}\s)?"
    rf"|\s(?:[a-z][\w-]*\s){{0,3}}{_HOME_NOUNS}\s")
HOME_AFTER_LEAD = lazy_compile(r",\s(?:a|an|the)\s(?:[a-z][\w-]*\s){0,2}")
HOME_AFTER = lazy_compile(rf"(?:-based)?\s(?:[A-Za-z][\w-]*\s){{0,3}}{_HOME_NOUNS}\b(?!['’-])")

# Subjects: organisations and events (no region), partners, scopes, openers, captions.
_SUBJECTS = _WORDS["subjects"]
# Each alternative begins with "\b" and a capital, or "The", "Its", "This", "That" (either
# case): that first letter is read first, as a set the engine skips to in C (a guard's
# look-ahead was tried at every position), with "\b" after it as "no word character
# before it", and each alternative says by a look-behind which letters it begins with
# (tests/test_link_engine_skips.py holds the former pattern as its oracle).
ENTITY = lazy_compile(
    r"[A-ZTtIi](?<!\w.)(?:"
    rf"(?<=[A-Z])[\w'&.-]*\s(?:\b[A-Z][\w'&.-]*\s){{0,7}}{phrase_alt(_SUBJECTS['entity_heads'])}\b"
    r"|(?:(?<=[Tt])(?:he|his|hat)|(?<=[Ii])ts)\s(?:[\w-]+\s){0,4}?"
    rf"{phrase_alt(_SUBJECTS['entity_nouns'])}\b"
    rf"(?!\s{phrase_alt(_SUBJECTS['not_after_entity_nouns'])})"
    # ("The port city of Ningbo": "the" is no name, and "port city" no port)
    rf"|(?<=[A-Z])(?!he\s|his\s|hat\s|ts\s)[\w-]*\s(?:\b[A-Z][\w-]*\s){{0,3}}"
    rf"{phrase_alt(_SUBJECTS['named_nouns'])}\b"
    r"|(?<=[A-Z])[a-z]+(?:\s[A-Z][a-z]+){0,2}'\s"
    # a product: "Jikrypton 007" (not a period: "In Q1", "the H1")
    r"|(?<=[A-Z])[a-z]+\s(?!(?:Q[1-4]|H[12])\b)(?:0[0-9]{1,2}|[A-Z][0-9]{1,2})\b)",
)
ENTITY_WORDS = sorted({*_SUBJECTS["entity_heads"], *_SUBJECTS["entity_nouns"],
                       *_SUBJECTS["named_nouns"]})
"""The head words of :data:`ENTITY`: every match of it holds one whole, or a possessive
("s' ") or a product number."""
# After a place outside Zhejiang, a noun that makes it a partner's origin ("Shanghai
# buyers", "a Hong Kong investor"), as a nationality does for a country.
PARTNER_NOUN = lazy_compile(rf"\s{phrase_alt(_SUBJECTS['partner_nouns'])}\b")
PARTNER_FROM = guarded_compile(  # "investors from Hong Kong"
    rf"\b{phrase_alt(_SUBJECTS['partner_nouns'])}\sfrom\s(?:the\s)?\Z", re.IGNORECASE)
SCOPE = guarded_compile(rf"\b{phrase_alt(_SUBJECTS['scope_prepositions'])}\s(?:the\s)?\Z",
                        re.IGNORECASE)
SCOPE_REACH = max(map(len, _SUBJECTS["scope_prepositions"])) + len(" the ")
"""The length of SCOPE's longest match: a search for one that ends at a place starts this
far before it (the prepositions are words, no stems)."""
# A sentence opening with an adverbial ("As the core of Ningbo Zhoushan Port, Beilun's
# structure ..."): its subject comes after the comma.
# (and a place's asides after it: "Located in Ningbo, on the coast of ..., the port ...")
OPENER = lazy_compile(rf"{phrase_alt(_SUBJECTS['openers'])}\s[^,]{{3,80}},\s"
                      r"(?:(?:on|in|at|near|along|off)\s[^,]{2,80},\s){0,2}")
OPENER_WORDS = tuple(phrase.split("*", 1)[0] for phrase in _SUBJECTS["openers"])
"""The openers as written (to a stem's ``*``): OPENER matches only where one begins."""
CAPTION = guarded_compile(rf"\b{phrase_alt(_SUBJECTS['caption_phrases'])}\b"
                          rf"|\({phrase_alt(_SUBJECTS['caption_credits'])}\b")
CAPTION_HINTS = tuple(sorted({max(phrase.split(), key=len).lower()
                              for phrase in _SUBJECTS["caption_phrases"]}))
"""A word of each caption phrase, lower-cased: a text (lower-cased) with none of them
and no "(" holds no caption."""
# Definite descriptions ("the port", "the Ningbo-based company"): the platform kinds each
# noun can stand for, the nouns that stand for a company; "-based" and its kin.
DESCRIBED_PLATFORMS: dict[str, tuple[str, ...]] = {
    noun: tuple(kinds) for noun, kinds in _SUBJECTS["described_platforms"].items()}
DESCRIBED_COMPANIES = frozenset(_SUBJECTS["described_companies"])
BASED = lazy_compile(rf"-{phrase_alt(_SUBJECTS['based_suffixes'])}\b")
# "China's busiest port, the Port of Ningbo Zhoushan, ...": a description of the thing
# (its noun last) between the place's possessive and the record's name, set off by a comma.
APPOSED_GAP = lazy_compile(
    rf"'s?\s(?:[a-z][\w-]*\s){{0,3}}{phrase_alt(_SUBJECTS['apposed_nouns'])},\s(?:the\s)?"
    # "Ningbo appliance maker Aux", "Hangzhou e-commerce giant Alibaba": the company
    rf"|\s(?:[a-z][\w-]*\s){{0,2}}{phrase_alt(_SUBJECTS['company_nouns'])}\s")
AREA_UNITS = frozenset(_SUBJECTS["area_units"])
"""Units of land area: a zone's or a site's size, never a place's figure."""
DURATION_UNITS = frozenset(_SUBJECTS["duration_units"])
"""Units of a span of time shorter than a year: how long a task took, no place's figure."""
_RANK_WORDS = phrase_alt(_SUBJECTS["rank_words"])
_ORDINALS = "|".join(f"{digit}(?:st|nd|rd|th)" for digit in "0123456789")
# "ranking the third in Zhejiang": Zhejiang is the scope. The rank words' alternatives
# (phrase_alt's one group, opened) and the ordinals ("[0-9](?:st|nd|rd|th)" written out
# digit by digit) each begin with a literal, in one alternation: the engine skips in C
# to their first characters (a guard's look-ahead tried at every position instead).
RANK_SCOPE = lazy_compile(
    rf"(?:{_RANK_WORDS[3:-1]}|{_ORDINALS})\b[^.;:,]{{0,30}}?"
    r"\b(?:in|among|across)\s(?:the\s)?\Z")
RANK_SCOPE_ENDS = ("in", "among", "across", "the")
"""The words RANK_SCOPE's matches end with (before a space): a place after none of them is
no ranking's scope."""
_RANK_STEMS = {word.split("*", 1)[0] for word in _SUBJECTS["rank_words"]}
RANK_KEYS = tuple(sorted(stem for stem in _RANK_STEMS
                         if not any(other != stem and other in stem for other in _RANK_STEMS)))
"""Each rank word as written (to a stem's ``*``), but those that hold another ("ranked"
holds "rank"): every match of RANK_SCOPE holds one of them, or an ordinal (ORDINAL)."""
ORDINAL = lazy_compile(r"[0-9](?:st|nd|rd|th)")


def ranked(text: str, start: int, end: int) -> bool:
    """``RANK_SCOPE.search(text, start, end)`` found, searched only where one of
    RANK_KEYS or an ordinal stands (a few str.find: the pattern is tried at most
    characters of its window)."""
    window = text[start:end]
    for key in RANK_KEYS:
        if key in window:
            break
    else:
        if ORDINAL.search(window) is None:
            return False
    return RANK_SCOPE.search(text, start, end) is not None


RANK_SCOPE_REACH = (max(*map(len, _SUBJECTS["rank_words"]), len("0th")) + 30
                    + len("across") + len(" the "))
"""The length of RANK_SCOPE's longest match (a rank word or an ordinal, up to 30 other
characters, the longest scope word and " the "): one that ends at a place begins no
further before it."""
_RANK_SCOPE_LAST = frozenset(word[-1] for word in RANK_SCOPE_ENDS)


def rank_scope(text: str, start: int) -> bool:
    """Whether what is named at ``start`` is a ranking's scope ("ranking the third in
    Zhejiang", "fourth in the province"): :func:`ranked` over RANK_SCOPE_REACH, after
    the cheap tests of what RANK_SCOPE ends with (a scope word's last letter, the word,
    a space)."""
    return (text[start - 2 : start - 1] in _RANK_SCOPE_LAST and text[start - 1 : start].isspace()
            and text.endswith(RANK_SCOPE_ENDS, 0, start - 1)
            and ranked(text, max(0, start - RANK_SCOPE_REACH), start))
# "higher than the national average of 39,000 yuan": a benchmark, nationwide
NATIONAL_BENCHMARK = lazy_compile(
    rf"\b{phrase_alt(_SUBJECTS['national_benchmarks'])}\s(?:of|at)\s(?:[a-z]+\s){{0,2}}\Z")
NATIONAL_BENCHMARK_REACH = max(map(len, _SUBJECTS["national_benchmarks"])) + 24
"""How far before a figure NATIONAL_BENCHMARK is looked for."""
# What stands before and after the place that a figure with nothing named before it is
# about ("900 firms make toys in Yunhe, ..."; zjopen.link._respectively._place_after).
PLACE_AFTER = lazy_compile(rf"\b{phrase_alt(_SUBJECTS['place_after_words'])}\s\Z")
PLACE_AFTER_REACH = max(map(len, _SUBJECTS["place_after_words"])) + 2
"""The length of PLACE_AFTER's longest match and a character before it (for "\\b")."""
PLACE_AFTER_END = lazy_compile(r"[,.;]|\Z")
# "..., officials said at a press conference (held) in Beijing.": where a speaker spoke
PLACE_AFTER_EVENT = lazy_compile(
    rf"\b{phrase_alt(_SUBJECTS['place_after_not_events'])}\s(?:held\s)?in\s\Z")
PLACE_AFTER_EVENT_REACH = max(map(len, _SUBJECTS["place_after_not_events"])) + 10
"""The length of PLACE_AFTER_EVENT's longest match and a character before it."""
# "it opened 40 stores in Ningbo": a pronoun before the figure keeps the topic on
PLACE_AFTER_PRONOUN = guarded_compile(rf"\b{phrase_alt(_SUBJECTS['place_after_pronouns'])}\b",
                                      re.IGNORECASE)
PLACE_AFTER_UNITS = frozenset(_SUBJECTS["place_after_units"])
"""The units of the figures a place after them is about: counts ("900 firms")."""
# "25 million containers at Ningbo-Zhoushan Port", "deals were reached at the
# just-concluded Global Digital Trade Expo": the words before a platform's name that a
# figure with nothing named before it is about.
RECORD_AFTER = lazy_compile(
    rf"{phrase_alt(_SUBJECTS['record_after_words'])}\s(?:the\s)?(?:[a-z][\w-]*\s){{0,2}}")
RECORD_AFTER_WORDS = tuple(f" {word} " for word in _SUBJECTS["record_after_words"])
"""The words of RECORD_AFTER, with the spaces around them (found by str.rfind)."""
RECORD_AFTER_WORD = lazy_compile(rf"\s{phrase_alt(_SUBJECTS['record_after_words'])}\s")
"""One of those words (a cheap test before the rest)."""
RECORD_AFTER_PLAIN = all(word.isascii() and word.isalpha()
                         for word in _SUBJECTS["record_after_words"])
"""Whether each of those words is letters only: where the one white space character is
the space, RECORD_AFTER_WORD matches where one of RECORD_AFTER_WORDS stands."""
RECORD_AFTER_REACH = 160
"""The most characters between a figure and the name of the platform after it."""
RECORD_AFTER_WORDS_REACH = 60
"""How far before the platform's name RECORD_AFTER's match may begin."""
NATIONAL_BODIES: tuple[str, ...] = tuple(_SUBJECTS["national_bodies"])
"""Bodies whose figures are nationwide ("the State Council approved pilot zones in 22
more cities"), as written."""
DESTINATION_MARKET = guarded_compile(  # "the Russian market", "the domestic market" (not
    # "The market offers ...", a definite description opening a sentence)
    rf"\b(?:(?!(?:The|This|That|Its|Their)\s)[A-Z][a-z]+"
    rf"|{phrase_alt(_SUBJECTS['market_qualifiers'])})\smarkets?\Z")

# Words a platform's name may be written with or without ("Hangzhou (International)
# Airport"): each name's last word, and the words left out of the key before it.
OPTIONAL_WORDS: dict[str, frozenset[str]] = {
    head: frozenset(words) for head, words in _WORDS["merging"]["optional"].items()}
