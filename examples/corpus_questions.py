"""Build a corpus from the example articles and ask it questions across articles.

    python examples/corpus_questions.py [FOLDER_OR_FILE ...]

Prints Ningbo's trade figures by year (with their sources), the enterprises going abroad
and where, and the figures that articles give differently.
"""

from __future__ import annotations

import sys
from pathlib import Path

from zjopen.corpus import Corpus

HERE = Path(__file__).parent


def main(paths: list[str]) -> None:
    corpus = Corpus.from_paths(paths, jobs=2)
    print(f"{len(corpus)} articles, {len(corpus.metrics)} figures, "
          f"{len(corpus.failures)} files failed\n")

    print("Ningbo's foreign trade, by year:")
    ningbo = corpus.region("Ningbo")
    for point in ningbo.timeseries("trade", unit="CNY"):
        sources = ", ".join(point.article_ids)
        note = "" if point.agrees else "  (sources disagree: " + ", ".join(
            f"{v / 10**9:,.0f}" for v in point.values) + ")"
        print(f"  {point.label}: {point.value / 10**9:,.0f} billion yuan  [{sources}]{note}")

    print("\nAll trade figures in money within Ningbo (its districts included), by year:")
    trade = ningbo.metrics(indicator="trade", unit=["CNY", "USD"])
    for year, figures in trade.group_by("year").items():
        print(f"  {year if year is not None else 'year unknown'}:")
        for hit in figures:
            print(f"    {hit.region_name}: {hit.text} ({hit.kind.value}) [{hit.article_id}]")

    print("\nEnterprises going abroad, and where:")
    for country, firms in corpus.enterprises.where(overseas=True).group_by("overseas").items():
        names = ", ".join(f"{e.name} ({e.region and corpus.region(e.region).name})"
                          for e in firms)
        print(f"  {corpus.region(country or '').name}: {names}")

    print("\nFigures the articles disagree on:")
    for conflict in corpus.conflicts():
        print(f"  {conflict.region_name}, {conflict.indicator!r}, {conflict.label}:")
        for hit in conflict.hits:
            print(f"    {hit.text} in {hit.article_id} (published {hit.published}): "
                  f"{hit.quote(30)}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(HERE / "articles")])
