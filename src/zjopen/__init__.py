"""zjopen: English-language news about Zhejiang's opening-up, as typed records.

>>> import zjopen
>>> article = zjopen.parse("Yiwu trade grows\\n\\nTrade rose in Yiwu.", id="demo")
>>> zjopen.loads(zjopen.dumps(article)) == article
True
"""

from zjopen import errors
from zjopen._units import unit_table as _unit_table
from zjopen._version import __version__
from zjopen.csvio import read_csv, write_csv
from zjopen.document import Document, read_document
from zjopen.extract import Extractor
from zjopen.model import (
    Article,
    Enterprise,
    Initiative,
    Metric,
    MetricKind,
    Period,
    PeriodKind,
    Platform,
    PlatformKind,
    Qualifier,
    Quantity,
    Record,
    Region,
    RegionLevel,
    Span,
)
from zjopen.pipeline import Pipeline, parse, parse_file
from zjopen.schema import json_schema
from zjopen.serialize import dump_jsonl, dumps, iter_jsonl, load_jsonl, loads


def units() -> tuple[str, ...]:
    """Every unit code a :class:`Metric` may carry (``CNY``, ``%``, ``TEU`` ...).

    >>> "CNY" in units() and "‰" in units()
    True
    """
    return tuple(_unit_table())


__all__ = [
    "Article",
    "Document",
    "Enterprise",
    "Extractor",
    "Initiative",
    "Metric",
    "MetricKind",
    "Period",
    "PeriodKind",
    "Pipeline",
    "Platform",
    "PlatformKind",
    "Qualifier",
    "Quantity",
    "Record",
    "Region",
    "RegionLevel",
    "Span",
    "__version__",
    "dump_jsonl",
    "dumps",
    "errors",
    "iter_jsonl",
    "json_schema",
    "load_jsonl",
    "loads",
    "parse",
    "parse_file",
    "read_csv",
    "read_document",
    "units",
    "write_csv",
]
