"""Many articles at once: parse, merge what they name, query their figures (:class:`Corpus`).

Articles come in from :mod:`zjopen.pipeline` or from saved JSON Lines (``load``); ``merge``
joins their records across articles, ``query`` and ``analysis`` answer questions, and
``export`` hands the answers to pandas, CSV or DuckDB. ``core`` holds :class:`Corpus` itself.
"""

from zjopen.corpus.core import (
    DEFAULT_TOLERANCE,
    RECORD_COLUMNS,
    Conflict,
    Corpus,
    CorpusEnterprise,
    CorpusInitiative,
    CorpusPlatform,
    CorpusRegion,
    EnterpriseQuery,
    Failure,
    InitiativeQuery,
    Mention,
    MetricHit,
    MetricQuery,
    PlatformQuery,
    RegionQuery,
    RegionView,
    TimePoint,
    Timeseries,
    normalize_indicator,
)

__all__ = [
    "DEFAULT_TOLERANCE",
    "RECORD_COLUMNS",
    "Conflict",
    "Corpus",
    "CorpusEnterprise",
    "CorpusInitiative",
    "CorpusPlatform",
    "CorpusRegion",
    "EnterpriseQuery",
    "Failure",
    "InitiativeQuery",
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
