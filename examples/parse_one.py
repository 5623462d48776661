"""Parse one article and print what zjopen found in it.

    python examples/parse_one.py [PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path

import zjopen

HERE = Path(__file__).parent


def main(path: Path) -> None:
    article = zjopen.parse_file(path)
    print(f"{article.id}: {article.title!r}, published {article.published}, "
          f"source {article.source}")
    print(f"{len(article.text)} characters of clean text")
    for region in article.regions:
        print(f"  region {region.code} {region.name} ({len(region.mentions)} mentions)")
    for metric in article.metrics:
        print(f"  metric {metric.value} {metric.unit} {metric.kind.value} "
              f"year={metric.year} region={metric.region} «{metric.text}»")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1
         else HERE / "articles" / "ningbo-port-autumn-2024.txt")
