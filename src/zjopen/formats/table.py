"""A readable plain-text summary of an article's records (``--format table``).

>>> from zjopen.model import Article
>>> print(render_table(Article(id="a", title="Ningbo grows", text="Ningbo grows")), end="")
a: Ningbo grows
  published: -  source: -  authors: -
  regions: none
  enterprises: none
  platforms: none
  initiatives: none
  metrics: none
"""

from __future__ import annotations

from decimal import Decimal

from zjopen.model import Article, Metric

__all__ = ["render_table"]


def _value(value: Decimal) -> str:
    """Thousands separators, no exponent: 450160000000 → 450,160,000,000."""
    text = format(value.normalize() if value == value.to_integral() else value, ",f")
    return text


def _metric_line(metric: Metric) -> str:
    parts = [f"{_value(metric.value)} {metric.unit}"]
    if metric.noun:
        parts.append(f"({metric.noun})")
    parts.append(metric.kind.value)
    if metric.qualifier.value != "exact":
        parts.append(metric.qualifier.value)
    parts.append(str(metric.year) if metric.year is not None else "year?")
    parts.append(metric.region or metric.enterprise or metric.platform or "-")
    if metric.indicator:
        parts.append(f"[{metric.indicator}]")
    return "    " + "  ".join(parts) + f"  «{metric.span.text}»"


def render_table(article: Article) -> str:
    """A few lines per article: metadata, then each kind of record."""
    lines = [f"{article.id}: {article.title or '(no title)'}"]
    lines.append(
        f"  published: {article.published or '-'}  source: {article.source or '-'}  "
        f"authors: {', '.join(article.authors) or '-'}"
    )
    regions = [f"{r.name} {r.code or '?'}" for r in article.regions]
    lines.append(f"  regions: {', '.join(regions) if regions else 'none'}")
    for label, records in (
        ("enterprises", article.enterprises),
        ("platforms", article.platforms),
        ("initiatives", article.initiatives),
    ):
        names = [r.name for r in records]
        lines.append(f"  {label}: {'; '.join(names) if names else 'none'}")
    if article.metrics:
        lines.append(f"  metrics ({len(article.metrics)}):")
        lines.extend(_metric_line(m) for m in article.metrics)
    else:
        lines.append("  metrics: none")
    return "\n".join(lines) + "\n"
