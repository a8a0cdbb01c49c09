"""Reading raw article files: decoding, and refusing what is not an article.

A file that cannot be used raises :class:`InputFileError` with the reason; the
build skips it and reports why. UTF-8 (with or without BOM), UTF-16 with BOM and
Windows-1256 / ISO-8859-6 Arabic are decoded. An HTML page (``.html``/``.htm``, or
text that is clearly an HTML document) is reduced to its main text by trafilatura
(:mod:`riwaya.pipeline.webpage`); that text is the article's raw text from then on.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from riwaya.errors import InputFileError
from riwaya.pipeline.webpage import looks_like_html, main_text
from riwaya.text.normalize import arabic_ratio

MAX_FILE_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md", "")
ARABIC_SINGLE_BYTE = ("cp1256", "iso8859_6")


@dataclass(frozen=True)
class RawArticle:
    doc_id: str
    path: Path
    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return False


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return bad / len(text)


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode an article's bytes; returns ``(text, encoding)``."""
    if not isinstance(data, bytes):
        raise TypeError(f"Expected bytes, got {type(data).__name__} instead")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputFileError(path, f"has a UTF-16 byte-order mark but does not decode ({exc.reason})") from exc
    if _looks_binary(data):
        raise InputFileError(path, "is a binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in ARABIC_SINGLE_BYTE:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if arabic_ratio(text) >= 0.5 and _control_ratio(text) < 0.01:
            return text, enc
    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _control_ratio(text) < 0.01:
            return text, best.encoding
    raise InputFileError(path, "is not UTF-8 and no Arabic or other text encoding decodes it; "
                               "save it as UTF-8")


def read_article(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES) -> RawArticle:
    """Read and decode one article file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror})") from exc
    if size == 0:
        raise InputFileError(path, "is empty")
    if size > max_bytes:
        raise InputFileError(path, f"is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB "
                                   "limit for one article; split it into articles")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror})") from exc
    text, encoding = decode_bytes(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputFileError(path, "holds only white space")
    if looks_like_html(text, path.suffix):
        text = main_text(text, path)
    return RawArticle(doc_id=path.stem, path=path, text=text, encoding=encoding)


def list_article_files(raw_dir: Path | str) -> list[Path]:
    """Article files of a raw folder, sorted; metadata and hidden files left out."""
    raw = Path(raw_dir)
    if not raw.is_dir():
        raise InputFileError(raw, "raw folder not found; pass --raw DIR (the sample's is data/raw)")
    files = []
    for p in sorted(raw.iterdir()):
        if p.name.startswith(".") or not p.is_file():
            continue
        if p.name in {"metadata.csv", "README.md"}:
            continue
        files.append(p)
    return files
