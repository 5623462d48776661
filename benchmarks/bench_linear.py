"""Is extraction linear in the size of an article?

    python benchmarks/bench_linear.py

Builds one article of ~100 KB and one of ~1 MB from the same repeated paragraphs and
times a full parse of each; the ratio should be near 10 (not 100). Measured, not
asserted: timings depend on the machine.
"""

from __future__ import annotations

import time
from pathlib import Path

import zjopen

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seeds" / "zhejiang-high-standard-opening-up.txt"
EXAMPLE = ROOT / "examples" / "articles" / "ningbo-port-autumn-2024.txt"


def _article(size: int) -> str:
    source = SEED if SEED.is_file() else EXAMPLE
    paragraphs = source.read_text(encoding="utf-8").split("\n\n")[2:]
    body = "\n\n".join(paragraphs)
    copies = max(1, size // len(body))
    return "Zhejiang opens wider\n\n" + "\n\n".join([body] * copies)


def _time(text: str) -> float:
    start = time.perf_counter()
    zjopen.parse(text, id="bench")
    return time.perf_counter() - start


def main() -> None:
    zjopen.parse("Warm up\n\nNingbo trade rose 5% in 2023.", id="warm")
    small, large = _article(100_000), _article(1_000_000)
    t_small, t_large = _time(small), _time(large)
    print(f"{len(small) / 1e3:.0f} KB: {t_small:.2f} s   {len(large) / 1e3:.0f} KB: "
          f"{t_large:.2f} s   ratio {t_large / t_small:.1f} (size ratio "
          f"{len(large) / len(small):.1f})")


if __name__ == "__main__":
    main()
