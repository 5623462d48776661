"""Credits printed after the story: who wrote it, who translated and edited it.

City portals close a translated story with a bracketed credit at the end of its last
paragraph, "(By Li Ming, translated by Wang Fang, edited by Anna Reed)", the writer
sometimes with the outlet the story came from ("By Li Ming – Zhejiang Online",
"By Li Ming—Yiwu Business"); video pages close with a line naming the reporters,
"Reporter Li Ming, Wang Fang". :func:`closing_credits` takes those credits out of the
paragraphs and reads the writers (authors) and a known outlet (the source) in them.
Translators and editors are not authors (as in :func:`zjopen.ingest.datelines.roles`).

>>> closing_credits(["Trade rose.", "Ports grew. (By Li Ming – Zhejiang Online, "
...                  "translated by Wang Fang, edited by Anna Reed)"])
(['Trade rose.', 'Ports grew.'], ('Li Ming',), 'Zhejiang Daily')
>>> closing_credits(["Trade rose.", "Reporter Li Ming, Wang Fang"])
(['Trade rose.'], ('Li Ming', 'Wang Fang'), None)
"""

from __future__ import annotations

import re

from zjopen.ingest.datelines import outlet
from zjopen.lexicon.patterns import lazy_compile

# The bracketed credit at a paragraph's end: "By" and the writer, then one or more
# roles that are not the writer's ("translated by ...", "edited by ..."), each after a
# comma. Each part is a run of characters that are neither brackets nor commas: the
# pattern is linear (a part ends at the first comma, which the next part must follow).
_CLOSING = lazy_compile(
    r"""\s?\(By\s((?:the\s)?[A-Z][^(),]{1,80})  # "(By Li Ming" (a writer, maybe an outlet)
        ((?:,\s(?:translated|edited|proofread|compiled)\sby\s[^(),]{2,60}){1,3})
        \)\Z                                 # the paragraph ends with the credit
    """,
    re.VERBOSE,
)
# The writer and the outlet after a dash: "Li Ming – Zhejiang Online", "Li Ming—Yiwu News".
_OUTLET_DASH = lazy_compile(r"\s?[—–]\s?|\s-\s")
# A person's name (as a byline prints it): two to four capitalised words.
_PERSON = lazy_compile(r"\A[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+){1,3}\Z")
# A line naming the reporters, with or without a colon: "Reporter Li Ming, Wang Fang".
_REPORTERS = lazy_compile(r"\AReporters?(?::\s?|\s)([A-Z][^:()]{2,120})\Z")
_NAMES_SPLIT = lazy_compile(r",\s?|\sand\s|\s?&\s?")


def _people(text: str) -> tuple[str, ...] | None:
    """The names of a list of people ("Li Ming, Wang Fang and Ma Li"), or None when a
    part is no person's name."""
    names = [name.strip(" .") for name in _NAMES_SPLIT.split(text)]
    if not names or not all(_PERSON.match(name) for name in names):
        return None
    return tuple(names)


def reporters(line: str) -> tuple[str, ...] | None:
    """The names of a line naming the reporters ("Reporter: Li Ming and Wang Fang"), else
    None."""
    match = _REPORTERS.match(line)
    return _people(match[1]) if match else None


def _bracketed(paragraph: str) -> tuple[str, tuple[str, ...], str | None] | None:
    """(paragraph without the credit, writers, outlet) of a paragraph that ends with a
    bracketed credit, else None."""
    match = _CLOSING.search(paragraph, max(0, len(paragraph) - 300))
    if match is None:
        return None
    writer, *place = _OUTLET_DASH.split(match[1].strip(), maxsplit=1)
    source = outlet(place[0]) if place else None
    return paragraph[: match.start()].rstrip(), _people(writer) or (), source


def closing_credits(body: list[str]) -> tuple[list[str], tuple[str, ...], str | None]:
    """``body`` without the credits of its last three paragraphs, the writers those
    credits name, and the known outlet among them (None if none)."""
    authors: tuple[str, ...] = ()
    source = None
    kept = list(body)
    for index in range(len(kept) - 1, max(len(kept) - 4, 0), -1):  # (never the headline)
        paragraph = kept[index]
        if paragraph.startswith("Reporter"):
            people = reporters(paragraph)
            if people is not None:
                authors = authors or people
                del kept[index]
            continue
        if paragraph.endswith(")") and "(By " in paragraph:
            found = _bracketed(paragraph)
            if found is not None:
                text, people, named = found
                authors = authors or people
                source = source or named
                if text:
                    kept[index] = text
                else:
                    del kept[index]
    return kept, authors, source
