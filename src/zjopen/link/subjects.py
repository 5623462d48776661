"""Which region a figure is about: the linker's attribution step.

The subject of a figure is the first thing named in its sentence before it: a Chinese
region ("In 2023, Beilun will achieve ..."; "Yiwu city in Zhejiang has ..."), the
province or the city ("the province's exports"), or a company, zone, port or expo
("The Port of Ningbo Zhoushan handled ...", "Zoppas' total investment"), whose figures
have no region. A sentence that names none continues the topic of the sentences before
it; the first topic is the article's main region (the headline's, else the most named),
unless the topic is no place and a place follows a count ("Some 900 firms make toys in
Yunhe.": Yunhe's, and Yunhe's the topic on).
Trading partners ("trade with the United States") are never subjects; "China's" is.
The words that say so are data (``data/link_words.json``).
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from zjopen._evolve import evolver
from zjopen.document import Document
from zjopen.lexicon.patterns import find_all, guarded_compile, lazy_compile
from zjopen.lexicon.units import unit_table
from zjopen.link._positions import (
    _CITY_LEVELS,
    _DISTRICT_LEVELS,
    _REACH,
    _clause_begins,
    _last_where,
    _listed,
    _Mention,
    _Named,
)
from zjopen.link._respectively import _is_place as _is_place
from zjopen.link._respectively import _place_after, _record_after
from zjopen.link._respectively import _respectively as _respectively
from zjopen.link._respectively import _within_place as _within_place
from zjopen.link._subject_mentions import NO_REGION as _NO_REGION
from zjopen.link._subject_mentions import subject_mentions
from zjopen.link._words import (
    APPOSED_GAP,
    AREA_UNITS,
    CAPTION_HINTS,
    DESCRIBED_COMPANIES,
    DESCRIBED_PLATFORMS,
    DURATION_UNITS,
    NATIONAL_BENCHMARK,
    NATIONAL_BENCHMARK_REACH,
    NATIONAL_BODIES,
    OPENER_WORDS,
    PLACE_AFTER_UNITS,
    SCOPE_REACH,
    rank_scope,
)
from zjopen.link._words import CAPTION as _CAPTION
from zjopen.link._words import DESTINATION_MARKET as _DESTINATION_MARKET
from zjopen.link._words import ENTITY as _ENTITY
from zjopen.link._words import OPENER as _OPENER
from zjopen.link._words import SCOPE as _SCOPE
from zjopen.model import Enterprise, Initiative, Metric, MetricKind, Platform, Region, Span

__all__ = ["attribute_subjects"]

_START = operator.attrgetter("start")  # (sort keys got in C, not by a lambda per item)
_END = operator.attrgetter("end")
_SPAN_START = operator.attrgetter("span.start")

_MODIFIES = lazy_compile(r"[\"'”’]?\s[a-z]")  # a measure written before its noun: "10,000-ton ship"
_HYPHENED = lazy_compile(r"(?:[0-9]|thousand|million|billion)-[A-Za-z-]+\Z")  # "100,000-ton"
_MEASURES = frozenset(("mass", "containers", "area", "length", "power", "energy"))
# A subject found among the article's records is "E:<company>" or "P:<platform>".
_UNNAMED = r"(?:'s)?\b(?!\sof\s[A-Z])"  # (not "the city of Yiwu": Yiwu is the subject)
# (capitalised too, as government and customs releases write them: "the Province's
# largest export market", "the City's high-tech product imports")
_PROVINCE = guarded_compile(rf"\b(?:[Tt]he|[Tt]his|[Oo]ur)\s[Pp]rovince{_UNNAMED}")
_CITY = guarded_compile(rf"\b(?:[Tt]he|[Tt]his|[Oo]ur)\s[Cc]ity{_UNNAMED}")  # ("our city":
# a government's own page)
_DISTRICT = guarded_compile(rf"\b(?:[Tt]he|[Tt]his|[Oo]ur)\s(?:[Dd]istrict|[Cc]ounty){_UNNAMED}")


def _main_region(doc: Document, mentions: list[_Mention]) -> str | None:
    body = doc.body_start
    title = doc.norm[:body]
    in_title: _Mention | None = None  # the first place in the title, and company
    company: _Mention | None = None
    for m in mentions:  # (in text order: those in the title first)
        if m.start >= body:
            break
        if m.code.isdigit():
            in_title = in_title or m
        elif company is None and not _is_place(m.code):
            company = m
    entity = _ENTITY.search(title)
    first_entity = min([e for e in (entity.start() if entity else None,
                                    company.start if company else None)
                        if e is not None], default=None)
    if first_entity is not None and (in_title is None or first_entity < in_title.start):
        return None  # "China's Ningbo Zhoushan port sees ...": the article is about a port
    if in_title is not None:
        return in_title.code
    counts = Counter(m.code for m in mentions if m.code.isdigit())
    if not counts:
        return None
    first_seen = {m.code: m.start for m in reversed(mentions)}
    return max(counts, key=lambda c: (counts[c], -first_seen[c]))


def _subject(doc: Document, sentence_start: int, figure: int, mentions: list[_Mention],
             starts: list[int], main: str | None, named: _Named, *,
             scopes: bool = True) -> str | None:
    """The subject named before the figure in its sentence: a region code, "E:<company>"
    or "P:<platform>" for one of the article's records, _NO_REGION for another company or
    platform, or None when the sentence names nothing. Without ``scopes``,
    a place after a preposition ("no other city in Zhejiang") is not a subject."""
    if sentence_start < figure - _REACH:
        sentence_start = figure - _REACH  # keeps a huge sentence linear
    norm = doc.norm
    # (str.find's tests, by bisection in where each "--" and "where" stands: the first
    # from the window's start on ends by its end)
    dashes = named.dashes  # (most articles have none)
    if dashes:
        at = bisect_left(dashes, sentence_start)
        if at < len(dashes) and dashes[at] + 2 <= (figure if figure < sentence_start + 100
                                                   else sentence_start + 100):
            # "ANJI, Zhejiang -- Anji county ...": the dateline names no subject
            sentence_start = dashes[at] + 2
    wheres = named.wheres  # (_last_where's own test, first)
    at = bisect_left(wheres, sentence_start)
    if at < len(wheres) and wheres[at] + 5 <= figure:
        where = _last_where(norm, sentence_start, figure)
        if where is not None:
            at = bisect_left(starts, sentence_start)
            before = [i for i in range(at, bisect_left(starts, where.start()))
                      if mentions[i].end == where.start()]
            if before:
                return _narrowed(doc, mentions, before[-1], figure)
    clauses = named.clause_starts  # (_clause_start's literal test: _Named.may_have_clause)
    at = bisect_left(clauses, sentence_start)
    if at < len(clauses) and named.clause_ends[at] <= figure:
        ends = named.clause_ends  # (in order too: no clause word holds another)
        clause = _clause_begins(norm, sentence_start, figure, clauses[at],
                                ends[bisect_right(ends, figure) - 1])
        if clause > sentence_start:  # "..., while Quzhou's exports rose 4 percent"
            own = _subject(doc, clause, figure, mentions, starts, main, named, scopes=scopes)
            if own is not None:
                return own
    if norm.startswith(OPENER_WORDS, sentence_start, figure):
        opener = _OPENER.match(norm, sentence_start, figure)
        if opener is not None:
            after = _subject(doc, opener.end(), figure, mentions, starts, main, named,
                             scopes=scopes)
            if after is not None:
                return after
    prefix = norm[sentence_start:figure]
    # (where, rank, subject): a record or a region (rank 0) beats a pattern's (rank 1)
    candidates: list[tuple[int, int, str]] = []
    reach = figure
    low, high = bisect_left(starts, sentence_start), bisect_left(starts, figure)
    for index in range(low, high):
        m = mentions[index]
        if m.end <= figure and not _listed(norm, mentions, index) and (
                scopes or m.start - sentence_start < 3
                or not _scoped(norm, sentence_start, m.start)
                or (norm.startswith(("In ", "in "), sentence_start)
                    and m.start == sentence_start + 3 and norm.startswith(",", m.end))):
            # ("In Zhoushan, the picture was different.": the scene is set there)
            # (_narrowed's own first test: a possessive's apostrophe after the mention)
            code = (_narrowed(doc, mentions, index, figure) if norm.startswith(("'", " "), m.end)
                    else m.code)
            if m.start == sentence_start:
                return code  # nothing a pattern finds comes before it
            candidates.append((m.start - sentence_start, 0, code))
            # What a pattern finds matters only before it: the entity pattern's (not
            # the record's) lies before it, whole, or after, with its trigger.
            reach = m.start + 1
            break
    # What a pattern finds after a scope ("in", "across the") is no subject, without
    # ``scopes`` (_usable).
    # (named.may_name_entity's first tests, inlined: a window with none found, again)
    free = named.trigger_free.get(sentence_start, sentence_start)
    entity = (None if reach == free or not named.may_name_entity(sentence_start, reach)
              else _ENTITY.search(prefix))
    if entity is not None and not scopes:
        entity = _usable(entity, scopes, prefix)
    if entity and _DESTINATION_MARKET.search(entity.group()):
        entity = None  # "The Russian market alone exceeded 3 billion yuan": a destination
    if entity and not _holds_start(starts, low, high, sentence_start + entity.start(),
                                   sentence_start + entity.end()):
        # (a mention within it: "the Yiwu-Xinjiang-Europe freight trains" are the record's)
        candidates.append((entity.start(), 1, _described(entity, sentence_start, mentions,
                                                         starts, named)))
    # Each pattern needs its noun: a substring test rules most sentences out at once.
    if "rovince" in prefix:
        province = next((found for found in _PROVINCE.finditer(prefix) if not _base(prefix, found)
                         and _usable(found, scopes, prefix)), None)
        if province and main is not None and main.startswith("33"):
            candidates.append((province.start(), 1, "330000"))
    if "city" in prefix or "City" in prefix:
        local = _usable(_CITY.search(prefix), scopes, prefix)
        if local:
            last = named.last(sentence_start + local.start(), _CITY_LEVELS, main)
            if last is not None:
                candidates.append((local.start(), 1, last))
    if "istrict" in prefix or "ounty" in prefix:
        local = _usable(_DISTRICT.search(prefix), scopes, prefix)
        if local:
            last = named.last(sentence_start + local.start(), _DISTRICT_LEVELS, main)
            if last is not None:
                candidates.append((local.start(), 1, last))
    if not candidates:
        return None
    return candidates[0][2] if len(candidates) == 1 else min(candidates)[2]


def _bracketed(norm: str, figure: int, mentions: list[_Mention], starts: list[int]
               ) -> str | None:
    """The place a figure in brackets right after it belongs to: "Beilun district (62.75
    billion yuan), the county-level city of Cixi (59.68 billion yuan)", "Hubei (18.2%),
    Anhui (17.3%)" (each its own place's, not the first named in the sentence)."""
    if norm[figure - 1 : figure] != "(":
        return None
    before = figure - 2 if norm[figure - 2 : figure - 1] == " " else figure - 1
    at = bisect_right(starts, before) - 1
    if at < 0:
        return None
    mention = mentions[at]
    if mention.end == before and _is_place(mention.code):
        return mention.code
    if norm.endswith((" district", " county", " city"), 0, before):  # "Beilun district ("
        word = norm.rfind(" ", 0, before)
        if mention.end == word and _is_place(mention.code):
            return mention.code
    return None


def _usable(match: re.Match[str] | None, scopes: bool, prefix: str) -> re.Match[str] | None:
    """The match, unless ``scopes`` is False and a scope ends where it begins."""
    if match is None or scopes or match.start() < 3:
        return match
    return None if _scoped(prefix, 0, match.start()) else match


def _base(prefix: str, match: re.Match[str]) -> bool:
    """Whether "the province" is a ranking's scope ("fourth in the province") or the base
    of a difference ("higher than the province's average by 33.9 percent"), no subject."""
    return rank_scope(prefix, start := match.start()) or (
        prefix.endswith("than ", 0, start) and " by " in prefix[match.end() :])


def _scoped(text: str, start: int, end: int) -> bool:
    """Whether a scope ("in", "across the") ends at ``end``, after ``start``."""
    return _SCOPE.search(text, max(start, end - SCOPE_REACH), end) is not None


def _holds_start(starts: list[int], low: int, high: int, start: int, end: int) -> bool:
    """Whether one of ``starts[low:high]`` (sorted) lies in ``start:end``."""
    index = bisect_left(starts, start, low, high)
    return index < high and starts[index] < end


def _caption(doc: Document, start: int, end: int) -> bool:
    """Whether ``doc.norm[start:end]`` holds a photo caption or credit."""
    if doc.norm.find("(", start, end) < 0:
        for word in CAPTION_HINTS:
            if doc.lower.find(word, start, end) >= 0:
                break
        else:
            return False
    return _CAPTION.search(doc.norm, start, end) is not None


# "Ningbo's Yinzhou district", "Hangzhou's Xiaoshan": the place named after its city.
_POSSESSIVE_GAP = lazy_compile(r"'s?\s")
# "the port", "this expo", "the Ningbo-based company": nothing else between (a "second
# industrial park" or "total exhibition space" is another thing).
_DEFINITE = lazy_compile(r"(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat)\s(?:[A-Z][\w-]*-based\s)?[a-z]+\Z")


def _narrowed(doc: Document, mentions: list[_Mention], index: int, figure: int) -> str:
    """The subject a mention gives: the next place that lies within it after its possessive
    ("Ningbo's Yinzhou district"), the company it describes ("Ningbo appliance maker Aux")."""
    m = mentions[index]
    if index + 1 < len(mentions) and _is_place(m.code):
        nxt = mentions[index + 1]  # (a possessive's gap begins with "'")
        gap = _POSSESSIVE_GAP.fullmatch(doc.norm, m.end, nxt.start)
        if gap is not None and nxt.end <= figure and _within_place(nxt.code, m.code):
            return nxt.code
        if nxt.end <= figure and nxt.code.startswith(("P:", "E:")) and (
                gap is not None or APPOSED_GAP.fullmatch(doc.norm, m.end, nxt.start)):
            return nxt.code  # "Ningbo's Meishan Bonded Port Area handled ...": the zone's;
            # "China's busiest port, the Port of Ningbo Zhoushan, handled ...": the port's
    return m.code


def _described(entity: re.Match[str], sentence_start: int, mentions: list[_Mention],
               starts: list[int], named: _Named) -> str:
    """A definite description ("the port", "the Ningbo-based company") stands for the
    article's platform or company of that kind named last before it; other names the
    pattern finds are a company's or a platform's the article has no record of."""
    text = entity.group()
    if not _DEFINITE.match(text):
        return _NO_REGION
    noun = text.rsplit(None, 1)[-1]
    kinds = DESCRIBED_PLATFORMS.get(noun)
    if kinds is None and noun not in DESCRIBED_COMPANIES:
        return _NO_REGION
    before = bisect_left(starts, sentence_start + entity.start())
    index = named.last_entity(before, kinds)
    return mentions[index].code if index is not None else _NO_REGION


_WITH_REGION = evolver(Metric, "region")  # (evolve(metric, region=...), faster)
_WITH_ENTERPRISE = evolver(Metric, "enterprise")
_WITH_PLATFORM = evolver(Metric, "platform")


def _about(metric: Metric, topic: str | None, text: str = "") -> Metric:
    """The metric with its subject: a region code, or a company or platform by name
    (``text``: the document's, to see what follows the figure)."""
    if topic is None:
        return metric  # (only figures with no region come here)
    if topic.isdigit() or (len(topic) == 2 and topic.isalpha() and topic.isupper()):
        # (_is_place, inlined)
        unit = metric.unit
        if unit in AREA_UNITS or unit in DURATION_UNITS:
            return metric  # "a 119.5-sq-km area", "completed in 5 months": no place's
        written = metric.span.text
        if ("-" in written and _HYPHENED.search(written)  # (a "-" in every match)
                and _MODIFIES.match(text, metric.span.end)
                and unit_table()[unit].dimension in _MEASURES):
            return metric  # "the first 1 billion-ton port": the port's measure
        return _WITH_REGION(metric, topic)  # type: ignore[no-any-return]
    kind, _, name = topic.partition(":")
    if kind == "E" and metric.enterprise is None:
        return _WITH_ENTERPRISE(metric, name)  # type: ignore[no-any-return]
    if kind == "P" and metric.platform is None:
        return _WITH_PLATFORM(metric, name)  # type: ignore[no-any-return]
    return metric


def _pending_topic(doc: Document, sentences: list[Span], mentions: list[_Mention],
                   starts: list[int], main: str | None, named: _Named) -> str | None:
    """The subject the last of ``sentences`` (with no figures) that names one names (not
    a caption's, nor a few words of a subheading's), else None."""
    for sentence in reversed(sentences):
        if len(sentence.text.split(None, 5)) < 6 or _caption(doc, sentence.start, sentence.end):
            continue
        subject = _subject(doc, sentence.start, sentence.end, mentions, starts, main, named,
                           scopes=False)
        if subject is not None:
            return subject
    return None


_NONE_PAIRED: dict[str, str] = {}  # (what _respectively gives for one figure; never changed)


def attribute_subjects(doc: Document, regions: Sequence[Region], metrics: Sequence[Metric],
                       others: Sequence[Enterprise | Platform | Initiative] = ()
                       ) -> list[Metric]:
    """The metrics with ``region`` set where it was not (a figure keeps a region an
    extractor already gave it). ``others`` are the article's companies, platforms and
    initiatives."""
    # A dateline's place ("YIWU, Zhejiang, March 3 (Xinhua) --") is no subject, but it is
    # what "the city" after it stands for.
    datelines: list[_Mention] = []
    china = "CN" if any(region.code == "CN" for region in regions) else None
    norm = doc.norm
    bodies = [at for at in find_all(norm, NATIONAL_BODIES, whole_word=True)
              if not norm.endswith("of ", 0, at)]  # ("9 percent of the nation's total")
    mentions = subject_mentions(doc, regions, others, datelines)
    starts = list(map(_START, mentions))
    main = _main_region(doc, mentions)
    named = _Named.of(doc, mentions, datelines)
    ordered = sorted(metrics, key=_SPAN_START)
    topic = main
    result: list[Metric] = []
    position = 0
    # The sentences without figures since a figure's subject was last looked for: one
    # still moves the topic ("Qingtian has deepened ..."), looked for only when a figure
    # has no subject of its own, from the last of them back (the last found is the topic).
    pending: list[Span] = []
    figure_starts = list(map(_SPAN_START, ordered))
    count = len(ordered)
    sentences = doc.sentences
    # The sentence of the next figure is the first one that ends after it begins (the
    # sentences are in text order): found by bisection, and those before it, with no
    # figure, are pending, all at once.
    ends = list(map(_END, sentences))
    last = len(sentences)
    following = 0  # (the first sentence not yet gone through)
    while position < count:
        at = bisect_right(ends, figure_starts[position], following)
        if at == last:
            break
        pending.extend(sentences[following:at])
        following = at + 1
        sentence = sentences[at]
        stop = bisect_left(figure_starts, sentence.end, position)
        figures = ordered[position:stop]
        position = stop
        respective = (_respectively(doc, sentence.start, sentence.end, figures, mentions,
                                    starts) if len(figures) > 1 else _NONE_PAIRED)
        for metric in figures:
            if metric.region is not None:
                result.append(metric)
                continue
            if norm.find("national", max(sentence.start, metric.span.start - 60),
                         metric.span.start) >= 0 and NATIONAL_BENCHMARK.search(
                    norm, max(sentence.start, metric.span.start - NATIONAL_BENCHMARK_REACH),
                    metric.span.start):
                result.append(_about(metric, china, norm))  # "the national average of ...":
                continue  # a benchmark, nationwide (the topic stays)
            subject = (respective.get(metric.id)
                       or _bracketed(norm, metric.span.start, mentions, starts)
                       or _subject(doc, sentence.start, metric.span.start, mentions, starts,
                                   main, named))
            if (subject is None and bodies and metric.kind is not MetricKind.RANK  # (a scope:
                    and bisect_left(bodies, sentence.start)  # "the country's first city")
                    < bisect_left(bodies, metric.span.start)):
                # "the State Council approved zones in 22 more cities": nationwide (the
                # topic stays)
                pending.clear()
                result.append(_about(metric, china, doc.norm))
                continue
            if subject is None:
                subject = _record_after(doc.norm, sentence, metric.span, mentions, starts,
                                        named.spaced)
                if pending and subject is None:
                    subject = _pending_topic(doc, pending, mentions, starts, main, named)
                now = topic if subject is None else subject
                if metric.unit in PLACE_AFTER_UNITS and (now is None or not _is_place(now)):
                    # "Some 900 firms make toys in Yunhe.": the place named after the
                    # count, not the company or platform the topic is; it carries on
                    subject = _place_after(doc.norm, sentence.start, sentence.end,
                                           metric.span, mentions, starts) or subject
            pending.clear()
            if subject is not None:
                topic = subject or None
            result.append(_about(metric, topic, doc.norm))
    result.extend(ordered[position:])
    return result
