"""Tables of articles: ``.csv``/``.tsv``, ``.jsonl`` and ``.xlsx`` with one article a row.

A :class:`ColumnMapping` says which column holds the text (required), title, outlet, date,
URL and language. :func:`propose_mapping` guesses it from the header names (English and
Arabic synonyms, any case); the upload form shows the guess and the user can change it. A
row without text is skipped with its row number; a date or language that cannot be used is
dropped with a warning, never guessed (:mod:`riwaya.pipeline.dates`).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field

from riwaya.errors import InputFileError
from riwaya.pipeline.dates import DateProblem, parse_date
from riwaya.pipeline.ingest import MAX_FILE_BYTES, decode_bytes
from riwaya.pipeline.metadata import LANGUAGES
from riwaya.pipeline.rawfolder import extension
from riwaya.upload.archive import open_zip

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".xlsx")
FIELDS = ("text", "title", "outlet", "date", "url", "language")
MAX_ROWS = 50_000
#: header names (lower-cased, stripped) each field is proposed for, best first
SYNONYMS = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "maintext",
             "النص", "نص", "المتن", "المحتوى", "نص المقال"),
    "title": ("title", "headline", "heading", "العنوان", "عنوان"),
    "outlet": ("outlet", "source", "publisher", "site", "media", "newspaper", "domain",
               "المصدر", "مصدر", "الوسيلة", "الموقع", "الصحيفة"),
    "date": ("date", "published", "date_published", "publish_date", "published_at",
             "pubdate", "datetime", "time", "التاريخ", "تاريخ", "تاريخ النشر"),
    "url": ("url", "link", "href", "address", "source_url", "الرابط", "رابط"),
    "language": ("language", "lang", "locale", "اللغة", "لغة"),
}
_MAX_CELL = MAX_FILE_BYTES


@dataclass(frozen=True)
class ColumnMapping:
    """Column names of a table for each article field (None: the table has none)."""

    text: str | None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)

    @classmethod
    def parse(cls, spec: str) -> "ColumnMapping":
        """From the command line's ``text=body,title=headline``.

        Raises:
            InputFileError: a part is not ``field=column`` of a known field."""
        values: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, sep, column = part.partition("=")
            if not sep or key.strip() not in FIELDS or not column.strip():
                raise InputFileError("--map", f"{part!r} is not FIELD=COLUMN with FIELD one of "
                                              f"{', '.join(FIELDS)}")
            values[key.strip()] = column.strip()
        return cls(**{"text": None, **values})


@dataclass
class Row:
    """One article of a table: its 1-based row number (header excluded) and fields."""

    number: int
    text: str
    meta: dict[str, str] = field(default_factory=dict)   # title, outlet, date, url, language


def _key(name: str) -> str:
    return " ".join(str(name).strip().lower().replace("-", "_").split())


def propose_mapping(columns: list[str]) -> ColumnMapping:
    """A mapping from header names: each field gets the first column whose name is one of its
    :data:`SYNONYMS` (exact, then contained in the name); each column is used once."""
    if not isinstance(columns, (list, tuple)):
        raise TypeError(f"Expected a list of column names, got {type(columns).__name__} instead")
    keys = {_key(c): c for c in columns}
    chosen: dict[str, str | None] = {}
    used: set[str] = set()
    for f in FIELDS:
        found = next((keys[s] for s in SYNONYMS[f] if s in keys and keys[s] not in used), None)
        if found is None:
            found = next((c for c in columns if c not in used and
                          any(s in _key(c) for s in SYNONYMS[f] if len(s) > 3)), None)
        chosen[f] = found
        if found is not None:
            used.add(found)
    return ColumnMapping(**chosen)


def _csv_rows(name: str, data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    try:
        text, _, _ = decode_bytes(data, name)
    except InputFileError as exc:
        raise InputFileError(name, exc.problem) from exc
    text = text.lstrip("\ufeff")
    header = text.split("\n", 1)[0]
    sep = "\t" if extension(name) == ".tsv" else max((",", ";", "\t"), key=header.count)
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_CELL))
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sep)
        columns = [c for c in (reader.fieldnames or []) if c is not None]
        rows = []
        for n, r in enumerate(reader, 1):
            if n > MAX_ROWS:
                raise InputFileError(name, f"has more than {MAX_ROWS} rows; split it")
            rows.append({k: v for k, v in r.items() if k is not None and isinstance(v, str)})
    except csv.Error as exc:
        raise InputFileError(name, f"is not a readable CSV table ({exc})") from exc
    return columns, rows


def _jsonl_rows(name: str, data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    try:
        text, _, _ = decode_bytes(data, name)
    except InputFileError as exc:
        raise InputFileError(name, exc.problem) from exc
    columns: dict[str, None] = {}
    rows = []
    for lineno, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(name, f"line {lineno} is not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise InputFileError(name, f"line {lineno} is not a JSON object")
        if len(rows) >= MAX_ROWS:
            raise InputFileError(name, f"has more than {MAX_ROWS} rows; split it")
        columns.update(dict.fromkeys(map(str, obj)))
        rows.append({str(k): "" if v is None else str(v) for k, v in obj.items()
                     if not isinstance(v, (dict, list))})
    return list(columns), rows


def _xlsx_rows(name: str, data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    import openpyxl

    open_zip(data, name, budget=40 * MAX_FILE_BYTES).close()       # no zip bomb inside
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:     # openpyxl raises many kinds on a damaged workbook
        raise InputFileError(name, f"is not a readable Excel .xlsx workbook "
                                   f"({type(exc).__name__}: {exc})") from exc
    try:
        sheet = wb.worksheets[0]
        it = sheet.iter_rows(values_only=True)
        header = [("" if c is None else str(c)).strip() for c in next(it, ())]
        rows = []
        for values in it:
            if len(rows) >= MAX_ROWS:
                raise InputFileError(name, f"has more than {MAX_ROWS} rows; split it")
            rows.append({h: _cell(v) for h, v in zip(header, values) if h})
    finally:
        wb.close()
    return [h for h in header if h], rows


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "isoformat"):   # datetime / date cells
        return value.isoformat()[:10]
    return str(value)


def read_table(name: str, data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows (column -> cell text) of a table named ``name``.

    Raises:
        InputFileError: not a table file, or it cannot be read (names the file and line)."""
    suffix = extension(name)
    if suffix in (".csv", ".tsv"):
        return _csv_rows(name, data)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl_rows(name, data)
    if suffix == ".xlsx":
        return _xlsx_rows(name, data)
    raise InputFileError(name, f"is not a table ({suffix or 'no extension'}); tables are "
                               f"{', '.join(TABLE_SUFFIXES)}")


def table_columns(name: str, data: bytes) -> list[str]:
    """The column names of a table (for the mapping form).

    Raises:
        InputFileError: the table cannot be read."""
    return read_table(name, data)[0]


def table_articles(name: str, data: bytes, mapping: ColumnMapping | None = None,
                   ) -> tuple[list[Row], list[tuple[int, str]], list[str]]:
    """``(rows with text, skipped (row number, reason), warnings)`` of a table.

    Raises:
        InputFileError: the table cannot be read, or the mapping names no text column or a
            column the table lacks."""
    columns, rows = read_table(name, data)
    mapping = mapping or propose_mapping(columns)
    if not isinstance(mapping, ColumnMapping):
        raise TypeError(f"Expected a ColumnMapping, got {type(mapping).__name__} instead")
    if not mapping.text:
        raise InputFileError(name, f"no column holds the article text; columns are "
                                   f"{', '.join(columns) or 'none'}: map one to text")
    missing = [c for c in mapping.to_dict().values() if c and c not in columns]
    if missing:
        raise InputFileError(name, f"has no column {', '.join(map(repr, missing))}; columns are "
                                   f"{', '.join(columns)}")
    found, skipped, warnings = [], [], []
    for n, r in enumerate(rows, 1):
        text = (r.get(mapping.text) or "").strip()
        if not text:
            skipped.append((n, f"no text in column {mapping.text!r}"))
            continue
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            skipped.append((n, f"text over {MAX_FILE_BYTES // 2**20} MiB"))
            continue
        meta = {f: (r.get(getattr(mapping, f)) or "").strip()
                for f in FIELDS[1:] if getattr(mapping, f)}
        if meta.get("date"):
            try:
                meta["date"] = parse_date(meta["date"])
            except DateProblem as exc:
                warnings.append(f"{name} row {n}: date not used: {exc}")
                meta["date"] = ""
        lang = meta.get("language", "")
        if lang and lang.split("-")[0].lower() not in LANGUAGES:
            warnings.append(f"{name} row {n}: language {lang!r} is not an ISO 639-1 code; not used")
            meta["language"] = ""
        found.append(Row(n, text, {k: v for k, v in meta.items() if v}))
    return found, skipped, warnings
