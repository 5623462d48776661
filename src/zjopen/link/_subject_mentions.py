"""Which mentions can be a figure's subject (:func:`subject_mentions`), for
:mod:`zjopen.link.subjects`: regions (a place outside Zhejiang named as a trading
partner's origin is none, a dateline's place is none, China only as "China's ..." or
in a few sentence-opening forms), companies and platforms (no region), and an agreement
or plan that opens its sentence."""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Sequence

from zjopen.document import Document
from zjopen.lexicon.patterns import lazy_compile
from zjopen.link._positions import _Mention
from zjopen.link._words import BASED, rank_scope
from zjopen.link._words import PARTNER_FROM as _PARTNER_FROM
from zjopen.link._words import PARTNER_NOUN as _PARTNER_NOUN
from zjopen.model import Enterprise, Initiative, Platform, Region

__all__ = ["NO_REGION", "subject_mentions"]

_START = operator.attrgetter("start")  # (sort keys got in C, not by a lambda per item)
_START_END = operator.attrgetter("start", "end")
_FIRST = operator.itemgetter(0)
NO_REGION = ""  # a subject that is not a place, by a pattern ("the port", "Zoppas' ...")

# "-based merchants", "-based appliance makers", not a name
_PLURAL_NOUN = lazy_compile(r"\s(?:[a-z-]{2,}\s)?[a-z]{2,}s\b(?!\s[A-Z])")
_LOWER_NEXT = lazy_compile(r"\s[a-z]")
_CHINESE_GROUP = lazy_compile(r"\s(?:companies|firms|enterprises|exporters|investors)\b")
_REPORTED = lazy_compile(r"(?:\b(?:shows?|showed|says?|said|that)|,)\s\Z")
_PAST_VERB = lazy_compile(r"\s[a-z]{2,}ed\b")
# After "China's", a place's name ("east China's Zhejiang"), not an acronym ("China's GDP")
_REGION_NEXT = lazy_compile(r"\s[A-Z](?![A-Z])")
_PLACE_OF = lazy_compile(  # (adjectives before the noun: "eastern coastal", no "to the")
    r"\s(?:(?!(?:to|from|in|with|for|of|and|the|a|an)\s)[a-z-]+\s){0,3}"
    r"(?:province|city|county|region)\sof\s[A-Z]")


def subject_mentions(doc: Document, regions: Sequence[Region],
                     others: Sequence[Enterprise | Platform | Initiative],
                     datelines: list[_Mention] | None = None) -> list[_Mention]:
    """Mentions that can be a figure's subject, in text order: regions (code), and
    companies and platforms (no region). A dateline's place (upper case, in China) is
    none; it is added to ``datelines``, when given."""
    found: list[_Mention] = []
    add = found.append
    for record in others:
        if isinstance(record, Initiative):
            continue
        if isinstance(record, Platform):  # the subject code: "P:<platform>", "E:<company>"
            named, kind = f"P:{record.name}", record.kind._value_  # (.value: a property)
        else:
            named, kind = f"E:{record.name}", ""
        for span in record.mentions:
            add(_Mention(span.start, span.end, named, kind))
    norm = doc.norm
    # An agreement or a plan that opens its sentence is that sentence's subject, with no
    # region: "The RCEP has been signed by 15 countries".
    openings = set(map(_START, doc.sentences))
    found.extend(_Mention(span.start, span.end, NO_REGION, "")
                 for record in others if isinstance(record, Initiative)
                 for span in record.mentions
                 if span.start in openings or (span.start - 4 in openings
                                               and norm[span.start - 4 : span.start]
                                               in ("The ", "the ")))
    inside = sorted(map(_START_END, found))  # ((start, end) of each)
    inside_starts = list(map(_FIRST, inside))
    padded = norm + "  "  # (the characters around a mention, read with no bounds test)
    for region in regions:
        code = region.code
        if code is None:
            continue
        digits = code.isdigit()
        partner = digits and not code.startswith("33")  # (a place outside Zhejiang)
        foreign = len(code) == 2 and code != "CN"
        china = code == "CN"
        for span in region.mentions:
            start, end = span.start, span.end
            text = span.text
            if len(text) > 3 and text.isupper():
                # a dateline ("HANGZHOU, July 10 (Xinhua) --") is no subject
                if digits and datelines is not None:
                    datelines.append(_Mention(start, end, code, ""))
                continue
            if padded[end] == "-":  # (BASED's first character)
                based = BASED.match(norm, end)
                if based and not (based.group() == "-based"
                                  and _PLURAL_NOUN.match(norm, based.end())):
                    continue  # "Yiwu-based toymaker Sanhe": a name's place ("Yiwu-based
                    # merchants sold ...": the place's people, the place's figure)
            if inside:  # whether start:end lies within one of the sorted, non-nested spans
                at = bisect_right(inside_starts, start) - 1  # (by start alone, unless
                if at >= 0 and inside_starts[at] == start:  # a name begins here too)
                    at = bisect_right(inside, (start, end + 1)) - 1
                if at >= 0 and inside[at][0] <= start and end <= inside[at][1]:
                    continue  # "Zhoushan Port": a name's place
            possessive = padded[end] == "'" and padded[end + 1] == "s"
            if china and possessive and (_REGION_NEXT.match(norm, end + 2)
                                         or _PLACE_OF.match(norm, end + 2)):
                continue  # "east China's Zhejiang Province", "China's eastern coastal
                # province of Zhejiang": Zhejiang is the subject
            if (partner
                    and (_PARTNER_NOUN.match(norm, end)
                         or _PARTNER_FROM.search(norm, max(0, start - 40), start))):
                continue  # "a Hong Kong investor", "investors from Hong Kong": a partner
            if rank_scope(norm, start):
                continue  # "ranking the third in Zhejiang": the ranking's scope
            if digits or (possessive and foreign
                          and _LOWER_NEXT.match(norm, end + 2)) or (china and (
                    possessive or (start in openings and _PAST_VERB.match(norm, end))
                    or (text == "Chinese" and _CHINESE_GROUP.match(norm, end) and (
                        start in openings or _REPORTED.search(norm, max(0, start - 8), start))
                        ))):
                # "Germany's exports" (a foreign country's), "China's exports", "China
                # imported 176,000 tons" (not "China remains"), "Chinese companies spent
                # $10 billion", "data show Chinese firms", "According to ..., Chinese
                # companies have ..." (as the subject alone: not
                # "left Chinese exporters", "deals with Chinese firms", "the Chinese firm")
                add(_Mention(start, end, code, ""))
    found.sort(key=_START)
    return found
