"""Writing a JSON file atomically: readers see the old file or the new one, never half of one.

Used for the corpus manifest (:mod:`riwaya.pipeline.store`) and the geocoding cache
(:mod:`riwaya.pipeline.geocode`).
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
