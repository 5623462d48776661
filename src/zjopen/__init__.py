"""zjopen: English-language news about Zhejiang's opening-up, as typed records.

>>> import zjopen
>>> article = zjopen.parse("Yiwu trade grows\\n\\nTrade rose in Yiwu.", id="demo")
>>> zjopen.loads(zjopen.dumps(article)) == article
True

``import zjopen`` is instant: each public name is loaded on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from zjopen._version import __version__

if TYPE_CHECKING:
    from zjopen import corpus, errors, quantities, regions
    from zjopen._units import units
    from zjopen.corpus import Conflict, Corpus, MetricHit
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

_EXPORTS: dict[str, str] = {
    "Article": "zjopen.model",
    "Conflict": "zjopen.corpus",
    "Corpus": "zjopen.corpus",
    "MetricHit": "zjopen.corpus",
    "Document": "zjopen.document",
    "Enterprise": "zjopen.model",
    "Extractor": "zjopen.extract",
    "Initiative": "zjopen.model",
    "Metric": "zjopen.model",
    "MetricKind": "zjopen.model",
    "Period": "zjopen.model",
    "PeriodKind": "zjopen.model",
    "Pipeline": "zjopen.pipeline",
    "Platform": "zjopen.model",
    "PlatformKind": "zjopen.model",
    "Qualifier": "zjopen.model",
    "Quantity": "zjopen.model",
    "Record": "zjopen.model",
    "Region": "zjopen.model",
    "RegionLevel": "zjopen.model",
    "Span": "zjopen.model",
    "dump_jsonl": "zjopen.serialize",
    "dumps": "zjopen.serialize",
    "iter_jsonl": "zjopen.serialize",
    "json_schema": "zjopen.schema",
    "load_jsonl": "zjopen.serialize",
    "loads": "zjopen.serialize",
    "parse": "zjopen.pipeline",
    "parse_file": "zjopen.pipeline",
    "read_csv": "zjopen.csvio",
    "read_document": "zjopen.document",
    "units": "zjopen._units",
    "write_csv": "zjopen.csvio",
}
_MODULES = frozenset({"corpus", "errors", "regions", "quantities"})


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value: Any = importlib.import_module(f"zjopen.{name}")
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'zjopen' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Article",
    "Conflict",
    "Corpus",
    "Document",
    "Enterprise",
    "Extractor",
    "Initiative",
    "Metric",
    "MetricHit",
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
    "corpus",
    "dump_jsonl",
    "dumps",
    "errors",
    "iter_jsonl",
    "json_schema",
    "load_jsonl",
    "loads",
    "parse",
    "parse_file",
    "quantities",
    "read_csv",
    "read_document",
    "regions",
    "units",
    "write_csv",
]
