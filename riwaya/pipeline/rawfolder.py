"""Which files of the raw folder are articles, and their doc_ids.

Rules (README "Adding articles"):

- article files end in ``.txt``, ``.text``, ``.md``, ``.html``/``.htm``/``.xhtml`` or have
  no extension (a last dot followed by a digit, ``report.2017``, is no extension); any other
  file is skipped with its reason ("not an article file: .pdf; convert it to text first");
  editor backups and swap files (``x.txt~``, ``#x.txt#``, ``x.swp``, ``x.bak``) are skipped as
  such; hidden files and folders, ``README.md`` and the top-level ``metadata.csv`` are left out
  without a word;
- subfolders are read recursively; an article's doc_id is its path inside the raw folder
  without the extension, ``/`` written ``__`` (``sana/x.txt`` is ``sana__x``); an empty
  subfolder is listed as skipped;
- a symbolic link is followed only when it ends at a file inside the raw folder; a link that
  leaves the folder, a dangling link and a link to a folder are skipped with the reason;
- two files with one doc_id (``x.txt`` and ``x.md``) stop the build before anything is
  written, naming both: renaming one loses nothing, guessing which to keep would.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from riwaya.errors import InputFileError
from riwaya.pipeline.webpage import HTML_SUFFIXES

TEXT_SUFFIXES = (".txt", ".text", ".md", "")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
LEFT_OUT = {"README.md"}                 # anywhere; and metadata.csv at the top
METADATA_NAME = "metadata.csv"
_BACKUP_SUFFIXES = {".swp", ".swo", ".swx", ".bak", ".orig", ".tmp", ".part", ".crdownload"}
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,9}")
_HINTS = {
    "convert it to text first (e.g. pdftotext)": (".pdf", ".ps", ".djvu", ".epub"),
    "save it as plain text (.txt) first": (".rtf", ".doc", ".docx", ".odt", ".pages", ".wps"),
    "data files are not articles; put each article's text in a .txt file": (
        ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".xml", ".xls", ".xlsx", ".ods", ".parquet",
        ".yaml", ".yml"),
    "an image": (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".svg",
                 ".heic", ".ico"),
    "an archive; unpack it into the raw folder": (".zip", ".gz", ".tgz", ".tar", ".7z", ".rar",
                                                 ".bz2", ".xz", ".zst"),
}
_HINT_OF = {suffix: hint for hint, suffixes in _HINTS.items() for suffix in suffixes}


@dataclass(frozen=True)
class ArticleFile:
    doc_id: str
    name: str            # path inside the raw folder, as the build summary names it
    path: Path


@dataclass
class RawFolder:
    files: list[ArticleFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (name, reason)
    warnings: list[str] = field(default_factory=list)


def extension(name: str) -> str:
    """The file's extension, lower-cased, or "" (none, or a last dot followed by a digit)."""
    base = name.rstrip("/").rsplit("/", 1)[-1]
    dot = base.rfind(".")
    suffix = base[dot:] if 0 < dot < len(base) - 1 else ""     # as pathlib's suffix
    return suffix.lower() if _EXTENSION.fullmatch(suffix) else ""


def doc_id_of(name: str) -> str:
    """A file's doc_id from its path inside the raw folder: ``sana/x.txt`` -> ``sana__x``."""
    if not isinstance(name, str):
        raise TypeError(f"Expected str, got {type(name).__name__} instead")
    name = name.replace("\\", "/").strip("/")
    ext = extension(name)
    return (name[: -len(ext)] if ext else name).replace("/", "__")


def not_article_reason(name: str) -> str | None:
    """Why a file of this name is not read as an article, or None when it is one."""
    base = name.rsplit("/", 1)[-1]
    ext = extension(base)
    if (base.endswith("~") or (base.startswith("#") and base.endswith("#"))
            or base.startswith("~$") or ext in _BACKUP_SUFFIXES):
        return "an editor backup or swap file, not an article"
    if ext in ARTICLE_SUFFIXES:
        return None
    hint = _HINT_OF.get(ext, "articles are .txt, .text, .md, .html or .htm files, or have "
                             "no extension")
    return f"not an article file: {ext}; {hint}"


def _link_problem(link: Path, root: Path) -> str | None:
    target = Path(os.path.realpath(link))
    if not target.exists():
        return f"a dangling link (to {os.readlink(link)})"
    if not target.is_relative_to(root):
        return (f"a link to {target}, outside the raw folder; links are followed only to files "
                "inside it")
    if target.is_dir():
        return "a link to a folder; links to folders are not followed"
    return None


def _walk(folder: Path, root: Path, prefix: str, found: RawFolder) -> None:
    try:
        with os.scandir(folder) as listing:     # file types without a stat each (10k files)
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        found.skipped.append((prefix or ".", f"a folder that cannot be read ({exc.strerror})"))
        return
    if prefix and not any(not e.name.startswith(".") for e in entries):
        found.skipped.append((prefix, "an empty folder"))
        return
    for e in entries:
        name = prefix + e.name
        if e.name.startswith(".") or e.name in LEFT_OUT or (not prefix and e.name == METADATA_NAME):
            continue
        p = folder / e.name
        reason = _link_problem(p, root) if e.is_symlink() else None
        if reason is None and e.is_dir():
            _walk(p, root, name + "/", found)
            continue
        if reason is None and not e.is_file():
            reason = "not a regular file (a device, pipe or socket)"
        reason = reason or not_article_reason(name)
        if reason:
            found.skipped.append((name, reason))
        else:
            found.files.append(ArticleFile(doc_id_of(name), name, p))


def _check_unique(files: list[ArticleFile], raw: Path) -> None:
    first: dict[str, str] = {}
    clashes = []
    for f in files:
        if f.doc_id in first:
            clashes.append(f"{first[f.doc_id]} and {f.name} would both be document '{f.doc_id}'")
        else:
            first[f.doc_id] = f.name
    if clashes:
        raise InputFileError(raw, "; ".join(clashes) + ". A doc_id is the file's path without "
                             "its extension: rename or remove one of each pair")


def scan_raw_folder(raw_dir: Path | str) -> RawFolder:
    """The raw folder's article files (sorted by path), what was skipped and why.

    Raises:
        InputFileError: the folder does not exist, or two files would share a doc_id.
    """
    raw = Path(raw_dir)
    if not raw.is_dir():
        raise InputFileError(raw, "raw folder not found; pass --raw DIR (the sample's is data/raw)")
    found = RawFolder()
    _walk(raw, raw.resolve(), "", found)
    _check_unique(found.files, raw)
    if not found.files:
        found.warnings.append(f"no article files in {raw}")
    return found


def list_article_files(raw_dir: Path | str) -> list[Path]:
    """The article files of a raw folder, in order (:func:`scan_raw_folder`)."""
    return [f.path for f in scan_raw_folder(raw_dir).files]
