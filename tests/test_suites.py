"""``riwaya evaluate --suites``: each golden suite built from its own articles and scored apart."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE_CODEBOOK, SAMPLE_GOLDEN, SAMPLE_RAW
from riwaya.evaluate import suites


def test_a_suite_builds_only_its_annotated_articles(tmp_path):
    # a raw folder with one more article than the golden data names: it must not be built
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    (raw / "zzz_unannotated.txt").write_text("قال المتحدث إن الرقة تحررت.", encoding="utf-8")
    [result] = suites.run_suites([suites.Suite("sample", raw, SAMPLE_GOLDEN)],
                                 codebook=SAMPLE_CODEBOOK, workdir=tmp_path)
    assert result.skipped == ""
    assert sorted(result.report.documents) == sorted(p.stem for p in SAMPLE_RAW.glob("*.txt"))
    assert result.report.precision >= 0.9 and result.report.recall >= 0.9
    assert result.failures == []


@pytest.mark.parametrize("make, reason", [
    (lambda t: suites.Suite("x", t / "absent", SAMPLE_GOLDEN), "no articles at"),
    (lambda t: suites.Suite("x", SAMPLE_RAW, t / "absent"), "no golden data at"),
    (lambda t: suites.Suite("x", t, SAMPLE_GOLDEN), "annotated article(s) missing"),
])
def test_a_suite_that_cannot_run_says_why(tmp_path, make, reason):
    [result] = suites.run_suites([make(tmp_path)], codebook=SAMPLE_CODEBOOK, workdir=tmp_path)
    assert result.report is None and reason in result.skipped
    assert "skipped: " + result.skipped in suites.summary_table([result])


def test_dev_suites_use_the_dev_thresholds():
    by_name = {s.name: s for s in suites.default_suites()}
    assert set(by_name) == {"sample", "dev-tune", "dev-heldout", "dev2-heldout"}
    assert by_name["sample"].thresholds == {}
    assert by_name["dev-heldout"].thresholds["recall"] == 0.7
    assert by_name["dev-heldout"].golden == ROOT / "data" / "golden" / "dev" / "heldout"


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "riwaya", "evaluate", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=300)


def test_cli_rejects_an_unknown_suite_in_one_line():
    done = _cli("--suites", "nope")
    assert done.returncode == 2
    assert done.stderr.strip() == ("error: unknown suite nope: expected one of sample, dev-tune, "
                                   "dev-heldout, dev2-heldout")


def test_cli_scores_the_sample_suite_as_json(tmp_path):
    import os

    env = {**os.environ, "RIWAYA_DEV_CORPUS": str(tmp_path / "absent")}
    done = _cli("--suites", "sample", "dev-tune", "--json", env=env)
    out = json.loads(done.stdout)
    assert out["sample"]["precision"] >= 0.9 and out["sample"]["failures"] == []
    assert out["dev-tune"] == {"skipped": f"no articles at {tmp_path / 'absent'}"}
    assert done.returncode == 0
