"""Reading a built corpus back for comparisons: its tables, and the bytes of its files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from riwaya.pipeline.schema import TABLES
from riwaya.pipeline.store import build_dir


def tables(out: Path) -> dict[str, pa.Table]:
    """Every corpus table of the current build of ``out``."""
    build = build_dir(out)
    return {name: pq.read_table(build / f"{name}.parquet") for name in TABLES}


def file_digests(out: Path) -> dict[str, str]:
    """SHA-256 of every file of the current build of ``out``, by file name."""
    build = build_dir(out)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(build.iterdir())}


def differences(a: Path, b: Path) -> list[str]:
    """The tables (then files) that differ between two corpora; [] when identical."""
    ta, tb = tables(a), tables(b)
    changed = [name for name in TABLES if not ta[name].equals(tb[name])]
    if changed:
        return changed
    da, db = file_digests(a), file_digests(b)
    return [f"{name} (bytes)" for name in sorted(set(da) | set(db)) if da.get(name) != db.get(name)]


def frozen_sample(tmp_path_factory, name: str = "frozen") -> tuple[Path, Path, Path]:
    """Copies of the sample's raw folder and codebook (others may edit ``data/`` while the
    tests run) and their serial full build: ``(raw, codebook, out)``."""
    import shutil

    from conftest import SAMPLE_CODEBOOK, SAMPLE_RAW
    from riwaya.pipeline.build import build_corpus

    root = tmp_path_factory.mktemp(name)
    raw = Path(shutil.copytree(SAMPLE_RAW, root / "raw"))
    codebook = Path(shutil.copytree(SAMPLE_CODEBOOK, root / "codebook"))
    build_corpus(raw, codebook, root / "serial", workers=1, full=True)
    return raw, codebook, root / "serial"
