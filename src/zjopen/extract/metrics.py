"""Metrics: every figure, with its unit, kind, qualifier, period and subject."""

from __future__ import annotations

from zjopen.document import Document
from zjopen.model import Metric

__all__ = ["extract_metrics"]


def extract_metrics(doc: Document) -> list[Metric]:
    """One :class:`Metric` per figure in ``doc``."""
    return []
