"""The Dask example runs on a LocalCluster and equals the single-process result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="needs the dask extra: pip install -e '.[dask]'")
pytest.importorskip("distributed")

import dask.bag
import dask.distributed

from tests.extractors import wharves, write_wharf_articles
from zjopen import Pipeline
from zjopen.formats.dask import METRIC_COLUMNS, articles_bag, local_frame, metrics_frame

# Dask's own annotations are partial; its entry points are used untyped.
Client: Any = dask.distributed.Client
LocalCluster: Any = dask.distributed.LocalCluster
from_sequence: Any = dask.bag.from_sequence

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


def test_dask_parses_with_a_custom_pipeline(tmp_path: Path) -> None:
    write_wharf_articles(tmp_path)
    pipeline = Pipeline().with_extractor(wharves)
    articles = articles_bag([tmp_path], partition_size=1, pipeline=pipeline)
    found = articles.map(lambda a: [p.name for p in a.platforms]).compute(
        scheduler="processes", num_workers=2)
    assert found == [["Jintang Wharf"]] * 3
    frame = metrics_frame(articles).compute(scheduler="sync").reset_index(drop=True)
    expected = local_frame([tmp_path], pipeline=pipeline)
    assert list(frame["platform"]) == ["Jintang Wharf"] * 3
    assert frame.to_dict("records") == expected.to_dict("records")
    texts = from_sequence([p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir())],
                          npartitions=2)
    from_texts = articles_bag(texts, pipeline=pipeline).compute(scheduler="sync")
    assert [[p.name for p in a.platforms] for a in from_texts] == [["Jintang Wharf"]] * 3
