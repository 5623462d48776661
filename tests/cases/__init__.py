"""Table-driven test cases kept as JSON Lines, one case a line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_rows(path: Path) -> list[Any]:
    """Every non-blank line of ``path`` as a JSON object; its shape is each table's to
    check (``test_table_shape``)."""
    rows: list[Any] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            raw: Any = json.loads(line)
            assert isinstance(raw, dict), f"{path.name}:{number}: not an object"
            rows.append(raw)
    return rows
