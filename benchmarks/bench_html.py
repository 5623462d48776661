"""How well does zjopen's HTML reader find the main text, next to trafilatura?

    python benchmarks/bench_html.py [--data DIR] [--lang en] [--detail] [--json]

Runs on trafilatura's own evaluation pages (the 106 pages of its tests/cache/ with
their evaldata.json annotations; see tests/html_eval.py for where the data is looked
for) and scores each reader exactly as trafilatura's tests/eval_common.py does: per
page, a ``with`` snippet found in the output is a true positive, one missing a false
negative; a ``without`` snippet found is a false positive, one missing a true negative;
precision, recall, accuracy and F1 over all snippets.

- zjopen: ``zjopen.read_document(html_bytes)``, output = title + "\\n" + body text.
- trafilatura (when installed): ``trafilatura.extract(html_bytes, fast=False,
  include_comments=False, include_tables=True, include_formatting=False)``, the
  settings of the "trafilatura" row of its evaluate.py (RUNNERS["fallback"]).

Rows: all pages and the English pages (language from the page's function words, see
``page_language``); ``--lang en`` keeps only English pages. MB/s is HTML bytes over
the time spent in the reader alone (decoding included, scoring excluded), after one
warm-up call. ``--detail`` lists, per page, zjopen's missed ``with`` and leaked
``without`` snippets; ``--json`` prints everything machine-readable.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.html_eval import (
    ConfusionMatrix,
    Page,
    data_dir,
    leaked,
    load_pages,
    missed,
    run_and_count,
    zjopen_text,
)

Reader = Callable[[bytes], str | None]
WARM_UP = b"<html><head><title>t</title></head><body><p>Some text.</p></body></html>"


@dataclass
class Tally:
    """One reader's confusion matrix and time over a set of pages."""

    cm: ConfusionMatrix = field(default_factory=ConfusionMatrix)
    pages: int = 0
    bytes: int = 0
    seconds: float = 0.0
    errors: int = 0
    empty: int = 0

    def row(self) -> dict[str, Any]:
        precision, recall, accuracy, f1 = self.cm.scores()
        mb = self.bytes / 1e6
        return {
            "pages": self.pages, "tp": self.cm.tp, "fp": self.cm.fp, "fn": self.cm.fn,
            "tn": self.cm.tn, "precision": round(precision, 4), "recall": round(recall, 4),
            "accuracy": round(accuracy, 4), "f1": round(f1, 4), "errors": self.errors,
            "empty": self.empty, "mb": round(mb, 3), "seconds": round(self.seconds, 3),
            "mb_per_s": round(mb / self.seconds, 2) if self.seconds else None,
        }


def readers() -> dict[str, tuple[str, Reader]]:
    """{name: (version, reader)}: zjopen, and trafilatura when it imports."""
    import zjopen

    found: dict[str, tuple[str, Reader]] = {"zjopen": (zjopen.__version__, zjopen_text)}
    try:
        from trafilatura import extract  # type: ignore[import-not-found, unused-ignore]
    except ImportError as err:
        print(f"trafilatura not available ({err}): zjopen only", file=sys.stderr)
        return found

    def run_trafilatura(data: bytes) -> str | None:
        result: str | None = extract(data, fast=False, include_comments=False,
                                     include_tables=True, include_formatting=False)
        return result

    try:
        traf_version = version("trafilatura")
    except PackageNotFoundError:
        traf_version = "?"
    found["trafilatura"] = (traf_version, run_trafilatura)
    return found


def run(pages: list[Page], reader: Reader, subsets: dict[str, set[str]],
        outputs: dict[str, str | None] | None = None) -> dict[str, Tally]:
    """Score ``reader`` on every page once, tallied per subset of page files."""
    # Lazy imports and one-time set-up, outside the timing; a reader that fails here
    # fails on the pages too, where it is counted.
    with contextlib.suppress(Exception):
        reader(WARM_UP)
    tallies = {name: Tally() for name in subsets}
    for page in pages:
        start = time.perf_counter()
        result, counts, err = run_and_count(reader, page)
        elapsed = time.perf_counter() - start
        if outputs is not None:
            outputs[page.file] = result
        for name, files in subsets.items():
            if page.file not in files:
                continue
            tally = tallies[name]
            tally.cm.add(counts)
            tally.pages += 1
            tally.bytes += len(page.html)
            tally.seconds += elapsed
            tally.errors += err is not None
            tally.empty += err is None and not result
    return tallies


def detail(pages: list[Page], outputs: dict[str, str | None],
           errors: dict[str, str]) -> list[dict[str, Any]]:
    """Per page with a miss or a leak: zjopen's title, missed and leaked snippets."""
    rows = []
    for page in pages:
        result = outputs.get(page.file)
        miss, leak = missed(page.with_, result), leaked(page.without, result)
        if miss or leak or page.file in errors:
            title = result.split("\n", 1)[0] if result else None
            rows.append({"file": page.file, "lang": page.lang, "url": page.url,
                         "title": title, "chars": len(result or ""),
                         "error": errors.get(page.file), "missed": miss, "leaked": leak})
    return rows


def print_table(results: dict[str, dict[str, dict[str, Any]]],
                versions: dict[str, str]) -> None:
    header = (f"{'reader':<22} {'pages':<14} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} "
              f"{'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4} {'err':>4} {'MB':>6} {'s':>6} {'MB/s':>6}")
    print(header)
    print("-" * len(header))
    for reader, by_subset in results.items():
        label = f"{reader} {versions[reader]}"
        for subset, r in by_subset.items():
            mbs = f"{r['mb_per_s']:.2f}" if r["mb_per_s"] is not None else "-"
            print(f"{label:<22} {subset + ' (' + str(r['pages']) + ')':<14} "
                  f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
                  f"{r['accuracy']:>6.3f} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4} {r['tn']:>4} "
                  f"{r['errors']:>4} {r['mb']:>6.2f} {r['seconds']:>6.2f} {mbs:>6}")


def print_detail(rows: list[dict[str, Any]]) -> None:
    print(f"\nzjopen: {len(rows)} pages with a missed `with` or a leaked `without` snippet")
    for row in rows:
        print(f"\n{row['file']} [{row['lang']}] {row['chars']} chars, title: {row['title']!r}")
        if row["error"]:
            print(f"  error: {row['error']}")
        for snippet in row["missed"]:
            print(f"  missed: {snippet!r}")
        for snippet in row["leaked"]:
            print(f"  leaked: {snippet!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=None,
                        help="evaluation data directory (default: see tests/html_eval.py)")
    parser.add_argument("--lang", choices=("en", "de", "fr"), default=None,
                        help="only the pages in this language")
    parser.add_argument("--detail", action="store_true",
                        help="per page: zjopen's missed `with` and leaked `without` snippets")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)

    root = args.data or data_dir()
    if root is None:
        parser.error("no evaluation data: pass --data DIR or set $ZJOPEN_TRAFILATURA_EVAL "
                     "(a directory with evaldata.json and cache/)")
    started = time.perf_counter()
    pages = load_pages(root)
    if args.lang:
        pages = [page for page in pages if page.lang == args.lang]
        subsets = {args.lang: {page.file for page in pages}}
    else:
        subsets = {"all": {page.file for page in pages},
                   "en": {page.file for page in pages if page.lang == "en"}}

    found = readers()
    versions = {name: ver for name, (ver, _) in found.items()}
    results: dict[str, dict[str, dict[str, Any]]] = {}
    outputs: dict[str, str | None] = {}
    errors: dict[str, str] = {}
    for name, (_, reader) in found.items():
        keep = outputs if name == "zjopen" else None
        tallies = run(pages, reader, subsets, keep)
        results[name] = {subset: tally.row() for subset, tally in tallies.items()}
    if args.detail:
        for page in pages:  # the exceptions, for the report (run() only counts them)
            if outputs.get(page.file) is None:
                try:
                    zjopen_text(page.html)
                except Exception as exc:
                    errors[page.file] = f"{type(exc).__name__}: {exc}"
    rows = detail(pages, outputs, errors) if args.detail else []
    total = time.perf_counter() - started

    if args.json:
        report: dict[str, Any] = {"data": str(root), "versions": versions,
                                  "pages": {s: len(f) for s, f in subsets.items()},
                                  "results": results, "seconds": round(total, 2)}
        if args.detail:
            report["detail"] = rows
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(f"{len(pages)} pages from {root}")
        print_table(results, versions)
        if args.detail:
            print_detail(rows)
        print(f"\ntotal {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
