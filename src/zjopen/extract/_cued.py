"""Companies named after a cue: what the press calls a company before its name
("American chipmaker Intel"), a list after "firms such as", a role ("chairman of X"),
and a description after the name ("Stellantis, the European automaker").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zjopen import gazetteer
from zjopen.extract._capitalised import CHAIN, classify
from zjopen.extract._tables import (
    LEADING,
    Found,
    place_code,
    word_tables,
    words_of,
)
from zjopen.lexicon.patterns import find_all, guarded_compile

_ROLE = guarded_compile(
    r"\b(?:chairman|chairwoman|president|CEO|founder|general manager|vice president|director"
    r"|head|owner|managing director)\sof\s(?=[A-Z])|\bwho\s(?:heads|runs|founded|owns)\s(?=[A-Z])"
    r"|\b(?:subsidiary|agreement with|deal with|contract with|partnership with)\s(?=[A-Z])",
)
# Cues found by their last word (a few str.find calls), checked by what comes before:
# "firms such as A and B" (a list), "American chipmaker Intel" (what the press calls a
# company before its name).
_LIST_CUES = ("including", "such as", "like")
_LIST_NOUN = re.compile(r"\b(?:[Ee]nterprises|[Cc]ompanies|[Ff]irms|[Bb]rands|[Ee]xporters"
                        r"|[Mm]anufacturers|[Mm]akers|[Pp]roducers|[Rr]etailers|[Ss]uppliers)\s\Z")
_MAKER_CUES = ("maker", "builder", "tailer", "giant", "conglomerate", "startup", "start-up")
_MAKER_NOUN = re.compile(
    r"\b(?:chipmaker|automaker|carmaker|EV\smaker|shipbuilder|shipmaker|retailer|e-tailer"
    r"|(?:e-commerce|tech|internet|retail|logistics)\sgiant|conglomerate|start-?up)\Z")



_LIST_SEPARATOR = re.compile(r",\s(?:and\s)?|\sand\s|\s&\s")


def _list_items(names: str) -> list[tuple[int, str]]:
    """The names of a list, with their offsets: "A, B and C".

    >>> _list_items("Anta, Li Ning and Semir")
    [(0, 'Anta'), (6, 'Li Ning'), (18, 'Semir')]
    """
    items, position = [], 0
    for separator in _LIST_SEPARATOR.finditer(names):
        items.append((position, names[position : separator.start()]))
        position = separator.end()
    items.append((position, names[position:]))
    return items


def _cue_end(text: str, position: int, cues: tuple[str, ...]) -> int:
    """Where the cue word found at ``position`` ends."""
    return next(position + len(cue) for cue in cues if text.startswith(cue, position))


def _name_follows(text: str, end: int) -> bool:
    return text[end : end + 1].isspace() and text[end + 1 : end + 2].isupper()


def makers(text: str) -> list[tuple[int, re.Match[str]]]:
    """Where a word the press calls a company by ends ("chipmaker", "e-commerce giant"),
    with that word: read once for the names after it and the names before it."""
    found = []
    for position in find_all(text, _MAKER_CUES):
        end = _cue_end(text, position, _MAKER_CUES)
        noun = _MAKER_NOUN.search(text, max(0, end - 24), end)
        if noun is not None:
            found.append((end, noun))
    return found


def _cues(text: str, makers: list[tuple[int, re.Match[str]]]) -> list[tuple[int, bool]]:
    """Where a company's name follows a cue, and whether the cue opens a list."""
    found = [(cue.end(), False) for cue in _ROLE.finditer(text)]
    for position in find_all(text, _LIST_CUES):
        end = _cue_end(text, position, _LIST_CUES)
        if _name_follows(text, end) and _LIST_NOUN.search(text, max(0, end - 24), position):
            found.append((end + 1, True))
    found += [(end + 1, False) for end, _ in makers if _name_follows(text, end)]
    return sorted(found)


def _cued_company(text: str, name: str, start: int) -> Found | None:
    """A company named after (or before) a cue, unless the name is a place, a government
    body or the like, or one the capitalised-name pass finds itself."""
    tokens = words_of(name)
    if (not tokens or tokens[0].casefold() in LEADING or gazetteer.lookup(name) is not None
            or any(t in word_tables().not_companies for t in tokens)
            or classify(text, start, start + len(name)) is not None):
        return None
    return Found("enterprise", name, start, start + len(name), region=place_code(list(tokens)))


_APPOSITION = re.compile(r",\s(?:the|a|an)\s")
# A name before its description: "Stellantis, the European automaker".
_APPOSED = re.compile(r"\b([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}),\s(?:a|an|the)\s"
                      r"(?:[A-Za-z-]+\s){0,2}\Z")


def apposed_matches(text: str, makers: list[tuple[int, re.Match[str]]]) -> Iterator[Found]:
    """Companies described right after their name ("Stellantis, the European automaker")."""
    for end, noun in makers:
        if text[end : end + 1].isalnum():
            continue
        apposed = _APPOSED.search(text, max(0, noun.start() - 80), noun.start())
        found = _cued_company(text, apposed[1], apposed.start(1)) if apposed else None
        if found is not None:
            yield found


def role_matches(text: str, makers: list[tuple[int, re.Match[str]]]) -> Iterator[Found]:
    """Companies named by what people do in them or what they sign with them."""
    for cue_end, listed in _cues(text, makers):
        chain = CHAIN.match(text, cue_end)
        if chain is None:
            continue
        # the name ends where a description of it begins: "Volvo, the Swedish carmaker"
        whole = _APPOSITION.split(chain.group(), 1)[0].rstrip(".,").removesuffix("'s")
        # "firms such as A and B": a list of names; elsewhere the run is one name
        items = _list_items(whole) if listed else [(0, whole)]
        for offset, name in items:
            found = _cued_company(text, name, chain.start() + offset)
            if found is not None:
                yield found

