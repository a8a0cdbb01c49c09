"""Whether a built corpus is older than its articles or codebook, told cheaply: a hash of every
raw and codebook file's name, size and modification time (no file is read) and of this version,
against the one the manifest kept. Light to import (no pipeline stage, no codebook): the
dashboard checks it on every page's first run (``components/build_ui.py``);
``riwaya.pipeline.build`` writes the fingerprint and re-exports these."""

from __future__ import annotations

import hashlib
from pathlib import Path

from riwaya import __version__
from riwaya.pipeline.schema import SCHEMA_VERSION
from riwaya.pipeline.store import read_manifest


def _files_digest(folder: Path, h: "hashlib._Hash", *, skip_docs: bool = False) -> None:
    """Names, sizes and modification times: cheap enough for every dashboard rerun,
    however large the corpus (no file is read). ``skip_docs``: documentation (``*.md``,
    such as the codebook's README) does not count."""
    if not folder.is_dir():
        h.update(f"missing:{folder}".encode())
        return
    for p in sorted(folder.rglob("*")):
        if skip_docs and p.suffix.lower() == ".md":
            continue
        if p.is_file() and not p.name.startswith("."):
            st = p.stat()
            h.update(str(p.relative_to(folder)).encode("utf-8", "surrogateescape"))
            h.update(f"\0{st.st_size}\0{st.st_mtime_ns}\0".encode())


def input_fingerprint(raw_dir: Path | str, codebook_dir: Path | str) -> str:
    """A hash of every raw and codebook file (name, size, modification time) and of this version."""
    h = hashlib.sha256()
    h.update(f"riwaya {__version__} schema {SCHEMA_VERSION}".encode())
    _files_digest(Path(raw_dir), h)
    h.update(b"\0codebook\0")
    _files_digest(Path(codebook_dir), h, skip_docs=True)
    return h.hexdigest()


def corpus_is_stale(raw_dir: Path | str, codebook_dir: Path | str, out_dir: Path | str) -> bool:
    """True when nothing was built yet or the raw data or codebook changed since."""
    manifest = read_manifest(out_dir)
    if not manifest or manifest.get("schema_version") != SCHEMA_VERSION:
        return True
    return manifest.get("fingerprint") != input_fingerprint(raw_dir, codebook_dir)
