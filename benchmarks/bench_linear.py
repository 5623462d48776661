"""Is extraction linear in the size of an article, even a pathological one?

    python benchmarks/bench_linear.py [--scale 1.0]

Times a full parse of each kind of article at two sizes, five times apart; the time
ratio should be near the size ratio (5, not 25):

- repeated paragraphs (an ordinary long article), 200 KB and 1 MB;
- one paragraph of 1 MB and 5 MB (no paragraph break at all);
- 20,000 and 100,000 numbers in a row;
- a 200 KB and a 1 MB "sentence" with no full stop;
- one sentence with 2,000 and 10,000 figures, and with as many figures about no place
  or company (the linker looks after each for what it is about);
- one "word" of 20,000 and 100,000 capitalised parts joined by hyphens ("Ab-Ab-...");
- a run of 20,000 and 100,000 place names joined by hyphens ("Yiwu-Yiwu-...") and of
  names joined by "and" ("Ab and Ab and ...").

``--scale`` shrinks or grows every size. Measured, not asserted: timings depend on the
machine.
"""

from __future__ import annotations

import argparse
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


def _one_sentence_no_subject(figures: int) -> str:
    """One "sentence" of figures that name nothing they are about."""
    return "Trade grew\n\n" + "exports of 5% and 6% " * figures + "."


def _one_paragraph(size: int) -> str:
    body = " ".join(_article(size).split("\n\n")[1:]).replace("\n", " ")
    return "Zhejiang opens wider\n\n" + body


def _numbers(count: int) -> str:
    return "Numbers\n\n" + " ".join(str(n * 7) for n in range(count))


def _no_full_stop(size: int) -> str:
    words = "Ningbo exporters from Beilun district and Yiwu traders met partners in Spain "
    return "Zhejiang opens wider\n\n" + words * (size // len(words))


def _hyphenated(parts: int) -> str:
    """A pathological run: capitalised parts joined by hyphens, with no head after them."""
    return "Zhejiang opens wider\n\n" + "Ab-" * parts + "Cd."


def _repeated(unit: str, count: int) -> str:
    return "Zhejiang opens wider\n\n" + unit * count + "."


def _report(label: str, small: str, large: str) -> None:
    t_small, t_large = _time(small), _time(large)
    print(f"{label:28} {len(small) / 1e3:6.0f} KB: {t_small:6.2f} s   "
          f"{len(large) / 1e3:6.0f} KB: {t_large:6.2f} s   time ratio "
          f"{t_large / t_small:4.1f} for size ratio {len(large) / len(small):4.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    scale = parser.parse_args().scale

    def n(value: int) -> int:
        return max(1, int(value * scale))

    zjopen.parse("Warm up\n\nNingbo trade rose 5% in 2023.", id="warm")
    _report("repeated paragraphs", _article(n(200_000)), _article(n(1_000_000)))
    _report("one paragraph", _one_paragraph(n(1_000_000)), _one_paragraph(n(5_000_000)))
    _report("numbers in a row", _numbers(n(20_000)), _numbers(n(100_000)))
    _report("no full stop", _no_full_stop(n(200_000)), _no_full_stop(n(1_000_000)))
    _report("one sentence, many figures", _one_sentence(n(2_000)), _one_sentence(n(10_000)))
    _report("one sentence, figures of nothing named", _one_sentence_no_subject(n(2_000)),
            _one_sentence_no_subject(n(10_000)))
    _report("a hyphenated run", _hyphenated(n(20_000)), _hyphenated(n(100_000)))
    _report("places joined by hyphens", _repeated("Yiwu-", n(20_000)),
            _repeated("Yiwu-", n(100_000)))
    _report("names joined by 'and'", _repeated("Ab and ", n(20_000)),
            _repeated("Ab and ", n(100_000)))


if __name__ == "__main__":
    main()
