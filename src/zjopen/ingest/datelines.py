"""Date lines, headline dates, roles, source fields and the dateline opening a story
("HANGZHOU, Aug. 3 (Xinhua) --"), read by a table of labels.

The label words (English and Chinese) are data: ``data/date_labels.json``. A label
may be followed by a colon (``:`` or ``：``), with or without spaces, or by ``on``.

>>> labelled_date("发布日期：2023-05-16 浏览次数:")
datetime.date(2023, 5, 16)
>>> labelled_date("Published:2018-12-05 09:48 Source: Zhoushan Daily hits:")
datetime.date(2018, 12, 5)
>>> headline_date("Taizhou builds four clusters | Updated: 2022-01-18")
('Taizhou builds four clusters', datetime.date(2022, 1, 18))
>>> source_field("Source: In Zhejiang; Ye Lin")
('In Zhejiang', ('Ye Lin',))
>>> roles("Text by Li Na Editor: Wang Wei")
('Li Na',)
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from zjopen.ingest.dates import DATE_RE, MONTH_DAY_RE, find_date, month_day
from zjopen.lexicon.load import load_json
from zjopen.lexicon.patterns import alt, guarded_compile, lazy_compile

EARLIEST = date(1990, 1, 1)


@cache
def _outlets() -> dict[str, str]:
    raw = load_json("sources.json")
    table: dict[str, str] = {}
    for row in raw["outlets"]:
        for name in (row["name"], *row["names"]):
            table[name.casefold()] = row["name"]
    return table


def named_outlet(name: str) -> str | None:
    """``name`` when it reads as an outlet's name the table does not list: capitalised
    words, the last a media word ("Manifold Times"); else None ("Ningbo Customs").

    >>> named_outlet("Manifold Times"), named_outlet("Ningbo Customs")
    ('Manifold Times', None)
    """
    words = name.split()
    return (name if 0 < len(words) <= 5 and all(w[:1].isupper() or w == "&" for w in words)
            and words[-1] in _media_words() else None)


@cache
def _media_words() -> frozenset[str]:
    return frozenset(load_json("sources.json")["media_words"])


def outlet(name: str) -> str | None:
    """The canonical outlet for a name or domain, or None. A domain not in the table is
    looked up by its parent domains ("news.cgtn.com", "zhejiang.chinadaily.com.cn"), down
    to a name of two labels and never to a generic one ("jinhua.gov.cn" is no "gov.cn").

    >>> outlet("chinadaily.com.cn"), outlet("PRNewswire"), outlet("Ningbo")
    ('China Daily', 'PR Newswire', None)
    >>> outlet("global.chinadaily.com.cn"), outlet("english.jinhua.gov.cn")
    ('China Daily', None)
    """
    key = name.strip(" ()[]/.,:-").casefold()
    if key.startswith("www."):
        key = key[4:]
    found = _outlets().get(key)
    while found is None and " " not in key and key.count(".") >= 2:
        key = key.partition(".")[2]
        if key.partition(".")[0] in _GENERIC_LABELS:
            break
        found = _outlets().get(key)
    return found


# Second-level labels under which a domain names no one outlet ("gov.cn", "com.cn").
_GENERIC_LABELS = frozenset(("gov", "com", "org", "net", "edu", "ac", "co"))


def outlet_in(line: str) -> str | None:
    """An outlet named anywhere in a line (longest name wins)."""
    folded = line.casefold()
    best = None
    for key, name in _outlets().items():
        if len(key) > 3 and key in folded and (best is None or len(key) > len(best[0])):
            best = (key, name)
    return best[1] if best else None


def plausible(found: date | None, latest: date | None = None) -> date | None:
    """``found`` if it can be a publication date: not before 1990, not in the future
    (of today, or of ``latest``, the file's other evidence)."""
    if found is None or found < EARLIEST:
        return None
    limit = latest or date.today() + timedelta(days=1)
    return found if found <= limit else None


@cache
def _labels() -> dict[str, Any]:
    data: dict[str, Any] = load_json("date_labels.json")
    return data


_SEP = r"(?:\s?[:：]\s?|\s(?:on|at)\s|\s)"


@cache
def _date_label() -> re.Pattern[str]:
    # A date label, then a colon (or "on", or a space), then the date's first character.
    return guarded_compile(
        rf"(?<![A-Za-z]){alt(_labels()['date'])}{_SEP}(?=[0-9A-Za-z])", re.IGNORECASE
    )


@cache
def _any_label() -> re.Pattern[str]:
    # (the words in lower case: alt groups those of one first letter, "Updated" and
    # "update time" among them, and the pattern, case-insensitive, matches the same)
    words = [*_labels()["date"], *_labels()["source"], *_labels()["author"],
             *_labels()["other"]]
    return guarded_compile(rf"(?<![A-Za-z]){alt(w.lower() for w in words)}\s?[:：]",
                           re.IGNORECASE)


@cache
def _other_label() -> re.Pattern[str]:
    words = (w.lower() for w in _labels()["other"])
    return guarded_compile(rf"(?<![A-Za-z]){alt(words)}\s?[:：]", re.IGNORECASE)


def strip_labels(text: str) -> str:
    """``text`` cut before its first field that is neither a date nor a source ("hits:",
    "字号："), without the table's labels ("Release date:", "来源：").

    >>> strip_labels("Release date: Source: Zhoushan Daily hits: size:[ big ]")
    '    Zhoushan Daily '
    """
    if ":" not in text and "：" not in text:
        return text  # (every label of the table is followed by a colon)
    other = _other_label().search(text)
    if other is not None:
        text = text[: other.start()]
    return _any_label().sub(" ", text)


def labelled_date(line: str, *, leading: bool = False) -> date | None:
    """The date a label introduces in ``line`` ("Updated: 2022-01-18"), else None.

    With ``leading``, the line must open with the labelled date, or with a date
    followed by other labelled fields ("2022年5月16日 09:30 来源：浙江日报").
    """
    if "20" not in line and "19" not in line:
        return None  # (a date holds its year, 19xx or 20xx: find_date finds none)
    if leading:
        found = find_date(line[:40])
        if found is not None and found[1] == 0 and _any_label().search(line, found[2]):
            return found[0]
    for match in _date_label().finditer(line):
        if leading and line[: match.start()].strip(" |-–—()[]"):
            return None
        found = find_date(line[match.end() : match.end() + 40])
        if found is not None and found[1] == 0:
            return found[0]
    return None


_TAIL = guarded_compile(
    r"\A\s?(?:[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?\s?(?:[AP]M)?)?\s?\)?\Z", re.IGNORECASE
)
_HEAD_SEP = lazy_compile(r"\s?(?:[|\-–—(]|\s-\s)\s?\Z")


def headline_date(line: str) -> tuple[str, date] | None:
    """(headline, date) of a headline printed with its date on one line: "Taizhou
    builds four clusters | Updated: 2022-01-18", "... (2022-01-18)", or the date first
    ("date 2023-07-11 Taizhou builds four clusters", as exported pages open); else None."""
    found = find_date(line)
    if found is None:
        return None
    if not _TAIL.match(line[found[2] :]):
        return _dated_headline(line, found)
    head = line[: found[1]]
    labels = list(_date_label().finditer(line, 0, found[1] + 1))
    if labels and labels[-1].end() == found[1]:
        label = labels[-1]
        head = head[: label.start()]
    elif not _HEAD_SEP.search(head):
        return None
    title = head.rstrip(" |-–—(")
    if len(title.split()) < 2 or DATE_RE.search(title):
        return None
    return title, found[0]


# After a date that opens its line (alone, or after a date label): a time, if any, then
# a headline's first word, a capital or a quotation mark.
_HEAD_AFTER = lazy_compile(r"""
    \s?(?:[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?\s?(?:[AP]M)?)?   # a time, "09:44"
    \s?[|\-–—]?\s                                            # a separator, if any
    (?=[A-Z"“‘'])                                             # the headline's first letter
""", re.VERBOSE)


def _dated_headline(line: str, found: tuple[date, int, int]) -> tuple[str, date] | None:
    # The date opens the line, or follows a date label alone ("date 2023-07-11 ...");
    # the rest is a headline of 3 to 24 words. After a label, the rest may be the text
    # ("date 2020-08-11 A bulk carrier approaches the dock. ..."): the date, then it.
    first = len(line) - len(line.lstrip())
    labelled = first < found[1]
    if labelled:
        label = _date_label().match(line, first)
        if label is None or label.end() != found[1]:
            return None
    after = _HEAD_AFTER.match(line, found[2])
    if after is None:
        return None
    title = line[after.end() :].strip()
    words = len(title.split())
    # (a sentence, a dateline's "-- ...", a label or a second date: no headline)
    if (words < 3 or words > 24 or title.endswith((".", ":", "：")) or " -- " in title
            or DATE_RE.search(title) or _any_label().search(title)):
        text = labelled and words >= 8 and _any_label().match(title) is None
        return (title, found[0]) if text else None
    return title, found[0]


_PERSON = lazy_compile(r"\A[A-Z][A-Za-z'’-]+(?:[ -][A-Z][A-Za-z'’-]*){0,3}\Z")
_DOMAIN = lazy_compile(r"\A(?:[a-z0-9-]+\.)+(?:cn|com|net|org|gov|info|hk)\Z", re.IGNORECASE)


def source_value(value: str) -> tuple[str, tuple[str, ...]] | None:
    """A source field's value split into the source and the people it carries:
    "In Zhejiang; Ye Lin" → ("In Zhejiang", ("Ye Lin",)); "a.com.cn a.cn" → "a.com.cn"."""
    following = _any_label().search(value) if ":" in value or "：" in value else None
    if following is not None:
        value = value[: following.start()]
    parts = [p.strip(" ,;()[]") for p in re.split(r"[;；]|,\s|\s/\s", value)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    source = parts[0]
    words = source.split()
    if len(words) > 1 and _DOMAIN.match(words[0]) and all(_DOMAIN.match(w) for w in words):
        source = words[0]  # the same outlet's two domains
    people = tuple(p for p in parts[1:] if _PERSON.match(p))
    return source, people


@cache
def _source_field() -> re.Pattern[str]:
    return guarded_compile(rf"(?<![A-Za-z]){alt(_labels()['source'])}\s?[:：]\s?",
                           re.IGNORECASE)


def source_field(line: str) -> tuple[str, tuple[str, ...]] | None:
    """The value of a "Source:" (来源) field in ``line``, up to the next label."""
    match = _source_field().search(line)
    if match is None:
        return None
    rest = line[match.end() :]
    following = _any_label().search(rest)
    value = rest[: following.start()] if following else rest
    found = find_date(value)
    if found is not None:
        value = value[: found[1]]
    return source_value(value.strip())


_ROLE = guarded_compile(
    r"(?<![A-Za-z])(Text by|Written by|Reported by|By|Reporters?\s?[:：]|Authors?\s?[:：]"
    r"|Photos? by|Photos?\s?[:：]|Video by|(?:Web |Responsible |Chief |Executive )?Editors?"
    r"\s?[:：]|Edited by|Translated by|Translator\s?[:：]|Proofread by)\s?"
)
_AUTHOR_ROLES = ("text by", "written by", "reported by", "by", "reporter", "author")


def roles(line: str) -> tuple[str, ...] | None:
    """Authors of a line of credits ("Text by X Editor: Y", "Reporter: X"): people
    with a writing role; editors and photographers are not authors. None when the
    line is not made of credits only."""
    # (each role of _ROLE ends in "by", "By" or a colon: a line with none holds no role,
    # found in C before the pattern is tried at each of its positions)
    if "by" not in line and ":" not in line and "By" not in line and "：" not in line:
        return None
    pieces = _ROLE.split(line)
    if len(pieces) < 3 or pieces[0].strip(" |,;"):
        return None
    authors: list[str] = []
    for role, names in zip(pieces[1::2], pieces[2::2], strict=True):
        people = [n.strip(" .") for n in re.split(r",\s?|\s(?:and|&)\s|[;、，]", names)]
        people = [p for p in people if p.strip(" |")]
        if not people or not all(_PERSON.match(p.strip(" |")) for p in people):
            return None
        if role.rstrip(" :：s").casefold() in _AUTHOR_ROLES:
            authors.extend(p.strip(" |") for p in people)
    if not any(r.strip().casefold() != "by" for r in pieces[1::2]):
        return None  # "By X" alone: the byline reader's work
    return tuple(authors)


def dateline_year(date_text: str, captions: list[str], paragraphs: list[str]) -> date | None:
    """A yearless dateline ("Aug. 3") completed from the article's other dates: the
    day and month in the year that puts it closest after one of them; None when none
    is close before it. A caption's date may be the same day, up to a year before; a
    date in the text must be before it, within three months: the text's date of the
    same day and month is an anniversary ("the first train left on Nov. 18, 2014")."""
    if MONTH_DAY_RE.search(date_text) is None:
        return None
    for group, window, same_day in ((captions, 366, True), (paragraphs, 92, False)):
        best: date | None = None
        for paragraph in group:
            for match in DATE_RE.finditer(paragraph):
                full = find_date(match.group())
                reference = plausible(full[0]) if full else None
                if reference is None:
                    continue
                for year in (reference.year, reference.year + 1):
                    candidate = month_day(date_text, year)
                    if candidate is not None and (candidate > reference or (
                            same_day and candidate == reference)):
                        break
                else:
                    continue
                if candidate - reference <= timedelta(days=window) and (
                        best is None or candidate < best):
                    best = candidate
        if best is not None:
            return plausible(best)
    return None


# "HANGZHOU, Aug. 3 (Xinhua) --" and "NINGBO, China, March 28, 2024 /PRNewswire/ --".
_DATELINE = lazy_compile(
    r"\A([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3}),"
    r"([^\n]{0,80}?)\s*(?:--|—|–)\s*"
)
_BARE_DATELINE = lazy_compile(r"\A([A-Z]{3,}(?:[ -][A-Z]{3,}){0,2})\s(?:--|—|–)\s(?=[A-Z])")
_AGENCY = lazy_compile(r"\(([A-Za-z' ]{2,40})\)|/([A-Za-z ]{2,40})/")


def opening_dateline(paragraph: str) -> tuple[str, str, str | None] | None:
    """(place, date text, agency) of a dateline opening the paragraph: "HANGZHOU, Aug. 3
    (Xinhua) --" (a date or an agency is required) or "NINGBO — " (the place alone)."""
    match = _DATELINE.match(paragraph)
    if match is None:
        bare = _BARE_DATELINE.match(paragraph)
        return (bare[1].title(), "", None) if bare else None
    place = match[1].title()
    rest = match[2]
    if not (MONTH_DAY_RE.search(rest) or DATE_RE.search(rest) or _AGENCY.search(rest)):
        return None
    agency_match = _AGENCY.search(rest)
    agency = None
    if agency_match:
        agency = outlet(agency_match[1] or agency_match[2]) or (agency_match[1] or agency_match[2])
    return place, rest, agency
