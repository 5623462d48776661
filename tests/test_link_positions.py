"""The attribution's per-article look-ups (zjopen.link._positions) find what the plain
searches they stand for find: a literal test before a pattern, a search from a
position kept for the next figure."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen.lexicon.patterns import phrase_alt
from zjopen.link import _positions as positions

_PIECES = st.sampled_from([
    " ", ", ", "; ", ";", ",", "\n", "while", "whereas", "of", "among", "which", "followed",
    "trailed", "by", "By", "contrast", "Meanwhile", "meanwhile", "where", "Ningbo", "rose",
    "3%", "x", "W", "wh", "ile", "\u00a0",
])
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


def _plain_clause_start(text: str, start: int, figure: int) -> int:
    begin = start
    for match in positions._CLAUSE.finditer(text, start, figure):
        begin = match.end()
    return begin


@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_a_clause_starts_where_the_plain_search_finds_it(text: str, start: int,
                                                         figure: int) -> None:
    start, figure = min(start, len(text)), min(figure, len(text))
    assert positions._clause_start(text, start, figure) == _plain_clause_start(text, start, figure)


@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_the_last_where_is_the_plain_searchs_last(text: str, start: int, figure: int) -> None:
    start, figure = min(start, len(text)), min(figure, len(text))
    found = positions._last_where(text, start, figure)
    plain = list(positions._WHERE.finditer(text, start, figure))
    assert (found.span() if found else None) == (plain[-1].span() if plain else None)


@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_the_clause_words_are_found_as_the_windowed_search_finds_them(
        text: str, start: int, end: int) -> None:
    from zjopen.document import read_document

    doc = read_document("Title\n\n" + text)
    start, end = min(start, len(doc.norm)), min(end, len(doc.norm))
    found = positions._CLAUSE_WORDS.search(doc.norm, start, end) is not None
    assert positions._Named.of(doc, []).may_have_clause(start, end) == found


@given(st.lists(st.sampled_from(["As", "the", "core", "of", "Ningbo", ",", " ", "Thanks",
                                  "to", "Thanks to", "x", "With", "In addition to", "In"]),
                max_size=12).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_an_opener_begins_with_one_of_its_words(text: str, start: int, end: int) -> None:
    from zjopen.link._words import OPENER, OPENER_WORDS

    if OPENER.match(text, start, end):
        assert text.startswith(OPENER_WORDS, start, end)


def test_the_clause_literals_are_the_clause_words() -> None:
    for word in positions._CLAUSE_LITERALS:
        assert positions._CLAUSE_WORDS.fullmatch(word), word
    assert len(positions._CLAUSE_LITERALS) == positions._CLAUSE_WORDS.pattern.count("|") + 1


def test_every_clause_holds_one_of_its_words() -> None:
    # The literal test's words, each whole in every match of _CLAUSE's alternatives.
    for sample in ["a, while b", "a while b", "a, whereas b", "a, of which b",
                   "a, among which b", "a, followed by b", "a, trailed by b", "a; b",
                   "By contrast b", "by contrast, b", "Meanwhile, b", "meanwhile, b"]:
        match = positions._CLAUSE.search(sample)
        assert match is not None, sample
        assert positions._CLAUSE_WORDS.search(sample, match.start(), match.end()), sample


# Mostly words that trigger nothing, so that a window holds one trigger or none.
_PLAIN_TOKENS = st.sampled_from([
    "The", "the", "its", "This", "that", "Ningbo", "Zhoushan", "Geely", "Zoppas", "007", "X9",
    "Q1", "H1", "3", "exports", "area", "big-", "rose", "In", "Jikrypton 007", "Zoppas'",
])
_ENTITY_TOKENS = st.one_of(_PLAIN_TOKENS, _PLAIN_TOKENS, _PLAIN_TOKENS,
                           st.sampled_from(sorted(positions._TRIGGER_WORDS)))
_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "' ", "'s ", ". ", ", ", "", "-", "'"])
_ENTITY_TEXTS = st.lists(st.tuples(_ENTITY_TOKENS, _SEPARATORS), max_size=8).map(
    lambda pairs: "".join(token + separator for token, separator in pairs))


_FORMER_TRIGGERS = re.compile(
    rf"[\s'](?:(?<=\s)(?:{phrase_alt(positions._TRIGGER_WORDS)}\b|0[0-9]|[A-Z][0-9])"
    r"|(?<=')\s)")


@settings(max_examples=400)
@given(_ENTITY_TEXTS, st.integers(0, 12), st.integers(0, 60))
def test_the_triggers_match_where_the_former_pattern_does(text: str, start: int,
                                                          end: int) -> None:
    # (the words grouped by first character, not in one flat alternation)
    start, end = min(start, len(text)), min(end, len(text))
    assert ((positions._TRIGGERS.search(text, start, end) is None)
            == (_FORMER_TRIGGERS.search(text, start, end) is None))


def _may_name_entity(text: str, start: int, end: int) -> bool:
    from zjopen.document import read_document

    doc = read_document("Title\n\n" + text)
    offset = doc.norm.index(text[:1]) if text else 0
    return positions._Named.of(doc, []).may_name_entity(offset + start, offset + end)


@pytest.mark.parametrize("text", [
    "Ningbo Zhoushan Port handled", "The port handled", "Geely Auto Group sold",
    "Zoppas' total investment", "Jikrypton 007 sold", "Meishan Bonded zone grew", "this expo drew",
    "Top Co. Ltd. sold",
])
def test_each_kind_of_entity_has_its_trigger(text: str) -> None:
    from zjopen.link._words import ENTITY

    assert ENTITY.search(text)
    assert _may_name_entity(text, 0, len(text))


@settings(max_examples=300)
@given(_ENTITY_TEXTS, st.integers(0, 12), st.integers(0, 12))
def test_the_entity_pattern_runs_wherever_it_can_match(text: str, start: int,
                                                      cut: int) -> None:
    # (a window of the text, from near its start to near its end)
    from zjopen.document import read_document
    from zjopen.link._words import ENTITY

    doc = read_document("Title\n\n" + text)
    start = min(start, len(doc.norm))
    end = max(start, len(doc.norm) - cut)
    if ENTITY.search(doc.norm[start:end]):
        assert positions._Named.of(doc, []).may_name_entity(start, end)


@given(_ENTITY_TEXTS, st.integers(0, 12), st.integers(0, 12), st.integers(0, 200))
def test_an_entity_before_a_place_has_its_trigger_before_it(text: str, start: int, cut: int,
                                                            place: int) -> None:
    # A figure's subject: the entity pattern's first match counts before the first place
    # only, so its trigger is looked for up to that place (and one character past it).
    from zjopen.document import read_document
    from zjopen.link._words import ENTITY

    doc = read_document("Title\n\n" + text)
    start = min(start, len(doc.norm))
    end = max(start, len(doc.norm) - cut)
    place = min(start + place, end - 1)
    entity = ENTITY.search(doc.norm[start:end])
    if entity and place >= 0 and start + entity.end() <= place:
        assert positions._Named.of(doc, []).may_name_entity(start, place + 1)


_SCOPE_PIECES = st.sampled_from([
    " ", "\n", "in", "In", "IN", "in the ", "throughout the ", "Across the\n", "across",
    "than", "from", "to", "with", "among", "throughout",
    "the", "The", "ranking", "ranked", "third", "1st", "top", "No.", "No", ",", ".", "Zhejiang",
    "x", "\u0131n", "\u017fix",
])
_SCOPE_TEXTS = st.lists(_SCOPE_PIECES, max_size=25).map("".join)


@given(_SCOPE_TEXTS, st.integers(0, 30))
def test_a_scope_is_found_as_the_whole_search_finds_it(text: str, start: int) -> None:
    from zjopen.link._words import SCOPE
    from zjopen.link.subjects import _scoped

    start = min(start, len(text))
    for end in range(start, len(text) + 1):
        assert _scoped(text, start, end) == (SCOPE.search(text, start, end) is not None)


@given(_SCOPE_TEXTS | st.lists(st.sampled_from(["2", "3rd", "th", "nd", "est", "larg", "op",
                                                  "t", "No", ".", " in ", "Ningbo", ", "]),
                                 max_size=20).map("".join))
@example("ranked 3rd in ")
@example("the busiest port in ")
@example("top in the ")
def test_a_ranking_is_looked_for_where_a_rank_word_or_an_ordinal_stands(text: str) -> None:
    from zjopen.link._words import RANK_SCOPE, ranked

    for start in range(0, len(text) + 1, 3):
        for end in range(start, len(text) + 1):
            assert ranked(text, start, end) == (RANK_SCOPE.search(text, start, end) is not None)


@given(_SCOPE_TEXTS)
def test_a_ranking_scope_ends_with_its_words(text: str) -> None:
    from zjopen.link._words import RANK_SCOPE, RANK_SCOPE_ENDS

    for end in range(1, len(text) + 1):
        if RANK_SCOPE.search(text, max(0, end - 60), end):
            assert text[end - 1].isspace()
            assert text.endswith(RANK_SCOPE_ENDS, 0, end - 1)


_CAPTION_PIECES = st.sampled_from([
    " ", "This", "this", "photo", "Photo", "taken", "file", "Aerial", "aerial", "(", ")",
    "Xinhua", "IC", "VCG", "/", "photos", "x",
])


@given(st.lists(_CAPTION_PIECES, max_size=12).map("".join))
def test_a_caption_is_found_as_the_whole_search_finds_it(text: str) -> None:
    from zjopen.document import read_document
    from zjopen.link._words import CAPTION
    from zjopen.link.subjects import _caption

    doc = read_document("Title\n\n" + text)
    for start in range(len(doc.norm) + 1):
        for end in range(start, len(doc.norm) + 1):
            found = CAPTION.search(doc.norm, start, end) is not None
            assert _caption(doc, start, end) == found


_SENTENCES = st.sampled_from([
    "Ningbo's exports rose 5 percent to 20 billion yuan in 2023.",
    "Qingtian has deepened its ties with European buyers over the past decade.",
    "Photo taken on March 3 shows the port of Ningbo Zhoushan at dusk.",
    "The city's imports grew 3.2 percent.", "Sales rose 12 percent.",
    "Geely Auto Group sold 1.2 million cars last year, up 8 percent.",
    "Exports to Germany reached 3 billion dollars.",
    "In Zhoushan, the picture was different for most of the local firms.",
    "Yiwu and Jinhua exported 820 and 560 billion yuan respectively.",
    "Trade with the United States fell by 2 percent in the first half.",
    "The port handled 30 million containers, while Taizhou's trade grew 6 percent.",
    "Short line.", "Huzhou remains a hub for the textile trade in the region.",
])


@given(st.lists(_SENTENCES, min_size=1, max_size=8))
@example(["Qingtian has deepened its ties with European buyers over the past decade.",
          "Huzhou remains a hub for the textile trade in the region.", "Sales rose 12 percent."])
def test_sentences_without_figures_move_the_topic_as_when_each_was_looked_at(
        sentences: list[str]) -> None:
    # Their subjects are looked for only when a figure has none of its own (lazily, from
    # the last back); the old loop looked at each, in order.
    from zjopen.document import read_document
    from zjopen.extract.metrics import extract_metrics
    from zjopen.extract.names import extract_names
    from zjopen.extract.regions import extract_regions
    from zjopen.link import subjects as S  # noqa: N812
    from zjopen.link._subject_mentions import subject_mentions
    from zjopen.link.merge import merge_region_records
    from zjopen.model import Enterprise, Initiative, Platform, Region

    doc = read_document("Zhejiang trade\n\n" + " ".join(sentences))
    regions = merge_region_records(extract_regions(doc))
    others = [r for r in extract_names(doc) if isinstance(r, (Enterprise, Platform, Initiative))]
    metrics = extract_metrics(doc)
    assert all(isinstance(r, Region) for r in regions)
    mentions = subject_mentions(doc, regions, others)
    starts = [m.start for m in mentions]
    main = S._main_region(doc, mentions)
    datelines = [positions._Mention(span.start, span.end, region.code) for region in regions
                 if region.code is not None and region.code.isdigit()
                 for span in region.mentions if span.text.isupper() and len(span.text) > 3]
    named = positions._Named.of(doc, mentions, datelines)
    ordered = sorted(metrics, key=lambda m: m.span.start)
    topic, expected, position = main, [], 0
    for sentence in doc.sentences:
        figures = []
        while position < len(ordered) and ordered[position].span.start < sentence.end:
            figures.append(ordered[position])
            position += 1
        if not figures:
            if len(sentence.text.split()) < 6 or S._caption(doc, sentence.start, sentence.end):
                continue
            subject = S._subject(doc, sentence.start, sentence.end, mentions, starts, main,
                                 named, scopes=False)
            if subject is not None:
                topic = subject or None
            continue
        respective = S._respectively(doc, sentence.start, sentence.end, figures, mentions,
                                     starts)
        for metric in figures:
            if metric.region is not None:
                expected.append(metric)
                continue
            subject = respective.get(metric.id) or S._subject(
                doc, sentence.start, metric.span.start, mentions, starts, main, named)
            if subject is not None:
                topic = subject or None
            expected.append(S._about(metric, topic, doc.norm))
    expected.extend(ordered[position:])
    assert S.attribute_subjects(doc, regions, metrics, others) == expected


@settings(max_examples=500)
@given(_ENTITY_TEXTS, st.lists(st.tuples(st.integers(0, 6), st.integers(0, 90)), max_size=12))
@example("Top Ports rose", [(0, 9), (0, 14), (0, 8), (0, 10)])  # ("Port" cut from "Ports")
@example("A Portsmouth Port", [(0, 6), (0, 12), (0, 17), (0, 6)])
def test_the_triggers_windows_from_one_start_find_what_the_search_finds(
        text: str, windows: list[tuple[int, int]]) -> None:
    # Each window searched again only where an earlier one from its start left open: the
    # same answer as a search of the whole window, in any order of windows.
    _assert_windows_find_what_the_search_finds(text, windows)


def _assert_windows_find_what_the_search_finds(text: str,
                                               windows: list[tuple[int, int]]) -> None:
    named = positions._Named(text)
    for start, end in windows:
        start, end = min(start, len(text)), min(end, len(text))
        expected = positions._TRIGGERS.search(text, start, end) is not None
        assert named.may_name_entity(start, end) == expected, (start, end)


def test_no_trigger_is_longer_than_its_span() -> None:
    import importlib

    parser = importlib.import_module("re._parser")  # (the widest match, as re reckons it)

    widest = parser.parse(positions._TRIGGERS.pattern).getwidth()[1]
    assert widest <= positions._TRIGGER_SPAN


def test_the_white_space_of_ascii_is_the_space_the_line_break_and_the_odd_ones() -> None:
    # (what _SPACED_TRIGGERS's choice rests on: no other ASCII character is "\s")
    spaces = {chr(code) for code in range(128) if re.match(r"\s", chr(code))}
    assert spaces == {" ", "\n", *positions._ODD_SPACES}


# White space of every kind, apostrophes and non-ASCII letters between the words.
_ANY_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "' ", "'", ". ", ", ", "", "-", "\t",
                                   "\x1c", "\r", "\u00a0", "\u2000", " \u00e9", "\u3000", "'\n"])
_ANY_TEXTS = st.lists(st.tuples(_ENTITY_TOKENS, _ANY_SEPARATORS), max_size=8).map(
    lambda pairs: "".join(token + separator for token, separator in pairs))


@settings(max_examples=500)
@given(_ANY_TEXTS, st.integers(0, 40), st.integers(0, 90))
@example("Top Port rose", 0, 8)
@example("A 007 and Q1 sales", 0, 18)
@example("Top Ports rose", 0, 8)
@example("Top\tPort rose", 0, 13)
def test_the_spaced_triggers_match_where_the_triggers_do(text: str, start: int,
                                                          end: int) -> None:
    # In a window with no white space but the space and no apostrophe, the same matches.
    start, end = min(start, len(text)), min(end, len(text))
    window = text[start:end]
    if "'" in window or any(char.isspace() and char != " " for char in window):
        return
    spaced = positions._SPACED_TRIGGERS.search(text, start, end)
    plain = positions._TRIGGERS.search(text, start, end)
    assert (spaced.span() if spaced else None) == (plain.span() if plain else None)


@settings(max_examples=500)
@given(_ANY_TEXTS, st.lists(st.tuples(st.integers(0, 6), st.integers(0, 90)), max_size=12))
@example("Top Ports\trose", [(0, 9), (0, 14), (0, 8), (0, 10)])
@example("A Port\u00a0Zone", [(0, 6), (0, 11), (0, 3)])
@example("Its' Port", [(0, 4), (0, 5), (0, 9)])
def test_the_triggers_windows_of_any_text_find_what_the_search_finds(
        text: str, windows: list[tuple[int, int]]) -> None:
    # (texts with white space of other kinds and apostrophes: _TRIGGERS searched there)
    _assert_windows_find_what_the_search_finds(text, windows)


_AFTER_PIECES = st.sampled_from([
    " ", " ", "at", " at ", "that", "At", "\n", "\t", "\u00a0", "the", "Port", "Expo", ",", "30",
    "TEUs", "handled", "x",
])


@settings(max_examples=400)
@given(st.lists(_AFTER_PIECES, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 40))
@example("30 TEUs at Ningbo Port", 2, 8)
@example("30 TEUs\tat Ningbo Port", 2, 8)
@example("30 TEUs at\nNingbo Port", 2, 8)
def test_a_record_after_a_figure_is_found_as_by_the_pattern(text: str, figure: int,
                                                            place: int) -> None:
    # In a text whose one white space character is the space (but line breaks), " at "
    # found by str.find stands for the pattern's match.
    from zjopen.link._respectively import _record_after
    from zjopen.model import Span

    figure = min(figure, len(text))
    end = min(len(text), figure + 1 + place)
    sentence, span = Span(0, len(text), text), Span(figure, figure, "")
    mentions = [positions._Mention(end, len(text), "P:Ningbo Port", "port")]
    spaced = positions._Named(text).spaced
    found = _record_after(text, sentence, span, mentions, [end], spaced)
    assert found == _record_after(text, sentence, span, mentions, [end])
    if text == "30 TEUs at Ningbo Port" and (figure, end) == (2, 11):
        assert found == "P:Ningbo Port"


@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
@example("a, followed by b", 0, 16)
@example("a; b", 0, 3)
def test_a_clause_search_ended_after_the_last_clause_word_finds_the_same(
        text: str, start: int, figure: int) -> None:
    # (subjects._subject's search: from before the first clause word from the start on, to
    # _CLAUSE_TAIL after the last that ends by the figure)
    import bisect

    start, figure = min(start, len(text)), min(figure, len(text))
    named = positions._Named(text)
    at = bisect.bisect_left(named.clause_starts, start)
    if at == len(named.clause_starts) or named.clause_ends[at] > figure:
        return
    last = named.clause_ends[bisect.bisect_right(named.clause_ends, figure) - 1]
    found = positions._clause_begins(text, start, figure, named.clause_starts[at], last)
    assert found == _plain_clause_start(text, start, figure)
