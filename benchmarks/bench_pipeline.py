"""Pipeline speed: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat N] [--scale K]

Reports import time, the first build of the sample (gazetteer loaded cold), warm
builds, and a corpus K times the sample's size (copies with new names), on one core.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", type=int, default=20)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from riwaya.pipeline.build import build_corpus  # noqa: E402
    t_import = time.perf_counter() - t0
    raw, codebook = ROOT / "data" / "raw", ROOT / "data" / "codebook"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        t0 = time.perf_counter()
        report = build_corpus(raw, codebook, out)
        cold = time.perf_counter() - t0
        warm = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            build_corpus(raw, codebook, out)
            warm.append(time.perf_counter() - t0)
        big = Path(tmp) / "big"
        big.mkdir()
        files = [p for p in raw.iterdir() if p.suffix == ".txt"]
        for k in range(args.scale):
            for p in files:
                shutil.copy(p, big / f"{k:03d}_{p.name}")
        t0 = time.perf_counter()
        big_report = build_corpus(big, codebook, Path(tmp) / "big_out")
        t_big = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in big.iterdir())

    print(f"import riwaya.pipeline.build          {t_import:6.2f} s")
    print(f"sample build, cold           {cold:6.2f} s   ({report.documents} documents, "
          f"{report.statements} statements; target < 5 s after imports)")
    print(f"sample build, warm (median)  {statistics.median(warm):6.2f} s   over {args.repeat} runs")
    print(f"{big_report.documents} documents ({size / 1e6:.1f} MB)   {t_big:6.2f} s   "
          f"{big_report.documents / t_big:.1f} documents/s, {size / 1e6 / t_big:.2f} MB/s")


if __name__ == "__main__":
    main()
