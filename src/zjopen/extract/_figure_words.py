r"""The figure extractor's word tables (``data/figure_words.json``, number words from
``data/numbers.json``) as the patterns :mod:`zjopen.extract.metrics` matches, built
here once, at import.

A context pattern is anchored at the end of the text before a figure (``\Z``) or at
the start of the text after it (``\A``), bounded, and linear; most are matched against
ASCII-lower-cased text (:func:`~zjopen.lexicon.patterns.lower_compile`).

>>> bool(CHANGE_LEFT.search("exports increased by ")), bool(FALL_LEFT.search("rose "))
(True, False)
>>> next(q for pattern, q in QUALIFIERS if pattern.search("no more than ")).value
'at_most'
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any

from zjopen.lexicon.load import load_json
from zjopen.lexicon.numbers import cardinals, ordinals
from zjopen.lexicon.patterns import (
    alt,
    guarded_compile,
    lazy_compile,
    lower_compile,
    lower_pattern,
    phrase,
    phrase_alt,
    trie_alternation,
)
from zjopen.model import Qualifier

_WORDS: dict[str, Any] = load_json("figure_words.json")
_SPACED = r"\s"  # the words of these phrases may be split by any space character


def _last_words(words: list[str]) -> tuple[str, ...]:
    """The last word of each phrase, lower-cased: a pattern that ends with one of the
    phrases and then white space matches only text that, its white space stripped, ends
    with one (``str.endswith``, a cheap test before the pattern's search)."""
    last = {word.split()[-1].lower() for word in words}
    if any("*" in word for word in last):
        raise ValueError(f"a last word is a stem: {sorted(last)!r}")
    return tuple(sorted(last))


# Qualifiers: the groups in the table's order, the first that fits wins.
_QUALIFIER_ORDER = _WORDS["qualifiers"]["order"]
QUALIFIERS = tuple((lower_compile(rf"\b{phrase_alt(group['words'])}\s*\Z"),
                    Qualifier(group["qualifier"])) for group in _QUALIFIER_ORDER)
# Matches where any of them does: most figures have no qualifier, and one search says so.
ANY_QUALIFIER = lower_compile(
    rf"\b{phrase_alt(w for group in _QUALIFIER_ORDER for w in group['words'])}\s*\Z")
QUALIFIER_ENDS = _last_words([w for group in _QUALIFIER_ORDER for w in group["words"]])
"""What the text before a figure ends with (white space stripped) where ANY_QUALIFIER
matches."""


def _longest(words: list[str]) -> int:
    """The most characters a match of one of the literal phrases ``words`` can hold."""
    if any("*" in word for word in words):
        raise ValueError(f"a qualifier is a stem: {sorted(words)!r}")
    return max(map(len, words))


QUALIFIER_LONGEST = _longest([w for group in _QUALIFIER_ORDER for w in group["words"]])
"""The longest qualifier: a match of ANY_QUALIFIER (or of one of QUALIFIERS) begins at
most this many characters before the end of the text, its white space stripped (a search
may begin there)."""
FILLER = lower_compile(rf"(?:\b{phrase_alt(_WORDS['qualifiers']['fillers'])}\s+){{1,3}}\Z")
FILLER_ENDS: tuple[str, ...] = tuple(sorted(
    {w.split()[-1] for w in _WORDS["qualifiers"]["fillers"]}))
"""The last words of the fillers: a text that FILLER matches ends, once its white space
is stripped, with one of them (a cheap test before FILLER.sub)."""
FILLER_WORDS = frozenset(word for filler in _WORDS["qualifiers"]["fillers"]
                         for word in filler.split(" "))
"""The words of the fillers: the words of a text that a match of FILLER takes whole (all
but perhaps its first, which it may take the end of: "(of")."""
FILLER_MOST = 3 * max(len(filler.split(" ")) for filler in _WORDS["qualifiers"]["fillers"])
"""The most words a match of FILLER takes (three fillers)."""
if not all(re.fullmatch("[a-z]+", word) for word in FILLER_WORDS):
    raise ValueError(f"a filler word is not of letters a-z: {sorted(FILLER_WORDS)!r}")
_AFTER = _WORDS["qualifiers"]["after_change"]
# A qualifier between a change and its figure: "up from only 6.9 percent", "increased by
# about 50 billion yuan", "grown by an average of 11 percent".
_AFTER_CHANGE = rf"(?:{phrase_alt(_AFTER)}\s)?"

# Changes: "rose 5%", "5% year-on-year", "an increase of 3,000".
_CHANGES = _WORDS["changes"]
_RISE = phrase_alt(_CHANGES["rise"])
_FALL = phrase_alt(_CHANGES["fall"])
_CHANGE = f"(?:{_RISE}|{_FALL})"
_COMPARATIVES = _CHANGES["comparatives"]
CHANGE_LEFT = lower_compile(rf"\b{_CHANGE}\b(?:\s+\w+){{0,3}}\s*\Z")
# A fall word with no rise word after it: "contracted foreign investment rose 12%" rose
# ("cut by up to 30%" fell: "up" alone, which "up to" begins, is not read as one here).
_RISE_AFTER_FALL = phrase_alt([w for w in _CHANGES["rise"] if w != "up"])
# (a qualifier may follow the three words: "cutting costs by an estimated 20 percent")
FALL_LEFT = lower_compile(rf"\b{_FALL}\b(?:\s+(?!{_RISE_AFTER_FALL}\b)\w+){{0,3}}"
                          rf"(?:\s+{phrase_alt(_AFTER)})?\s*\Z")
CHANGE_RIGHT = lower_compile(
    rf"\A\s*(?:"
    rf"{phrase_alt([*_CHANGES['compared'], *_COMPARATIVES['rise'], *_COMPARATIVES['fall']])}\b"
    rf"|,?\s*(?:an?\s)?{_CHANGE}\b)")
FALL_RIGHT = lower_compile(
    rf"\A\s*,?\s*(?:an?\s)?{_FALL}\b|\A\s*{phrase_alt(_COMPARATIVES['fall'])}\b")
# The figure a change started from: "up from 6.9 percent a year earlier".
BASE_LEFT = lower_compile(rf"\b{_CHANGE}\sfrom\s{_AFTER_CHANGE}\Z")
BASE_LEFT_ENDS = _last_words(["from", *_AFTER])
"""What the text ends with (white space stripped) where BASE_LEFT matches."""
YEAR_EARLIER = lower_compile(
    rf"\A\s{phrase_alt(_CHANGES['from_year_earlier'], space=_SPACED)}\b")
YEAR_EARLIER_SECOND = frozenset(phrase[0].lower() for phrase in _CHANGES["from_year_earlier"])
"""The characters a match of YEAR_EARLIER goes on with after its white space: a test
before the pattern, which most texts after a figure fail."""
TO_LEVEL = lower_compile(rf"\b(?:{_CHANGE}|{phrase_alt(_CHANGES['to_level'])})\sto\s*\Z")
TO_LEVEL_ENDS = ("to",)
"""What the text ends with (white space stripped) where TO_LEVEL matches."""
# A change set after its level, as an aside: "US$2.7 billion, a year-on-year increase of
# 91.3%", "..., up 5 percent": it shares the level's kind, a "will" makes no target of it.
CHANGE_ASIDE = lower_compile(
    rf",\s(?:(?:an?\s)?(?:[\w-]+\s)?{phrase_alt(_CHANGES['nouns'])}\sof|up|down)\s"
    rf"(?:by\s)?{_AFTER_CHANGE}\Z")
AMOUNT_CHANGE = lower_compile(
    rf"\b(?:{_CHANGE}\sby|(?:an?\s)?{phrase_alt(_CHANGES['nouns'])}\sof)"
    rf"\s{_AFTER_CHANGE}\Z")
AMOUNT_CHANGE_ENDS = _last_words(["by", "of", *_AFTER])
"""What the text ends with (white space stripped) where AMOUNT_CHANGE matches."""

# Shares: "made up 45 percent", "45 percent of the total".
_SHARES = _WORDS["shares"]
# ... also with a qualifier between: "made up more than 20 percent", "make up about 30".
_QUALIFIER_WORDS = [w for group in _QUALIFIER_ORDER for w in group["words"]]
MADE_UP = lower_compile(rf"\b{phrase_alt(_SHARES['made_up'], space=_SPACED)}"
                        rf"(?:\s+{phrase_alt(_QUALIFIER_WORDS)})?\s*\Z")
MADE_UP_ENDS = _last_words([*_SHARES["made_up"], *_QUALIFIER_WORDS])
"""What the text ends with (white space stripped) where MADE_UP matches."""

# A growth rate with no change word beside its figure: "the growth rate of furniture
# exports is 19.2%", "growth ... stayed above 20%" (no share word: "growth's share was")
GROWTH_SUBJECTS = tuple(_CHANGES["subjects"])
"""Literals: a text before a figure that holds none has no match of GROWTH_SUBJECT."""
# ... no other figure between it and this one ([^0-9%;]: no digit, percent sign, clause)
GROWTH_SUBJECT = lower_compile(rf"\b{phrase_alt(GROWTH_SUBJECTS)}\b[^0-9%;]*\Z")
SHARE_WORD = lower_compile(rf"\b{phrase_alt(_SHARES['words'])}")
OF_RIGHT = lower_compile(r"\A\s?of\b")  # "20 percent of the total": a part of a whole

# Targets: "aims to reach 100 billion yuan", "500 companies are expected to".
TARGET = lower_compile(rf"\b{phrase_alt(_WORDS['targets']['before'])}\b")
# "GDP is expected to increase by 3%" in January, of last year; "was estimated to have
# grown 5.2 percent": an estimate of a year already ended, no target (its "have": perfect)
ESTIMATE = lower_compile(rf"\b(?:is|are|was|were)\s{phrase_alt(_WORDS['targets']['estimates'])}"
                         r"\sto\s(?P<perfect>have\s)?[^,;]*\Z")
ESTIMATE_MONTHS: int = _WORDS["targets"]["estimate_months"]
TARGET_GAPPED = lower_compile(  # "expects its exports to grow": a verb, a gap, "to"
    rf"\b{phrase_alt(_WORDS['targets']['gapped'])}\s(?:[\w'-]+\s){{1,5}}?to\s")
TARGET_RIGHT = lower_compile(
    rf"\b{phrase_alt(_WORDS['targets']['after'], space=_SPACED)}\b")
_RIGHT_TAILS = {" ".join(word.split()[1:]) if word.split()[0] in ("is", "are") else word
                for word in _WORDS["targets"]["after"]}
TARGET_RIGHT_TAILS: tuple[str, ...] = tuple(sorted(w.lower() for w in _RIGHT_TAILS))
if any("*" in w for w in TARGET_RIGHT_TAILS):
    raise ValueError(f"a target word after a figure is a stem: {TARGET_RIGHT_TAILS!r}")
"""The target words after a figure without their "is" or "are" ("expected", "to be",
"will"): a sentence that holds none of them has no match of TARGET_RIGHT after any of
its figures (:func:`~zjopen.extract._kinds.may_have_target_after`, a test of the
sentence, once, before the search of each clause)."""

_COMMON_RUNS = frozenset(("to", "is", "are"))  # words that say little of a phrase


def _run_keys(phrases: list[str]) -> tuple[frozenset[bytes], tuple[str, ...]]:
    r"""Of word phrases matched between ``\b`` (or before ``\s``), words split by white
    space: one word of each that every match holds as a whole run of letters a-z (no
    such letter on either side, :func:`~zjopen.lexicon._letter_runs.letter_runs`), the
    longest that is not a common word; and of a phrase of stems alone ("target*"), the
    stem, a literal every match holds.

    >>> keys, stems = _run_keys(["is set to", "to be", "target*"])
    >>> sorted(keys), stems
    ([b'be', b'set'], ('target',))
    """
    keys: set[bytes] = set()
    stems: set[str] = set()
    for words in (written.split(" ") for written in phrases):
        if not all(re.fullmatch(r"[a-z]+\*?", word) for word in words):
            raise ValueError(f"a target word not of letters a-z (and a '*'): {words!r}")
        whole = [word for word in words if not word.endswith("*")]
        if whole:
            keys.add(max(whole, key=lambda word: (word not in _COMMON_RUNS, len(word)))
                     .encode("ascii"))
        else:
            stems.add(words[0][:-1])
    return frozenset(keys), tuple(sorted(stems))


TARGET_KEYS, TARGET_STEMS = _run_keys([*_WORDS["targets"]["before"],
                                       *_WORDS["targets"]["gapped"]])
"""A word of each phrase of TARGET and TARGET_GAPPED (runs of letters), and the stems of
those with no whole word: a sentence whose runs hold no key and whose text holds no stem
has no match of either."""
TARGET_RIGHT_KEYS = _run_keys(list(TARGET_RIGHT_TAILS))[0]
"""A word of each tail of TARGET_RIGHT (runs of letters; no tail is a stem): a sentence
whose runs hold none has no match of TARGET_RIGHT."""

# Ranks: "ranked third", "one of the top 10", "second-largest", "advanced 5 places".
_RANKS = _WORDS["ranks"]
_RANK_ORDINALS = ordinals(highest=_RANKS["ordinals_up_to"])
_TOP_COUNTS = {word: value for word, value in cardinals(phrases=False).items()
               if value in _RANKS["top_counts"]}
_MOVE_COUNTS = cardinals(*_RANKS["move_counts"], phrases=False)
RANK_ORDINALS: tuple[str, ...] = tuple(_RANK_ORDINALS)
"""The ordinal words the rank patterns read as positions ("first" ... "tenth")."""
RANK_WORDS = {**_RANK_ORDINALS, **_TOP_COUNTS, **_MOVE_COUNTS, "number one": 1}
"""The value of each number word the rank patterns read."""
_ORDINAL = alt(_RANK_ORDINALS)
_APPOSITIVE_SCOPES = phrase_alt(_RANKS["appositive_scopes"], space=r"\s")
# The alternatives of RANK that begin with "\b" before a word character (in order) ...
_RANK_WORDS = [
    rf"\b{phrase_alt(_RANKS['verbs'])}\s(?:among\sthe\s|in\sthe\s|at\s|the\s)?"
    rf"(?:top\s(?P<top>[0-9]+)"
    rf"|No\.\s?(?P<no>[0-9]+)|(?P<nth>[0-9]+)(?:st|nd|rd|th)|(?P<word>{_ORDINAL}))\b",
    # "one of the top 10", "among its top five", "among Yiwu's top five"
    rf"\b(?:one\sof|among|amongst)\s(?:the|its|their|[a-z]+'s)\stop\s"
    rf"(?P<top2>[0-9]+|{alt(_TOP_COUNTS)})\b",
    # "lift the port into the top 10", "the world's top 30", "China's top three"
    rf"\b(?:into\sthe|{phrase_alt(_RANKS['owners'])}'s)\stop\s"
    rf"(?P<top3>[0-9]+|{alt(_TOP_COUNTS)})\b",
    r"\bNo\.\s?(?P<no2>1)\b",
]
_RANK_PLACES = [
    r"\b(?P<place>[0-9]+)(?:st|nd|rd|th)\splace\b",
    # "took third place" (but "in the first place" is an idiom); "taking the first place
    # in this province", "occupying the first place in the city"
    rf"(?<!the\s)\b(?P<placew>{_ORDINAL})\splace\b",
    rf"\b{phrase_alt(_RANKS['place_verbs'])}\sthe\s(?P<placew2>{_ORDINAL})\splace\b",
    # "put Ningbo fifth among cities"
    rf"\b{phrase_alt(_RANKS['put'])}\s[^\s,.;]+\s(?P<put>{_ORDINAL}|[0-9]+(?:st|nd|rd|th))"
    r"(?=\s(?:among|in|on|nationwide|globally|worldwide)\b)",
    # "China's number one passenger car exporter", "number one in China"
    r"(?<='s\s)(?P<numone>number\sone)\b",
    r"\b(?P<numone2>number\sone)(?=\s(?:in|among|nationwide|globally|worldwide)\b)",
    # "..., sixth among cities in China", "..., fourth in the country": a rank set after
    # a comma, with its scope
    rf"(?<=,\s)(?:the\s)?(?P<appos>{_ORDINAL}|[0-9]+(?:st|nd|rd|th))"
    rf"(?=\s{_APPOSITIVE_SCOPES}\b)",
    # "moved up from 6th in 2012 to 4th in 2016"
    r"\b(?:from|to)\s(?P<fromto>[0-9]{1,3})(?:st|nd|rd|th)\b"
    r"(?!(?:\s(?:to|and|-)\s[0-9]{1,2}(?:st|nd|rd|th)?)?\s(?:of\s)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\s(?:century|anniversary|edition|session|round|floor)\b)",
    # "the second-largest", "the fifth largest in the world"
    rf"\b(?P<sup>{_ORDINAL}|[0-9]+(?:st|nd|rd|th))[-\s]{phrase_alt(_RANKS['superlatives'])}\b",
    # "China's first cross-border e-commerce pilot zone", "the world's first ... platform"
    # (not "the world's first-class hub": a quality, no position)
    rf"\b{phrase_alt(_RANKS['owners'])}'s\s(?P<poss>first)\b(?!-(?:class|rate|tier)\b)",
]
# ... and the two that begin with a comma or a space after a rank: "ranking the 2nd and
# the 7th", "10th, 3rd, 17th, and 24th" (the ordinals a list of ranks goes on with),
# "ranks first in China and eighth in the world".
_RANK_ALSO = (r"(?<=[0-9](?:st|nd|rd|th))(?:,(?:\sand)?|\sand|\sor)\s(?:the\s)?(?P<also>[0-9]+)"
              r"(?:st|nd|rd|th)\b")
_RANK_ALSO2 = rf"(?<=[a-z])\sand\s(?:the\s)?(?P<also2>{_ORDINAL})\s(?:in|among)\s"


def _after_non_word(branch: str) -> str:
    r"""A branch of RANK for RANK_SCAN, which tries it right after a non-word character:
    there its ``\b`` before a word character always holds. Left out, the branch begins
    with its first word, whose first letter the engine tests at once (a third faster)."""
    return branch.replace(r"(?<!the\s)\b", r"(?<!the\s)", 1).removeprefix(r"\b")


RANK = lower_compile("|".join([*_RANK_WORDS, _RANK_ALSO, _RANK_ALSO2, *_RANK_PLACES]))
"""Ranks: searched in a lower-cased sentence; see :data:`RANK_SCAN`."""
RANK_SCAN = lower_compile(
    r"\W(?:(?<=[0-9](?:st|nd|rd|th)[,\s])(?:(?<=,)(?:\sand)?|(?<=\s)and|(?<=\s)or)\s(?:the\s)?"
    r"(?P<also>[0-9]+)(?:st|nd|rd|th)\b"
    rf"|(?<=[a-z]\s)and\s(?:the\s)?(?P<also2>{_ORDINAL})\s(?:in|among)\s"
    rf"|{'|'.join(_after_non_word(branch) for branch in [*_RANK_WORDS, *_RANK_PLACES])})")
""":data:`RANK` for the lower-cased sentence after a space, found five times faster: a
pattern that begins with a character class is skipped along in C, where RANK is tried in
full at every position. Each match begins with one character more: the character before
a rank that begins with a word, or the comma or space that begins one that goes on a
list ("also", "also2", tried first, as they start one character earlier). A match that
ends with a space can be followed at once by one that RANK_SCAN cannot see; RANK finds
the next there."""
# "ranked third, second and fifth": the ordinal words a list of ranks goes on with
RANK_ALSO = lower_compile(rf"(?:,\s?(?:and\s)?|\sand\s|\sor\s)(?:the\s)?(?P<also>{_ORDINAL})\b")
RANK_BRANCH_RUNS = frozenset(word.lower().encode("ascii") for word in (
    *_RANKS["verbs"], *_RANKS["put"], *_RANKS["superlatives"], "top"))
"""The words one of which a match of RANK's branches of a verb ("ranked"), a list ("one
of the top 10", "into the top 20", "the world's top 30"), "put" or a superlative
("second-largest") holds, each a whole run of letters (no letter a-z beside it)."""
RANK_OWNER_RUNS = frozenset(word.lower().encode("ascii") for word in _RANKS["owners"])
RANK_SCOPE_RUNS = frozenset(phrase.split()[-1].encode("ascii")
                            for phrase in _RANKS["appositive_scopes"])
"""The last word of each scope of a rank after a comma ("among", "country"), a run."""
"""The owners of "China's first", each a whole run of letters in a match."""
RANK_DOWN = frozenset(_RANKS["down"])
"""The verbs of a move down a ranking ("fell 3 places"), in lower case."""
RANK_MOVE = lower_compile(
    rf"\b(?P<dir>{phrase_alt([*_RANKS['up'], *_RANKS['down']])})\s"
    rf"(?:by\s)?(?P<n>[0-9]+|{alt(_MOVE_COUNTS)})\splaces?\b")

# Numbers that are no figures: codes, ages, designations, frequencies, spans of time.
_NOT = _WORDS["not_figures"]
NOT_METRIC_BEFORE = lower_compile(
    rf"(?:\b{phrase_alt(_NOT['labels'])}\s?|[0-9]:|[-/(]\s?|[0-9]\s)\Z")
# A designation is capitalised ("Building 3", "Phase 2", "No. 5"): "building five
# platforms" is a figure. Matched as written.
DESIGNATION_BEFORE = guarded_compile(rf"\b{phrase_alt(_NOT['designations'])}\s?\Z")
LIST_NAME_BEFORE = lower_compile(  # not the verb: "is projected to top 500"
    rf"(?<!to\s)(?<!will\s)\b{phrase_alt(_NOT['lists']['before'])}\s\Z")
LIST_NAME_FROM = int(_NOT["lists"]["from"])
"""The smallest count that is a list's name after a 'top' word ("top 500 companies")."""
_BACK = _NOT["back_references"]
# "trade between the two countries", "the two sides will": things already named, no count
BACK_REFERENCE = lower_compile(rf"\b{phrase_alt(_BACK['before'])}\s\Z")  # "the" (two)
BACK_REFERENCE_ENDS = tuple(f"{word} " for word in _BACK["before"])
"""What the text before a figure ends with where BACK_REFERENCE matches (a cheap test)."""
BACK_REFERENCE_NOUN = lower_compile(  # (matched at the figure's end) "sides", "countries"
    rf"\s{phrase_alt(_BACK['nouns'])}\b")
FREQUENCY = lazy_compile(
    rf"\s{phrase_alt(_NOT['times']['each'])}\s{phrase_alt(_NOT['times']['period'])}\b")
PLAN_AFTER = lazy_compile(rf"\s(?:[a-z-]+\s)?{phrase_alt(_NOT['plans'])}s?\b")
AGO = lazy_compile(rf"\s{phrase_alt(_NOT['ago'])}\b(?!\sthan\b)")
PERIOD_BEFORE = lower_compile(rf"\b{phrase_alt(_NOT['period_before'])}\s\Z")

# Clauses, indicators and years.
_CLAUSES = _WORDS["clauses"]


def _word_first(words: list[str], after: str) -> str:
    r"""``\b{phrase_alt(words)}{after}`` as alternatives that each begin with a literal
    letter, the word boundary read after it (``(?<!\wa)``): a pattern whose alternatives
    all begin with a literal is skipped along to their first letters by the engine, one
    that begins with ``\b`` is tried in full at every position. Within one first letter
    the words keep phrase_alt's order (longest first)."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for word in words:
        if not (word[:1].isalpha() and word[:1].islower()):
            raise ValueError(f"a word does not begin with a lower-case letter: {word!r}")
        text = phrase(word)
        groups.setdefault(word[0], []).append((-len(text), text[1:]))
    alternatives = []
    for first, group in groups.items():
        group.sort(key=itemgetter(0))  # longest first; stable, as phrase_alt sorts them
        rests = "|".join(rest for _, rest in group)
        alternatives.append(rf"{first}(?<!\w{first})(?:{rests}){after}")
    return "|".join(alternatives)


# r"[,;:(]\s|\b{starts}\s", its alternatives each beginning with a literal (_word_first)
_CLAUSE_START = rf",\s|;\s|:\s|\(\s|{_word_first(_CLAUSES['starts'], after=_SPACED)}"
CLAUSE_START = lower_compile(_CLAUSE_START)
LAST_CLAUSE_START = lazy_compile(rf"(?s:.*)(?:{lower_pattern(_CLAUSE_START)})")
"""Matched where a text begins, the last match of CLAUSE_START in it (the greedy ``.*``
tries it from the end back: matches of CLAUSE_START never overlap, so the last that
``finditer`` gives is the one furthest on); one call, not a search through the text."""
CLAUSE_BREAK = lazy_compile(
    rf";|,\s{phrase_alt(_CLAUSES['ends_after_comma'])}\s|\s{phrase_alt(_CLAUSES['ends'])}\s")
_CLAUSE_BREAK_MARKED = lazy_compile(rf";|,\s{phrase_alt(_CLAUSES['ends_after_comma'])}\s")
_CLAUSE_ENDS = tuple(word.split("*")[0] for word in _CLAUSES["ends"])


def clause_break(text: str, start: int, end: int) -> re.Pattern[str]:
    """CLAUSE_BREAK for a search in ``text[start:end]``; where that holds no word of its
    last alternative ("while", literals, as written), the pattern of its other two: the
    same matches (that alternative cannot match), found faster, as their matches begin
    with a ";" or a "," alone, where the last is tried at every white space. (The words
    are looked for in the window alone: a sentence of many figures stays linear.)"""
    for word in _CLAUSE_ENDS:  # (any() of a generator takes twice as long)
        if text.find(word, start, end) >= 0:
            return CLAUSE_BREAK
    return _CLAUSE_BREAK_MARKED


TIME_PREPOSITION = guarded_compile(
    rf"\b{phrase_alt(_CLAUSES['time_prepositions'])}\s(?:the\s)?\Z")
_INDICATORS = _WORDS["indicators"]
_INDICATOR_TRIM = (
    rf"^(?:{phrase_alt(_INDICATORS['trim_before'])}\s+|[^\s]+['’]s\s+)"
    rf"|\s+{phrase_alt([*_INDICATORS['trim_after'], *_INDICATORS['hedges']])}$")
INDICATOR_TRIM = lazy_compile(_INDICATOR_TRIM, re.IGNORECASE)
INDICATOR_TRIM_ASCII = lazy_compile(lower_pattern(_INDICATOR_TRIM))
"""INDICATOR_TRIM for ASCII text lower-cased (:func:`~zjopen.lexicon.patterns.ascii_lower`):
the same matches at the same places, several times faster than ``re.IGNORECASE`` (which,
beyond ASCII, also folds such letters as the long s and the Kelvin sign)."""
INDICATOR_TRIM_BEFORE = frozenset(_INDICATORS["trim_before"])
"""The words INDICATOR_TRIM takes off a phrase's start (lower case, one word each)."""
INDICATOR_TRIM_AFTER = frozenset([*_INDICATORS["trim_after"], *_INDICATORS["hedges"]])
"""The phrases INDICATOR_TRIM takes off a phrase's end (lower case, single-spaced)."""
INDICATOR_TRIM_AFTER_WORDS = max(len(w.split()) for w in INDICATOR_TRIM_AFTER)
"""The most words a phrase of INDICATOR_TRIM_AFTER has."""
INDICATOR_VERBS = frozenset(_INDICATORS["verbs"])
"""The verbs a figure's clause is split at to find what it measures (lower case)."""
INDICATOR_EMPTY = frozenset(_INDICATORS["empty"])
"""Words that name no measure on their own ("the figure", "a year-on-year increase")."""
INDICATOR_STOPS = frozenset(_INDICATORS["stops"])
"""Words that end a noun phrase read after a figure ("... of cargo in 2023")."""
INDICATOR_OF = lazy_compile(rf"\A\s{phrase_alt(_INDICATORS['of_after'])}\s")
_YEARS = _WORDS["years"]
FROM_LEFT = lower_compile(rf"\bfrom\s(?:{phrase_alt(_YEARS['from_qualifiers'])}\s){{0,2}}\Z")
_BASE = _YEARS["comparison"]
_SAME_PERIOD = (rf"the\s{phrase_alt(_BASE['same'])}\s{phrase_alt(_BASE['periods'])}"
                r"\s(?:of\s|in\s)?")
COMPARISON_LEFT = (
    # the words right before the base of a comparison, as the pattern's end (\Z) finds
    # them in the text before a time (zjopen.extract._time_roles.COMPARISON); case is
    # ignored: a base word and up to five fillers ("from the same period of")
    r"(?:\b(?:" + "|".join(
        (r"(?<=.)" if word in _BASE["not_first"] else "") + phrase(word, space=r"\s")
        for word in _BASE["bases"]) + r")\s"
    rf"(?:{phrase_alt(_BASE['fillers'])}\s){{0,5}}"
    # "up 5.1 percent on the same period last year", "on the" alone ("on the year")
    rf"|\bon\s(?:{_SAME_PERIOD}|the\s)"
    # "compared for the same period of", "with the corresponding quarter in"
    rf"|\b(?:for|with)\s{_SAME_PERIOD}"
    # "overtaking the total revenue of 2016", "doubling the total for 2024"
    rf"|\b{phrase_alt(_BASE['overtaking'])}\s(?:the\s)?(?:[a-z-]{{1,20}}\s)?"
    rf"{phrase_alt(_BASE['totals'])}(?:\s[a-z]{{1,20}})?"
    rf"\s{phrase_alt(_BASE['total_prepositions'])}\s"
    r")\Z")
# A paragraph that goes on with the one before: "Of the total, exports ..." (its time)
BACK_OPENER = lower_compile(rf"{phrase_alt(_YEARS['back_openers'])},")
# A verb in the past tense in the figure's clause (not "has grown", "is"): the figure
# is not the state at publication.
_PAST_WORD = ("".join(rf"(?<!{re.escape(word)}\s)" for word in _YEARS["not_after"])
              + rf"\b{phrase_alt(_YEARS['past'])}\b")
PAST = lower_compile(
    _PAST_WORD + rf"(?![^,;]*\b{phrase_alt(_YEARS['present'])}\b)[^,;]*\Z")
# A past verb anywhere before a figure in its sentence ("came to 732 billion yuan, a
# year-on-year increase of 4.7%"), and a present one in the figure's own clause.
PAST_BEFORE = lower_compile(_PAST_WORD)
# "The zone is home to 780 firms": the state at publication, whatever year came before.
PRESENT_STATE = lower_compile(  # "The zone is home to 780 firms", "It has three industries"
    r"\b(?:is|are)\b[^,;]*\Z"
    r"|\b(?:has|have)\s(?:(?:over|about|nearly|some|around|almost|more\sthan)\s)?\Z"
    # the present perfect: "has grown from 200 to 65,000", "have attracted 300 firms"
    r"|\b(?:has|have)\s(?:been\s)?"
    rf"(?:[a-z]+(?:ed|en|wn)|{phrase_alt(_WORDS['years']['perfect_participles'])})\b[^,;]*\Z"
    # a verb of a lasting state: "This park covers 4 square kilometers"
    rf"|\b{phrase_alt(_WORDS['years']['present_verbs'])}\b[^,;]*\Z")
PRESENT_CLAUSE = lower_compile(rf"\b{phrase_alt(_YEARS['present'])}\b[^,;]*\Z")

# Prefilters, matched against the lower-cased sentence: alternations of literals, as
# tries, let the regex engine skip ahead by first letter, which is many times faster
# than the full patterns.
MAY_HAVE_NUMBER = lazy_compile(trie_alternation(_WORDS["hints"]["number"]))
MAY_HAVE_TIME = lazy_compile(trie_alternation(_WORDS["hints"]["time"]))
MAY_RANK = lazy_compile(alt(_WORDS["hints"]["rank"]))
RANK_HINTS: tuple[str, ...] = tuple(_WORDS["hints"]["rank"])
"""The rank hints as literals: ``any(hint in text ...)`` says what ``MAY_RANK.search`` says,
in about half its time (``str.find`` per word beats the regex's scan of each position)."""
