"""Document rows, in document order, into the corpus tables, written in parts.

A build hands :class:`CorpusAssembler` each document in order: fresh results (row dicts from
:mod:`riwaya.pipeline.document`) or documents reused from the previous build (row ranges of its
tables, :mod:`riwaya.pipeline.incremental`). Every :data:`PART_DOCS` documents the rows are
written as one Parquet row group (:class:`~riwaya.pipeline.store.CorpusWriter`), and what the
corpus-wide tables need is taken from them: the places mentioned, the speakers outside the
codebook, the counts. The parts depend on the documents only, never on how they were
processed, so serial, parallel, Dask and incremental builds write the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from riwaya.pipeline.incremental import DOC_TABLES, KEYS_TABLE, PreviousBuild, ReusedDoc
from riwaya.pipeline.sentence_forms import FORMS_TABLE, form_rows
from riwaya.pipeline.store import CorpusWriter

PART_DOCS = 500


@dataclass
class Totals:
    """What the corpus-wide tables and the report need, gathered part by part."""

    documents: int = 0
    sentences: int = 0
    mentions: int = 0
    statements: int = 0
    places_used: set[str] = field(default_factory=set)
    unknown_speakers: set[str] = field(default_factory=set)
    speakers: dict[str, str] = field(default_factory=dict)        # actor id -> first surface
    mentioned: dict[str, str] = field(default_factory=dict)       # (statements before mentions)

    def extra_actors(self) -> dict[str, str]:
        """Actors outside the codebook: first surface in statements, else in mentions."""
        out = dict(self.speakers)
        for actor_id, surface in self.mentioned.items():
            out.setdefault(actor_id, surface)
        return out


class CorpusAssembler:
    """Collects documents in order; writes every :data:`PART_DOCS` of them."""

    def __init__(self, writer: CorpusWriter, known_actors: set[str],
                 previous: PreviousBuild | None = None) -> None:
        self.writer = writer
        self.known = pa.array(sorted(known_actors), pa.string())
        self.previous = previous
        self.totals = Totals()
        self._reset()

    def _reset(self) -> None:
        # per table: pieces in order, each a list of row dicts or a [start, end) of the previous
        self._pieces: dict[str, list[Any]] = {name: [] for name in DOC_TABLES}
        self._duplicate_of: list[str | None] = []

    def _rows(self, name: str, rows: list[dict[str, Any]]) -> None:
        pieces = self._pieces[name]
        if pieces and isinstance(pieces[-1], list):
            pieces[-1].extend(rows)
        else:
            pieces.append(list(rows))

    def _range(self, name: str, start: int, end: int) -> None:
        pieces = self._pieces[name]
        if pieces and isinstance(pieces[-1], tuple) and pieces[-1][1] == start:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))

    def add_fresh(self, result, duplicate_of: str | None, key_row: dict[str, Any]) -> None:
        """A document processed in this build (:class:`~riwaya.pipeline.document.DocResult`)."""
        self._rows("documents", [result.document])
        self._rows("sentences", result.sentences)
        self._rows("mentions", result.mentions)
        self._rows("statements", result.statements)
        self._rows(FORMS_TABLE, form_rows(result.sentences))   # what Compare sources reads
        self._rows(KEYS_TABLE, [key_row])
        self._done(duplicate_of)

    def add_reused(self, doc: ReusedDoc, duplicate_of: str | None) -> None:
        """A document taken whole from the previous build."""
        for name, (start, end) in doc.ranges.items():
            self._range(name, start, end)
        self._done(duplicate_of)

    def _done(self, duplicate_of: str | None) -> None:
        self._duplicate_of.append(duplicate_of)
        if len(self._duplicate_of) >= PART_DOCS:
            self.flush()

    def _table(self, name: str) -> pa.Table:
        schema = self.writer.schemas[name]
        parts = []
        for piece in self._pieces[name]:
            if isinstance(piece, tuple):
                parts.append(self.previous.slice(name, *piece).cast(schema))
            elif piece:
                parts.append(pa.Table.from_pylist(piece, schema=schema))
        return pa.concat_tables(parts) if parts else schema.empty_table()

    def flush(self) -> None:
        """Write the documents collected so far as one part of every table."""
        if not self._duplicate_of:
            return
        tables = {name: self._table(name) for name in DOC_TABLES}
        docs = tables["documents"]
        i = docs.schema.get_field_index("duplicate_of")
        tables["documents"] = docs.set_column(i, docs.schema.field(i),
                                              pa.array(self._duplicate_of, pa.string()))
        for name, table in tables.items():
            self.writer.append(name, table)
        self._count(tables)
        self._reset()

    def _count(self, tables: dict[str, pa.Table]) -> None:
        t = self.totals
        t.documents += tables["documents"].num_rows
        t.sentences += tables["sentences"].num_rows
        mentions, statements = tables["mentions"], tables["statements"]
        t.mentions += mentions.num_rows
        t.statements += statements.num_rows
        places = mentions.filter(pc.equal(mentions.column("kind"), "place"))
        t.places_used.update(pc.unique(places.column("entity_id")).to_pylist())
        speakers = statements.column("actor_id")
        t.unknown_speakers.update(x for x in pc.unique(speakers).to_pylist() if x and x.startswith("UNK:"))
        outside = statements.filter(pc.invert(pc.is_in(speakers, value_set=self.known)))
        for actor_id, surface in zip(outside.column("actor_id").to_pylist(),
                                     outside.column("actor_surface").to_pylist()):
            t.speakers.setdefault(actor_id, surface)
        actor = pc.and_(pc.equal(mentions.column("kind"), "actor"),
                        pc.invert(pc.is_in(mentions.column("entity_id"), value_set=self.known)))
        named = mentions.filter(actor)
        for actor_id, surface in zip(named.column("entity_id").to_pylist(),
                                     named.column("surface").to_pylist()):
            t.mentioned.setdefault(actor_id, surface)
