"""Instructions per stage, counted by valgrind: a measure that noise cannot move.

    python benchmarks/bench_instructions.py [--mb 0.1] [--stage figures ...] [--gc off]

Wall-clock timings on a shared machine vary by 10 to 50% from one run to the next, which
hides the few-percent changes that optimising is made of. Valgrind's callgrind counts
the instructions a run executes: the same count every time for the same code and input,
whatever else the machine is doing. Each stage is run twice under callgrind, once with
its work and once without (imports, data loading and the first call are the same in
both, after a warm-up parse of each source article that loads the tables and compiles
the patterns), and the difference is printed: millions of instructions for the text, and
billions per MB: the steady state of a long run. Compare two versions of the code by
running this in each checkout.

With ``--gc off`` the counted work runs with the garbage collector off (after a
collection): when a collection falls depends on how many objects were made, so a change
of 1 to 2% can move one into or out of the counted run and read as its opposite; compare
such changes both ways.

Needs ``valgrind`` on the PATH; runs about 50 times slower than plain Python (a minute
or two for the default 0.1 MB, the runs spread over the cores).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

STAGES = ["ingest", "regions", "entities", "figures", "link", "json", "end to end"]

_RUN = """
import sys
sys.path.insert(0, {benchmarks!r})
from run import _texts
import zjopen
from zjopen.document import read_document
from zjopen.extract import names as E
from zjopen.extract.metrics import extract_metrics
from zjopen.extract.regions import extract_regions
from zjopen.link import build_article

from run import _sources
# Warm up on every source article once (copies the run never sees again, so no cache
# serves the run): the tables are loaded and the patterns compiled, as in a long run.
for n, path in enumerate(_sources()):
    zjopen.dumps(zjopen.parse(b"warm-up " + path.read_bytes(), id=str(n)))
texts = _texts({mb})
stage, work = {stage!r}, {work!r}

def entities(d):
    return E.extract_names(d)

def records(d):
    return [*extract_regions(d), *entities(d), *extract_metrics(d)]

docs = [read_document(t) for t in texts] if stage not in ("ingest", "end to end") else []
inputs = [records(d) for d in docs] if stage in ("link", "json") else []
articles = ([build_article(d, r, article_id=str(n)) for n, (d, r) in enumerate(zip(docs, inputs))]
            if stage == "json" else [])
if {gc_off}:
    import gc
    gc.collect()
    gc.disable()
if work:
    if stage == "ingest":
        for t in texts: read_document(t)
    elif stage == "regions":
        for d in docs: extract_regions(d)
    elif stage == "entities":
        for d in docs: entities(d)
    elif stage == "figures":
        for d in docs: extract_metrics(d)
    elif stage == "link":
        for n, (d, r) in enumerate(zip(docs, inputs)): build_article(d, r, article_id=str(n))
    elif stage == "json":
        for a in articles: zjopen.dumps(a)
    else:
        for n, t in enumerate(texts): zjopen.dumps(zjopen.parse(t, id=str(n)))
"""


# One hash seed: set and dict orders, and so the counts, are the same every run (random
# seeds move them by 1 to 2%). No user cache: a run that reads the compiled patterns and
# indexes from it and one that builds them (another run wrote it meanwhile) differ by
# millions of instructions; with it off, both build them.
_ENV = {**os.environ, "PYTHONHASHSEED": "0", "ZJOPEN_CACHE": "off"}


def _warm_up(mb: float) -> None:
    """Run the stage's script once outside valgrind, so that Python has written the
    bytecode of every module before the counted runs (one run compiling a module the
    other reads would differ by millions of instructions)."""
    code = _RUN.format(benchmarks=str(Path(__file__).resolve().parent), mb=min(mb, 0.01),
                       stage="end to end", work=True, gc_off=False)
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, env=_ENV)


def _count(stage: str, work: bool, mb: float, gc_off: bool) -> int:
    code = _RUN.format(benchmarks=str(Path(__file__).resolve().parent), mb=mb, stage=stage,
                       work=work, gc_off=gc_off)
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind is not installed")
    done = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=_ENV)
    found = re.search(r"Collected : ([0-9]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.1, help="text per run")
    parser.add_argument("--stage", action="append", choices=STAGES,
                        help="only these stages (default: all)")
    parser.add_argument("--gc", choices=("on", "off"), default="on",
                        help="off: no garbage collection in the counted work (for comparing "
                             "changes of 1 to 2%%: when a collection falls depends on how many "
                             "objects were made, and can move one into or out of a run)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import _texts

    size = sum(len(t) for t in _texts(args.mb)) / 1e6
    stages = args.stage or STAGES
    _warm_up(args.mb)
    jobs = [(stage, work) for stage in stages for work in (False, True)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        counted = pool.map(lambda job: _count(job[0], job[1], args.mb, args.gc == "off"),
                           jobs)
        counts = dict(zip(jobs, counted, strict=True))
    print(f"{size:.3f} MB of text; instructions counted by callgrind"
          f"{'' if args.gc == 'on' else ', no garbage collection in the counted work'}\n")
    print(f"{'stage':14} {'M instructions':>15} {'G per MB':>9}")
    for stage in stages:
        work = counts[(stage, True)] - counts[(stage, False)]
        print(f"{stage:14} {work / 1e6:15.1f} {work / 1e9 / size:9.2f}")


if __name__ == "__main__":
    main()
