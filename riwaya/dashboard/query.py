"""The corpus's big text columns, fetched by DuckDB for what is shown, never held in the shared frames.

The prepared corpus (:class:`riwaya.dashboard.corpus.Prepared`) keeps slim frames: ids, offsets,
labels, counts. The articles' text, raw text and removed lines and the sentences' text
(:data:`TEXT_COLUMNS`, most of a corpus's bytes) stay in the build's Parquet files and are read
by DuckDB when a page shows them: the Reader's one article, a page of evidence, a place's
sentences, the articles compared. A corpus held in memory (a test's, an older caller's) is
copied once into DuckDB's own compressed tables instead, so every look-up has one code path.

One :class:`Texts` per prepared corpus, shared by every session: one DuckDB database and a cursor
per call (a DuckDB connection must not be used by two threads at once; its cursors may).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable, Mapping

import duckdb
import pandas as pd

from riwaya.errors import CorpusError

#: the columns kept out of the shared frames, per table
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("text", "raw_text", "removed", "credits"),
    "sentences": ("text",),
}
#: DuckDB's memory for reading Parquet (the texts read are small; the frames are pandas')
MEMORY_LIMIT = "256MB"
#: rows a query hands over at a time (its result is streamed, never held whole by DuckDB)
BATCH_ROWS = 50_000
_KEY = ["doc_id", "sentence_id"]


def slim(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without the text columns of ``table`` (:data:`TEXT_COLUMNS`)."""
    return frame.drop(columns=[c for c in TEXT_COLUMNS.get(table, ()) if c in frame.columns])


class Texts:
    """The text columns of one corpus, read by DuckDB: from a build's Parquet files
    (:meth:`over_parquet`) or from frames copied in (:meth:`from_frames`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, columns: Mapping[str, tuple[str, ...]],
                 where: str = "memory") -> None:
        self._con = con
        self._lock = threading.Lock()
        self.columns = dict(columns)   # the text columns each table has
        self.where = where             # the build folder read, for error messages

    @classmethod
    def over_parquet(cls, build: Path | str) -> "Texts":
        """The texts of the build folder ``build`` (its documents.parquet, sentences.parquet)."""
        con = _connect()
        columns = {}
        for table, wanted in TEXT_COLUMNS.items():
            path = (Path(build) / f"{table}.parquet").as_posix().replace("'", "''")
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
            have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
            columns[table] = tuple(c for c in wanted if c in have)
        return cls(con, columns, str(build))

    @classmethod
    def from_frames(cls, frames: Mapping[str, pd.DataFrame]) -> "Texts":
        """The texts of frames held in memory ({"documents": ..., "sentences": ...}), copied
        once into DuckDB (keys and text columns only)."""
        con = _connect()
        columns = {}
        for table, wanted in TEXT_COLUMNS.items():
            frame = frames.get(table)
            keys = ["doc_id"] if table == "documents" else _KEY
            if frame is None:
                frame = pd.DataFrame({k: pd.Series(dtype=object if k == "doc_id" else "int64") for k in keys})
            cols = [c for c in wanted if c in frame.columns]
            part = frame[keys + cols]
            con.register("_incoming", part)
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM _incoming")
            con.unregister("_incoming")
            columns[table] = tuple(cols)
        return cls(con, columns)

    def _query(self, sql: str, params: list | None = None, frames: Mapping[str, pd.DataFrame] = ()) -> pd.DataFrame:
        with self._lock:   # a cursor is made from the shared connection one thread at a time
            cur = self._con.cursor()
        try:
            for name, frame in dict(frames).items():
                cur.register(name, frame)
            # streamed out in batches: the text of 400,000 sentences (Compare at 100,000
            # articles) is more than DuckDB's MEMORY_LIMIT would hold as one result
            return cur.sql(sql, params=params or None).to_arrow_reader(BATCH_ROWS).read_all().to_pandas()
        except duckdb.IOException as exc:   # a build pruned while an old page still read it
            raise CorpusError(f"The corpus in {self.where} could not be read ({exc}); it was "
                              f"probably replaced by a newer build: reload the page") from exc
        finally:
            cur.close()

    def document(self, doc_id: str) -> dict[str, object]:
        """The text columns of one article ({} when there is no such article)."""
        cols = self.columns["documents"]
        if not cols or not isinstance(doc_id, str):
            return {}
        got = self._query(f"SELECT {_list(cols)} FROM documents WHERE doc_id = ? LIMIT 1", [doc_id])
        return {} if got.empty else {c: _none(got[c].iloc[0]) for c in cols}

    def sentences_of(self, doc_ids: Iterable[str]) -> pd.DataFrame:
        """doc_id, sentence_id, text of every sentence of the articles ``doc_ids``."""
        ids = pd.DataFrame({"doc_id": list(dict.fromkeys(str(d) for d in doc_ids))})
        if ids.empty or "text" not in self.columns["sentences"]:
            return pd.DataFrame({"doc_id": pd.Series(dtype=object), "sentence_id": pd.Series(dtype="int64"),
                                 "text": pd.Series(dtype=object)})
        return self._query("SELECT s.doc_id, s.sentence_id, s.text FROM sentences s "
                           "WHERE s.doc_id IN (SELECT doc_id FROM _ids)", frames={"_ids": ids})

    def sentence_texts(self, keys: pd.DataFrame) -> pd.Series:
        """The text of each sentence of ``keys`` (rows with doc_id, sentence_id), aligned
        with ``keys``' index; None where there is no such sentence."""
        if keys.empty:
            return pd.Series([], index=keys.index, dtype=object)
        wanted = pd.DataFrame({"doc_id": keys["doc_id"].astype(str).to_numpy(),
                               "sentence_id": pd.to_numeric(keys["sentence_id"]).astype("int64").to_numpy()})
        found = self._query("SELECT s.doc_id, CAST(s.sentence_id AS BIGINT) AS sentence_id, s.text "
                            "FROM sentences s SEMI JOIN _keys k "
                            "ON s.doc_id = k.doc_id AND s.sentence_id = k.sentence_id",
                            frames={"_keys": wanted.drop_duplicates()})
        found["sentence_id"] = found["sentence_id"].astype("int64")
        got = wanted.merge(found.drop_duplicates(_KEY), on=_KEY, how="left")["text"]
        # plain str or None, at once (a value at a time was 2 s for 400,000 sentences)
        return pd.Series(got.to_numpy(dtype=object, na_value=None), index=keys.index, dtype=object)

    def all_sentences(self, columns: Iterable[str] = ("doc_id", "sentence_id", "text")) -> pd.DataFrame:
        """Every sentence's ``columns`` (for a corpus-wide index such as search's)."""
        return self._query(f"SELECT {_list(columns)} FROM sentences")


def with_texts(texts: Texts, frame: pd.DataFrame, *, column: str = "text") -> pd.DataFrame:
    """``frame`` (rows with doc_id, sentence_id) with its sentences' text as ``column``."""
    return frame.assign(**{column: texts.sentence_texts(frame)})


def _connect() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET threads = 2")
    return con


def _list(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _none(value):
    """None for a missing value (DuckDB's NULL reads as NaN or None in pandas)."""
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value
