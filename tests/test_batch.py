"""Batch parsing: order, errors, progress display."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.extractors import wharves, write_wharf_articles
from zjopen import Pipeline
from zjopen.batch import Parsed, Progress, parse_paths

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def test_results_keep_input_order_across_processes(tmp_path: Path) -> None:
    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(f"Yiwu grows\n\nTrade rose {n + 1}% in 2023.",
                                           encoding="utf-8")
    (tmp_path / "3.txt").write_bytes(b"")
    serial = list(parse_paths([tmp_path], jobs=1, as_json=True))
    parallel = list(parse_paths([tmp_path], jobs=2, as_json=True))
    assert serial == parallel
    assert [r.path.name for r in parallel] == [f"{n}.txt" for n in range(6)]
    assert [r.error is not None for r in parallel] == [False, False, False, True, False, False]
    assert parallel[3].error == f"{tmp_path / '3.txt'}: the file is empty"
    assert parallel[0].line is not None
    assert '"value": 1,' in parallel[0].line


def test_progress_line_and_silence() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=True)
    progress.start([EXAMPLES / "yiwu-market-goes-global.txt"])
    progress.started -= 2.0  # two seconds ago
    progress.advance(Parsed(EXAMPLES / "yiwu-market-goes-global.txt", 2_000_000))
    progress.finish()
    assert stream.getvalue().startswith("\r1/1 files  2.0 MB  1.00 MB/s")
    assert stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    silent = Progress(quiet)  # a StringIO is not a terminal
    silent.start([EXAMPLES])
    silent.advance(Parsed(EXAMPLES, 10))
    silent.finish()
    assert quiet.getvalue() == ""


def _rglob_order(folder: Path) -> list[Path]:
    """What iter_paths listed before it streamed: every article file, sorted."""
    return sorted(p for p in folder.rglob("*")
                  if p.suffix.lower() in {".txt", ".html", ".htm"} and p.is_file())


def test_paths_are_streamed_in_sorted_path_order(tmp_path: Path) -> None:
    from zjopen.batch import iter_paths

    names = ["b.txt", "a-b/x.txt", "a/x.txt", "a/y/z.HTML", "a/.hidden.txt", "A.htm",
             "a/..txt", "c/.txt", "notes.md", "a/y.txt/inner.txt", "d/e/f/g.html", "a.TXT"]
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "d", target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "b.txt")
    listed = list(iter_paths([tmp_path]))
    assert listed == _rglob_order(tmp_path)
    assert tmp_path / "linked" / "e" / "f" / "g.html" not in listed  # links to folders
    assert tmp_path / "link.txt" in listed  # a link to a file is a file
    assert tmp_path / "c" / ".txt" not in listed
    assert tmp_path / "a" / "..txt" in listed


def test_paths_named_twice_or_nested_come_once(tmp_path: Path) -> None:
    from zjopen.batch import iter_paths

    for name in ("a/1.txt", "a/b/2.txt", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    paths = [tmp_path / "a" / "b", tmp_path, tmp_path / "c.txt", tmp_path / "c.txt"]
    assert list(iter_paths(paths)) == [
        tmp_path / "a" / "b" / "2.txt", tmp_path / "a" / "1.txt", tmp_path / "c.txt"
    ]
    assert list(iter_paths([tmp_path / "missing.txt"])) == [tmp_path / "missing.txt"]


def test_paths_are_listed_one_folder_at_a_time(tmp_path: Path) -> None:
    """Streaming: a folder is read only when the walk reaches it (a list of every path
    of a large archive is never held)."""
    from zjopen.batch import iter_paths

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "1.txt").write_text("x", encoding="utf-8")
    walk = iter(iter_paths([tmp_path]))
    assert next(walk) == tmp_path / "a" / "1.txt"
    (tmp_path / "b" / "2.txt").write_text("x", encoding="utf-8")  # added after the start
    assert list(walk) == [tmp_path / "b" / "2.txt"]


def _wharf_articles(folder: Path) -> None:
    write_wharf_articles(folder, 4)
    (folder / "2.txt").write_bytes(b"\xff\xfe\x00")


def test_a_custom_pipeline_runs_in_worker_processes(tmp_path: Path) -> None:
    _wharf_articles(tmp_path)
    pipeline = Pipeline().with_extractor(wharves)
    serial = list(parse_paths([tmp_path], jobs=1, as_json=True, pipeline=pipeline))
    parallel = list(parse_paths([tmp_path], jobs=2, as_json=True, pipeline=pipeline))
    assert serial == parallel
    assert [r.error is not None for r in parallel] == [False, False, True, False]
    assert all('"name": "Jintang Wharf"' in (r.line or "") for r in parallel if not r.error)
    plain = list(parse_paths([tmp_path], jobs=2, as_json=True))
    assert not any("Jintang Wharf\"" in (r.line or "") for r in plain)
    assert [r.error for r in plain] == [r.error for r in parallel]


def test_a_pipeline_workers_cannot_receive_is_refused_before_parsing(tmp_path: Path) -> None:
    _wharf_articles(tmp_path)
    pipeline = Pipeline().with_extractor(lambda doc: wharves(doc))
    with pytest.raises(ValueError, match=r"cannot be sent to worker processes.*jobs=1"):
        parse_paths([tmp_path], jobs=2, pipeline=pipeline)
    results = list(parse_paths([tmp_path], jobs=1, pipeline=pipeline))
    assert [r.article.platforms[0].name for r in results if r.article] == ["Jintang Wharf"] * 3
