"""One build at a time per corpus folder: concurrent builds wait, never clobber each other."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time

from conftest import ROOT, SAMPLE_CODEBOOK, SAMPLE_RAW
from riwaya.pipeline import store
from riwaya.pipeline.build import build_corpus
from riwaya.pipeline.store import build_lock, load_corpus


def _small_raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for f in sorted(SAMPLE_RAW.glob("*.txt"))[:2]:
        shutil.copyfile(f, raw / f.name)
    return raw


def test_eight_cli_builds_into_one_folder_all_succeed_and_the_corpus_is_readable(tmp_path):
    """The eight start while the folder is locked (held here until each says it waits: on a
    busy machine their start-up spreads over more than a build takes), then run one by one."""
    raw, out = _small_raw(tmp_path), tmp_path / "processed"
    cmd = [sys.executable, "-m", "riwaya", "build", "--raw", str(raw), "--codebook",
           str(SAMPLE_CODEBOOK), "--out", str(out), "--json"]
    errs = [tmp_path / f"err{n}.txt" for n in range(8)]
    with build_lock(out):
        procs = []
        for err in errs:
            with err.open("w") as fh:          # the child keeps its own handle
                procs.append(subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=fh,
                                              text=True))
        deadline = time.monotonic() + 300
        while not all("waiting for another build" in e.read_text() for e in errs):
            assert time.monotonic() < deadline, [e.read_text()[-500:] for e in errs]
            assert all(p.poll() is None for p in procs), [e.read_text()[-500:] for e in errs]
            time.sleep(0.1)
    results = [(p.wait(timeout=600), p.stdout.read(), e.read_text()) for p, e in zip(procs, errs)]
    for code, out_text, err in results:
        assert code == 0, err
    reports = [json.loads(o) for _, o, _ in results]
    # builds ran one after another: every one waited, and said so
    assert all(r["waited_s"] > 0.05 for r in reports)
    assert sum("waiting for another build" in e for _, _, e in results) == 8
    corpus = load_corpus(out)
    assert len(corpus.documents) == 2
    # only the current build and the previous one are kept; nothing half-written is left
    assert len(list(out.glob("build-*"))) == 2
    assert not list(out.glob(".building-*")) and not list(out.glob(".tmp-*"))


def test_a_build_waits_for_the_lock_and_reports_the_wait(tmp_path):
    raw, out = _small_raw(tmp_path), tmp_path / "processed"
    held, release = threading.Event(), threading.Event()

    def holder():
        with build_lock(out):
            held.set()
            release.wait(30)

    t = threading.Thread(target=holder)
    t.start()
    held.wait(10)
    messages = []
    threading.Timer(0.5, release.set).start()
    report = build_corpus(raw, SAMPLE_CODEBOOK, out, progress=lambda d, n, w: messages.append(w))
    t.join()
    assert report.waited_s >= 0.4
    assert messages[0] == "waiting for another build of this corpus to finish"
    assert "waited" in report.format()


def test_leftovers_of_a_killed_build_are_removed_by_the_next_one(tmp_path):
    raw, out = _small_raw(tmp_path), tmp_path / "processed"
    build_corpus(raw, SAMPLE_CODEBOOK, out)
    (out / ".building-killed").mkdir()
    (out / ".building-killed" / "documents.parquet").write_bytes(b"half")
    (out / f"{store.TMP_PREFIX}abc.json").write_text("{")
    (out / "cache").mkdir(exist_ok=True)
    (out / "cache" / f"{store.TMP_PREFIX}x.json").write_text("{")
    keep = out / "review.duckdb"
    keep.write_bytes(b"not ours to remove")
    report = build_corpus(raw, SAMPLE_CODEBOOK, out)
    # a damaged review file is named in a warning and left alone; the build goes on
    assert any("review.duckdb" in w for w in report.warnings)
    assert not (out / ".building-killed").exists()
    assert not list(out.glob(f"{store.TMP_PREFIX}*")) and not list((out / "cache").glob(f"{store.TMP_PREFIX}*"))
    assert keep.read_bytes() == b"not ours to remove"


def test_the_lock_is_released_when_a_build_fails(tmp_path):
    out = tmp_path / "processed"
    bad = tmp_path / "codebook"
    shutil.copytree(SAMPLE_CODEBOOK, bad)
    (bad / "actors.jsonl").write_text("{not json\n", encoding="utf-8")
    started = time.monotonic()
    for _ in range(2):
        try:
            build_corpus(_small_raw(tmp_path) if not (tmp_path / "raw").exists() else tmp_path / "raw",
                         bad, out)
        except Exception:
            pass
    with build_lock(out, timeout=1) as waited:
        assert waited < 0.5
    assert time.monotonic() - started < 60
