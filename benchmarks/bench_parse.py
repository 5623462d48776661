"""Throughput of the whole pipeline (decode → clean → extract → link → JSON Lines).

    python benchmarks/bench_parse.py [--mb 10]

Repeats the seed articles (or the bundled examples) to about ``--mb`` megabytes and
reports megabytes per second on one core. Speed is measured here, never asserted in
tests.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

import zjopen

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "examples" / "articles"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    folder = next(p for p in SOURCES if p.is_dir())
    texts = [p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in {".txt", ".html"}]
    size = sum(len(t) for t in texts)
    rounds = max(1, int(args.mb * 1_000_000 / size))
    out = io.StringIO()
    start = time.perf_counter()
    for n in range(rounds):
        for k, text in enumerate(texts):
            out.write(zjopen.dumps(zjopen.parse(text, id=f"{n}-{k}")) + "\n")
    elapsed = time.perf_counter() - start
    total = size * rounds / 1_000_000
    print(f"{total:.1f} MB of {folder.name} in {elapsed:.2f} s: {total / elapsed:.2f} MB/s")


if __name__ == "__main__":
    main()
