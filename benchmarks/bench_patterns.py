"""Time inside each compiled pattern, per stage: which regular expressions cost most.

    python benchmarks/bench_patterns.py [--stage end-to-end] [--mb 0.3] [--top 30]

A profile by function shows the regex engine as one line ("method 'search' of
're.Pattern' objects"); this splits that line by pattern. Every call of a compiled
pattern's methods (search, match, fullmatch, split, sub, findall, finditer: the iteration
of a finditer is not counted) is timed by a ``sys.setprofile`` hook on C calls, over the
seed and dev articles, and the patterns are listed by their total time, in milliseconds
per MB, with their calls per MB and microseconds per call. The hook's own cost per call,
measured first on an empty search, is taken off each call. A pattern that costs 10 µs and
more per call on a sentence is being tried at nearly every character: the engine skips
along in C only to where a pattern's first element (a literal, a character set, or an
alternation of literals) can match, and a look-ahead such as ``(?=[abc])`` in front of a
pattern gives it no such skip.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from types import FrameType
from typing import Any

from run import _texts

import zjopen
from zjopen.document import Document, read_document
from zjopen.extract.metrics import extract_metrics
from zjopen.extract.names import extract_names
from zjopen.extract.regions import extract_regions
from zjopen.link import build_article
from zjopen.model import Record

STAGES = ["reading", "regions", "names", "figures", "link", "end-to-end"]


def _work(stage: str, texts: list[bytes]) -> Callable[[], object]:
    """The stage's work over ``texts``, its inputs made beforehand."""
    if stage == "reading":
        return lambda: [read_document(t) for t in texts]
    if stage == "end-to-end":
        return lambda: [zjopen.dumps(zjopen.parse(t, id=str(n))) for n, t in enumerate(texts)]
    docs = [read_document(t) for t in texts]
    if stage == "regions":
        return lambda: [extract_regions(d) for d in docs]
    if stage == "names":
        return lambda: [extract_names(d) for d in docs]
    if stage == "figures":
        return lambda: [extract_metrics(d) for d in docs]

    def records(d: Document) -> list[Record]:
        return [*extract_regions(d), *extract_names(d), *extract_metrics(d)]

    inputs = [(d, records(d)) for d in docs]
    return lambda: [build_article(d, r, article_id=str(n)) for n, (d, r) in enumerate(inputs)]


class _Timer:
    """The ``sys.setprofile`` hook: the time of each compiled pattern's C calls."""

    def __init__(self) -> None:
        self.total: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.calls: Counter[tuple[str, str]] = Counter()
        self._open: list[tuple[tuple[str, str] | None, float]] = []

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call":
            owner = getattr(arg, "__self__", None)
            key = ((str(owner.pattern), arg.__name__) if type(owner) is re.Pattern
                   else None)
            self._open.append((key, time.perf_counter()))
        elif event in ("c_return", "c_exception") and self._open:
            key, start = self._open.pop()
            if key is not None:
                self.total[key] += time.perf_counter() - start
                self.calls[key] += 1


def _hook_cost() -> float:
    """Seconds the hook adds to one pattern call (an empty search, hooked and not)."""
    empty = re.compile("x").search
    rounds = 20_000

    def run() -> float:
        start = time.perf_counter()
        for _ in range(rounds):
            empty("")
        return time.perf_counter() - start

    plain = min(run() for _ in range(3))
    timer = _Timer()
    sys.setprofile(timer)
    try:
        hooked = min(run() for _ in range(3))
    finally:
        sys.setprofile(None)
    return max(0.0, (hooked - plain) / rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", choices=STAGES, default="end-to-end")
    parser.add_argument("--mb", type=float, default=0.3, help="MB of articles (default 0.3)")
    parser.add_argument("--top", type=int, default=30, help="patterns listed (default 30)")
    args = parser.parse_args()
    texts = _texts(args.mb)
    for n, text in enumerate(texts):  # every pattern compiled, every table loaded
        zjopen.dumps(zjopen.parse(text, id=str(n)))
    work = _work(args.stage, texts)
    cost = _hook_cost()
    timer = _Timer()
    sys.setprofile(timer)
    try:
        work()
    finally:
        sys.setprofile(None)
    size = sum(map(len, texts)) / 1e6
    spent = {key: max(0.0, total - cost * timer.calls[key])
             for key, total in timer.total.items()}
    print(f"{args.stage}, {size:.2f} MB of seed and dev articles; the hook's "
          f"{cost * 1e6:.2f} µs per call taken off")
    print(f"all patterns: {sum(spent.values()) / size * 1000:.0f} ms/MB, "
          f"{sum(timer.calls.values()) / size:,.0f} calls/MB\n")
    print(f"{'ms/MB':>7} {'calls/MB':>9} {'µs/call':>8}  {'method':9} pattern")
    for key, seconds in sorted(spent.items(), key=lambda item: -item[1])[: args.top]:
        pattern, method = key
        calls = timer.calls[key]
        shown = " ".join(pattern.split())
        print(f"{seconds / size * 1000:7.1f} {calls / size:9,.0f} "
              f"{seconds / calls * 1e6:8.2f}  {method:9} {shown[:100]}")


if __name__ == "__main__":
    main()
