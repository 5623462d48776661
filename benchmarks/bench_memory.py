"""Peak memory of the CLI over a large corpus: is it flat, whatever the corpus size?

    python benchmarks/bench_memory.py [--gb 1] [--jobs 1] [--keep DIR]

Writes a folder of about ``--gb`` gigabytes of article files (the seed and dev articles,
else the bundled examples, each copy made distinct), runs
``zjopen parse FOLDER -o out.jsonl --jobs N -q`` on it and samples the resident memory of
the whole process tree (the CLI and its workers) twice a second. Prints the peak RSS of
the tree and of its largest process after 1%, 10%, 50% and 100% of the input was read
(flat memory: the four should be close), the wall time and the size of the output.
Measured, never asserted. Needs Linux (``/proc``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _sources


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the folder here")
    args = parser.parse_args()
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
