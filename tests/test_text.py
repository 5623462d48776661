"""The regex helpers: a trie of words and a first-character guard match exactly what
the plain patterns match (they exist only to be faster); an alternation of words
matches the longest word that fits and refuses an empty list."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjopen.lexicon.patterns import (
    LAZY_CLASSES,
    LazyPattern,
    alt,
    guard_pattern,
    phrase,
    phrase_alt,
    trie_alternation,
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"

_WORDS = st.lists(st.text(alphabet="abn -", min_size=1, max_size=5), min_size=1, max_size=12)
_TEXT = st.text(alphabet="abnAB -.\n", max_size=60)


def _longest_first(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@given(_WORDS, _TEXT)
def test_trie_matches_what_the_longest_first_alternation_matches(words: list[str],
                                                                 text: str) -> None:
    for tail in ("", r"\b", "b", r"(?:\s?n)?\b"):
        plain = re.compile(f"(?:{_longest_first(words)}){tail}")
        trie = re.compile(f"(?:{trie_alternation(sorted(set(words)))}){tail}")
        assert [m.span() for m in trie.finditer(text)] == [
            m.span() for m in plain.finditer(text)]
        plain_i = re.compile(plain.pattern, re.IGNORECASE)
        trie_i = re.compile(trie.pattern, re.IGNORECASE)
        assert [m.span() for m in trie_i.finditer(text)] == [
            m.span() for m in plain_i.finditer(text)]


_SHAPES = [
    r"\b(?:the\s)?(?P<q>first|second)\shalf",
    r"(?:\bat least|\bno less than)\s*\Z",
    r"(?:\b[A-Z][\w'&.-]*\s){0,8}(?:Port|Zone)\b|\b(?:[Tt]he|[Ii]ts)\s(?:[\w-]+\s){0,4}?port\b",
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\s?(?P<s>billion|bn))?",
    r"(?:a|b)?(?:n|-)+b",
    r"(?<![a-z])(?:ab|ba)(?!n)",
    r"\b(?:an|a)\s\Z|(?:b\.)+",
]


_CASED_WORDS = st.lists(st.text(alphabet="aAbn -.", min_size=1, max_size=5), min_size=1,
                       max_size=16)


@given(_CASED_WORDS, st.text(alphabet="aAbnB -.\n", max_size=60))
def test_alt_matches_what_the_longest_first_alternation_matches(words: list[str],
                                                                text: str) -> None:
    """Words of the same length never match at one place with different ends, so any
    order among them finds the same matches; grouping words by first letter keeps the
    order of those that can match at one place, in any case; a word's escaped form is
    longer than that of any word it begins, so escaped fragments keep the order that
    matters too."""
    unspaced = [word for word in words if not word.startswith(" ")]  # as in a data file
    for flags in (0, re.IGNORECASE):
        for tail in ("", r"\b", "b", r"(?:\s?n)?\b"):
            def spans(alternation: str, tail: str = tail, flags: int = flags) -> list[object]:
                return [m.span() for m in re.finditer(alternation + tail, text, flags)]

            plain = spans(f"(?:{_longest_first(words)})")
            assert spans(alt(words)) == plain
            assert spans(alt(map(re.escape, words), escape=False)) == plain
            if unspaced:
                assert spans(phrase_alt(unspaced)) == spans(f"(?:{_longest_first(unspaced)})")


def _lower_pattern_by_character(pattern: str) -> str:
    """lower_pattern as first written, one character at a time: the reference."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif pattern.startswith(("(?P<", "(?P="), i):
            close = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : close + 1])
            i = close + 1
        else:
            out.append(pattern[i].lower() if pattern[i].isascii() else pattern[i])
            i += 1
    return "".join(out)


@given(st.lists(st.sampled_from(["a", "A", "Z", "\\", "(", ")", "?", "P", "<", ">", "=",
                                 "(?P<", "(?P=", "Name>", "x)", "\\A", "İ", "\n", "[", "|"]),
                max_size=14))
def test_lower_pattern_lowers_what_the_character_loop_lowers(pieces: list[str]) -> None:
    from zjopen.lexicon.patterns import lower_pattern

    pattern = "".join(pieces)
    try:
        expected = _lower_pattern_by_character(pattern)
    except ValueError:
        return  # an unclosed group name: no pattern at all
    assert lower_pattern(pattern) == expected


def test_alt_groups_words_by_first_letter() -> None:
    assert alt(["an", "a", "and", "any", "the"]) == "(?:a(?:nd|ny|n|)|the)"
    assert alt(["an", "a", "the"]) == "(?:an|a|the)"  # too few to group
    assert alt(["Like", "like", "liked", "likes"]) == "(?:liked|likes|Like|like)"  # cases apart
    assert phrase_alt(["grow*", "growth", "grew", "gain*"]) == (
        r"(?:g(?:row\w*|ain\w*|rowth|rew))")


@pytest.mark.parametrize("words", [[], [""], ["up", ""]])
def test_alt_refuses_an_empty_group(words: list[str]) -> None:
    with pytest.raises(ValueError, match="at least one word"):
        alt(words)
    with pytest.raises(ValueError, match="at least one word"):
        phrase_alt(words)


@pytest.mark.parametrize(("word", "space", "matches", "misses"), [
    ("increas*", " ", ["increase", "increasing", "increas"], ["increa"]),
    ("account* for", r"\s", ["account for", "accounting\nfor"], ["accountingfor"]),
    ("year-on-year", " ", ["year-on-year"], ["year on year"]),
    ("made up", " ", ["made up"], ["made\nup", "made  up"]),
    ("No.", " ", ["No."], ["No:"]),
])
def test_phrase(word: str, space: str, matches: list[str], misses: list[str]) -> None:
    pattern = re.compile(phrase(word, space=space))
    assert all(pattern.fullmatch(text) for text in matches)
    assert not any(pattern.fullmatch(text) for text in misses)


def test_every_data_file_says_what_it_holds() -> None:
    """Each JSON table of ``data/`` opens with an "about" saying what its lists are, and
    each of its sections (a mapping of lists) has its own."""
    from zjopen.lexicon.load import load_json

    folder = Path(__file__).resolve().parent.parent / "src" / "zjopen" / "data"
    for path in sorted(folder.glob("*.json")):
        table = load_json(path.name)
        assert isinstance(table.get("about"), str), path.name
        for name in ("figure_words.json", "link_words.json"):
            if path.name == name:
                for key, section in table.items():
                    assert key == "about" or "about" in section, (name, key)


@pytest.mark.parametrize("source", _SHAPES)
@given(text=st.text(alphabet="abnAB -.,0123456789\n", max_size=80))
def test_guard_finds_the_same_matches(source: str, text: str) -> None:
    for flags in (0, re.IGNORECASE):
        plain = re.compile(source, flags)
        guarded = re.compile(guard_pattern(source, flags), flags)
        assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)]
        for start in range(0, len(text) + 1, 7):
            a, b = guarded.search(text, start), plain.search(text, start)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize(("source", "guarded"), [
    (r"\b(?:in|of)\s", r"(?=[io])(?:\b(?:in|of)\s)"),
    (r"(?:the\s)?first", r"(?=[ft])(?:(?:the\s)?first)"),
    (r"[0-9]+ yuan", r"[0-9]+ yuan"),  # begins with a character set: the engine skips
    (r"\s(?:and|or)", r"\s(?:and|or)"),  # \s: the first characters are not listed
    (r"\A(?:the|a)\s", r"\A(?:the|a)\s"),  # anchored: one position is tried
    (r"(?:the)?", r"(?:the)?"),  # may match the empty string
    (r"(?i)\bthe", r"(?i)\bthe"),  # global inline flags stay first
])
def test_guard_table(source: str, guarded: str) -> None:
    assert guard_pattern(source) == guarded


def _texts() -> list[str]:
    folders = [SHARED / "seeds", SHARED / "dev", EXAMPLES]
    return [p.read_text(encoding="utf-8") for f in folders if f.is_dir()
            for p in sorted(f.iterdir()) if p.suffix == ".txt"]


_MODULES = ["zjopen.link.subjects", "zjopen.link.overseas", "zjopen.link._words",
            "zjopen.extract.names", "zjopen.extract.regions", "zjopen.extract.metrics",
            "zjopen.extract._figure_words", "zjopen.extract.times",
            "zjopen.quantities", "zjopen.ingest.clean", "zjopen.ingest.segment",
            "zjopen.ingest.dates", "zjopen.document", "zjopen.ingest.datelines",
            "zjopen.extract._capitalised", "zjopen.extract._cued", "zjopen.extract._kb",
            "zjopen.extract._phrases", "zjopen.extract._plans", "zjopen.extract._kinds",
            "zjopen.extract._figure_lists", "zjopen.extract._indicators", "zjopen.extract._ranks"]


def _guarded_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[re.Pattern[str], str] = {}  # each once, by the first module that has it
    for name in _MODULES:
        for attr, value in vars(importlib.import_module(name)).items():
            # compiled at import, or on first use (LazyPattern: reading .pattern compiles)
            if (isinstance(value, (re.Pattern, *LAZY_CLASSES))
                    and cast("re.Pattern[str]", value).pattern.startswith("(?=[")):
                found.setdefault(cast("re.Pattern[str]", value), f"{name}.{attr}")
    return [(name, pattern) for pattern, name in found.items()]


def test_every_guarded_pattern_of_the_extractors_matches_as_unguarded() -> None:
    patterns = _guarded_patterns()
    assert len(patterns) > 40  # the guard is in use across the extractors
    texts = _texts()
    for name, pattern in patterns:
        inner = pattern.pattern[pattern.pattern.index("])(?:") + 5 : -1]
        plain = re.compile(inner, pattern.flags)
        for text in texts:
            for case in (text, text.lower()):
                assert [m.span() for m in pattern.finditer(case)] == [
                    m.span() for m in plain.finditer(case)], name


@given(st.text(alphabet=" \t\f\va.\u00a0\n", max_size=40))
def test_line_spaces_collapse_as_runs(line: str) -> None:
    """Cleaning replaces only the runs that are not already one space, with the result
    of collapsing every run of spaces and tabs to one space."""
    from zjopen.ingest.clean import normalise_line

    assert normalise_line(line) == re.sub(r"[ \t\f\v]+", " ", line).strip()


@given(st.text(alphabet="Ab( )[/Xinhua]Photo by", max_size=50))
def test_credits_stripped_only_where_brackets_are(line: str) -> None:
    from zjopen.ingest._photo_credits import CREDIT, strip_credits

    assert strip_credits(line) == CREDIT.sub("", line).strip()



@given(st.text(alphabet="AB x\nLt.()'-", max_size=30))
def test_one_name_shortcut_splits_as_the_list_splitter(chunk: str) -> None:
    """A run without a comma, "and" or "&" is one name: the shortcut gives what the full
    list splitter gives."""
    from zjopen.extract import _capitalised

    assert _capitalised._pieces(chunk) == _capitalised._list_pieces(chunk)


@given(st.text(alphabet=st.sampled_from(list("ab `'\"“”‘’\u00a0\u3000—–、。￥\u200bＡｚ１！～é中")),
               max_size=40))
def test_folding_replaces_exactly_the_folded_characters(text: str) -> None:
    """normalise() replaces the characters it folds one by one: the same text as
    str.translate over the whole fold table."""
    from zjopen.ingest.fold import _FOLD, normalise

    assert normalise(text) == text.translate(_FOLD)


@given(st.text(alphabet="Ab1' s-\né", max_size=60))
def test_word_offsets_from_split_are_the_match_offsets(text: str) -> None:
    """The knowledge-base pass reads words and their offsets from one ``split`` (strings
    and running sums) instead of a match object per word: the same words, the same
    places."""
    import itertools

    from zjopen.extract import _kb
    from zjopen.extract._tables import WORD

    parts = _kb._WORD_SPLIT.split(text)
    ends = list(itertools.accumulate(map(len, parts)))
    words = parts[1::2]
    spans = [(ends[2 * k], ends[2 * k + 1]) for k in range(len(words))]
    assert spans == [m.span() for m in WORD.finditer(text)]
    assert words == [m.group() for m in WORD.finditer(text)]


@given(st.text(alphabet="Ab1' s-\né", max_size=60), st.integers(1, 8))
def test_text_words_read_in_pieces_are_the_words_of_the_whole(text: str, piece: int) -> None:
    """``TextWords.of`` splits a long text a piece at a time (cut before a space) and
    shares each word's string: the same words, gaps and offsets as one split of the
    whole, whatever the size of the pieces."""
    import itertools
    import unittest.mock

    from zjopen.extract import _tables

    parts = _tables.WORD_SPLIT.split(text)
    with unittest.mock.patch.object(_tables, "_PIECE", piece):
        split = _tables.TextWords.of(text)
    assert split.words == parts[1::2]
    assert split.gaps == parts[2::2]
    assert list(split.ends) == list(itertools.accumulate(map(len, parts)))


_ANCHORED = st.lists(st.sampled_from(
    ["Ningbo", " Group", " Co", " district", " county", " in ", " of ", "Beicang", " city",
     "13", " key", " policies", " Policies", " to", " build", " a", " the", " system",
     " launched", "-", "Yiwu", "-Madrid", " route", " line", " port", " expo", "Turkey",
     " free trade agreement", " FTA", "China", "-Serbia", "x", ",", ".", "\n", "  "]),
    max_size=40)


@given(_ANCHORED)
def test_anchored_searches_find_what_the_whole_text_search_finds(pieces: list[str]) -> None:
    """Patterns searched only around their rare anchor words (``find_all`` and
    ``word_windows``, or the hyphen and head windows) find exactly the matches a search
    of the whole text finds."""
    from zjopen.extract import _phrases, regions
    from zjopen.extract._tables import word_tables
    from zjopen.lexicon.patterns import ascii_lower, find_all, word_windows

    text = "".join(pieces)
    words = word_tables()

    def spans(pattern: re.Pattern[str], windows: list[tuple[int, int]]) -> list[object]:
        return [m.span() for low, high in windows for m in pattern.finditer(text, low, high)]

    cases = [
        (regions._MISSPELT, word_windows(
            text, find_all(text, ("district", "county"), after_space=True), 1, 4)),
        (regions._NAMED, word_windows(
            text, find_all(text, regions._NAMED_SUFFIXES, after_space=True), 1, 1)),
        (words.package, word_windows(text, find_all(
            ascii_lower(text), words.package_nouns, after_space=True), 3, 7)),
        (words.introduced, word_windows(
            text, find_all(text, words.system_heads, after_space=True), 9, 2)),
        (_phrases._HYPHEN_ROUTE, _phrases._hyphenated(text)),
        (_phrases._PAIR_AGREEMENT, _phrases._hyphenated(text)),
        (_phrases._LOWER_HEAD, word_windows(
            text, find_all(text, tuple(_phrases._LOWER_KINDS), after_space=True), 3, 2)),
    ]
    for pattern, windows in cases:
        assert spans(pattern, windows) == [m.span() for m in pattern.finditer(text)], (
            pattern.pattern[:40])


def test_lazy_pattern_compiles_on_first_use_and_matches_as_compiled() -> None:
    lazy = LazyPattern(re.compile, r"(?P<word>[a-z]+)", re.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled yet
    plain = re.compile(r"(?P<word>[a-z]+)", re.IGNORECASE)
    text = "Two Words, 3 more"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert "search" in vars(lazy)  # compiled once, kept
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        plain.pattern, plain.flags, plain.groups, plain.groupindex)
    assert lazy.sub("w", text) == plain.sub("w", text)
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018


def _all_lazy_patterns() -> list[tuple[str, re.Pattern[str]]]:
    import pkgutil

    import zjopen

    found = []
    for info in pkgutil.walk_packages(zjopen.__path__, "zjopen."):
        if info.name.endswith(("__main__", ".dask")):
            continue
        module = importlib.import_module(info.name)
        found += [(f"{info.name}.{attr}", cast("re.Pattern[str]", value))
                  for attr, value in vars(module).items() if isinstance(value, LAZY_CLASSES)]
    return found


def test_every_lazy_pattern_compiles() -> None:
    """A pattern compiled on first use would show a mistake only when a text first needs
    it: every module-level one is compiled here."""
    patterns = _all_lazy_patterns()
    assert len(patterns) > 100
    for name, lazy in patterns:
        assert isinstance(lazy.pattern, str), name  # reading an attribute compiles it


_PLACE_WORDS = ["Ningbo", "ningbo", "Zhejiang's", "People's", "Republic", "of", "China",
                "china's", "New", "York", "the", "Yiwu-Madrid", "U.S.", "Hong", "Kong",
                "杭州", "exports", "Haitian", "Group", "'s", "Xi'an", "Jiangbei"]


@given(st.lists(st.sampled_from(_PLACE_WORDS), max_size=12),
       st.lists(st.sampled_from([" ", " ", "-", ", ", " - ", "."]), min_size=12, max_size=12))
def test_sentences_skipped_by_the_region_pass_hold_no_place(words: list[str],
                                                            gaps: list[str]) -> None:
    """The region pass looks only at the words that can begin a place name (capitalised,
    beginning a name of the gazetteer): starting from every word finds no more."""
    from zjopen.extract import _region_words as regions

    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    found = regions.Words(text)
    every = [i for i, word in enumerate(found.texts)  # (a place begins capitalised)
             if word[:1].isupper() or not word[:1].isascii()]
    assert set(found.candidates) <= set(every)
    count = len(found.starts)
    assert (list(regions.matches(text, found, 0, count, every))
            == list(regions.matches(text, found, 0, count, found.candidates)))
