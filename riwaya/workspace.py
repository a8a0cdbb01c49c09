"""Workspaces: one event in one folder (its articles, codebook, corpus and review decisions).

The sample is the default workspace, ``sample``: ``data/raw``, ``data/codebook`` and
``data/processed`` (or what ``RIWAYA_RAW``, ``RIWAYA_CODEBOOK``, ``RIWAYA_PROCESSED`` name).
Every other workspace is a folder of ``RIWAYA_WORKSPACES`` (``data/workspaces``)::

    data/workspaces/NAME/
        raw/            the articles (one .txt each) and metadata.csv
        codebook/       actors.jsonl, claims.jsonl, places.jsonl, lexicon.jsonl, ...
        processed/      the built corpus; review.duckdb beside the builds
        stories/        optional

``riwaya new NAME`` (:func:`create_workspace`) starts one from an empty codebook (the
language-level files of the sample: lexicon, boilerplate and source rules, gazetteer settings
without the sample's preferred countries) or from a copy of another workspace's articles and
codebook. A name is letters, digits, ``-`` and ``_`` only, so it can never climb out of the
workspaces folder. The dashboard names the workspace in view in its URL (``?ws=NAME``).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from riwaya.config import GAZETTEER_SETTINGS_FILE, Paths, review_db, workspaces_root
from riwaya.errors import WorkspaceError

DEFAULT_WORKSPACE = "sample"
MAX_NAME = 40
_NAME = re.compile(r"[A-Za-z0-9\u0600-\u06FF][A-Za-z0-9_\-\u0600-\u06FF]*")
#: codebook files copied into an empty workspace: the language, not the event
LANGUAGE_FILES = ("lexicon.jsonl", "boilerplate.jsonl", "sources.jsonl")
#: gazetteer settings that belong to the sample's event, cleared in an empty codebook
EVENT_SETTINGS = {"prefer_countries": [], "pinned_forms": {}}
EMPTY_FILES = {
    "actors.jsonl": "// the actors of this event: one JSON object a line "
                    "(fields in data/codebook/README.md)\n",
    "claims.jsonl": "// the contested claims of this event: one JSON object a line\n",
    "places.jsonl": "// the places of this event: one JSON object a line\n",
}


@dataclass(frozen=True)
class Workspace:
    """One workspace's folders (``root`` and ``stories`` are None for the sample)."""

    name: str
    root: Path | None
    raw: Path
    codebook: Path
    processed: Path
    stories: Path | None = None

    @property
    def is_default(self) -> bool:
        return self.name == DEFAULT_WORKSPACE

    @property
    def paths(self) -> Paths:
        return Paths(self.raw, self.codebook, self.processed)

    @property
    def review_db(self) -> Path:
        """The review decisions of this workspace (:func:`riwaya.config.review_db`)."""
        return review_db(self.processed)

    def article_count(self) -> int:
        """Article files in ``raw/`` (:mod:`riwaya.pipeline.rawfolder`); 0 when unreadable."""
        from riwaya.errors import InputFileError
        from riwaya.pipeline.rawfolder import scan_raw_folder

        try:
            return len(scan_raw_folder(self.raw).files)
        except InputFileError:
            return 0


def validate_name(name: str) -> str:
    """The workspace name, stripped; refused when it could name a path or is reserved.

    Raises:
        TypeError: ``name`` is not a str.
        WorkspaceError: empty, too long, ``sample``, or not letters, digits, ``-`` and ``_``.
    """
    if not isinstance(name, str):
        raise TypeError(f"Expected the workspace name as str, got {type(name).__name__} instead")
    cleaned = name.strip()
    if not cleaned:
        raise WorkspaceError("a workspace needs a name (letters, digits, - and _)")
    if cleaned.lower() == DEFAULT_WORKSPACE:
        raise WorkspaceError(f"{DEFAULT_WORKSPACE!r} is the sample's workspace; choose another name")
    if len(cleaned) > MAX_NAME:
        raise WorkspaceError(f"workspace name {cleaned[:MAX_NAME]!r}… is longer than {MAX_NAME} "
                             "characters")
    if not _NAME.fullmatch(cleaned):
        raise WorkspaceError(f"workspace name {cleaned!r} may hold only letters, digits, - and _ "
                             "(no spaces, dots or slashes), starting with a letter or digit")
    return cleaned


def _sample() -> Workspace:
    paths = Paths.from_env()
    return Workspace(DEFAULT_WORKSPACE, None, paths.raw, paths.codebook, paths.processed)


def _at(name: str) -> Workspace:
    root = workspaces_root() / name
    return Workspace(name, root, root / "raw", root / "codebook", root / "processed",
                     root / "stories")


def get_workspace(name: str | None = None) -> Workspace:
    """The workspace ``name``; None, "" or ``sample`` is the sample.

    Raises:
        WorkspaceError: the name is not usable, or no such workspace exists.
    """
    if name is None or (isinstance(name, str) and name.strip() in ("", DEFAULT_WORKSPACE)):
        return _sample()
    ws = _at(validate_name(name))
    if not ws.codebook.is_dir():
        known = ", ".join(w.name for w in list_workspaces())
        raise WorkspaceError(f"no workspace {ws.name!r} (in {workspaces_root()}); known: {known}. "
                             f"Create it with: riwaya new {ws.name}")
    return ws


def list_workspaces() -> list[Workspace]:
    """The sample first, then every workspace folder (one holding ``codebook/``) by name."""
    found = [_sample()]
    root = workspaces_root()
    if root.is_dir():
        for p in sorted(root.iterdir(), key=lambda p: p.name.lower()):
            if p.is_dir() and not p.is_symlink() and _NAME.fullmatch(p.name) \
                    and p.name.lower() != DEFAULT_WORKSPACE and (p / "codebook").is_dir():
                found.append(_at(p.name))
    return found


def _empty_codebook(folder: Path, sample_codebook: Path) -> None:
    folder.mkdir(parents=True)
    for name, text in EMPTY_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name in LANGUAGE_FILES:
        if (sample_codebook / name).exists():
            shutil.copyfile(sample_codebook / name, folder / name)
    settings = sample_codebook / GAZETTEER_SETTINGS_FILE
    if settings.exists():
        data = json.loads(settings.read_text(encoding="utf-8"))
        data.update(EVENT_SETTINGS)
        (folder / GAZETTEER_SETTINGS_FILE).write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _copy_articles(src: Path, dst: Path) -> None:
    """The raw folder's files (no links, no hidden files) copied into ``dst``."""
    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n.startswith(".") or (Path(folder) / n).is_symlink()}

    if src.is_dir():
        shutil.copytree(src, dst, ignore=ignore)
    else:
        dst.mkdir(parents=True)


def create_workspace(name: str, *, copy_from: str | None = None) -> Workspace:
    """Create the workspace ``name``: an empty codebook and no articles, or (``copy_from``) a
    copy of that workspace's articles and codebook (not its corpus or review decisions).

    The folder is assembled beside the others under a hidden name and renamed into place
    at the end, so a failure leaves nothing half-made.

    Raises:
        WorkspaceError: a bad or taken name, or ``copy_from`` names no workspace.
    """
    name = validate_name(name)
    source = get_workspace(copy_from) if copy_from is not None else None
    root = workspaces_root()
    target = root / name
    if target.exists() or any(p.name.lower() == name.lower() for p in
                              (root.iterdir() if root.is_dir() else ())):
        raise WorkspaceError(f"a workspace named {name!r} already exists in {root}; choose "
                             "another name")
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".new-{name}-", dir=root))
    try:
        if source is None:
            _empty_codebook(tmp / "codebook", _sample().codebook)
            (tmp / "raw").mkdir()
        else:
            shutil.copytree(source.codebook, tmp / "codebook",
                            ignore=shutil.ignore_patterns(".*"))
            _copy_articles(source.raw, tmp / "raw")
        (tmp / "processed").mkdir()
        (tmp / "stories").mkdir()
        try:
            tmp.rename(target)
        except OSError as exc:
            raise WorkspaceError(f"a workspace named {name!r} already exists in {root}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return _at(name)
