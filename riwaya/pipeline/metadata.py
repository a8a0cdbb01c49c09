"""Article metadata users fill in: ``metadata.csv`` beside the raw articles.

Columns (header required, any order, all but ``file`` optional)::

    file,source,url,date,language,title

``file`` is the article's file name (or its stem, the doc_id). Empty cells fall
back to what the text itself says (datelines, "المصدر:" lines; see clean.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from riwaya.errors import MetadataError

COLUMNS = ("file", "source", "url", "date", "language", "title")
FILENAME = "metadata.csv"


def _parse_date(value: str) -> str:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"date {value!r} is not YYYY-MM-DD")


def load_metadata(raw_dir: Path | str) -> dict[str, dict[str, str]]:
    """Metadata rows by doc_id; {} when there is no metadata file."""
    path = Path(raw_dir) / FILENAME
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MetadataError(path, f"not UTF-8 text ({exc.reason}); save it as UTF-8 CSV") from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
        raise MetadataError(path, f"needs a header row with a 'file' column; columns: {', '.join(COLUMNS)}",
                            line=1)
    unknown = [f for f in reader.fieldnames if f and f.strip() not in COLUMNS]
    if unknown:
        raise MetadataError(path, f"unknown column(s) {unknown}; expected {', '.join(COLUMNS)}", line=1)
    rows: dict[str, dict[str, str]] = {}
    for row in reader:
        lineno = reader.line_num
        clean = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        name = clean.get("file", "")
        if not name:
            raise MetadataError(path, "empty 'file' cell", line=lineno)
        doc_id = Path(name).stem
        if clean.get("date"):
            try:
                clean["date"] = _parse_date(clean["date"])
            except ValueError as exc:
                raise MetadataError(path, str(exc), line=lineno) from exc
        if doc_id in rows:
            raise MetadataError(path, f"file {name!r} listed twice", line=lineno)
        rows[doc_id] = {k: v for k, v in clean.items() if v and k != "file"}
    return rows
