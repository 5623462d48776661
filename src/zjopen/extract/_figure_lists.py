"""Figures read together: the unit and kind carried along a list of figures, years paired
with figures "respectively", the unit of a paragraph's amount before, and a change linked
to the level it is the growth of."""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from zjopen._evolve import evolve
from zjopen.lexicon.patterns import lazy_compile
from zjopen.model import Metric, MetricKind, Period
from zjopen.quantities import scaled

# The kinds as module names: an enum member read as MetricKind.X goes through EnumType's
# __getattr__ hook (a call of type.__getattribute__ each time), several times the cost
# of a global's, and they are read for each figure.
_LEVEL, _SHARE, _CHANGE, _TARGET, _RANK = (
    MetricKind.LEVEL, MetricKind.SHARE, MetricKind.CHANGE, MetricKind.TARGET, MetricKind.RANK)

# What separates the items of a list of figures: "5 million TEUs (in 2015) to 8 million",
# "9.1 percent, 14.3 percent and 6.2 percent".
_LIST_GAP = lazy_compile(r"(?:\s(?:in|by|for)\s[0-9]{4})?(?:,\s?(?:and\s)?|\s(?:and|or|to)\s)")
_SCALE_ENDS = ("thousand", "million", "billion", "trillion")  # what _SCALED matched at \Z


def carried(found: list[Metric], text: str) -> list[Metric]:
    """Unit and kind carried along a list of figures: "from 5 million TEUs to 8 million"
    (TEU), "fell 3.2 percent and 7.5 percent" (both falls), "increases of 9.1 percent,
    14.3 percent and 6.2 percent, respectively" (all changes)."""
    if len(found) < 2:
        return found
    out: list[Metric] = []
    for metric in found:
        if out and _LIST_GAP.fullmatch(text, out[-1].span.end, metric.span.start):
            before = out[-1]
            if (metric.unit == "count" and metric.noun is None
                    and metric.text.endswith(_SCALE_ENDS)
                    and before.unit not in ("count", "rank", "%")):
                metric = evolve(metric, unit=before.unit)
            elif (before.unit == "count" and before.noun is None
                  and before.text.endswith(_SCALE_ENDS) and metric.unit not in NOT_AMOUNTS
                  and _scale_word(metric.text)):
                # "300 million and 450 million U.S. dollars": the unit written last
                out[-1] = evolve(before, unit=metric.unit)
            if (metric.unit == before.unit and before.kind is _CHANGE
                    and metric.kind in (_SHARE, _LEVEL)):
                value = -abs(metric.value) if before.value < 0 else metric.value
                metric = evolve(metric, kind=_CHANGE, value=value)
        elif (out and metric.unit == "%" and metric.kind is _SHARE
              and (change := _elided_change(out, text)) is not None
              and _ELIDED.fullmatch(text, out[-1].span.end, metric.span.start)):
            # "rose 52.6 percent, with the EU 24.1 percent": the verb left out
            value = -abs(metric.value) if change.value < 0 else metric.value
            metric = evolve(metric, kind=_CHANGE, value=value)
        out.append(metric)
    # "by 6.9, 2.5 and 4.2 percentage points": a unit written once, after the last, and
    # its scale too: "values of 32.39, 19.92 and 10.9 billion yuan"
    power = 0  # the scale of the figure after, as a power of ten, carried along the list
    for index in range(len(out) - 2, -1, -1):
        metric, after = out[index], out[index + 1]
        if (metric.unit == "count" and metric.noun is None
                and after.unit not in ("count", "rank") and _BARE.fullmatch(metric.text)
                and _LIST_GAP.fullmatch(text, metric.span.end, after.span.start)):
            power = power if _BARE.fullmatch(after.text) else _power_of(after)
            value = scaled(metric.value, power) if power else metric.value
            out[index] = evolve(metric, unit=after.unit, kind=after.kind,
                                value=-value if after.value < 0 else value)
        else:
            power = 0
    return out


_POWERS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_FIRST_NUMBER = lazy_compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


def _power_of(metric: Metric) -> int:
    """The scale word a figure is written with, as a power of ten, when its value is its
    number times it ("10.9 billion yuan": 9); else 0."""
    written = metric.text
    if not _scale_word(written):
        return 0
    scale = _SCALE_WORD.search(written)
    number = _FIRST_NUMBER.search(written)
    if scale is None or number is None:
        return 0
    power = _POWERS[scale.group()]
    return power if abs(metric.value) == scaled(
        Decimal(number.group().replace(",", "")), power) else 0


# What goes before a figure in a list whose verb is written once: "increased 22 percent
# to 33 million tons, coal 46 percent", "rose 52.6 percent, with the EU 24.1 percent".
_ELIDED = lazy_compile(
    r"""(?:\s(?:in|by|for)\s[0-9]{4})?       # "rose 12.5 percent in 2023, with ..."
        (?:,\s(?:and\s)?|\sand\s)           # the list goes on
        (?:(?:with|for|to|in)\s)?(?:the\s)?     # "with the European Union"
        (?:(?!(?:share|accounting|of|or|than|about|nearly|over|around|almost|more|less
                |up|down|by|which|while|its|their|was|were|is|are|hit|made|took|saw|had|has
                |have|held|kept|got|won|gave|stood|remained|became)\b)
           (?![a-z]+(?:ed|ing)\b)                # a verb: a clause of its own
           [A-Za-z][A-Za-z'&-]*\s){1,4}          # the item: one to four words
    """, re.VERBOSE)
_TO_LEVEL = lazy_compile(r"\sto\s")  # "increased 22 percent to 33 million tons"


def _elided_change(out: list[Metric], text: str) -> Metric | None:
    """The percentage change a list whose verb is written once goes on from: the last
    figure before, or the one before that when its level follows it ("22 percent to 33
    million tons")."""
    last = out[-1]
    if last.unit == "%":
        return last if last.kind is _CHANGE else None
    if (len(out) > 1 and (change := out[-2]).unit == "%" and change.kind is _CHANGE
            and last.unit not in NOT_AMOUNTS
            and _TO_LEVEL.fullmatch(text, change.span.end, last.span.start)):
        return change
    return None


_BARE = lazy_compile(r"[0-9]+(?:\.[0-9]+)?")  # a number written with no unit or word
_YEAR_LIST = lazy_compile(r"\b((?:19|20)[0-9]{2})((?:,\s?(?:19|20)[0-9]{2}){0,8}),?\s(?:and)\s"
                        r"((?:19|20)[0-9]{2})\b")
_LISTED_YEAR = lazy_compile(r"(?:19|20)[0-9]{2}")
_RESPECTIVELY = lazy_compile(r"\brespectively\b")


def respective_years(found: list[Metric], text: str, base: int) -> list[Metric]:
    """Years paired in order with the figures of one unit before them in a "respectively"
    sentence: "reached 300 billion yuan and 330 billion yuan in 2021 and 2022,
    respectively"; and with those after them ("In 2015 and 2016, output was 3.1 billion
    yuan and 3.7 billion yuan respectively, up 20.4% and 13.6%")."""
    if len(found) < 2 or "respectively" not in text or not _RESPECTIVELY.search(text):
        return found
    listed = _YEAR_LIST.search(text)
    if listed is None:
        return found
    years = [int(listed[1]), *map(int, _LISTED_YEAR.findall(listed[2])), int(listed[3])]
    at, end = base + listed.start(), base + listed.end()
    by_unit: dict[tuple[bool, str], list[Metric]] = {}
    for metric in found:
        if metric.span.end <= at or metric.span.start >= end:
            by_unit.setdefault((metric.span.start >= end, metric.unit), []).append(metric)
    dated: dict[int, int] = {}
    for group in by_unit.values():
        if len(group) == len(years):
            dated.update(zip((m.span.start for m in group), years, strict=True))
    return [evolve(m, year=dated[m.span.start], period=Period.year(dated[m.span.start]))
            if m.span.start in dated else m for m in found]


def unit_from_before(found: list[Metric], unit: str | None, text: str
                      ) -> tuple[list[Metric], str | None]:
    """A bare scaled number that restates an amount (:func:`_restated`) takes the unit of
    the paragraph's amount before it, not a conversion's ("... had reached 13 billion
    yuan. The total is projected to top 15 billion.", "the figure will top 15 billion by
    the year end"); returns the figures and the unit in force after them."""
    out: list[Metric] = []
    for metric in found:
        written = metric.span.text
        if (unit is not None and metric.unit == "count" and metric.noun is None
                and written.endswith(_SCALE_ENDS) and _restated(text, metric.span.start,
                                                                metric.span.end)):
            metric = evolve(metric, unit=unit)
        if (metric.unit != unit and ("illion" in written or "thousand" in written)
                and metric.unit not in NOT_AMOUNTS
                and _SCALE_WORD.search(written) is not None  # _scale_word(written)
                and not _conversion(text, metric.span.start)):
            unit = metric.unit
        out.append(metric)
    return out, unit


def _conversion(text: str, start: int) -> bool:
    """Whether the amount at ``start`` converts the one before it, in brackets ("8
    billion yuan ($1.1 billion)"): its unit is not the one in force after it."""
    near = max(0, start - 16)
    return text.find("(", near, start) >= 0 and _CONVERSION.search(text, near, start) is not None


def _restated(text: str, start: int, end: int) -> bool:
    """Whether the bare scaled number at ``text[start:end]`` restates an amount before
    it: it ends its clause ("The total is projected to top 15 billion."), or only a time
    ("in 2015", "for the first time", "in just four years") follows it there and it is
    the base of a change, the amount reached ("jumped to 30 million in just six years",
    "breaking 2 trillion for the first time") or after a word naming the amount again
    ("up from 21.8 trillion in 2015", "the figure will top 15 billion by the year end")."""
    if _CLAUSE_END.match(text, end):
        return True
    if not text.startswith(_TIME_TAIL_STARTS, end) or (
            tail := _TIME_TAIL.match(text, end)) is None:
        return False
    if _FROM_BEFORE.search(text, max(0, start - 6), start) is not None:
        return True
    if tail["span"] or tail["first"]:  # "breaking 2 trillion for the first time", "jumped
        # to 30 million in just six years": the amount reached (but "grew to 9.6 million
        # in 2022" is a population's)
        return (_REACHED_BEFORE if tail["first"] else _REACHED_TO).search(
            text, max(0, start - 24), start) is not None
    near = max(0, start - _REACH)
    clause = max(text.rfind(", ", near, start), text.rfind(". ", near, start), near)
    return THE_TOTAL.search(text[clause:start].lower()) is not None


# r"\bthe\s(?:total|figure|amount|value|sum)\b" with its word boundary read after "the":
# a pattern that begins with a literal is found by the engine's fast literal search, one
# that begins with \b is tried at every position (sixteen times as long).
THE_TOTAL = lazy_compile(r"the(?<!\wthe)\s(?:total|figure|amount|value|sum)\b")
_CLAUSE_END = lazy_compile(r"\s?(?:[.,;:)]|\Z)")
# A time that ends a clause: "in 2015", "by 2020", "by the year end", "by the end of
# the year", "by year-end", "this year" (then the clause ends).
_TIME_TAIL = lazy_compile(
    r"""\s(?:(?:in|by|at|before)\s(?:the\s)?
           (?:end\sof\s(?:the\s|this\s)?)?
           (?:(?:19|20)[0-9]{2}|year(?:[\s-]end)?)
         |this\syear
         |(?P<first>for\sthe\sfirst\stime)       # "breaking 2 trillion for the first time"
         |(?P<span>in\s(?:just\s|only\s|the\sspace\sof\s(?:just\s|only\s)?)  # "to 30 million
           [a-z0-9]+\s(?:years?|months?)))                 #  in just six years"
        \s?(?:[.,;:)]|\Z)""", re.VERBOSE)
_TIME_TAIL_STARTS = (" in ", " by ", " at ", " before ", " this ", " for ")  # (a cheap test)
_REACH = 120  # how far back the word naming the amount again is looked for
_FROM_BEFORE = lazy_compile(r"\bfrom\s\Z")  # "up from 21.8 trillion in 2015"
_REACHED = (r"break(?:s|ing)?|broke|top(?:s|ped|ping)?|surpass(?:es|ed|ing)?"
            r"|exceed(?:s|ed|ing)?|pass(?:es|ed|ing)?")
_REACHED_BEFORE = lazy_compile(rf"\b(?:{_REACHED})\s(?:over\s|about\s|nearly\s|some\s)?\Z")
_REACHED_TO = lazy_compile(rf"\b(?:to|{_REACHED})\s(?:over\s|about\s|nearly\s|some\s)?\Z")
_CONVERSION = lazy_compile(r"\((?:about\s|around\s|roughly\s|approximately\s|nearly\s)?\Z")
_SCALE_WORD = lazy_compile(r"\b(?:thousand|million|billion|trillion)\b")
NOT_AMOUNTS = frozenset(("count", "rank", "%", "pp", "times"))
_CONVERTS = 16  # a conversion begins at most this far after the amount it restates


def _converts(levels: list[Metric], index: int, text: str) -> bool:
    """Whether ``levels[index]`` converts the amount before it, in brackets ("8 billion
    yuan ($1.1 billion)")."""
    if not index:
        return False
    level, before = levels[index], levels[index - 1]
    return (level.span.start - before.span.end <= _CONVERTS
            and text[before.span.end : level.span.start].lstrip()[:1] == "("
            and _conversion(text, level.span.start))


def _respective_bases(metrics: list[Metric], levels: list[Metric], text: str
                      ) -> dict[int, Metric]:
    """The changes of a "respectively" list paired in order with the amounts before (or
    after) them, by where each change starts: "exports of 295 billion yuan and imports of
    96 billion yuan, up 10.5% and 14.6%, respectively" (conversions in brackets left out)."""
    amounts = [m for i, m in enumerate(levels) if not _converts(levels, i, text)]
    changes = [m for m in metrics
               if m.kind is _CHANGE and m.unit in ("%", "times", "pp")]
    if len(changes) < 2 or len(changes) != len(amounts):
        return {}
    # (the amounts before the changes, or after them: "increased by 31.8 percent and 31.2
    # percent to 72.90 billion yuan and 14.83 billion yuan, respectively")
    first, last = ((amounts[0], changes[-1]) if amounts[-1].span.end <= changes[0].span.start
                   else (changes[0], amounts[-1]))
    if (last is amounts[-1] and changes[-1].span.end > amounts[0].span.start) or text.find(
            "respectively", first.span.start, last.span.end + _RESPECTIVELY_AFTER) < 0:
        return {}
    return {change.span.start: amount
            for change, amount in zip(changes, amounts, strict=True)}


_RESPECTIVELY_AFTER = 40  # how far after the last change "respectively" may stand
_RATES = ("%", "times", "pp")  # the units of a change linked to a level


def _scale_word(text: str) -> bool:
    """``_SCALE_WORD.search(text)``, searched only where one of its words may be."""
    return ("illion" in text or "thousand" in text) and _SCALE_WORD.search(text) is not None


def link_changes(metrics: list[Metric], uncued: set[int],
                  reported: int | None, text: str) -> list[Metric]:
    """A change states the growth of the nearest level figure in its sentence (of the
    amount a conversion in brackets restates, not of the conversion: "24.9 billion yuan
    ($3.44 billion), a 6.7 percent increase" is the yuan's); one with no
    time cue of its own, beside a level of the reported year ("worth 540 billion yuan, up
    18 percent"), is of that year too, and so are a rank and a share ("reached 39.3 million
    TEUs, ranking third", "output of 21 billion yuan, about 20 percent of the total")."""
    levels = [m for m in metrics if m.kind in (_LEVEL, _TARGET)
              and m.unit not in ("%", "count", "rank")]
    if not levels:
        return metrics  # no level to link a change to, nor to date a rank or a share by
    ranked = reported is not None and any(m.year == reported for m in levels)
    if not ranked and not any(m.kind is _CHANGE and m.unit in _RATES for m in metrics):
        return metrics  # no change to link, nor a rank or share to date
    starts = [m.span.start for m in levels]
    paired = _respective_bases(metrics, levels, text) if len(levels) > 1 else {}
    out: list[Metric] = []
    for metric in metrics:
        if (ranked and metric.kind in (_RANK, _SHARE)
                and metric.span.start in uncued and metric.year != reported):
            out.append(evolve(metric, year=reported))
            continue
        if metric.kind is _CHANGE and metric.unit in _RATES and levels:
            at = bisect.bisect_left(starts, metric.span.start)
            near = levels[max(0, at - 1) : at + 1]
            nearest = min(near, key=lambda m: (abs(m.span.start - metric.span.start),
                                               m.span.start))
            index = at - 1 if nearest is near[0] and at else at
            if metric.span.start in paired:
                nearest = paired[metric.span.start]  # "A and B, up 5% and 7% respectively"
            elif _converts(levels, index, text):
                nearest = levels[index - 1]  # the amount the conversion restates
            indicator = metric.indicator or nearest.indicator  # "worth X, up 5%": X's
            if (reported is not None and nearest.year == reported
                    and metric.span.start in uncued):
                out.append(evolve(metric, of=nearest.id, year=reported, indicator=indicator))
            else:
                out.append(evolve(metric, of=nearest.id, indicator=indicator))
        else:
            out.append(metric)
    return out
