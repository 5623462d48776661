"""What a figure is: no figure at all (a date, a code), a level, a change, a share or a
target; its qualifier ("over") and its sign ("fell"), read in the words around it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

from zjopen.extract._figure_words import (
    AGO,
    AMOUNT_CHANGE,
    AMOUNT_CHANGE_ENDS,
    ANY_QUALIFIER,
    BACK_REFERENCE,
    BACK_REFERENCE_ENDS,
    BACK_REFERENCE_NOUN,
    BASE_LEFT,
    BASE_LEFT_ENDS,
    CHANGE_ASIDE,
    CHANGE_LEFT,
    CHANGE_RIGHT,
    DESIGNATION_BEFORE,
    FALL_LEFT,
    FALL_RIGHT,
    FILLER,
    FILLER_ENDS,
    FILLER_MOST,
    FILLER_WORDS,
    FREQUENCY,
    GROWTH_SUBJECT,
    GROWTH_SUBJECTS,
    LIST_NAME_BEFORE,
    LIST_NAME_FROM,
    MADE_UP,
    MADE_UP_ENDS,
    NOT_METRIC_BEFORE,
    OF_RIGHT,
    PERIOD_BEFORE,
    PLAN_AFTER,
    QUALIFIER_ENDS,
    QUALIFIER_LONGEST,
    QUALIFIERS,
    SHARE_WORD,
    TARGET,
    TARGET_GAPPED,
    TARGET_KEYS,
    TARGET_RIGHT,
    TARGET_RIGHT_KEYS,
    TARGET_STEMS,
    TO_LEVEL,
    TO_LEVEL_ENDS,
    clause_break,
)
from zjopen.extract.times import MONTH, OLD_YEAR_DIGITS, OLD_YEAR_WORDS, TimeMention
from zjopen.lexicon._letter_runs import letter_runs
from zjopen.lexicon.patterns import guarded_compile, lazy_compile, lower_compile
from zjopen.lexicon.units import unit_table
from zjopen.model import MetricKind, Qualifier
from zjopen.quantities import RATIO_UNITS, QuantityMatch

NAME_GOES_ON = lazy_compile(r"\s[A-Z][a-z]")  # a capitalised word follows: a name
_DATE_BEFORE = lower_compile(
    rf"\b{MONTH}\s?\Z")  # "March 5", "Sept. 25" (not "market 12")
_DAY_RANGE_BEFORE = lower_compile(
    rf"\b{MONTH}\s?[0-9]{{1,2}}"
    r"(?:st|nd|rd|th)?\s?(?:to|-|through|and|till|until)\s?\Z")
_MONTH_AFTER = lazy_compile(rf"\A\s{MONTH}")
_EXPONENT_BEFORE = lazy_compile(r"[0-9][eE][-+]?\Z")
_EXPONENT_AFTER = lazy_compile(r"[eE][-+]?[0-9]")
_DATE_AFTER = lazy_compile(
    r"\A(?:,\s?(?:19|20)[0-9]{2}|\s?(?:st|nd|rd|th)\b|:[0-9]{2}|\s?[apAP]\.?[mM]\b"
    r"|\.(?:19|20)[0-9]{2}(?![0-9])"  # "26.05.2025": a day and month, then the year
    rf"|\s{MONTH}\s(?:19|20)[0-9]{{2}})"
)
# What a match of _DATE_AFTER or _MONTH_AFTER begins with: one of these, or white space
# and one of the second (a month's capital), or a comma and a year's first digit (after
# a white space or not): a cheap test before the patterns, which most figures' next
# characters (" billion", ", up") fail.
_DATE_AFTER_LEADS = frozenset(":snrtapAP.")
_DATE_AFTER_SECOND = frozenset("snrtapJFMASONDP")
_CENTURY_FIRST = frozenset("12")
HAS_DIGIT = lazy_compile("[0-9]")  # with the number hints, the test a sentence passes


# The kinds and qualifiers as module names: an enum member read as MetricKind.X or
# Qualifier.X goes through EnumType's __getattr__ hook (a call of type.__getattribute__
# each time), several times the cost of a global's, and they are read for each figure.
_LEVEL, _SHARE, _CHANGE = MetricKind.LEVEL, MetricKind.SHARE, MetricKind.CHANGE
_APPROX, _EXACT = Qualifier.APPROX, Qualifier.EXACT
_QUALIFIER_OF = {q.value: q for q in Qualifier}  # (Qualifier(value): a call through the enum)


def qualifier_of(left: str, quantity: QuantityMatch) -> Qualifier:
    """``left``: the lower-cased text before the figure (:func:`ascii_lower`)."""
    if quantity.qualifier != "exact":
        return _QUALIFIER_OF[quantity.qualifier]
    # FILLER and ANY_QUALIFIER match only where one of their words ends the text (before
    # white space): a cheap test first.
    # A qualifier's match begins at most QUALIFIER_LONGEST characters before the end of
    # the text stripped: its searches begin there ("at"), not at every character.
    tail = left.rstrip()
    stripped = without_fillers(left) if tail.endswith(FILLER_ENDS) else left
    if stripped == left:  # most often: no filler, one text to read
        if tail.endswith(QUALIFIER_ENDS):
            at = len(tail) - QUALIFIER_LONGEST
            if at < 0:
                at = 0
            if ANY_QUALIFIER.search(left, at):
                for pattern, qualifier in QUALIFIERS:
                    if pattern.search(left, at):
                        return qualifier
    else:
        at = max(0, len(tail) - QUALIFIER_LONGEST)
        at_stripped = max(0, len(stripped.rstrip()) - QUALIFIER_LONGEST)
        if ANY_QUALIFIER.search(stripped, at_stripped) or ANY_QUALIFIER.search(left, at):
            for pattern, qualifier in QUALIFIERS:
                if pattern.search(stripped, at_stripped) or pattern.search(left, at):
                    return qualifier
    if quantity.form == "vague":
        return _APPROX
    return _EXACT


def without_fillers(left: str) -> str:
    """``FILLER.sub("", left)``: ``left`` without the fillers that end it ("reached a
    total of "), searched only from the start of the first word before the run of filler
    words that ends it (FILLER_WORDS, FILLER_MOST of them at most), where a match of
    FILLER begins (its first word may be one that ends with a filler: "(of"). A search of
    the whole text tried the pattern at each of its characters."""
    last = left.rsplit(None, 2)
    if len(last) == 3 and last[1] not in FILLER_WORDS:
        at = len(last[0])  # most often: one filler word ends the text, or none
    else:
        words = left.split()
        run = 0  # the filler words that end the text
        while run < FILLER_MOST and run < len(words) and words[-1 - run] in FILLER_WORDS:
            run += 1
        at = len(left.rsplit(None, run + 1)[0]) if run + 1 < len(words) else 0
    found = FILLER.search(left, at)
    return left if found is None else left[: found.start()]


def is_not_a_metric(text: str, low: str, quantity: QuantityMatch, opens: bool = False
                    ) -> bool:
    """Dates, years, times, model and street numbers, list numbers: not figures. ``low``
    is ``text`` lower-cased; ``opens``: whether ``text`` opens a paragraph."""
    start, end = quantity.start, quantity.end
    unit = quantity.unit
    if end - start == 4 and unit == "count" and quantity.form == "digits" and (
            _YEAR_DIGITS.fullmatch(text, start, end)  # a year (tested first: a sentence's
            # most common figure that is none), or one before 1950 after a word that dates
            # it ("founded in 1933", "by 1913": extract.times.OLD_YEAR_WORDS)
            or (_OLD_YEAR_DIGITS.fullmatch(text, start, end)
                and _OLD_YEAR_BEFORE.search(low, max(0, start - 7), start))):
        return True
    left = low[start - 12 if start > 12 else 0 : start]
    right = text[end : end + 20]
    day = unit == "count" and quantity.value <= _DAY_MAX
    if day and (
        _DATE_BEFORE.search(left)
        or _DAY_RANGE_BEFORE.search(low, start - 24 if start > 24 else 0, start)
    ):
        return True  # "June 5", and the 9 of "from June 5 to 9"
    lead = right[:1]
    if (lead in _DATE_AFTER_LEADS or (lead.isspace() and right[1:2] in _DATE_AFTER_SECOND)
            or (lead == "," and (right[1:2] in _CENTURY_FIRST or (
                right[1:2].isspace() and right[2:3] in _CENTURY_FIRST)))) and (
            _DATE_AFTER.match(right) or (day and _MONTH_AFTER.match(right))):
        return True  # "21st", "5, 2024", "on 21 Mar" (a day of the month)
    after = right[:1]
    if (start and text[start - 1] in _JOINERS) or after in _JOINERS:
        return True  # "888_copy.png", "the 16+1 cooperation": part of a name
    if unit == "count" and quantity.form == "digits" and end - start <= 3 and (
            (after == "]" and text[start - 1 : start] == "[")  # a footnote: "97.4% [5][10]"
            or (after == ":" and right[1:2] == " " and _LABEL_BEFORE.search(
                text, start - 24 if start > 24 else 0, start))):  # "Group 1: Sales"
        return True
    # (Both patterns hold an "e" right before or after the figure: a cheap test first.)
    if ("e" in left[-2:] and _EXPONENT_BEFORE.search(left)) or (
            (after == "e" or after == "E") and _EXPONENT_AFTER.match(text, end)):
        return True  # "1e-999999": scientific notation is no news figure
    if unit == "count":
        if (NOT_METRIC_BEFORE.search(left) and not (
                quantity.form == "word" and left.endswith(SPACED_DASHES))) or (
                DESIGNATION_BEFORE.search(text, start - 12 if start > 12 else 0, start)):
            return True
        if quantity.form == "word":  # "between the two countries": named already
            return bool(left.endswith(BACK_REFERENCE_ENDS) and BACK_REFERENCE.search(left)
                        and BACK_REFERENCE_NOUN.match(low, end))
        if quantity.form == "digits":
            if opens and end <= 3 and (
                    (start == 0 and (right[:1] == "." or right[:1] == ")"))
                    or (start == 1 and text[0] == "(" and right[:1] == ")")) and (
                    _LIST_MARKER.match(right)):
                return True  # "1. Introduction", "2) Trade", "(1) Foreign capital": a list's
            if (_LIST_NAME_FROM <= quantity.value < _LIST_NAME_TO
                    and LIST_NAME_BEFORE.search(low, start - 24 if start > 24 else 0, start)):
                return True  # "the world's top 500 companies", "Fortune Global 500": a name
            digits = text[start:end]  # (not a year: that was tested first)
            if digits.startswith("0") and len(digits) > 1 and digits[1] != ".":
                return True  # a model number ("007"; "0.8" is a figure)
            if (quantity.noun is None and right[:1] == " " and right[1:2].isupper()
                    and _NAME_AFTER.match(text, end)
                    and _NAME_BEFORE.search(text, start - 24 if start > 24 else 0, start)):
                return True  # "Boeing 737 MAX 8", "Engineering Bureau 8 Co Ltd": in a name
        return False
    if unit == "times":
        return FREQUENCY.match(right) is not None  # "flies four times a week": how often
    # "in the first two months", "over the past 10 years", "five years ago", "a
    # three-year action plan" (the plan's span, not a figure)
    return unit in ("year", "month", "week", "day") and bool(
        PERIOD_BEFORE.search(left) or AGO.match(right)
        or ("-" in text[start:end] and PLAN_AFTER.match(right)))


_JOINERS = frozenset("_+")
# A dash of the text before a number word, not a code's ("A-3", "-40"): a dateline's
# ("HANGZHOU - Fourteen foreign companies", "(Xinhua) -- Fourteen ...")
SPACED_DASHES = (" - ", "-- ")
# After a paragraph's first number: a full stop, then a capital (a heading, a list item's
# words) or nothing ("1." apart)
# A heading's label before its number and colon, opening a line or a sentence ("Group 1:
# Overall Sales", "Engine 1: Global Network Weaving")
_LABEL_BEFORE = lazy_compile(r"(?:\A|\n|[.!?]\s)[A-Z][a-z]+\s\Z")
_LIST_MARKER = lazy_compile(r"[.)](?:[ \t]*[A-Z\"“‘'(]|\s*\Z)")
# A number inside a name: a capitalised word, as written, not the sentence's first, right
# before it ("Boeing 737", "Bureau 8"), and one after it that the name goes on from
# ("737 Completion and Delivery Center", "8 Co Ltd", "737 MAX 8")
_NAME_BEFORE = lazy_compile(r"(?<=[A-Za-z0-9,]\s)[A-Z][A-Za-z]*\s\Z")
_NAME_AFTER = lazy_compile(r"\s[A-Z][A-Za-z]*\s(?:[A-Z0-9&]|(?:and|of)\s[A-Z])")
# (Decimal bounds: a Decimal compared with an int makes a Decimal of it each time)
_DAY_MAX, _LIST_NAME_FROM, _LIST_NAME_TO = Decimal(31), Decimal(LIST_NAME_FROM), Decimal(10_000)
_YEAR_DIGITS = lazy_compile(r"(?:19[5-9][0-9]|20[0-9][0-9])")
_OLD_YEAR_DIGITS = lazy_compile(OLD_YEAR_DIGITS)
_OLD_YEAR_BEFORE = lazy_compile(rf"\b(?:{'|'.join(OLD_YEAR_WORDS)})\s\Z")
DIGIT_RUN = lazy_compile(r"[0-9]+")
_MORE_THAN_RIGHT = lower_compile(r"\A\s*(?:more|less|fewer)\s+than\b")
_LESS_RIGHT = lower_compile(r"\A\s*(?:less|fewer)")
_MORE_RIGHT = lower_compile(r"\A\s*more\b")
_FEWER_RIGHT = lower_compile(r"\A\s*fewer\b")
_MORE_THAN_LEFT = guarded_compile(r"\b(?:more|less|fewer)\s+than\s*\Z")  # lower case only


def kind_of(left: str, right: str, quantity: QuantityMatch, text: str,
            near: int) -> tuple[MetricKind, bool]:
    """The kind, and whether the figure is a fall (negative). ``left`` and ``right``
    are the lower-cased context; ``left`` is ``text[near:quantity.start]`` as written."""
    # Patterns that end with a word (and white space) are searched only where the text,
    # stripped, ends with one of their last words.
    tail = left.rstrip()
    if quantity.unit in RATIO_UNITS:
        if quantity.unit == "times":
            return _CHANGE, False
        if quantity.unit != "pp" and (
                (tail.endswith(TO_LEVEL_ENDS) and TO_LEVEL.search(left))
                or (tail.endswith(MADE_UP_ENDS) and MADE_UP.search(left))
                or (tail.endswith(BASE_LEFT_ENDS) and BASE_LEFT.search(left))):
            return _SHARE, False  # "the share fell to 9.5%", "made up 45 percent",
            # "8.3 percent, up from 6.9 percent a year earlier" (the earlier share)
        if CHANGE_RIGHT.match(right) or CHANGE_LEFT.search(left):
            fall = bool(FALL_RIGHT.match(right) or FALL_LEFT.search(left))
            return _CHANGE, fall
        if quantity.unit == "pp":
            return _CHANGE, bool(FALL_LEFT.search(left))
        for word in GROWTH_SUBJECTS:  # (literals: a cheap test before the patterns)
            if word in left:
                if (GROWTH_SUBJECT.search(left) and not SHARE_WORD.search(left)
                        and not OF_RIGHT.match(right)):
                    return _CHANGE, False  # "the growth rate of exports is 19.2%"
                break
        # Any other percentage is a share, with share words beside it ("45 percent of the
        # total") or without.
        return _SHARE, False
    # "more", "less" and "fewer" after the figure: its first word begins with m, l or f.
    lead = right.lstrip()[:1]
    if lead == "m" or lead == "l" or lead == "f":
        if _MORE_THAN_RIGHT.match(right) and not _MORE_THAN_LEFT.search(
                text[near : quantity.start]):
            fall = bool(_LESS_RIGHT.match(right))
            return _CHANGE, fall
        if _MORE_RIGHT.match(right):
            return _CHANGE, False
        if quantity.unit == "count" and _FEWER_RIGHT.match(right):
            return _CHANGE, True  # "200 fewer ships than in 2019"
    if tail.endswith(AMOUNT_CHANGE_ENDS) and AMOUNT_CHANGE.search(left):
        # "increased by 50 billion yuan", "a decline of 3,000"
        return _CHANGE, bool(FALL_LEFT.search(left))
    return _LEVEL, False


REACH = 300  # how far from a figure its context is read, in characters


_MODALS = frozenset(("will", "would"))
_GAPPED_HINT = lazy_compile(r"expect|want|aim|plan")  # cheap: most windows have none
_AND = lazy_compile(r"\sand\s(?:are|is|will|was|were|has|have|had)\b")  # a second verb


def is_aside(text: str, quantity: QuantityMatch) -> bool:
    """Whether the figure stands alone in brackets after what it measures ("the Ningbo
    area (46 sq km)"): a description, never a target (a currency conversion keeps the
    kind of the amount it converts)."""
    return (text[quantity.start - 1 : quantity.start] == "("
            and text[quantity.end : quantity.end + 1] == ")"
            and unit_table()[quantity.unit].dimension != "currency")


def may_have_target_words(low: str) -> bool:
    """Whether the lower-cased sentence ``low`` may hold a word of TARGET or TARGET_GAPPED
    (else no figure of it has one before it: :func:`is_target`'s ``hinted``): one of
    their words (TARGET_KEYS) as a whole run of letters, or one of their stems. (The
    sentence's runs are read once for all its scans: one set test in C, where a search
    for each of twenty hints went through the whole sentence.) Exact for searches whose
    window ends at a word's end, as one ending where a figure starts does: a window
    ending inside "willing" may find "will", which no whole run of letters holds."""
    if not TARGET_KEYS.isdisjoint(letter_runs(low)):
        return True
    for stem in TARGET_STEMS:  # (any() of a generator takes twice as long)
        if stem in low:
            break
    else:
        return False
    return True


def _later_targets(text: str, low: str, start: int) -> list[re.Match[str]]:
    """The target words after the figure at ``start`` in its clause."""
    following = clause_break(text, start, start + REACH).search(text, start, start + REACH)
    clause_end = following.start() if following else min(len(text), start + REACH)
    joined = _AND.search(low, start, clause_end)  # "grew 6% in 2022 and are expected to"
    if joined is not None:
        clause_end = joined.start()
    return [*TARGET_RIGHT.finditer(low, start, clause_end)]


def may_have_target_after(low: str) -> bool:
    """Whether the lower-cased sentence ``low`` may hold a match of TARGET_RIGHT (else no
    figure of it has one after it: :func:`is_target`'s ``hinted_after``): a word of one
    of its tails (TARGET_RIGHT_KEYS) as a whole run of letters."""
    return not TARGET_RIGHT_KEYS.isdisjoint(letter_runs(low))


# A verb in the present tense: "is", "has", "covers", "takes" (not "was", "focus").
_PRESENT_VERB = r"(?:is|are|has|have|[a-z]+[^s\W]s)"
_RELATIVE_PRESENT = lazy_compile(
    rf"""(?:,\swhich|\swhose(?:\s[a-z-]+){{1,3}}?)       # "which", "whose annual sales"
        \s(?:now\s|currently\s|already\s|also\s)?
        {_PRESENT_VERB}\b                           # in the present: "covers", "takes in"
    """, re.VERBOSE)
_RELATIVE_ENDS = lazy_compile(r",\s|[;:()]")  # where a relative clause may end ("1,440" goes on)
_RELATIVE_REACH = 120


def _relative_clause(low: str, start: int) -> int:
    """Where the relative clause in the present tense that holds the figure at ``start``
    begins ("..., which covers 27.8 mu"; "a business whose sales are over ..."), or -1."""
    low_end = max(0, start - _RELATIVE_REACH)
    at = max(low.rfind(", which ", low_end, start), low.rfind(" whose ", low_end, start))
    if at < 0 or _RELATIVE_ENDS.search(low, at + 1, start) is not None:
        return -1
    return at if _RELATIVE_PRESENT.match(low, at) is not None else -1


_ASIDE_STATE = lazy_compile(
    rf"""(?:with\s                                  # "The market, with over 50,000 stalls,"
        |[^,;]{{0,80}}?\b(?:that|which|who)\s     # "..., one that supplies half of ..."
         (?:now\s|also\s)?{_PRESENT_VERB}\s)
        [^,;]{{0,80}}\Z                           # up to the figure, in the aside
    """, re.VERBOSE)


_ASIDE_REACH = 120


def in_subject_aside(low: str, start: int, end: int, cue_start: int) -> bool:
    """Whether the figure at ``low[start:end]`` describes the sentence's subject in an
    aside set off by its first comma, with the state it has ("with over 50,000 stalls",
    "one that supplies half of ...") while the time cue at ``cue_start`` is the main
    verb's, after the aside closes: "The market, with over 50,000 stalls, reported ...
    last year" (the stalls are counted at publication, not last year)."""
    opened, semicolon = _first_marks(low)
    if (opened < 0 or opened > start or start - opened > _ASIDE_REACH
            or low.find(",", opened + 1, start) >= 0 or 0 <= semicolon < start):
        return False
    closed = low.find(", ", end, min(cue_start, end + _ASIDE_REACH))  # (a bounded search)
    if closed < 0 or ";" in low[end:closed]:
        return False
    return _ASIDE_STATE.match(low, opened + 2, start) is not None


@lru_cache(maxsize=16)
def _first_marks(low: str) -> tuple[int, int]:
    """Where the first ", " and the first ";" of the sentence ``low`` stand (-1: none),
    found once per sentence, not once per figure (a long sentence with many figures)."""
    return low.find(", "), low.find(";")


def is_target(text: str, low: str, start: int, cue: TimeMention | None,
               published: date | None, *, aside: str | None = None,
               hinted: bool = True, hinted_after: bool = True) -> bool:
    """Whether the figure at ``start`` is a target. For a change, ``aside`` is the text
    before it: a change set as an aside to its level ("US$2.7 billion, a year-on-year
    increase of 91.3%") is no target for a "will" or "would" alone. ``hinted``: False
    when :func:`may_have_target_words` says the sentence has no word of TARGET, and
    ``hinted_after`` when :func:`may_have_target_after` says it has none of TARGET_RIGHT
    (the same answer, without searching for them)."""
    if cue is not None and cue.target:
        return True
    if not (hinted or hinted_after):
        return False  # no target word in the sentence: only a deadline makes a target
    found = [*TARGET.finditer(low, max(0, start - REACH), start)] if hinted else []
    later = _later_targets(text, low, start) if hinted_after else []
    if aside is not None and any(m.group() in _MODALS for m in (*found, *later)) and (
            CHANGE_ASIDE.search(aside)):
        found = [m for m in found if m.group() not in _MODALS]
        later = [m for m in later if m.group() not in _MODALS]
    if (found or later) and (relative := _relative_clause(low, start)) >= 0:
        # "The factory, which covers 27.8 mu, will ...", "will run a business whose sales
        # are over 7 billion yuan": a state described on the way, no target of the clause
        found = [m for m in found if m.start() > relative]
        later = [m for m in later if _RELATIVE_ENDS.search(low, start, m.start()) is None]
    left = found[0] if found else None
    if left is None and hinted and _GAPPED_HINT.search(low, max(0, start - 60), start):
        left = TARGET_GAPPED.search(low, max(0, start - 60), start)
    right = later[0] if later else None
    if not (left or right):
        return False
    if left and cue is not None and cue.present and cue.start > left.start():
        return False  # "will join the zone, which currently consists of four": a state
    if cue is None or cue.year is None:
        return True
    # "will achieve ... in 2023" in a 2024 article is a level, not a target.
    return published is None or cue.year >= published.year
