"""The shape of the package, as the layout issue set it: packages by job, few modules at
the top, none too long to read, and every package saying what it does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import zjopen

SRC = Path(zjopen.__file__).resolve().parent
PACKAGES = sorted(p.parent for p in SRC.glob("*/__init__.py"))
MODULES = sorted(SRC.rglob("*.py"))


def test_the_top_level_holds_at_most_twelve_modules_besides_the_packages() -> None:
    top = sorted(p.name for p in SRC.glob("*.py"))
    assert len(top) <= 12, top


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_is_over_500_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= 500, f"{path.relative_to(SRC)} has {lines} lines: split it by idea"


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_every_package_says_what_it_does_and_where_its_data_goes(package: Path) -> None:
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert doc is not None, f"{package.name}/__init__.py has no docstring"
    assert len(doc.strip().splitlines()) >= 2, f"{package.name}: say it in two or three lines"


def test_every_module_of_a_package_is_named_in_its_docstring_or_is_private() -> None:
    """A reader finds each public module of a package from the package's docstring."""
    unnamed = []
    for package in PACKAGES:
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        for module in sorted(package.glob("*.py")):
            name = module.stem
            if name.startswith("_") or name in (doc or ""):
                continue
            unnamed.append(f"{package.name}.{name}")
    assert not unnamed, unnamed
