"""Companies named after a cue: what the press calls a company before its name
("American chipmaker Intel", "the German company Vivanco", "exhibitor Zhejiang Aijia"),
a list after "firms such as" or "among them", a role ("chairman of X"), and a
description after the name ("Stellantis, the European automaker", "Minsa, a Yiwu-based
sports brand", "KSS is the world's fourth-largest maker of airbags").
"""

from __future__ import annotations

from collections.abc import Iterator

from zjopen import gazetteer
from zjopen.extract._capitalised import CHAIN, NUMBER_TAIL, classify, home
from zjopen.extract._kb import knowledge_base
from zjopen.extract._tables import (
    LEADING,
    Found,
    TextWords,
    place_code,
    word_tables,
    words_of,
)
from zjopen.lexicon.patterns import alt, guarded_compile, lazy_compile

# A role or a deal before a company's name, matched where its first word stands: "chairman
# of X", "who runs X", "a deal with X", "a subsidiary of X" (or "subsidiary X").
_TITLES = ("chairman", "chairwoman", "president", "CEO", "founder", "manager", "director",
           "head", "owner")
_RUNS = ("heads", "runs", "founded", "owns")
_DEALS = ("agreement", "deal", "contract", "partnership")
_PARTS = ("subsidiary", "unit", "affiliate")
_ROLE = lazy_compile(
    rf"(?:{alt(_TITLES)})\sof\s(?=[A-Z])"           # chairman of X
    rf"|who\s(?:{alt(_RUNS)})\s(?=[A-Z])"           # who runs X
    rf"|(?:subsidiary|{alt(_DEALS)}\swith)\s(?=[A-Z])"  # subsidiary X, a deal with X
    rf"|(?:{alt(_PARTS)})\sof\s(?=[A-Z])")          # a unit of X
# The first words of those: a cheap test before the pattern.
_ROLE_WORDS = frozenset((*_TITLES, "who", *_DEALS, *_PARTS))
# Cues that open a list, checked by what comes before: "firms such as A and B", "big
# names based in Hong Kong, among them A, B and C".
_LIST_CUES = {"including": "", "like": "", "such": " as", "among": " them", "include": "",
              "includes": "", "included": ""}
_LIST_NOUN = guarded_compile(
    r"\b(?:[Ee]nterprises|[Cc]ompanies|[Ff]irms|[Bb]rands|[Ee]xporters|[Mm]anufacturers"
    r"|[Mm]akers|[Pp]roducers|[Rr]etailers|[Ss]uppliers|[Mm]ultinationals|[Ii]nvestors"
    r"|[Gg]iants|[Cc]orporations|[Cc]onglomerates|[Cc]arriers|[Ee]xhibitors"
    r"|[Cc]lients|[Cc]ustomers|[Pp]artners|[Pp]articipants)"  # ("clients include Coca-Cola")
    # "companies based in Hong Kong, among them ...": where they are from, then the cue
    r"(?:\s(?:based|headquartered|located)\sin\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)?,?"
    # "Taiwan-invested enterprises mainly include ..."
    r"(?:\s(?:mainly|also|chiefly|primarily|now))?\s\Z")
# The same nouns right before a list of names: "Chinese companies A, B and C".
_PLURALS = frozenset({"companies", "firms", "brands", "giants", "multinationals", "carmakers",
                      "automakers", "chipmakers", "exporters", "manufacturers"})
# What the press calls a company, found by its last word: "chipmaker", "e-commerce
# giant", "the German company", "a Yiwu-based sports brand", "exhibitor".
_NOUN = lazy_compile(
    r"\b(?:(?:chip|auto|car|ship|toy|shoe|steel|drug|watch|truck)maker|EV\smaker|shipbuilder"
    r"|retailer|e-tailer"
    r"|(?:e-commerce|tech|internet|retail|logistics)\sgiant|conglomerate|start-?up"
    r"|joint\sventure"  # "SOYUZ, a large-parts production joint venture"
    r"|(?P<plain>maker|company|firm|brand|group|manufacturer|producer|supplier|exporter"
    r"|developer|enterprise|multinational|exhibitor|provider))\Z")
_PLAIN = frozenset({"maker", "company", "firm", "brand", "group", "manufacturer", "producer",
                    "supplier", "exporter", "developer", "enterprise", "multinational",
                    "exhibitor", "provider"})
_NOUN_WORDS = _PLAIN | {"chipmaker", "automaker", "carmaker", "shipbuilder", "shipmaker",
                       "toymaker", "shoemaker", "steelmaker", "drugmaker", "watchmaker",
                       "truckmaker", "retailer", "tailer", "giant", "conglomerate", "startup",
                       "start", "venture"}
# Plain nouns that may stand before a name ("the German company Vivanco"; not "the group
# Chairman"), the others only after one.
_BEFORE_NAME = frozenset({"maker", "company", "firm", "brand", "manufacturer", "producer",
                          "supplier", "exporter", "developer", "multinational", "exhibitor"})
# After a description that ends in its noun: punctuation, or a word that goes on about
# the company ("a Wenzhou company making pet products"), not one that makes the noun a
# modifier ("a company executive").
_GOES_ON = guarded_compile(
    r"[\s]*[,.;:)\u2014]|\s(?:that|which|whose|who|with|based|founded|making|producing"
    r"|selling|specializing|specialising|in|of|from|for|headquartered|known|and|on|at|to"
    r"|has|had|have|is|was|will|would|said|owned|backed|listed|registered|located"
    r"|set|established|engaged|focusing|focused|operating|behind|since|by|under"
    r"|originating|originated)\b")
_NOT_NAMES = frozenset(
    "it its this that these those he she they we you there which who what chairman"
    " chairwoman president ceo director manager secretary vice general chief deputy mayor"
    " governor minister premier mr ms mrs dr professor monday tuesday wednesday thursday"
    " friday saturday sunday january february march april may june july august september"
    " october november december still overall later earlier together nowadays".split())


_AND = lazy_compile(r"\s(?:and|&)\s")
# (not " & ": a name's more often than a list's, "Master & Frank Enterprise")
_LIST_SEPARATOR = lazy_compile(r",\s(?:and\s)?|\sand\s")


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


def _name_follows(text: str, end: int) -> bool:
    return text[end : end + 1].isspace() and text[end + 1 : end + 2].isupper()


Noun = tuple[int, int, str | None]
"""Where a noun the press calls a company by begins and ends, and the noun when it is
a plain one ("company"; None for "chipmaker", "e-commerce giant")."""


Cues = tuple[list[Noun], list[tuple[int, int]], list[int]]
"""The nouns a company is called by; where a company's name follows a cue, with
the cue's sort; where "founded" follows a name and a comma ("Qiaoyi, founded by").
The sorts: ONE name, a LIST of names, a NAMED company ("a supermarket named X":
a company whatever its name's last word), a company CALLED by its noun ("toymaker X")."""
ONE, LIST, NAMED, CALLED = 0, 1, 2, 3

# Every cue word, looked up once per word of the text.
# "a supermarket named Yiwu Mart", "a start-up called Moka": a company, by its noun.
_NAMING = frozenset({"named", "called"})
_NAMED_NOUNS = frozenset({"company", "firm", "brand", "supermarket", "store", "shop",
                          "restaurant", "chain", "startup", "retailer", "manufacturer"})
CUE_WORDS = _NOUN_WORDS | _ROLE_WORDS | _LIST_CUES.keys() | _PLURALS | _NAMING | {"founded"}


def cues(text: str, split: TextWords) -> Cues:
    """The cue words of ``text``: the nouns the press calls a company by ("chipmaker",
    "e-commerce giant", "company"), read for the names after and before them, and where
    a name follows a role ("chairman of"), a list cue ("firms such as") or a plural noun
    ("Chinese companies A, B and C"), with whether the name opens a list."""
    nouns: list[Noun] = []
    after: list[tuple[int, int]] = []
    founded: list[int] = []
    words = split.words
    for index in split.find(CUE_WORDS):
        start, end = split.span(index)
        word = words[index]
        if word == "founded":
            if text.startswith((" by ", " in "), end) and _FOUNDED_AFTER.search(
                    text, max(0, start - 12), start):
                founded.append(start)
            continue
        if word in _NOUN_WORDS:
            noun = _noun(text, word, start, end)
            if noun is not None:
                nouns.append(noun)
                if _name_follows(text, noun[1]) and (noun[2] is None or noun[2] in _BEFORE_NAME):
                    after.append((noun[1] + 1, CALLED))
        if word in _ROLE_WORDS:
            role = _ROLE.match(text, start)
            if role is not None:
                after.append((role.end(), ONE))
        elif word in _PLURALS:
            if _name_follows(text, end):
                after.append((end + 1, LIST))  # "Chinese giants Huayou Cobalt, Sinomine and ..."
        elif word in _NAMING:
            if index and words[index - 1] in _NAMED_NOUNS and _name_follows(text, end):
                after.append((end + 1, NAMED))
        elif word in _LIST_CUES:
            rest = _LIST_CUES[word]
            if not text.startswith(rest, end):
                continue
            end += len(rest)
            if text.startswith(" the ", end):
                end += 4  # "among them the Mass Transit Railway Corporation, ..."
            if _name_follows(text, end) and _LIST_NOUN.search(text, max(0, end - 60), start):
                after.append((end + 1, LIST))
    return nouns, sorted(after), founded


def _noun(text: str, word: str, start: int, end: int) -> Noun | None:
    if word == "start":
        if not text.startswith("-up", end):
            return None
        end += 3
    if text[end : end + 1] == "-":
        return None  # "group-level"
    if word in _PLAIN:
        if text[start - 1 : start] != "-" and not text.endswith("EV ", 0, start):
            return start, end, word
        return None
    noun = _NOUN.search(text, max(0, end - 24), end)
    return (noun.start(), end, noun["plain"]) if noun is not None else None


def _cued_company(text: str, name: str, start: int, named: bool = False,
                  called: bool = False) -> Found | None:
    """A company named after (or before) a cue, unless the name is a place, a person, a
    government body or the like, or a name of another kind ("... Zone"). A name right
    after its noun (``called``: "toymaker Sanhe") may be a small place's far away."""
    owner = name.split(" ", 1)
    if len(owner) == 2 and home(owner[0], 2):  # "Singapore's Wilmar"
        name, start = owner[1], start + len(owner[0]) + 1
    tokens = words_of(name)
    words = word_tables()
    if (not tokens or tokens[0].casefold() in LEADING or tokens[0].casefold() in _NOT_NAMES
            or (gazetteer.lookup(name) is not None and not (called and _far_town(name)))
            or any(t in words.not_companies for t in tokens)
            or words.no_company(tokens)  # "the World Bank", "Co., Ltd" alone
            or (tokens[0] in words.surnames and 1 < len(tokens) < 4)  # "Li Shufu"
            or any(t.isdigit() for t in tokens)  # "the Top 100"
            or (len(tokens) == 1 and name.endswith("ly")  # "Currently, the group has"
                and text.startswith(",", start + len(name)) and _opens(text, start))):
        return None
    if named:  # "a supermarket named Yiwu Mart": the company comes before the market
        return Found("enterprise", name, start, start + len(name),
                     region=place_code(tokens), canonical=name)
    kind = classify(text, start, start + len(name))
    if kind is not None:  # a name of its own kind: a company only if it says so
        return kind if kind.kind == "enterprise" else None
    return Found("enterprise", name, start, start + len(name), region=place_code(tokens))


def _far_town(name: str) -> bool:
    """Whether ``name`` is only a county's or a town's name outside Zhejiang (Sanhe, in
    Hebei), and no surname: after "toymaker" it is the company's."""
    place = gazetteer.lookup(name)
    return (place is not None and place.code.isdigit() and not place.code.startswith("33")
            and place.level.value not in ("province", "prefecture") and not place.ambiguous
            and name not in word_tables().surnames)  # "The company Zhang runs"


def _opens(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence, a paragraph or a quotation."""
    return start == 0 or text[start - 1] in _OPENERS or text[start - 2 : start] == ". "


_OPENERS = frozenset('\n"\u201c')


def listed_companies(text: str, pieces: list[tuple[int, int, Found | None]]
                     ) -> Iterator[Found]:
    """The other names of a list that names a company ("the Mass Transit Railway
    Corporation, Kerry Properties and Jardine Matheson", "Youngor and FIRS"): a list
    joins names of one kind. ``pieces`` are the list's names with what each was found to
    be (None: nothing), a name the knowledge base knows counting as what it knows."""
    surfaces = knowledge_base().surfaces
    split: list[tuple[int, int, Found | None]] = []
    for start, end, found in pieces:
        cut = _AND.search(text, start, end) if found is None else None
        if cut is None:
            split.append((start, end, found))
        else:  # "..., B and C" left whole by the splitter (B is not a name by itself)
            split += [(start, cut.start(), None), (cut.end(), end, None)]
    kinds = []
    pieces = split
    for start, end, found in pieces:
        known = surfaces.get(words_of(text[start:end]))
        kinds.append(found.kind if found is not None else known.kind if known else None)
    if "enterprise" not in kinds or "platform" in kinds or "initiative" in kinds:
        return
    for (start, end, _), kind in zip(pieces, kinds, strict=True):
        company = _cued_company(text, text[start:end], start) if kind is None else None
        if company is not None:
            yield company


_APPOSITION = lazy_compile(r",\s(?:the|a|an)\s")
# A name before its description: "Stellantis, the European automaker", "Minsa, a
# Yiwu-based Chinese sports brand", "Key Safety Systems (KSS) is the world's
# fourth-largest maker".
_APPOSED = lazy_compile(
    r"\b([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})(?:\s\([A-Z][A-Za-z&]{1,9}\))?"
    r"(?:,\s|\s(?:is|was|remains|became|has\sbecome)\s)"
    r"(?:a|an|the|another|one\sof\sthe|[A-Z][\w-]*'s)\s(?:[A-Za-z'-]+\s){0,4}\Z")
_COPULA = lazy_compile(r"\s(?:is|was|remains|became|become)\s")
_OF_PLACE = lazy_compile(r"\sof\s([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\Z")


def apposed_matches(text: str, words: Cues) -> Iterator[Found]:
    """Companies described right after their name ("Stellantis, the European automaker",
    "Qiaoyi, founded by Li Ming")."""
    for start, end, plain in words[0]:
        if plain is not None and not _GOES_ON.match(text, end):
            continue  # "a company executive": the noun is not the description's head
        low = max(0, start - 80)
        if text.find(", ", low, start) < 0 and not _COPULA.search(text, low, start):
            continue  # no comma and no verb before the description: nothing is described
        apposed = _APPOSED.search(text, low, start)
        found = _cued_company(text, *_last_sentence(apposed[1], apposed.start(1))
                              ) if apposed else None
        if found is not None:
            yield found
    yield from _founded(text, words)


# A name, its comma, then "founded by" or "founded in" (read where "founded" stands):
# "Qiaoyi, founded by Li Ming in Yiwu, ...", "Aokang, which was founded in 1988, ...".
_FOUNDED_AFTER = lazy_compile(r",\s(?:which\s(?:was|is)\s)?\Z")
_FOUNDED_NAME = lazy_compile(
    r"(?:\A|(?<=[\s\"“(]))([A-Z][\w&.'-]*(?:\s(?:[A-Z][\w&.'-]*|&|and|of))"
    r"{0,4}),\s(?:which\s(?:was|is)\s)?\Z")


# (a name after a preposition is where something was founded: "a hub in Dubai, founded")
_AFTER_PREPOSITION = lazy_compile(r"\b(?:in|at|from|to|of|near|across|with|for|on|by)\s\Z")


def _founded(text: str, words: Cues) -> Iterator[Found]:
    """Companies named before "founded by" or "founded in" ("Qiaoyi, founded by Li Ming
    in Yiwu, now sells to 40 countries"); a place, a body, a school, a zone is none."""
    for start in words[2]:
        named = _FOUNDED_NAME.search(text, max(0, start - 80), start)
        if (named is not None and not named[1].endswith((" and", " of"))
                and not _AFTER_PREPOSITION.search(text, max(0, named.start() - 8),
                                                  named.start())):
            found = _cued_company(text, named[1], named.start(1))
            if found is not None:
                yield found


def _last_sentence(name: str, start: int) -> tuple[str, int]:
    """The part of ``name`` (at ``start``) after a sentence's end inside it: "Currently"
    of "Dubai. Currently" ("... a showroom in Dubai. Currently, the group has"); "U.S.
    Steel" and "Acme Inc. Group" are whole."""
    cut = -1
    for end in _SENTENCE_END.finditer(name):
        if name[name.rfind(" ", 0, end.start()) + 1 : end.start() + 2] not in _SHORTENED:
            cut = end.end() + 2  # (after the full stop and its space)
    return (name, start) if cut < 0 else (name[cut:], start + cut)


_SENTENCE_END = lazy_compile(r"[a-z]{2}(?=\.\s)")  # the last letters of a word, then ". "
_SHORTENED = frozenset({"Inc", "Corp", "Bros", "Ltd", "Intl", "Mfg", "Dept", "Govt", "Co"})


def role_matches(text: str, words: Cues) -> Iterator[Found]:
    """Companies named after a cue: what people do in them or what they sign with them,
    what the press calls them, a list's cue."""
    for cue_end, sort in words[1]:
        chain = CHAIN.match(text, cue_end)
        if chain is None:
            continue
        # the name ends where a description of it begins: "Volvo, the Swedish carmaker"
        whole = _APPOSITION.split(chain.group(), 1)[0].rstrip(".,").removesuffix("'s")
        number = NUMBER_TAIL.search(whole)
        whole = whole[: number.start()] if number else whole  # "Motori for 9 million"
        country = _OF_PLACE.search(whole)
        if country and gazetteer.lookup(country[1]) is not None:
            whole = whole[: country.start()]  # "Heron Resources Limited of Australia"
        # "firms such as A and B": a list of names; elsewhere the run is one name
        items = _list_items(whole) if sort == LIST else [(0, whole)]
        for offset, name in items:
            found = _cued_company(text, name, chain.start() + offset, sort == NAMED,
                                  called=sort == CALLED)
            if found is not None:
                yield found
