"""Export a corpus to CSV and Parquet, then ask DuckDB about it.

    pip install -e '.[pandas]' duckdb
    python examples/export_duckdb.py [OUT_FOLDER]     (default: ./zjopen-out/)
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from zjopen.corpus import Corpus

HERE = Path(__file__).parent


def main(out: Path) -> None:
    corpus = Corpus.from_paths([HERE / "articles"], jobs=1)
    tables = corpus.write_csv(out / "csv")
    parquet = corpus.to_parquet(out / "metrics.parquet")
    print(f"{len(tables)} CSV tables in {out / 'csv'}; figures in {parquet}")
    rows = duckdb.execute(
        """
        SELECT year, value_exact, unit, article_id
        FROM read_parquet(?)
        WHERE list_contains(region_path, '330200') AND unit = 'CNY' AND kind = 'level'
        ORDER BY year, article_id
        """,
        [str(parquet)],
    ).fetchall()
    print("Money figures within Ningbo, by year:")
    for year, value, unit, article_id in rows:
        print(f"  {year}: {value} {unit}  [{article_id}]")


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "zjopen-out")
    target.mkdir(parents=True, exist_ok=True)
    main(target)
