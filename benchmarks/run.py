"""The benchmark table: speed per stage and end to end, start-up, memory, and cores.

    python benchmarks/run.py [--mb 10] [--rss-mb 32] [--scaling]

Prints one table (measured, never asserted: timings depend on the machine):

- MB/s of article text on one core for each stage (decode, clean and segment; regions;
  companies, platforms and initiatives; figures; linking; JSON) and end to end
  (``parse`` + ``dumps``), on the seed and dev articles (else the bundled examples)
  repeated to ``--mb`` megabytes;
- start-up: ``import zjopen`` and the first ``parse()`` in a fresh interpreter (median
  of five, bytecode cached as in any installed copy);
- peak RSS of ``zjopen parse FOLDER -o out.jsonl`` on a folder of ``--rss-mb`` and a
  quarter of that (flat memory: the two should be close), with ``--jobs 1``;
- the wall time of that command with ``--jobs 1`` and ``--jobs 2``, and the speed-up;
- with ``--scaling``: end-to-end time for 1, 2, 4, ... 64 MB (``--scaling-max``), and the
  ratio of each time to the one before (2.0 is linear);
- with ``--baseline DIR`` (another checkout of zjopen, such as a git worktree of an
  older commit): its end-to-end speed and start-up, measured the same way in turns with
  this checkout's (best of ``--rounds``), printed before and after. Only the public API
  (``parse``, ``dumps``) is used there, so any version can be the baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import zjopen
from zjopen.document import read_document
from zjopen.extract.metrics import extract_metrics
from zjopen.extract.names import extract_names
from zjopen.extract.regions import extract_regions
from zjopen.link import build_article
from zjopen.model import Record

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples" / "articles"


_BASELINE_RUN = """
import sys, time
import zjopen
zjopen.parse("Warm up\\n\\nNingbo's exports rose 5% in 2023.")
sources = [open(p, "rb").read() for p in sys.argv[2:]]
texts = [b"%d " % n + text for n in range(int(sys.argv[1])) for text in sources]
start = time.perf_counter()
for n, text in enumerate(texts):
    zjopen.dumps(zjopen.parse(text, id=str(n)))
print(time.perf_counter() - start)
"""


def _end_to_end_in(checkout: Path, mb: float) -> float:
    """Seconds end to end on the texts of :func:`_texts`, in a fresh interpreter that
    imports zjopen from ``checkout`` (its ``src`` folder)."""
    sources = _sources()
    size = sum(p.stat().st_size for p in sources)
    rounds = max(1, round(mb * 1e6 / size))
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    done = subprocess.run([sys.executable, "-c", _BASELINE_RUN, str(rounds),
                           *map(str, sources)], check=True, env=env, capture_output=True,
                          text=True, cwd=tempfile.gettempdir())
    return float(done.stdout.split()[-1])


def _sources() -> list[Path]:
    folders = [SHARED / "seeds", SHARED / "dev"]
    if not all(f.is_dir() for f in folders):
        folders = [EXAMPLES]
    return sorted(p for f in folders for p in f.iterdir() if p.suffix in {".txt", ".html"})


def _texts(mb: float) -> list[bytes]:
    """The source articles, repeated to about ``mb`` megabytes, each copy made distinct
    (a number in its title) so that no cache can serve a repeat."""
    sources = [p.read_bytes() for p in _sources()]
    size = sum(len(t) for t in sources)
    rounds = max(1, round(mb * 1e6 / size))
    return [b"%d " % n + text for n in range(rounds) for text in sources]


def _stages(texts: list[bytes]) -> list[tuple[str, float]]:
    names = ["decode, clean, segment", "regions", "companies, platforms, initiatives",
             "figures", "link", "JSON"]
    totals = dict.fromkeys(names, 0.0)
    clock = time.perf_counter
    for n, text in enumerate(texts):
        t0 = clock()
        doc = read_document(text)
        t1 = clock()
        records: list[Record] = list(extract_regions(doc))
        t2 = clock()
        records += extract_names(doc)
        t3 = clock()
        records += extract_metrics(doc)
        t4 = clock()
        article = build_article(doc, records, article_id=str(n))
        t5 = clock()
        zjopen.dumps(article)
        t6 = clock()
        for name, seconds in zip(names, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5),
                                 strict=True):
            totals[name] += seconds
    size = sum(len(t) for t in texts)
    return [(name, size / seconds / 1e6) for name, seconds in totals.items()]


def _end_to_end(texts: list[bytes]) -> float:
    start = time.perf_counter()
    for n, text in enumerate(texts):
        zjopen.dumps(zjopen.parse(text, id=str(n)))
    return time.perf_counter() - start


_STARTUP = """
import time
start = time.perf_counter()
import zjopen
imported = time.perf_counter()
zjopen.parse("Ningbo trade grows\\n\\nNingbo's exports rose 5.2% to 4.1 billion yuan in 2023.")
print(imported - start, time.perf_counter() - imported)
"""


def _startup(checkout: Path | None = None) -> tuple[float, float]:
    # As installed: the bytecode cache is written (one unmeasured run first) and read.
    # Without it (PYTHONDONTWRITEBYTECODE in the environment, as on some CI machines)
    # every start compiles zjopen's source again, ~0.1 s that no installed copy pays.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout / "src")
    runs = []
    for n in range(6):
        out = subprocess.run([sys.executable, "-c", _STARTUP], check=True, env=env,
                             capture_output=True, text=True,
                             cwd=tempfile.gettempdir()).stdout.split()
        if n == 0:
            continue
        runs.append((float(out[0]), float(out[1])))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _folder(root: Path, mb: float) -> tuple[Path, float]:
    """A folder of article files, about ``mb`` megabytes; its size in MB."""
    folder = root / f"{mb:g}mb"
    folder.mkdir()
    texts = _texts(mb)
    for n, text in enumerate(texts):
        (folder / f"a{n:07d}.txt").write_bytes(text)
    return folder, sum(len(t) for t in texts) / 1e6


def _cli(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, of the largest process) of one CLI run."""
    out = folder.with_suffix(".jsonl")
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "zjopen", "parse",
               str(folder), "-o", str(out), "--jobs", str(jobs), "-q"]
    seconds, rss_kb = subprocess.run(command, check=True, capture_output=True,
                                     text=True).stdout.split()
    return float(seconds), int(rss_kb) / 1024


def _scaling(top: int) -> list[tuple[int, float]]:
    sizes = [2**k for k in range(top.bit_length()) if 2**k <= top]
    return [(mb, _end_to_end(_texts(mb))) for mb in sizes]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="text per speed run")
    parser.add_argument("--rss-mb", type=float, default=32.0, help="folder for memory/jobs")
    parser.add_argument("--scaling", action="store_true", help="1 MB to --scaling-max MB")
    parser.add_argument("--scaling-max", type=int, default=64)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="turns with --baseline")
    args = parser.parse_args()
    if args.baseline is not None:
        _compare(args.baseline.resolve(), args.mb, args.rounds)
        return
    zjopen.parse("Warm up\n\nNingbo's exports rose 5% in 2023.")
    texts = _texts(args.mb)
    size = sum(len(t) for t in texts) / 1e6
    print(f"zjopen {zjopen.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores; {len(_sources())} source articles repeated to "
          f"{size:.1f} MB\n")
    print(f"{'measure':40} {'value':>12}")
    print(f"{'-' * 40} {'-' * 12}")
    for name, rate in _stages(texts):
        print(f"{'stage: ' + name:40} {rate:8.2f} MB/s")
    print(f"{'end to end, one core':40} {size / _end_to_end(texts):8.2f} MB/s")
    imported, first = _startup()
    print(f"{'start-up: import zjopen':40} {imported * 1000:9.0f} ms")
    print(f"{'start-up: first parse()':40} {first * 1000:9.0f} ms")
    work = Path(tempfile.mkdtemp(prefix="zjopen-bench-"))
    try:
        (small, small_mb), (large, large_mb) = (_folder(work, args.rss_mb / 4),
                                                _folder(work, args.rss_mb))
        _, small_rss = _cli(small, 1)
        one, large_rss = _cli(large, 1)
        two, _ = _cli(large, 2)
        print(f"{f'peak RSS, CLI, {small_mb:.1f} MB folder':40} {small_rss:9.0f} MB")
        print(f"{f'peak RSS, CLI, {large_mb:.1f} MB folder':40} {large_rss:9.0f} MB")
        print(f"{'CLI --jobs 1':40} {large_mb / one:8.2f} MB/s")
        print(f"{'CLI --jobs 2':40} {large_mb / two:8.2f} MB/s")
        print(f"{'speed-up with --jobs 2':40} {one / two:9.2f} x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.scaling:
        print()
        previous = None
        for mb, seconds in _scaling(args.scaling_max):
            ratio = f"x{seconds / previous:.2f} for x2" if previous else ""
            print(f"{f'scaling: {mb} MB':40} {seconds:8.2f} s  {ratio}")
            previous = seconds


def _compare(baseline: Path, mb: float, rounds: int) -> None:
    """End to end and start-up of ``baseline`` (before) and of this checkout (after),
    measured in turns so that a change in the machine's load touches both."""
    here = ROOT
    size = sum(len(t) for t in _texts(mb)) / 1e6
    seconds: dict[Path, list[float]] = {baseline: [], here: []}
    for _ in range(rounds):
        for checkout in (baseline, here):
            seconds[checkout].append(_end_to_end_in(checkout, mb))
    starts = {checkout: _startup(checkout) for checkout in (baseline, here)}
    print(f"{len(_sources())} source articles repeated to {size:.1f} MB; before: {baseline}, "
          f"after: {here}; best of {rounds}\n")
    print(f"{'measure':40} {'before':>12} {'after':>12} {'change':>8}")
    print(f"{'-' * 40} {'-' * 12} {'-' * 12} {'-' * 8}")
    before, after = size / min(seconds[baseline]), size / min(seconds[here])
    print(f"{'end to end, one core':40} {before:7.2f} MB/s {after:7.2f} MB/s "
          f"{after / before - 1:+8.0%}")
    for index, name in enumerate(("start-up: import zjopen", "start-up: first parse()")):
        old, new = starts[baseline][index] * 1000, starts[here][index] * 1000
        print(f"{name:40} {old:9.0f} ms {new:9.0f} ms {new / old - 1:+8.0%}")


if __name__ == "__main__":
    main()
