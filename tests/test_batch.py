"""Batch parsing: order, errors, progress display."""

from __future__ import annotations

import io
from pathlib import Path

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
