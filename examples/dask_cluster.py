"""Parse a folder of articles on a Dask cluster and total the figures by unit.

    pip install -e '.[dask]'
    python examples/dask_cluster.py [FOLDER]

This starts a LocalCluster with two worker processes. To use a real cluster, replace
the two lines that make ``cluster`` and ``client`` with::

    client = Client("tcp://scheduler-host:8786")
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import dask.distributed

from zjopen.formats.dask import articles_bag, metrics_frame

# Dask's own annotations are partial; its entry points are used untyped.
Client: Any = dask.distributed.Client
LocalCluster: Any = dask.distributed.LocalCluster

HERE = Path(__file__).parent


def main(folder: Path) -> None:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        bag = articles_bag([folder])
        articles = bag.count().compute()
        frame = metrics_frame(bag).compute()
    frame = frame.sort_values(["article_id", "start"]).reset_index(drop=True)
    with_figures = frame["article_id"].nunique()
    print(f"{len(frame)} figures from {articles} articles ({with_figures} of them have figures)")
    print(frame.groupby("unit").size().sort_index().to_string())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "articles")
