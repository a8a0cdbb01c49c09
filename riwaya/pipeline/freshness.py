"""Whether a built corpus is older than its articles or codebook, told cheaply: a hash of every
raw and codebook file's name, size and modification time (no file is read) and of this version,
against the one the manifest kept. Light to import (no pipeline stage, no codebook): the
dashboard checks it on every page's first run (``components/build_ui.py``);
``riwaya.pipeline.build`` writes the fingerprint and re-exports these."""

from __future__ import annotations

import hashlib
import os
import stat
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
    for parts, entry in sorted(_entries(str(folder), ()), key=lambda found: found[0]):
        name = parts[-1]
        if name.startswith(".") or (skip_docs and _suffix(name).lower() == ".md"):
            continue
        try:
            st = entry.stat()                   # links followed, as Path.is_file and Path.stat
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            h.update("/".join(parts).encode("utf-8", "surrogateescape"))
            h.update(f"\0{st.st_size}\0{st.st_mtime_ns}\0".encode())


def _entries(folder: str, parts: tuple[str, ...]):
    """``(path parts inside the folder, os.DirEntry)`` of everything under ``folder``, as
    ``Path.rglob("*")`` finds it (links to folders not entered, unreadable folders left out),
    with one ``stat`` per file instead of ``Path``'s two: 10k articles are 20k system calls
    less for every build and staleness check. Sorted by parts, this is ``sorted(rglob("*"))``."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        inside = parts + (entry.name,)
        yield inside, entry
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _entries(entry.path, inside)


def _suffix(name: str) -> str:
    """``PurePath(name).suffix``."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


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
