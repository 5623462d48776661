"""Subjects paired in order with a list of figures ("Imports into Jiaxing and Huzhou
rose 3.2 percent and 7.5 percent respectively"): part of the attribution step
(:mod:`zjopen.link.subjects`), with the place tests it shares."""

from __future__ import annotations

import bisect
import itertools
import operator

from zjopen import gazetteer
from zjopen.document import Document
from zjopen.lexicon.patterns import lazy_compile
from zjopen.link._positions import _Mention
from zjopen.model import Metric

__all__ = ["_is_place", "_respectively", "_within_place"]


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
