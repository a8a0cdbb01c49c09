"""The review decisions in a local DuckDB file beside the corpus (``riwaya.config.review_db``).

One writer at a time: every access opens a short-lived connection under a lock (a lock within
the process for Streamlit's sessions, which are threads, and a ``filelock`` lock file,
``review.duckdb.lock``, across processes such as the dashboard and the command line), does its
work in one transaction, and closes the connection. Nothing keeps the file open, so another
process can always get its turn; a write either lands whole or not at all.

The file is a log: decisions are appended, never updated. :meth:`ReviewStore.decisions` gives
the effective ones (the latest per target, withdrawals dropped); :meth:`ReviewStore.history`
everything, with who decided and when.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd
from filelock import FileLock, Timeout

from riwaya.errors import ReviewError
from riwaya.review.model import Decision

SCHEMA_VERSION = 1
LOCK_SUFFIX = ".lock"
#: the columns of :meth:`ReviewStore.history` and :meth:`ReviewStore.decisions`
COLUMNS = ["id", "target_id", "doc_id", "sentence_key", "actor_id", "claim_id", "stance",
           "action", "new_actor_id", "new_claim_id", "new_stance", "sentence", "quote",
           "reviewer", "note", "decided_at"]

_DDL = [
    "CREATE SEQUENCE IF NOT EXISTS decision_id START 1",
    """CREATE TABLE IF NOT EXISTS decisions (
        id           BIGINT PRIMARY KEY DEFAULT nextval('decision_id'),
        target_id    VARCHAR NOT NULL,   -- Target.id: hash of the five fields below
        doc_id       VARCHAR NOT NULL,
        sentence_key VARCHAR NOT NULL,   -- hash of the normalised sentence text
        actor_id     VARCHAR NOT NULL,   -- the statement decided on (the new one for 'add')
        claim_id     VARCHAR NOT NULL,
        stance       VARCHAR NOT NULL,
        action       VARCHAR NOT NULL,   -- confirm | reject | correct | add | withdraw
        new_actor_id VARCHAR,            -- 'correct': what the statement really says
        new_claim_id VARCHAR,
        new_stance   VARCHAR,
        sentence     VARCHAR NOT NULL,   -- the sentence as it read
        quote        VARCHAR,
        reviewer     VARCHAR,
        note         VARCHAR,
        decided_at   TIMESTAMP NOT NULL  -- UTC
    )""",
    "CREATE TABLE IF NOT EXISTS review_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
]

_THREAD_LOCK = threading.RLock()


def empty_decisions() -> pd.DataFrame:
    """A decisions frame with no rows (the columns of :data:`COLUMNS`)."""
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "id" else object) for c in COLUMNS})


class ReviewStore:
    """The decisions file at ``path`` (created on the first decision)."""

    def __init__(self, path: Path | str, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.timeout = timeout

    # ------------------------------------------------------------------ access
    @contextmanager
    def _connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one unit of work, with the file to itself."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path) + LOCK_SUFFIX, thread_local=False)
        with _THREAD_LOCK:
            try:
                lock.acquire(timeout=self.timeout)
            except Timeout:
                raise ReviewError(f"{self.path}: busy for more than {self.timeout:.0f} s (another "
                                  f"program holds {lock.lock_file}); try again") from None
            try:
                try:
                    con = duckdb.connect(str(self.path))
                except duckdb.Error as exc:
                    raise ReviewError(f"{self.path}: cannot open the review file ({exc})") from exc
                try:
                    self._ensure_schema(con)
                    yield con
                finally:
                    con.close()
            finally:
                lock.release()

    @staticmethod
    def _ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
        for statement in _DDL:
            con.execute(statement)
        row = con.execute("SELECT value FROM review_meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            con.execute("INSERT INTO review_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif row[0] != str(SCHEMA_VERSION):
            raise ReviewError(f"review file has schema version {row[0]}, this Riwaya reads "
                              f"{SCHEMA_VERSION}")

    # ------------------------------------------------------------------ writing
    def record(self, *decisions: Decision) -> list[Decision]:
        """Store the decisions in one transaction; returns them with their id and time."""
        if not decisions:
            return []
        for d in decisions:
            if not isinstance(d, Decision):
                raise TypeError(f"Expected riwaya.review.Decision, got {type(d).__name__} instead")
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        stored: list[Decision] = []
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                for d in decisions:
                    t = d.target
                    (new_id,) = con.execute(
                        "INSERT INTO decisions (target_id, doc_id, sentence_key, actor_id, claim_id,"
                        " stance, action, new_actor_id, new_claim_id, new_stance, sentence, quote,"
                        " reviewer, note, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " ?, ?) RETURNING id",
                        [t.id, t.doc_id, t.sentence_key, t.actor_id, t.claim_id, t.stance, d.action,
                         d.new_actor_id, d.new_claim_id, d.new_stance, d.sentence, d.quote or None,
                         d.reviewer or None, d.note or None, now]).fetchone()
                    stored.append(d.stamped(int(new_id), now))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("CHECKPOINT")
        self._bump_version()
        return stored

    def _bump_version(self) -> None:
        """Make the file's modification time strictly newer than before, so :meth:`version`
        changes with every write even when two writes fall in one clock tick."""
        try:
            before = self.path.stat().st_mtime_ns
        except OSError:
            return
        now = max(time.time_ns(), before + 1)
        os.utime(self.path, ns=(now, now))

    # ------------------------------------------------------------------ reading
    def version(self) -> str:
        """Changes whenever a decision is stored ("" while there is no file): a cheap cache key
        (a ``stat``, no connection)."""
        parts = []
        for p in (self.path, Path(str(self.path) + ".wal")):
            try:
                st = p.stat()
            except OSError:
                continue
            parts.append(f"{st.st_mtime_ns}:{st.st_size}")
        return "/".join(parts)

    def history(self) -> pd.DataFrame:
        """Every decision ever stored, oldest first."""
        if not self.path.exists():
            return empty_decisions()
        with self._connect() as con:
            frame = con.execute(f"SELECT {', '.join(COLUMNS)} FROM decisions ORDER BY id").df()
        return frame.astype({c: object for c in COLUMNS if c not in ("id", "decided_at")})

    def decisions(self) -> pd.DataFrame:
        """The decisions in force: the latest on each target, withdrawals left out."""
        return effective(self.history())


def effective(history: pd.DataFrame) -> pd.DataFrame:
    """The latest decision per target of a history frame, withdrawals dropped."""
    if history.empty:
        return history.reset_index(drop=True)
    latest = history.sort_values("id").drop_duplicates("target_id", keep="last")
    return latest[latest["action"] != "withdraw"].reset_index(drop=True)


def load_decisions(path: Path | str) -> pd.DataFrame:
    """The decisions in force in the review file at ``path`` (none when it does not exist)."""
    return ReviewStore(path).decisions()


def decision_of(row) -> Decision:
    """A row of a decisions frame as a :class:`Decision`."""
    from riwaya.review.model import Target

    def text(v):
        return None if v is None or (isinstance(v, float) and v != v) else str(v)

    target = Target(str(row["doc_id"]), str(row["sentence_key"]), str(row["actor_id"]),
                    str(row["claim_id"]), str(row["stance"]))
    return Decision(str(row["action"]), target, str(row["sentence"]),
                    new_actor_id=text(row["new_actor_id"]), new_claim_id=text(row["new_claim_id"]),
                    new_stance=text(row["new_stance"]), quote=text(row["quote"]) or "",
                    reviewer=text(row["reviewer"]) or "", note=text(row["note"]) or "",
                    decided_at=row["decided_at"], id=int(row["id"]))
