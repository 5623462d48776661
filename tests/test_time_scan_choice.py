"""The time scans chosen for a sentence by the runs of letters it holds
(:func:`zjopen.extract.times._time_scans`, each of the entries of one group whose keys
are there), searched side by side (:func:`zjopen.extract.times._time_matches`), find what
the scan with all the entries finds: the same matches, with the same groups. And each
scan, behind its look-ahead for the entries' first characters, finds from every
position what it finds without one."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract._time_groups import GROUPS as _GROUPS
from zjopen.extract._time_groups import MONTHS as _MONTHS
from zjopen.extract._time_groups import groups as _groups
from zjopen.extract._time_scanner import scanner, side_by_side
from zjopen.extract.times import (
    _AGO,
    _COUNT,
    _ENTRIES,
    _ORDINAL,
    _TIME,
    _YEAR_ONLY,
    _time_matches,
    _time_scans,
    find_times,
)
from zjopen.lexicon.patterns import ascii_lower, lower_pattern

# The words of the entries, and words that hold them or a key inside them.
_PIECES = [
    "between", "from", "by", "before", "until", "through", "q", "h", "first", "this", "last",
    "next", "previous", "past", "ago", "later", "day", "since", "present", "currently", "now",
    "date", "far", "today", "nowadays", "then", "so", "same", "end", *_MONTHS, *_ORDINAL,
    *_COUNT, *list(_AGO)[:12],
    "the", "end", "of", "to", "and", "through", "in", "for", "during", "at", "as", "so", "same",
    "that", "ever", "then", "year", "years", "month", "months", "quarter", "quarters",
    "quarterly", "half", "halfway", "behalf", "on", "over", "within", "decade", "yuan", "tons",
    "q1", "q4", "q5", "h1", "h2", "2023", "2030", "1999", "19", "20", "5", "12", "nearby",
    "today", "holiday", "nowadays", "know", "farm", "update", "market", "mayor", "novel",
    "sept.", "mar.", "agos", "x", "é", "Q1", "March", "By", "From", "Last", "second half",
    "the second halfway", "2nd quarter", "third quarterly", "4th quarters", "second half of",
]
_GAPS = st.sampled_from([" ", " ", " ", "", "-", ".", ",", "\n", "é", "1", "s", "(", ")"])
_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from(_PIECES), _GAPS), max_size=12).map(
        lambda items: "".join(piece + gap for piece, gap in items)),
    st.text(alphabet=st.sampled_from("byfromq1h2 marchjundeyst.é0-9"), max_size=30))


def _found(match: re.Match[str] | None) -> tuple[object, ...] | None:
    if match is None:
        return None
    return match.span(), match.lastgroup, tuple(
        (name, value) for name, value in match.groupdict().items() if value is not None)


def _scanned(scan: re.Pattern[str], spaced: str) -> list[tuple[object, ...] | None]:
    """The matches of ``scan`` as find_times went through them before: each searched for
    from the character before the last one's end."""
    found, end = [], 0
    while (match := scan.search(spaced, end)) is not None:
        found.append(_found(match))
        end = match.end() - 1
    return found


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_chosen_scans_find_what_the_full_scan_finds(text: str) -> None:
    lowered = ascii_lower(text)
    assert [_found(match) for match in _time_matches(lowered)] == _scanned(
        _TIME, " " + lowered), text


def test_the_choice_examples() -> None:
    assert _time_scans("nearby farm and holiday") == ()
    assert _time_scans("in 2023") == (_YEAR_ONLY[0],)
    assert _time_scans("in 2023", plain=True) == (_YEAR_ONLY[1],)
    assert len(_time_scans("by march 2030")) == 2
    assert len(_time_scans("first quarterly")) == len(_time_scans("second halfway")) == 1
    assert _time_scans("first quarterly") == _time_scans("q1")


def _unguarded(names: set[str]) -> re.Pattern[str]:
    """The scan of the entries ``names`` and "year" as it was written before the guard."""
    source = "|".join(f"(?:{pattern}\n)(?P<e_{name}>)" for name, pattern, _ in _ENTRIES
                      if name in names or name == "year")
    return re.compile(r"\W(?:" + lower_pattern(source) + ")", re.VERBOSE)


def _single(text: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The scan chosen where ``text`` holds one group's words, and its entries' unguarded
    scan."""
    (scan,) = _time_scans(text)
    (group,) = _groups(text)
    return scan, _unguarded(set(_GROUPS[group]))


_SCANS = [(_TIME, _unguarded({name for name, _, _ in _ENTRIES})),
          (_YEAR_ONLY[0], _unguarded(set())),
          *(_single(text) for text in ("by 2030", "q", "march", "last year", "now"))]


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_each_scan_finds_what_it_finds_without_its_guard(text: str) -> None:
    spaced = " " + ascii_lower(text)
    for guarded, unguarded in _SCANS:
        for start in range(len(spaced) + 1):
            assert _found(guarded.search(spaced, start)) == _found(
                unguarded.search(spaced, start)), (text, start, guarded.pattern[:40])


# Entries that match at one place in several ways, to hold side_by_side to the one scanner
# where its tie-break decides (the time entries of two groups never begin at one place).
_OVERLAPPING = [("x", r"\bab\b"), ("y", r"\ba"), ("z", r"\bb+a?"), ("w", r"\b[ab]{2}"),
                ("v", r"\bb\ a")]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab -"), max_size=20),
       st.lists(st.integers(0, 2), min_size=len(_OVERLAPPING), max_size=len(_OVERLAPPING)))
def test_side_by_side_finds_what_the_one_scanner_finds(text: str, parts: list[int]) -> None:
    entries = [(name, pattern, None) for name, pattern in _OVERLAPPING]
    whole = scanner(entries)[0]
    scans = tuple(scanner([entry for entry, part in zip(entries, parts, strict=True)
                           if part == index])[0]
                  for index in range(3) if index in parts)
    priority: dict[str | None, int] = {f"e_{name}": index
                                       for index, (name, _) in enumerate(_OVERLAPPING)}
    spaced = " " + text
    assert [_found(match) for match in side_by_side(spaced, scans, priority)] == _scanned(
        whole, spaced)


# ASCII text, with the white space of both modes (and none of "\x1c"-"\x1f", which only
# Unicode mode's \s matches)
_ASCII_GAPS = st.sampled_from([" ", " ", "", "-", ".", ",", "\n", "\t", "\x0b", "\x0c", "1",
                               "s", "(", ")", "'", "_"])
_ASCII_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from([p for p in _PIECES if p.isascii()]), _ASCII_GAPS),
             max_size=12).map(lambda items: "".join(piece + gap for piece, gap in items)),
    st.text(alphabet=st.sampled_from("byfromq1h2 marchjundeyst.0-9_\t\r\x0b"), max_size=30))


@settings(max_examples=2000, deadline=None)
@given(_ASCII_TEXT)
def test_the_plain_scans_find_what_the_unicode_scans_find(text: str) -> None:
    lowered = ascii_lower(text)
    assert [_found(match) for match in _time_matches(lowered, plain=True)] == [
        _found(match) for match in _time_matches(lowered)], text
    published = date(2024, 3, 1)
    assert list(find_times(text, published, plain=True)) == list(find_times(text, published))


def test_plain_scans_of_news_phrasing() -> None:
    text = "In the first quarter of 2024, exports rose 5% from a year earlier, and by 2030"
    published = date(2024, 5, 1)
    found = list(find_times(text, published, plain=True))
    assert found == list(find_times(text, published))
    assert [mention.year for mention in found] == [2024, 2030]


def test_a_unicode_only_space_keeps_the_unicode_scans() -> None:
    import attrs

    from zjopen.document import read_document
    from zjopen.extract.metrics import extract_metrics

    # A document made by hand may hold "\x1c" (ingest makes it a space), white space to
    # Unicode mode's \s alone: its sentences are scanned in Unicode mode, "last\x1cyear"
    # read as "last year" (in ASCII mode it would be no time cue, and the year 2024)
    doc = read_document("Exports rose 5% last year.", published=date(2024, 5, 1))
    odd = attrs.evolve(doc, text=doc.text.replace(" year", "\x1cyear"),
                       norm=doc.norm.replace(" year", "\x1cyear"),
                       lower=doc.lower.replace(" year", "\x1cyear"))
    assert [m.year for m in extract_metrics(odd)] == [2023]
    assert [m.year for m in extract_metrics(doc)] == [2023]
