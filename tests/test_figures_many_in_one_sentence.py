"""A sentence of many figures is read in time linear in its length: the figures inside a
rank are told by bisect (not a test of every rank per figure), and a deadline's " had "
is looked for within its reach (not through the whole sentence per deadline). The
figures are those the per-figure tests gave."""

from __future__ import annotations

import time
from datetime import date

import pytest

from zjopen.document import read_document
from zjopen.extract.metrics import extract_metrics


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ningbo port ranked No. 1 in the world in 2023, handling 1.3 billion tons, and "
     "Zhoushan came 3rd among 12 ports.",
     [("1", "rank", "rank"), ("1.3 billion tons", "t", "level"), ("3", "rank", "rank"),
      ("12", "count", "level")]),
    ("The city is among the top 10 exporters, with 35 firms ranked 2nd and 4th.",
     [("10", "rank", "rank"), ("35", "count", "level"), ("2", "rank", "rank"),
      ("4", "rank", "rank")]),
])
def test_numbers_inside_ranks_are_no_figures_of_their_own(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = extract_metrics(read_document(sentence))
    assert [(m.span.text, m.unit, m.kind.value) for m in found] == expected


_CLAUSE = ("the port ranked 3rd and output rose 4% to 5 billion yuan, expected to grow 2% "
           "by 2030; ")


def _seconds(times: int) -> float:
    doc = read_document("Ningbo " + _CLAUSE * times + "end.", published=date(2024, 1, 1))
    start = time.perf_counter()
    found = extract_metrics(doc)
    seconds = time.perf_counter() - start
    assert len(found) == 4 * times
    assert {m.year for m in found if m.unit == "%"} == {2030}
    return seconds


def test_a_sentence_of_thousands_of_ranks_and_deadlines_stays_linear() -> None:
    small = min(_seconds(400) for _ in range(3))
    large = min(_seconds(4000) for _ in range(3))
    # Ten times the text: about ten times the time (quadratic, it was about a hundred);
    # the bound allows for a busy machine
    assert large < 30 * small + 0.05, (small, large)
