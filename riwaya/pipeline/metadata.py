"""Article metadata users fill in: ``metadata.csv`` beside the raw articles.

Columns (header required, any order, all but ``file`` optional)::

    file,source,url,date,language,title

``file`` is the article's path inside the raw folder (or its doc_id, the path without the
extension). Empty cells fall back to what the text itself says (datelines, "المصدر:" lines;
see clean.py).

Tolerant where a user would expect it: columns separated by ``,``, ``;`` or tab (found from
the header); UTF-8 with or without BOM, UTF-16 with BOM or Windows-1256 (one decoder for
articles and metadata, :func:`riwaya.pipeline.ingest.decode_bytes`); header names in any
case; dates in the formats of :mod:`riwaya.pipeline.dates`. Strict where it matters: a cell
that cannot be used is left empty with a warning naming the file, line and column and what
is accepted (an ambiguous ``03/04/2017``, an impossible ``0001-01-01``, a language that is
not an ISO 639-1 code), and so are extra columns, rows naming no article of the folder and
a file listed twice. Only a file with no usable header (no ``file`` column) or that does
not decode stops the build, before anything is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from riwaya.errors import InputFileError, MetadataError
from riwaya.pipeline.dates import ACCEPTED, DateProblem, parse_date
from riwaya.pipeline.ingest import decode_bytes
from riwaya.pipeline.rawfolder import doc_id_of

COLUMNS = ("file", "source", "url", "date", "language", "title")
FILENAME = "metadata.csv"
SEPARATORS = (",", ";", "\t")
#: ISO 639-1 language codes (a regional subtag, ``ar-SY``, is accepted and kept)
LANGUAGES = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())


@dataclass
class Metadata:
    """Metadata rows by doc_id, and what in the file was not used and why."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def get(self, doc_id: str, default: dict[str, str] | None = None) -> dict[str, str] | None:
        return self.rows.get(doc_id, default)

    def __len__(self) -> int:
        return len(self.rows)


def _decode(path: Path) -> tuple[str, list[str]]:
    try:
        text, encoding, bad = decode_bytes(path.read_bytes(), path)
    except OSError as exc:
        raise MetadataError(path, f"cannot be read ({exc.strerror})") from exc
    except InputFileError as exc:
        raise MetadataError(path, f"{exc.problem}; save it as UTF-8 CSV") from exc
    warnings = [f"{path}: {bad} byte(s) not valid UTF-8, replaced by U+FFFD"] if bad else []
    return text.lstrip("\ufeff"), warnings


def _separator(header: str, path: Path) -> str:
    """The separator that makes the header hold a ``file`` column (the most columns wins)."""
    best, width = None, 0
    for sep in SEPARATORS:
        names = [n.strip().lower() for n in next(csv.reader([header], delimiter=sep), [])]
        if "file" in names and len(names) > width:
            best, width = sep, len(names)
    if best is None:
        raise MetadataError(path, "needs a header row with a 'file' column, columns separated by "
                                  f"commas, semicolons or tabs; columns: {', '.join(COLUMNS)}", line=1)
    return best


def _language(value: str) -> str | None:
    code = value.strip().replace("_", "-")
    primary = code.split("-", 1)[0].lower()
    if primary not in LANGUAGES:
        return None
    return primary + code[len(primary):]


def _cell(clean: dict[str, str], column: str, where: str, warnings: list[str]) -> None:
    """Check one cell in place: an unusable value is removed, with a warning."""
    value = clean.get(column)
    if not value:
        return
    if column == "date":
        try:
            clean["date"] = parse_date(value)
        except DateProblem as exc:
            del clean["date"]
            warnings.append(f"{where}, column 'date': {exc}; left empty. Accepted: {ACCEPTED}")
    elif column == "language":
        code = _language(value)
        if code is None:
            del clean["language"]
            warnings.append(f"{where}, column 'language': {value!r} is not an ISO 639-1 code "
                            "(ar, en, fr…); left empty, the language is detected from the text")
        else:
            clean["language"] = code


def load_metadata(raw_dir: Path | str, known: set[str] | None = None) -> Metadata:
    """Metadata rows by doc_id, and warnings; empty when there is no metadata file.

    ``known``: the doc_ids of the folder's articles; a row naming none of them is warned.

    Raises:
        MetadataError: the file does not decode or has no header with a 'file' column.
    """
    path = Path(raw_dir) / FILENAME
    found = Metadata()
    if not path.exists():
        return found
    text, found.warnings = _decode(path)
    if not text.strip():
        return found
    sep = _separator(text.lstrip().split("\n", 1)[0], path)
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    header = next((row for row in reader if any(c.strip() for c in row)), [])
    header = [h.strip().lower() for h in header]
    extra = sorted({h for h in header if h and h not in COLUMNS})
    if extra:
        found.warnings.append(f"{path}, line 1: column(s) {', '.join(map(repr, extra))} ignored; "
                              f"known columns: {', '.join(COLUMNS)}")
    used = {name: i for i, name in reversed(list(enumerate(header))) if name in COLUMNS}
    first_line: dict[str, int] = {}
    for cells in reader:
        lineno = reader.line_num
        where = f"{path}, line {lineno}"
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            found.warnings.append(f"{where}: {len(cells)} cells but {len(header)} columns in the "
                                  "header; the extra cells ignored")
        clean = {name: cells[i].strip() for name, i in used.items() if i < len(cells)}
        name = clean.pop("file", "")
        if not name:
            found.warnings.append(f"{where}, column 'file': empty; row ignored")
            continue
        doc_id = doc_id_of(name)
        if doc_id in first_line:
            found.warnings.append(f"{where}, column 'file': {name!r} already listed on line "
                                  f"{first_line[doc_id]}; this row ignored")
            continue
        first_line[doc_id] = lineno
        if known is not None and doc_id not in known:
            found.warnings.append(f"{where}, column 'file': {name!r} is not an article of the raw "
                                  "folder (missing, or skipped: see the skipped files)")
        for column in ("date", "language"):
            _cell(clean, column, where, found.warnings)
        found.rows[doc_id] = {k: v for k, v in clean.items() if v}
    return found
