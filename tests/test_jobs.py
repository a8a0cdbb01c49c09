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


def test_the_build_runs_in_a_child_process_at_a_lower_priority(paths, monkeypatch):
    """Readers' page runs keep the server's interpreter: the build is another process, niced."""
    import os

    from riwaya.pipeline import jobs as jobs_module

    seen = []
    real_popen = jobs_module.subprocess.Popen

    def watching(cmd, **kwargs):
        child = real_popen(cmd, **kwargs)
        seen.append((child.pid, cmd))
        return child

    monkeypatch.setattr(jobs_module.subprocess, "Popen", watching)
    job = BuildJobs().start_or_join(paths)
    assert job.wait(120) and job.error is None
    (pid, cmd), = seen
    assert pid != os.getpid() and cmd[1:3] == ["-m", "riwaya.pipeline.build_child"]
    assert job.report.documents == 2 and job.report.to_dict()["out_dir"]


def test_a_child_that_dies_without_a_word_is_an_error_with_its_exit_code(paths, monkeypatch):
    from riwaya.pipeline import jobs as jobs_module

    monkeypatch.setattr(jobs_module.sys, "executable", "/bin/false")
    job = BuildJobs().start_or_join(paths)
    assert job.wait(30)
    assert job.report is None and "exit code 1" in job.error


def test_the_report_survives_its_trip_through_json():
    import json

    from riwaya.pipeline.build import BuildReport

    report = BuildReport(documents=3, skipped=[("x.png", "not text")], duplicates=[("b", "a")],
                         warnings=["w"])
    assert BuildReport.from_dict(json.loads(json.dumps(report.to_dict()))) == report


@pytest.mark.parametrize("where, works", [("thread", True), ("process", True), ("nowhere", False)])
def test_where_builds_run_is_a_setting(paths, monkeypatch, where, works):
    monkeypatch.setenv("RIWAYA_BUILD_IN", where)
    job = BuildJobs().start_or_join(paths)
    assert job.wait(120)
    if works:
        assert job.error is None and job.report.documents == 2
    else:
        assert job.report is None and "RIWAYA_BUILD_IN='nowhere'" in job.error
