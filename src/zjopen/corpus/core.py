"""Many articles at once: parse them in parallel, merge what they name, query their figures.

A :class:`Corpus` holds parsed articles (one per id, kept in id order) and answers
questions across them:

>>> from zjopen.pipeline import parse
>>> corpus = Corpus([
...     parse("Ningbo trade\\n\\nNingbo's foreign trade reached 1.27 trillion yuan in 2023.",
...           id="a"),
...     parse("Beilun exports\\n\\nIn 2023, Beilun's exports rose to 320 billion yuan.", id="b"),
... ])
>>> [(h.article_id, h.region_name, h.value) for h in
...  corpus.metrics.where(region="Ningbo", within=True, year=2023, unit="CNY")]
[('a', 'Ningbo', Decimal('1270000000000')), ('b', 'Beilun', Decimal('320000000000'))]
>>> [r.name for r in corpus.regions.where(region="Ningbo", within=True)]
['Ningbo', 'Beilun']

**Queries** are small, typed and chainable: :attr:`Corpus.metrics` (figures, each a
:class:`MetricHit` carrying its article id), :attr:`Corpus.regions`,
:attr:`Corpus.enterprises`, :attr:`Corpus.platforms` and :attr:`Corpus.initiatives`
(records merged across articles, each mention with its article id). Region arguments
take a name, alias or code and raise :class:`~zjopen.errors.UnknownRegionError` with
suggestions for unknown ones. :meth:`Corpus.timeseries` and :meth:`Corpus.conflicts`
put figures side by side.

**Merging.** Regions merge by code; companies, platforms and initiatives by
knowledge-base id, else by normalised name and aliases; the name kept is the most
frequent one (ties: alphabetical). The result never depends on the order articles were
added in.

**Files.** :meth:`Corpus.from_paths` parses files and folders in worker processes;
:meth:`Corpus.save` and :meth:`Corpus.load` write and read JSON Lines (gzip-compressed when
the name ends in ``.gz``); :meth:`Corpus.iter_load` streams a corpus too large for memory,
filtering as it reads. A bad line raises a typed :class:`~zjopen.errors.FormatError` naming
the file and line, or with ``errors="skip"`` is skipped and reported
(:attr:`Corpus.load_report`, :class:`~zjopen.corpus.LoadReport`).
:meth:`Corpus.to_records`, :meth:`Corpus.to_pandas`, :meth:`Corpus.to_parquet` (pandas and
pyarrow: ``pip install 'zjopen[pandas]'``) and :meth:`Corpus.write_csv` export.
``docs/corpus.md`` has a recipe for querying the Parquet export with DuckDB.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from zjopen.corpus import export as _corpus_export
from zjopen.corpus.analysis import DEFAULT_TOLERANCE, Conflict, Timeseries
from zjopen.corpus.load import (
    ArticleStream,
    LoadErrors,
    LoadReport,
    LoadSource,
    read_corpus,
)
from zjopen.corpus.metric_query import MetricQuery
from zjopen.corpus.parse import Failure, parse_corpus
from zjopen.corpus.record_query import (
    EnterpriseQuery,
    InitiativeQuery,
    PlatformQuery,
    RegionQuery,
    region_codes,
)
from zjopen.corpus.region_view import RegionView
from zjopen.corpus.snapshot import Snapshot
from zjopen.formats.atomic import atomic_writer
from zjopen.formats.csv import write_csv
from zjopen.formats.json import dumps
from zjopen.gazetteer import Place
from zjopen.gazetteer.codes import resolve
from zjopen.lexicon.load import paused_gc
from zjopen.model import Article, MetricKind, PeriodKind
from zjopen.pipeline import MAX_BYTES, Pipeline

__all__ = ["Corpus"]

PathOrStream = str | os.PathLike[str] | IO[str]


class Corpus:
    """A collection of parsed articles, one per id, queried as a whole.

    ``Corpus(articles)`` collects articles already parsed; :meth:`from_paths` parses
    files, :meth:`load` reads a saved corpus. Two corpora are equal when they hold equal
    articles (:attr:`failures` are not compared). Iterating yields the articles in id
    order.
    """

    __slots__ = ("_articles", "_failures", "_load_report", "_snapshot")

    def __init__(self, articles: Iterable[Article] = (), *,
                 failures: Iterable[Failure] = ()) -> None:
        self._articles: dict[str, Article] = {}
        self._failures: tuple[Failure, ...] = tuple(failures)
        self._snapshot: Snapshot | None = None
        self._load_report: LoadReport | None = None
        self.extend(articles)

    # -- building ------------------------------------------------------------------

    @classmethod
    def from_paths(
        cls,
        paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        *,
        jobs: int | None = None,
        published: date | None = None,
        max_bytes: int = MAX_BYTES,
        progress: bool | None = None,
        stderr: IO[str] | None = None,
        pipeline: Pipeline | None = None,
    ) -> Corpus:
        """Parse article files, and the ``*.txt``/``*.html``/``*.htm`` files under folders,
        in ``jobs`` worker processes (default: one per CPU; ``1`` parses in this process).

        The result does not depend on ``jobs``. A file that cannot be parsed (or repeats
        an article id) does not stop the others: it is listed in :attr:`failures` and
        reported on ``stderr`` (default: :data:`sys.stderr`) as
        ``zjopen: warning: PATH: REASON``. On a terminal a progress counter is shown too
        (``progress=True``/``False`` forces it on or off). ``pipeline`` parses each file
        (default: the built-in extractors; with ``jobs > 1`` it must be picklable, see
        :func:`zjopen.batch.parse_paths`).
        """
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        articles, failures = parse_corpus(
            paths, jobs=jobs, published=published, max_bytes=max_bytes,
            stderr=stderr if stderr is not None else sys.stderr, progress=progress,
            pipeline=pipeline,
        )
        return cls(articles, failures=failures)

    def add(self, article: Article) -> None:
        """Add one article. Adding an equal article again changes nothing; a different
        article with an id already present raises :class:`ValueError`."""
        old = self._articles.get(article.id)
        if old is not None:
            if old == article:
                return
            raise ValueError(f"the corpus already holds a different article with id "
                             f"{article.id!r}")
        self._articles[article.id] = article
        self._snapshot = None

    def extend(self, articles: Iterable[Article]) -> None:
        """Add each article (see :meth:`add`)."""
        for article in articles:
            self.add(article)

    # -- files ---------------------------------------------------------------------

    def save(self, target: PathOrStream) -> int:
        """Write the articles as JSON Lines, in id order, to a path (atomically; gzip when
        it ends in ``.gz``) or an open text stream; returns the number written."""
        if not isinstance(target, str | os.PathLike):
            return self._write(target)
        path = Path(target)
        if path.suffix.lower() != ".gz":
            with atomic_writer(path, newline="\n") as handle:
                return self._write(handle)
        with atomic_writer(path, newline="\n", compress=True) as handle:
            return self._write(handle)

    def _write(self, stream: IO[str]) -> int:
        for article in self.articles:
            stream.write(dumps(article) + "\n")
        return len(self._articles)

    @staticmethod
    def iter_load(
        source: LoadSource,
        *,
        where: Callable[[Article], bool] | None = None,
        errors: LoadErrors = "raise",
    ) -> ArticleStream:
        """The articles of a JSON Lines file (gzip when it ends in ``.gz``) or an open
        text or binary stream, one at a time, keeping those ``where`` accepts: memory
        holds one article at a time, however large the file. Blank lines are passed over.

        Every article of the file is yielded, an id repeated or not (:meth:`load` keeps one
        per id). The file is opened on the first ``next``. The stream returned is an
        iterator with a :class:`~zjopen.corpus.LoadReport`, ``.report``, filled in as it
        reads (lines read, lines skipped and why); ``with`` closes the file early::

            with Corpus.iter_load("big.jsonl.gz", errors="skip") as articles:
                for article in articles:
                    ...
            if not articles.report.ok:
                print(articles.report)

        ``errors="raise"`` (the default): a bad line raises
        :class:`~zjopen.errors.NotJsonError` (not UTF-8, not JSON, nested too deep, an
        integer of more than 4,300 digits, a lone surrogate such as ``"\\ud800"``) or
        :class:`~zjopen.errors.InvalidArticleError` (JSON, but not an article), the message
        naming the file and line. ``errors="skip"``: a bad line is counted in the report
        and skipped; every good line is read.

        Either way, a file that cannot be opened (missing, a folder, not permitted) raises
        :class:`~zjopen.errors.InputError`, and a ``.gz`` file that is not gzip data
        :class:`~zjopen.errors.CompressedFileError`. Gzip data cut short or corrupt further
        on raises :class:`~zjopen.errors.CompressedFileError` naming the line; with
        ``"skip"`` the reading stops there instead, every complete line before the cut
        read, and the report's ``truncation`` says where.
        """
        return ArticleStream(source, where=where, errors=errors)

    @classmethod
    def load(
        cls,
        source: LoadSource,
        *,
        where: Callable[[Article], bool] | None = None,
        errors: LoadErrors = "raise",
    ) -> Corpus:
        """A corpus saved by :meth:`save` (or any zjopen JSON Lines), keeping the articles
        ``where`` accepts (all by default).

        Bad lines, truncated gzip and unreadable files are handled as :meth:`iter_load`
        says: by default the first raises its typed error, naming the file and line, and
        nothing is loaded. An id read again with the same article is kept once; with a
        different article it is a bad line too: :class:`~zjopen.errors.DuplicateIdError`
        naming both lines.

        With ``errors="skip"`` every good line is kept and each bad one skipped (of two
        different articles with one id, the first is kept): check
        :attr:`load_report`, which counts the bad lines and describes the first ones.

        >>> import io
        >>> good = '{"format": "zjopen/1", "id": "a", "text": "Trade rose."}'
        >>> corpus = Corpus.load(io.StringIO(f"{good}\\nnot json\\n{good}\\n"), errors="skip")
        >>> len(corpus), corpus.load_report.bad_lines
        (1, 1)
        >>> print(corpus.load_report)
        <stream>: 1 of 3 lines skipped
          <stream>:2: not JSON: Expecting value: line 1 column 1 (char 0)
        """
        with paused_gc():
            articles, report = read_corpus(source, where=where, errors=errors)
        corpus = cls()
        corpus._articles = articles
        corpus._load_report = report
        return corpus

    # -- the articles ----------------------------------------------------------------

    @property
    def _now(self) -> Snapshot:
        if self._snapshot is None:
            self._snapshot = Snapshot(self._articles)
        return self._snapshot

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article, in id order."""
        return self._now.articles

    @property
    def failures(self) -> tuple[Failure, ...]:
        """The files :meth:`from_paths` could not parse, with the reason, in path order."""
        return self._failures

    @property
    def load_report(self) -> LoadReport | None:
        """For a corpus :meth:`load` made: what it read and, with ``errors="skip"``, the
        lines it skipped and why (:class:`~zjopen.corpus.LoadReport`); ``None`` for a
        corpus made otherwise."""
        return self._load_report

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def __getitem__(self, article_id: str) -> Article:
        return self._articles[article_id]

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or ``None``."""
        return self._articles.get(article_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._articles == other._articles

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        failed = f", {len(self._failures)} failures" if self._failures else ""
        return f"<Corpus: {len(self._articles)} articles{failed}>"

    # -- queries -------------------------------------------------------------------

    @property
    def metrics(self) -> MetricQuery:
        """Every figure of every article (narrow with :meth:`MetricQuery.where`)."""
        return MetricQuery(self._now.index)

    @property
    def regions(self) -> RegionQuery:
        """Every place, one per code, ordered by code."""
        return RegionQuery.of(self._now.regions)

    @property
    def enterprises(self) -> EnterpriseQuery:
        """Every company, merged across articles, ordered by name."""
        return EnterpriseQuery.of(self._now.enterprises)

    @property
    def platforms(self) -> PlatformQuery:
        """Every zone, port, market and platform, merged across articles, by name."""
        return PlatformQuery.of(self._now.platforms)

    @property
    def initiatives(self) -> InitiativeQuery:
        """Every strategy, plan and policy, merged across articles, by name."""
        return InitiativeQuery.of(self._now.initiatives)

    def region(self, region: str | Place) -> RegionView:
        """The corpus seen from one place (a name, alias or code).

        >>> Corpus().region("Yiwu").code
        '330782'
        """
        now = self._now
        return RegionView(resolve(region, lambda: now.index.codes | region_codes(now.regions)),
                          self)

    def timeseries(
        self,
        indicator: str | None = None,
        *,
        region: str | Place | None = None,
        within: bool = False,
        unit: str | Iterable[str] | None = None,
        kind: MetricKind | str | None = MetricKind.LEVEL,
        period: PeriodKind | str | Iterable[PeriodKind | str] | None = None,
        enterprise: str | None = None,
        platform: str | None = None,
    ) -> Timeseries:
        """A figure over time: the figures whose indicator contains ``indicator``
        (ignoring case), about ``region`` (``within=True``: or places inside it), of
        ``kind`` (levels by default; ``None`` for all kinds), as one
        :class:`TimePoint` per year, period and unit, each with its values and source
        articles. Figures without a year, and incidental ones, are left out.

        >>> from zjopen.pipeline import parse
        >>> corpus = Corpus(parse(f"Trade\\n\\nNingbo's foreign trade reached {v} in {y}.",
        ...                       id=i) for i, v, y in (("a", "1.27 trillion yuan", 2022),
        ...                                             ("b", "1.32 trillion yuan", 2023),
        ...                                             ("c", "1.29 trillion yuan", 2023)))
        >>> for point in corpus.timeseries("foreign trade", region="Ningbo"):
        ...     print(point.label, point.unit, point.values, point.article_ids)
        2022 CNY (Decimal('1270000000000'),) ('a',)
        2023 CNY (Decimal('1290000000000'), Decimal('1320000000000')) ('b', 'c')
        """
        query = self.metrics.where(
            indicator=indicator, region=region, within=within, unit=unit, kind=kind,
            period=period, enterprise=enterprise, platform=platform,
        )
        return query.timeseries()

    def conflicts(self, *, tolerance: Decimal = DEFAULT_TOLERANCE) -> tuple[Conflict, ...]:
        """Figures that different articles give differently for the same subject (region,
        and company or platform when named), indicator (normalised by
        :func:`normalize_indicator`), unit, kind and period (or year).

        Two figures disagree when the values they allow are further apart than
        ``tolerance`` (0.5% of the larger by default): "over 3,000" allows 3,500, "3,000"
        does not. Figures without a region, indicator or year are left out.

        >>> from zjopen.pipeline import parse
        >>> corpus = Corpus(parse(f"Trade\\n\\nNingbo's foreign trade reached {v} in 2023.",
        ...                       id=i) for i, v in (("b", "1.32 trillion yuan"),
        ...                                          ("c", "1.29 trillion yuan")))
        >>> [(c.region_name, c.indicator, c.label, c.article_ids) for c in corpus.conflicts()]
        [('Ningbo', 'foreign trade', '2023', ('b', 'c'))]
        """
        return self.metrics.conflicts(tolerance=tolerance)

    # -- exports -------------------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """Every figure as a plain dict with the keys of :data:`RECORD_COLUMNS`
        (``value`` an exact :class:`~decimal.Decimal`)."""
        return _corpus_export.to_records(self.metrics)

    def to_pandas(self) -> Any:
        """Every figure as a :class:`pandas.DataFrame` (needs ``zjopen[pandas]``); see
        :meth:`MetricQuery.to_pandas`."""
        return _corpus_export.to_pandas(self.metrics)

    def to_parquet(self, path: str | os.PathLike[str]) -> Path:
        """Write every figure to a Parquet file (needs ``zjopen[pandas]``)."""
        return _corpus_export.to_parquet(self.metrics, path)

    def write_csv(self, folder: str | os.PathLike[str]) -> dict[str, Path]:
        """Write the articles as CSV tables (see :func:`zjopen.formats.csv.write_csv`)."""
        return write_csv(self.articles, folder)
