"""Reading raw article files: decoding, and refusing what is not an article.

A file that cannot be used raises :class:`InputFileError` with the reason; the
build skips it and reports why. Decoding never guesses on text that is mostly UTF-8:

- UTF-8 (with or without BOM) is read as UTF-8; a file that is UTF-8 but for a few bad
  bytes (damaged, or cut in the middle of a character) is still read as UTF-8, the bad
  bytes replaced by U+FFFD, with a warning naming the file and how many bytes were bad;
- UTF-16 with a BOM, and UTF-16 (big- or little-endian) without one when the text it
  gives is plainly text;
- Windows-1256 / ISO-8859-6 Arabic (when most letters outside ASCII come out Arabic), then
  whatever charset-normalizer finds, only when the bytes are not mostly UTF-8.

The decoded text is checked for mojibake (UTF-8 Arabic read as Windows-1256, "ط§ظ„",
or Arabic read as Latin-1, "ÇáÓáÇã") and warned about; runs of combining marks longer
than :data:`MAX_MARKS` per letter are cut (a letter with 200,000 marks crashes a
browser). PDF, RTF, Office, image and archive contents are refused whatever the file is
named. An HTML page is reduced to its main text by trafilatura
(:mod:`riwaya.pipeline.webpage`); that text is the article's raw text from then on.
Which files of the raw folder are articles is :mod:`riwaya.pipeline.rawfolder`.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from riwaya.errors import InputFileError
from riwaya.pipeline.rawfolder import doc_id_of, list_article_files  # noqa: F401  (re-exported)
from riwaya.pipeline.webpage import looks_like_html, main_text
from riwaya.text.normalize import arabic_ratio

MAX_FILE_BYTES = 5 * 1024 * 1024
ARABIC_SINGLE_BYTE = ("cp1256", "iso8859_6")
#: combining marks kept after one base letter (Arabic needs at most shadda + vowel + a
#: Quranic sign or two); the rest of a longer run is dropped with a warning
MAX_MARKS = 4
MOJIBAKE_SAMPLE = 50_000

#: contents that are never an article, whatever the file's name says (magic numbers)
_FORMATS = (
    (b"%PDF-", "a PDF document; convert it to text first (e.g. pdftotext)"),
    (b"{\\rtf", "an RTF document; save it as plain text (.txt) first"),
    (b"PK\x03\x04", "a ZIP archive or Office document; unpack it or save the article as .txt"),
    (b"\xd0\xcf\x11\xe0", "an Office document; save it as plain text (.txt) first"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"\x89PNG", "an image"), (b"GIF8", "an image"), (b"\xff\xd8\xff", "an image"),
)

# characters of ordinary Arabic and Latin text, to tell UTF-16 from its byte-swapped misreading
_PLAIN = re.compile("[\t\n\r\f\x20-\x7e\u00a0-\u017f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
                    "\ufb50-\ufdff\ufe70-\ufeff\u200c-\u200f\u2010-\u2027\u2030-\u205e]")
_ASCII = re.compile("[\x00-\x7f]+")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")   # a byte that is not UTF-8, after surrogateescape


def _cp1256_of(lo: int, hi: int) -> str:
    return "".join(bytes([b]).decode("cp1256", "ignore") for b in range(lo, hi))


# UTF-8 Arabic (lead bytes D8-DB, continuations 80-BF) read as Windows-1256: "ط§ظ„"
_UTF8_AS_CP1256 = re.compile(f"[طظعغ][{re.escape(_cp1256_of(0x80, 0xC0))}]")
# UTF-8 Arabic read as Latin-1 / Windows-1252: "Ø§Ù„"
_UTF8_AS_LATIN = re.compile("[ØÙÚÛ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                            "\u0192\u02c6\u02dc\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]")
_LETTER = re.compile(r"[^\W\d_]")


class Decoded(NamedTuple):
    text: str
    encoding: str
    bad_bytes: int = 0      # bytes that were not UTF-8 and became U+FFFD


@dataclass(frozen=True)
class RawArticle:
    doc_id: str
    path: Path
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return bad / len(text)


def _plain_ratio(text: str) -> float:
    return 1 - len(_PLAIN.sub("", text)) / len(text) if text else 0.0


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark: NUL bytes, and one byte order that gives
    plain Arabic or Latin text (the other gives CJK and symbols)."""
    if b"\x00" not in data[:8192] or len(data) < 4:
        return None
    even = data[: len(data) // 2 * 2]
    best = None
    for enc in ("utf-16-be", "utf-16-le"):
        try:
            text = even.decode(enc)
        except UnicodeDecodeError:
            continue
        ratio = _plain_ratio(text)
        if ratio >= 0.95 and (best is None or ratio > best[0]):
            best = (ratio, Decoded(text, enc))
    return best[1] if best else None


def _utf8_damage(body: bytes) -> tuple[int, int]:
    """(bad bytes, well-formed non-ASCII characters) of bytes read as UTF-8."""
    text = body.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(text))
    ascii_bytes = len(body) - len(body.translate(None, bytes(range(128))))
    return bad, len(text) - ascii_bytes - bad


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> Decoded:
    """Decode an article's bytes; returns ``(text, encoding, bad_bytes)``.

    Text with more well-formed UTF-8 characters than bad bytes (or a UTF-8 BOM) is UTF-8:
    its bad bytes become U+FFFD and are counted in ``bad_bytes``; it is never re-read in a
    single-byte encoding (that turns every Arabic letter into two wrong ones).
    """
    if not isinstance(data, bytes):
        raise TypeError(f"Expected bytes, got {type(data).__name__} instead")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputFileError(path, f"has a UTF-16 byte-order mark but does not decode ({exc.reason})") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise InputFileError(path, "is a binary file (contains NUL bytes), not text")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    try:
        return Decoded(body.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    bad, good = _utf8_damage(body)
    if bom or good > bad:
        return Decoded(body.decode("utf-8", "replace"), "utf-8", bad)
    for enc in ARABIC_SINGLE_BYTE:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if arabic_ratio(_ASCII.sub("", text)) >= 0.5 and _control_ratio(text) < 0.01:
            return Decoded(text, enc)
    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _control_ratio(text) < 0.01:
            return Decoded(text, best.encoding)
    raise InputFileError(path, "is not UTF-8 and no Arabic or other text encoding decodes it; "
                               "save it as UTF-8")


def mojibake(text: str) -> str | None:
    """What kind of mojibake ``text`` looks like, or None: a check of the scripts of the letters
    of its first :data:`MOJIBAKE_SAMPLE` characters (a file is converted whole)."""
    if not isinstance(text, str):
        raise TypeError(f"Expected str, got {type(text).__name__} instead")
    text = text[:MOJIBAKE_SAMPLE]
    letters = len(_LETTER.findall(text))
    if letters < 20:
        return None
    if len(_UTF8_AS_CP1256.findall(text)) * 2 >= 0.3 * letters:
        return "UTF-8 Arabic read as Windows-1256 (letters like 'ط§ظ„')"
    if len(_UTF8_AS_LATIN.findall(text)) * 2 >= 0.3 * letters:
        return "UTF-8 Arabic read as Latin-1 (letters like 'Ø§Ù„')"
    if len(_LATIN1_LETTER.findall(text)) >= 0.4 * letters:
        return "Arabic read as Latin-1 (letters like 'ÇáÓáÇã')"
    return None


def _mark_class(codepoints) -> str:
    ranges, start = [], None
    for cp in [*codepoints, None]:
        mark = cp is not None and (unicodedata.category(chr(cp))[0] == "M" or cp in (0x200C, 0x200D))
        if mark and start is None:
            start = cp
        elif not mark and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(last))}")
            start = None
        last = cp
    return "[" + "".join(ranges) + "]"


@functools.cache
def _mark_runs() -> re.Pattern[str]:
    """Runs of more than MAX_MARKS combining marks (Unicode categories M*, plus ZWJ/ZWNJ,
    which also extend a letter), built once from unicodedata. Marks lie in planes 0-1 and in
    plane 14's variation selectors; the BMP class is kept apart (re matches it by bitmap,
    fast) from the supplementary one, tried only on a supplementary character."""
    bmp = _mark_class(range(0x10000))
    astral = _mark_class([*range(0x10000, 0x20000), *range(0xE0000, 0xE1000)])
    one = f"(?:{bmp}|(?=[\U00010000-\U0010ffff]){astral})"
    return re.compile(f"({one}{{{MAX_MARKS}}}){one}+")


def cap_combining_marks(text: str) -> tuple[str, int]:
    """``text`` with each run of combining marks cut to :data:`MAX_MARKS`; and how many
    marks were dropped."""
    if not isinstance(text, str):
        raise TypeError(f"Expected str, got {type(text).__name__} instead")
    capped = _mark_runs().sub(r"\1", text)
    return capped, len(text) - len(capped)


def _refuse_other_formats(data: bytes, path: Path) -> None:
    for magic, what in _FORMATS:
        if data.startswith(magic):
            raise InputFileError(path, f"is {what}, not an article")


def read_article(path: Path | str, *, doc_id: str | None = None, name: str | None = None,
                 max_bytes: int = MAX_FILE_BYTES) -> RawArticle:
    """Read and decode one article file. ``doc_id`` defaults to the file's name without its
    extension and ``name`` (how warnings name the file) to its name; the build passes the
    ones :func:`riwaya.pipeline.rawfolder.scan_raw_folder` gave."""
    path = Path(path)
    name = name or path.name
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
    _refuse_other_formats(data, path)
    text, encoding, bad_bytes = decode_bytes(data, path)
    warnings = []
    if bad_bytes:
        warnings.append(f"{name}: {bad_bytes} byte{'s' if bad_bytes > 1 else ''} not valid UTF-8 "
                        "(damaged or cut mid-character), replaced by U+FFFD; the rest read as UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputFileError(path, "holds only white space")
    if looks_like_html(text, path.suffix):
        text = main_text(text, path)
    text, dropped = cap_combining_marks(text)
    if dropped:
        warnings.append(f"{name}: {dropped} combining marks dropped (more than {MAX_MARKS} "
                        "on one letter)")
    kind = mojibake(text)
    if kind:
        warnings.append(f"{name}: looks like mojibake, {kind}; the file was probably converted "
                        "with the wrong encoding: re-save the original as UTF-8")
    return RawArticle(doc_id=doc_id or doc_id_of(path.name), path=path, text=text, encoding=encoding,
                      warnings=tuple(warnings))
