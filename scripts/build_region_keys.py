"""Write src/zjopen/data/generated/region_words.txt: the region extractor's word key of every
region name, so that a process loads them instead of computing them.

    python scripts/build_region_keys.py

Run it after changing data/generated/regions_cn.csv or countries.csv, or the extractor's
words (zjopen.extract.regions._TOKEN, _key). Until then zjopen computes the keys itself
(the file's digest no longer matches the names) and tests/test_gazetteer.py fails, to
say the file is stale.
"""

from __future__ import annotations

from pathlib import Path

from zjopen import regions
from zjopen.extract import regions as extractor

OUT = Path(__file__).resolve().parent.parent / "src" / "zjopen" / "data" / extractor._KEYS_FILE


def render() -> str:
    """The file's text, computed from the names without the file."""
    forms = list(regions.names())
    keys = extractor._word_keys(forms)
    if any("\n" in key for key in keys):
        raise SystemExit("a key holds a line break: the file format cannot store it")
    return "\n".join([extractor._keys_header(forms), *keys]) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
