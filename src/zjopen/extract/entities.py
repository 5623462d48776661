"""Enterprises, platforms and initiatives."""

from __future__ import annotations

from zjopen.document import Document
from zjopen.model import Enterprise, Initiative, Platform

__all__ = ["extract_enterprises", "extract_initiatives", "extract_platforms"]


def extract_enterprises(doc: Document) -> list[Enterprise]:
    """Named companies and groups."""
    return []


def extract_platforms(doc: Document) -> list[Platform]:
    """Zones, parks, ports, markets, e-commerce platforms, expos, logistics channels."""
    return []


def extract_initiatives(doc: Document) -> list[Initiative]:
    """Strategies, plans, campaigns, policy packages, reforms, agreements."""
    return []
