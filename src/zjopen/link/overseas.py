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
    HOME_BASED_ENDS,
    HOME_BEFORE,
    HOME_NOUNS,
    JOINER,
    NOT_SUBJECT,
)
from zjopen.model import Enterprise, Region

__all__ = ["home_regions", "overseas_presence"]

_HOME_REACH = 60  # the most characters between a company's name and the place of its home


def home_regions(doc: Document, regions: Sequence[Region],
                 enterprises: Sequence[Enterprise]) -> list[Enterprise] | None:
    """The enterprises (single mentions, as extracted), each with no region given the
    place named next to a mention of it as its home: "Swedish brand Volvo", "the
    Ningbo-based firm Top Group", "CPET, a Wenzhou company". A region read from the
    name gives way to a place before "-based"; the knowledge base's stays. None when
    no home is found."""
    norm = doc.norm
    places: list[tuple[int, int, str]] | None = None  # (made when a mention may need them)
    result: list[Enterprise] | None = None
    for n, enterprise in enumerate(enterprises):
        named = enterprise.region is not None
        if named and enterprise.kb_id is not None:
            continue
        home = None
        for span in enterprise.mentions:
            # (the word before the name, and what follows it, tried before any pattern:
            # most names have neither a noun nor "-based" before them, nor ", a" after)
            start = span.start
            word = norm[norm.rfind(" ", 0, start - 1) + 1 : start - 1]
            before = norm[start - 1 : start] == " " and (
                word in HOME_NOUNS or word.endswith(HOME_BASED_ENDS))
            if not before and (named or not norm.startswith(HOME_AFTER_STARTS, span.end)):
                continue
            if places is None:
                places = sorted((m.start, m.end, region.code) for region in regions
                                if region.code is not None for m in region.mentions)
            home = _home(norm, places, start, span.end, before, named)
            if home is not None:
                break
        if home is not None and home != enterprise.region:
            if result is None:
                result = list(enterprises)
            result[n] = evolve(enterprise, region=home)
    return result


def _home(norm: str, places: list[tuple[int, int, str]], start: int, end: int,
          before: bool, named: bool) -> str | None:
    """The place of a company's home named next to its mention at ``start:end``: before it
    ("British sports car maker Lotus"; with ``named``, only "X-based"), or after it
    ("Grammer, a century-old German company")."""
    if before:
        for _, place_end, code in reversed(places):
            if place_end <= start:
                found = (HOME_BEFORE.fullmatch(norm, place_end, start)
                         if start - place_end <= _HOME_REACH else None)
                if found is not None and not (named and found.group()[0] != "-"):
                    return code
                break
    if not named:
        for place_start, place_end, code in places:
            if place_start >= end:
                if (place_start - end <= _HOME_REACH
                        and HOME_AFTER_LEAD.fullmatch(norm, end, place_start)
                        and HOME_AFTER.match(norm, place_end)):
                    return code
                break
    return None


def overseas_presence(doc: Document, regions: Sequence[Region],
                      enterprises: Sequence[Enterprise]) -> list[Enterprise]:
    """The enterprises (single mentions, as extracted) with ``overseas`` filled in.

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
