"""Shortcuts of the name pass that must find exactly what the longer way finds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen.extract import _capitalised, names
from zjopen.extract._capitalised import chains
from zjopen.extract._tables import Found, TextWords, words_of
from zjopen.lexicon.patterns import trie_alternation

_ABBREVIATIONS = ["JXEDZ", "FTZ", "CEEC", "China-CEEC Expo", "Expo", "HEDA", "A", "AB"]


@given(st.lists(st.sampled_from(_ABBREVIATIONS), min_size=1, unique=True),
       st.lists(st.sampled_from([*_ABBREVIATIONS, " ", "-", "x", "_", "é", "(", ")", "9"]),
                max_size=20).map("".join))
def test_abbreviation_uses_are_the_look_behind_search(defined: list[str], text: str) -> None:
    table = {a: Found("platform", a, 0, len(a)) for a in defined}
    whole = re.compile(rf"(?<![\w-])(?:{trie_alternation(list(table))})(?![\w-])")
    expected = [(m.group(), m.start(), m.end()) for m in whole.finditer(text)]
    found = [(f.name, f.start, f.end) for f in names._abbreviations(text, table)]
    assert found == expected


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["FTZ", "Free", "free", "Trade", "trade", "Zone", "zone",
                                 " ", "\n", "x", "-", "_", "é", "9"]), max_size=12).map("".join))
def test_the_free_trade_zone_test_is_the_search(text: str) -> None:
    assert names._ftz(text) == (names._FTZ.search(text) is not None)


# Words of capitalised runs: heads of each kind, a bank's and a port's first words, the
# knowledge base's names' first words, connectors and what runs begin inside of.
_RUN_WORDS = ["News\n\n", "Fooxin", "xPort", "Group", "Co.", "Ltd", "Zone", "Port", "Bank",
              "of", "and", "&", "the", "for", "Ningbo", "Zhejiang", "Geely", "Alibaba", "Holley",
              "Initiative", "Park", "Properties", "Steel", "Town", "Fintech", "Xinzhou", "New",
              "Area", "(FTZ)",
              "The", "A", "ABC", "eBay", "rock'N", "d'Or", "2023", "Zhejiang-based",
              "China's", "Mobile", "Air", "Co", ",", ", ", " ", "\n", ".", "x", "é"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_RUN_WORDS), max_size=24).map(" ".join),
       st.lists(st.sampled_from(_RUN_WORDS), max_size=12).map("".join))
@example("News\n\nIt hosts Alibaba, Fooxin and Barlong today.", "")  # a known name's list
@example("News\n\nIt hosts China Mobile, Fooxin and Air China.", "")  # known names of two words
@example("Investors such as xPort of Ningbo Hai came.", "")  # a run begun inside a word
def test_runs_without_a_head_word_are_skipped_safely(spaced: str, joined: str) -> None:
    """The capitalised runs left out for holding no head word (nor a list with a known
    name's first word) change nothing: the pass finds what it finds reading every run."""
    from zjopen.document import read_document
    from zjopen.errors import InputError

    for text in (spaced, joined, spaced + ". " + joined):
        try:
            doc = read_document(text)
        except InputError:
            continue  # no article

        split = TextWords.of(doc.norm, names._looked_up())
        fast = list(names._pattern_matches(doc, split))
        with patch.object(names, "chains", _every_run):
            slow = list(names._pattern_matches(doc, split))
        assert fast == slow




def _every_run(text: str, *skipped: object) -> Iterator[tuple[int, int, int | None]]:
    """The runs of ``text``, none left out."""
    return chains(text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Group", "s", "'", "'s", " ", "\n", "x", "A", "9", "é", "-",
                                 ".", ",", "(", ")", "Co", "Port"]), max_size=16).map("".join))
def test_a_runs_last_word_is_read_from_after_its_last_space(name: str) -> None:
    """:func:`classify` reads a run's last word from what follows its last space: the
    same last word as all its words', when that holds one."""
    last = _capitalised._last_word(name[name.rfind(" ") + 1 :])
    tokens = words_of(name)
    assert last == "" or last == tokens[-1]
    if tokens and not last:
        assert " " in name


# Words of runs and of what lies between them: small words that begin a connector and
# that do not (where the windowed scan takes up), heads, known names' first words,
# banks, runs begun inside a word ("eBay", "1Group", "Abc(Zhejiang)"), abbreviations.
_AROUND_WORDS = [*_RUN_WORDS, "is", "with", "said", "built", "de", "for", "on", "to", "a",
                 "Bankers", "iPhone", "abc", "(Zhejiang)", "(Fooxin)", "(", ")", "Co., Ltd.",
                 "U.S.", "Inc.", "\n\n", '"', ";", "1", "1Group", "H1N1", "de'", "'s", "  ", "\t"]


def _numbered(runs: Iterator[tuple[int, int, int | None]]) -> list[tuple[int, int, int | None]]:
    """The runs with each list's number made the order in which its first piece comes
    (the numbers of two scans of the same runs differ: each counts what it reads)."""
    order: dict[int, int] = {}
    return [(start, end, None if listed is None else order.setdefault(listed, len(order)))
            for start, end, listed in runs]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_AROUND_WORDS), max_size=30).map(" ".join),
       st.lists(st.sampled_from(_AROUND_WORDS), max_size=16).map("".join),
       st.data())
@example("It hosts Alibaba, Fooxin and Barlong today.", "", None)  # a known name's list
@example("Investors such as xPort of Ningbo Hai came.", "", None)  # begun inside a word
@example("The Abc(Zhejiang) Group, Ltd and the is", "", None)  # an aside after a word
@example("We met abc(Fooxin) Xinzhou today.", "", None)  # the same, nothing else kept
@example("We met Bankers Fooxin today.", "", None)  # a bank's word in no head word
def test_runs_read_around_their_places_are_the_whole_scans(spaced: str, joined: str,
                                                           data: st.DataObject | None) -> None:
    """The runs read only around the places a kept run holds (:func:`places`) are the
    ones the scan of the whole text keeps; and around any places, every run the whole
    scan reads that reaches past one of them, and no other run."""
    from zjopen.extract import _chain_windows
    from zjopen.extract._capitalised import _SKIPPED_CHAIN, head_words

    for text in (spaced, joined, spaced + ". " + joined, joined + " " + spaced):
        split = TextWords.of(text, names._looked_up())
        heads = list(map(split.start, split.find(head_words())))
        around, marked = _chain_windows.places(text, split, heads, None)
        assert around is not None
        assert (_numbered(chains(text, heads, around, marked))
                == _numbered(chains(text, heads)))
        whole = [m.span(1) for m in _SKIPPED_CHAIN.finditer(text) if m.start(1) >= 0]
        wanted = sorted(set(data.draw(st.lists(st.integers(0, max(len(text) - 1, 0)),
                                               max_size=6)))) if data else around
        read = [m.span(1) for m in _chain_windows.runs_around(
            _SKIPPED_CHAIN, text, _chain_windows.marks(text), wanted)]
        assert set(read) <= set(whole)
        assert read == sorted(set(read))  # in order, each once
        assert {run for run in whole if any(run[0] <= p < run[1] for p in wanted)} <= set(read)
