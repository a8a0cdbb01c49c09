"""Writing and reading the processed corpus.

Layout of the output folder (``data/processed`` by default)::

    manifest.json              names the current build; replaced atomically
    build-<stamp>/<table>.parquet
    build-<stamp>/...          one Parquet file per table of ``riwaya.pipeline.schema.TABLES``

A build is written into a fresh ``build-*`` folder and only then published by
atomically replacing ``manifest.json``; a crash or a bad input file at any
point leaves the previous corpus whole and readable. Older builds are pruned.

One build at a time per folder: :func:`build_lock` (a ``filelock`` lock file,
``.build.lock``) is held by a whole build, so pruning under it only ever removes
what is provably stale: builds older than the previous one, and the ``.building-*``
folders and ``.tmp-*`` files that a killed build left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from riwaya.atomic import TMP_PREFIX, write_json_atomic
from riwaya.errors import CorpusError
from riwaya.pipeline.schema import SCHEMA_VERSION, TABLES

if TYPE_CHECKING:     # a build writes with pyarrow only; readers import pandas and DuckDB
    import pandas as pd

MANIFEST = "manifest.json"
KEEP_BUILDS = 2
LOCK_FILE = ".build.lock"


@contextmanager
def build_lock(out_dir: Path | str, *, on_wait: Callable[[], None] | None = None,
               timeout: float = -1) -> Iterator[float]:
    """Hold the folder's build lock for the ``with`` block; yields the seconds spent waiting.

    When another build (this process or another) holds it, ``on_wait()`` is called once and
    the call blocks until it is free (``timeout`` seconds at most; -1 = no limit). Once held,
    the leftovers of killed builds are removed: nothing else can be writing.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out / LOCK_FILE, thread_local=False)
    started = time.monotonic()
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait is not None:
            on_wait()
        lock.acquire(timeout=timeout)
    try:
        _remove_leftovers(out)
        yield time.monotonic() - started
    finally:
        lock.release()


def _remove_leftovers(out: Path) -> None:
    """What a killed build left: ``.building-*`` folders and ``.tmp-*`` files (lock held)."""
    for stale in out.glob(".building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for folder in (out, out / "cache"):
        for tmp in folder.glob(TMP_PREFIX + "*"):
            tmp.unlink(missing_ok=True)


def _as_table(name: str, data: Any, schema: pa.Schema | None = None) -> pa.Table:
    schema = TABLES[name] if schema is None else schema
    if isinstance(data, pa.Table):
        table = data
    elif _is_frame(data):
        frame = data.reindex(columns=schema.names)
        table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    else:  # list of dict rows
        table = pa.Table.from_pylist(list(data), schema=schema)
    return table.select(schema.names).cast(schema)


def _is_frame(data: Any) -> bool:
    """Whether ``data`` is a pandas DataFrame (pandas is imported by whoever made one)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(data, pandas.DataFrame)


class CorpusWriter:
    """A build written table by table, in parts, then published atomically.

    Tables are written into a fresh ``.building-*`` folder: :meth:`append` adds rows to a
    table (each call one Parquet row group, through a ``pyarrow.parquet.ParquetWriter``), so
    a large corpus is never held whole in memory. Each table is encoded in a thread of its own
    (pyarrow encodes without the GIL, so the tables share the cores), one row group at a time
    and in order: the same bytes as one thread writes. :meth:`publish` writes the tables never
    appended to (empty), moves the folder to ``build-<stamp>``, replaces ``manifest.json``
    atomically and prunes old builds (:meth:`write` writes a small table whole); :meth:`abort` (or leaving a ``with`` block by an
    exception) removes the folder and leaves the previous corpus as it was. ``extra`` names
    tables outside the corpus schema kept beside it (the incremental build's keys).
    """

    def __init__(self, out_dir: Path | str, *, extra: Mapping[str, pa.Schema] | None = None) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.schemas: dict[str, pa.Schema] = {**TABLES, **dict(extra or {})}
        self.tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=self.out))
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._pool = ThreadPoolExecutor(max_workers=len(self.schemas),
                                        thread_name_prefix="corpus-writer")
        self._pending: dict[str, Future] = {}     # table -> its row group being written

    def __enter__(self) -> "CorpusWriter":
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is not None:
            self.abort()

    def append(self, name: str, data: Any) -> None:
        """Add rows (a DataFrame, an Arrow table or a list of row dicts) to table ``name``."""
        if name not in self.schemas:
            raise ValueError(f"Unknown table {name!r}; expected one of {sorted(self.schemas)}")
        table = _as_table(name, data, self.schemas[name])
        if table.num_rows == 0:
            return
        self._wait(name)            # its previous row group first: order, and one in memory
        writer = self._writers.get(name)
        if writer is None:
            writer = self._writers[name] = pq.ParquetWriter(self.tmp / f"{name}.parquet",
                                                            self.schemas[name])
        self._pending[name] = self._pool.submit(writer.write_table, table)

    def _wait(self, name: str) -> None:
        """Until table ``name``'s row group being written is written (its error raised here)."""
        pending = self._pending.pop(name, None)
        if pending is not None:
            pending.result()

    def write(self, name: str, data: Any) -> None:
        """Write table ``name`` whole, in one go (a small table, or one held anyway)."""
        if name not in self.schemas:
            raise ValueError(f"Unknown table {name!r}; expected one of {sorted(self.schemas)}")
        if name in self._writers or (self.tmp / f"{name}.parquet").exists():
            raise ValueError(f"Table {name!r} is written already")
        pq.write_table(_as_table(name, data, self.schemas[name]), self.tmp / f"{name}.parquet")

    def publish(self, info: Mapping[str, Any] | None = None) -> Path:
        """Close every table and publish the build; returns its folder."""
        try:
            for name, schema in self.schemas.items():
                self._wait(name)
                writer = self._writers.pop(name, None)
                if writer is not None:
                    writer.close()
                elif not (self.tmp / f"{name}.parquet").exists():
                    pq.write_table(schema.empty_table(), self.tmp / f"{name}.parquet")
            self._pool.shutdown()
            stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
            build = self.out / f"build-{stamp}"
            os.replace(self.tmp, build)
        except BaseException:
            self.abort()
            raise
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "build": build.name,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            **dict(info or {}),
        }
        write_json_atomic(self.out / MANIFEST, manifest)
        _prune(self.out, keep=build.name)
        return build

    def abort(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)    # no thread writes any more
        self._pending.clear()
        for writer in self._writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - the folder goes anyway
                pass
        self._writers.clear()
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_corpus(out_dir: Path | str, tables: Mapping[str, Any], *,
                 info: Mapping[str, Any] | None = None) -> Path:
    """Write every table of the schema into a new build and publish it atomically.

    ``tables`` maps table names to DataFrames, Arrow tables or lists of row dicts;
    a table left out is written empty. ``info`` (input fingerprint, counts, ...) is
    stored in the manifest. Returns the build folder.
    """
    unknown = set(tables) - set(TABLES)
    if unknown:
        raise ValueError(f"Unknown table(s) {sorted(unknown)}; expected {sorted(TABLES)}")
    with CorpusWriter(out_dir) as writer:
        for name in TABLES:
            writer.write(name, tables.get(name, []))
        return writer.publish(info)


def _prune(out: Path, *, keep: str) -> None:
    """Remove builds older than the previous one (the previous stays for readers that loaded
    its manifest a moment ago). Called under :func:`build_lock` by the build."""
    builds = sorted(p for p in out.glob("build-*") if p.is_dir() and p.name != keep)
    for old in builds[: max(0, len(builds) - (KEEP_BUILDS - 1))]:
        shutil.rmtree(old, ignore_errors=True)


def read_manifest(out_dir: Path | str) -> dict[str, Any] | None:
    """The manifest of the current build, or None when nothing was built yet."""
    path = Path(out_dir) / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{path}: unreadable manifest ({exc}); rebuild with `python -m riwaya build`") from exc
    return manifest


@dataclass(frozen=True)
class Corpus:
    """The processed corpus as DataFrames, one per table."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    places: pd.DataFrame
    statements: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return self.documents.empty


def build_dir(out_dir: Path | str) -> Path:
    """The folder of the current build; CorpusError when there is none."""
    out = Path(out_dir)
    manifest = read_manifest(out)
    if manifest is None:
        raise CorpusError(f"No processed corpus in {out}: run `python -m riwaya build` first")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise CorpusError(
            f"{out}: corpus has schema version {manifest.get('schema_version')}, this Riwaya reads "
            f"{SCHEMA_VERSION}; rebuild with `python -m riwaya build`")
    build = out / str(manifest.get("build", ""))
    missing = [n for n in TABLES if not (build / f"{n}.parquet").exists()]
    if missing:
        raise CorpusError(f"{build}: missing table(s) {missing}; rebuild with `python -m riwaya build`")
    return build


def load_corpus(out_dir: Path | str) -> Corpus:
    """Read the current build with DuckDB into DataFrames."""
    import duckdb

    build = build_dir(out_dir)
    frames: dict[str, pd.DataFrame] = {}
    with duckdb.connect() as con:
        for name in TABLES:
            path = str(build / f"{name}.parquet")
            frames[name] = con.execute("SELECT * FROM read_parquet(?)", [path]).df()
    return Corpus(**frames, manifest=read_manifest(out_dir) or {})


def query(out_dir: Path | str, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    """Run SQL over the current build; each table is a view of the same name."""
    import duckdb

    build = build_dir(out_dir)
    with duckdb.connect() as con:
        for name in TABLES:
            path = (build / f"{name}.parquet").as_posix().replace("'", "''")
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
        return con.execute(sql, params or []).df()
