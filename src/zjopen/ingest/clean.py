"""From raw lines to article paragraphs and metadata.

Real pages wrap the story in furniture: breadcrumbs ("Home > News"), share buttons
("f t g m"), metadata lines ("ezhejiang.gov.cn | Updated: September 29, 2025"),
bylines, photo credits, editor credits, copyright and customer-service lines, comment
prompts, "Related Stories" lists. :func:`clean_lines` drops the furniture, reads the
metadata out of it, and returns the headline and body paragraphs. The furniture's
words and labels are data (``data/furniture.json``).

>>> c = clean_lines(["Home > News", "Ningbo port grows", "By Li Ming",
...                  "Trade rose in Ningbo. It was fast.", "Customer Service: (86-21) 1"])
>>> c.title, c.authors, c.paragraphs
('Ningbo port grows', ('Li Ming',), ['Ningbo port grows', 'Trade rose in Ningbo. It was fast.'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from zjopen.ingest._meta_lines import BARE_NAME, FURNITURE, meta_line
from zjopen.ingest._photo_credits import strip_credits
from zjopen.ingest.credits import closing_credits, reporters
from zjopen.ingest.datelines import (
    dateline_year,
    headline_date,
    labelled_date,
    named_outlet,
    opening_dateline,
    outlet,
    outlet_in,
    plausible,
    roles,
)
from zjopen.ingest.dates import find_date
from zjopen.lexicon.patterns import alt, guarded_compile, lazy_compile, literal, lower_pattern

_WORDS = FURNITURE  # the furniture's words (its "about" says which)

# Runs of spaces and tabs that are not already one plain space (each becomes one space).
_SPACES = guarded_compile(r"[ \t\f\v]{2,}|[\t\f\v]")
_SHARE_PREFIX = guarded_compile(r"\A(?:[a-z] ){2,6}[a-z](?=[A-Z])")
_BREADCRUMB_SOURCE = (
    rf"\A(?:{alt(_WORDS['crumb_labels'])}\s?:\s*)?"  # "Location: " (or none)
    rf"{alt(_WORDS['homes'])}\s*(?:>>?|/|›|»|\|)"  # "Home >"
    # a label and the home alone ("You are here: Home"; the trail's rest on other lines)
    rf"|\A{alt(_WORDS['crumb_labels'])}\s?:\s*{alt(_WORDS['homes'])}\Z"
)
_BREADCRUMB = lazy_compile(_BREADCRUMB_SOURCE, re.IGNORECASE)
# White space before a separator, a credit ...: "(?:(?<!\s)\s+)?", not "\s*": the same
# matches, a long run not read again from each of its characters (docs/redos.md).
_SPACE_BEFORE = r"(?:(?<!\s)\s+)?"
_CRUMB_SEP = lazy_compile(rf"{_SPACE_BEFORE}(?:>>?|›|»)\s*")
_HOME_CRUMB_SEP = lazy_compile(rf"{_SPACE_BEFORE}(?:>>?|›|»|/|\|)\s*")
# Whole lines that are page furniture, never article text.
_OPENINGS = [rf"{literal(o['text'])}.{{{o['least']},{o['most']}}}" for o in _WORDS["openings"]]
_COPYRIGHT = alt(_WORDS["copyright"])
# Two or more words of a share-and-print toolbar, numbers and separators between.
_TOOLBAR_WORD = alt(_WORDS["toolbar"])
_TOOLBAR_RUN = (rf"{_TOOLBAR_WORD}(?:[ |:>·/0-9]{{0,6}}{_TOOLBAR_WORD})+[ |:]{{0,4}}"
                r"(?:[0-9]{1,4}\b)?")  # (a comment counter after it: "... Small 0")
_TOOLBAR_OPENING = lazy_compile(rf"\A(?:[0-9]+ ?)?{_TOOLBAR_RUN}(?=[A-Z])", re.IGNORECASE)
_TOOLBAR_FIRST = frozenset(word[:3] for word in _WORDS["toolbar"])  # (a pre-test)
_FURNITURE_SOURCE = (
    r"\A(?:"
    r"(?:[a-z] ){1,6}[a-z]"  # share buttons: "f t g m"
    rf"|{alt(_WORDS['lines'])}|{alt(_OPENINGS, escape=False)}|{_COPYRIGHT}.{{0,160}}"
    # (a long one, when it says so: "Copyright 1995 - . All rights reserved. The content ...")
    rf"|{_COPYRIGHT}.{{0,40}}all\srights\sreserved.{{0,600}}"
    r"|this (?:post|article) has [0-9]+ comments?:?|[0-9]+ comments?:?|(?:【[^】]{1,10}】\s*)+"
    rf"|\(?(?:{alt(_WORDS['credit_labels'])}\s*:|{alt(_WORDS['credit_labels_colon'])}:)"
    r"[^()]{0,80}\)?"  # "(Editor: Li Wen)"
    r"|\[photo[^\]]{0,100}\]"
    r"|[^\w]{1,20}"  # separators alone, "|", "* * *"
    rf"|[·•]?\s?[0-9]{{1,3}}\s?{alt(_WORDS['reading_times'])}"  # "1 Min Read", "·3 min read"
    r"|[0-9]{1,2}\.\s[0-9]{1,2}"  # a pager's items, "1. 1", "2. 2"; a pager, "< 1 2 >", "12 > >>"
    r"|(?:[<‹«]\s?){0,2}[0-9]{1,2}(?:(?:\s[0-9]{1,2}){1,9}(?:\s?[>›»]){0,3}|(?:\s?[>›»]){2,3})"
    rf"|{_TOOLBAR_RUN}"  # "Save | Print | E-mail Adjust font size:"
    r")\Z"
)
_FURNITURE = lazy_compile(_FURNITURE_SOURCE, re.IGNORECASE)
# An image's file name where the image was ("640 (2).jpg"), tested apart: in _FURNITURE,
# tried on every line, it tripled that pattern's cost. (_IMAGE_ENDS: such a line's end.)
_IMAGE_FILE = lazy_compile(r"\A[^\s/]{1,40}(?:\s[^\s/]{1,40}){0,3}\.(?:jpe?g|png|gif|webp)\Z",
                           re.IGNORECASE)
_IMAGE_ENDS = frozenset((".jpg", "jpeg", ".png", ".gif", "webp"))


def _furniture(line: str) -> bool:
    """Whether ``line`` is page furniture (_FURNITURE, or an image's file name)."""
    return _FURNITURE.match(line) is not None or (
        line[-4:].lower() in _IMAGE_ENDS and _IMAGE_FILE.match(line) is not None)
_COPYRIGHT_LINE = lazy_compile(rf"\A{_COPYRIGHT}", re.IGNORECASE)
_AUTHOR_LINE_SOURCE = rf"\A{alt(_WORDS['author_labels'])}\s*:\s*(.{{1,60}})\Z"
_AUTHOR_LINE = lazy_compile(_AUTHOR_LINE_SOURCE, re.IGNORECASE)
_RELATED_SOURCE = rf"\A{alt(_WORDS['related'])}\s*:?\Z"
_RELATED = lazy_compile(_RELATED_SOURCE, re.IGNORECASE)
# A line any of the four above matches (most lines, article text, none: one test for all).
_SPECIAL_SOURCE = "|".join(f"(?:{source})" for source in (
    _BREADCRUMB_SOURCE, _RELATED_SOURCE, _AUTHOR_LINE_SOURCE, _FURNITURE_SOURCE))
_SPECIAL = lazy_compile(_SPECIAL_SOURCE, re.IGNORECASE)
# _SPECIAL for an ASCII line, lower-cased: without IGNORECASE, the engine skips an
# alternative at its first letter. No first-character guard: it is matched at line starts.
_SPECIAL_ASCII = lazy_compile(lower_pattern(_SPECIAL_SOURCE))
_LIST_ITEM = lazy_compile(r"\A(?:[-•*·▪►]|[0-9]{1,2}[.)])\s")

_SECTION = r"[^\s/|>]+(?: [^\s/|>]+)?"  # sections or languages set apart by "/", "|", ">"
_SECTIONS = lazy_compile(rf"{_SECTION}(?: ?(?:/|\||>>?) ?{_SECTION}){{1,3}}")  # "News / Metro"


class Cleaned:
    """What :func:`clean_lines` found."""

    __slots__ = ("authors", "dateline", "paragraphs", "published", "source", "title")

    def __init__(self, paragraphs: list[str], title: str | None = None,
                 published: date | None = None, authors: tuple[str, ...] = (),
                 source: str | None = None, dateline: str | None = None) -> None:
        self.paragraphs = paragraphs
        self.title = title
        self.published = published
        self.authors = authors
        self.source = source
        self.dateline = dateline


def normalise_line(line: str) -> str:
    """Collapse runs of spaces and tabs; strip the ends."""
    if "  " in line or "\t" in line or "\f" in line or "\v" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


_SENTENCE_END = lazy_compile(r"[.,;:][\"'”’)\]]*\Z")
# A photo's credit closing a caption's sentence ("... in Yiwu. CHINA DAILY", "... on
# Wednesday. Photo: Courtesy of Alibaba"): the line is a caption, no headline
_CAPTION_CREDIT = lazy_compile(
    rf"[.!?\"”’]\s+(?:Photos?\s?(?::|/|by\s)[^\n]{{0,80}}|(?:{alt(_WORDS['credits'])})"
    r"(?:\s?/\s?[^\n]{0,40})?)\s*\Z", re.IGNORECASE)


def _is_crumb_trail(line: str) -> bool:
    """ "News > Business > Ports", or its part on a line ("» Hangzhou"): no sentence."""
    return (len(line) < 160 and "<" not in line and (">" in line or "›" in line or "»" in line)
            and not _SENTENCE_END.search(line)
            and (line[:2] in ("» ", "> ", "› ") or len(_CRUMB_SEP.findall(line)) >= 2))


def _headline_follows(items: Sequence[str], index: int) -> bool:
    """Whether a headline of more than one word comes at ``index``, after at most two
    lines of furniture (a pager's "1. 1", "2. 2"); a byline or a date line is none."""
    for line in items[index : index + 3]:
        if " " in line and _is_headline(line):
            return roles(line) is None and meta_line(line) is None
        if not _furniture(line):
            return False
    return False


def _untagged(line: str) -> str:
    """A headline without a label of two words or fewer set off by " | " before it
    ("Headline | Ningbo port ...") or after it ("... Cooperation | China-Brunei")."""
    for part, rest in (line.partition(" | ")[::2], line.rpartition(" | ")[::-2]):
        if rest and part.count(" ") <= 1 < rest.count(" "):
            return rest
    return line


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 30 and len(line) <= 220
        and not _SENTENCE_END.search(line)
        and not line[0].islower()
        and not _furniture(line)
        and not _LIST_ITEM.match(line)  # "1. Introduction": a list's, or a contents'
    )


def clean_lines(
    lines: Sequence[str],
    *,
    title: str | None = None,
    published: date | None = None,
    authors: Sequence[str] = (),
    source: str | None = None,
) -> Cleaned:
    """Drop page furniture from ``lines`` and read the metadata out of it.

    ``title``, ``published``, ``authors`` and ``source`` are metadata already known
    (from HTML tags); they win over what the lines say.
    """
    # (normalise_line, inlined; a share prefix is "f t ...": a letter and a space first)
    items = [(_SPACES.sub(" ", line) if "  " in line or "\t" in line or "\f" in line
              or "\v" in line else line).strip() for line in lines]
    items = [_SHARE_PREFIX.sub("", line) if line[1:2] == " " else line
             for line in items if line]
    found_title = title
    found_published = published
    found_authors = list(authors)
    found_source = source
    crumb_title: str | None = None
    body: list[str] = []
    captions: set[int] = set()  # indexes in body of photo captions (they had a credit)
    head = True  # before the first body paragraph
    skip_list = False
    special, ascii_special = _SPECIAL.match, _SPECIAL_ASCII.match
    for index, line in enumerate(items):
        # (None when the line is none of breadcrumb, related, author and furniture)
        line_special = ascii_special(line.lower()) if line.isascii() else special(line)
        if (line_special and _BREADCRUMB.match(line)) or (head and _is_crumb_trail(line)):
            splitter = (_HOME_CRUMB_SEP if line_special and _BREADCRUMB.match(line)
                        else _CRUMB_SEP)
            last = splitter.split(line)[-1].strip()
            if len(last.split()) >= 4 and last != line and _is_headline(last):
                crumb_title = last
            if title is None and body == [last] and found_title == last:
                found_title, body = None, []  # the section's name above its trail: no title
            skip_list = False  # (a trail ends a "Related News" list: the headline follows)
            continue
        if skip_list:
            if _LIST_ITEM.match(line) or (len(line) < 120 and not line.endswith(".")):
                continue
            skip_list = False
        if line_special and _RELATED.match(line):
            skip_list = True
            continue
        author = _AUTHOR_LINE.match(line) if line_special else None
        if author and len(body) >= 2:
            found_authors = found_authors or [author[1].strip()]
            break  # an author blurb and comment prompts follow: the story is over
        if head and not body and found_title is None:
            split_title = headline_date(line)
            if split_title is not None:
                line = split_title[0]
                line_special = (ascii_special(line.lower()) if line.isascii()
                                else special(line))
                found_published = found_published or plausible(split_title[1])
        if head:
            credits = roles(line) if len(line) <= 160 else None
            if credits is not None:
                found_authors = found_authors or list(credits)
                continue
            meta = meta_line(line[len(found_title) + 1 :] if found_title and line.startswith(
                f"{found_title} ") else line)  # (the headline again: "<headline> Updated: ...")
            toolbar = (_TOOLBAR_OPENING.match(line) if meta is None
                       and line.lstrip("0123456789 ")[:3].lower() in _TOOLBAR_FIRST else None)
            meta = meta_line(line[toolbar.end() :]) if toolbar else meta  # "0 CommentsPrint..."
            if meta is not None:
                found_published = found_published or plausible(meta.published)
                found_source = found_source or meta.source
                found_authors = found_authors or list(meta.authors)
                continue
            if toolbar and not _furniture(line):  # (a toolbar alone is furniture)
                line = line[toolbar.end() :]  # "Print PrintTaizhou Port in ...": the text
        if (line_special or line[-4:].lower() in _IMAGE_ENDS) and _furniture(line):
            if not found_authors and line.startswith("Reporter"):  # a closing credit
                found_authors = list(reporters(line) or ())
            if found_source is None:  # a copyright line's or "Source: Xinhua" line's outlet
                if _COPYRIGHT_LINE.match(line):
                    found_source = outlet_in(line)
                elif named := _SOURCE_LINE.match(line):  # a known outlet, or one named so
                    found_source = outlet(named[1]) or named_outlet(named[1])  # ("... Times")
            continue
        if head and author:
            found_authors = found_authors or [author[1].strip()]
            continue
        if found_authors and line in found_authors:
            continue  # an author's name repeated (a photo credit or a sign-off)
        if found_title is not None and line == found_title and body:
            continue  # the headline repeated mid-text
        # (strip_credits, called only where a credit's bracket is: a strip else)
        stripped = strip_credits(line) if "(" in line or "[" in line else line.strip()
        captioned = stripped != line
        if captioned:
            captions.add(len(body))
        line = stripped
        if not line:
            continue
        if (head and not body and found_title is None and line.endswith(":")
                and len(line.split()) <= 4 and _headline_follows(items, index + 1)):
            continue  # "Latest News:" above the headline: a label
        if (head and not body and found_title is None and index + 1 < len(items)
                and _is_headline(line) and not captioned and not (
                    " " in line and _CAPTION_CREDIT.search(line))):
            if (" " not in line or (line.endswith("!") and line.count(" ") == 1)
                    or _SECTIONS.fullmatch(line)) and _headline_follows(items, index + 1):
                continue  # one word above the headline ("News", "Coming soon!"): a label
            found_title = line = _untagged(line.rstrip(" |"))  # ("<headline> |": a site cut)
            body.append(line)
            continue
        if (head and body and len(body) == 1 and not found_authors and BARE_NAME.match(line)
                and not line.startswith("By ")):  # ("By Staff Reporter": a desk's byline)
            found_authors = [line]  # a bare name under the headline is the byline
            continue
        if head and len(line.split()) > 12 and (len(body) > 1 or _SENTENCE_END.search(line)):
            head = False  # (the head never comes back; a standfirst under the headline, no
            # full stop at its end, leaves it open for the date line after it)
        body.append(line)
    late = _late_date_line(body) if found_published is None else None
    if late is not None:  # (the headline above it, when none was found: the text begins there)
        found_published, at = plausible(late[0]), late[1]
        if found_title is None and len(body[at - 1].split()) >= 4 and _is_headline(
                body[at - 1]):
            found_title, body = body[at - 1], [body[at - 1], *body[at + 1 :]]
    if found_title is None and crumb_title is not None and crumb_title not in body:
        found_title = crumb_title
    if found_title is not None and (not body or body[0] != found_title):
        body.insert(0, found_title)
    closing = "\n".join(body[-3:])  # (most stories end with no credit: two searches in C)
    if "(By " in closing or "Reporter" in closing:  # "(By X, translated by Y)"
        body, credited, credit_source = closing_credits(body)
        found_authors = found_authors or list(credited)
        found_source = found_source or credit_source
    dateline_place = None
    first = 1 if found_title is not None else 0
    dateline = next(filter(None, map(opening_dateline, body[first : first + 3])), None)
    if dateline is not None:
        dateline_place, date_text, agency = dateline
        found_source = found_source or agency
        if found_published is None:
            full = find_date(date_text)
            caption_text = [body[i] for i in sorted(captions) if i < len(body)]
            found_published = plausible(full[0]) if full else dateline_year(
                date_text, caption_text, body[first:])
    if found_published is None or found_source is None:
        closing_date, closing_source = _closing(body)
        found_published = found_published or closing_date
        found_source = found_source or closing_source
    return Cleaned(
        paragraphs=body,
        title=found_title,
        published=found_published,
        authors=tuple(found_authors),
        source=found_source,
        dateline=dateline_place,
    )


def _late_date_line(body: Sequence[str]) -> tuple[date, int] | None:
    """The date, and index, of a date line below where the head's reading stopped (a
    page's furniture ran on: a subscription box): a line of a date alone, or a labelled
    one, in the first 15 paragraphs and before the last three (not a "Related" list's at
    the end), right under a line that is no sentence (a headline, a name)."""
    for index in range(1, min(len(body) - 3, 15)):
        line = body[index]
        if (len(line) <= 60 and not _SENTENCE_END.search(body[index - 1])
                and (meta := meta_line(line)) is not None and meta.published is not None):
            return meta.published, index
    return None


_SIGN_OFF = lazy_compile(r"\A\((?:Source\s?[:：]\s?)?([^()]{8,90})\)\Z", re.IGNORECASE)
_SOURCE_LINE = lazy_compile(r"\A\(?Source\s?[:：]\s?([^()]{3,60}?)\)?\Z", re.IGNORECASE)


def _closing(body: Sequence[str]) -> tuple[date | None, str | None]:
    """The date and known outlet of a closing date line ("Updated: 2021-05-11") or source
    sign-off ("(Xinhua News Agency April 19, 2008)") in the last two paragraphs."""
    published = source = None
    for paragraph in reversed(body[-2:]):
        if len(paragraph) > 120:
            continue
        sign_off = _SIGN_OFF.match(paragraph)
        found = find_date(sign_off[1]) if sign_off else None
        if sign_off and not (found and sign_off[1][found[2] :].strip(" .,")):
            name = outlet(sign_off[1][: found[1]] if found else sign_off[1])
            if name is not None:
                published = published or (plausible(found[0]) if found else None)
                source = source or name
                continue
        if (published is None and (labelled := labelled_date(paragraph)) is not None
                and meta_line(paragraph) is not None):
            published = plausible(labelled)
    return published, source
