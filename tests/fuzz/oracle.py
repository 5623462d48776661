"""What every parse must keep, whatever the input:

- it raises nothing but :class:`zjopen.errors.ZjopenError`;
- it takes under :data:`SLOW_SECONDS`;
- the article comes back equal through JSON, JSON Lines and CSV;
- parsing the same input again gives the same article.

:func:`examine` checks one input and returns a :class:`Finding` per broken property;
:func:`roundtrip_findings` checks many articles at once (JSON Lines and CSV in one file
or folder, as the long fuzz run does).

>>> examine("Ningbo exports rose 5 percent.")
[]
"""

from __future__ import annotations

import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs

import zjopen
from zjopen.errors import ZjopenError
from zjopen.model import Article

SLOW_SECONDS = 5.0
"""A parse that takes longer than this is a finding."""


class Finding(NamedTuple):
    """A broken property: ``kind`` is ``exception``, ``slow``, ``roundtrip`` or
    ``nondeterministic``; ``signature`` says which bug it is (two findings with the same
    signature are taken to be one bug); ``detail`` is for people."""

    kind: str
    signature: str
    detail: str


def _frame_place(filename: str) -> str:
    marker = "/zjopen/"
    return "zjopen/" + filename.rsplit(marker, 1)[1] if marker in filename else filename


def exception_signature(exc: BaseException) -> str:
    """The exception's type and the innermost zjopen frame it came from, such as
    ``decimal.InvalidOperation at zjopen/quantities.py:120 (to_decimal)``."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/zjopen/" in f.filename] or list(frames)
    kind = type(exc)
    name = kind.__qualname__ if kind.__module__ == "builtins" else (
        f"{kind.__module__}.{kind.__qualname__}")
    if not ours:
        return name
    frame = ours[-1]
    return f"{name} at {_frame_place(frame.filename)}:{frame.lineno} ({frame.name})"


def last_frames(exc: BaseException, count: int = 5) -> str:
    """The last ``count`` frames of the traceback and the exception line."""
    frames = traceback.extract_tb(exc.__traceback__)[-count:]
    lines = [f"  {_frame_place(f.filename)}:{f.lineno} in {f.name}: {f.line or ''}".rstrip()
             for f in frames]
    message = str(exc)
    if len(message) > 300:
        message = message[:300] + "..."
    return "\n".join([*lines, f"{type(exc).__qualname__}: {message}"])


def _short(value: Any, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def difference(left: Any, right: Any, path: str = "") -> tuple[str, str] | None:
    """Where two articles (or their parts) first differ: the path with list indexes
    (``metrics[3].text``) and a description; ``None`` when they are equal."""
    if left == right:
        return None
    if attrs.has(type(left)) and type(left) is type(right):
        for field in attrs.fields(type(left)):
            found = difference(getattr(left, field.name), getattr(right, field.name),
                               f"{path}.{field.name}" if path else field.name)
            if found is not None:
                return found
    if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        if len(left) != len(right):
            return path, f"{len(left)} items became {len(right)}"
        for n, (a, b) in enumerate(zip(left, right, strict=True)):
            found = difference(a, b, f"{path}[{n}]")
            if found is not None:
                return found
    return path, f"{_short(left)} became {_short(right)}"


def _generic(path: str) -> str:
    """``metrics[3].text`` -> ``metrics[].text`` (one signature for every index)."""
    out, skipping = [], False
    for char in path:
        if char == "[":
            skipping = True
            out.append("[]")
        elif char == "]":
            skipping = False
        elif not skipping:
            out.append(char)
    return "".join(out)


def _compare(kind: str, before: Sequence[Article], after: Sequence[Article]) -> list[Finding]:
    if len(before) != len(after):
        return [Finding("roundtrip", f"roundtrip {kind}: article count",
                        f"{len(before)} articles came back as {len(after)}")]
    for one, other in zip(before, after, strict=True):
        found = difference(one, other)
        if found is not None:
            where, what = found
            return [Finding("roundtrip", f"roundtrip {kind}: {_generic(where)}",
                            f"article {one.id!r}: {where}: {what}")]
    return []


def _guarded(kind: str, step: Callable[[], list[Finding]]) -> list[Finding]:
    try:
        return step()
    except Exception as exc:  # any error, even a ZjopenError, on a parsed article is a bug
        return [Finding("roundtrip", f"roundtrip {kind} raised {exception_signature(exc)}",
                        last_frames(exc))]


def _json(articles: Sequence[Article]) -> list[Finding]:
    findings: list[Finding] = []
    for article in articles:
        findings += _compare("json", [article], [zjopen.loads(zjopen.dumps(article))])
        if findings:
            break
    return findings


def _jsonl(articles: Sequence[Article], folder: Path) -> list[Finding]:
    # Through a real file read in text mode (universal newlines), as users read it.
    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as stream:
        zjopen.dump_jsonl(articles, stream)
    with open(path, encoding="utf-8") as stream:
        back = list(zjopen.iter_jsonl(stream))
    return _compare("jsonl", articles, back)


def _csv(articles: Sequence[Article], folder: Path) -> list[Finding]:
    zjopen.write_csv(articles, folder / "csv")
    return _compare("csv", articles, zjopen.read_csv(folder / "csv"))


def roundtrip_findings(articles: Sequence[Article], folder: str | Path | None = None, *,
                       formats: Sequence[str] = ("json", "jsonl", "csv")) -> list[Finding]:
    """The round-trip failures of ``articles`` (distinct ids) through JSON (each
    article), JSON Lines (one file) and CSV (one folder), in ``folder`` or a new
    temporary one. (JSON Lines is JSON line by line: ``formats=("jsonl", "csv")`` checks
    almost as much, faster.)"""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="zjopen-fuzz-") as tmp:
            return roundtrip_findings(articles, tmp, formats=formats)
    where = Path(folder)
    steps: dict[str, Callable[[], list[Finding]]] = {
        "json": lambda: _json(articles),
        "jsonl": lambda: _jsonl(articles, where),
        "csv": lambda: _csv(articles, where),
    }
    return [finding for kind in formats for finding in _guarded(kind, steps[kind])]


class Parsed(NamedTuple):
    """What one parse gave: the article (``None`` if it raised), its time, the
    :class:`~zjopen.errors.ZjopenError` type it raised (or ``""``) and the findings."""

    article: Article | None
    seconds: float
    error: str
    findings: list[Finding]


def parse_once(data: str | bytes) -> Parsed:
    """Parse ``data``, timing it; an exception that is not a ``ZjopenError`` (even a
    ``RecursionError`` or ``MemoryError``) is a finding."""
    start = time.perf_counter()
    try:
        article = zjopen.parse(data)
    except ZjopenError as exc:
        return Parsed(None, time.perf_counter() - start, type(exc).__name__, [])
    except Exception as exc:
        seconds = time.perf_counter() - start
        return Parsed(None, seconds, "", [Finding("exception", exception_signature(exc),
                                                  last_frames(exc))])
    seconds = time.perf_counter() - start
    findings = []
    if seconds > SLOW_SECONDS:
        findings.append(Finding("slow", f"parse over {SLOW_SECONDS:g} s",
                                f"{seconds:.1f} s for {len(data):,} characters or bytes"))
    return Parsed(article, seconds, "", findings)


def determinism_findings(data: str | bytes, article: Article) -> list[Finding]:
    """A second parse of ``data`` must give an equal article, written identically."""
    again = zjopen.parse(data)
    found = difference(article, again)
    if found is None and zjopen.dumps(article) == zjopen.dumps(again):
        return []
    where, what = found or ("dumps", "equal articles written differently")
    return [Finding("nondeterministic", f"nondeterministic: {_generic(where)}",
                    f"{where}: {what}")]


def examine(data: str | bytes, *, roundtrip: bool = True, determinism: bool = True
            ) -> list[Finding]:
    """Every property ``data`` breaks (an empty list when it keeps them all)."""
    parsed = parse_once(data)
    findings = list(parsed.findings)
    if parsed.article is not None:
        if roundtrip:
            findings += roundtrip_findings([parsed.article])
        if determinism:
            findings += determinism_findings(data, parsed.article)
    return findings


def describe(findings: Sequence[Finding]) -> str:
    """Findings as lines for an assertion message."""
    return "\n".join(f"{f.kind}: {f.signature}\n{f.detail}" for f in findings)

