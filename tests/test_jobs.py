"""Background builds: one job per corpus folder, joined by every session that asks meanwhile."""

from __future__ import annotations

import shutil

import pytest

from conftest import SAMPLE_CODEBOOK, SAMPLE_RAW
from riwaya.config import Paths
from riwaya.pipeline.jobs import BuildJobs, Progress
from riwaya.pipeline.store import load_corpus


@pytest.fixture
def paths(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for f in sorted(SAMPLE_RAW.glob("*.txt"))[:2]:
        shutil.copyfile(f, raw / f.name)
    return Paths(raw, SAMPLE_CODEBOOK, tmp_path / "processed")


def test_sessions_asking_while_a_build_runs_join_it(paths):
    jobs = BuildJobs()
    first = jobs.start_or_join(paths)
    second = jobs.start_or_join(paths)
    assert second is first
    assert first.wait(120)
    assert first.error is None and first.report.documents == 2
    assert len(load_corpus(paths.processed).documents) == 2
    assert jobs.current(paths) is first
    # once it has ended, the next ask starts a new build
    third = jobs.start_or_join(paths)
    assert third is not first
    assert third.wait(120)


def test_a_failed_build_reports_the_file_and_problem(paths, tmp_path):
    bad = tmp_path / "codebook"
    shutil.copytree(SAMPLE_CODEBOOK, bad)
    (bad / "claims.jsonl").write_text('{"id": "X"}\n', encoding="utf-8")
    job = BuildJobs().start_or_join(Paths(paths.raw, bad, paths.processed))
    assert job.wait(120)
    assert job.report is None
    assert "claims.jsonl" in job.error and "line 1" in job.error


@pytest.mark.parametrize("progress, text", [
    (Progress(0, 0, "waiting for another build", 1.0), "waiting for another build"),
    (Progress(0, 10, "a.txt", 1.0), "0/10 articles · a.txt"),
    (Progress(5, 10, "f.txt", 10.0), "5/10 articles · about 10 s left · f.txt"),
])
def test_progress_says_counts_and_time_left(progress, text):
    assert progress.describe() == text
