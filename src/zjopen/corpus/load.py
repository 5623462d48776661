"""Fast, streaming reading of JSON Lines written by :func:`zjopen.formats.json.dumps`.

:func:`zjopen.formats.json.loads` structures every field through cattrs and every record's
constructor; that is exact and names every bad field, but reads about 10 MB/s. A corpus of
hundreds of megabytes wants more, so :func:`article_from_data` builds the records of a
well-formed line directly:

- values of the exact JSON types the writer emits are checked with cheap type tests and
  set-membership checks (units, codes, enums) instead of validators, and articles,
  metrics, regions and spans are made through the attrs pickle protocol
  (``__setstate__``), which is what :mod:`pickle` does with them;
- repeated strings (units, codes, indicators), dates and periods are shared;
- the article's own invariants are checked as its constructor checks them: every span
  slices the text, metric ids are unique, every ``of`` names a metric of the article.

Anything the lean path does not recognise as canonical (a number given as a string, a
missing key or one it does not know, a model with new fields) falls back to
:func:`zjopen.formats.converter.from_data`, which either accepts it exactly as
:func:`zjopen.formats.json.loads` would or raises :class:`~zjopen.errors.FormatError`
naming the bad field. Whatever the fast JSON decoder cannot read (bytes that are not
UTF-8, bad syntax, an integer of more than 4,300 digits, nesting deep enough to exhaust
the stack), a line with a surrogate escape (``\\ud800``), and a non-canonical line that
could nest more than :data:`~zjopen.formats.json.MAX_DEPTH` levels go through ``loads``
itself, which refuses them with :class:`~zjopen.errors.NotJsonError`. So the result, or the
error, is always the one ``loads`` gives (:meth:`LeanReader.read_line`).

**Reading a file.** :class:`ArticleStream` (what ``Corpus.iter_load`` returns) reads a path
as bytes, line by line, gunzipping a ``.gz`` one, so that every failure has a line number:
a bad line raises its typed error, or with ``errors="skip"`` is counted in the stream's
:class:`LoadReport` and passed over; gzip data cut short or corrupt raises
:class:`~zjopen.errors.CompressedFileError`, or with ``"skip"`` ends the reading, reported
as the ``truncation``. :func:`read_corpus` (``Corpus.load``) also keeps one article per id.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import IO, Literal

import attrs

from zjopen.corpus.lean import LEAN, LeanReader
from zjopen.errors import (
    CompressedFileError,
    DuplicateIdError,
    FormatError,
    InputError,
    NotJsonError,
    ZjopenError,
)
from zjopen.model import (
    Article,
)

__all__ = [
    "LEAN", "MAX_PROBLEMS", "ArticleStream", "LeanReader", "LoadErrors", "LoadProblem",
    "LoadReport", "LoadSource", "iter_articles", "open_lines", "open_text", "read_corpus",
]

LoadErrors = Literal["raise", "skip"]
"""What a load does with a bad line: raise its error (``"raise"``), or skip it and
report it (``"skip"``)."""

MAX_PROBLEMS = 20
"""How many bad lines a :class:`LoadReport` describes (it counts them all)."""

LoadSource = str | os.PathLike[str] | IO[str] | IO[bytes]
"""A JSON Lines file: a path (gzip-compressed when it ends in ``.gz``) or an open stream
of text or bytes."""


@attrs.frozen
class LoadProblem:
    """A bad line a load skipped, or the line where it had to stop: its number (from 1)
    and the error, whose message names the file and the line.

    >>> from zjopen.errors import NotJsonError
    >>> problem = LoadProblem(7, NotJsonError("a.jsonl:7: not JSON: Expecting value"))
    >>> problem.line, problem.message
    (7, 'a.jsonl:7: not JSON: Expecting value')
    """

    line: int
    error: FormatError

    @property
    def message(self) -> str:
        """The error's message."""
        return str(self.error)

    def __str__(self) -> str:
        return self.message


@attrs.define
class LoadReport:
    """What a load read from one JSON Lines source, filled in as it reads.

    ``lines`` counts the lines read so far (blank ones too); ``bad_lines`` the lines
    skipped (``errors="skip"``) because they were not JSON, not an article, or (for
    :meth:`~zjopen.corpus.Corpus.load`) gave an id already read with a different article;
    ``problems`` describes the first :data:`MAX_PROBLEMS` of them. ``truncation`` is set
    when the reading stopped before the end of the data (a gzip file cut short or
    corrupt): every complete line before it was read.

    >>> from zjopen.errors import NotJsonError
    >>> report = LoadReport("a.jsonl", lines=9)
    >>> report.add(7, NotJsonError("a.jsonl:7: not JSON: Expecting value"))
    >>> report.ok, report.bad_lines, [p.line for p in report.problems]
    (False, 1, [7])
    >>> print(report)
    a.jsonl: 1 of 9 lines skipped
      a.jsonl:7: not JSON: Expecting value
    """

    source: str
    lines: int = 0
    bad_lines: int = 0
    problems: list[LoadProblem] = attrs.Factory(list)
    truncation: LoadProblem | None = None

    @property
    def ok(self) -> bool:
        """Whether every line was read: none skipped, no truncation."""
        return not self.bad_lines and self.truncation is None

    @property
    def truncated(self) -> bool:
        """Whether the reading stopped before the end of the data."""
        return self.truncation is not None

    def add(self, line: int, error: FormatError) -> None:
        """Count a skipped line (and describe it, if fewer than :data:`MAX_PROBLEMS` are)."""
        self.bad_lines += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(LoadProblem(line, _detached(error)))

    def stop(self, line: int, error: FormatError) -> None:
        """Record that the reading stopped at ``line`` (see :attr:`truncation`)."""
        self.truncation = LoadProblem(line, _detached(error))

    def __str__(self) -> str:
        if self.ok:
            return f"{self.source}: {self.lines:,} lines read, none skipped"
        parts = []
        if self.bad_lines:
            parts.append(f"{self.bad_lines:,} of {self.lines:,} lines skipped")
        if self.truncation is not None:
            parts.append(f"stopped at line {self.truncation.line:,}")
        found = [p.message for p in self.problems]
        if self.bad_lines > len(self.problems):
            found.append(f"(and {self.bad_lines - len(self.problems):,} more bad lines)")
        if self.truncation is not None:
            found.append(self.truncation.message)
        return "\n  ".join([f"{self.source}: " + ", ".join(parts)]
                           + [message.replace("\n", "\n  ") for message in found])


def _detached(error: FormatError) -> FormatError:
    """``error`` without its traceback (and its causes' ones), so that a report holding it
    keeps no frame of the reader, with its caches, alive."""
    seen: BaseException | None = error
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return error


class ArticleStream(Iterator[Article]):
    """The articles of a JSON Lines source, one at a time (what
    :meth:`~zjopen.corpus.Corpus.iter_load` returns); :attr:`report` is filled in as it
    goes. The source is opened on the first ``next``; as a context manager (or by
    :meth:`close`), the stream closes it before the end::

        with Corpus.iter_load("big.jsonl.gz", errors="skip") as articles:
            for article in articles:
                ...
        print(articles.report)
    """

    __slots__ = ("_numbered", "report")

    def __init__(self, source: LoadSource, *, where: Callable[[Article], bool] | None = None,
                 errors: LoadErrors = "raise") -> None:
        skip = _skipping(errors)
        self.report: LoadReport = LoadReport(_source_name(source))
        """The lines read and skipped so far."""
        self._numbered = _read_source(source, self.report, where=where, skip=skip)

    def __iter__(self) -> ArticleStream:
        return self

    def __next__(self) -> Article:
        return next(self._numbered)[1]

    def numbered(self) -> Iterator[tuple[int, Article]]:
        """The rest of the articles, each with its line number."""
        return self._numbered

    def close(self) -> None:
        """Stop reading and close the source (a stream given open is left open)."""
        self._numbered.close()

    def __enter__(self) -> ArticleStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _skipping(errors: str) -> bool:
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    return errors == "skip"


def _source_name(source: LoadSource) -> str:
    """How messages name ``source``: its path, a stream's ``name``, or ``<stream>``."""
    if isinstance(source, str | os.PathLike):
        return str(source)
    name = getattr(source, "name", None)
    return str(name) if name else "<stream>"


def read_corpus(source: LoadSource, *, where: Callable[[Article], bool] | None = None,
                errors: LoadErrors = "raise") -> tuple[dict[str, Article], LoadReport]:
    """The articles of a JSON Lines source by id (in the order read), and the report.

    An id read again with an equal article is kept once; with a different article it is
    a bad line: :class:`~zjopen.errors.DuplicateIdError` naming both lines is raised, or
    with ``errors="skip"`` the later line is skipped and reported.
    """
    stream = ArticleStream(source, where=where, errors=errors)
    report, skip = stream.report, errors == "skip"
    articles: dict[str, Article] = {}
    first_line: dict[str, int] = {}
    with stream:
        for number, article in stream.numbered():
            article_id = article.id
            old = articles.get(article_id)
            if old is None:
                articles[article_id] = article
                first_line[article_id] = number
            elif old != article:
                error = DuplicateIdError(
                    f"{report.source}:{number}: two different articles have the id "
                    f"{article_id!r} (lines {first_line[article_id]} and {number})")
                if not skip:
                    raise error
                report.add(number, error)
    return articles, report


def _read_source(source: LoadSource, report: LoadReport, *,
                 where: Callable[[Article], bool] | None, skip: bool,
                 ) -> Generator[tuple[int, Article], None, None]:
    with open_lines(source) as lines:
        yield from _read_lines(lines, report, where=where, skip=skip)


def _read_lines(lines: Iterable[str] | Iterable[bytes], report: LoadReport, *,
                where: Callable[[Article], bool] | None, skip: bool,
                ) -> Iterator[tuple[int, Article]]:
    """The hot loop: each line's article with its number; blank lines are passed over, a
    bad line raises its error or (``skip``) is counted in ``report``."""
    name = report.source
    read = LeanReader().read_line
    rows: Iterator[str | bytes] = iter(lines)
    number = 0
    while True:
        try:
            line = next(rows)
        except StopIteration:
            return
        except _STREAM_ERRORS as exc:  # the data ends early, or cannot be read
            error = _stream_error(exc, name, number + 1)
            if skip and isinstance(error, FormatError):
                report.stop(number + 1, error)
                return
            raise error from None
        number += 1
        report.lines = number
        if not line or line.isspace():
            continue
        try:
            article = read(line, source=f"{name}:{number}")
        except FormatError as exc:
            if _blank(line):
                continue
            if not skip:
                raise
            report.add(number, exc)
            continue
        if where is None or where(article):
            yield number, article


def _blank(line: str | bytes) -> bool:
    """Whether a line is white space only (bytes decoded: non-ASCII white space too)."""
    if isinstance(line, bytes):
        line = line.decode("utf-8", "replace")
    return line.isspace()


_STREAM_ERRORS = (EOFError, zlib.error, OSError, UnicodeDecodeError)


def _stream_error(exc: BaseException, name: str, number: int) -> ZjopenError:
    """The error for a failure reading line ``number`` of ``name``."""
    where = f"{name}:{number}"
    if isinstance(exc, EOFError):
        return CompressedFileError(
            f"{where}: the compressed data ends early (the gzip file is cut short); "
            f"the {number - 1:,} complete lines before were read")
    if isinstance(exc, zlib.error | gzip.BadGzipFile):
        return CompressedFileError(f"{where}: corrupt compressed data: {exc}")
    if isinstance(exc, UnicodeDecodeError):  # from a text stream given open
        return NotJsonError(f"{where}: not JSON: the stream is not UTF-8 at or after this "
                            f"line ({exc.reason})")
    assert isinstance(exc, OSError)
    return InputError(name, f"cannot be read at line {number}: {exc.strerror or exc}")


def iter_articles(
    lines: Iterable[str] | Iterable[bytes],
    *,
    source: str,
    where: Callable[[Article], bool] | None = None,
    errors: LoadErrors = "raise",
    report: LoadReport | None = None,
) -> Iterator[Article]:
    """The articles of JSON Lines, lazily; blank lines are skipped, ``where`` filters.

    A bad line raises :class:`~zjopen.errors.NotJsonError` or
    :class:`~zjopen.errors.InvalidArticleError` naming ``source`` and the line number;
    with ``errors="skip"`` it is skipped and counted in ``report`` (when given).
    """
    skip = _skipping(errors)
    filled = report if report is not None else LoadReport(source)
    for _, article in _read_lines(lines, filled, where=where, skip=skip):
        yield article


@contextlib.contextmanager
def open_lines(source: LoadSource) -> Iterator[Iterable[str] | Iterable[bytes]]:
    """The lines of a path as bytes (gunzipped if the name ends in ``.gz``), or the stream
    given (left open).

    Raises :class:`~zjopen.errors.InputError` for a path that cannot be opened (missing,
    a folder, not permitted) and :class:`~zjopen.errors.CompressedFileError` for a
    ``.gz`` file that is not gzip data.
    """
    if not isinstance(source, str | os.PathLike):
        yield source
        return
    name = str(source)
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(name, _reason(exc)) from None
    with handle:
        if not name.lower().endswith(".gz"):
            yield handle
            return
        try:
            start = handle.peek(2)[:2]
        except OSError as exc:
            raise InputError(name, _reason(exc)) from None
        if not _GZIP_MAGIC.startswith(start):
            raise CompressedFileError(f"{name}: not gzip data: a .gz file starts with the "
                                      f"bytes 1f 8b, this one with {start.hex(' ')}")
        with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
            yield unpacked


_GZIP_MAGIC = b"\x1f\x8b"


def _reason(exc: OSError) -> str:
    """Why a file cannot be opened, as :class:`~zjopen.errors.InputError` says it."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot be read: {exc.strerror or exc}"


@contextlib.contextmanager
def open_text(source: str | os.PathLike[str] | IO[str]) -> Iterator[IO[str]]:
    """A text stream reading a path (gzip-compressed if it ends in ``.gz``), or the
    stream given (left open)."""
    if not isinstance(source, str | os.PathLike):
        yield source
        return
    path = Path(source)
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
            yield handle
    else:
        with open(path, encoding="utf-8", newline="\n") as handle:
            yield handle
