"""Metrics: every figure, with its unit, kind, qualifier, sign, period and indicator.

Where a sentence becomes a Metric: :func:`extract_metrics` walks the sentences;
:func:`zjopen.quantities.find_quantities` finds the numbers and units; the word tables
of ``data/figure_words.json`` (as patterns, :mod:`zjopen.extract._figure_words`) read
the kind ("up 5%" is a change), the qualifier ("over") and the sign ("fell");
:mod:`zjopen.extract.times` gives the year. The subject region is the linker's job.

>>> from zjopen.document import read_document
>>> doc = read_document("In 2023, exports rose 5.2 percent to 4.1 billion yuan.")
>>> [(str(m.value), m.unit, m.kind.value, m.year, m.of) for m in extract_metrics(doc)]
[('5.2', '%', 'change', 2023, 'm37'), ('4100000000', 'CNY', 'level', 2023, None)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import attrs

from zjopen.document import Document
from zjopen.extract._figure_words import (
    AGO,
    AMOUNT_CHANGE,
    ANY_QUALIFIER,
    BASE_LEFT,
    CHANGE_ASIDE,
    CHANGE_LEFT,
    CHANGE_RIGHT,
    CLAUSE_BREAK,
    CLAUSE_START,
    DESIGNATION_BEFORE,
    FALL_LEFT,
    FALL_RIGHT,
    FILLER,
    FREQUENCY,
    FROM_LEFT,
    INDICATOR_EMPTY,
    INDICATOR_OF,
    INDICATOR_STOPS,
    INDICATOR_TRIM,
    INDICATOR_VERBS,
    LIST_NAME_BEFORE,
    LIST_NAME_FROM,
    MADE_UP,
    MAY_HAVE_NUMBER,
    MAY_HAVE_TIME,
    MAY_RANK,
    NOT_METRIC_BEFORE,
    PAST,
    PAST_BEFORE,
    PERIOD_BEFORE,
    PLAN_AFTER,
    PRESENT_CLAUSE,
    PRESENT_STATE,
    QUALIFIERS,
    RANK,
    RANK_ALSO,
    RANK_DOWN,
    RANK_MOVE,
    RANK_SCAN,
    RANK_WORDS,
    SHARE_LEFT,
    SHARE_RIGHT,
    TARGET,
    TARGET_GAPPED,
    TARGET_RIGHT,
    TIME_PREPOSITION,
    TO_LEVEL,
    YEAR_EARLIER,
)
from zjopen.extract.times import MONTH, TimeMention, find_times
from zjopen.lexicon.patterns import guarded_compile, lower_compile
from zjopen.lexicon.units import unit_table
from zjopen.model import Metric, MetricKind, Period, Qualifier, Span
from zjopen.quantities import QuantityMatch, find_quantities

__all__ = ["extract_metrics"]

_NAME_GOES_ON = re.compile(r"\s[A-Z][a-z]")  # a capitalised word follows: a name
_DATE_BEFORE = lower_compile(
    rf"\b{MONTH}\s?\Z")  # "March 5", "Sept. 25" (not "market 12")
_DAY_RANGE_BEFORE = lower_compile(
    rf"\b{MONTH}\s?[0-9]{{1,2}}"
    r"(?:st|nd|rd|th)?\s?(?:to|-|through|and|till|until)\s?\Z")
_MONTH_AFTER = re.compile(rf"\A\s{MONTH}")
_EXPONENT_BEFORE = re.compile(r"[0-9][eE][-+]?\Z")
_EXPONENT_AFTER = re.compile(r"[eE][-+]?[0-9]")
_DATE_AFTER = re.compile(
    r"\A(?:,\s?(?:19|20)[0-9]{2}|\s?(?:st|nd|rd|th)\b|:[0-9]{2}|\s?[ap]\.m\."
    rf"|\s{MONTH}\s(?:19|20)[0-9]{{2}})"
)
_HAS_DIGIT = re.compile("[0-9]")  # with the number hints, the test a sentence passes


@attrs.frozen
class _Context:
    """The time cues in force: carried from sentence to sentence within a paragraph."""

    year: int | None = None
    period: Period | None = None
    target_year: int | None = None  # a deadline ("by 2020") later targets inherit
    target_age: int = 0  # paragraph boundaries crossed since that deadline was set
    reported: int | None = None  # the year a report of last year's results is about
    unended: bool = False  # the period in force had not ended by publication
    named: int | None = None  # the last year named, across paragraphs ("On that day, ...")
    written: bool = False  # the year in force was written out ("in 2025", not "next year")

    def after(self, times: list[TimeMention], published: date | None) -> _Context:
        """The context for the next sentence, given this sentence's cues."""
        context = self
        for cue in times:
            if cue.comparison:
                continue
            if cue.target:
                context = attrs.evolve(context, target_year=cue.year, target_age=0)
            elif cue.since:
                present = published.year if published else None
                context = attrs.evolve(context, year=present, period=None, target_year=None)
            elif cue.year is not None or cue.relative:
                # A new time frame: earlier deadlines no longer govern.
                context = attrs.evolve(context, year=cue.year, period=cue.period,
                                       target_year=None, unended=cue.unended,
                                       written=not cue.relative)
        return context

    def next_paragraph(self, published: date | None) -> _Context:
        """A new paragraph starts afresh, but a plan's deadline holds for the targets of
        the paragraph right after it, and a report of the year before publication ("in
        2024", published in 2025) goes on being about that year."""
        reported = self.reported
        if published is not None and self.year == published.year - 1:
            reported = self.year
        elif self.year is not None:
            reported = None  # a later frame ("in the first half of this year") supersedes it
        named = self.year if self.year is not None else self.named
        if self.target_year is None or self.target_age >= 1:
            return _Context(reported=reported, named=named)
        return _Context(target_year=self.target_year, target_age=self.target_age + 1,
                        named=named,
                        reported=reported)


def _reported_unended(unended: bool, kind: MetricKind, left: str) -> bool:
    """Whether a figure reports, in the past tense, on a part of the year that had not
    ended by publication (so it is the year before's): not a target or a forecast."""
    return unended and kind is not MetricKind.TARGET and _past(left)


def _past(left: str) -> bool:
    """Whether the sentence before a figure (``left``, lower-cased) reports in the past
    tense: a past verb in the figure's clause, or before it in the sentence when the
    figure's clause has no present one ("came to 732 billion yuan, up 4.7%")."""
    return PAST.search(left) is not None or (
        PAST_BEFORE.search(left) is not None and PRESENT_CLAUSE.search(left) is None)


# What separates the items of a list of figures: "5 million TEUs (in 2015) to 8 million",
# "9.1 percent, 14.3 percent and 6.2 percent".
_LIST_GAP = re.compile(r"(?:\s(?:in|by|for)\s[0-9]{4})?(?:,\s?(?:and\s)?|\s(?:and|or|to)\s)")
_SCALED = re.compile(r"(?:thousand|million|billion|trillion)\Z")


def _carried(found: list[Metric], text: str) -> list[Metric]:
    """Unit and kind carried along a list of figures: "from 5 million TEUs to 8 million"
    (TEU), "fell 3.2 percent and 7.5 percent" (both falls), "increases of 9.1 percent,
    14.3 percent and 6.2 percent, respectively" (all changes)."""
    out: list[Metric] = []
    for metric in found:
        if out and _LIST_GAP.fullmatch(text, out[-1].span.end, metric.span.start):
            before = out[-1]
            if (metric.unit == "count" and metric.noun is None and _SCALED.search(metric.text)
                    and before.unit not in ("count", "rank", "%")):
                metric = attrs.evolve(metric, unit=before.unit)
            elif (before.unit == "count" and before.noun is None and _SCALED.search(before.text)
                  and metric.unit not in _NOT_AMOUNTS and _SCALE_WORD.search(metric.text)):
                # "300 million and 450 million U.S. dollars": the unit written last
                out[-1] = attrs.evolve(before, unit=metric.unit)
            if (metric.unit == before.unit and before.kind is MetricKind.CHANGE
                    and metric.kind in (MetricKind.SHARE, MetricKind.LEVEL)):
                value = -abs(metric.value) if before.value < 0 else metric.value
                metric = attrs.evolve(metric, kind=MetricKind.CHANGE, value=value)
        out.append(metric)
    # "by 6.9, 2.5 and 4.2 percentage points": a unit written once, after the last
    for index in range(len(out) - 2, -1, -1):
        metric, after = out[index], out[index + 1]
        if (metric.unit == "count" and metric.noun is None
                and after.unit not in ("count", "rank") and _BARE.fullmatch(metric.text)
                and _LIST_GAP.fullmatch(text, metric.span.end, after.span.start)):
            out[index] = attrs.evolve(metric, unit=after.unit, kind=after.kind,
                                      value=-abs(metric.value) if after.value < 0
                                      else metric.value)
    return out


_BARE = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # a number written with no unit or word
_YEAR_LIST = re.compile(r"\b((?:19|20)[0-9]{2})((?:,\s?(?:19|20)[0-9]{2}){0,8}),?\s(?:and)\s"
                        r"((?:19|20)[0-9]{2})\b")
_LISTED_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_RESPECTIVELY = re.compile(r"\brespectively\b")


def _respective_years(found: list[Metric], text: str, base: int) -> list[Metric]:
    """Years paired in order with the figures of one unit before them in a "respectively"
    sentence: "reached 300 billion yuan and 330 billion yuan in 2021 and 2022,
    respectively"."""
    if len(found) < 2 or not _RESPECTIVELY.search(text):
        return found
    listed = _YEAR_LIST.search(text)
    if listed is None:
        return found
    years = [int(listed[1]), *map(int, _LISTED_YEAR.findall(listed[2])), int(listed[3])]
    before = [m for m in found if m.span.end <= base + listed.start()]
    by_unit: dict[str, list[Metric]] = {}
    for metric in before:
        by_unit.setdefault(metric.unit, []).append(metric)
    dated: dict[int, int] = {}
    for group in by_unit.values():
        if len(group) == len(years):
            dated.update(zip((m.span.start for m in group), years, strict=True))
    return [attrs.evolve(m, year=dated[m.span.start], period=Period.year(dated[m.span.start]))
            if m.span.start in dated else m for m in found]


def _unit_from_before(found: list[Metric], unit: str | None, text: str
                      ) -> tuple[list[Metric], str | None]:
    """A bare scaled number ending its clause takes the unit of the paragraph's amount
    before it ("... had reached 13 billion yuan. The total is projected to top 15
    billion."); returns the figures and the unit in force after them."""
    out: list[Metric] = []
    for metric in found:
        if (unit is not None and metric.unit == "count" and metric.noun is None
                and _SCALED.search(metric.text) and _CLAUSE_END.match(text, metric.span.end)):
            metric = attrs.evolve(metric, unit=unit)
        if _SCALE_WORD.search(metric.text) and metric.unit not in _NOT_AMOUNTS:
            unit = metric.unit
        out.append(metric)
    return out, unit


_THE_TOTAL = re.compile(r"\bthe\s(?:total|figure|amount|value|sum)\b")
_CLAUSE_END = re.compile(r"\s?(?:[.,;:)]|\Z)")
_SCALE_WORD = re.compile(r"\b(?:thousand|million|billion|trillion)\b")
_NOT_AMOUNTS = frozenset(("count", "rank", "%", "pp", "times"))


def _year_before(period: Period | None) -> Period | None:
    """The same part of the year before ("January-November 2024" -> 2023)."""
    if period is None:
        return None
    return Period(period.kind, *(None if d is None else _a_year_earlier(d)
                                 for d in (period.start, period.end)))


def _a_year_earlier(day: date) -> date:
    """The same day a year earlier; 29 February is the 28th (it was raising ValueError)."""
    if day.month == 2 and day.day == 29:
        return day.replace(year=day.year - 1, day=28)
    return day.replace(year=day.year - 1)


def _qualifier(left: str, quantity: QuantityMatch) -> Qualifier:
    """``left``: the lower-cased text before the figure (:func:`ascii_lower`)."""
    if quantity.qualifier != "exact":
        return Qualifier(quantity.qualifier)
    stripped = FILLER.sub("", left)
    if ANY_QUALIFIER.search(stripped) or ANY_QUALIFIER.search(left):
        for pattern, qualifier in QUALIFIERS:
            if pattern.search(stripped) or pattern.search(left):
                return qualifier
    if quantity.form == "vague":
        return Qualifier.APPROX
    return Qualifier.EXACT


def _is_not_a_metric(text: str, low: str, quantity: QuantityMatch) -> bool:
    """Dates, years, times, model and street numbers: not figures. ``low`` is ``text``
    lower-cased."""
    left = low[max(0, quantity.start - 12) : quantity.start]
    right = text[quantity.end : quantity.end + 20]
    if quantity.unit == "count" and quantity.value <= 31 and (
        _DATE_BEFORE.search(left)
        or _DAY_RANGE_BEFORE.search(low, max(0, quantity.start - 24), quantity.start)
    ):
        return True  # "June 5", and the 9 of "from June 5 to 9"
    if _DATE_AFTER.match(right) or (quantity.unit == "count" and quantity.value <= 31
                                    and _MONTH_AFTER.match(right)):
        return True  # "21st", "5, 2024", "on 21 Mar" (a day of the month)
    if (text[quantity.start - 1 : quantity.start] in _JOINERS
            or text[quantity.end : quantity.end + 1] in _JOINERS):
        return True  # "888_copy.png", "the 16+1 cooperation": part of a name
    if _EXPONENT_BEFORE.search(left) or _EXPONENT_AFTER.match(text, quantity.end):
        return True  # "1e-999999": scientific notation is no news figure
    if quantity.unit == "count" and (
            NOT_METRIC_BEFORE.search(left)
            or DESIGNATION_BEFORE.search(text, max(0, quantity.start - 12), quantity.start)):
        return True
    if (quantity.unit == "count" and quantity.form == "digits"
            and LIST_NAME_FROM <= quantity.value < 10_000
            and LIST_NAME_BEFORE.search(low, max(0, quantity.start - 24), quantity.start)):
        return True  # "the world's top 500 companies", "Fortune Global 500": a list's name
    if quantity.unit == "times" and FREQUENCY.match(right):
        return True  # "flies four times a week": how often, not a multiple
    if quantity.unit in ("year", "month", "week", "day") and (
            PERIOD_BEFORE.search(left) or AGO.match(right)
            or ("-" in text[quantity.start : quantity.end] and PLAN_AFTER.match(right))):
        return True  # "in the first two months", "over the past 10 years", "five years
        # ago", "a three-year action plan" (the plan's span, not a figure)
    if quantity.unit == "count" and quantity.form == "digits":
        digits = text[quantity.start : quantity.end]
        if _YEAR_DIGITS.fullmatch(digits):
            return True  # a year
        if digits.startswith("0") and len(digits) > 1 and digits[1] != ".":
            return True  # a model number ("007"; "0.8" is a figure)
    return False


_JOINERS = frozenset("_+")
_YEAR_DIGITS = re.compile(r"(?:19[5-9][0-9]|20[0-9][0-9])")
_DIGIT_RUN = re.compile(r"[0-9]+")
_MORE_THAN_RIGHT = lower_compile(r"\A\s*(?:more|less|fewer)\s+than\b")
_LESS_RIGHT = lower_compile(r"\A\s*(?:less|fewer)")
_MORE_RIGHT = lower_compile(r"\A\s*more\b")
_FEWER_RIGHT = lower_compile(r"\A\s*fewer\b")
_MORE_THAN_LEFT = guarded_compile(r"\b(?:more|less|fewer)\s+than\s*\Z")  # lower case only


def _kind(left: str, right: str, quantity: QuantityMatch,
          original_left: str) -> tuple[MetricKind, bool]:
    """The kind, and whether the figure is a fall (negative). ``left`` and ``right``
    are the lower-cased context, ``original_left`` the context as written."""
    if quantity.unit in ("%", "pp", "times", "‰"):
        if quantity.unit == "times":
            return MetricKind.CHANGE, False
        if quantity.unit != "pp" and (TO_LEVEL.search(left) or MADE_UP.search(left)
                                      or BASE_LEFT.search(left)):
            return MetricKind.SHARE, False  # "the share fell to 9.5%", "made up 45 percent",
            # "8.3 percent, up from 6.9 percent a year earlier" (the earlier share)
        if CHANGE_RIGHT.match(right) or CHANGE_LEFT.search(left):
            fall = bool(FALL_RIGHT.match(right) or FALL_LEFT.search(left))
            return MetricKind.CHANGE, fall
        if quantity.unit == "pp":
            return MetricKind.CHANGE, bool(FALL_LEFT.search(left))
        if SHARE_LEFT.search(left) or SHARE_RIGHT.match(right) or quantity.unit == "‰":
            return MetricKind.SHARE, False
        return MetricKind.SHARE, False
    if _MORE_THAN_RIGHT.match(right) and not _MORE_THAN_LEFT.search(original_left):
        fall = bool(_LESS_RIGHT.match(right))
        return MetricKind.CHANGE, fall
    if _MORE_RIGHT.match(right):
        return MetricKind.CHANGE, False
    if quantity.unit == "count" and _FEWER_RIGHT.match(right):
        return MetricKind.CHANGE, True  # "200 fewer ships than in 2019"
    if AMOUNT_CHANGE.search(left):  # "increased by 50 billion yuan", "a decline of 3,000"
        return MetricKind.CHANGE, bool(FALL_LEFT.search(left))
    return MetricKind.LEVEL, False


def _indicator(sentence: str, low: str, start: int, right: str, unit: str) -> str | None:
    """The noun phrase naming what the figure at ``sentence[start:]`` measures, or None:
    the phrase after an amount ("2 billion yuan of foreign investment"), else the
    figure's clause before it split at its last verb ("the number of import orders rose"
    → "number of import orders"). ``low``: the sentence lower-cased; ``right``: the text
    after the figure. See ``indicators`` in ``figure_words.json``."""
    if unit not in _NOT_AMOUNTS:
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
    for match in CLAUSE_START.finditer(low, cut, start):
        cut = match.end()
    words = left[cut:].split()
    verbs = [i for i, word in enumerate(words) if word.casefold() in INDICATOR_VERBS]
    if not verbs:
        return _noun_phrase(words)
    first = verbs[-1]
    while first and words[first - 1].casefold() in INDICATOR_VERBS:
        first -= 1  # "had reached", "is expected to": the whole verb group
    subject = words[:first]
    # "exports rose 5% and imports fell": the subject after the last figure or verb
    ends = [i for i, word in enumerate(subject)
            if _HAS_DIGIT.search(word) or word.casefold() in INDICATOR_VERBS]
    if ends:
        subject = subject[ends[-1] + 1 :]
    return _noun_phrase(words[verbs[-1] + 1 :]) or _noun_phrase(subject)



_INDICATOR_WORDS = 6
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def _a_name(words: list[str]) -> bool:
    """Whether ``words`` are a name, not a measure: every content word capitalised
    ("Jinhua and Jiaxing", "Thailand"; but "Exports", a plural at a sentence's start)."""
    if any(w.islower() and w not in ("and", "or") for w in words):
        return False  # "Trade with Brazil": a measure and what it is with
    content = [w for w in words if w.casefold() not in INDICATOR_STOPS]
    if len(content) == 1 and content[0].casefold().endswith("s"):
        return False
    return bool(content) and all(w[:1].isupper() for w in content)


def _noun_phrase(words: list[str]) -> str | None:
    """``words`` trimmed to the noun phrase they name: no leading article, possessive or
    "total", no trailing verb, preposition or hedge ("more than"); None when that leaves
    no lower-case word, more than six words, or an adverb at the end."""
    phrase = " ".join(words).strip(" ,;:")
    for _ in range(8):
        trimmed = INDICATOR_TRIM.sub("", phrase).strip(" ,;:")
        if trimmed == phrase:
            break
        phrase = trimmed
    kept = phrase.split()
    if (not kept or len(kept) > _INDICATOR_WORDS or _HAS_DIGIT.search(phrase)
            or _a_name(kept)
            or all(w.casefold() in INDICATOR_EMPTY for w in kept)):
        return None  # too long, a name, a number, or "a year-on-year increase"
    last = kept[-1].casefold()
    if (not _WORD.fullmatch(kept[-1]) or last.endswith("ly") or last in INDICATOR_VERBS
            or last in INDICATOR_STOPS):
        return None
    return phrase


_TOP_LIST_MAX = 100
_RANK_GROUPS = ("top", "no", "nth", "word", "top2", "top3", "no2", "also", "also2", "place",
                "placew", "put", "fromto", "sup", "poss")


def _rank_matches(text: str) -> Iterator[tuple[re.Match[str], int]]:
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


def _ranks(written: str, text: str, offset: int) -> Iterator[tuple[int, int, int, MetricKind]]:
    """Ordinal positions ("ranked 12th", "No. 1", "second-largest"), and moves in a
    ranking ("advanced 5 places", a change), in the lower-cased ``text`` (``written``: as
    written). "One of the top 100" is a rank only when the sentence names no more
    precise one; "the No. 1 Project" is a name."""
    found: list[tuple[int, int, int, MetricKind]] = []
    groups: list[tuple[int, int, int, MetricKind]] = []
    if not MAY_RANK.search(text):
        return iter(())
    for m, shift in _rank_matches(text):
        group = next(g for g in _RANK_GROUPS if m[g])
        if group == "also2" and not found:
            continue  # "and eighth in the world" goes on with a rank, or is none
        if group == "no2" and _NAME_GOES_ON.match(written, m.end() - shift):
            continue  # "the No. 1 Project for digital economy"
        raw = m[group].casefold()
        digits = _DIGIT_RUN.match(raw)
        if digits and len(digits.group()) > 6:
            continue  # "ranked 999...9th": no ranking has a million places
        value = int(digits.group()) if digits else RANK_WORDS[raw]
        if group == "top3" and value > _TOP_LIST_MAX:
            continue  # "the world's top 500 companies": a list's name, not a position
        start, end = m.start(group) - shift, m.end(group) - shift
        item = (offset + start, offset + end, value, MetricKind.RANK)
        (groups if group in ("top2", "top3") else found).append(item)
        if group == "word":
            while (also := RANK_ALSO.match(text, end)) is not None:  # "third, second and fifth"
                end = also.end("also")
                found.append((offset + also.start("also"), offset + end,
                              RANK_WORDS[also["also"]], MetricKind.RANK))
    for m in RANK_MOVE.finditer(text):
        raw = m["n"].casefold()
        value = int(raw) if raw.isdigit() else RANK_WORDS[raw]
        if m["dir"].casefold() in RANK_DOWN:
            value = -value
        found.append((offset + m.start("n"), offset + m.end("n"), value, MetricKind.CHANGE))
    return iter(sorted(found if found else groups))


_REACH = 300  # how far from a figure its context is read, in characters


def _time_for(times: list[TimeMention], text: str, start: int, end: int) -> TimeMention | None:
    """The time cue governing the figure at ``text[start:end]``: in its own clause the
    last cue before it, else the first after it; else the last before it in the
    sentence. Comparison bases ("from the same period last year") never govern."""
    # Only cues near the figure can govern it: a window keeps a huge "sentence" linear.
    first = bisect.bisect_left(times, start - _REACH, key=lambda t: t.start)
    last = bisect.bisect_right(times, end + _REACH, key=lambda t: t.start)
    for t in times[first:last]:
        if t.comparison and t.end <= start and _BASE_OWN.fullmatch(text, t.end, start):
            return t  # "more than last year's total of 480 million": the base's own year
    usable = [t for t in times[first:last] if not t.comparison]
    low = max((m.end() for m in CLAUSE_BREAK.finditer(text, max(0, start - _REACH), start)),
              default=0)
    following = CLAUSE_BREAK.search(text, end, end + _REACH)
    high = following.start() if following else len(text)
    right_after = [t for t in usable if end <= t.start <= end + 24 and t.end <= high
                   and not any(c.isdigit() for c in text[end : t.start])
                   and (TIME_PREPOSITION.search(text, end, t.start)
                        or not text[t.start : t.start + 1].isdigit())]
    if right_after:
        return right_after[0]  # "95 billion yuan in 2022"
    before = [t for t in usable if low <= t.start and t.end <= start]
    if before:
        return before[-1]
    after = [t for t in usable if end <= t.start and t.end <= high]
    if after:
        return after[0]
    earlier = [t for t in usable if t.end <= start]
    return earlier[-1] if earlier else None


def extract_metrics(doc: Document) -> list[Metric]:
    """One :class:`Metric` per figure in ``doc``, in text order."""
    metrics: list[Metric] = []
    published = doc.published
    paragraph_index = 0
    context = _Context()
    lowered = doc.lower  # what the case-insensitive patterns read
    amount_unit: str | None = None  # the unit of the paragraph's last scaled amount
    before_unit: str | None = None  # ... and of the paragraph before
    for sentence in doc.sentences:
        while (paragraph_index + 1 < len(doc.paragraphs)
               and doc.paragraphs[paragraph_index].end < sentence.start):
            paragraph_index += 1
            context = context.next_paragraph(published)
            before_unit, amount_unit = amount_unit, None
        text = doc.norm[sentence.start : sentence.end]
        low = lowered[sentence.start : sentence.end]
        if amount_unit is None and before_unit is not None and _THE_TOTAL.search(low):
            amount_unit = before_unit  # "...13 billion yuan.\n\nThe total is to top 15 billion"
        numbers = bool(_HAS_DIGIT.search(low) or MAY_HAVE_NUMBER.search(low))
        # Cheap prefilters keep the full patterns off sentences that cannot match them.
        times = (list(find_times(text, published, lowered=low))
                 if numbers or MAY_HAVE_TIME.search(low) else [])
        if numbers:
            found = list(_sentence_metrics(doc, sentence, text, low, times, context,
                                           published))
            found, amount_unit = _unit_from_before(found, amount_unit, doc.norm)
            metrics.extend(found)
        context = context.after(times, published)
    return metrics


def _sentence_metrics(
    doc: Document, sentence: Span, text: str, low: str, times: list[TimeMention],
    context: _Context, published: date | None,
) -> Iterator[Metric]:
    """The figures of one sentence; ``low`` is its text lower-cased (:func:`ascii_lower`),
    which the case-insensitive context patterns read."""
    base = sentence.start
    found: list[Metric] = []
    uncued: set[int] = set()  # where figures with no time cue of their own start
    rank_spans = list(_ranks(text, low, base))
    for start, end, position, rank_kind in rank_spans:
        cue = _time_for(times, text, start - base, end - base)
        if cue is None:
            uncued.add(start)
        found.append(Metric(
            value=Decimal(position), unit="rank", kind=rank_kind,
            span=Span.of(doc.text, start, end),
            year=_year(cue, rank_kind, context, published,
                       low[max(0, start - base - _REACH) : start - base]),
        ))
    for quantity in find_quantities(text, lowered=low):
        if any(s <= base + quantity.start < e for s, e, _, _ in rank_spans):
            continue
        if quantity.form == "vague" or _is_not_a_metric(text, low, quantity):
            continue
        if (quantity.form == "word" and quantity.start and text[quantity.start].isupper()
                and _NAME_GOES_ON.match(text, quantity.end)):
            continue  # "the "Ten Thousand Enterprises Go Global" campaign": a name
        left = low[max(0, quantity.start - 60) : quantity.start]
        right = low[quantity.end : quantity.end + 60]
        kind, fall = _kind(left, right, quantity,
                           text[max(0, quantity.start - 60) : quantity.start])
        cue = _time_for(times, text, quantity.start, quantity.end)
        if kind is not MetricKind.RANK and not _aside(text, quantity) and _is_target(
                text, low, quantity.start, cue, published,
                aside=left if kind is MetricKind.CHANGE else None):
            kind = MetricKind.TARGET  # also a change: "exports are expected to grow 8%"
        wide = low[max(0, quantity.start - _REACH) : quantity.start]
        year = _year(cue, kind, context, published, wide)
        if (year is not None and BASE_LEFT.search(left) and YEAR_EARLIER.match(right)
                and not (cue is not None and cue.previous and not cue.relative)):
            year -= 1  # "up from 6.9 percent a year earlier": the year before
        if cue is None:
            uncued.add(base + quantity.start)
        period = cue.period if cue is not None and not cue.since else (
            context.period if cue is None else None)
        if _reported_unended(cue.unended if cue is not None else context.unended, kind, wide):
            period = _year_before(period)
        value = -quantity.value if fall else quantity.value
        high = quantity.high
        found.append(Metric(
            value=value, unit=quantity.unit, span=Span.of(doc.text, base + quantity.start,
                                                          base + quantity.end),
            kind=kind, qualifier=_qualifier(left, quantity), year=year, period=period,
            indicator=_indicator(text[max(0, quantity.start - _REACH) : quantity.start + 1],
                                 low[max(0, quantity.start - _REACH) : quantity.start + 1],
                                 min(quantity.start, _REACH),
                                 text[quantity.end : quantity.end + 80], quantity.unit),
            noun=quantity.noun, high=high,
        ))
    found.sort(key=lambda m: m.span.start)
    found = _respective_years(_carried(found, doc.text), text, base)
    yield from _link_changes(found, uncued, context.reported)


def _year(cue: TimeMention | None, kind: MetricKind, context: _Context,
          published: date | None, left: str) -> int | None:
    """The calendar year a figure belongs to (GUIDELINES: present tense is the
    publication year; a target with no stated year has none)."""
    present = published.year if published is not None else None
    if cue is not None and cue.anaphoric:  # "On that day", "two years later"
        base = context.year if context.year is not None else context.named
        return None if base is None else base + cue.later
    if cue is not None:
        if cue.since:  # "since 2014 ... from 23 to 1,100": the start, then the present
            if not FROM_LEFT.search(left):
                return present
            return cue.year if cue.year is not None else context.year  # "since then"
        if cue.present and kind is MetricKind.TARGET:
            return context.target_year  # "now in effect ... will eventually reach 90%"
        if cue.year is not None and _reported_unended(cue.unended, kind, left):
            return cue.year - 1  # "January to November" reported in January: last year's
        if cue.yearless:
            # An undated article's "from January to May": of the year it names last
            return context.year if context.year is not None else context.named
        return cue.year  # None when relative and the article is undated
    if kind is MetricKind.TARGET:
        if context.target_year is None and present is not None and context.written and (
                context.year is not None and context.year > present):
            return context.year  # "... exceed 150 million tons in 2025. It will also grow"
        return context.target_year
    if context.year is not None:
        if present is not None and PRESENT_STATE.search(left) and not _past(left):
            return present  # "opened in 1992. The zone is home to 780 firms."
        return context.year - _reported_unended(context.unended, kind, left)
    if context.reported is not None and _past(left):
        return context.reported  # "Exports rose 8.2 percent", a paragraph after "in 2024"
    return present


_BASE_OWN = re.compile(r"'s\s(?:[a-z-]+\s){0,2}of\s(?:[a-z]+\s){0,2}")
_MODALS = frozenset(("will", "would"))
_GAPPED_HINT = re.compile(r"expect|want|aim|plan")  # cheap: most windows have none
_AND = re.compile(r"\sand\s(?:are|is|will|was|were|has|have|had)\b")  # a second verb


def _aside(text: str, quantity: QuantityMatch) -> bool:
    """Whether the figure stands alone in brackets after what it measures ("the Ningbo
    area (46 sq km)"): a description, never a target (a currency conversion keeps the
    kind of the amount it converts)."""
    return (text[quantity.start - 1 : quantity.start] == "("
            and text[quantity.end : quantity.end + 1] == ")"
            and unit_table()[quantity.unit].dimension != "currency")


def _is_target(text: str, low: str, start: int, cue: TimeMention | None,
               published: date | None, *, aside: str | None = None) -> bool:
    """Whether the figure at ``start`` is a target. For a change, ``aside`` is the text
    before it: a change set as an aside to its level ("US$2.7 billion, a year-on-year
    increase of 91.3%") is no target for a "will" or "would" alone."""
    if cue is not None and cue.target:
        return True
    following = CLAUSE_BREAK.search(text, start, start + _REACH)
    clause_end = following.start() if following else min(len(text), start + _REACH)
    joined = _AND.search(low, start, clause_end)  # "grew 6% in 2022 and are expected to"
    if joined is not None:
        clause_end = joined.start()
    found = [*TARGET.finditer(low, max(0, start - _REACH), start)]
    later = [*TARGET_RIGHT.finditer(low, start, clause_end)]
    if aside is not None and any(m.group() in _MODALS for m in (*found, *later)) and (
            CHANGE_ASIDE.search(aside)):
        found = [m for m in found if m.group() not in _MODALS]
        later = [m for m in later if m.group() not in _MODALS]
    left = found[0] if found else None
    if left is None and _GAPPED_HINT.search(low, max(0, start - 60), start):
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


def _link_changes(metrics: list[Metric], uncued: set[int],
                  reported: int | None) -> Iterator[Metric]:
    """A change states the growth of the nearest level figure in its sentence; one with no
    time cue of its own, beside a level of the reported year ("worth 540 billion yuan, up
    18 percent"), is of that year too, and so are a rank and a share ("reached 39.3 million
    TEUs, ranking third", "output of 21 billion yuan, about 20 percent of the total")."""
    levels = [m for m in metrics if m.kind in (MetricKind.LEVEL, MetricKind.TARGET)
              and m.unit not in ("%", "count", "rank")]
    starts = [m.span.start for m in levels]
    ranked = reported is not None and any(m.year == reported for m in levels)
    for metric in metrics:
        if (ranked and metric.kind in (MetricKind.RANK, MetricKind.SHARE)
                and metric.span.start in uncued and metric.year != reported):
            yield attrs.evolve(metric, year=reported)
            continue
        if metric.kind is MetricKind.CHANGE and metric.unit in ("%", "times", "pp") and levels:
            at = bisect.bisect_left(starts, metric.span.start)
            near = levels[max(0, at - 1) : at + 1]
            nearest = min(near, key=lambda m: (abs(m.span.start - metric.span.start),
                                               m.span.start))
            indicator = metric.indicator or nearest.indicator  # "worth X, up 5%": X's
            if (reported is not None and nearest.year == reported
                    and metric.span.start in uncued):
                yield attrs.evolve(metric, of=nearest.id, year=reported, indicator=indicator)
            else:
                yield attrs.evolve(metric, of=nearest.id, indicator=indicator)
        else:
            yield metric
