"""Exchange formats: Articles out to files and back, exactly.

``json`` (JSON and JSON Lines, through ``converter``), ``schema`` (the JSON Schema),
``csv`` (one table per record kind), ``table`` (a terminal summary), ``review`` (HTML
review pages), ``dask`` (parsing and tables on a Dask cluster); ``atomic`` writes files whole.
"""

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
