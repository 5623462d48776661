"""Subjects paired in order with a list of figures ("Imports into Jiaxing and Huzhou
rose 3.2 percent and 7.5 percent respectively") and the place named after a figure
("some 900 firms make toys in Yunhe."): part of the attribution step
(:mod:`zjopen.link.subjects`), with the place tests it shares."""

from __future__ import annotations

import bisect
import itertools
import operator

from zjopen import gazetteer
from zjopen.document import Document
from zjopen.lexicon.patterns import lazy_compile
from zjopen.link._positions import _Mention
from zjopen.link._words import (
    PLACE_AFTER,
    PLACE_AFTER_END,
    PLACE_AFTER_EVENT,
    PLACE_AFTER_EVENT_REACH,
    PLACE_AFTER_PRONOUN,
    PLACE_AFTER_REACH,
    RECORD_AFTER,
    RECORD_AFTER_PLAIN,
    RECORD_AFTER_REACH,
    RECORD_AFTER_WORD,
    RECORD_AFTER_WORDS,
    RECORD_AFTER_WORDS_REACH,
)
from zjopen.model import Metric, Span

__all__ = ["_is_place", "_place_after", "_record_after", "_respectively", "_within_place"]


def _is_place(code: str) -> bool:
    """A region code: GB/T 2260 digits, or an ISO 3166 country ("CN", "DE")."""
    return code.isdigit() or (len(code) == 2 and code.isalpha() and code.isupper())


_RESPECTIVELY = lazy_compile(r"\brespectively\b")
_SPAN_START = operator.attrgetter("span.start")


def _respectively(doc: Document, start: int, end: int, figures: list[Metric],
                  mentions: list[_Mention], starts: list[int]) -> dict[str, str]:
    """Subjects paired in order with a "respectively" list: "Imports into Jiaxing and
    Huzhou rose 3.2 percent and 7.5 percent respectively" (the first figure Jiaxing's,
    the second Huzhou's). Only when the places before the figures are as many as the
    figures of one unit before "respectively"; by metric id."""
    if len(figures) < 2:
        return {}
    word = (_RESPECTIVELY.search(doc.norm, start, end)
            if doc.norm.find("respectively", start, end) >= 0 else None)
    listed = figures if word is None else [m for m in figures if m.span.end <= word.start()]
    low = bisect.bisect_left(starts, start)
    first = min(map(_SPAN_START, listed), default=start)
    high = bisect.bisect_left(starts, first)
    if word is None and high - low < 2:
        return {}  # (no list of places: _listed_run needs two)
    before = [m for m in mentions[low:high] if m.end <= first]
    if word is None:
        # No "respectively": only places listed one after another as the subject ("In
        # 2022, Ningbo, Jinhua and Jiaxing exported 820, 560 and 310 billion yuan").
        run = _listed_run(doc, before, first)
        if run is None:
            return {}
        before = run
    places: list[str] = []
    for m in before:
        if m.code not in places:
            places.append(m.code)
    if len(places) < 2:
        return {}  # (nothing to pair)
    by_unit: dict[str, list[Metric]] = {}
    for metric in listed:
        by_unit.setdefault(metric.unit, []).append(metric)
    if len(places) >= 3 and all(_within_place(code, places[0]) for code in places[1:]):
        places = places[1:]  # "Hangzhou's Xiaoshan, Yuhang and Binjiang districts"
    paired: dict[str, str] = {}
    for group in by_unit.values():
        if len(group) == len(places) >= 2:
            paired.update(zip((m.id for m in group), places, strict=True))
    return paired


def _place_after(norm: str, start: int, end: int, figure: Span, mentions: list[_Mention],
                 starts: list[int]) -> str | None:
    """The place a figure with nothing named before it is about, named after it up to
    ``end`` (its sentence's): the first subject after the figure, when it is a place
    after one of the words of PLACE_AFTER and before a comma or the end ("some 900 firms
    make toys in Yunhe, ...", "300 trains have left Yiwu."). A name right after the
    figure is what it counts ("300 China-Europe freight trains"), passed over; a place
    where a speaker spoke ("... at a press conference in Beijing.") is none. None
    when a pronoun between ``start`` (the sentence's) and the figure refers to the topic
    ("it opened 40 stores in Ningbo")."""
    figure_end = figure.end
    at = bisect.bisect_left(starts, figure_end)
    if at < len(starts) and starts[at] <= figure_end + 1 and not _is_place(mentions[at].code):
        at += 1  # (the figure's own noun: "6,700 China-Europe freight trains")
    if at == len(starts) or starts[at] >= end:
        return None
    m = mentions[at]
    if (_is_place(m.code) and PLACE_AFTER_END.match(norm, m.end, end)
            and PLACE_AFTER.search(norm, max(0, m.start - PLACE_AFTER_REACH), m.start)
            and not PLACE_AFTER_PRONOUN.search(norm, start, figure.start)
            and not PLACE_AFTER_EVENT.search(norm, max(0, m.start - PLACE_AFTER_EVENT_REACH),
                                             m.start)):
        return m.code
    return None


def _record_after(norm: str, sentence: Span, figure: Span, mentions: list[_Mention],
                  starts: list[int], spaced: bool = False) -> str | None:
    """The platform a figure with nothing named before it is about, named after it in
    its clause after one of RECORD_AFTER's words ("25 million standard containers at
    Ningbo-Zhoushan Port", "deals worth 37 billion yuan were reached at the Global
    Digital Trade Expo"): its "P:<platform>", else None (None at once when none of
    the words stands after the figure in ``sentence``). None also when a
    pronoun between the sentence's start and the figure refers to the topic ("its
    throughput hit 30 million TEUs at ..."). ``spaced``: whether a part of ``norm``
    with no line break has no white space but the space (:attr:`_Named.spaced`)."""
    after = figure.end
    # (one of the words after the figure in its sentence, within the reach of the name:
    # a search to the sentence's end for each figure is quadratic in a long sentence)
    stop = min(sentence.end, after + RECORD_AFTER_REACH + 1)
    if spaced and RECORD_AFTER_PLAIN and norm.find("\n", after, stop) < 0:
        for word in RECORD_AFTER_WORDS:  # (" at ": the pattern's match, where "\s" is " ")
            if norm.find(word, after, stop) >= 0:
                break
        else:
            return None
    elif RECORD_AFTER_WORD.search(norm, after, stop) is None:
        return None
    at = bisect.bisect_left(starts, after)
    if at == len(starts):
        return None
    m = mentions[at]
    if m.start - after > RECORD_AFTER_REACH or not m.code.startswith("P:"):
        return None  # (the next name is far, or no platform's)
    low = max(after, m.start - RECORD_AFTER_WORDS_REACH)
    for word in RECORD_AFTER_WORDS:  # (the word found by str.rfind, the pattern anchored)
        found = norm.rfind(word, low, m.start)
        if found >= 0 and RECORD_AFTER.fullmatch(norm, found + 1, m.start):
            break
    else:
        return None
    if (any(norm.find(stop, after, m.start) >= 0 for stop in _CLAUSE_STOPS)
            or PLACE_AFTER_PRONOUN.search(norm, sentence.start, figure.start)):
        return None  # (another clause's platform, or the topic's figure)
    return m.code


_CLAUSE_STOPS = (", ", "; ", ": ", "\n")


_LIST_JOIN = lazy_compile(r",\s(?:and\s)?|\sand\s")


def _listed_run(doc: Document, mentions: list[_Mention], first: int) -> list[_Mention] | None:
    """The mentions if they are places written as one list ("Ningbo, Jinhua and
    Jiaxing") right before the verb of the figures at ``first``, else None ("Wenzhou,
    China's shoe capital, ...": a place and its country are no list)."""
    if len(mentions) < 2 or not all(_is_place(m.code) for m in mentions):
        return None
    between = doc.norm[mentions[-1].end : first]
    if "," in between or between.startswith("'"):
        return None
    for a, b in itertools.pairwise(mentions):
        if (not _LIST_JOIN.fullmatch(doc.norm, a.end, b.start)
                or _within_place(a.code, b.code) or _within_place(b.code, a.code)
                or "CN" in (a.code, b.code)):
            return None
    return mentions


def _within_place(code: str, outer: str) -> bool:
    """Whether the place ``code`` lies within the place ``outer``."""
    inner = gazetteer.lookup(code) if code.isdigit() else None
    return inner is not None and outer in {p.code for p in inner.ancestors()}
