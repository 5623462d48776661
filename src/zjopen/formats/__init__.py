"""Exchange formats: parsed Articles out to files and back, exactly.

Articles from :mod:`zjopen.pipeline` go out as JSON and JSON Lines (``json``, through
``converter``, described by ``schema``), CSV tables (``csv``), a terminal summary
(``table``) or HTML review pages (``review``, with ``review_page`` the markup,
``review_records`` and ``review_values`` what the page says of each record);
``loads``, ``read_csv`` and :mod:`zjopen.corpus` read them back. ``dask`` parses and
tabulates on a Dask cluster; ``atomic`` writes each file whole or not at all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zjopen.formats.csv import read_csv, write_csv
    from zjopen.formats.json import dump_jsonl, dumps, iter_jsonl, load_jsonl, loads
    from zjopen.formats.schema import json_schema

__all__ = [
    "dump_jsonl",
    "dumps",
    "iter_jsonl",
    "json_schema",
    "load_jsonl",
    "loads",
    "read_csv",
    "write_csv",
]

# Each name is imported from its module on first use: a program writing JSON Lines
# imports neither the CSV writer nor the schema.
_EXPORTS = {
    "dump_jsonl": "json", "dumps": "json", "iter_jsonl": "json", "load_jsonl": "json",
    "loads": "json", "json_schema": "schema", "read_csv": "csv", "write_csv": "csv",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'zjopen.formats' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"zjopen.formats.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
