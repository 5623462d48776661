"""Throughput of each stage of the pipeline on the seed articles (or the examples).

    python benchmarks/bench_stages.py [--rounds 4]

Prints MB/s per stage (decode and clean, each extractor, linking, JSON) and end to end.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from zjopen.document import read_document
from zjopen.linker import build_article
from zjopen.pipeline import DEFAULT_EXTRACTORS, parse
from zjopen.serialize import dumps

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "examples" / "articles"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    folder = next(p for p in SOURCES if p.is_dir())
    texts = [p.read_bytes() for p in sorted(folder.iterdir())
             if p.suffix in {".txt", ".html"}] * args.rounds
    parse(texts[0])  # load tables
    size = sum(len(t) for t in texts)
    totals: dict[str, float] = {}

    def timed(name: str, start: float) -> None:
        totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

    for n, text in enumerate(texts):
        start = time.perf_counter()
        doc = read_document(text)
        timed("decode, clean, segment", start)
        records = []
        for extractor in DEFAULT_EXTRACTORS:
            start = time.perf_counter()
            records.extend(extractor(doc))
            timed(getattr(extractor, "__name__", "extractor"), start)
        start = time.perf_counter()
        article = build_article(doc, records, article_id=str(n))
        timed("link", start)
        start = time.perf_counter()
        dumps(article)
        timed("JSON", start)
    for name, seconds in totals.items():
        print(f"{name:24} {size / seconds / 1e6:8.2f} MB/s")
    print(f"{'end to end':24} {size / sum(totals.values()) / 1e6:8.2f} MB/s "
          f"({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
