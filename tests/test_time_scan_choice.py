"""The time scan chosen for a sentence by the runs of letters it holds
(:func:`zjopen.extract.times._time_scan`, with only the entries whose keys are there)
finds, from every position, what the scan with all the entries finds: the same match,
with the same groups, or nothing where it finds None. And each scan, behind its
look-ahead for the entries' first characters, finds what it finds without one."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.extract.times import (
    _AGO,
    _COUNT,
    _ENTRIES,
    _GROUPS,
    _MONTHS,
    _ORDINAL,
    _TIME,
    _YEAR_ONLY,
    _time_scan,
)
from zjopen.lexicon.patterns import ascii_lower, lower_pattern

# The words of the entries, and words that hold them or a key inside them.
_PIECES = [
    *(key for _, keys in _GROUPS for key in keys), *_MONTHS, *_ORDINAL, *_COUNT, *list(_AGO)[:12],
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


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_chosen_scan_finds_what_the_full_scan_finds(text: str) -> None:
    lowered = ascii_lower(text)
    chosen = _time_scan(lowered)
    spaced = " " + lowered
    if chosen is None:
        assert _TIME.search(spaced) is None, text
        return
    for start in range(len(spaced) + 1):
        assert _found(chosen.search(spaced, start)) == _found(_TIME.search(spaced, start)), (
            text, start)


def test_the_choice_examples() -> None:
    assert _time_scan("nearby farm and holiday") is None
    assert _time_scan("in 2023") is _YEAR_ONLY
    assert _time_scan("by march 2030") is _TIME
    assert _time_scan("first quarterly") not in (None, _TIME, _YEAR_ONLY)
    assert _time_scan("second halfway") not in (None, _TIME, _YEAR_ONLY)


def _unguarded(names: set[str]) -> re.Pattern[str]:
    """The scan of the entries ``names`` and "year" as it was written before the guard."""
    source = "|".join(f"(?:{pattern}\n)(?P<e_{name}>)" for name, pattern, _ in _ENTRIES
                      if name in names or name == "year")
    return re.compile(r"\W(?:" + lower_pattern(source) + ")", re.VERBOSE)


def _single(key: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The scan chosen where ``key`` is the only key, and its entries' unguarded scan."""
    scan = _time_scan(key)
    assert scan is not None
    return scan, _unguarded({name for group, keys in _GROUPS if key in keys for name in group})


_SCANS = [(_TIME, _unguarded({name for name, _, _ in _ENTRIES})),
          (_YEAR_ONLY, _unguarded(set())),
          *(_single(key) for key in ("by", "q", "march", "last", "ago"))]


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_each_scan_finds_what_it_finds_without_its_guard(text: str) -> None:
    spaced = " " + ascii_lower(text)
    for guarded, unguarded in _SCANS:
        for start in range(len(spaced) + 1):
            assert _found(guarded.search(spaced, start)) == _found(
                unguarded.search(spaced, start)), (text, start, guarded.pattern[:40])
