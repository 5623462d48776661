"""Every example script runs as-is."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_there_are_examples() -> None:
    assert len(SCRIPTS) >= 2


def _missing_extra(script: Path) -> str | None:
    """The optional dependency an example needs and this environment lacks, if any."""
    source = script.read_text(encoding="utf-8")
    for module, extra in (("dask", "dask"), ("pandas", "pandas"), ("duckdb", "pandas")):
        uses = f"import {module}" in source or f"from {module}" in source
        if uses and importlib.util.find_spec(module) is None:
            return extra
    return None


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_example_runs(script: Path, tmp_path: Path) -> None:
    extra = _missing_extra(script)
    if extra is not None:
        pytest.skip(f"needs the {extra} extra: pip install -e '.[{extra}]'")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300,
        check=False, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    written = tmp_path / "zjopen-out"
    if written.exists():  # an example that writes files says where, and they stay
        assert any(written.iterdir())
        assert "zjopen-out" in result.stdout
