"""Ranks: ordinal positions ("ranked 12th", "No. 1", "second-largest") and moves in a
ranking ("advanced 5 places")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zjopen.extract._figure_words import (
    RANK,
    RANK_ALSO,
    RANK_BRANCH_RUNS,
    RANK_DOWN,
    RANK_HINTS,
    RANK_MOVE,
    RANK_ORDINALS,
    RANK_OWNER_RUNS,
    RANK_SCAN,
    RANK_SCOPE_RUNS,
    RANK_WORDS,
)
from zjopen.extract._kinds import DIGIT_RUN, NAME_GOES_ON
from zjopen.lexicon._letter_runs import letter_runs
from zjopen.lexicon.patterns import lazy_compile
from zjopen.model import MetricKind

_RANK, _CHANGE = MetricKind.RANK, MetricKind.CHANGE  # (read per rank: globals are cheaper)

_TOP_LIST_MAX = 100
_RANK_GROUPS = ("top", "no", "nth", "word", "top2", "top3", "no2", "also", "also2", "place",
                "placew2",
                "placew", "put", "appos", "numone", "numone2", "fromto", "sup", "poss")


_ANCHORS = ("top", "no.", *RANK_ORDINALS)
_SUFFIXES = ("st", "nd", "rd", "th")
_NTH = lazy_compile(rf"[0-9](?:{'|'.join(_SUFFIXES)})")
# Each anchor is a whole run of letters in a match of RANK (a non-letter on each side):
# the runs the sentence holds (letter_runs, read already by the time scan) tell at once.
_WORD_RUNS = frozenset(anchor.encode() for anchor in _ANCHORS if anchor.isalpha())
_SUFFIX_RUNS = frozenset(suffix.encode() for suffix in _SUFFIXES)


def may_rank(text: str) -> bool:
    """Whether the lower-cased ``text`` may hold a match of RANK: each holds "top", "no.",
    an ordinal word or one in digits ("12th"), each a whole run of letters
    (:func:`~zjopen.lexicon._letter_runs.letter_runs`); most sentences with a rank hint
    hold none, and these tests cost a fraction of RANK_SCAN's search."""
    runs = letter_runs(text)
    if not runs.isdisjoint(_WORD_RUNS):
        return True
    if (b"no" in runs and "no." in text) or (b"number" in runs and "number one" in text):
        return True
    return not runs.isdisjoint(_SUFFIX_RUNS) and _NTH.search(text) is not None


_ORDINAL_RUNS = frozenset(ordinal.encode() for ordinal in RANK_ORDINALS)


def may_match_rank(text: str) -> bool:
    """Whether a branch of RANK may match in the lower-cased ``text``, told from the words
    each needs as whole runs of letters (:func:`letter_runs`): a verb, "top", "put" or a
    superlative (RANK_BRANCH_RUNS), else "no.", else a rank in digits ("12th"), else an
    ordinal word and "place", or "first" after an owner's "'s" ("China's first"). (A
    list's "and eighth in" alone, RANK's "also2", needs an ordinal word only, but
    find_ranks keeps it only after another rank.) Most sentences with an ordinal word
    ("the first half") hold none of them, and RANK_SCAN's search of the sentence is
    spared."""
    runs = letter_runs(text)
    if not runs.isdisjoint(RANK_BRANCH_RUNS) or "no." in text:
        return True
    if not runs.isdisjoint(_SUFFIX_RUNS) and _NTH.search(text) is not None:
        return True
    if b"number" in runs and "number one" in text:
        return True  # "China's number one exporter", "number one in China"
    return not runs.isdisjoint(_ORDINAL_RUNS) and (b"place" in runs or (
        b"first" in runs and "'s" in text and not runs.isdisjoint(RANK_OWNER_RUNS)) or (
        ", " in text and not runs.isdisjoint(RANK_SCOPE_RUNS)))  # ", sixth among"


def rank_matches(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """The matches of RANK in ``text``, as ``RANK.finditer`` gives them, each with the
    number of characters its positions are ahead of ``text``'s: most are RANK_SCAN's,
    found in ``text`` after a space (1), the rest RANK's (0)."""
    spaced = " " + text
    end = 0  # where the last match ended, in ``text``
    while True:
        if end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
            # RANK_SCAN would need that last character to begin the next match there.
            match, shift = RANK.search(text, end), 0
        else:
            match, shift = RANK_SCAN.search(spaced, end), 1
        if match is None:
            return
        yield match, shift
        end = match.end() - shift


def find_ranks(written: str, text: str, offset: int) -> Iterator[tuple[int, int, int, MetricKind]]:
    """Ordinal positions ("ranked 12th", "No. 1", "second-largest"), and moves in a
    ranking ("advanced 5 places", a change), in the lower-cased ``text`` (``written``: as
    written). "One of the top 100" is a rank only when the sentence names no more
    precise one ("among the top ten" is one beside it); "the No. 1 Project" is a name."""
    found: list[tuple[int, int, int, MetricKind]] = []
    groups: list[tuple[int, int, int, MetricKind]] = []
    # A rank needs a rank hint (MAY_RANK.search(text), read as literals) and an anchor
    # (may_rank), a move "plac" (a hint too): the anchors first, the rarer in sentences.
    ranked = may_rank(text) and may_match_rank(text)
    if ranked:
        for hint in RANK_HINTS:
            if hint in text:
                break
        else:
            ranked = False
    moved = "plac" in text
    if not (ranked or moved):
        return iter(())
    for m, shift in rank_matches(text) if ranked else ():
        group = next(g for g in _RANK_GROUPS if m[g])
        if group == "also2" and not found:
            continue  # "and eighth in the world" goes on with a rank, or is none
        if group == "no2" and NAME_GOES_ON.match(written, m.end() - shift):
            continue  # "the No. 1 Project for digital economy"
        raw = m[group].casefold()
        digits = DIGIT_RUN.match(raw)
        if digits and len(digits.group()) > 6:
            continue  # "ranked 999...9th": no ranking has a million places
        value = int(digits.group()) if digits else RANK_WORDS[raw]
        if group == "top3" and value > _TOP_LIST_MAX:
            continue  # "the world's top 500 companies": a list's name, not a position
        start, end = m.start(group) - shift, m.end(group) - shift
        item = (offset + start, offset + end, value, _RANK)
        (groups if group in ("top2", "top3") else found).append(item)
        if group == "word":
            while (also := RANK_ALSO.match(text, end)) is not None:  # "third, second and fifth"
                end = also.end("also")
                found.append((offset + also.start("also"), offset + end,
                              RANK_WORDS[also["also"]], _RANK))
    for m in RANK_MOVE.finditer(text) if moved else ():  # "advanced 5 places"
        raw = m["n"].casefold()
        value = int(raw) if raw.isdigit() else RANK_WORDS[raw]
        if m["dir"].casefold() in RANK_DOWN:
            value = -value
        found.append((offset + m.start("n"), offset + m.end("n"), value, _CHANGE))
    if found:
        # "among the top ten cities ... and ranks first by growth": both are positions; but
        # "came 8th among the top 100 cities" names the list the position is in
        groups = [item for item in groups if item[2] < _TOP_LIST_MAX]
    return iter(sorted(found + groups))
