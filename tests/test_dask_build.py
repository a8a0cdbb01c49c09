"""The per-document function on Dask (``build --scheduler ADDRESS``): a real two-worker
``distributed.LocalCluster`` of processes gives the local build's tables, byte for byte."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from corpus_tables import differences, frozen_sample
from riwaya.errors import UsageError
from riwaya.pipeline.build import build_corpus

distributed = pytest.importorskip("distributed")


def _pipelines_loaded() -> int:
    module = sys.modules.get("riwaya.pipeline.distributed")
    return len(module._PIPELINES) if module else 0


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    return frozen_sample(tmp_path_factory, "dask")


def test_a_dask_build_equals_the_local_build(cluster, frozen, tmp_path):
    raw, codebook, serial = frozen
    report = build_corpus(raw, codebook, tmp_path / "out", scheduler=cluster.scheduler_address)
    assert differences(serial, tmp_path / "out") == []
    assert report.documents == 5 and report.statements > 0
    # both workers took part, each loading the pipeline once
    with distributed.Client(cluster.scheduler_address) as client:
        loaded = client.run(_pipelines_loaded)
    assert sorted(loaded.values()) == [1, 1]


def test_an_incremental_dask_build_processes_only_what_changed(cluster, frozen, tmp_path):
    raw, codebook, serial = frozen
    out = tmp_path / "out"
    build_corpus(raw, codebook, out, scheduler=cluster.scheduler_address)
    assert build_corpus(raw, codebook, out, scheduler=cluster.scheduler_address).reused == 5
    assert differences(serial, out) == []


def test_the_cli_builds_on_a_scheduler(cluster, frozen, tmp_path):
    raw, codebook, serial = frozen
    run = subprocess.run([sys.executable, "-m", "riwaya", "build", "--raw", raw, "--codebook",
                          codebook, "--out", tmp_path / "out", "--scheduler",
                          cluster.scheduler_address], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    assert differences(serial, tmp_path / "out") == []


def test_an_unreachable_scheduler_is_a_clear_error_and_writes_nothing(frozen, tmp_path):
    raw, codebook, _ = frozen
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build_corpus(raw, codebook, tmp_path / "out", scheduler="tcp://127.0.0.1:9", full=True)
    assert not list((tmp_path / "out").glob("build-*"))
