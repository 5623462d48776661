"""Many articles at once: parse, merge what they name, query their figures (:class:`Corpus`).

Articles come in from :mod:`zjopen.pipeline` or from saved JSON Lines (``load``); ``merge``
joins their records across articles; ``metric_query`` (over ``metric_index``) and
``record_query`` answer questions, ``analysis`` puts figures side by side, and ``export``
hands the answers to pandas, CSV or DuckDB. ``core`` holds :class:`Corpus` itself,
``snapshot`` what its queries derive from its articles at one moment, ``hit`` a figure
with its source article, ``region_view`` the corpus seen from one place, and ``lean``
the fast reader of saved JSON Lines.
"""

from zjopen.corpus.analysis import (
    DEFAULT_TOLERANCE,
    Conflict,
    TimePoint,
    Timeseries,
    normalize_indicator,
)
from zjopen.corpus.core import Corpus
from zjopen.corpus.export import RECORD_COLUMNS
from zjopen.corpus.hit import MetricHit
from zjopen.corpus.load import ArticleStream, LoadProblem, LoadReport
from zjopen.corpus.merge import (
    CorpusEnterprise,
    CorpusInitiative,
    CorpusPlatform,
    CorpusRegion,
    Mention,
)
from zjopen.corpus.metric_query import MetricQuery
from zjopen.corpus.parse import Failure
from zjopen.corpus.record_query import (
    EnterpriseQuery,
    InitiativeQuery,
    PlatformQuery,
    RegionQuery,
)
from zjopen.corpus.region_view import RegionView

__all__ = [
    "DEFAULT_TOLERANCE",
    "RECORD_COLUMNS",
    "ArticleStream",
    "Conflict",
    "Corpus",
    "CorpusEnterprise",
    "CorpusInitiative",
    "CorpusPlatform",
    "CorpusRegion",
    "EnterpriseQuery",
    "Failure",
    "InitiativeQuery",
    "LoadProblem",
    "LoadReport",
    "Mention",
    "MetricHit",
    "MetricQuery",
    "PlatformQuery",
    "RegionQuery",
    "RegionView",
    "TimePoint",
    "Timeseries",
    "normalize_indicator",
]
