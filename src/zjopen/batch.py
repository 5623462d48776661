"""Parsing many files: in worker processes, in input order, with progress.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Yiwu grows\\n\\nTrade rose 5% in 2023.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> [(r.path.name, r.article.id if r.article else None, r.error is not None)
...  for r in parse_paths([folder], jobs=1)]
[('a.txt', 'a', False), ('b.txt', None, True)]

Results come back in the order of the input files whatever ``jobs`` is, so output is
byte-identical to a single-process run; a file that fails is a result with ``error`` set,
and the batch goes on.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from zjopen.errors import ZjopenError
from zjopen.formats.json import dumps
from zjopen.lexicon import _user_cache as user_cache
from zjopen.lexicon._compile_cache import save_new
from zjopen.model import Article
from zjopen.pipeline import MAX_BYTES, Pipeline

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["ArticleIds", "Parsed", "Progress", "default_jobs", "iter_paths", "parse_paths"]


@attrs.frozen
class Parsed:
    """The outcome of one file: an article (and its JSON line when asked for), or an error
    message naming the file."""

    path: Path
    size: int
    article: Article | None = None
    line: str | None = None
    error: str | None = None


def default_jobs() -> int:
    """The number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _parse_one(path: Path, article_id: str, published: date | None, max_bytes: int,
               as_json: bool, pipeline: Pipeline) -> Parsed:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    try:
        article = pipeline.parse_file(path, published=published, max_bytes=max_bytes)
        if article.id == path.stem != article_id:  # (a name another file of the run has:
            article = attrs.evolve(article, id=article_id)  # ArticleIds)
    except ZjopenError as exc:
        message = str(exc)
    except (RecursionError, MemoryError) as exc:
        message = f"{path}: too complex to parse ({type(exc).__name__})"
    except Exception as exc:
        message = f"{path}: internal error, please report it: {type(exc).__name__}: {exc}"
    else:
        if _state.get("worker"):
            save_new()  # (a worker ends without running what waits for the exit)
        if as_json:
            return Parsed(path, size, line=dumps(article))
        return Parsed(path, size, article=article)
    if str(path) not in message:
        message = f"{path}: {message}"
    return Parsed(path, size, error=message)


def parse_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    published: date | None = None,
    max_bytes: int = MAX_BYTES,
    as_json: bool = False,
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Parsed]:
    """Parse every article file under ``paths``, yielding results in input order.

    With ``jobs > 1`` files are parsed in that many worker processes; at most a few
    files per worker are in flight, so memory stays flat however many files there are.
    With ``as_json`` each result carries the article's JSON line instead of the object
    (cheaper to send between processes). ``pipeline`` parses each file (default: the
    built-in extractors); with ``jobs > 1`` it must be picklable — its extractors defined
    at the top level of a module — or :class:`ValueError` says so before any file is read.
    """
    chosen = Pipeline() if pipeline is None else pipeline
    if jobs > 1 and not _built_in(chosen):  # (the built-in one can be sent: no need to try)
        _check_sendable(chosen)
    return _parse_paths(paths, jobs, published, max_bytes, as_json, progress, chosen)


def _built_in(pipeline: Pipeline) -> bool:
    """Whether ``pipeline`` runs the built-in extractors and link steps, and no other."""
    default = Pipeline()
    return (pipeline.extractors is default.extractors
            and pipeline.link_steps is default.link_steps)


def _check_sendable(pipeline: Pipeline) -> None:
    """Worker processes receive the pipeline pickled: say early when it cannot be."""
    import pickle  # like the process pool, imported only when there are workers
    try:
        pickle.dumps(pipeline)
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise ValueError(
            f"the pipeline cannot be sent to worker processes ({exc}): define its "
            "extractors at the top level of a module (not as lambdas or inside functions), "
            "or parse with jobs=1"
        ) from None


def _parse_paths(paths: Sequence[str | os.PathLike[str]], jobs: int, published: date | None,
                 max_bytes: int, as_json: bool, progress: Progress | None,
                 pipeline: Pipeline) -> Iterator[Parsed]:
    if progress is not None:  # a terminal's progress line walks the folders once more
        progress.start(iter_paths(paths) if progress.enabled else ())
    ids = ArticleIds()
    # (streamed: the files are not held, only their ids)
    named = ((path, ids.take(path)) for path in iter_paths(paths))
    first = list(itertools.islice(named, 2))
    files = itertools.chain(first, named)
    job = (published, max_bytes, as_json, pipeline)
    results = (_serial(files, job) if jobs <= 1 or len(first) < 2
               else _parallel(files, jobs, job))
    for result in results:
        if progress is not None:
            progress.advance(result)
        yield result
    if progress is not None:
        progress.finish()


_Job = tuple[date | None, int, bool, Pipeline]  # what _parse_one needs beside the path


def _serial(files: Iterable[tuple[Path, str]], job: _Job) -> Iterator[Parsed]:
    for path, article_id in files:
        yield _parse_one(path, article_id, *job)


def _parallel(files: Iterator[tuple[Path, str]], jobs: int, job: _Job) -> Iterator[Parsed]:
    from concurrent.futures import ProcessPoolExecutor  # a few tens of ms: not for --jobs 1

    window = 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(os.getpid(), user_cache.saving())) as pool:
        pending: deque[Future[Parsed]] = deque()
        queue = iter(files)
        for path, article_id in queue:
            pending.append(pool.submit(_parse_one, path, article_id, *job))
            if len(pending) >= window:
                break
        while pending:
            result = pending.popleft().result()
            following = next(queue, None)
            if following is not None:
                pending.append(pool.submit(_parse_one, following[0], following[1], *job))
            yield result


def _start_worker(parent: int, saving: bool) -> None:
    """In a worker: watch the parent; write the user cache if the parent may."""
    if saving:
        user_cache.save()
        _state["worker"] = True
    _watch_parent(parent)


_state: dict[str, bool] = {}  # "worker": this process is a worker that writes the cache


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the parent process is gone (killed, say), instead of
    living on idle."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    import threading  # (only a worker process watches)

    threading.Thread(target=watch, name="zjopen-parent-watch", daemon=True).start()


class Progress:
    """A one-line progress display on a terminal: files, MB/s, ETA. Silent elsewhere."""

    def __init__(self, stream: IO[str] | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total_files = 0
        self.total_bytes = 0
        self.done_files = 0
        self.done_bytes = 0
        self.started = 0.0
        self.shown = 0.0

    def start(self, files: Iterable[Path]) -> None:
        """Count the files to come (their sizes too, when the line is shown)."""
        self.total_files = self.total_bytes = 0
        for path in files:
            self.total_files += 1
            self.total_bytes += _size(path) if self.enabled else 0
        self.started = time.monotonic()

    def advance(self, result: Parsed) -> None:
        self.done_files += 1
        self.done_bytes += result.size
        now = time.monotonic()
        if self.enabled and (now - self.shown > 0.2 or self.done_files == self.total_files):
            self.shown = now
            self.stream.write("\r" + self.line(now) + " " * 4)
            self.stream.flush()

    def line(self, now: float) -> str:
        """The progress line, e.g. ``120/300 files  4.1 MB  2.05 MB/s  ETA 3s``."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done_bytes / elapsed / 1e6
        left = max(self.total_bytes - self.done_bytes, 0) / 1e6
        eta = f"ETA {left / rate:.0f}s" if rate > 0 and left > 0 else ""
        return (f"{self.done_files}/{self.total_files} files  {self.done_bytes / 1e6:.1f} MB  "
                f"{rate:.2f} MB/s  {eta}").rstrip()

    def finish(self) -> None:
        if self.enabled and self.total_files:
            self.stream.write("\n")
            self.stream.flush()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class ArticleIds:
    """Unique, deterministic article ids for the files of one run, in the order they are
    parsed: a file's name without its extension; when another file of the run has it, its
    folder's name and that, then the name and the file type, then both, then a number
    (as ``zjopen render`` names pages): ``x/a.txt``, ``y/a.txt`` and ``x/a.html`` are
    ``a``, ``y-a`` and ``x-a``. A run remembers each id it gave (some 120 bytes a file).

    >>> ids = ArticleIds()
    >>> [ids.take(Path(p)) for p in ("x/a.txt", "y/a.txt", "x/a.html", "y/a.html")]
    ['a', 'y-a', 'x-a', 'a-html']
    >>> [ids.take(Path(p)) for p in ("z/y/a.html", "w/y/a.html")]
    ['y-a-html', 'a-2']
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, path: Path) -> str:
        """The id of the next file, ``path``, now taken."""
        stem, folder, kind = path.stem, path.parent.name, path.suffix.lstrip(".")
        used = self._used
        if stem not in used:
            used.add(stem)
            return stem
        for candidate in (f"{folder}-{stem}" if folder else stem, f"{stem}-{kind}",
                          f"{folder}-{stem}-{kind}" if folder else stem):
            if candidate not in used:
                used.add(candidate)
                return candidate
        n = 2
        while f"{stem}-{n}" in used:
            n += 1
        used.add(f"{stem}-{n}")
        return f"{stem}-{n}"


def iter_paths(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and article files (``*.txt``, ``*.html``, ``*.htm``) under folders
    named, recursively and sorted; each once.

    Streamed: one folder listing is held at a time, so memory does not grow with the
    number of files (symbolic links to folders are not followed, as with ``rglob``).
    """
    given = [Path(raw) for raw in paths]
    # A file comes twice only when one path lies inside another (or is named twice):
    # only then are the files yielded remembered.
    nested = any(i != j and b.parts[: len(a.parts)] == a.parts
                 for i, a in enumerate(given) for j, b in enumerate(given))
    seen: set[Path] | None = set() if nested else None
    for path in given:
        for item in _walk(path) if path.is_dir() else iter((path,)):
            if seen is not None:
                if item in seen:
                    continue
                seen.add(item)
            yield item


_ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})


def _is_article(name: str) -> bool:
    dot = name.rfind(".")  # Path.suffix's rule: a leading dot starts no suffix
    return 0 < dot < len(name) - 1 and name[dot:].lower() in _ARTICLE_SUFFIXES


def _walk(folder: Path) -> Iterator[Path]:
    """The article files under ``folder`` in the order ``sorted(folder.rglob("*"))``
    gives: depth first, each folder's entries sorted by name."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((entry.name, _kind(entry)) for entry in listing)
    except OSError:
        yield folder  # reading it then says why it cannot be listed: the batch goes on
        return
    for name, kind in entries:
        if kind == "dir":
            yield from _walk(folder / name)
        elif kind == "file" and _is_article(name):
            yield folder / name


def _kind(entry: os.DirEntry[str]) -> str:
    try:
        if entry.is_dir() and not entry.is_symlink():
            return "dir"
        return "file" if entry.is_file() else "other"
    except OSError:
        return "other"
