"""Adding rows to a raw folder's ``metadata.csv`` without losing a cell of it.

The file is read as the build reads it (:mod:`riwaya.pipeline.metadata`: any of its
encodings and separators), the new rows are appended under its header (columns it lacks are
added, empty for the old rows), and the whole file is written back atomically as UTF-8 with
its own separator. An existing file the build could not read refuses the add: better no new
article than a metadata file that stops the next build.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from riwaya.atomic import write_text_atomic
from riwaya.errors import MetadataError, UploadError
from riwaya.pipeline.metadata import COLUMNS, FILENAME, _decode, _separator, load_metadata


def read_metadata_rows(raw: Path) -> list[dict[str, str]]:
    """The rows of ``raw/metadata.csv`` as the build sees them (``file`` included).

    Raises:
        UploadError: the file exists but cannot be read (names it and the problem)."""
    try:
        meta = load_metadata(raw)
    except MetadataError as exc:
        raise UploadError(f"{exc}; fix or remove it before adding articles (nothing was added)") from exc
    return [{"file": doc_id, **row} for doc_id, row in meta.rows.items()]


def _current(path: Path) -> tuple[str, list[list[str]]]:
    """The separator and rows (header first) of an existing file; ``,`` and none if absent."""
    if not path.exists():
        return ",", []
    text, _ = _decode(path)
    if not text.strip():
        return ",", []
    sep = _separator(text.lstrip().split("\n", 1)[0], path)
    rows = [r for r in csv.reader(io.StringIO(text.lstrip(), newline=""), delimiter=sep)]
    return sep, rows


def append_metadata(raw: Path, new_rows: list[dict[str, str]]) -> None:
    """Append ``new_rows`` (column -> value, :data:`COLUMNS`) to ``raw/metadata.csv``.

    Raises:
        UploadError: the existing file cannot be read."""
    path = Path(raw) / FILENAME
    try:
        sep, rows = _current(path)
    except MetadataError as exc:
        raise UploadError(f"{exc}; the new articles were written but not described") from exc
    header = rows[0] if rows else list(COLUMNS)
    names = [h.strip().lower() for h in header]
    for column in COLUMNS:
        if column not in names:
            header.append(column)
            names.append(column)
    body = [r + [""] * (len(header) - len(r)) if any(c.strip() for c in r) else r
            for r in rows[1:]]
    for new in new_rows:
        body.append([new.get(n, "") if n in COLUMNS else "" for n in names])
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    write_text_atomic(path, out.getvalue())
