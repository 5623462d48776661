"""How fast does a large corpus load and answer queries?

    python benchmarks/bench_corpus.py [--articles 100000] [--per-article 10] [--keep FILE]

Builds a synthetic corpus of 100,000 articles with 10 figures each (1,000,000 metrics;
Articles made directly, no text parsing), saves it as JSON Lines, loads it back and
times:

- saving and loading (MB/s of JSON Lines; the goal for loading is at least 20 MB/s),
- building the query index (once per loaded corpus, on the first query),
- queries such as ``where(region="Ningbo", within=True, year=2023)`` (the goal is at
  most 10 ms each once loaded), each made afresh so nothing is remembered between runs.

Measured, not asserted: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from zjopen import regions
from zjopen.corpus import Corpus
from zjopen.model import Article, Enterprise, Metric, Period, Region, Span

INDICATORS = (
    "foreign trade", "exports", "imports", "cross-border e-commerce exports",
    "actual use of foreign capital", "container throughput", "cargo throughput",
    "outbound direct investment", "service trade", "digital trade", "GDP",
    "newly registered foreign-invested companies",
)  # fmt: skip
FIRMS = tuple(f"{name} Group" for name in (
    "Haitian", "Xusheng", "Tuopu", "Jifeng", "Geely", "Zeekr", "Minth", "Holley", "Futong",
    "Shenzhou", "Joyson", "Ningbo Port", "Wanxiang", "Sunny", "Hikvision", "Dahua",
))  # fmt: skip
COUNTRIES = ("US", "MX", "DE", "PL", "RS", "TH", "VN", "BR")


def _places() -> list[tuple[str, str]]:
    zhejiang = regions.get("Zhejiang")
    return [(zhejiang.code, zhejiang.name)] + [(p.code, p.name) for p in zhejiang.descendants()]


def _figure(rng: random.Random) -> tuple[str, Decimal, str, str]:
    """A figure as written, its value, unit and kind."""
    pick = rng.randrange(6)
    n = rng.randrange(1, 1000)
    if pick == 0:
        return f"{n / 10:.1f} billion yuan", Decimal(n) * 10**8, "CNY", "level"
    if pick == 1:
        return f"US${n} million", Decimal(n) * 10**6, "USD", "level"
    if pick == 2:
        return f"{n / 10:.1f} percent", Decimal(n) / 10, "%", "change"
    if pick == 3:
        return f"{n / 10:.1f} million TEUs", Decimal(n) * 10**5, "TEU", "level"
    if pick == 4:
        return f"{n} million tonnes", Decimal(n) * 10**6, "t", "level"
    return f"{n:,}", Decimal(n), "count", "level"


def make_article(n: int, rng: random.Random, places: list[tuple[str, str]],
                 per_article: int) -> Article:
    """A synthetic article of ``per_article`` figures, each in its own sentence."""
    title = f"Trade update number {n}"
    text = (f"{title}\n\nHANGZHOU, {rng.randrange(1, 28)} March (Xinhua) -- Officials released "
            "the latest figures on the province's opening-up on Monday, covering trade, "
            "investment and the ports.\n\n")
    metrics, seen_places = [], {}
    for k in range(per_article):
        code, name = rng.choice(places)
        year = rng.randrange(2010, 2025)
        indicator = rng.choice(INDICATORS)
        written, value, unit, kind = _figure(rng)
        sentence = f"{name}'s {indicator} reached "
        start = len(text) + len(sentence)
        seen_places.setdefault(code, (name, len(text)))
        text += f"{sentence}{written} in {year}, the local bureau said. "
        if k % 3 == 2:
            text += "Analysts expect the trend to continue next year.\n\n"
        metrics.append(Metric(
            value=value, unit=unit, span=Span(start, start + len(written), written),
            kind=kind, year=year, period=Period.year(year) if k % 2 else None, region=code,
            indicator=f"{name}'s {indicator}",
        ))
    firm = rng.choice(FIRMS)
    firm_at = len(text)
    text += f"{firm} said it would build a new plant abroad."
    region_records = [
        Region(code=code, name=name, level=regions.get(code).level,
               parent=regions.get(code).parent_code, mentions=[Span(at, at + len(name), name)])
        for code, (name, at) in seen_places.items()
    ]
    return Article(
        id=f"art-{n:07d}", title=title, published=date(2024, 3, 1 + n % 28), source="Xinhua",
        text=text, metrics=metrics, regions=region_records,
        enterprises=[Enterprise(name=firm, mentions=[Span(firm_at, firm_at + len(firm), firm)],
                                kb_id=firm.split()[0].casefold(),
                                overseas=[rng.choice(COUNTRIES)])],
    )


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def _throughput(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall-clock seconds, CPU seconds of this process, and the result (the CPU time is
    the steadier figure on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="write the corpus here (default: a temp file)")
    parser.add_argument("--reuse", type=Path, metavar="FILE",
                        help="load this saved corpus instead of building one")
    args = parser.parse_args()
    loaded = _reuse(args.reuse) if args.reuse else _build_save_load(args)
    seconds, figures = _timed(lambda: len(loaded.metrics))
    print(f"indexed {figures:,} figures in {seconds:.1f} s (first query)")
    print(f"peak memory {_rss_mb():,.0f} MB")
    _queries(loaded)


def _reuse(path: Path) -> Corpus:
    size = path.stat().st_size / 1e6
    seconds, cpu, loaded = _throughput(lambda: Corpus.load(path))
    print(f"loaded {size:,.0f} MB (Corpus.load) in {seconds:.1f} s: {size / seconds:.1f} MB/s "
          f"({size / cpu:.1f} MB/s of CPU time)")
    result: Corpus = loaded
    return result


def _build_save_load(args: argparse.Namespace) -> Corpus:
    rng = random.Random(8)
    places = _places()

    start = time.perf_counter()
    corpus = Corpus(make_article(n, rng, places, args.per_article) for n in range(args.articles))
    print(f"built {len(corpus):,} articles with {args.articles * args.per_article:,} figures "
          f"in {time.perf_counter() - start:.1f} s")

    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "corpus.jsonl"
        start = time.perf_counter()
        corpus.save(path)
        seconds = time.perf_counter() - start
        size = path.stat().st_size / 1e6
        print(f"saved {size:,.0f} MB of JSON Lines in {seconds:.1f} s ({size / seconds:.1f} MB/s)")
        del corpus
        gc.collect()

        seconds, cpu, count = _throughput(lambda: sum(1 for _ in Corpus.iter_load(path)))
        print(f"streamed {count:,} articles (iter_load) in {seconds:.1f} s: "
              f"{size / seconds:.1f} MB/s ({size / cpu:.1f} MB/s of CPU time)")
        seconds, cpu, loaded = _throughput(lambda: Corpus.load(path))
        print(f"loaded the corpus (Corpus.load) in {seconds:.1f} s: {size / seconds:.1f} MB/s "
              f"({size / cpu:.1f} MB/s of CPU time)")

    result: Corpus = loaded
    return result


def _queries(loaded: Corpus) -> None:
    queries: list[tuple[str, Callable[[], Any]]] = [
        ('where(region="Ningbo", within=True, year=2023)',
         lambda: loaded.metrics.where(region="Ningbo", within=True, year=2023)),
        ('where(region="Ningbo", within=True, year=range(2018, 2025))',
         lambda: loaded.metrics.where(region="Ningbo", within=True, year=range(2018, 2025))),
        ('where(region="Beilun", year=2020, unit="CNY")',
         lambda: loaded.metrics.where(region="Beilun", year=2020, unit="CNY")),
        ('where(region="Yiwu", within=True, indicator="e-commerce")',
         lambda: loaded.metrics.where(region="Yiwu", within=True, indicator="e-commerce")),
        ('where(region="Zhejiang", within=True, year=2023)',
         lambda: loaded.metrics.where(region="Zhejiang", within=True, year=2023)),
        ('region("Ningbo").metrics(year=2023).group_by("region")',
         lambda: loaded.region("Ningbo").metrics(year=2023).group_by("region")),
    ]
    print("\nqueries, each made afresh: median of 20 runs of answering (len) and then "
          "reading every result (list)")
    print(f"  {'len':>8}  {'+ list':>8}  {'results':>7}")
    for label, make in queries:
        make()  # warm: resolve names, make lazy tables
        answer, read, size = [], [], 0
        for _ in range(20):
            start = time.perf_counter()
            result = make()
            size = len(result)
            middle = time.perf_counter()
            list(result)
            answer.append(middle - start)
            read.append(time.perf_counter() - start)
        print(f"  {statistics.median(answer) * 1e3:5.2f} ms  "
              f"{statistics.median(read) * 1e3:5.2f} ms  {size:>7,}  {label}")


if __name__ == "__main__":
    main()
