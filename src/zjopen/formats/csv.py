"""CSV: one table per record kind, each row carrying its ``article_id``.

``write_csv(articles, folder)`` writes ``articles.csv``, ``regions.csv``,
``enterprises.csv``, ``platforms.csv``, ``initiatives.csv`` and ``metrics.csv``
(each atomically); ``read_csv(folder)`` reads them back into equal articles.

List cells (aliases, authors, mentions as ``[[start, end], ...]``) hold JSON arrays.
A text cell that a spreadsheet would run as a formula (starting with ``= + - @``, tab
or carriage return) is written with a leading apostrophe, and read back without it:

>>> escape_cell("=HYPERLINK(1)"), escape_cell("-3.2"), escape_cell("'=x")
("'=HYPERLINK(1)", '-3.2', "''=x")
>>> unescape_cell(escape_cell("'=x"))
"'=x"
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from zjopen.errors import CsvFormatError, NotJsonError
from zjopen.formats.atomic import atomic_writer
from zjopen.formats.json import json_number, parse_json, to_json_text
from zjopen.model import Article

__all__ = ["TABLES", "escape_cell", "read_csv", "unescape_cell", "write_csv"]

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "title", "published", "authors", "source", "dateline", "text"),
    "regions": ("article_id", "code", "name", "level", "parent", "mentions"),
    "enterprises": (
        "article_id", "name", "aliases", "region", "overseas", "kb_id", "mentions",
    ),
    "platforms": ("article_id", "name", "kind", "aliases", "region", "kb_id", "mentions"),
    "initiatives": (
        "article_id", "name", "aliases", "region", "start_year", "target_year", "kb_id",
        "mentions",
    ),
    "metrics": (
        "article_id", "id", "value", "unit", "kind", "qualifier", "year", "period_kind",
        "period_start", "period_end", "region", "enterprise", "platform", "indicator", "noun",
        "high", "of", "incidental", "text", "start", "end",
    ),
}
"""The columns of every table, in order."""

_JSON_COLUMNS = frozenset({"authors", "aliases", "overseas", "mentions"})
_DANGEROUS = re.compile(r"\A'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"\A'+[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"\A-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\Z")


def escape_cell(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would evaluate (numbers pass)."""
    if _DANGEROUS.match(cell) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


def unescape_cell(cell: str) -> str:
    """Undo :func:`escape_cell`."""
    return cell[1:] if _ESCAPED.match(cell) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return escape_cell(value)
    return to_json_text(value)


def _rows(article: Article) -> dict[str, list[dict[str, Any]]]:
    from zjopen.formats.converter import to_data  # (cattrs imported on first use)

    data = to_data(article)
    aid = article.id
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["articles"].append({**data, "article_id": aid})
    for kind in ("regions", "enterprises", "platforms", "initiatives"):
        for record in data[kind]:
            mentions = [[m["start"], m["end"]] for m in record["mentions"]]
            rows[kind].append({**record, "article_id": aid, "mentions": mentions})
    for metric in data["metrics"]:
        period = metric.pop("period") or {}
        rows["metrics"].append({
            **metric, "article_id": aid, "period_kind": period.get("kind"),
            "period_start": period.get("start"), "period_end": period.get("end"),
        })
    return rows


def write_csv(articles: Iterable[Article], folder: str | os.PathLike[str]) -> dict[str, Path]:
    """Write the six tables into ``folder`` (created if need be); returns their paths.

    Each file is written whole or not at all.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / f"{name}.csv" for name in TABLES}
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for article in articles:
        for name, rows in _rows(article).items():
            tables[name].extend(rows)
    for name, columns in TABLES.items():
        with atomic_writer(paths[name], newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in tables[name]:
                writer.writerow([_cell(row.get(column)) for column in columns])
    return paths


def _read_table(path: Path) -> list[dict[str, str]]:
    limit = csv.field_size_limit()
    try:
        # A cell is no longer than its file: the csv module's limit (128 KiB) is raised to
        # that while the table is read (an article naming Yiwu 10,000 times writes a
        # longer mentions cell), and set back after.
        size = path.stat().st_size
        if size > limit:
            csv.field_size_limit(size)
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = set(TABLES[path.stem]) - set(reader.fieldnames or ())
            if missing:
                raise CsvFormatError(f"{path}: missing columns {sorted(missing)}")
            width = len(reader.fieldnames or ())
            rows = []
            for row in reader:
                if None in row or None in row.values():  # more cells, or fewer, than columns
                    cells = width + len(row.get(None) or ()) - list(row.values()).count(None)
                    raise CsvFormatError(f"{path}:{reader.line_num}: the row has {cells} cells "
                                         f"for {width} columns")
                rows.append({k: unescape_cell(v) for k, v in row.items()})
            return rows
    except FileNotFoundError:
        raise CsvFormatError(f"{path}: no such table") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CsvFormatError(f"{path}: not a readable CSV table: {exc}") from None
    finally:
        csv.field_size_limit(limit)


def _value(column: str, cell: str, where: str) -> Any:
    if column in _JSON_COLUMNS:
        try:
            return parse_json(cell) if cell else []
        except NotJsonError as exc:
            raise CsvFormatError(f"{where}: column {column!r} is not a JSON array: "
                                 f"{str(exc).removeprefix('not JSON: ')}") from None
    return None if cell == "" else cell


def read_csv(folder: str | os.PathLike[str]) -> list[Article]:
    """Read the tables written by :func:`write_csv` back into articles, in order."""
    base = Path(folder)
    tables = {name: _read_table(base / f"{name}.csv") for name in TABLES}
    data: dict[str, dict[str, Any]] = {}
    for n, row in enumerate(tables["articles"], 2):
        where = f"{base / 'articles.csv'}:{n}"
        record = {k: _value(k, v, where) for k, v in row.items() if k in TABLES["articles"]}
        record["text"] = row["text"]
        aid = record.pop("article_id")
        if aid is None or aid in data:
            raise CsvFormatError(f"{where}: missing or duplicate article_id {aid!r}")
        record["id"] = aid
        for kind in ("regions", "enterprises", "platforms", "initiatives", "metrics"):
            record[kind] = []
        data[aid] = record
    for kind in ("regions", "enterprises", "platforms", "initiatives", "metrics"):
        for n, row in enumerate(tables[kind], 2):
            where = f"{base / (kind + '.csv')}:{n}"
            record = {k: _value(k, v, where) for k, v in row.items() if k in TABLES[kind]}
            article = data.get(row["article_id"])
            if article is None:
                raise CsvFormatError(f"{where}: unknown article_id {row['article_id']!r}")
            if kind == "metrics":
                record["text"] = row["text"]
                pk = record.pop("period_kind")
                ps, pe = record.pop("period_start"), record.pop("period_end")
                record["period"] = None if pk is None else {"kind": pk, "start": ps, "end": pe}
            else:
                text = article["text"]
                try:
                    record["mentions"] = [
                        {"start": s, "end": e, "text": text[s:e]} for s, e in record["mentions"]
                    ]
                except (TypeError, ValueError):
                    raise CsvFormatError(f"{where}: mentions must be [[start, end], ...]") from None
            del record["article_id"]
            article[kind].append(record)
    from zjopen.formats.converter import from_data  # (cattrs imported on first use)

    return [from_data(record, source=str(base)) for record in data.values()]
