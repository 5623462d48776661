"""The long fuzz run: millions of hostile inputs on every core.

    python benchmarks/fuzz.py [--inputs 1000000] [--seconds 3600] [--jobs 2] [--seed 0]
                              [--max-chars 20000] [--no-save] [--report out.json]
    python benchmarks/fuzz.py --show 12345          # the input number 12345, and its case
    python benchmarks/fuzz.py --atheris [-- libFuzzer flags]

Input number ``i`` is built from a random :class:`tests.fuzz.cases.Case` drawn with the
seed ``"SEED:i"`` (a window of a seed article, edits to its text, maybe an encoding and
edits to the bytes), so any input can be rebuilt from its number. Each worker parses its
share of the inputs and checks the properties of :mod:`tests.fuzz.oracle`:

- no exception outside :mod:`zjopen.errors` (nor a crash of the worker: it runs under a
  memory limit, so running out of memory is a ``MemoryError``);
- no parse over 5 s (the parent kills a worker stuck on one input for ``--hang``
  seconds, records the input and starts it again on the next);
- every article round-trips through JSON, JSON Lines and CSV (batches of
  ``--batch`` articles in one file and folder; a failing batch is checked article by
  article);
- deterministic across processes: the workers run with different ``PYTHONHASHSEED``
  and every ``--same-every``-th block of inputs is parsed by all of them, and the JSON
  compared.

At the end every distinct failure (by exception type and innermost zjopen frame, or by
the field that did not round-trip) is shrunk (:func:`tests.fuzz.reduce.reduce`, in a
child process) and saved to ``tests/fixtures/crashers/`` under a short hash of its
content; inputs that parsed slowly are saved as they were. The report prints the
counts of inputs, outcomes, failures, slow parses and the time taken.

``--atheris`` runs the same properties under atheris (coverage-guided, one process)
instead, the fuzzer's bytes chosen as a :class:`Case` or given to ``parse`` raw.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import queue
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz import cases, oracle  # noqa: E402
from tests.fuzz.reduce import CRASHERS, reduce, save_crasher  # noqa: E402

import zjopen  # noqa: E402

Message = tuple[Any, ...]


def case_for(seed: int, index: int) -> cases.Case:
    return cases.random_case(random.Random(f"{seed}:{index}"))


def input_for(seed: int, index: int, max_chars: int) -> str | bytes:
    return cases.build(case_for(seed, index), max_chars)


# --- the workers -------------------------------------------------------------------------

class _Worker:
    def __init__(self, number: int, args: argparse.Namespace, out: Any, busy: Any,
                 current: Any) -> None:
        self.number, self.args, self.out, self.busy, self.current = (
            number, args, out, busy, current)
        self.stats: Counter[str] = Counter()
        self.slowest = (0.0, -1)
        self.smallest: dict[str, int] = {}
        self.batch: dict[str, tuple[int, str | bytes, Any]] = {}
        self.folder = tempfile.mkdtemp(prefix="zjopen-fuzz-")

    def report(self, index: int, finding: oracle.Finding, data: str | bytes) -> None:
        size = len(data)
        key = finding.signature
        keep = key not in self.smallest or size < self.smallest[key]
        if keep:
            self.smallest[key] = size
        self.out.put(("finding", index, finding.kind, key, finding.detail,
                      data if keep else None, size))

    def parse(self, index: int, data: str | bytes) -> oracle.Parsed:
        self.current.value = index
        self.busy.value = time.time()
        parsed = oracle.parse_once(data)
        self.busy.value = 0.0
        return parsed

    def one(self, index: int) -> None:
        data = input_for(self.args.seed, index, self.args.max_chars)
        parsed = self.parse(index, data)
        self.stats["inputs"] += 1
        self.stats["bytes"] += len(data)
        self.stats["str" if isinstance(data, str) else "bytes_inputs"] += 1
        self.stats["parse_ms"] += round(parsed.seconds * 1000)
        if parsed.seconds > self.slowest[0]:
            self.slowest = (parsed.seconds, index)
        if parsed.article is not None:
            self.stats["parsed"] += 1
        elif parsed.error:
            self.stats["error:" + parsed.error] += 1
        for finding in parsed.findings:
            self.stats[finding.kind] += 1
            self.report(index, finding, data)
        if parsed.article is not None:
            self.batch.setdefault(parsed.article.id, (index, data, parsed.article))
            if len(self.batch) >= self.args.batch:
                self.roundtrip()

    def roundtrip(self) -> None:
        entries = list(self.batch.values())
        self.batch.clear()
        if not entries:
            return
        findings = oracle.roundtrip_findings([e[2] for e in entries], self.folder,
                                             formats=("jsonl", "csv"))
        self.stats["roundtrip_checked"] += len(entries)
        if not findings:
            return
        for index, data, article in entries:  # which articles?
            for finding in oracle.roundtrip_findings([article], self.folder):
                self.stats["roundtrip"] += 1
                self.report(index, finding, data)

    def same(self, block: int) -> None:
        """Parse the whole block (every worker does) and send the JSON's digest."""
        for index in range(block, block + self.args.jobs):
            data = input_for(self.args.seed, index, self.args.max_chars)
            parsed = self.parse(index, data)
            if parsed.article is None:
                digest = "error:" + (parsed.error or "exception")
            else:
                digest = hashlib.blake2b(zjopen.dumps(parsed.article).encode(
                    "utf-8", "surrogatepass"), digest_size=16).hexdigest()
            self.out.put(("digest", index, self.number, digest))
            self.stats["same_checked"] += 1

    def run(self, start: int, deadline: float) -> None:
        jobs, last = self.args.jobs, time.time()
        index = start
        while index < self.args.inputs and time.time() < deadline:
            block = index - self.number
            if (block // jobs) % self.args.same_every == 0:
                self.same(block)
            self.one(index)
            index += jobs
            if time.time() - last > 2:
                self.flush(index)
                last = time.time()
        self.roundtrip()
        self.flush(index)
        self.out.put(("done", self.number))

    def flush(self, index: int) -> None:
        self.out.put(("stats", self.number, dict(self.stats), self.slowest, index))


def _work(number: int, start: int, deadline: float, args: argparse.Namespace, out: Any,
          busy: Any, current: Any) -> None:
    limit = args.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    worker = _Worker(number, args, out, busy, current)
    try:
        worker.run(start, deadline)
    finally:
        import shutil

        shutil.rmtree(worker.folder, ignore_errors=True)


# --- the parent ----------------------------------------------------------------------------

class _Run:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.ctx = mp.get_context("spawn")
        self.out: Any = self.ctx.Queue()
        self.started = time.time()
        self.deadline = self.started + args.seconds
        self.stats: dict[int, dict[str, int]] = {}
        self.base: Counter[str] = Counter()  # the stats of workers that were restarted
        self.slowest: dict[int, tuple[float, int]] = {}
        self.failures: dict[str, dict[str, Any]] = {}
        self.slow: list[dict[str, Any]] = []
        self.digests: dict[int, dict[int, str]] = {}
        self.nondeterministic: list[dict[str, Any]] = []
        self.workers: dict[int, Any] = {}
        self.busy = [self.ctx.Value("d", 0.0, lock=False) for _ in range(args.jobs)]
        self.current = [self.ctx.Value("q", -1, lock=False) for _ in range(args.jobs)]
        self.next_index: dict[int, int] = {}
        self.done: set[int] = set()
        self.last_progress = 0.0

    def start(self, number: int, index: int) -> None:
        os.environ["PYTHONHASHSEED"] = str(self.args.seed * 100 + number + 1)
        process = self.ctx.Process(target=_work, args=(
            number, index, self.deadline, self.args, self.out, self.busy[number],
            self.current[number]), daemon=True)
        process.start()
        self.workers[number] = process
        self.busy[number].value = 0.0

    def restart_after(self, number: int, kind: str, signature: str) -> None:
        index = self.current[number].value
        process = self.workers[number]
        if process.is_alive():
            process.kill()
        process.join()
        stats = self.stats.pop(number, {})
        self.base.update(stats)
        data = input_for(self.args.seed, index, self.args.max_chars)
        self.base["inputs"] += 1
        self.base[kind] += 1
        self.record(index, kind, signature, f"worker {number} on input {index}", data, len(data))
        if kind == "slow":
            self.slow.append({"index": index, "seconds": None, "size": len(data),
                              "detail": signature})
        self.start(number, index + self.args.jobs)

    def record(self, index: int, kind: str, signature: str, detail: str,
               data: str | bytes | None, size: int) -> None:
        entry = self.failures.setdefault(signature, {
            "kind": kind, "count": 0, "first_index": index, "detail": detail, "data": None,
            "size": None, "index": index})
        entry["count"] += 1
        if data is not None and (entry["size"] is None or size < entry["size"]):
            entry.update(data=data, size=size, index=index, detail=detail)

    def handle(self, message: Message) -> None:
        tag = message[0]
        if tag == "finding":
            _, index, kind, signature, detail, data, size = message
            if kind == "slow":
                seconds = float(detail.split(" s ", 1)[0])
                self.slow.append({"index": index, "seconds": seconds, "size": size,
                                  "detail": detail})
            self.record(index, kind, signature, detail, data, size)
        elif tag == "stats":
            _, number, stats, slowest, index = message
            self.stats[number] = stats
            self.slowest[number] = max(self.slowest.get(number, (0.0, -1)), tuple(slowest))
            self.next_index[number] = index
        elif tag == "digest":
            _, index, number, digest = message
            seen = self.digests.setdefault(index, {})
            seen[number] = digest
            if len(seen) == self.args.jobs:
                if len(set(seen.values())) > 1:
                    self.nondeterministic.append({"index": index, "digests": seen})
                del self.digests[index]
        elif tag == "done":
            self.done.add(message[1])

    def totals(self) -> Counter[str]:
        total = Counter(self.base)
        for stats in self.stats.values():
            total.update(stats)
        return total

    def progress(self) -> None:
        total = self.totals()
        elapsed = time.time() - self.started
        rate = total["inputs"] / elapsed if elapsed else 0.0
        print(f"[{elapsed:7.0f} s] {total['inputs']:,} inputs ({rate:,.0f}/s), "
              f"{total['parsed']:,} parsed, failures: "
              f"{sum(f['count'] for f in self.failures.values()):,} "
              f"({len(self.failures)} distinct), slow: {len(self.slow)}", flush=True)

    def watch(self) -> None:
        for number in range(self.args.jobs):
            self.start(number, number)
        while len(self.done) < self.args.jobs:
            try:
                self.handle(self.out.get(timeout=0.5))
                continue
            except queue.Empty:
                pass
            now = time.time()
            for number, process in list(self.workers.items()):
                if number in self.done:
                    continue
                began = self.busy[number].value
                if began and now - began > self.args.hang:
                    self.restart_after(number, "slow", f"hang: parse over {self.args.hang:g} s")
                elif not process.is_alive():
                    self._drain()
                    if number in self.done:
                        continue
                    self.restart_after(number, "exception",
                                       f"worker died (exit code {process.exitcode})")
            if now - self.last_progress > self.args.progress:
                self.progress()
                self.last_progress = now
        self._drain()
        for process in self.workers.values():
            process.join()

    def _drain(self) -> None:
        while True:
            try:
                self.handle(self.out.get(timeout=0.2))
            except queue.Empty:
                return


# --- shrinking -----------------------------------------------------------------------------

def _still(kind: str, signature: str) -> Any:
    def still_fails(candidate: str | bytes) -> bool:
        if kind == "exception":
            return any(f.signature == signature for f in oracle.parse_once(candidate).findings)
        return any(f.signature == signature
                   for f in oracle.examine(candidate, determinism=False))
    return still_fails


def _shrink(kind: str, signature: str, data: str | bytes, seconds: float, out: Any) -> None:
    still_fails = _still(kind, signature)
    if isinstance(data, str):
        out.put(reduce(data, still_fails, seconds=seconds))
    else:
        out.put(reduce(data, still_fails, seconds=seconds))


def shrink(kind: str, signature: str, data: str | bytes, seconds: float) -> str | bytes:
    """``data`` shrunk in a child process (a candidate could hang), or as it was."""
    ctx = mp.get_context("spawn")
    out: Any = ctx.Queue()
    process = ctx.Process(target=_shrink, args=(kind, signature, data, seconds, out),
                          daemon=True)
    process.start()
    try:
        result: str | bytes = out.get(timeout=seconds * 1.5 + 30)
    except queue.Empty:
        result = data
    process.kill()
    process.join()
    return result


# --- the report ----------------------------------------------------------------------------

def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


def _clip(data: str | bytes, limit: int = 400) -> str:
    text = repr(data)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(data):,} long)"


def _python(data: str | bytes) -> str:
    """A Python expression for ``data``, with runs of a short piece written as
    ``"piece" * n`` (so that ``"9" * 1001`` is printed as that)."""
    segments: list[tuple[str | bytes, int]] = []  # (piece, times; 0 = a plain literal)
    index = 0
    while index < len(data):
        best_length, best_times = 1, 1
        for length in range(1, 13):
            unit = data[index:index + length]
            times = 1
            while data[index + times * length:index + (times + 1) * length] == unit:
                times += 1
            if times >= 4 and times * length >= 16 and times * length > best_length * best_times:
                best_length, best_times = length, times
        if best_times > 1:
            segments.append((data[index:index + best_length], best_times))
            index += best_length * best_times
        else:
            piece = data[index:index + 1]
            if segments and segments[-1][1] == 0:
                segments[-1] = (segments[-1][0] + piece, 0)  # type: ignore[operator]
            else:
                segments.append((piece, 0))
            index += 1
    return " + ".join(repr(p) if n == 0 else f"{p!r} * {n}" for p, n in segments) or repr(data)


def finish(run: _Run, args: argparse.Namespace) -> int:
    elapsed = time.time() - run.started
    total = run.totals()
    print()
    print(f"inputs: {total['inputs']:,} in {elapsed:,.0f} s ({total['inputs'] / elapsed:,.0f}/s"
          f" on {args.jobs} processes); {total['bytes'] / 1e6:,.1f} MB; "
          f"{total['str']:,} str, {total['bytes_inputs']:,} bytes")
    print(f"parsed: {total['parsed']:,}; refused with zjopen.errors: " + ", ".join(
        f"{key[6:]} {value:,}" for key, value in sorted(total.items())
        if key.startswith("error:")))
    print(f"round-trips checked (JSON, JSON Lines, CSV): {total['roundtrip_checked']:,}; "
          f"determinism checked across processes: {total['same_checked'] // args.jobs:,} "
          "inputs")
    mean = total["parse_ms"] / max(1, total["inputs"])
    slowest = max(run.slowest.values(), default=(0.0, -1))
    print(f"mean parse {mean:.2f} ms; slowest {slowest[0]:.2f} s (input {slowest[1]})")
    saved: list[dict[str, Any]] = []
    exceptions = {k: v for k, v in run.failures.items() if v["kind"] != "slow"}
    print(f"\nfailures outside zjopen.errors / round-trip: {len(exceptions)} distinct, "
          f"{sum(v['count'] for v in exceptions.values()):,} inputs")
    for signature, entry in sorted(exceptions.items(), key=lambda kv: -kv[1]["count"]):
        data = entry["data"]
        if data is None:
            data = input_for(args.seed, entry["index"], args.max_chars)
        small = data
        if args.reduce_seconds > 0 and not signature.startswith("worker died"):
            small = shrink(entry["kind"], signature, data, args.reduce_seconds)
        path = None
        if args.save:
            path = save_crasher(small, args.save_dir)
        findings = (oracle.examine(small, determinism=False)
                    if not signature.startswith("worker died") else [])
        detail = next((f.detail for f in findings if f.signature == signature), entry["detail"])
        print(f"\n* {signature}  [{entry['count']:,} inputs, first {entry['first_index']}]")
        print(f"  reproducer ({len(small):,} long, from input {entry['index']}, "
              f"{entry['size']:,} long): zjopen.parse({_cut(_python(small), 300)})")
        if path is not None:
            print(f"  saved: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        print("  " + detail.replace("\n", "\n  "))
        saved.append({"signature": signature, "kind": entry["kind"], "count": entry["count"],
                      "index": entry["index"], "reproducer": _python(small),
                      "file": str(path) if path else None, "detail": detail})
    print(f"\nparses over {oracle.SLOW_SECONDS:g} s: {len(run.slow)}")
    for slow in sorted(run.slow, key=lambda s: -(s["seconds"] or 1e9))[:30]:
        data = input_for(args.seed, slow["index"], args.max_chars)
        path = save_crasher(data, args.save_dir) if args.save and args.save_slow else None
        seconds = "hang" if slow["seconds"] is None else f"{slow['seconds']:.1f} s"
        print(f"* input {slow['index']}: {seconds}, {slow['size']:,} long: "
              f"{case_for(args.seed, slow['index'])}")
        print(f"  {_clip(data, 200)}" + (f"\n  saved: {path.name}" if path else ""))
    print(f"\nnondeterministic across processes: {len(run.nondeterministic)}")
    for item in run.nondeterministic[:10]:
        print(f"* input {item['index']}: {item['digests']}")
    if args.report:
        Path(args.report).write_text(json.dumps({
            "inputs": total["inputs"], "seconds": elapsed, "jobs": args.jobs,
            "stats": dict(total), "failures": saved, "slow": run.slow,
            "nondeterministic": run.nondeterministic}, indent=2, default=str))
    bad = exceptions or run.slow or run.nondeterministic
    return 1 if bad else 0


# --- atheris -------------------------------------------------------------------------------

def run_atheris(argv: list[str], save: bool, folder: Path) -> None:
    """Coverage-guided fuzzing with atheris (libFuzzer flags and corpus folders in
    ``argv``). Each distinct failure is printed and saved once, and the run goes on."""
    import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

    import zjopen.formats.csv
    import zjopen.formats.json
    import zjopen.pipeline  # noqa: F401 -- loaded to be instrumented

    atheris.instrument_all()
    seen: set[str] = set()

    def one(raw: bytes) -> None:
        provider = atheris.FuzzedDataProvider(raw)
        how = provider.ConsumeIntInRange(0, 2)
        if how == 0:
            data: str | bytes = provider.ConsumeBytes(provider.remaining_bytes())
        elif how == 1:
            data = provider.ConsumeUnicode(provider.remaining_bytes())
        else:
            edits = tuple(cases.Edit(*provider.ConsumeIntListInRange(4, 0, 1 << 20))
                          for _ in range(provider.ConsumeIntInRange(0, 5)))
            data = cases.build(cases.Case(provider.ConsumeIntInRange(0, 1 << 10), None, edits,
                                          provider.ConsumeIntInRange(-20, 20)), 20_000)
        for finding in oracle.examine(data, determinism=False):
            if finding.signature not in seen:
                seen.add(finding.signature)
                path = save_crasher(data, folder) if save else None
                print(f"\nFOUND {finding.signature}\n  {_cut(_python(data), 300)}\n"
                      f"  {finding.detail}\n  saved: {path}", flush=True)

    atheris.Setup([sys.argv[0], *argv], one)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=3600.0)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-chars", type=int, default=20_000,
                        help="inputs are cut to this many characters (bytes)")
    parser.add_argument("--batch", type=int, default=100,
                        help="articles per JSON Lines file and CSV folder checked")
    parser.add_argument("--same-every", type=int, default=50,
                        help="every Nth block of inputs is parsed by every worker")
    parser.add_argument("--hang", type=float, default=60.0,
                        help="kill a worker stuck on one input this long")
    parser.add_argument("--memory-mb", type=int, default=4096)
    parser.add_argument("--reduce-seconds", type=float, default=60.0)
    parser.add_argument("--progress", type=float, default=60.0)
    parser.add_argument("--no-save", dest="save", action="store_false")
    parser.add_argument("--no-save-slow", dest="save_slow", action="store_false")
    parser.add_argument("--save-dir", type=Path, default=CRASHERS)
    parser.add_argument("--report", help="also write the report as JSON here")
    parser.add_argument("--show", type=int, help="print input number SHOW and its case")
    parser.add_argument("--atheris", action="store_true")
    args, rest = parser.parse_known_args(argv)
    if args.atheris:
        run_atheris(rest, args.save, args.save_dir)
        return 0
    if rest:
        parser.error(f"unknown arguments: {rest}")
    if args.show is not None:
        print(case_for(args.seed, args.show))
        print(_python(input_for(args.seed, args.show, args.max_chars)))
        return 0
    run = _Run(args)
    try:
        run.watch()
    except KeyboardInterrupt:
        for process in run.workers.values():
            process.kill()
    return finish(run, args)


if __name__ == "__main__":
    sys.exit(main())
