"""No regular expression of zjopen backtracks catastrophically (docs/redos.md).

Every pattern zjopen compiles is found by running it (``tests/redos/census.py``: at
import, in builders, lazily, per article), and searched through adversarial strings
built for it from its own character classes and literal words (``tests/redos/
adversary.py``: long runs of what it accepts, then a character that makes it fail).
Linear work on 20,000 characters takes a few milliseconds; each search must finish
within :data:`BOUND` (a quadratic search takes seconds there, an exponential one
forever), and one that takes more than a fifth of it is timed again at a quarter of the
length: four times the length may take at most eight times as long. Patterns that are
not linear over any text are listed in ``tests/redos/audit.py`` with the window they are
used in, and tested in it.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from tests.redos.adversary import adversaries
from tests.redos.audit import AUDIT, Anchored, Open, Use, Window

ROOT = Path(__file__).resolve().parent.parent
SIZE = 20_000  # characters of each adversarial string
BOUND = 0.5  # seconds for one search (or match) through one adversarial string


def _census() -> list[dict[str, Any]]:
    # (patterns compiled, not read from the user cache: every one passes re.compile)
    result = subprocess.run([sys.executable, "-m", "tests.redos.census"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, check=True,
                            env={**os.environ, "ZJOPEN_CACHE": "off"})
    entries: list[dict[str, Any]] = json.loads(result.stdout)
    return entries


CENSUS = _census()


def _use(entry: dict[str, Any]) -> Use | None:
    return AUDIT.get(entry["name"]) or AUDIT.get(entry["pattern"])


class _TooSlowError(Exception):
    pass


def _stop(_signal: int, _frame: Any) -> None:
    raise _TooSlowError


def _timed(run: Callable[[], object]) -> float:
    """Seconds ``run`` takes, or infinity past ten times the bound (the regex engine
    checks for signals as it backtracks)."""
    previous = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, 10 * BOUND)
    start = time.perf_counter()
    try:
        run()
        return time.perf_counter() - start
    except _TooSlowError:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _match_both(pattern: re.Pattern[str], text: str) -> object:
    return pattern.match(text), pattern.fullmatch(text)


def _search_all(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _run(pattern: re.Pattern[str], use: Use | None, text: str) -> float:
    if isinstance(use, Anchored):
        return _timed(functools.partial(_match_both, pattern, text))
    return _timed(functools.partial(_search_all, pattern, text))


def _slowest(entry: dict[str, Any], use: Use | None) -> tuple[float, int, str]:
    """The longest time one adversarial string took, its number and label (the first
    over the bound, if one is)."""
    pattern = re.compile(entry["pattern"], entry["flags"])
    size = use.size if isinstance(use, Window) else SIZE
    worst = (0.0, -1, "")
    for number, (label, text) in enumerate(adversaries(entry["pattern"], entry["flags"], size)):
        seconds = _run(pattern, use, text)
        worst = max(worst, (seconds, number, label))
        if seconds > BOUND:
            break  # found: no need to try the others
    return worst


def _growth(entry: dict[str, Any], use: Use | None, number: int) -> float:
    """How many times longer adversarial string ``number`` takes at full size than at a
    quarter of it (best of three each): about 4 when linear, 16 when quadratic."""
    pattern = re.compile(entry["pattern"], entry["flags"])
    size = use.size if isinstance(use, Window) else SIZE
    times = []
    for length in (size // 4, size):
        text = next(itertools.islice(adversaries(entry["pattern"], entry["flags"], length),
                                     number, None))[1]
        times.append(min(_run(pattern, use, text) for _ in range(3)))
    return times[1] / max(times[0], 1e-6)


def _problem(entry: dict[str, Any], use: Use | None) -> str | None:
    """Why the pattern fails the check, or None: a string over the bound, or, for a
    pattern that takes more than a fifth of it, time growing faster than linearly."""
    seconds, number, label = _slowest(entry, use)
    if seconds > BOUND:
        return f"{seconds:.2f} s on {label}"
    if seconds > BOUND / 5:
        growth = _growth(entry, use, number)
        if growth > 8:
            return f"x{growth:.1f} the time for x4 the length of {label}"
    return None


def test_the_census_finds_every_kind_of_pattern() -> None:
    names = {e["name"] for e in CENSUS}
    assert len(CENSUS) >= 250, len(CENSUS)
    # at import, from a builder, compiled on first use, and per article
    assert "zjopen.extract._tables.WORD" in names
    assert "zjopen.quantities._patterns().number" in names
    assert any(name.startswith("zjopen.extract._figure_words.") for name in names)
    assert any(name.startswith("extract/names.py:") for name in names)


@pytest.mark.parametrize("pattern", [
    r"(?:\s(?:Phase|Stage)\s[A-Z0-9][\w-]*)+\Z",  # zjopen's until the audit: quadratic
    r"[A-Z][\w-]*\sof\s[A-Z][\w-]*\s(?:Town|Park)\Z",  # quadratic when searched
    r"(?:\w+\s?)+\.",  # exponential
    r"\A\s*,?\s*x",  # quadratic from the start
    r"(?:Co\.,?\s?|Ltd\.?\s?)+\s\w",  # the legal-suffix shape of issue 20
])
def test_the_adversaries_catch_what_backtracks(pattern: str) -> None:
    # The test's own check: patterns known to backtrack fail it.
    entry = {"name": "known", "pattern": pattern, "flags": 0}
    assert _problem(entry, None) is not None


def test_every_audit_entry_names_a_pattern_zjopen_compiles() -> None:
    known = {e["name"] for e in CENSUS} | {e["pattern"] for e in CENSUS}
    assert sorted(set(AUDIT) - known) == []


def _possessive_groups(items: Any) -> list[str]:
    """The possessive repeats in a parsed pattern whose item is wider than one character
    (a group: "(?:'[a-z]+)*+"), however deep."""
    found: list[str] = []
    for op, av in items:
        if op is _constants.POSSESSIVE_REPEAT and av[2].getwidth() != (1, 1):
            found.append(str(av[2])[:60])
        if op in (_constants.POSSESSIVE_REPEAT, _constants.MAX_REPEAT,
                  _constants.MIN_REPEAT):
            found += _possessive_groups(av[2])
        elif op in (_constants.SUBPATTERN, _constants.ASSERT, _constants.ASSERT_NOT):
            found += _possessive_groups(av[-1])
        elif op is _constants.ATOMIC_GROUP:
            found += _possessive_groups(av)
        elif op is _constants.BRANCH:
            for branch in av[1]:
                found += _possessive_groups(branch)
        elif op is _constants.GROUPREF_EXISTS:
            found += _possessive_groups(av[1]) + _possessive_groups(av[2] or [])
    return found


@pytest.mark.parametrize(("pattern", "groups"), [
    (r"[A-Za-z]++(?:'[A-Za-z]++)*+", 1),  # the region split's, until gh-106052 was seen
    (r"(?:a|(?:b\.c)*+)+", 1),  # however deep
    (r"(?:of\s){0,2}+x", 1),  # a bounded repeat too
    (r"[A-Za-z]++(?>(?:'[A-Za-z]++)*)\w*+x?+", 0),  # atomic groups, one-character items
])
def test_possessive_groups_are_found(pattern: str, groups: int) -> None:
    assert len(_possessive_groups(_parser.parse(pattern))) == groups


@pytest.mark.parametrize("entry", CENSUS, ids=[e["name"] for e in CENSUS])
def test_no_pattern_repeats_a_group_possessively(entry: dict[str, Any]) -> None:
    # Python 3.11.0-3.11.4 keep the part of a failed repeat of a possessive group
    # ("Zoppas'" for "[A-Za-z]++(?:'[A-Za-z]++)*+" in "Zoppas' total"; CPython gh-106052,
    # fixed in 3.11.5): such a repeat is written as an atomic group, (?>(?:...)*), which
    # every 3.11 matches alike.
    assert _possessive_groups(_parser.parse(entry["pattern"], entry["flags"])) == []


@pytest.mark.parametrize("entry", CENSUS, ids=[e["name"] for e in CENSUS])
def test_no_pattern_backtracks_catastrophically(entry: dict[str, Any]) -> None:
    use = _use(entry)
    if isinstance(use, Open):
        pytest.xfail(use.why)
    problem = _problem(entry, use)
    assert problem is None, (
        f"{entry['name']}: {problem}: {entry['pattern'][:200]!r} "
        f"({use or 'searched through any text'})")
