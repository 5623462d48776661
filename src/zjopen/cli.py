"""The ``zjopen`` command line.

    zjopen parse PATH... [--format jsonl|json|csv|table] [-o OUT] [--published DATE]
                         [--extractor MODULE:FUNCTION]... [--jobs N]
    zjopen render PATH... -o DIR
    zjopen schema [--gold] [-o OUT]
    zjopen evaluate GOLD PRED [--detail] [--json]

Exit status: 0 when every file parsed, 1 when any file failed (each failure is
reported on stderr with its path and the batch goes on), 2 for usage errors.
``evaluate`` exits with 0 when it scored, 1 when GOLD or PRED holds a line that is not
valid (the message names the file and the line), 2 for usage errors and unreadable files.
Output files are written atomically: a reader sees the old file or the complete new
one, never half of one, even when the run is interrupted.
"""

from __future__ import annotations

import gc

# The imports below make some hundred thousand objects that live as long as the process
# and hold no garbage: the cyclic collector, run every few hundred of them, would walk
# them some fifty times for nothing (a tenth of a command-line run on a small file).
_collecting = gc.isenabled()
gc.disable()

import argparse  # noqa: E402
import contextlib  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable, Iterator, Sequence  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from types import FrameType  # noqa: E402
from typing import IO  # noqa: E402

from zjopen._version import __version__  # noqa: E402
from zjopen.batch import Parsed, Progress, default_jobs, parse_paths  # noqa: E402
from zjopen.errors import EvaluationFormatError  # noqa: E402
from zjopen.extract import Extractor  # noqa: E402
from zjopen.formats.atomic import atomic_writer  # noqa: E402
from zjopen.formats.json import dumps, iter_dumps, to_json_text  # noqa: E402
from zjopen.lexicon._compile_cache import save_at_exit  # noqa: E402
from zjopen.lexicon.load import freeze_loads  # noqa: E402
from zjopen.lexicon.patterns import lazy_compile  # noqa: E402
from zjopen.model import Article  # noqa: E402
from zjopen.pipeline import MAX_BYTES, Pipeline  # noqa: E402

gc.freeze()  # (they go to the collector's permanent generation, never walked)
if _collecting:
    gc.enable()

FORMATS = ("jsonl", "json", "csv", "table")
_WHOLE = 200_000  # characters of text up to which an article's JSON line is made whole


class _UsageError(Exception):
    """A command that cannot run as given (exit status 2)."""


class _Failures:
    def __init__(self, stderr: IO[str]) -> None:
        self.count = 0
        self.stderr = stderr

    def report(self, message: str) -> None:
        self.count += 1
        print(f"zjopen: error: {message}", file=self.stderr)


def _results(args: argparse.Namespace, failures: _Failures, stderr: IO[str], *,
             as_json: bool) -> Iterator[Parsed]:
    progress = None if args.quiet else Progress(stderr)
    files = 0
    pipeline = Pipeline()
    for extractor in args.extractor or ():
        pipeline = pipeline.with_extractor(extractor)
    try:
        results = parse_paths(args.paths, jobs=args.jobs, published=args.published,
                              max_bytes=args.max_size, as_json=as_json, progress=progress,
                              pipeline=pipeline)
    except ValueError as exc:  # an --extractor that worker processes cannot receive
        raise _UsageError(str(exc).replace("jobs=1", "--jobs 1")) from None
    folders = {Path(p): str(p) for p in args.paths if os.path.isdir(p)}
    empty = dict(folders)  # the folders named that have yielded no file yet
    for result in results:
        files += 1
        if empty:
            for folder in [f for f in empty if result.path.is_relative_to(f)]:
                del empty[folder]
        if result.error is not None:
            failures.report(result.error)
        else:
            yield result
    if args.quiet:
        return
    if not files:
        named = ", ".join(str(p) for p in args.paths)
        print(f"zjopen: warning: no article files (.txt, .html, .htm) in {named}",
              file=stderr)
    else:
        for named in empty.values():
            print(f"zjopen: warning: no article files (.txt, .html, .htm) in {named}",
                  file=stderr)


def _articles(args: argparse.Namespace, failures: _Failures, stderr: IO[str]
              ) -> Iterator[Article]:
    for result in _results(args, failures, stderr, as_json=False):
        assert result.article is not None
        yield result.article


_SIZE = lazy_compile(r"\A([0-9]+(?:\.[0-9]+)?)\s*([kmg]i?b?|b)?\Z", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2,
          "mib": 1024**2, "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def _size(text: str) -> int:
    """A size such as 64MB, 500k or 1048576 (bytes)."""
    match = _SIZE.match(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size (such as 64MB or 500k): {text!r}")
    return int(float(match[1]) * _UNITS[(match[2] or "").casefold()])


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _extractor(spec: str) -> Extractor:
    """MODULE:FUNCTION, imported (modules in the current folder are found too)."""
    module_name, _, name = spec.partition(":")
    if not module_name or not name:
        raise argparse.ArgumentTypeError(f"not MODULE:FUNCTION: {spec!r}")
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())  # as "python -m" would; worker processes inherit it
    try:
        target: object = importlib.import_module(module_name)
    except ImportError as exc:
        raise argparse.ArgumentTypeError(f"cannot import {module_name!r}: {exc}") from None
    except Exception as exc:  # the module's own code failed
        raise argparse.ArgumentTypeError(
            f"importing {module_name!r} failed: {type(exc).__name__}: {exc}") from None
    for part in name.split("."):
        if not hasattr(target, part):
            raise argparse.ArgumentTypeError(f"module {module_name!r} has no {name!r}")
        target = getattr(target, part)
    if not callable(target):
        raise argparse.ArgumentTypeError(f"{spec!r} is not a function")
    extractor: Extractor = target
    return extractor


def _add_batch_options(command: argparse.ArgumentParser) -> None:
    """The options of every command that parses many files."""
    command.add_argument("--published", type=_date, metavar="DATE",
                         help="publication date (YYYY-MM-DD) for articles that print none")
    command.add_argument("--max-size", type=_size, default=MAX_BYTES, metavar="SIZE",
                         help="refuse files larger than this (default: 16MB)")
    command.add_argument("-j", "--jobs", type=_positive, default=default_jobs(), metavar="N",
                         help="worker processes (default: the number of cores)")
    command.add_argument("--extractor", type=_extractor, action="append",
                         metavar="MODULE:FUNCTION",
                         help="also run this extractor (a function taking a zjopen.Document "
                         "and returning records); may be given more than once")
    command.add_argument("-q", "--quiet", action="store_true",
                         help="no progress display, report nothing but errors")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zjopen",
        description="Extract regions, enterprises, platforms, initiatives and figures "
        "from English news about Zhejiang's opening-up.",
    )
    parser.add_argument("--version", action="version", version=f"zjopen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse", help="parse articles (files or folders of .txt/.html)",
        description="Parse article files, or folders of them (*.txt, *.html, *.htm, recursively).",
    )
    parse.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    parse.add_argument("-f", "--format", choices=FORMATS, default="jsonl",
                       help="output format (default: jsonl)")
    parse.add_argument("-o", "--output", metavar="OUT",
                       help="output file (a folder for csv); default: standard output")
    _add_batch_options(parse)
    render = commands.add_parser(
        "render", help="write an HTML review page per article, records highlighted",
        description="Write DIR/<name>.html for every article (named after its file, "
        "unique per file) and DIR/index.html.",
    )
    render.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    render.add_argument("-o", "--output", required=True, metavar="DIR", help="output folder")
    _add_batch_options(render)
    schema = commands.add_parser("schema", help="print the JSON Schema of the output format")
    schema.add_argument("--gold", action="store_true",
                        help="the schema of the gold annotation format (zjopen evaluate) instead")
    schema.add_argument("-o", "--output", metavar="OUT", help="write to this file instead")
    score = commands.add_parser(
        "evaluate", help="score predictions against articles you annotated",
        description="Compare zjopen's output (PRED, JSON Lines from zjopen parse) with gold "
        "annotations (GOLD, JSON Lines in the format zjopen-gold/1) and print precision, "
        "recall and F1 per record kind.",
    )
    score.add_argument("gold", metavar="GOLD", help="the gold annotations (JSON Lines)")
    score.add_argument("pred", metavar="PRED",
                       help="the predictions (JSON Lines from zjopen parse); - for standard input")
    score.add_argument("--detail", action="store_true",
                       help="also list every missed and extra record, article by article")
    score.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def _in_workers(args: argparse.Namespace) -> bool:
    """Whether files may be parsed in worker processes (one file named is parsed here)."""
    return args.jobs > 1 and not (len(args.paths) == 1 and os.path.isfile(args.paths[0]))


@contextlib.contextmanager
def _output(path: str | None, stdout: IO[str]) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield stdout
        stdout.flush()
    else:
        with atomic_writer(path) as handle:
            yield handle


def _run_parse(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    failures = _Failures(stderr)
    if args.format == "csv":
        if not args.output or args.output == "-":
            print("zjopen: error: --format csv writes one table per record kind: "
                  "name a folder with -o", file=stderr)
            return 2
        from zjopen.formats.csv import write_csv  # each command imports what it alone uses

        write_csv(_articles(args, failures, stderr), args.output)
    else:
        with _output(args.output, stdout) as out:
            if args.format == "jsonl":
                # Lines are made in the workers when there are workers; in this process
                # a large article is written in pieces, never as one string (its JSON
                # would be several times its text), the others whole (faster).
                for result in _results(args, failures, stderr, as_json=_in_workers(args)):
                    if result.line is not None:
                        out.write(result.line)
                    else:
                        assert result.article is not None
                        if len(result.article.text) <= _WHOLE:
                            out.write(dumps(result.article))
                        else:
                            out.writelines(iter_dumps(result.article))
                    out.write("\n")
                    if out is stdout:
                        out.flush()
            elif args.format == "json":
                out.write("[")
                for n, article in enumerate(_articles(args, failures, stderr)):
                    out.write(("," if n else "") + "\n")
                    out.writelines(iter_dumps(article, indent=2))
                out.write("\n]\n")
            else:
                from zjopen.formats.table import render_table

                for n, article in enumerate(_articles(args, failures, stderr)):
                    out.write(("\n" if n else "") + render_table(article))
    if failures.count and not args.quiet:
        print(f"zjopen: {failures.count} file(s) failed", file=stderr)
    return 1 if failures.count else 0


def _run_render(args: argparse.Namespace, stderr: IO[str]) -> int:
    from zjopen.formats.review import write_review

    failures = _Failures(stderr)
    parsed = _results(args, failures, stderr, as_json=False)
    pages = write_review(((r.path, r.article) for r in parsed if r.article is not None),
                         args.output)
    if not args.quiet:
        print(f"zjopen: {len(pages)} page(s) and index.html in {args.output}", file=stderr)
    if failures.count and not args.quiet:
        print(f"zjopen: {failures.count} file(s) failed", file=stderr)
    return 1 if failures.count else 0


def _warning_printer(stderr: IO[str]) -> Callable[..., None]:
    """Warnings as the command line prints its own: ``zjopen: warning: ...``."""

    def show(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
        print(f"zjopen: warning: {message}", file=stderr)

    return show
def _run_evaluate(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from zjopen.evaluation import evaluate

    for role, path in (("GOLD", args.gold), ("PRED", args.pred)):
        if path != "-" and not os.path.isfile(path):
            reason = "is a folder" if os.path.isdir(path) else "no such file"
            raise _UsageError(f"{role} {path}: {reason}"
                              + (" (name the JSON Lines file zjopen parse wrote)"
                                 if role == "PRED" and os.path.isdir(path) else ""))
    if args.gold == "-":
        raise _UsageError("GOLD cannot be standard input; only PRED can be -")
    pred = sys.stdin.buffer if args.pred == "-" else args.pred
    try:
        result = evaluate(args.gold, pred, detail=args.detail)
    except EvaluationFormatError as exc:
        print(f"zjopen: error: {exc}", file=stderr)
        return 1
    except OSError as exc:
        raise _UsageError(f"cannot read {exc.filename}: {exc.strerror}") from None
    if not result.articles:
        print(f"zjopen: warning: {args.gold} holds no articles", file=stderr)
    if args.json:
        stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        stdout.write(result.format())
    return 0


def _terminate(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None,
         stderr: IO[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    warnings.showwarning = _warning_printer(err)
    with contextlib.suppress(ValueError):  # not in the main thread
        signal.signal(signal.SIGTERM, _terminate)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    save_at_exit()  # the patterns this run compiles, for the next (lexicon/_compile_cache.py)
    freeze_loads()  # the data loaded lives to the end: the collector need not walk it
    try:
        if args.command == "schema":
            from zjopen.evaluation import gold_schema
            from zjopen.formats.schema import json_schema

            schema = gold_schema() if args.gold else json_schema()
            with _output(args.output, out) as handle:
                handle.write(to_json_text(schema, indent=2) + "\n")
            return 0
        if args.command == "evaluate":
            return _run_evaluate(args, out, err)
        if args.command == "render":
            return _run_render(args, err)
        return _run_parse(args, out, err)
    except _UsageError as exc:
        print(f"zjopen: error: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        print("zjopen: interrupted", file=err)
        return 130
    except BrokenPipeError:
        # The reader went away (``zjopen parse ... | head``): stop quietly.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the interpreter's exit
        return 1
    except OSError as exc:
        print(f"zjopen: error: {exc}", file=err)
        return 1

