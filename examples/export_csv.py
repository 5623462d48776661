"""Parse the example articles, save them as JSON Lines and CSV tables, and read both back.

    python examples/export_csv.py [OUT_FOLDER]     (default: ./zjopen-out/)
"""

from __future__ import annotations

import sys
from pathlib import Path

import zjopen

HERE = Path(__file__).parent


def main(out: Path) -> None:
    articles = [zjopen.parse_file(p) for p in sorted((HERE / "articles").iterdir())
                if p.suffix in {".txt", ".html"}]
    jsonl = out / "articles.jsonl"
    with open(jsonl, "w", encoding="utf-8") as handle:
        zjopen.dump_jsonl(articles, handle)
    tables = zjopen.write_csv(articles, out / "csv")
    with open(jsonl, encoding="utf-8") as handle:
        assert zjopen.load_jsonl(handle) == articles
    assert zjopen.read_csv(out / "csv") == articles
    print(f"{len(articles)} articles -> {jsonl} and {len(tables)} CSV tables in {out / 'csv'}")


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "zjopen-out")
    target.mkdir(parents=True, exist_ok=True)
    main(target)
