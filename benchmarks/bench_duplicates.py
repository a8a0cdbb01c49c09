"""The near-duplicate check alone: pairwise (the old rule) vs content hash + MinHash/LSH.

    .venv/bin/python benchmarks/bench_duplicates.py [--sizes 1000,5000,10000] [--pairwise-max 5000]

Bodies are distinct generated articles (generate_articles.py), normalised as the build does.
Prints time only; the pairwise check above --pairwise-max bodies is extrapolated from the
largest measured size (quadratic) and marked "extrapolated". Asserts both find the same.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_articles import generate  # noqa: E402
from riwaya.pipeline.duplicates import DuplicateIndex, PairwiseDuplicates  # noqa: E402
from riwaya.text.normalize import normalize_form  # noqa: E402


def timed(cls, bodies):
    index, t0 = cls(), time.perf_counter()
    found = [index.add(f"d{i}", b) for i, b in enumerate(bodies)]
    return time.perf_counter() - t0, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,5000,10000")
    ap.add_argument("--pairwise-max", type=int, default=5000)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        raw = generate(Path(tmp), max(sizes))
        bodies = [normalize_form(p.read_text(encoding="utf-8")) for p in sorted(raw.glob("*.txt"))]
    measured = None
    print(f"{'bodies':>7} {'pairwise s':>18} {'minhash+lsh s':>14}")
    for n in sizes:
        t_new, found_new = timed(DuplicateIndex, bodies[:n])
        if n <= args.pairwise_max:
            t_old, found_old = timed(PairwiseDuplicates, bodies[:n])
            assert found_old == found_new, "the two checks disagree"
            measured = (n, t_old)
            old = f"{t_old:10.2f}"
        else:
            m, t = measured
            old = f"{t * (n / m) ** 2:10.0f} (extrapolated)"
        print(f"{n:>7} {old:>18} {t_new:14.2f}   ({sum(f is not None for f in found_new)} duplicates)")


if __name__ == "__main__":
    main()
