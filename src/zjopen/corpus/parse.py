"""Parsing the files of a corpus: :mod:`zjopen.batch` plus failures collected and warned."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import IO

import attrs

from zjopen.batch import Progress, default_jobs, iter_paths, parse_paths
from zjopen.model import Article
from zjopen.pipeline import Pipeline

__all__ = ["Failure", "parse_corpus"]


@attrs.frozen
class Failure:
    """A file that could not be parsed, and why.

    >>> str(Failure("news/a.txt", "the file is empty"))
    'news/a.txt: the file is empty'
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def parse_corpus(
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int | None,
    published: date | None,
    max_bytes: int,
    stderr: IO[str],
    progress: bool | None,
    pipeline: Pipeline | None = None,
) -> tuple[list[Article], list[Failure]]:
    """Parse every article file named or under a folder named (see
    :func:`zjopen.batch.iter_paths`): the articles in path order, and the failures,
    each also written to ``stderr`` as ``zjopen: warning: PATH: REASON``.

    A file giving an article id an earlier file gave is a failure too (ids must be
    unique in a corpus); a worker process dying fails the files not yet parsed.
    """
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    meter = Progress(stderr, enabled=progress)
    articles: list[Article] = []
    failures: list[Failure] = []
    seen: dict[str, str] = {}

    def fail(path: str, message: str) -> None:
        failure = Failure(path, message.removeprefix(f"{path}: "))
        failures.append(failure)
        clear = "\r\x1b[K" if meter.enabled and meter.done_files else ""
        stderr.write(f"{clear}zjopen: warning: {failure}\n")
        stderr.flush()

    done = 0
    try:
        for result in parse_paths(paths, jobs=jobs, published=published,
                                  max_bytes=max_bytes, progress=meter, pipeline=pipeline):
            done += 1
            path, article = str(result.path), result.article
            if article is None:
                fail(path, result.error or "could not be parsed")
            elif article.id in seen:
                fail(path, f"another file has the same article id {article.id!r} "
                           f"({seen[article.id]}); rename one of them")
            else:
                seen[article.id] = path
                articles.append(article)
    except BrokenProcessPool as exc:
        meter.finish()
        for path in [str(p) for p in iter_paths(paths)][done:]:
            fail(path, f"not parsed: a worker process died ({exc})")
    return articles, failures
