"""The attribution's patterns rewritten so that the regex engine skips in C to where a
match can begin (a first element that is a literal alternation or a set, not a guard's
look-ahead) find what the former patterns found: the same matches, at the same places."""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen.lexicon.patterns import guarded_compile, phrase_alt
from zjopen.link import _positions as positions
from zjopen.link._words import _SUBJECTS, ENTITY, RANK_SCOPE

_FORMER_CLAUSE = re.compile(r"(?=[,;\sBbMm])(?:"
                            r"(?:,\s|\s)(?:while|whereas)\s|,\s(?:of\swhich|among\swhich)\s"
                            r"|,\s(?:followed|trailed)\sby\s"
                            r"|;\s|\b[Bb]y\scontrast,?\s|\b[Mm]eanwhile,\s)")
_FORMER_RANK_SCOPE = guarded_compile(
    rf"(?:{phrase_alt(_SUBJECTS['rank_words'])}|[0-9](?:st|nd|rd|th))\b[^.;:,]{{0,30}}?"
    r"\b(?:in|among|across)\s(?:the\s)?\Z")
_FORMER_ENTITY = guarded_compile(
    rf"(?:\b[A-Z][\w'&.-]*\s){{1,8}}{phrase_alt(_SUBJECTS['entity_heads'])}\b"
    rf"|\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat)\s(?:[\w-]+\s){{0,4}}?"
    rf"{phrase_alt(_SUBJECTS['entity_nouns'])}\b"
    rf"(?!\s{phrase_alt(_SUBJECTS['not_after_entity_nouns'])})"
    rf"|(?:\b[A-Z][\w-]*\s){{1,4}}{phrase_alt(_SUBJECTS['named_nouns'])}\b"
    r"|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}'\s"
    r"|\b[A-Z][a-z]+\s(?!(?:Q[1-4]|H[12])\b)(?:0[0-9]{1,2}|[A-Z][0-9]{1,2})\b",
)


def _skips(pattern: re.Pattern[str]) -> bool:
    return _compiler._get_charset_prefix(_parser.parse(pattern.pattern), pattern.flags) is not None


def test_the_engine_skips_to_where_a_match_can_begin() -> None:
    assert _skips(positions._CLAUSE)
    assert _skips(RANK_SCOPE)
    assert _skips(ENTITY)


_CLAUSE_PIECES = st.sampled_from([
    " ", "  ", ",", ", ", ";", "; ", "\n", "\u00a0", "while", "whereas", "of", "among", "which",
    "followed", "trailed", "by", "By", "contrast", "contrast,", "Meanwhile", "meanwhile",
    "Meanwhile,", "x", "_", "3", "B", "M", "y", "eanwhile", "Ningbo", "é", "-",
])
_CLAUSE_TEXTS = st.lists(_CLAUSE_PIECES, max_size=30).map("".join)


@settings(max_examples=600)
@given(_CLAUSE_TEXTS, st.integers(0, 80), st.integers(0, 80))
@example(", while ", 0, 8)
@example("xBy contrast, ", 1, 14)
@example("By contrast, ", 0, 13)
@example("_Meanwhile, ", 1, 12)
@example("é meanwhile, ", 2, 13)
@example("; while x", 0, 9)
def test_the_clause_pattern_matches_where_the_former_did(text: str, start: int,
                                                         end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    assert ([m.span() for m in positions._CLAUSE.finditer(text, start, end)]
            == [m.span() for m in _FORMER_CLAUSE.finditer(text, start, end)])
    assert ([m.span() for m in positions._CLAUSE.finditer(text)]
            == [m.span() for m in _FORMER_CLAUSE.finditer(text)])


_RANK_PIECES = st.one_of(
    st.sampled_from(sorted(_SUBJECTS["rank_words"])),
    st.sampled_from([
        " ", " ", "in ", "among ", "across ", "the ", "in the ", "In ", "1st", "2nd", "3rd",
        "10th", "0th", "5st", "x", "Zhejiang", ".", ",", ";", ":", "No.", "No", "th", "s",
        "\n", "top10", "third-", "é",
    ]))
_RANK_TEXTS = st.lists(_RANK_PIECES, max_size=20).map("".join)


@settings(max_examples=600)
@given(_RANK_TEXTS, st.integers(0, 90), st.integers(0, 90))
@example("ranking the third in ", 0, 21)
@example("the 3rd largest among the ", 0, 26)
@example("x1st in ", 0, 8)
def test_the_rank_scope_matches_where_the_former_did(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    new, old = RANK_SCOPE.search(text, start, end), _FORMER_RANK_SCOPE.search(text, start, end)
    assert (new and (new.span(), new.group())) == (old and (old.span(), old.group()))
    new, old = RANK_SCOPE.search(text), _FORMER_RANK_SCOPE.search(text)
    assert (new and new.span()) == (old and old.span())


_ENTITY_PIECES = st.one_of(
    st.sampled_from(sorted({*_SUBJECTS["entity_heads"], *_SUBJECTS["entity_nouns"],
                            *_SUBJECTS["named_nouns"]})),
    st.sampled_from(sorted(_SUBJECTS["not_after_entity_nouns"])),
    st.sampled_from([
        " ", " ", " ", " ", "\n", "The", "the", "Its", "its", "This", "this", "That", "that",
        "THE", "Theo", "xthe", "Ningbo", "Zhoushan", "Geely", "Zoppas", "Zoppas'", "A&B",
        "Co.", "Ltd.", "St.", "big-", "-based", "Q1", "Q5", "H1", "H3", "007", "0", "X9",
        "X123", "In", "I", "T", "t", "i", "É", "Éa", "ß", "_", "3", "'", "'s", ",", ".", "x",
        "authorities", "areas",
    ]))
_ENTITY_TEXTS = st.lists(_ENTITY_PIECES, max_size=24).map("".join)


@settings(max_examples=1500)
@given(_ENTITY_TEXTS, st.integers(0, 60), st.integers(0, 200))
@example("The Ningbo Zhoushan Port handled", 0, 40)
@example("Zoppas' total", 0, 20)
@example("Jikrypton 007 sold", 0, 30)
@example("In Q1 the port area", 0, 30)
@example("_The port", 0, 9)
@example("éThe port", 1, 9)
@example("its fair", 0, 8)
@example("xIts fair", 1, 9)
@example("Geely Auto Group", 3, 16)
def test_the_entity_pattern_matches_what_the_former_did(text: str, start: int,
                                                        end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    for new, old in ((ENTITY.search(text), _FORMER_ENTITY.search(text)),
                     (ENTITY.search(text, start, end), _FORMER_ENTITY.search(text, start, end))):
        assert (new and (new.span(), new.group())) == (old and (old.span(), old.group()))
    assert ([m.span() for m in ENTITY.finditer(text)]
            == [m.span() for m in _FORMER_ENTITY.finditer(text)])
