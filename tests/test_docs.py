"""The documentation site: its examples run as written, its API reference covers every
public name, and it builds with ``mkdocs build --strict``."""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import zjopen

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GETTING_STARTED = DOCS / "getting-started.md"
REFERENCE = DOCS / "reference"

_FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_DIRECTIVE = re.compile(r"^:::[ \t]+([\w.]+)[ \t]*$", re.MULTILINE)
_SHELL_SYNTAX = frozenset({"|", "||", "&", "&&", ";", ">", ">>", "<", "2>", "2>&1"})


@attrs.frozen
class Block:
    """A fenced code block of a Markdown page."""

    language: str
    code: str
    line: int  # of the opening fence, 1-based


def code_blocks(page: Path) -> list[Block]:
    """The top-level fenced code blocks of ``page``, in order."""
    text = page.read_text(encoding="utf-8")
    return [Block(m[1], m[2], text.count("\n", 0, m.start()) + 1) for m in _FENCE.finditer(text)]


def commands(page: Path) -> list[tuple[int, list[str]]]:
    """Every line of the ``sh`` blocks of ``page`` that runs ``zjopen``, as arguments."""
    found = []
    for block in code_blocks(page):
        if block.language not in {"sh", "bash", "shell", "console"}:
            continue
        for n, line in enumerate(block.code.splitlines(), block.line + 1):
            if line.startswith("zjopen "):
                found.append((n, shlex.split(line, comments=True)))
    return found


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          check=False, env=env, **kwargs)


# -- (1) the getting-started page runs as written ------------------------------------------

def test_getting_started_python_blocks_run(tmp_path: Path) -> None:
    blocks = [b for b in code_blocks(GETTING_STARTED) if b.language == "python"]
    assert blocks, f"{GETTING_STARTED} has no python blocks"
    script = tmp_path / "getting_started.py"
    script.write_text(
        "".join(f"# --- {GETTING_STARTED.name}, block at line {b.line}\n{b.code}\n"
                for b in blocks),
        encoding="utf-8",
    )
    result = _run([sys.executable, str(script)])
    assert result.returncode == 0, (
        f"the python blocks of {GETTING_STARTED.name} failed (script: {script}):\n"
        f"{result.stderr}"
    )


COMMANDS = commands(GETTING_STARTED)


def test_getting_started_has_commands() -> None:
    assert len(COMMANDS) >= 2


@pytest.mark.parametrize(("line", "args"), COMMANDS,
                         ids=[" ".join(args[1:3]) + f"@{line}" for line, args in COMMANDS])
def test_getting_started_command_runs(line: int, args: list[str]) -> None:
    shell = _SHELL_SYNTAX.intersection(args)
    assert not shell, f"line {line}: keep shell syntax {sorted(shell)} out of examples"
    result = _run([sys.executable, "-m", "zjopen", *args[1:]])
    assert result.returncode == 0, (
        f"{GETTING_STARTED.name}:{line}: {shlex.join(args)} exited {result.returncode}:\n"
        f"{result.stderr}"
    )


# -- (2) the API reference covers every public name ----------------------------------------

def _resolve(path: str) -> Any:
    """The object a dotted path names: a module, or an attribute of one."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            value = getattr(value, part)
        return value
    raise ImportError(path)


def _public(module: ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in vars(module) if not n.startswith("_")]
    return list(names)


def documented() -> dict[str, list[str]]:
    """The reference pages' ``:::`` targets, each with the paths of what it documents:
    itself, and for a module every name of its ``__all__``."""
    targets: dict[str, list[str]] = {}
    for page in sorted(REFERENCE.glob("*.md")):
        for target in _DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            value = _resolve(target)
            paths = [target]
            if isinstance(value, ModuleType):
                paths += [f"{target}.{name}" for name in _public(value)]
            targets[target] = paths
    return targets


def documented_path(name: str, targets: dict[str, list[str]]) -> str | None:
    """The documented path of ``zjopen.<name>``, or None when no directive covers it."""
    value = getattr(zjopen, name)
    for paths in targets.values():
        for path in paths:
            if _resolve(path) is value:
                return path
    return None


def test_reference_directives_resolve() -> None:
    targets = documented()
    assert targets, f"no ::: directives under {REFERENCE}"


@pytest.mark.parametrize("name", zjopen.__all__)
def test_reference_covers_public_name(name: str) -> None:
    assert documented_path(name, documented()) is not None, (
        f"zjopen.{name} is in zjopen.__all__ but no ::: directive in docs/reference/ "
        f"documents it; add '::: <defining module>.{name}' to a reference page"
    )


# -- (3) the site builds ---------------------------------------------------------------------

def _missing_doc_tools() -> list[str]:
    """The documentation packages (the ``docs`` extra) that are not installed."""
    missing = []
    for module in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python"):
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if not found:
            missing.append(module)
    return missing


def test_site_builds_strict(tmp_path: Path) -> None:
    missing = _missing_doc_tools()
    if missing:
        pytest.skip(f"documentation tools not installed ({', '.join(missing)}): "
                    "pip install -e '.[docs]' to build the site")
    site = tmp_path / "site"
    result = _run([sys.executable, "-m", "mkdocs", "build", "--strict",
                   "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)])
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    # Every public name has its own anchor in the built reference.
    html = "\n".join(p.read_text(encoding="utf-8") for p in (site / "reference").rglob("*.html"))
    targets = documented()
    for name in zjopen.__all__:
        path = documented_path(name, targets)
        assert path is not None
        value = getattr(zjopen, name)
        anchors = ([f"{path}.{member}" for member in _public(value)]
                   if isinstance(value, ModuleType) else [path])
        for anchor in anchors:
            assert f'id="{anchor}"' in html, f"zjopen.{name}: no anchor {anchor!r} in the site"


# -- (4) every output a page shows is what its code prints -----------------------------------

_RUNNER = '''
import contextlib, io, json, sys
blocks = json.load(sys.stdin)
scope = {"__name__": "__main__"}
printed = []
for code in blocks:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<doc block>", "exec"), scope)
    printed.append(out.getvalue())
json.dump(printed, sys.__stdout__)
'''


def _pages_with_outputs() -> list[Path]:
    """The pages whose python blocks run as written, in order (the others show pieces
    of code that a reader fits into their own)."""
    pages = [ROOT / "README.md", GETTING_STARTED, DOCS / "corpus.md", DOCS / "evaluation.md"]
    return [p for p in pages if any(
        a.language == "python" and b.language == "text"
        for a, b in zip(code_blocks(p), code_blocks(p)[1:], strict=False))]


@pytest.mark.parametrize("page", _pages_with_outputs(), ids=lambda p: p.name)
def test_every_shown_output_is_what_the_code_prints(page: Path) -> None:
    """A ``text`` block right after a ``python`` block shows what the python prints; the
    page's python blocks run in order in one interpreter (as a reader would)."""
    import json

    blocks = code_blocks(page)
    python = [b for b in blocks if b.language == "python"]
    shown = {a.line: b for a, b in itertools.pairwise(blocks)
             if a.language == "python" and b.language == "text"}
    result = _run([sys.executable, "-c", _RUNNER],
                  input=json.dumps([b.code for b in python]))
    assert result.returncode == 0, f"{page.name}: the python blocks failed:\n{result.stderr}"
    printed = dict(zip((b.line for b in python), json.loads(result.stdout), strict=True))
    for line, text in shown.items():
        assert printed[line].rstrip("\n") == text.code.rstrip("\n"), (
            f"{page.name}:{text.line}: the page shows\n{text.code}\nbut the block at line "
            f"{line} prints\n{printed[line]}")


def _shell_shown(page: Path) -> list[tuple[Block, Block]]:
    """The ``sh`` blocks of only ``zjopen`` commands that a ``text`` block follows."""
    blocks = code_blocks(page)
    return [(a, b) for a, b in itertools.pairwise(blocks)
            if a.language == "sh" and b.language == "text"
            and all(line.startswith("zjopen ") for line in a.code.splitlines() if line)]


_SHELL_PAGES = [DOCS / "evaluation.md"]


@pytest.mark.parametrize("page", _SHELL_PAGES, ids=lambda p: p.name)
def test_every_shown_command_output_is_what_it_prints(page: Path, tmp_path: Path) -> None:
    """After commands, a ``text`` block shows what the last of them prints; they run in a
    folder where ``examples/`` is the repository's."""
    pairs = _shell_shown(page)
    assert pairs, f"{page.name} shows no command output"
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    for commands, shown in pairs:
        printed = ""
        for line in commands.code.splitlines():
            args = shlex.split(line)
            result = subprocess.run([sys.executable, "-m", "zjopen", *args[1:]], cwd=tmp_path,
                                    capture_output=True, text=True, timeout=600, check=False)
            printed = result.stdout
        assert printed.rstrip("\n") == shown.code.rstrip("\n"), (
            f"{page.name}:{shown.line}: the page shows\n{shown.code}\nbut the commands at "
            f"line {commands.line} print\n{printed}")


def test_extending_examples_print_what_the_page_shows() -> None:
    """The extending page's complete examples (a python block a ``text`` block follows)
    run on their own and print what the page shows."""
    import json

    blocks = code_blocks(DOCS / "extending.md")
    pairs = [(a, b) for a, b in itertools.pairwise(blocks)
             if a.language == "python" and b.language == "text"]
    assert pairs
    for code, shown in pairs:
        result = _run([sys.executable, "-c", _RUNNER], input=json.dumps([code.code]))
        assert result.returncode == 0, result.stderr
        printed = json.loads(result.stdout)[0]
        assert printed.rstrip("\n") == shown.code.rstrip("\n"), (
            f"extending.md:{shown.line}: the page shows\n{shown.code}\nbut prints\n{printed}")
