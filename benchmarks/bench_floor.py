"""What CPython costs per MB before any extraction rule runs: the floor of the design.

    python benchmarks/bench_floor.py [--mb 1] [--target 5]

At ``--target`` MB/s one core has 1000 / target milliseconds for each MB of article
text, for everything. This prints, in milliseconds per MB of the seed and dev articles
(best of five), the work that any pure-Python version of the pipeline does whatever its
rules: reading the text into a Document, writing the JSON, and the cheapest Python
passes over the words (one regex match object per word, as any extractor that needs
word offsets makes; the same words as strings only; one scan for 15 keywords). Then
zjopen's own stages, for comparison. The rows are not added up: they overlap.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from run import _texts

import zjopen
from zjopen.document import read_document
from zjopen.extract.metrics import extract_metrics
from zjopen.extract.names import extract_names
from zjopen.extract.regions import extract_regions
from zjopen.link import build_article
from zjopen.model import Record

_WORD = re.compile(r"[A-Za-z0-9]+")
_KEYWORDS = re.compile(r"\b(?:from|by|first|since|during|over|until|through|before|after"
                       r"|between|in|of|to|at)\b")


def _best(work: Callable[[], object], megabytes: float) -> float:
    """Milliseconds per MB, best of five runs."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best * 1000 / megabytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="text to measure on")
    parser.add_argument("--target", type=float, default=5.0, help="the bar, in MB/s")
    args = parser.parse_args()
    texts = _texts(args.mb)
    megabytes = sum(len(t) for t in texts) / 1e6
    zjopen.parse("Warm up\n\nNingbo's exports rose 5% in 2023.")
    docs = [read_document(t) for t in texts]
    records: list[list[Record]] = [
        [*extract_regions(d), *extract_names(d), *extract_metrics(d)] for d in docs]
    articles = [build_article(d, r, article_id=str(n))
                for n, (d, r) in enumerate(zip(docs, records, strict=True))]
    rows: list[tuple[str, Callable[[], object]]] = [
        ("words as match objects (offsets)", lambda: [list(_WORD.finditer(d.norm))
                                                      for d in docs]),
        ("words as strings", lambda: [_WORD.findall(d.norm) for d in docs]),
        ("one scan for 15 keywords", lambda: [_KEYWORDS.findall(d.norm) for d in docs]),
        ("text in: decode, clean, segment", lambda: [read_document(t) for t in texts]),
        ("JSON out: zjopen.dumps", lambda: [zjopen.dumps(a) for a in articles]),
        ("zjopen: regions", lambda: [extract_regions(d) for d in docs]),
        ("zjopen: companies, platforms, initiatives", lambda: [
            extract_names(d)
            for d in docs]),
        ("zjopen: figures", lambda: [extract_metrics(d) for d in docs]),
        ("zjopen: link", lambda: [build_article(d, r, article_id=str(n))
                                  for n, (d, r) in enumerate(zip(docs, records, strict=True))]),
        ("zjopen: end to end", lambda: [zjopen.dumps(zjopen.parse(t, id=str(n)))
                                        for n, t in enumerate(texts)]),
    ]
    print(f"{megabytes:.2f} MB of text; at {args.target:g} MB/s one core has "
          f"{1000 / args.target:.0f} ms per MB for everything\n")
    print(f"{'work':<44} {'ms per MB':>10} {'MB/s':>8}")
    print(f"{'-' * 44} {'-' * 10} {'-' * 8}")
    for label, work in rows:
        cost = _best(work, megabytes)
        print(f"{label:<44} {cost:>10.1f} {1000 / cost:>8.2f}")


if __name__ == "__main__":
    main()
