"""Which document repeats an earlier one, decided in document order by a build.

A full build asks :class:`~riwaya.pipeline.duplicates.DuplicateIndex` about every document
(:class:`IndexedDuplicates`). An incremental build knows each unchanged document's answer
from the previous build (:class:`~riwaya.pipeline.incremental.ReusedDoc`), and only the
documents processed again (new or changed: *fresh*) and the documents gone (removed or
changed) can change an answer: which documents the rule compares (:func:`~riwaya.pipeline.
duplicates.candidates`) and whether two bodies are near copies are properties of the pair,
and the unchanged documents keep their order. So, with few fresh documents
(:class:`FewChanges`):

- a fresh document is asked against every earlier document: its prints compared with all
  of theirs at once (numpy), no index;
- an unchanged document keeps its answer, unless a fresh document before it is a near copy
  that comes first (length bucket, then position, as the index orders them), or its answer
  is gone: then it is asked against every earlier document like a fresh one.

A fresh document costs two vector comparisons with the previous build's prints (a few
milliseconds at 10,000 documents) instead of the index being replayed over every document
(about 2 s at 10,000). With more fresh documents than :data:`FEW`, the index is replayed
(:class:`IndexedDuplicates`, the unchanged prefix inserted without asking). Both give what a
full build gives (``tests/test_duplicates.py``, ``tests/test_incremental.py``).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from riwaya.pipeline.duplicates import (BodyPrints, DuplicateIndex, PrintsTable, asked_by,
                                        candidates, digest_words, is_near_copy)
from riwaya.pipeline.incremental import PreviousBuild, ReusedDoc

#: fresh documents up to which :class:`FewChanges` decides (each costs ~1 µs per document of
#: the corpus; replaying the index costs ~200 µs per document, so this holds at any size)
FEW = 100

Body = "str | Callable[[], str]"


class IndexedDuplicates:
    """Every document asked to a :class:`DuplicateIndex`, in order; the previous build's
    unchanged prefix inserted with its known answers."""

    def __init__(self, previous: PreviousBuild | None = None) -> None:
        self.index = DuplicateIndex()
        self._intact = previous is not None  # so far, the previous build's documents, in order

    def reused(self, doc_id: str, old: ReusedDoc) -> str | None:
        if self._intact and old.position == len(self.index):
            self.index.insert(doc_id, old.body, old.prints)
            return old.duplicate_of
        return self.index.add(doc_id, old.body, prints=old.prints)

    def fresh(self, doc_id: str, body: Body, prints: BodyPrints) -> str | None:
        self._intact = False
        return self.index.add(doc_id, body, prints=prints)


class FewChanges:
    """The answers of an incremental build with few fresh documents (module docstring), from
    the previous build's prints (:meth:`PreviousBuild.prints`)."""

    def __init__(self, previous: PrintsTable) -> None:
        if not isinstance(previous, PrintsTable):
            raise TypeError(f"FewChanges expected a PrintsTable, got {type(previous).__name__}")
        self.previous = previous
        self._placed = np.full(len(previous.doc_ids), -1, dtype=np.int64)  # -> position now
        self._count = 0                                   # documents decided so far
        self._kept: dict[str, tuple[int, int]] = {}       # unchanged doc_id -> (bucket, position)
        self._fresh: list[tuple[tuple[int, int], str, Body, BodyPrints]] = []
        self._flags: dict[int, list[int]] = {}            # previous position -> fresh documents

    def reused(self, doc_id: str, old: ReusedDoc) -> str | None:
        """An unchanged document (``old``: its previous position, prints and answer)."""
        answer = old.duplicate_of
        if answer is not None and answer not in self._kept:      # its answer is gone
            found = self._ask(old.body, old.prints)
        else:
            order = [(self._kept[answer], answer, None)] if answer is not None else []
            order += [self._fresh[k][:3] for k in self._flags.pop(old.position, ())]
            found = _first_copy(old.body, order)
        self._kept[doc_id] = (old.prints.bucket, self._count)
        self._placed[old.position] = self._count
        self._count += 1
        return found

    def fresh(self, doc_id: str, body: Body, prints: BodyPrints) -> str | None:
        """A document processed in this build."""
        found = self._ask(body, prints)
        k = len(self._fresh)
        self._fresh.append(((prints.bucket, self._count), doc_id, body, prints))
        self._count += 1
        # the previous build's documents still to come that will compare themselves with it
        table = self.previous
        later = (self._placed < 0) & asked_by(prints, table.buckets, table.digests, table.hashvalues)
        for i in np.flatnonzero(later):
            self._flags.setdefault(int(i), []).append(k)
        return found

    def _ask(self, body: Body, prints: BodyPrints) -> str | None:
        """The answer against every document decided so far (unchanged and fresh)."""
        table = self.previous
        hit = np.flatnonzero((self._placed >= 0) & candidates(prints, table.buckets, table.digests,
                                                              table.hashvalues))
        order = [((int(table.buckets[i]), int(self._placed[i])), table.doc_ids[i], table.body_of(i))
                 for i in hit]
        if self._fresh:
            fresh = [f[3] for f in self._fresh]
            found = candidates(prints, np.array([p.bucket for p in fresh]),
                               digest_words(*(p.digest for p in fresh)),
                               np.stack([p.hashvalues for p in fresh]))
            order += [self._fresh[k][:3] for k in np.flatnonzero(found)]
        return _first_copy(body, order)


def _first_copy(body: Body, order: list) -> str | None:
    """The first of ``order`` (``((bucket, position), doc_id, its body)``, the body None when
    known to be a near copy), sorted as the index sorts them, whose body is a near copy of
    ``body``."""
    text = None
    for _, doc_id, other in sorted(order, key=lambda c: c[0]):
        if other is None:
            return doc_id
        if text is None:
            text = body if isinstance(body, str) else body()
        if is_near_copy(text, other if isinstance(other, str) else other()):
            return doc_id
    return None


def duplicate_decider(previous: PreviousBuild | None, fresh: int):
    """How a build decides duplicates: :class:`FewChanges` when a previous build is reused
    and at most :data:`FEW` documents are processed again, else :class:`IndexedDuplicates`."""
    if previous is not None and fresh <= FEW:
        return FewChanges(previous.prints())
    return IndexedDuplicates(previous)
