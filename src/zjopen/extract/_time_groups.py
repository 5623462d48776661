"""Which entries of the time scan of :mod:`zjopen.extract.times` a sentence may hold
a match of, told from the words it holds: the scan then runs with those alone."""

from __future__ import annotations

from zjopen.lexicon._letter_runs import letter_runs

__all__ = ["GROUPS", "MONTHS", "groups"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# The entries in groups, each with the words one of which every match of an entry of
# the group holds (and the words one of which it holds beside it): each a whole run of
# letters, with no letter a-z on either side (a word there, with ``\b``, ``\s`` or a
# month's ``(?![a-z])`` around it, or the "q" of "q1"), but "quarter", "half" and
# "months", which may go on ("the first quarterly report"), and the phrases "that year",
# "same year", "following year" and "subsequent year", tested as written. The sentence's runs of
# letters, one set (:func:`~zjopen.lexicon._letter_runs.letter_runs`), tell which are there
# (:func:`groups`). The last entry, "year", is in no group. Where no group's words are,
# only "year" can match; else the entries of the groups whose words are, and "year".
# (:mod:`zjopen.extract.times` makes the patterns, each on its first use.)
GROUPS: list[tuple[str, ...]] = [
    ("span", "deadline"),
    ("quarter", "q_quarter", "half", "h_half", "first_months", "first_quarters"),
    ("month_range", "month", "day"),
    ("relative_year", "relative_month", "recent_years"),
    ("years_ago", "years_later", "that_day", "the_period", "since_then", "present"),
    ("that_year",),
]


def _runs(*words: str) -> frozenset[bytes]:
    return frozenset(word.encode("ascii") for word in words)


# "by 2030", "by the end of the year", "between 2012 and 2022": and a year, or "end";
# or a bracket before a year, "(2021-25)"
_DEADLINE_WORDS = _runs("between", "from", "by", "before", "until", "through")
_QH = _runs("q", "h")  # "Q1", "H2" (else "quarter", "half", or "first" and "months")
_MONTH_WORDS = _runs(*MONTHS)
# "last year", "next month", "over the past five years": and one of the units
_RELATIVE_WORDS = _runs("this", "last", "next", "previous", "past")
_RELATIVE_UNITS = _runs("year", "month", "years", "decade", "months")
# "ten years ago", "on that day", "during the period", "in the five months", "since
# then", "at present", "to date", "so far", "now"
_SINCE_WORDS: dict[bytes, frozenset[bytes] | None] = {  # a word, and one beside it
    b"ago": _runs("year", "years"), b"later": _runs("year", "years"),
    b"day": _runs("this", "that", "same"), b"since": _runs("then", "ever"),
    b"period": _runs("the", "this", "that"),
    b"months": _runs("the", "these", "those"), b"quarters": _runs("the", "these", "those"),
    b"present": _runs("at"), b"date": _runs("to"), b"far": _runs("so"),
    b"currently": None, b"now": None, b"today": None, b"nowadays": None,
}
_SINCE_KEYS = frozenset(_SINCE_WORDS)


def groups(lowered: str) -> list[int]:
    """The groups of entries (their places in :data:`GROUPS`) whose words ``lowered``
    (the lower-cased text, after a space or not) holds: where no entry of the others
    can match."""
    runs = letter_runs(lowered)
    found = []
    if (not runs.isdisjoint(_DEADLINE_WORDS) and (
            "20" in lowered or "19" in lowered or b"end" in runs)) or (
            "(20" in lowered or "(19" in lowered):  # ("(2021-25)": a span in brackets)
        found.append(0)
    if (not runs.isdisjoint(_QH) or "quarter" in lowered or "half" in lowered
            or ("months" in lowered and b"first" in runs)):
        found.append(1)
    if not runs.isdisjoint(_MONTH_WORDS):
        found.append(2)
    if (not runs.isdisjoint(_RELATIVE_WORDS) and not runs.isdisjoint(_RELATIVE_UNITS)) or (
            "following year" in lowered or "subsequent year" in lowered):
        found.append(3)
    for key in _SINCE_KEYS.intersection(runs):
        beside = _SINCE_WORDS[key]
        if beside is None or not runs.isdisjoint(beside):
            found.append(4)
            break
    if "that year" in lowered or "same year" in lowered:  # "In the same year", "That year"
        found.append(5)
    return found
