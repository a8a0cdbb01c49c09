"""One uploaded document's text: ``.txt``, ``.html``, ``.docx``, ``.pdf``.

Text and HTML go through the build's own reader (:func:`riwaya.pipeline.ingest.read_article`:
the same decoding, HTML main text by trafilatura, refusal of binary content, caps), so an
added article reads exactly as the build will read it. ``.docx`` is read with python-docx
(paragraphs, then table cells), ``.pdf`` with pypdf (the text layer; a scan without one is
refused with the reason). Every failure is an :class:`InputFileError` naming the file.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from riwaya.errors import InputFileError
from riwaya.pipeline.ingest import MAX_FILE_BYTES, cap_combining_marks, read_article
from riwaya.pipeline.rawfolder import TEXT_SUFFIXES, extension
from riwaya.pipeline.webpage import HTML_SUFFIXES
from riwaya.upload.archive import open_zip

DOCUMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf")
MAX_PDF_PAGES = 500


@dataclass
class Document:
    """What one file says: its text, a title when the file names one, warnings."""

    text: str
    title: str = ""
    warnings: list[str] = field(default_factory=list)


def _via_reader(name: str, data: bytes) -> Document:
    suffix = extension(name)
    with tempfile.TemporaryDirectory(prefix="riwaya-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            article = read_article(path, name=name)
        except InputFileError as exc:
            raise InputFileError(name, exc.problem) from exc
    return Document(article.text, warnings=list(article.warnings))


def _docx(name: str, data: bytes) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    open_zip(data, name, budget=20 * MAX_FILE_BYTES).close()      # no zip bomb inside
    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputFileError(name, f"is not a readable Word .docx document ({exc})") from exc
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(dict.fromkeys(c.text.strip() for c in row.cells)))
    return Document("\n".join(lines), title=(doc.core_properties.title or "").strip())


def _pdf(name: str, data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputFileError(name, "is a password-protected PDF; save an unprotected copy")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputFileError(name, f"has {len(reader.pages)} pages, over {MAX_PDF_PAGES}; "
                                       "one article is expected")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "")
    except InputFileError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError,
            RecursionError, AssertionError) as exc:
        raise InputFileError(name, f"is not a readable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise InputFileError(name, "is a PDF without a text layer (a scan?); run OCR on it or "
                                   "upload the text")
    return Document(text, title=title.strip())


def read_document(name: str, data: bytes) -> Document:
    """The text of one uploaded document named ``name`` (its extension decides how).

    Raises:
        InputFileError: the file is empty, too large, of another format than its name says,
            damaged, or holds no text; the message names the file.
    """
    if not isinstance(name, str) or not isinstance(data, bytes):
        raise TypeError("read_document expected (name: str, data: bytes), got "
                        f"({type(name).__name__}, {type(data).__name__})")
    suffix = extension(name)
    if suffix not in DOCUMENT_SUFFIXES:
        raise InputFileError(name, f"is not a document file ({suffix or 'no extension'})")
    if not data:
        raise InputFileError(name, "is empty")
    if suffix == ".docx":
        doc = _docx(name, data)
    elif suffix == ".pdf":
        doc = _pdf(name, data)
    else:
        return _via_reader(name, data)
    doc.text = doc.text.replace("\r\n", "\n").replace("\r", "\n")
    if not doc.text.strip():
        raise InputFileError(name, "holds no text")
    if len(doc.text.encode("utf-8")) > MAX_FILE_BYTES:
        raise InputFileError(name, f"holds more than {MAX_FILE_BYTES // 2**20} MiB of text; one "
                                   "article is expected: split it")
    doc.text, dropped = cap_combining_marks(doc.text)
    if dropped:
        doc.warnings.append(f"{name}: {dropped} combining marks dropped")
    return doc
