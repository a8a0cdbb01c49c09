"""Builds on every core (riwaya.pipeline.parallel): the same tables, byte for byte, as the
serial build, whatever the number of workers and the size of the parts."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

import riwaya.pipeline.assemble
from conftest import ROOT
from corpus_tables import differences, frozen_sample, tables
from riwaya.pipeline.build import build_corpus
from riwaya.pipeline.parallel import POOL_MIN_DOCS, available_cores, worker_count
from riwaya.pipeline.store import build_dir, load_corpus

DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    """(raw, codebook, serial build) of a copy of the sample."""
    return frozen_sample(tmp_path_factory)


@pytest.mark.parametrize("workers, documents, expected", [
    (1, 1000, 1),
    (3, 2, 3),                                   # asked for: exactly that
    (None, POOL_MIN_DOCS - 1, 1),                # every core, but not worth a pool
    (0, POOL_MIN_DOCS, "cores"),
    (None, 10_000, "cores"),
])
def test_worker_count(workers, documents, expected):
    assert worker_count(workers, documents) == (available_cores() if expected == "cores" else expected)


@pytest.mark.parametrize("workers", [-1, 1.5, "2", True])
def test_worker_count_refuses_what_is_not_a_count(workers):
    with pytest.raises(TypeError, match="workers: expected a whole number"):
        worker_count(workers, 100)


def test_two_workers_write_the_serial_build_byte_for_byte(frozen, tmp_path):
    raw, codebook, serial = frozen
    calls = []
    report = build_corpus(raw, codebook, tmp_path / "out", workers=2,
                          progress=lambda *a: calls.append(a))
    assert differences(serial, tmp_path / "out") == []
    summary = load_corpus(serial).manifest["summary"]
    assert report.documents == summary["documents"] == 5
    assert report.statements == summary["statements"] > 0
    # the progress callback keeps its contract: (done, total, what), then "writing"
    assert [c[0] for c in calls] == list(range(len(calls)))
    assert calls[-1] == (len(calls) - 1, len(calls) - 1, "writing")


def test_rows_are_written_in_parts_and_read_back_whole(frozen, tmp_path, monkeypatch):
    raw, codebook, serial = frozen
    monkeypatch.setattr(riwaya.pipeline.assemble, "PART_DOCS", 2)
    build_corpus(raw, codebook, tmp_path / "out", workers=2)
    parts = pq.ParquetFile(build_dir(tmp_path / "out") / "sentences.parquet").num_row_groups
    assert parts == 3                            # 5 documents, 2 a part
    a, b = tables(serial), tables(tmp_path / "out")
    assert [name for name in a if not a[name].equals(b[name])] == []


def test_bad_files_and_duplicates_are_reported_as_by_the_serial_build(raw_copy, codebook_copy,
                                                                    tmp_path):
    (raw_copy / "empty.txt").write_bytes(b"")
    (raw_copy / "zz_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    shutil.copy(raw_copy / "003_5ebe06736b7b5b94.txt", raw_copy / "005_copy.txt")
    serial = build_corpus(raw_copy, codebook_copy, tmp_path / "serial", workers=1)
    pooled = build_corpus(raw_copy, codebook_copy, tmp_path / "pooled", workers=2)
    assert pooled.skipped == serial.skipped and {n for n, _ in serial.skipped} >= {
        "empty.txt", "zz_binary.txt"}
    assert pooled.duplicates == serial.duplicates == [("005_copy", "003_5ebe06736b7b5b94")]
    assert differences(tmp_path / "serial", tmp_path / "pooled") == []


def test_cli_workers_flag_builds_the_same_corpus(frozen, tmp_path):
    raw, codebook, serial = frozen
    run = subprocess.run([sys.executable, "-m", "riwaya", "build", "--raw", raw,
                          "--codebook", codebook, "--out", tmp_path / "out", "--workers", "2"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert differences(serial, tmp_path / "out") == []
    assert len(load_corpus(tmp_path / "out").documents) == 5


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus (../shared/corpus/dev) is not here")
def test_dev_corpus_parallel_equals_serial(frozen, tmp_path):
    codebook = frozen[1]
    build_corpus(DEV, codebook, tmp_path / "serial", workers=1)
    build_corpus(DEV, codebook, tmp_path / "pooled", workers=2)
    assert differences(tmp_path / "serial", tmp_path / "pooled") == []


def test_a_page_left_as_main_builds_in_one_process_with_the_same_tables(frozen, tmp_path,
                                                                        monkeypatch):
    """Streamlit (and AppTest) put the page in sys.modules["__main__"]: a spawned worker would
    run it again, so the build stays in this process."""
    import types

    from riwaya.pipeline import parallel

    page = types.ModuleType("__main__")
    page.__file__ = str(tmp_path / "page.py")
    monkeypatch.setitem(sys.modules, "__main__", page)
    assert not parallel.main_reruns_safely()
    started = []
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", lambda *a, **k: started.append(a))
    raw, codebook, serial = frozen
    build_corpus(raw, codebook, tmp_path / "out", workers=2)
    assert started == []
    assert differences(serial, tmp_path / "out") == []
