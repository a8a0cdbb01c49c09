"""Writing a JSON file atomically: readers see the old file or the new one, never half of one.

Used for the corpus manifest (:mod:`riwaya.pipeline.store`), the geocoding cache
(:mod:`riwaya.pipeline.geocode`), added articles (:mod:`riwaya.upload`) and edited codebook
files (:mod:`riwaya.codebook.edit`).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

TMP_PREFIX = ".tmp-"


def write_json_atomic(path: Path | str, payload: Any, *, indent: int = 2,
                      sort_keys: bool = False) -> None:
    """Write ``payload`` as UTF-8 JSON to a temporary file beside ``path``, flush it to disk,
    then rename it over ``path`` (``os.replace``); on any error the temporary file is removed
    and ``path`` is left as it was. The folder must exist."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path | str, data: bytes, *, exclusive: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then move it into
    place: with ``os.replace`` (readers see the old file or the new one), or, when
    ``exclusive``, with ``os.link`` so an existing ``path`` is never overwritten
    (:class:`FileExistsError`). The folder must exist; on any error ``path`` is left as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=path.suffix, dir=path.parent)
    try:
        # mkstemp makes the file private (0600); an article or codebook file keeps the mode of
        # the file it replaces, else the usual 0644
        os.fchmod(fd, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if exclusive:
            os.link(tmp, path)       # fails if path exists, atomically
            Path(tmp).unlink()
        else:
            os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path | str, text: str, *, exclusive: bool = False) -> None:
    """:func:`write_bytes_atomic` of ``text`` as UTF-8."""
    write_bytes_atomic(path, text.encode("utf-8"), exclusive=exclusive)
