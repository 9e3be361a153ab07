"""The Dask engine gives the local engine's tables, byte for byte, on a local cluster of two workers."""

from __future__ import annotations

import pytest

from framing.cli import main
from framing.errors import UsageError
from framing.pipeline.signals import stream_signals
from reuse_fixtures import write_reuse_corpus

pytest.importorskip("distributed")


def _same_csv(a, b):
    names = sorted(p.name for p in a.glob("*.csv"))
    assert names == sorted(p.name for p in b.glob("*.csv")) and "reuse.csv" in names
    different = [name for name in names if (a / name).read_bytes() != (b / name).read_bytes()]
    assert not different


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


@pytest.mark.parametrize("reuse", ["keep", "weight"])
def test_dask_engine_tables_equal_the_local_engine(cluster, tmp_path, reuse):
    corpus = write_reuse_corpus(tmp_path / "harbour")
    stream_signals(corpus, tmp_path / "local", n_resamples=200, chunk_docs=2, reuse=reuse)
    counts = stream_signals(corpus, tmp_path / "dask", n_resamples=200, chunk_docs=2, reuse=reuse, engine="dask",
                            scheduler=cluster.scheduler_address)
    assert counts["articles"] == 7 and counts["reuse"] == 6
    _same_csv(tmp_path / "local", tmp_path / "dask")


def test_the_cli_starts_a_local_cluster_without_a_scheduler(seeds_dir, tmp_path, capsys):
    assert main(["signals", str(seeds_dir), "--out", str(tmp_path / "dask"), "--resamples", "200", "--chunk-docs",
                 "2", "--engine", "dask", "--workers", "2", "--no-progress"]) == 0
    assert main(["signals", str(seeds_dir), "--out", str(tmp_path / "local"), "--resamples", "200", "--chunk-docs",
                 "2", "--workers", "1", "--no-progress"]) == 0
    _same_csv(tmp_path / "local", tmp_path / "dask")


def test_engine_mistakes_are_usage_errors(seeds_dir, tmp_path):
    with pytest.raises(UsageError, match="needs --engine dask"):
        stream_signals(seeds_dir, tmp_path / "x", scheduler="tcp://127.0.0.1:1")
    with pytest.raises(UsageError, match="'local', 'dask'"):
        stream_signals(seeds_dir, tmp_path / "x", engine="spark")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        stream_signals(seeds_dir, tmp_path / "x", engine="dask", scheduler="tcp://127.0.0.1:9", n_resamples=0)
    assert not (tmp_path / "x").exists()
