"""Adding articles to a workspace: files in, one result per file, nothing already there lost.

:func:`add_files` takes ``(file name, bytes)`` pairs (what the upload page has; the command
line's :func:`add_paths` reads files into them): documents (:mod:`.formats`), tables with one
article a row (:mod:`.tables`) and zips of both (:mod:`.archive`). Each article is compared
with the workspace's articles and with those added before it: the same text is a duplicate
and is not written; a near-duplicate (a syndicated copy, :mod:`riwaya.pipeline.duplicates`)
is written, and the build marks it ``duplicate_of`` so it is counted as a copy, not a new
article ("3 copies: SANA, Al-Ikhbariya, …", :meth:`AddReport.copies_lines`).

Written into ``raw/``: ``<doc_id>.txt`` (UTF-8), created atomically and never over an existing
file (a taken doc_id gets ``-2``, ``-3``…), and one ``metadata.csv`` row each (outlet, URL,
date, language, title; a missing date is read from the text's dateline,
:func:`riwaya.pipeline.dates.date_in_text`), the file rewritten atomically with every old row
kept. One add at a time per workspace (a lock file in ``raw/``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from filelock import FileLock, Timeout

from riwaya.atomic import write_text_atomic
from riwaya.errors import InputFileError, UploadError
from riwaya.pipeline.dates import date_in_text
from riwaya.pipeline.duplicates import DuplicateIndex
from riwaya.pipeline.ingest import read_article
from riwaya.pipeline.rawfolder import extension, scan_raw_folder
from riwaya.text.normalize import normalize_form
from riwaya.upload.archive import zip_members
from riwaya.upload.formats import DOCUMENT_SUFFIXES, read_document
from riwaya.upload.metadata_file import append_metadata, read_metadata_rows
from riwaya.upload.tables import TABLE_SUFFIXES, ColumnMapping, table_articles
from riwaya.workspace import Workspace, get_workspace

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
MAX_DOC_ID = 80
LOCK_NAME = ".add.lock"
SUPPORTED = ".txt, .html, .docx, .pdf, .csv, .jsonl, .xlsx or a .zip of them"
Status = Literal["added", "duplicate", "skipped"]


@dataclass
class FileResult:
    """What became of one input: a file, a zip member (``a.zip/x.txt``) or a table row
    (``t.csv row 3``)."""

    name: str
    status: Status
    doc_id: str | None = None          # added, or a near-duplicate kept: the new article's id
    duplicate_of: str | None = None
    written: bool = False
    reason: str = ""
    outlet: str | None = None
    date: str | None = None
    date_from_text: bool = False

    def message(self) -> str:
        """One line: ``a.txt: added as doc id a``."""
        if self.status == "added":
            dated = f" (date {self.date} read from the text)" if self.date_from_text else ""
            return f"{self.name}: added as doc id {self.doc_id}{dated}"
        if self.status == "duplicate":
            kept = f"; kept as {self.doc_id}, counted as a copy" if self.written else "; not added"
            return f"{self.name}: duplicate of {self.duplicate_of} ({self.reason}){kept}"
        return f"{self.name}: skipped: {self.reason}"


@dataclass
class AddReport:
    workspace: str
    results: list[FileResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outlets: dict[str, str] = field(default_factory=dict)   # doc_id -> outlet, for copies

    def _of(self, status: Status) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def added(self) -> list[FileResult]:
        return self._of("added")

    @property
    def duplicates(self) -> list[FileResult]:
        return self._of("duplicate")

    @property
    def skipped(self) -> list[FileResult]:
        return self._of("skipped")

    @property
    def written(self) -> int:
        """Articles written into raw/ (added, and near-duplicates kept)."""
        return sum(r.written for r in self.results)

    def copies(self) -> dict[str, list[str]]:
        """Original doc id -> the outlets (else doc ids or names) of it and its copies."""
        out: dict[str, list[str]] = {}
        for r in self.duplicates:
            names = out.setdefault(r.duplicate_of, [self.outlets.get(r.duplicate_of)
                                                    or r.duplicate_of])
            names.append(r.outlet or r.doc_id or r.name)
        return out

    def copies_lines(self) -> list[str]:
        """``doc x: 3 copies: SANA, Al-Ikhbariya, …`` per original."""
        return [f"{doc}: {len(names)} copies: {', '.join(names[:4])}{', …' if len(names) > 4 else ''}"
                for doc, names in self.copies().items()]

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.duplicates)} duplicate"
                f"{'s' if len(self.duplicates) != 1 else ''}, {len(self.skipped)} skipped")

    def format(self) -> str:
        lines = [f"workspace {self.workspace}: {self.summary()}"]
        lines += ["  " + r.message() for r in self.results]
        lines += ["  " + c for c in self.copies_lines()]
        lines += ["  warning: " + w for w in self.warnings]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"workspace": self.workspace, "summary": self.summary(),
                "results": [asdict(r) for r in self.results], "copies": self.copies(),
                "warnings": self.warnings}


@dataclass
class _Article:
    name: str
    stem: str
    text: str
    meta: dict[str, str]


def megabytes(n: int, digits: int = 1) -> str:
    """``104.9 MB`` (binary megabytes, as file managers show them)."""
    return f"{n / 2**20:.{digits}f} MB"


def slug(name: str) -> str:
    """A doc_id from a file or row name: letters (any script), digits, ``-``, ``_``."""
    stem = re.sub(r"[^\w\-]+", "_", name, flags=re.UNICODE).strip("_-")
    return stem[:MAX_DOC_ID].rstrip("_-") or "article"


def _expand(name: str, data: bytes, mappings: dict[str, ColumnMapping], budget: list[int],
            out: list[_Article | FileResult], warnings: list[str], depth: int = 0) -> None:
    """The articles of one input, appended to ``out`` (a FileResult for each one skipped)."""
    suffix = extension(name)
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base[: -len(suffix)] if suffix else base
    try:
        if suffix == ".zip" and depth == 0:
            contents = zip_members(data, name, budget=budget[0])
            budget[0] -= sum(len(d) for _, d in contents.members)
            out.extend(FileResult(f"{name}/{m}", "skipped", reason=r) for m, r in contents.skipped)
            if not contents.members and not contents.skipped:
                out.append(FileResult(name, "skipped", reason="an empty archive"))
            for member, member_data in contents.members:
                _expand(f"{name}/{member}", member_data, mappings, budget, out, warnings, 1)
        elif suffix in TABLE_SUFFIXES:
            rows, skipped, table_warnings = table_articles(name, data, mappings.get(base)
                                                           or mappings.get(name))
            warnings.extend(table_warnings)
            by_row = [(n, FileResult(f"{name} row {n}", "skipped", reason=r)) for n, r in skipped]
            by_row += [(r.number, _Article(f"{name} row {r.number}", f"{stem}-{r.number:04d}",
                                           r.text, r.meta)) for r in rows]
            out.extend(item for _, item in sorted(by_row, key=lambda pair: pair[0]))
            if not rows and not skipped:
                out.append(FileResult(name, "skipped", reason="a table without rows"))
        elif suffix in DOCUMENT_SUFFIXES:
            doc = read_document(name, data)
            warnings.extend(doc.warnings)
            out.append(_Article(name, stem, doc.text, {"title": doc.title} if doc.title else {}))
        else:
            reason = "an archive inside an archive; upload it on its own" if suffix == ".zip" \
                else f"not a supported file ({suffix or 'no extension'}); upload {SUPPORTED}"
            out.append(FileResult(name, "skipped", reason=reason))
    except InputFileError as exc:
        out.append(FileResult(name, "skipped", reason=exc.problem))


def _outlet_finder(ws: Workspace) -> Callable[[str], str | None]:
    """The outlet a text names (dateline, source line: the codebook's ``sources.jsonl`` rules,
    as the build reads them), to name copies in the report; never written to metadata (the
    build finds it itself). Without a loadable codebook, no outlet."""
    from riwaya.codebook import load_codebook
    from riwaya.errors import CodebookError
    from riwaya.pipeline.clean import clean_text

    try:
        codebook = load_codebook(ws.codebook)
    except CodebookError:
        return lambda text: None
    return lambda text: clean_text(text, boilerplate=codebook.boilerplate,
                                   sources=codebook.sources).source


def _existing(ws: Workspace) -> tuple[DuplicateIndex, dict[bytes, str], set[str], dict[str, str]]:
    """The workspace's articles indexed for duplicates, the doc ids taken, and the texts."""
    index, exact, taken, texts = DuplicateIndex(), {}, set(), {}
    folder = scan_raw_folder(ws.raw)
    for f in folder.files:
        taken.add(f.doc_id)
        try:
            article = read_article(f.path, doc_id=f.doc_id, name=f.name)
        except InputFileError:
            continue
        body = normalize_form(article.text)
        exact.setdefault(hashlib.blake2b(body.encode()).digest(), f.doc_id)
        index.add(f.doc_id, body)
        texts[f.doc_id] = article.text
    taken.update(n.rsplit(".", 1)[0] for n, _ in folder.skipped)
    return index, exact, taken, texts


def _write_new(raw: Path, stem: str, text: str, taken: set[str]) -> str:
    """Write ``text`` as ``raw/<doc_id>.txt`` for a free doc_id from ``stem``; its doc_id."""
    base = slug(stem)
    for n in range(1, 10_000):
        doc_id = base if n == 1 else f"{base}-{n}"
        if doc_id in taken or any(raw.glob(f"{glob_escape(doc_id)}.*")) or (raw / doc_id).exists():
            continue
        try:
            write_text_atomic(raw / f"{doc_id}.txt", text if text.endswith("\n") else text + "\n",
                              exclusive=True)
        except FileExistsError:
            continue
        taken.add(doc_id)
        return doc_id
    raise UploadError(f"no free doc id for {stem!r} in {raw}")


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def add_files(workspace: Workspace | str | None, files: Iterable[tuple[str, bytes]], *,
              mappings: dict[str, ColumnMapping] | None = None,
              progress: Callable[[int, int, str], None] | None = None) -> AddReport:
    """Add the articles in ``files`` (``(name, bytes)`` pairs) to ``workspace``'s ``raw/``.

    ``mappings``: a table's file name -> its :class:`ColumnMapping` (else proposed from its
    header). Does not build: build the workspace afterwards.

    Raises:
        UploadError: the upload as a whole is refused (over :data:`MAX_UPLOAD_BYTES`, the
            workspace's ``metadata.csv`` unreadable, another add running); nothing is written.
        WorkspaceError: no such workspace.
    """
    ws = workspace if isinstance(workspace, Workspace) else get_workspace(workspace)
    files = list(files)
    for item in files:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                and isinstance(item[1], bytes)):
            raise TypeError(f"add_files expected (name: str, data: bytes) pairs, got {item!r:.80}")
    total = sum(len(d) for _, d in files)
    if total > MAX_UPLOAD_BYTES:
        raise UploadError(f"the upload is {megabytes(total)}, over the limit of "
                          f"{megabytes(MAX_UPLOAD_BYTES, 0)}; nothing was added. Upload fewer "
                          "files at a time")
    report = AddReport(ws.name)
    ws.raw.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(ws.raw / LOCK_NAME), timeout=30):
            existing_meta = read_metadata_rows(ws.raw)     # an unreadable file refuses it all
            report.outlets = {r.get("file", "").rsplit(".", 1)[0]: r.get("source", "")
                              for r in existing_meta if r.get("source")}
            items: list[_Article | FileResult] = []
            budget = [MAX_UPLOAD_BYTES - total]
            for name, data in files:
                _expand(name, data, mappings or {}, budget, items, report.warnings)
            outlet_of = _outlet_finder(ws)
            index, exact, taken, texts = _existing(ws)
            new_rows = []
            for n, item in enumerate(items):
                if progress:
                    progress(n, len(items), item.name)
                if isinstance(item, FileResult):
                    report.results.append(item)
                    continue
                result, row = _add_one(ws, item, index, exact, taken, outlet_of)
                report.results.append(result)
                if row:
                    new_rows.append(row)
                    if result.outlet:
                        report.outlets[result.doc_id] = result.outlet
            if new_rows:
                append_metadata(ws.raw, new_rows)
            for original in {r.duplicate_of for r in report.duplicates} - set(report.outlets):
                if original in texts and (outlet := outlet_of(texts[original])):
                    report.outlets[original] = outlet     # names the copies of an old article
    except Timeout:
        raise UploadError(f"another upload into workspace {ws.name} is running; try again "
                          "when it has finished") from None
    return report


def _add_one(ws: Workspace, art: _Article, index: DuplicateIndex, exact: dict[bytes, str],
             taken: set[str], outlet_of: Callable[[str], str | None],
             ) -> tuple[FileResult, dict[str, str] | None]:
    body = normalize_form(art.text)
    if not body.strip():
        return FileResult(art.name, "skipped", reason="no words in the text"), None
    digest = hashlib.blake2b(body.encode()).digest()
    given = art.meta.get("outlet") or None
    outlet = given or outlet_of(art.text)
    if digest in exact:
        return FileResult(art.name, "duplicate", duplicate_of=exact[digest], reason="same text",
                          outlet=outlet), None
    doc_id = _write_new(ws.raw, art.stem, art.text, taken)
    exact[digest] = doc_id
    near = index.add(doc_id, body)
    date, from_text = art.meta.get("date") or None, False
    if not date and (date := date_in_text(art.text)):
        from_text = True
    row = {"file": f"{doc_id}.txt", "source": given or "", "url": art.meta.get("url", ""),
           "date": date or "", "language": art.meta.get("language", ""),
           "title": art.meta.get("title", "")}
    common = dict(doc_id=doc_id, written=True, outlet=outlet, date=date, date_from_text=from_text)
    if near:
        return FileResult(art.name, "duplicate", duplicate_of=near,
                          reason="near-duplicate, a syndicated copy", **common), row
    return FileResult(art.name, "added", **common), row


def add_paths(workspace: Workspace | str | None, paths: Iterable[Path | str], *,
              mapping: ColumnMapping | None = None,
              progress: Callable[[int, int, str], None] | None = None) -> AddReport:
    """:func:`add_files` for files on disk (the command line). A path that cannot be read is
    a skipped result; a folder is refused (name its files, or zip it).

    Raises:
        UploadError: as :func:`add_files`, and when the files together are over the limit."""
    pairs, unread = [], []
    total = 0
    for p in map(Path, paths):
        try:
            if p.is_dir():
                raise InputFileError(p, "is a folder; name its files (riwaya add DIR/*) or zip it")
            size = p.stat().st_size
            total += size
            if total > MAX_UPLOAD_BYTES:
                raise UploadError(f"the files are over {megabytes(MAX_UPLOAD_BYTES, 0)} together "
                                  f"(from {p} on); nothing was added. Add fewer at a time")
            pairs.append((p.name, p.read_bytes()))
        except OSError as exc:
            unread.append(FileResult(str(p), "skipped", reason=f"cannot be read ({exc.strerror or exc})"))
        except InputFileError as exc:
            unread.append(FileResult(str(p), "skipped", reason=exc.problem))
    mappings = {name: mapping for name, _ in pairs} if mapping else None
    report = add_files(workspace, pairs, mappings=mappings, progress=progress)
    report.results = unread + report.results
    return report
