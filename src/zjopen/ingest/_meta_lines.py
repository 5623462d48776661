"""Metadata lines of a page: a byline ("By Li Ming in Ningbo (China Daily)"), a date
line ("ezhejiang.gov.cn | Updated: Sept 29, 2025"), or both with other fields ("发布日期:
2023-05-16 浏览次数:"), read into their date, outlet and authors (:func:`meta_line`), for
:mod:`zjopen.ingest.clean`."""

from __future__ import annotations

import re
from datetime import date

from zjopen.ingest.datelines import (
    labelled_date,
    outlet,
    source_field,
    source_value,
    strip_labels,
)
from zjopen.ingest.dates import day_first_date, find_date, slash_date
from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import alt, guarded_compile, lazy_compile

__all__ = ["BARE_NAME", "FURNITURE", "WEEKDAY", "meta_line"]

FURNITURE = load_json("furniture.json")
"""The furniture's words (its "about" says which), read once: :mod:`zjopen.ingest.clean`
reads its other tables here."""
_TOOLBAR_WORDS = frozenset(word for word in FURNITURE["toolbar"] if " " not in word)
# A toolbar's phrase with the one-letter buttons after it: "Text Size: A A A", "Font size: L M S"
_SIZE_BUTTONS = lazy_compile(
    rf"\b{alt(word for word in FURNITURE['toolbar'] if ' ' in word)}\s?[:：]?(?:\s+[A-Z]\b)*",
    re.IGNORECASE)
BARE_NAME = lazy_compile(r"\A[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\Z")
_BYLINE = lazy_compile(r"\A[Bb]y\s+([A-Z][^|]{1,150})\Z")
_TIME = guarded_compile(r"\b[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?:\s?[AP]M\b)?",
                        re.IGNORECASE)
WEEKDAY = guarded_compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?", re.IGNORECASE)
_LABEL = guarded_compile(rf"\b{alt(FURNITURE['meta_labels'])}\s*:", re.IGNORECASE)
# A segment of a metadata line that counts its readers, and one that names its author
_COUNTS = alt(FURNITURE["counters"])  # "views", "hits"
_COUNTER = lazy_compile(rf"\A(?:[0-9][0-9,]*\s?{_COUNTS}[:：]?|{_COUNTS}\s?[:：]\s?[0-9][0-9,]*)\Z",
                        re.IGNORECASE)
_AUTHOR_SEGMENT = lazy_compile(
    rf"\A(?:{alt(FURNITURE['author_labels'])})\s?[:：]\s?(\S.{{0,58}})\Z", re.IGNORECASE)
_DOMAIN = lazy_compile(r"\A(?:[a-z0-9-]+\.)+(?:cn|com|net|org|gov|info|hk)\Z", re.IGNORECASE)


class _Meta:
    __slots__ = ("authors", "published", "source")

    def __init__(self, published: date | None = None, source: str | None = None,
                 authors: tuple[str, ...] = ()) -> None:
        self.published = published
        self.source = source
        self.authors = authors


_PERSON = lazy_compile(r"\A[A-Z][a-z'’-]+(?:[ -][A-Z][A-Za-z'’-]*){0,3}\Z")
_NOT_NAMES = frozenset(FURNITURE["not_names"])
_IN_PLACE = lazy_compile(r"\s+[Ii]n\s+[A-Z][A-Za-z' -]{1,40}\Z")
# An outlet in brackets after a byline's names (its ")" may be stripped with a date after)
_OUTLET_AFTER = lazy_compile(r"\s?\(([^()]{2,40})\)?\Z")


_PEOPLE_SPLIT = lazy_compile(r",\s*|\s+and\s+|\s*[&/]\s*")  # ("LIANG KAIYAN/CAO YINGYING")
# A byline's last words that make it a desk's, not a person's: "News Team", "Staff".
_TEAM = lazy_compile(r"(?:\s(?:News|Editorial))?\s?\b(?:Team|Staff|Desk|Newsroom"
                     r"|[Ss]taff\s[Rr]eporters?|[Ss]taff\s[Ww]riters?)\Z")
_SEGMENT_SPLIT = lazy_compile(r"\s+\|\s+|\s*\|\s*")
_EDITOR = lazy_compile(r"\s*editor\s*:", re.IGNORECASE)


def _split_people(text: str) -> tuple[list[str], str | None] | None:
    """Names in a byline, and an outlet if one is among them; None if the text is not
    a byline ("By May, Zhejiang had approved ..." opens a sentence)."""
    people: list[str] = []
    source = None
    paren = _OUTLET_AFTER.search(text)  # "Yan Yiqi in Hangzhou (China Daily)"
    if paren is not None and (named := outlet(paren[1])) is not None:
        text, source = text[: paren.start()], named
    desk = _IN_PLACE.sub("", text)  # ("By GT staff reporters in Wenzhou")
    team = _TEAM.search(desk)
    if team is not None:  # "by Ship & Bunker News Team", "By Staff Reporter": no person
        return [], outlet(desk[: team.start()])
    for part in _PEOPLE_SPLIT.split(text):
        part = _IN_PLACE.sub("", part.strip(" ."))  # "Ma Zhenhuan in Shaoxing"
        if part.isupper() and outlet(part) is None:
            part = part.title()  # "By MA ZHENHUAN and QI XIAO"
        if not part:
            continue
        found = outlet(part)
        if found is not None:
            source = found
        elif _PERSON.match(part) and part.split()[0] not in _NOT_NAMES:
            people.append(part)
        else:
            return None
    return people, source


def meta_line(line: str) -> _Meta | None:
    """Read a metadata line ("ezhejiang.gov.cn | Updated: Sept 29, 2025"), else None."""
    if len(line) > 160:
        return None
    meta = _segments(line)
    if meta is not None:
        return meta
    # A labelled date with other fields on the line ("发布日期:2023-05-16 浏览次数:",
    # "Published:2018-12-05 09:48 Source: ... hits:").
    published = labelled_date(line, leading=True)
    if published is None:
        return None
    found = source_field(line)
    source = found[0] if found else None
    return _Meta(published=published, source=outlet(source) or source if source else None,
                 authors=found[1] if found else ())


def _segments(line: str) -> _Meta | None:
    meta = _Meta()
    recognised = dated = credited = False
    # (every separator holds a "|": a line with none is one segment, not split)
    for segment in _SEGMENT_SPLIT.split(line) if "|" in line else (line,):
        segment = segment.strip()
        if not segment or _COUNTER.match(segment) or (
                segment.rstrip(":：").lower() in _TOOLBAR_WORDS):
            continue  # "887 Views:", "Share:": a page's counter, a share button
        author = _AUTHOR_SEGMENT.match(segment)
        if author is not None:  # "Author:Li Ming" (or a user name, "Author:zhenshi")
            meta.authors = meta.authors or ((author[1],) if _PERSON.match(author[1]) else ())
            recognised = credited = True
            continue
        byline = _BYLINE.match(segment)
        split = _split_people(byline[1]) if byline else None
        if split is not None:
            people, source = split
            meta.authors = tuple(people)
            meta.source = meta.source or source
            recognised = credited = True  # (a byline, a desk's too, is no text)
            continue
        found = find_date(segment)
        if found is None and ("-" in segment or "/" in segment):
            found = day_first_date(segment)  # "18-07-2025, 10:09 AM"
        rest = segment
        if found is not None:
            meta.published = meta.published or found[0]
            recognised = True
        dated_at = found
        while dated_at is not None:  # every date out: "(Updated: 3 Mar 2021 10:40AM)" too
            rest = rest[: dated_at[1]] + " " + rest[dated_at[2] :]
            dated_at = find_date(rest)
        if ":" in rest or "：" in rest:
            rest = _TIME.sub(" ", rest)
            if "day" in rest.lower():  # (each weekday ends so)
                rest = WEEKDAY.sub(" ", rest)
            labelled = bool(_LABEL.search(rest))
            if _EDITOR.match(rest):
                recognised = True
                continue
            rest = _LABEL.sub(" ", strip_labels(rest))
        else:  # no time, no label (each holds a colon): only a weekday to go
            labelled = False
            if "day" in rest.lower():
                rest = WEEKDAY.sub(" ", rest)
        if found is not None and " " in rest:
            rest = _SIZE_BUTTONS.sub(" ", rest)  # "2019-01-20 Text Size: A A A"
        rest = rest.strip(" ()[],;-–—/【】")
        if not rest or (found is not None and rest.isdigit() and len(rest) <= 6):
            recognised = recognised or labelled or found is not None
            continue  # (a counter after the date: "2023/11/2 22:41:00 0")
        if found is not None and (byline := _BYLINE.match(rest)) and (
                split := _split_people(byline[1])) is not None:
            # "By Yan Yiqi in Hangzhou (China Daily) Updated: 2015-09-28 10:00"
            meta.authors, meta.source = tuple(split[0]), meta.source or split[1]
            recognised = credited = True
            continue
        if labelled and "/" in rest and rest.replace("/", "").isdigit():  # "20/08/2018"
            meta.published = meta.published or slash_date(rest)
            recognised = dated = True  # (a date even when it cannot be read: no source)
            continue
        if labelled:
            value = source_value(rest)
            if value is not None:
                rest = value[0]
                meta.authors = meta.authors or value[1]
        name = outlet(rest)
        if name is None and "/" in rest:  # "XINHUA/CHINA DAILY": the first of its outlets
            parts = [outlet(part) for part in rest.split("/")]
            name = parts[0] if None not in parts else None
        if name is None and rest.rpartition(" ")[2].lower() in _TOOLBAR_WORDS:
            words = rest.split()  # "Xinhua Print": the outlet before a toolbar's words
            while words and words[-1].lower() in _TOOLBAR_WORDS:
                words.pop()
            if not words:
                recognised = True
                continue
            name = outlet(" ".join(words))
        if name is None and _DOMAIN.match(rest):
            name = rest.lower()
        if name is None and labelled and len(rest.split()) <= 5:
            name = rest
        if name is None:
            words = rest.split()
            if (found is None and meta.published is not None and not meta.authors
                    and BARE_NAME.match(rest)):
                meta.authors = (rest,)  # "17 Sep 2019 | Michael Marray": the date, its author
                continue
            if found is None or len(words) > 3 or not all(w[0].isupper() for w in words):
                return None
            continue
        meta.source = meta.source or name
        recognised = True
    return (meta if recognised and (meta.published or meta.source or meta.authors or dated
                                    or credited) else None)
