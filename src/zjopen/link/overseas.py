"""Where companies come from and where they go abroad: the linker's home-region and
overseas-presence steps.

A company with no home region of its own gets the place the text names next to its
name: "Swedish brand Volvo" → SE, "Wenzhou-based ... provider CHINT" → 330300,
"Meorient, a Zhejiang-based service provider" → 330000.

A company named before a verb of expansion ("built", "set up", "acquired", "opened",
"invested in") has a presence in every country named after that verb in the same
sentence: "Top Group built an auto parts manufacturing center in Poland" → PL;
"Jifeng acquired Grammer, a century-old German company" → DE. The verbs are data
(``data/link_words.json``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from zjopen._evolve import evolve
from zjopen.document import Document
from zjopen.link._words import (
    EXPANSION,
    HOME_AFTER,
    HOME_AFTER_LEAD,
    HOME_AFTER_STARTS,
    HOME_BEFORE,
    HOME_BEFORE_ENDS,
    JOINER,
    NOT_SUBJECT,
)
from zjopen.model import Enterprise, Region

__all__ = ["home_regions", "overseas_presence"]

_HOME_REACH = 60  # the most characters between a place and the name of the company it is home to


def home_regions(doc: Document, regions: Sequence[Region],
                 enterprises: Sequence[Enterprise]) -> list[Enterprise] | None:
    """The enterprises (merged: one per company), each with no region given the
    place named next to a mention of it as its home: "Swedish brand Volvo", "the
    Ningbo-based firm Top Group", "CPET, a Wenzhou company"; None when no home is
    found (a region the name or the knowledge base gives stays)."""
    norm = doc.norm
    result: list[Enterprise] | None = None
    places: _Places | None = None  # (made when a first mention needs them)
    for n, enterprise in enumerate(enterprises):
        if enterprise.region is not None:
            continue  # (most companies)
        home = None
        for span in enterprise.mentions:
            # (what ends before the name and what begins after it, tried before any
            # pattern: most names have neither a noun nor "-based" before them, nor ", a"
            # and a capital after them)
            start, end = span.start, span.end
            if norm.endswith(HOME_BEFORE_ENDS, 0, start):
                places = places or _Places(regions)
                place_end, code = places.ending(start)
                if (place_end >= 0 and start - place_end <= _HOME_REACH
                        and HOME_BEFORE.fullmatch(norm, place_end, start)):
                    home = code  # "British sports car maker Lotus"
                    break
            lead = (HOME_AFTER_LEAD.match(norm, end)
                    if norm.startswith(HOME_AFTER_STARTS, end) else None)
            if lead is not None and norm[lead.end() : lead.end() + 1].isupper():
                places = places or _Places(regions)
                place_end, code = places.starting(lead.end())
                if place_end >= 0 and HOME_AFTER.match(norm, place_end):
                    home = code  # "Grammer, a century-old German company"
                    break
        if home is not None:
            if result is None:
                result = list(enterprises)
            result[n] = evolve(enterprise, region=home)
    return result


class _Places:
    """The article's place mentions, sorted by where they end and where they begin, for
    look-ups by bisection (a look-up per company mention over every place mention would
    be quadratic in a long article). Of mentions ending or beginning at one point, the
    first in the order of the regions and their mentions is taken."""

    __slots__ = ("by_end", "by_start", "ends", "starts")

    def __init__(self, regions: Sequence[Region]) -> None:
        mentions: list[tuple[int, int, int, str]] = []
        for region in regions:
            code = region.code
            if code is not None:
                for mention in region.mentions:
                    mentions.append((mention.start, mention.end, len(mentions), code))
        self.by_end = sorted((end, order, code) for _, end, order, code in mentions)
        self.ends = [end for end, _, _ in self.by_end]
        self.by_start = sorted((start, order, end, code) for start, end, order, code
                               in mentions)
        self.starts = [start for start, _, _, _ in self.by_start]

    def ending(self, before: int) -> tuple[int, str]:
        """Where the place mention that ends last at or before ``before`` ends, and its
        place's code ((-1, "") when none does)."""
        index = bisect.bisect_right(self.ends, before)
        if not index:
            return -1, ""
        end = self.ends[index - 1]
        return end, self.by_end[bisect.bisect_left(self.ends, end)][2]

    def starting(self, at: int) -> tuple[int, str]:
        """Where the place mention that begins at ``at`` ends, and its place's code ((-1,
        "") when none does)."""
        index = bisect.bisect_left(self.starts, at)
        if index == len(self.starts) or self.starts[index] != at:
            return -1, ""
        _, _, end, code = self.by_start[index]
        return end, code


def overseas_presence(doc: Document, regions: Sequence[Region],
                      enterprises: Sequence[Enterprise]) -> list[Enterprise]:
    """The enterprises (merged: one per company) with ``overseas`` filled in.

    Each expansion verb belongs to the company named last before it (with any joined to
    it by "and" or a comma: "Holley Group and Futong Group ... established"); its reach
    ends where the next such company begins.
    """
    if not any(e.mentions for e in enterprises):
        return list(enterprises)  # (no company named: none goes abroad here)
    countries = sorted(
        (span.start, region.code) for region in regions
        if region.code is not None and len(region.code) == 2 and region.code != "CN"
        for span in region.mentions
    )
    mentions = sorted((span.start, span.end, n) for n, e in enumerate(enterprises)
                      for span in e.mentions)
    found: dict[int, set[str]] = {}
    mention_starts = [m[0] for m in mentions]
    country_starts = [start for start, _ in countries]
    sentences = doc.sentences
    starts = [sentence.start for sentence in sentences]
    ends = [sentence.end for sentence in sentences]
    in_order = starts == sorted(starts) and ends == sorted(ends)  # (as the segmenter gives)
    at = 0  # the first sentence that may hold a mention not yet reached
    while at < len(sentences):
        if in_order:
            # The next sentence holding a mention: the first ending after the next
            # mention (none before it holds one).
            low = bisect.bisect_left(mention_starts, starts[at])
            if low == len(mention_starts):
                break
            at = bisect.bisect_right(ends, mention_starts[low], at)
            if at == len(sentences):
                break
        sentence = sentences[at]
        at += 1
        inside = mentions[bisect.bisect_left(mention_starts, sentence.start):
                          bisect.bisect_left(mention_starts, sentence.end)]
        if not inside or (bisect.bisect_left(country_starts, inside[0][1])
                          == bisect.bisect_left(country_starts, sentence.end)):
            continue  # (no company, or no country after one: nothing found here)
        verbs = list(EXPANSION.finditer(doc.norm, inside[0][1], sentence.end))
        subjects = [_subjects(doc, inside, verb.start()) for verb in verbs]
        for k, verb in enumerate(verbs):
            if not subjects[k]:
                continue
            later = [s for s in subjects[k + 1 :] if s and s[0][0] > verb.end()]
            reach = later[0][0][0] if later else sentence.end
            codes = {code for _, code in countries[bisect.bisect_left(country_starts, verb.end()):
                                                    bisect.bisect_left(country_starts, reach)]}
            for _, _, n in subjects[k]:
                found.setdefault(n, set()).update(codes)
    result = []
    for n, enterprise in enumerate(enterprises):
        if n not in found:
            result.append(enterprise)  # (nothing to add)
            continue
        codes = found[n] | set(enterprise.overseas)
        if codes != set(enterprise.overseas):
            enterprise = evolve(enterprise, overseas=tuple(sorted(codes)))
        result.append(enterprise)
    return result


def _subjects(doc: Document, mentions: list[tuple[int, int, int]],
              verb: int) -> list[tuple[int, int, int]]:
    """The company mentions a verb at ``verb`` belongs to: the last before it, and the
    ones joined to it by "and" or commas."""
    before = [m for m in mentions[: bisect.bisect_right([m[0] for m in mentions], verb)]
              if m[1] <= verb]
    if not before:
        return []
    chosen = [before[-1]]
    for previous in reversed(before[:-1]):
        gap = doc.norm[previous[1] : chosen[-1][0]]
        opener = NOT_SUBJECT.search(doc.norm, max(0, previous[0] - 12), previous[0])
        if JOINER.fullmatch(gap) and not opener:
            chosen.append(previous)
        else:
            break
    return chosen
