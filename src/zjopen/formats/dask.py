"""Beyond one machine: zjopen on Dask (``pip install 'zjopen[dask]'``).

The same three lines run on a laptop and on a cluster; only the client changes::

    from dask.distributed import Client
    client = Client("tcp://scheduler-host:8786")   # or Client(LocalCluster(...))
    frame = metrics_frame(articles_bag(paths)).compute()

:func:`articles_bag` turns file paths (or a Dask bag of texts) into a bag of
:class:`~zjopen.Article`; :func:`metrics_frame` turns it into a Dask DataFrame with one
row per figure and the columns of the CSV export (``metrics.csv``), values exact
(``Decimal``). Files that fail are skipped and listed by :func:`failures_bag`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from zjopen.batch import iter_paths
from zjopen.errors import ZjopenError
from zjopen.formats.csv import TABLES
from zjopen.model import Article
from zjopen.pipeline import Pipeline

__all__ = [
    "METRIC_COLUMNS", "articles_bag", "failures_bag", "local_frame", "metric_rows", "metrics_frame",
]

METRIC_COLUMNS: tuple[str, ...] = TABLES["metrics"]
"""The columns of :func:`metrics_frame`, as in ``metrics.csv``."""


def _require() -> Any:
    try:
        import dask.bag
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "zjopen's Dask support needs Dask: pip install 'zjopen[dask]'"
        ) from exc
    return dask.bag


def _parse_path(path: str, pipeline: Pipeline) -> Article | str:
    try:
        return pipeline.parse_file(path)
    except ZjopenError as exc:
        return str(exc)


def _parse_text(text: str | bytes, pipeline: Pipeline) -> Article:
    return pipeline.parse(text)


def articles_bag(source: Sequence[str | os.PathLike[str]] | Any, *,
                 partition_size: int = 8, pipeline: Pipeline | None = None) -> Any:
    """A Dask bag of articles from file or folder paths, or from a Dask bag of texts.

    Files are listed here (folders recursed, sorted) and parsed on the workers, in
    partitions of ``partition_size`` files. Failed files become error strings, which
    :func:`metrics_frame` skips and :func:`failures_bag` keeps. ``pipeline`` parses
    each article (default: the built-in extractors); Dask sends it to the workers.
    """
    bag = _require()
    chosen = Pipeline() if pipeline is None else pipeline
    if isinstance(source, bag.Bag):
        return source.map(_parse_text, chosen)
    files = [str(p) for p in iter_paths(list(source))]
    partitions = max(1, -(-len(files) // partition_size))
    return bag.from_sequence(files, npartitions=partitions).map(_parse_path, chosen)


def failures_bag(articles: Any) -> Any:
    """The error messages of the files that could not be parsed (a Dask bag)."""
    return articles.filter(lambda item: isinstance(item, str))


def metric_rows(article: Article) -> list[dict[str, Any]]:
    """One dict per figure of ``article``, with the columns of ``metrics.csv``."""
    rows = []
    for metric in article.metrics:
        period = metric.period
        rows.append({
            "article_id": article.id, "id": metric.id, "value": metric.value,
            "unit": metric.unit, "kind": metric.kind.value,
            "qualifier": metric.qualifier.value, "year": metric.year,
            "period_kind": period.kind.value if period else None,
            "period_start": period.start if period else None,
            "period_end": period.end if period else None,
            "region": metric.region, "enterprise": metric.enterprise,
            "platform": metric.platform, "indicator": metric.indicator, "noun": metric.noun,
            "high": metric.high, "of": metric.of, "incidental": metric.incidental,
            "text": metric.text, "start": metric.span.start, "end": metric.span.end,
        })
    return rows


def _rows(item: Article | str) -> list[dict[str, Any]]:
    return metric_rows(item) if isinstance(item, Article) else []


_TYPED = {"year": "Int64", "start": "int64", "end": "int64", "incidental": "bool"}


def _normalise(frame: Any) -> Any:
    """Fixed column types; missing values are None in object columns (pandas would
    make an all-missing column float NaN in one partition and not in another)."""
    import pandas as pd

    frame = frame.reindex(columns=list(METRIC_COLUMNS))
    for column in METRIC_COLUMNS:
        if column in _TYPED:
            frame[column] = frame[column].astype(_TYPED[column])
        else:
            series = frame[column].astype("object")
            frame[column] = series.where(pd.notna(series), None)
    return frame


def _meta() -> Any:
    import pandas as pd

    return _normalise(pd.DataFrame({column: [] for column in METRIC_COLUMNS}))


def metrics_frame(articles: Any) -> Any:
    """A Dask DataFrame of every figure (columns: :data:`METRIC_COLUMNS`)."""
    meta = _meta()
    frame = articles.map(_rows).flatten().to_dataframe(meta=meta)
    return frame.map_partitions(_normalise, meta=meta)


def local_frame(paths: Iterable[str | os.PathLike[str]], *,
                pipeline: Pipeline | None = None) -> Any:
    """The same table as ``metrics_frame(articles_bag(paths, pipeline=pipeline)).compute()``,
    built in this process without Dask (pandas only): the reference the Dask result must
    equal."""
    import pandas as pd

    chosen = Pipeline() if pipeline is None else pipeline
    rows = []
    for path in iter_paths(list(paths)):
        item = _parse_path(str(Path(path)), chosen)
        rows.extend(_rows(item))
    return _normalise(pd.DataFrame(rows, columns=list(METRIC_COLUMNS)))
