"""The Dask example runs on a LocalCluster and equals the single-process result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="needs the dask extra: pip install -e '.[dask]'")
pytest.importorskip("distributed")

import dask.distributed

from zjopen.dask_support import METRIC_COLUMNS, articles_bag, local_frame, metrics_frame

# Dask's own annotations are partial; its entry points are used untyped.
Client: Any = dask.distributed.Client
LocalCluster: Any = dask.distributed.LocalCluster

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def test_dask_result_equals_single_process(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    paths = [EXAMPLES, tmp_path]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        frame = metrics_frame(articles_bag(paths, partition_size=1)).compute()
    frame = frame.reset_index(drop=True)
    expected = local_frame(paths)
    assert list(frame.columns) == list(METRIC_COLUMNS)
    assert len(expected) > 10
    assert frame.to_dict("records") == expected.to_dict("records")
