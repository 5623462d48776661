"""Ingest's fast paths give what the plain ways give: lines split with control
characters replaced; sentence spans made as the boundaries are found."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zjopen.document import read_document
from zjopen.errors import InputError
from zjopen.ingest.fold import _CONTROL, _has_control, split_lines
from zjopen.ingest.segment import sentences

_CHARS = "ab A.\n\r\t\x00\x07\x0b\x0c\x1f\x7f\x1e\u2028\u2029\xa0é\ud800\udfff€😀\x80\x85"


@given(st.text(st.sampled_from(_CHARS), max_size=30) | st.text(max_size=30))
def test_split_lines_replaces_every_control_character(text: str) -> None:
    plain = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    assert split_lines(text) == plain
    assert _has_control(text) == (_CONTROL.search(text) is not None)
    ascii_text = text.encode("ascii", "ignore").decode()
    assert split_lines(ascii_text) == _CONTROL.sub(
        " ", ascii_text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")


_PIECES = ["Ningbo", "grew", "4.5%", "in", "the", "U.S.", "market.", "Co.,", "Ltd.", "No.",
           "5", "Aug.", "3", "etc.", "It", "ended.", "\"Yes.\"", "(Xinhua)", "A.", "B", "!",
           "?", "。", "杭州", "“Quote.”", "e.g.", "Mr.", "Li", "approx.", "10", "J.", "K.",
           "Transno.", "reapprox.", "Zürichno.", "ab.No.", "ÉtatsNo."]


@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=15), min_size=1,
                max_size=5))
def test_the_sentences_are_those_of_each_paragraph(paragraphs: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(words) for words in paragraphs)
    try:
        doc = read_document(text)
    except InputError:
        return
    expected = []
    for paragraph in doc.paragraphs:
        assert doc.text[paragraph.start : paragraph.end] == paragraph.text
        for start, end in sentences(paragraph.text, paragraph.start):
            expected.append((start, end, doc.text[start:end]))
    assert [(s.start, s.end, s.text) for s in doc.sentences] == expected


_LINE_ENDS = ["and", "or", "the", "their", "which", "about", "under", "Oand", "band", "x",
              "a", ",", ";", "(", "-", "–", ".", "!", "é", "über", "under.", " ", "theirs"]


@given(st.lists(st.sampled_from(_LINE_ENDS), min_size=1, max_size=6).map("".join)
       | st.lists(st.sampled_from(_LINE_ENDS), min_size=1, max_size=6).map(" ".join))
def test_a_line_continues_as_the_search_of_the_whole_line_says(line: str) -> None:
    from zjopen.ingest.fold import _CONTINUES, _CONTINUES_REACH

    tail = max(0, len(line) - _CONTINUES_REACH)
    assert bool(_CONTINUES.search(line, tail)) == bool(_CONTINUES.search(line))


_FOLDING = "ab `｀‘’“”—–\u00a0\u3000１２３，、。￥¥\u200b\ufeff é中文😀"


def test_a_character_folded_into_one_that_folds_is_folded_once() -> None:
    from zjopen.ingest.fold import _FOLD_STR, _FOLD_TARGETS, normalise

    assert {"`"} == _FOLD_TARGETS  # (from "｀")
    assert not {_FOLD_STR[char] for char in _FOLD_TARGETS} & set(_FOLD_STR)  # no chain
    assert normalise("｀` é") == "`' é"


@given(st.text(st.sampled_from(_FOLDING + "\ud800\udfff"), max_size=40) | st.text(max_size=40))
def test_the_folded_characters_are_those_the_class_finds(text: str) -> None:
    # (found in the UTF-8 left when the ASCII bytes are deleted, surrogates too)
    from zjopen.ingest.fold import _FOLDED, _folded_in

    assert _folded_in(text) == set(_FOLDED.findall(text))


@given(st.text(st.sampled_from(_FOLDING), max_size=40) | st.text(max_size=40))
def test_normalise_folds_each_character_as_the_one_by_one_replacement_does(text: str) -> None:
    from zjopen.ingest.fold import _FOLD_STR, _FOLDED, normalise

    assert normalise(text) == _FOLDED.sub(lambda match: _FOLD_STR[match.group()], text)


_CAPTION_PIECES = ["(Xinhua/Huang Zongzhi)", "(Photo by Li Wen)", "[Photo/chinadaily.com.cn]",
                   "(photo: VCG)", "[Photo]", "(Xinhua)", "(", ")", "[", "]", " ", "  ", "\t",
                   "\n", "\u3000", "\xa0", "Ningbo", "port", "(IC", "/x)", "(Photo provided to",
                   " China Daily)", "[PHOTO x]", "(xinhua / a)", "Trade."]


@given(st.lists(st.sampled_from(_CAPTION_PIECES), max_size=10).map("".join))
def test_credits_are_taken_out_as_the_credit_pattern_takes_them(line: str) -> None:
    from zjopen.ingest._photo_credits import CREDIT, without_credits

    assert without_credits(line) == CREDIT.sub("", line)


@given(st.lists(st.sampled_from([*_PIECES, "\u3000", "\n", "’ ", ".\u2029A", "!”  B"]),
                max_size=12).map(" ".join))
def test_a_paragraph_whose_one_stop_is_the_full_stop_has_the_same_boundaries(text: str) -> None:
    from zjopen.ingest.segment import _BOUNDARY, _DOT_BOUNDARY

    for stop in "!?。！？":
        text = text.replace(stop, ".")
    assert ([m.span() for m in _DOT_BOUNDARY.finditer(text)]
            == [m.span() for m in _BOUNDARY.finditer(text)])
    assert ([m.span(1) for m in _DOT_BOUNDARY.finditer(text)]
            == [m.span(1) for m in _BOUNDARY.finditer(text)])


@given(st.lists(st.sampled_from(_CAPTION_PIECES), max_size=10).map("".join))
def test_a_credit_is_found_where_the_credit_start_pattern_finds_one(line: str) -> None:
    from zjopen.ingest._photo_credits import _CREDIT_BRACKET, _CREDIT_PAREN, _CREDITS

    credit_start = re.compile(rf"\({_CREDITS}|\[Photo", re.IGNORECASE)  # the one search
    found = ("(" in line and _CREDIT_PAREN.search(line)) or (
        "[" in line and _CREDIT_BRACKET.search(line))
    assert bool(found) == bool(credit_start.search(line))


_FURNITURE_PIECES = ["Share", "this", "article", ":", "Home", ">", "News", "f t g", "F T",
                     "Related", "Stories", "Author", "Written by", "Li Wen", "Copyright",
                     "2024", "comments", "(Editor:", ")", "[Photo", "]", "Trade", "rose",
                     "Top", "Back to top", "Print", "XINHUA", "Font size:", " ", "  ", "a",
                     "b ", "HOMEPAGE", "/", "|", "Produced by", "12 Comments", "\t"]


@given(st.lists(st.sampled_from(_FURNITURE_PIECES), min_size=1, max_size=8).map(" ".join)
       | st.lists(st.sampled_from(_FURNITURE_PIECES), min_size=1, max_size=8).map("".join))
def test_an_ascii_line_is_furniture_as_the_case_blind_pattern_says(line: str) -> None:
    from zjopen.ingest.clean import _SPECIAL, _SPECIAL_ASCII

    assert line.isascii()
    got = _SPECIAL_ASCII.match(line.lower())
    want = _SPECIAL.match(line)
    assert (got is None) == (want is None)
    if got is not None and want is not None:
        assert got.span() == want.span()


def test_the_case_blind_pattern_holds_no_letter_that_ignores_case_to_ascii() -> None:
    from zjopen.ingest.clean import _SPECIAL_SOURCE

    others = {char for char in _SPECIAL_SOURCE if not char.isascii()}
    assert all(char.lower() == char.upper() for char in others)  # (none cased: 首页 › » ©)
