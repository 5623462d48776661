"""Peak memory of the CLI: flat over a large corpus, and small for one large article.

    python benchmarks/bench_memory.py [--gb 1] [--jobs 1] [--keep DIR]
    python benchmarks/bench_memory.py --article [--sizes 4,16] [--dense-mb 20]

Writes a folder of about ``--gb`` gigabytes of article files (the seed and dev articles,
else the bundled examples, each copy made distinct), runs
``zjopen parse FOLDER -o out.jsonl --jobs N -q`` on it and samples the resident memory of
the whole process tree (the CLI and its workers) twice a second. Prints the peak RSS of
the tree and of its largest process after 1%, 10%, 50% and 100% of the input was read
(flat memory: the four should be close), the wall time and the size of the output.
Measured, never asserted. Needs Linux (``/proc``).

``--article`` instead writes one article file per size in ``--sizes`` (megabytes of
ordinary, distinct news paragraphs: sentences from ``bench_shapes``' templates with
names, figures, places and years varied; no corpus text) and one of ``--dense-mb``
megabytes on a single line, dense with figures (about 30 per kilobyte), and runs
``zjopen parse FILE -o out.jsonl --jobs 1 -q --max-size 64MB`` on each. Prints per file
the wall time and CPU time (user and system: steadier than wall time on a
shared machine), the peak RSS of the process (its ``VmHWM`` as it exits), that peak per
byte of text, the number of figures and, between consecutive sizes, the CPU time
ratio against the size ratio (linear: equal). ``--dense-mb 0`` skips the one-line file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_shapes import MONTHS, PARTNERS, PLACES, PRODUCTS, paragraphs
from run import _sources

# Sentences dense with figures (five or six each) for the one-line article.
_DENSE = (
    "{place} exported {a}.{b} billion yuan of {product} in {year}, up {b}.{a} percent, "
    "imported {c}.{d} billion yuan, down {d}.{b} percent, and ran {c}{a} routes to {partner}.",
    "In {month} {year} its {c},{d}{a}0 firms shipped {a}{b}.{d} million tonnes, {b}.{d} "
    "percent more, while the port handled {c}.{a} million TEUs, a rise of {d} percent.",
    "Investment from {partner} in {place} reached ${a}.{b} billion, {c} percent of the total "
    "of {year}, with {c}{d} projects and {a}{d}{b} jobs, against {b} in {prev}.",
)


def dense_line(size: int, seed: int = 0) -> str:
    """About ``size`` bytes on one line, a figure every 30 bytes or so."""
    rng = random.Random(seed)
    parts, total = ["Zhejiang in figures:"], 0
    while total < size:
        year = rng.randint(2005, 2025)
        parts.append(rng.choice(_DENSE).format(
            place=rng.choice(PLACES), partner=rng.choice(PARTNERS),
            product=rng.choice(PRODUCTS), month=rng.choice(MONTHS), year=year,
            prev=year - 1, a=rng.randint(1, 9), b=rng.randint(0, 9), c=rng.randint(1, 99),
            d=rng.randint(0, 9)))
        total += len(parts[-1]) + 1
    return " ".join(parts)


def _tree_rss(root: int) -> tuple[int, int]:
    """Sum and max of RSS (bytes) over ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            statm = Path(f"/proc/{entry}/statm").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = int(statm.split()[1]) * page
    total = largest = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        todo += children.get(pid, [])
    return total, largest


def _write_folder(folder: Path, gb: float) -> int:
    sources = [p.read_bytes() for p in _sources()]
    size = sum(len(t) for t in sources)
    rounds = max(1, round(gb * 1e9 / size))
    written = 0
    for n in range(rounds):
        sub = folder / f"{n // 1000:04d}"
        sub.mkdir(exist_ok=True)
        for k, text in enumerate(sources):
            data = b"%d " % n + text
            (sub / f"a{n:07d}-{k:02d}.txt").write_bytes(data)
            written += len(data)
    return written


# Runs the command line and, as it exits, reports the peak resident memory of its own
# address space (VmHWM: since exec, unlike getrusage's ru_maxrss, which also counts the
# pages of the benchmark's process that the child was forked from).
_PEAK = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write(f"VmHWM {int(line.split()[1]) * 1024}\\n")
atexit.register(_peak)
from zjopen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run_one(path: Path, out: Path) -> tuple[float, float, int]:
    """Wall time, CPU time and peak RSS (bytes) of ``zjopen parse`` on one file."""
    command = [sys.executable, "-c", _PEAK, "parse", str(path), "-o", str(out),
               "--jobs", "1", "-q", "--max-size", "64MB"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    assert proc.stderr is not None
    report = proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"zjopen parse {path} exited with {proc.returncode}: {report}")
    peak = int(report.rsplit("VmHWM ", 1)[1].split()[0])
    return seconds, usage.ru_utime + usage.ru_stime, peak


def _figures(out: Path) -> int:
    with out.open(encoding="utf-8") as handle:
        return sum(len(json.loads(line)["metrics"]) for line in handle)


def _articles(sizes: list[float], dense_mb: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="zjopen-article-"))
    try:
        files = [(f"paragraphs, {mb:g} MB", paragraphs(int(mb * 1e6), seed=1)) for mb in sizes]
        if dense_mb:
            files.append((f"one line, {dense_mb:g} MB", dense_line(int(dense_mb * 1e6), seed=2)))
        previous: tuple[int, float] | None = None
        for label, text in files:
            path = work / "article.txt"
            size = path.write_bytes(text.encode("utf-8"))
            del text
            out = work / "out.jsonl"
            seconds, cpu, peak = _run_one(path, out)
            ratio = ""
            if previous is not None and label.startswith("paragraphs"):
                ratio = (f", x{size / previous[0]:.1f} size -> "
                         f"x{cpu / previous[1]:.2f} CPU time")
            if label.startswith("paragraphs"):
                previous = (size, cpu)
            print(f"{label:22} {size:>11,} bytes: {seconds:6.1f} s ({cpu:.1f} s CPU), peak RSS "
                  f"{peak / 2**20:6.0f} MiB ({peak / size:5.1f} bytes per byte), "
                  f"{_figures(out):,} figures{ratio}", flush=True)
            out.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the folder here")
    parser.add_argument("--article", action="store_true",
                        help="one large article per size instead of a large corpus")
    parser.add_argument("--sizes", default="4,16",
                        help="with --article: megabytes of paragraphs, comma-separated")
    parser.add_argument("--dense-mb", type=float, default=20.0,
                        help="with --article: megabytes of the one-line, figure-dense file")
    args = parser.parse_args()
    if args.article:
        _articles([float(s) for s in args.sizes.split(",")], args.dense_mb)
        return
    work = Path(tempfile.mkdtemp(prefix="zjopen-mem-"))
    try:
        folder = args.keep or work / "in"
        if folder.is_dir() and any(folder.iterdir()):
            size = sum(p.stat().st_size for p in folder.rglob("*.txt"))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            size = _write_folder(folder, args.gb)
        out = work / "out.jsonl"
        command = [sys.executable, "-m", "zjopen", "parse", str(folder), "-o", str(out),
                   "--jobs", str(args.jobs), "-q"]
        start = time.perf_counter()
        proc = subprocess.Popen(command)
        samples: list[tuple[float, int, int]] = []
        while proc.poll() is None:
            total, largest = _tree_rss(proc.pid)
            samples.append((time.perf_counter() - start, total, largest))
            time.sleep(0.5)
        seconds = time.perf_counter() - start
        if proc.returncode:
            sys.exit(f"zjopen parse exited with {proc.returncode}")
        written = sum(p.stat().st_size for p in work.glob("out.jsonl*"))
        print(f"input {size / 1e9:.2f} GB, --jobs {args.jobs}, {seconds:.0f} s "
              f"({size / seconds / 1e6:.2f} MB/s), output {written / 1e9:.2f} GB")
        for share in (0.01, 0.1, 0.5, 1.0):
            seen = [s for s in samples if s[0] <= share * seconds] or samples[:1]
            print(f"peak RSS after {share:4.0%} of the run: tree "
                  f"{max(s[1] for s in seen) / 2**20:6.0f} MB, largest process "
                  f"{max(s[2] for s in seen) / 2**20:6.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
