"""zjopen: English-language news about Zhejiang's opening-up, as typed records.

>>> import zjopen
>>> article = zjopen.parse("Yiwu trade grows\\n\\nTrade rose in Yiwu.", id="demo")
>>> zjopen.loads(zjopen.dumps(article)) == article
True

``import zjopen`` is instant: each public name is loaded on first use.
"""

from __future__ import annotations

import importlib
import sys
from importlib.machinery import ModuleSpec

from zjopen._version import __version__

# typing.TYPE_CHECKING without importing typing (with re, enum, collections and more:
# several ms that ``import zjopen`` alone need not cost).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.abc import Loader
    from typing import Any

    from zjopen import corpus, errors, quantities
    from zjopen import gazetteer as regions
    from zjopen.corpus import Conflict, Corpus, MetricHit
    from zjopen.document import Document, read_document
    from zjopen.evaluation import Evaluation, evaluate
    from zjopen.extract import Extractor
    from zjopen.formats.csv import read_csv, write_csv
    from zjopen.formats.json import dump_jsonl, dumps, iter_jsonl, load_jsonl, loads
    from zjopen.formats.schema import json_schema
    from zjopen.lexicon.units import units
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

_EXPORTS: dict[str, str] = {
    "Article": "zjopen.model",
    "Conflict": "zjopen.corpus",
    "Corpus": "zjopen.corpus",
    "MetricHit": "zjopen.corpus",
    "Document": "zjopen.document",
    "Enterprise": "zjopen.model",
    "Evaluation": "zjopen.evaluation",
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
    "dump_jsonl": "zjopen.formats.json",
    "dumps": "zjopen.formats.json",
    "evaluate": "zjopen.evaluation",
    "iter_jsonl": "zjopen.formats.json",
    "json_schema": "zjopen.formats.schema",
    "load_jsonl": "zjopen.formats.json",
    "loads": "zjopen.formats.json",
    "parse": "zjopen.pipeline",
    "parse_file": "zjopen.pipeline",
    "read_csv": "zjopen.formats.csv",
    "read_document": "zjopen.document",
    "units": "zjopen.lexicon.units",
    "write_csv": "zjopen.formats.csv",
}
_MODULES = {
    "corpus": "zjopen.corpus",
    "errors": "zjopen.errors",
    "regions": "zjopen.gazetteer",
    "quantities": "zjopen.quantities",
}

# Modules that moved when the package was laid out by job (0.9): the old import paths
# still work and give the very same module object.
_MOVED = {
    "zjopen.regions": "zjopen.gazetteer",
    "zjopen.serialize": "zjopen.formats.json",
    "zjopen.schema": "zjopen.formats.schema",
    "zjopen.csvio": "zjopen.formats.csv",
    "zjopen.table": "zjopen.formats.table",
    "zjopen.render": "zjopen.formats.review",
    "zjopen.dask_support": "zjopen.formats.dask",
    "zjopen.linker": "zjopen.link",
    "zjopen.extract.entities": "zjopen.extract.names",
    "zjopen.extract.periods": "zjopen.extract.times",
    "zjopen._ingest": "zjopen.ingest",
    "zjopen._ingest.clean": "zjopen.ingest.clean",
    "zjopen._ingest.dates": "zjopen.ingest.dates",
    "zjopen._ingest.decode": "zjopen.ingest.decode",
    "zjopen._ingest.html": "zjopen.ingest.html",
    "zjopen._ingest.segment": "zjopen.ingest.segment",
    "zjopen._units": "zjopen.lexicon.units",
    "zjopen._text": "zjopen.lexicon.patterns",
    "zjopen._attribution": "zjopen.link.subjects",
    "zjopen._presence": "zjopen.link.overseas",
    "zjopen._corpus_load": "zjopen.corpus.load",
}


class _MovedModules:
    """Imports an old module path as the module that now lives elsewhere (a meta path
    finder and its loader; importlib's ABCs are not imported, they cost 40 ms)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        loader: Loader = self  # type: ignore[assignment] # (importlib's ABC costs 40 ms)
        return ModuleSpec(name, loader) if name in _MOVED else None

    def create_module(self, spec: Any) -> Any:
        module = importlib.import_module(_MOVED[spec.name])
        spec.loader_state = module.__spec__
        return module

    def exec_module(self, module: Any) -> None:
        module.__spec__ = module.__spec__.loader_state  # the import system set the alias's


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.insert(0, _MovedModules())


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value: Any = importlib.import_module(_MODULES[name])
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
    "Evaluation",
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
    "evaluate",
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
