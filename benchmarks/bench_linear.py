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


def _one_sentence(figures: int) -> str:
    """A pathological article: one "sentence" with no full stop and many figures."""
    return "Ningbo exports rose " + "and Yiwu grew 5% " * figures


def _report(label: str, small: str, large: str) -> None:
    t_small, t_large = _time(small), _time(large)
    print(f"{label:28} {len(small) / 1e3:6.0f} KB: {t_small:6.2f} s   "
          f"{len(large) / 1e3:6.0f} KB: {t_large:6.2f} s   time ratio "
          f"{t_large / t_small:4.1f} for size ratio {len(large) / len(small):4.1f}")


def main() -> None:
    zjopen.parse("Warm up\n\nNingbo trade rose 5% in 2023.", id="warm")
    _report("repeated paragraphs", _article(100_000), _article(1_000_000))
    _report("one sentence, many figures", _one_sentence(2_000), _one_sentence(16_000))


if __name__ == "__main__":
    main()
