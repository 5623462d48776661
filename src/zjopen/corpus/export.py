"""Metrics as plain records, pandas data frames and Parquet files.

pandas and pyarrow are optional (``pip install 'zjopen[pandas]'``); they are imported
only when :func:`to_pandas` or :func:`to_parquet` runs.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zjopen.corpus.hit import MetricHit
from zjopen.formats.json import _number
from zjopen.gazetteer.codes import display_name, path

__all__ = ["RECORD_COLUMNS", "to_pandas", "to_parquet", "to_records"]

RECORD_COLUMNS: tuple[str, ...] = (
    "article_id", "metric_id", "value", "high", "unit", "kind", "qualifier", "year",
    "period_kind", "period_start", "period_end", "region", "region_name", "region_path",
    "enterprise", "platform", "indicator", "noun", "of", "incidental", "text", "start", "end",
    "published", "source", "title",
)  # fmt: skip
"""The keys of :func:`to_records`' dicts, in order.

``value`` and ``high`` are exact :class:`~decimal.Decimal`; ``kind``, ``qualifier`` and
``period_kind`` the enum values; ``region_path`` the region's code followed by the codes of
every place containing it (``("330206", "330200", "330000", "CN")``), so that "within
Ningbo" is ``"330200" in record["region_path"]``; ``start``/``end`` locate ``text`` in the
article's clean text; ``published``, ``source`` and ``title`` are the article's."""


def record(hit: MetricHit) -> dict[str, Any]:
    """One figure as a plain dict with the keys of :data:`RECORD_COLUMNS`."""
    m, article, period = hit.metric, hit.article, hit.metric.period
    return {
        "article_id": hit.article_id,
        "metric_id": m.id,
        "value": m.value,
        "high": m.high,
        "unit": m.unit,
        "kind": m.kind.value,
        "qualifier": m.qualifier.value,
        "year": m.year,
        "period_kind": None if period is None else period.kind.value,
        "period_start": None if period is None else period.start,
        "period_end": None if period is None else period.end,
        "region": m.region,
        "region_name": None if m.region is None else display_name(m.region),
        "region_path": () if m.region is None else path(m.region),
        "enterprise": m.enterprise,
        "platform": m.platform,
        "indicator": m.indicator,
        "noun": m.noun,
        "of": m.of,
        "incidental": m.incidental,
        "text": m.span.text,
        "start": m.span.start,
        "end": m.span.end,
        "published": article.published,
        "source": article.source,
        "title": article.title,
    }


def to_records(hits: Iterable[MetricHit]) -> list[dict[str, Any]]:
    """Every figure as a :func:`record`."""
    return [record(hit) for hit in hits]


def _optional(module: str, feature: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{feature} needs pandas and pyarrow, which zjopen does not install by default: "
            f"pip install 'zjopen[pandas]' (missing: {exc.name or module})"
        ) from exc


_FLOAT_COLUMNS = ("value", "high")


def _columns(hits: Iterable[MetricHit]) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {name: [] for name in RECORD_COLUMNS}
    exact: dict[str, list[str | None]] = {"value_exact": [], "high_exact": []}
    for hit in hits:
        for name, value in record(hit).items():
            if name in _FLOAT_COLUMNS:
                exact[f"{name}_exact"].append(None if value is None else _number(value))
                value = None if value is None else float(value)
            elif name == "region_path":
                value = list(value)
            columns[name].append(value)
    out: dict[str, list[Any]] = {}
    for name in RECORD_COLUMNS:
        out[name] = columns[name]
        if name in _FLOAT_COLUMNS:
            out[f"{name}_exact"] = exact[f"{name}_exact"]
    return out


def to_pandas(hits: Iterable[MetricHit]) -> Any:
    """The figures as a :class:`pandas.DataFrame`, one row per figure.

    Columns are :data:`RECORD_COLUMNS`, except that ``value`` and ``high`` are floats
    (for arithmetic) and ``value_exact``/``high_exact`` keep the exact decimal text;
    ``year`` is a nullable integer, dates are ``datetime64`` (``NaT`` when unknown).
    """
    pd = _optional("pandas", "to_pandas()")
    columns = _columns(hits)
    frame = pd.DataFrame(columns, columns=list(columns))
    frame["year"] = frame["year"].astype("Int64")
    for name in ("start", "end"):
        frame[name] = frame[name].astype("int64")
    frame["incidental"] = frame["incidental"].astype("bool")
    for name in ("value", "high"):
        frame[name] = frame[name].astype("float64")
    for name in ("period_start", "period_end", "published"):
        frame[name] = pd.to_datetime(frame[name])
    return frame


def _schema(pa: Any) -> Any:
    text = pa.string()
    types = {
        "value": pa.float64(), "high": pa.float64(), "year": pa.int32(),
        "period_start": pa.date32(), "period_end": pa.date32(), "published": pa.date32(),
        "region_path": pa.list_(text), "incidental": pa.bool_(), "start": pa.int64(),
        "end": pa.int64(),
    }  # fmt: skip
    fields = []
    for name in RECORD_COLUMNS:
        fields.append(pa.field(name, types.get(name, text)))
        if name in _FLOAT_COLUMNS:
            fields.append(pa.field(f"{name}_exact", text))
    return pa.schema(fields)


def to_parquet(hits: Iterable[MetricHit], target: str | os.PathLike[str]) -> Path:
    """Write the figures to a Parquet file (atomically) with the columns of
    :func:`to_pandas`; returns its path."""
    pa = _optional("pyarrow", "to_parquet()")
    pq = _optional("pyarrow.parquet", "to_parquet()")
    schema = _schema(pa)
    table = pa.Table.from_pydict(_columns(hits), schema=schema)
    out = Path(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return out
