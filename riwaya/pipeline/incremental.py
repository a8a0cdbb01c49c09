"""Incremental builds: unchanged documents are taken from the previous build's Parquet.

A document is unchanged when its **content key** (a hash of its file name, the article's bytes
and its metadata row) is the one the previous build stored, and that build had the same
**processing version** (a hash of this Riwaya's version, the source of its pipeline code, its
schema, the codebook's data files (not its README), the reviewers' claim examples and the NER
model). Each build stores, beside
its tables, ``doc_keys.parquet``: one row per document in document order, with its key, the
warnings its reading gave, and what the near-duplicate index needs of its body
(:class:`~riwaya.pipeline.duplicates.BodyPrints`), so the index is replayed in document order
without reading or hashing an unchanged body again (a body is read only when an LSH candidate
must be confirmed). The output equals a full build's (``tests/test_incremental.py``).
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from riwaya import __version__
from riwaya.codebook.version import codebook_version  # noqa: F401 - re-exported
from riwaya.pipeline.document import DocTask, PipelineSettings
from riwaya.pipeline.duplicates import NUM_PERM, BodyPrints, PrintsTable, digest_words
from riwaya.pipeline.schema import SCHEMA_VERSION
from riwaya.pipeline.sentence_forms import FORMS_TABLE
from riwaya.pipeline.store import build_dir, read_manifest
from riwaya.text.normalize import normalize_form

KEYS_TABLE = "doc_keys"
KEYS_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("key", pa.string()),                   # content key (content_key)
    ("warnings", pa.list_(pa.string())),    # what reading the file warned about
    ("bucket", pa.int32()),                 # BodyPrints
    ("digest", pa.binary()),
    ("hashvalues", pa.list_(pa.uint64())),
])
ROW_TABLES = ("documents", "sentences", "mentions", "statements", FORMS_TABLE)
DOC_TABLES = ROW_TABLES + (KEYS_TABLE,)


# The packages whose code makes a document's rows (their data files, such as the country
# centroids, included): a changed rule in the code is a new version, even without a release.
_CODE_PACKAGES = ("pipeline", "text", "codebook")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the source of the code that makes a document's rows (names and bytes)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for package in _CODE_PACKAGES:
        for p in sorted((root / package).rglob("*")):
            if p.is_file() and p.suffix in {".py", ".json"} and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(root)).encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def processing_version(settings: PipelineSettings, codebook: str | None = None) -> str:
    """What, besides a document's own content, its rows depend on. ``codebook``: the
    :func:`codebook_version` taken *before* the codebook was loaded (default: read now). A build
    must pass it: a codebook saved while the build runs must not be counted as what it read, or
    the next build would reuse documents made without the edit."""
    from riwaya.pipeline.ner import default_model_path

    ner = settings.ner_model
    if ner is None:
        found = default_model_path()
        ner = str(found) if found else None
    h = hashlib.sha256()
    h.update(json.dumps({"riwaya": __version__, "code": code_version(), "schema": SCHEMA_VERSION,
                         "codebook": codebook or codebook_version(settings.codebook_dir),
                         "review_examples": settings.review_examples, "ner": ner},
                        sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def content_key(task: DocTask) -> str | None:
    """A hash of the file's name, bytes and metadata row; None when the file cannot be read
    (it is then processed, and skipped with its reason, as in a full build)."""
    try:
        data = Path(task.path).read_bytes()
    except OSError:
        return None
    h = hashlib.sha256()
    h.update(f"{task.doc_id}\0{task.name}\0".encode("utf-8", "surrogateescape"))
    h.update(json.dumps(task.meta, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def keys_row(doc_id: str, key: str | None, warnings: list[str], prints: BodyPrints) -> dict[str, Any]:
    return {"doc_id": doc_id, "key": key or "", "warnings": list(warnings), "bucket": prints.bucket,
            "digest": prints.digest, "hashvalues": prints.hashvalues}


@dataclass
class ReusedDoc:
    """An unchanged document: its rows' ranges in the previous tables, and its prints."""

    position: int                            # in the previous build's document order
    ranges: dict[str, tuple[int, int]]       # table -> [start, end) rows
    warnings: list[str]
    prints: BodyPrints
    body: Callable[[], str]                  # the normalised body, read only when compared
    duplicate_of: str | None                 # its answer in the previous build


class PreviousBuild:
    """The previous build's tables (memory-mapped) and document keys."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # ParquetFile, not read_table: the same table without pyarrow.dataset, which imports
        # pandas; one thread: it is read beside the build's own work (prefetch_previous)
        self.tables: dict[str, pa.Table] = {
            name: pq.ParquetFile(folder / f"{name}.parquet", memory_map=True).read(use_threads=False)
            for name in DOC_TABLES}
        keys = self.tables[KEYS_TABLE]
        doc_ids = self._doc_ids = keys.column("doc_id").to_pylist()
        self._position = {d: i for i, d in enumerate(doc_ids)}
        self._key = keys.column("key").to_pylist()
        n = len(doc_ids)
        self._ranges: dict[str, tuple[list[int], list[int]]] = {}    # lists: read per document
        id_set = keys.column("doc_id")
        for name in ROW_TABLES:
            pos = pc.index_in(self.tables[name].column("doc_id"), value_set=id_set)
            pos = pos.to_numpy(zero_copy_only=False)
            at = np.arange(n)
            self._ranges[name] = (np.searchsorted(pos, at, "left").tolist(),
                                  np.searchsorted(pos, at, "right").tolist())
        self._ranges[KEYS_TABLE] = (list(range(n)), list(range(1, n + 1)))
        self._buckets = keys.column("bucket").to_numpy()
        self._digests = keys.column("digest").to_pylist()
        flat = pc.list_flatten(keys.column("hashvalues")).to_numpy(zero_copy_only=False)
        self._hashvalues = flat.reshape(n, NUM_PERM) if n else np.zeros((0, NUM_PERM), np.uint64)
        with_warnings = pc.list_value_length(keys.column("warnings")).to_numpy(zero_copy_only=False) > 0
        self._warnings = {i: keys.column("warnings")[i].as_py() for i in np.flatnonzero(with_warnings)}
        self._texts = self.tables["documents"].column("text")
        self._duplicate_of = self.tables["documents"].column("duplicate_of").to_pylist()

    def reuse(self, doc_id: str, key: str | None) -> ReusedDoc | None:
        """The unchanged document ``doc_id`` (same content key), or None."""
        i = self._position.get(doc_id)
        if i is None or key is None or self._key[i] != key:
            return None
        ranges = {name: (s[i], e[i]) for name, (s, e) in self._ranges.items()}
        row = ranges["documents"][0]
        prints = BodyPrints(int(self._buckets[i]), self._digests[i], self._hashvalues[i])
        return ReusedDoc(i, ranges, self._warnings.get(i, []), prints, self.body_of(i),
                         self._duplicate_of[row])

    def body_of(self, i: int) -> Callable[[], str]:
        """The normalised body of the document at position ``i``, read when called."""
        row = self._ranges["documents"][0][i]
        return lambda: normalize_form(self._texts[row].as_py())

    def prints(self) -> PrintsTable:
        """Every document's prints, by position (the near-duplicate check of an incremental
        build with few changes, :mod:`riwaya.pipeline.duplicate_replay`)."""
        return PrintsTable(self._doc_ids, self._buckets, digest_words(*self._digests),
                           self._hashvalues, self.body_of)

    def slice(self, name: str, start: int, end: int) -> pa.Table:
        return self.tables[name].slice(start, end - start)


def load_previous(out_dir: Path | str, version: str) -> PreviousBuild | None:
    """The current build of ``out_dir`` when it was made with ``version`` and stored its
    document keys; None otherwise (the build is then full)."""
    manifest = read_manifest(out_dir)
    if not manifest or manifest.get("processing_version") != version:
        return None
    try:
        folder = build_dir(out_dir)
    except Exception:  # noqa: BLE001 - no usable previous build: a full build
        return None
    if not (folder / f"{KEYS_TABLE}.parquet").exists():
        return None
    try:
        return PreviousBuild(folder)
    except (OSError, pa.ArrowException, KeyError, ValueError):
        return None


def previous_keys(out_dir: Path | str, version: str) -> dict[str, str]:
    """``{doc_id: content key}`` of the build :func:`load_previous` would load ({} when none):
    which documents a build will process again, known before that build's tables are read."""
    manifest = read_manifest(out_dir)
    if not manifest or manifest.get("processing_version") != version:
        return {}
    try:
        keys = pq.ParquetFile(build_dir(out_dir) / f"{KEYS_TABLE}.parquet").read(columns=["doc_id", "key"])
    except Exception:  # noqa: BLE001 - as load_previous: no usable previous build
        return {}
    return dict(zip(keys.column("doc_id").to_pylist(), keys.column("key").to_pylist()))


def prefetch_previous(out_dir: Path | str, version: str) -> "Future[PreviousBuild | None]":
    """:func:`load_previous` in a thread of its own: reading Parquet releases the GIL, so the
    previous build's tables are read while the build scans and hashes the raw folder."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="previous-build")
    try:
        return pool.submit(load_previous, out_dir, version)
    finally:
        pool.shutdown(wait=False)
