"""Every regular expression zjopen compiles, found by running it: the census the ReDoS
test (``tests/test_redos.py``) and ``benchmarks/redos.py`` check.

    python -m tests.redos.census          # JSON: [{"pattern", "flags", "name"}, ...]

In a fresh interpreter, ``re``'s compile step is wrapped before zjopen is imported, so
that every pattern compiled by zjopen's code is recorded with the file and line that
compiled it, however it is compiled: at import (module-level patterns), by a builder
run once (word tables, ``@cache`` functions), lazily on first use, or per article
(alternations of the names an article defines). Then every module of the package is
imported, every cached builder that takes no argument is called, and sample articles
are parsed (the bundled examples, the shared corpus when it is there, and sentences
that reach the rarer rules), written and read back, so that patterns compiled on first
use are compiled too. Finally the modules' globals are walked (containers, attrs
instances) for any compiled pattern the wrapper could not see.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import inspect
import json
import os
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Entry = tuple[str, int]  # a pattern's text and flags

# Sentences that reach rules the sample articles may not: ranks, periods, targets,
# respectively lists, abbreviations, quoted policies, bylines, datelines, tables.
SAMPLES = (
    "Ningbo trade grows\n\nBy Li Ming in Hangzhou | Updated: 2024-03-28 10:15\n\n"
    "HANGZHOU, March 28 (Xinhua) -- Exports from Jiaxing and Huzhou rose 3.2 percent and "
    "7.5 percent respectively in the first quarter of 2024, and the city aims to reach "
    "50 billion yuan by 2027. Zhejiang ranked third nationwide, up from fifth a year "
    "earlier. The Zhejiang Ningbo Haitian Group Co., Ltd. (Haitian) and the Jiaxing "
    "Economic and Technological Development Zone (JXEDZ) signed a $1.2-billion deal; "
    "Haitian said the JXEDZ would host it from January to June 2025. The province "
    "launched 13 policies to promote high-level opening up under the 'four leading "
    "fields' strategy and the Belt and Road Initiative. About 1,200 foreign-funded firms "
    "were set up in H1, nearly two-thirds of them in the Yiwu-Madrid route's market.\n\n"
    "| City | 2023 | Growth |\n| Wenzhou | 12.5% | 3.4 billion yuan |\n\n"
    "Copyright 2024 China Daily. All rights reserved.",
    "<html><head><title>Yiwu market</title><script type=\"application/ld+json\">"
    "{\"datePublished\": \"2023-03-09\", \"author\": {\"name\": \"Wang Hao\"}}</script>"
    "</head><body><h1>Yiwu market</h1><p>Yiwu's exports hit 500 billion yuan in 2023, "
    "up 18 percent.</p><p>The Yiwu International Trade City sells to 230 countries and "
    "regions.</p></body></html>",
)


def _package_dir() -> str:
    spec = importlib.util.find_spec("zjopen")
    assert spec is not None
    assert spec.origin is not None
    return os.path.dirname(spec.origin) + os.sep


def census() -> dict[Entry, str]:
    """Every pattern zjopen compiles (its text and flags), with its name: the module
    global or builder field that holds it (``zjopen.extract._cued._APPOSED``,
    ``zjopen.extract._plans._tables().lower_head``), else the file and line of the code
    that compiled it (a pattern made inside a function, such as an article's names)."""
    package = _package_dir()
    found: dict[Entry, str] = {}
    original = re._compile  # type: ignore[attr-defined]

    def recording(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        if isinstance(compiled, re.Pattern) and isinstance(compiled.pattern, str):
            where = _caller(sys._getframe(1), package)
            if where is not None:
                found.setdefault((compiled.pattern, compiled.flags), where)
        return compiled

    re._compile = recording  # type: ignore[attr-defined]
    try:
        modules = list(_import_all())
        builders = [b for module in modules for b in _call_builders(module)]
        _parse_samples()
        named: dict[Entry, str] = {}
        for module in modules:
            for name, pattern in _walk(vars(module), 4, set(), module.__name__):
                named.setdefault((pattern.pattern, pattern.flags), name)
        for name, result in builders:
            for inner, pattern in _walk(result, 4, set(), name):
                named.setdefault((pattern.pattern, pattern.flags), inner)
    finally:
        re._compile = original  # type: ignore[attr-defined]
    for entry, name in named.items():
        found[entry] = name
    return found


def _caller(frame: Any, package: str) -> str | None:
    """Where zjopen's code compiled a pattern (``file:line``), or None when the code that
    compiled it is not zjopen's (the standard library's, a dependency's). Frames of the
    ``re`` module are skipped; so are zjopen's pattern builders, to name their caller."""
    while frame is not None and frame.f_globals.get("__name__") == "re":
        frame = frame.f_back
    if frame is None or not frame.f_code.co_filename.startswith(package):
        return None
    where = frame
    while where is not None and where.f_globals.get("__name__") == "zjopen.lexicon.patterns":
        where = where.f_back
    if where is None or not where.f_code.co_filename.startswith(package):
        where = frame
    return f"{os.path.relpath(where.f_code.co_filename, package)}:{where.f_lineno}"


def _import_all() -> Iterator[Any]:
    import zjopen

    yield zjopen
    for info in pkgutil.walk_packages(zjopen.__path__, "zjopen."):
        if info.name.endswith(".__main__"):
            continue  # runs the command line
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # an optional dependency (the dask extra) not installed
            continue


def _call_builders(module: Any) -> Iterator[tuple[str, Any]]:
    """Call each cached function of ``module`` that takes no argument (the builders of
    word tables and pattern tables): (its name, what it built)."""
    for value in list(vars(module).values()):
        if not (callable(value) and hasattr(value, "cache_info")):
            continue
        if getattr(value, "__module__", None) != module.__name__:
            continue
        try:
            signature = inspect.signature(value)
        except (TypeError, ValueError):
            continue
        if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
               for p in signature.parameters.values()):
            yield f"{module.__name__}.{value.__name__}()", value()


def _sample_files() -> Iterator[Path]:
    root = Path(__file__).resolve().parents[2]
    folders = [root / "examples" / "articles", root.parent / "shared" / "corpus" / "seeds",
               root.parent / "shared" / "corpus" / "dev"]
    for folder in folders:
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".html"})


def _parse_samples() -> None:
    import tempfile

    import zjopen
    from zjopen.errors import ZjopenError
    from zjopen.formats.csv import read_csv, write_csv
    from zjopen.formats.json import dumps, loads

    articles = []
    sources: list[Path | str] = [*_sample_files(), *SAMPLES]
    for source in sources:
        try:
            article = (zjopen.parse_file(source) if isinstance(source, Path)
                       else zjopen.parse(source))
        except ZjopenError:
            continue
        articles.append(loads(dumps(article)))
    with tempfile.TemporaryDirectory() as folder:
        write_csv(articles, folder)
        read_csv(folder)


def _compiled(value: Any) -> re.Pattern[str] | None:
    """The compiled pattern ``value`` is or stands for (a lazily compiled one is
    compiled here), or None."""
    if isinstance(value, re.Pattern):
        return value if isinstance(value.pattern, str) else None
    if type(value).__name__ in ("LazyPattern", "_CompiledPattern"):  # (before, after use)
        bound = value.search  # compiles it
        compiled = getattr(bound, "__self__", None)
        return compiled if isinstance(compiled, re.Pattern) else None
    return None


def _walk(value: Any, depth: int, seen: set[int], name: str
          ) -> Iterator[tuple[str, re.Pattern[str]]]:
    if id(value) in seen or depth < 0:
        return
    seen.add(id(value))
    compiled = _compiled(value)
    if compiled is not None:
        yield name, compiled
        return
    if isinstance(value, dict):
        for key, item in list(value.items()):
            if isinstance(key, str) and key.startswith("__"):
                continue
            inner = f"{name}.{key}" if isinstance(key, str) and key.isidentifier() \
                else f"{name}[{key!r}]"
            yield from _walk(item, depth - 1, seen, inner)
    elif isinstance(value, list | tuple | set | frozenset):
        for n, item in enumerate(list(value)):
            yield from _walk(item, depth - 1, seen, f"{name}[{n}]")
    elif hasattr(type(value), "__attrs_attrs__"):
        for field in type(value).__attrs_attrs__:
            yield from _walk(getattr(value, field.name, None), depth - 1, seen,
                             f"{name}.{field.name}")
    elif getattr(type(value), "__slots__", None) and not isinstance(value, type):
        # a plain class of tables (the private ones that are not attrs classes)
        slots = type(value).__slots__
        for slot in (slots,) if isinstance(slots, str) else slots:
            yield from _walk(getattr(value, slot, None), depth - 1, seen, f"{name}.{slot}")
    elif isinstance(value, functools.partial):
        yield from _walk(value.args, depth - 1, seen, name)


def main() -> None:
    entries = [{"pattern": p, "flags": f, "name": w} for (p, f), w in sorted(
        census().items(), key=lambda item: item[1])]
    json.dump(entries, sys.stdout, ensure_ascii=True, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
