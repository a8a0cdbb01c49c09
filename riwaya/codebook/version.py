"""A codebook's version: a hash of its data files' names and bytes (its README does not count).

:func:`riwaya.codebook.load_codebook` takes it *before* reading the files and keeps it on the
:class:`~riwaya.codebook.Codebook` (``version``): whatever is cached or reused under that
version (a build's documents, the places index) was made from a codebook at least that new. A
version read from disk after loading could name an edit saved in between that the loaded
codebook does not hold, and the next build would reuse what was made without it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def data_files(folder: Path) -> list[Path]:
    """The codebook's data files: everything but hidden files and documentation (``*.md``)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() != ".md")


def codebook_version(codebook_dir: Path | str) -> str:
    """A hash of the codebook's data files (names and bytes)."""
    folder = Path(codebook_dir)
    h = hashlib.sha256()
    for p in data_files(folder):
        h.update(str(p.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()
