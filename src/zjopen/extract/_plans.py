"""Initiatives written without a capitalised name of their own:

- a plan, program or reform described by its purpose ("an action plan to turn Jiaxing
  Port into a river-sea combined transport hub", "a plan for expanding the China
  (Zhejiang) Pilot Free Trade Zone", "carrying out pilot reforms for agricultural export
  inspections"): the head and its purpose clause, which ends at a comma, a relative
  word, a place or time adjunct, or after a dozen words;
- a capitalised name followed by a lower-case head ("the Going Global drive", "the
  Authorized Economic Operator certification programs", "a pilot FTZ program");
- a document whose head comes first ("the Budapest Guidelines for Cooperation between
  China and ...", "the Memorandum of Project Development & Cooperation of ...", "the
  Action Plan of Wenzhou's ..."): up to the first lower-case word that is no connector;
- lower-case policy phrases that are names by themselves ("reform and opening-up",
  "supply-side structural reforms"), quoted slogans ('to "go global"') and
  bilateral agreements ("the bilateral free trade agreement").

Each is read only where its head word stands (one dictionary lookup per word of the
text), in a window of a few words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from zjopen import gazetteer
from zjopen.extract._marked import marked_matches
from zjopen.extract._tables import LEADING, Found, TextWords, word_tables, words_of
from zjopen.lexicon.patterns import alt, guarded_compile, lazy_compile

__all__ = ["looked_up", "plans"]

_TAIL_WORDS = 12  # a purpose clause longer than this is cut (and trimmed, below)
# Where a purpose clause ends: a place or time adjunct ("... New Area in east China's
# Zhejiang Province", "... of park in 2015"), a relative word, a new clause.
_TAIL_STOP = frozenset("which that who whom whose where while when as was were is are has "
                       "have had will would said says says".split())
_ADJUNCT = lazy_compile(r"(?:in|on|at|by|from|since|during|last|this|next)\Z")
# Words a clause does not end on: "... hub for the" is "... hub".
_NO_END = LEADING | frozenset({"into", "onto", "towards", "toward", "covering"})


def looked_up() -> frozenset[str]:
    """The word table :func:`plans` looks the text's words up in."""
    return _tables().anchors


# (a plain class: an attrs class's methods are generated and compiled at import)
class _Tables:
    purpose: re.Pattern[str]
    lower_head: re.Pattern[str]
    head_first: re.Pattern[str]
    phrases: re.Pattern[str]
    purpose_last: frozenset[str]  # the words the patterns are read around: a head's last
    lower_last: frozenset[str]
    document_last: frozenset[str]
    phrase_first: frozenset[str]  # a phrase's first
    anchors: frozenset[str]  # all of them
    slogans: frozenset[str]

    __slots__ = ("anchors", "document_last", "head_first", "lower_head", "lower_last",
                 "phrase_first", "phrases", "purpose", "purpose_last", "slogans")

    def __init__(
        self,
        purpose: re.Pattern[str],
        lower_head: re.Pattern[str],
        head_first: re.Pattern[str],
        phrases: re.Pattern[str],
        purpose_last: frozenset[str],
        lower_last: frozenset[str],
        document_last: frozenset[str],
        phrase_first: frozenset[str],
        anchors: frozenset[str],
        slogans: frozenset[str],
    ) -> None:
        self.purpose = purpose
        self.lower_head = lower_head
        self.head_first = head_first
        self.phrases = phrases
        self.purpose_last = purpose_last
        self.lower_last = lower_last
        self.document_last = document_last
        self.phrase_first = phrase_first
        self.anchors = anchors
        self.slogans = slogans


@cache
def _tables() -> _Tables:
    raw = word_tables()
    heads = raw.purpose_heads
    purpose = guarded_compile(
        rf"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w-]*'s)\s|\b{alt(raw.policy_verbs)}\s)"
        r"(?P<words>(?:(?!(?:an?|the|its|their)\s)[a-z][\w-]*\s){0,3}?)"
        rf"(?P<head>{alt(heads)})\s(?P<tail>(?:to|for)\s[^\n]{{1,160}})")
    lower_head = guarded_compile(
        r"(?P<name>(?:pilot\s|national\s|provincial\s)?(?:[A-Z][\w-]*\s(?:(?:and|of|for)\s)?)"
        r"{1,5}(?:(?:certification|pilot|development|action|reform)\s)?)"
        r"(?P<head>strategy|drive|initiative|programs?|programmes?|plan|campaign|policy)\b")
    head_first = guarded_compile(
        rf"(?:\b[A-Z][\w-]*\s){{0,2}}{alt(raw.document_heads)}\s(?:of|for|on)\s"
        r"(?:(?:[A-Z0-9][\w'’.-]*|\"[^\"\n]{1,30}\"|“[^”\n]{1,30}”|[+&]|\((?:[A-Z][\w-]*)\)"
        r"|the|and|of|for|on|between|with|in|to)\s?){1,24}")
    phrases = guarded_compile(rf"\b{alt(raw.policy_phrases)}\b")
    purpose_last = frozenset(h.rsplit(" ", 1)[-1] for h in heads)
    lower_last = frozenset({"strategy", "drive", "initiative", "program", "programs",
                            "programme", "programmes", "plan", "campaign", "policy"})
    document_last = raw.document_last
    phrase_first = frozenset(words_of(p)[0] for p in raw.policy_phrases)
    return _Tables(purpose, lower_head, head_first, phrases, purpose_last, lower_last,
                   document_last, phrase_first,
                   purpose_last | lower_last | document_last | phrase_first,
                   frozenset(raw.quoted_slogans))


def plans(text: str, split: TextWords) -> Iterator[Found]:
    """Every such initiative in ``text`` (in no particular order); ``split`` holds its
    words."""
    tables = _tables()
    yield from _slogans(text, tables.slogans)
    words, start = split.words, split.start
    count = len(words)
    for index in split.find(tables.anchors):
        word = words[index]
        after = words[index + 1] if index + 1 < count else ""
        at = start(index)
        if word in tables.purpose_last and after in ("to", "for"):
            high = min(len(text), at + 200)
            for match in tables.purpose.finditer(text, start(max(0, index - 8)), high):
                if match.start("head") <= at < match.end("head") + 1:
                    found = _purpose(text, match)
                    if found is not None:
                        yield found
        if word in tables.lower_last and any(
                w[:1].isupper() for w in words[max(0, index - 3) : index]):
            for match in tables.lower_head.finditer(text, start(max(0, index - 8)),
                                                    at + len(word)):
                found = _lower_head(text, match)
                if found is not None:
                    yield found
        if word in tables.document_last and after in ("of", "for", "on"):
            first = tables.head_first.search(text, start(max(0, index - 2)),
                                             min(len(text), at + 200))
            found = _head_first(text, first) if first is not None else None
            if found is not None:
                yield found
        if word in tables.phrase_first:
            phrase = tables.phrases.match(text, at, min(len(text), at + 50))
            if phrase is not None:
                yield Found("initiative", phrase.group(), phrase.start(), phrase.end())


def _purpose(text: str, match: re.Match[str]) -> Found | None:
    """ "an action plan to turn Jiaxing Port into a river-sea combined transport hub":
    the head and its purpose, cut where the clause ends."""
    if text[match.start() - 1 : match.start()] == "-":
        return None  # "a China-proposed initiative to ...": a description, no policy verb
    words = match["words"].split()
    while words and words[0] in LEADING:
        words = words[1:]  # "launched its program to ..."
    if any(w in LEADING or w.isdigit() for w in words):
        return None
    if match["head"] == "initiative" and _TOOK.search(text, max(0, match.start() - 8),
                                                      match.start()):
        return None  # "took the initiative to build": an idiom
    tail = _clause(match["tail"])
    vague = word_tables().not_purposes  # "a broader plan to ...", "the program to run ..."
    if len(tail) < 2 or tail[1] in vague or not vague.isdisjoint(words):
        return None
    start = match.start("head") - sum(len(w) + 1 for w in words)
    end = match.start("tail") + len(" ".join(tail))
    return Found("initiative", text[start:end], start, end)


_TOOK = guarded_compile(r"\b(?:took|take|takes|taking)\s\Z")
# Where a purpose clause ends; not at a place's aside ("the China (Zhejiang) Pilot ...").
_CLAUSE_END = lazy_compile(r"[,.;:!?\"“”]|\s\((?![A-Z][\w-]*\))|\s-\s|\s\u2014")


def _clause(tail: str) -> list[str]:
    """The words of a purpose clause ("to turn Jiaxing Port into ... hub"), cut at
    punctuation, at a relative word, at an adjunct of place or time after the object
    ("... New Area in east China's ..."), after a dozen words, and trimmed of words a
    clause does not end on."""
    cut = _CLAUSE_END.search(tail)
    words = (tail[: cut.start()] if cut else tail).split()
    kept: list[str] = []
    for word in words[: _TAIL_WORDS + 2]:
        lowered = word.casefold()
        if lowered in _TAIL_STOP or (len(kept) > 2 and _ADJUNCT.match(lowered)):
            break
        if lowered == "and" and kept and kept[-1].casefold() in _NO_END:
            break
        kept.append(word)
        if len(kept) >= _TAIL_WORDS:
            break
    while kept and kept[-1].casefold() in _NO_END:
        kept.pop()
    return kept


def _lower_head(text: str, match: re.Match[str]) -> Found | None:
    """ "the Going Global drive", "the Authorized Economic Operator certification
    programs": a capitalised name with a lower-case head."""
    words = match["name"].split()
    while words and words[0].casefold() in LEADING:
        words = words[1:]
    capitals = [w for w in words if w[:1].isupper()]
    if not capitals or all(gazetteer.lookup(w) is not None or w.casefold() in LEADING
                           for w in capitals):
        return None  # "the Ningbo plan", "The plan": no name
    if any(w in word_tables().not_companies for w in capitals):
        return None  # "the State Council plan": whose plan, not its name
    if all(_BACKER.search(w) for w in capitals):
        return None  # "a China-proposed initiative": whose, not which
    if len(capitals) == 1 and _opens(text, match.start("name")) and words[0] == capitals[0]:
        return None  # "Officials plan to ...": a sentence's first word
    start = match.end("name") - len(" ".join(words)) - 1
    return Found("initiative", text[start : match.end()], start, match.end())


_BACKER = lazy_compile(r"-(?:proposed|led|backed|funded|sponsored|initiated|launched)\Z")


def _opens(text: str, start: int) -> bool:
    """Whether a sentence, or a quotation, opens at ``start`` ('he said, "I plan to ...').
    """
    before = text[max(0, start - 4) : start].rstrip(" (")
    return not before or before.endswith((".", "!", "?", "\n", ":", "\"", "“"))


_LOWER_END = lazy_compile(r"(?:\s(?:the|and|of|for|on|between|with|in|to|[+&]))+\s?\Z")


def _head_first(text: str, match: re.Match[str]) -> Found | None:
    """ "the Budapest Guidelines for Cooperation between China and ...": cut where the
    capitalised words end."""
    name = _LOWER_END.sub("", match.group().rstrip())
    if len(name.split()) < 3:
        return None
    return Found("initiative", name, match.start(), match.start() + len(name))


_QUOTED_SLOGAN = lazy_compile(r"[\"“]([a-z][a-z -]{3,30})[\"”]")
_SLOGAN_MARKS = ('"', "“")  # what a match of _QUOTED_SLOGAN begins with


def _slogans(text: str, slogans: frozenset[str]) -> Iterator[Found]:
    """Policy slogans quoted in a sentence ('companies looking to "go global"'): the
    quoted words tried where an opening mark stands (a few per article; looking for
    each slogan in the text first took longer)."""
    for match in marked_matches(_QUOTED_SLOGAN, text, _SLOGAN_MARKS):
        if match[1] in slogans:
            yield Found("initiative", match[1], match.start(1), match.end(1))
