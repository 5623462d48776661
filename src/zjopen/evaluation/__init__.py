"""Measure zjopen (or any parser) on articles you annotated yourself.

The annotations ("gold") are JSON Lines in the format ``zjopen-gold/1``: one object per
article, described in ``docs/evaluation.md`` and by :func:`gold_schema`. The predictions
are what ``zjopen parse --format jsonl`` writes, or :class:`~zjopen.Article` objects.
:func:`evaluate` matches the two article by article and counts, per record kind, the
records found (``tp``), the extra ones (``fp``) and the missed ones (``fn``); its numbers
are those of the project's reference scorer (``../shared/eval/score.py``).

>>> gold = [{"id": "a", "title": "Ningbo trade", "published": "2024-01-20",
...          "regions": ["330200", "HK"], "enterprises": [], "platforms": [],
...          "initiatives": [{"name": "Belt and Road Initiative"}],
...          "metrics": [{"value": 1270000000000, "unit": "CNY", "year": 2023,
...                       "region": "330200"}]}]
>>> pred = [{"id": "a", "title": "Ningbo trade", "published": "2024-01-20",
...          "regions": [{"code": "330200"}, {"code": "810000"}],
...          "initiatives": [{"name": "Belt and Road", "aliases": []}],
...          "metrics": [{"value": 1.27e12, "unit": "CNY", "year": 2023, "region": None}]}]
>>> result = evaluate(gold, pred)
>>> result.regions.f1, result.initiatives.tp, result.metrics.tp
(1.0, 1, 1)
>>> result.metric_year_accuracy, result.metric_region_accuracy
(1.0, 0.0)

``zjopen.evaluate`` is :func:`evaluate`. The package reads the gold (``gold``) and the
predictions (``read``), pairs them by the matching rules (``rules``, ``matching``), and
returns an :class:`Evaluation` (``results``) that prints the score table.
"""

from __future__ import annotations

from zjopen.evaluation._common import ENTITY_KINDS, GOLD_FORMAT, SCORED_KINDS
from zjopen.evaluation.gold import check_gold, gold_schema
from zjopen.evaluation.matching import evaluate
from zjopen.evaluation.results import Difference, Evaluation, Score
from zjopen.evaluation.rules import normalise_name

__all__ = [
    "ENTITY_KINDS",
    "GOLD_FORMAT",
    "SCORED_KINDS",
    "Difference",
    "Evaluation",
    "Score",
    "check_gold",
    "evaluate",
    "gold_schema",
    "normalise_name",
]
