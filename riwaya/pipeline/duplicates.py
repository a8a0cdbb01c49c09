"""Near-duplicate articles (syndicated copies) in linear time.

The rule is unchanged from the pairwise check it replaces: a document repeats an
earlier one when their normalised bodies are equal, or similar lengths (within one
5 % length bucket of each other) and ``rapidfuzz.fuzz.ratio >= DUPLICATE_SIMILARITY``;
the earlier document named is the first one found in bucket order (shorter bucket
first), then in the order documents were added.

What changed is how the earlier documents to compare are found: not every earlier
document of a similar length (quadratic), but

1. the same content hash (an exact copy), and
2. MinHash + LSH (``datasketch``) over word bigrams of the body: only documents
   that share enough bigrams are candidates (an LSH bucket in common, and signatures
   agreeing on at least ``MIN_ESTIMATE`` of their values: articles that share a sentence
   or a credit line are not compared), and the rule above confirms them.

With ``NUM_PERM = 126`` permutations in ``LSH_BANDS = 42`` bands of 3 rows, a pair
with bigram Jaccard similarity J is a candidate with probability 1 - (1 - J^3)^42:
0.996 at J = 0.5, 0.9995 at 0.55, > 0.99999 at 0.6. Copies that pass the
ratio rule share far more: measured on the sample and dev corpus, a replaced
sentence keeps J >= 0.84, a dropped one >= 0.89, a credit line added >= 0.98, 4 %
of words swapped >= 0.82; only scattered single-character edits over the whole text
(2.5 % of characters, ratio ~95) fall to J ~0.55. Distinct articles of the dev
corpus share J <= 0.08 (candidate probability < 0.03). A copy at J = 0.55 has its
signatures agree on fewer than 25 % of 126 values with probability < 1e-11.
Bodies too short for bigrams to say anything (under ``SHORT_BODY`` characters) are
compared pairwise with the bodies of neighbouring buckets, as before (those buckets
are kept in a small list of their own).

Everything is deterministic: fixed seed, SHA-1 of the shingles (not Python's salted
``hash``), candidates sorted before they are confirmed.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from dataclasses import dataclass
from typing import Callable

import numpy as np
from rapidfuzz import fuzz

from riwaya.pipeline.sketches import MinHash, MinHashLSH   # datasketch's, without scipy.integrate

DUPLICATE_SIMILARITY = 95.0   # rapidfuzz ratio (0-100) from which two bodies are one article
NUM_PERM = 126
LSH_BANDS = 42                # 42 bands x 3 rows = 126 permutations
SEED = 1
SHINGLE_WORDS = 2
SHORT_BODY = 200              # characters; shorter bodies are compared pairwise
MIN_ESTIMATE = 0.25           # LSH candidates whose signatures agree less are not compared


def length_bucket(body: str) -> int:
    """The 5 % length bucket of a body; only neighbouring buckets can hold copies."""
    return int(math.log(max(len(body), 1), 1.05))


_SMALL_BUCKET = length_bucket("x" * SHORT_BODY)


def is_near_copy(body: str, other: str) -> bool:
    """The rule: equal, or ``fuzz.ratio >= DUPLICATE_SIMILARITY``."""
    return body == other or bool(fuzz.ratio(body, other, score_cutoff=DUPLICATE_SIMILARITY))


def shingles(body: str) -> list[bytes]:
    """The body's word bigrams (UTF-8), each once, in first-seen order."""
    words = body.split()
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    grams = (" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))
    return [g.encode("utf-8") for g in dict.fromkeys(grams)]


_FIRST = MinHash(num_perm=NUM_PERM, seed=SEED)
_PERMUTATIONS, _SCHEME = _FIRST.permutations, _FIRST.scheme         # drawn once


def minhash(body: str) -> MinHash:
    """The body's MinHash signature (fixed seed; CRC-32 of the shingles, not Python's salted
    ``hash``: the same in every process, and 7x faster than datasketch's default SHA-1)."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32,
                permutations=_PERMUTATIONS, scheme=_SCHEME)
    m.update_batch(shingles(body))
    return m


@dataclass(frozen=True)
class BodyPrints:
    """What the index needs of a body besides the body itself: its length bucket, content
    hash and MinHash values. Small and picklable: worked out beside the body (a worker
    process) and kept between builds (``riwaya.pipeline.incremental``)."""

    bucket: int
    digest: bytes
    hashvalues: np.ndarray      # NUM_PERM uint64

    @classmethod
    def of(cls, body: str) -> "BodyPrints":
        if not isinstance(body, str):
            raise TypeError(f"BodyPrints.of expected the body as str, got {type(body).__name__}")
        return cls(length_bucket(body), hashlib.blake2b(body.encode("utf-8"), digest_size=16).digest(),
                   minhash(body).hashvalues)

    def minhash(self) -> MinHash:
        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=self.hashvalues,
                       permutations=_PERMUTATIONS, scheme=_SCHEME)


class DuplicateIndex:
    """The documents seen so far; :meth:`add` says which earlier one a new one repeats.

    >>> index = DuplicateIndex()
    >>> index.add("a", "some body text") is None
    True
    >>> index.add("b", "some body text")
    'a'
    """

    def __init__(self) -> None:
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, NUM_PERM // LSH_BANDS))
        self._docs: list[tuple[str, str, int]] = []          # (doc_id, body, bucket) by position
        self._by_hash: dict[bytes, list[int]] = {}            # content hash -> positions
        self._hashvalues = np.zeros((0, NUM_PERM), dtype=np.uint64)   # signatures by position
        self._small: dict[int, list[int]] = {}                # bucket -> positions, short end only

    def __len__(self) -> int:
        return len(self._docs)

    def add(self, doc_id: str, body: "str | Callable[[], str]", *,
            prints: "BodyPrints | None" = None) -> str | None:
        """Add a document; return the id of the earlier document it repeats, or None.

        ``prints`` (:meth:`BodyPrints.of`, worked out where the body is, e.g. in a worker
        process, or kept from the previous build) saves hashing the body again; the body
        may then be a function giving it, called only when it is compared (an incremental
        build replays the whole index without reading every earlier body)."""
        if prints is None:
            if not isinstance(body, str):
                raise TypeError(f"DuplicateIndex.add expected the body as str, got {type(body).__name__}")
            prints = BodyPrints.of(body)
        elif not isinstance(prints, BodyPrints):
            raise TypeError(f"DuplicateIndex.add expected prints as BodyPrints, got {type(prints).__name__}")
        bucket, digest, signature = prints.bucket, prints.digest, prints.minhash()
        candidates = set(self._by_hash.get(digest, ()))
        candidates.update(self._agreeing(self._lsh.query(signature), prints.hashvalues))
        for b in (bucket - 1, bucket, bucket + 1):   # empty but near the short end
            candidates.update(self._small.get(b, ()))
        found = self._first_copy(body, bucket, candidates)
        self._insert(doc_id, body, prints, signature)
        return found

    def _agreeing(self, found: list[int], hashvalues: np.ndarray) -> list[int]:
        """The LSH candidates whose signatures agree on at least ``MIN_ESTIMATE`` of their
        values (MinHash's Jaccard estimate), all compared at once."""
        if not found:
            return []
        rows = np.fromiter(found, dtype=np.int64, count=len(found))
        agree = np.count_nonzero(self._hashvalues[rows] == hashvalues, axis=1) / np.float64(NUM_PERM)
        return rows[agree >= MIN_ESTIMATE].tolist()

    def insert(self, doc_id: str, body: "str | Callable[[], str]", prints: "BodyPrints") -> None:
        """Add a document whose answer is known already (an incremental build's unchanged
        prefix: the same earlier documents, so the same answer), without asking."""
        if not isinstance(prints, BodyPrints):
            raise TypeError(f"DuplicateIndex.insert expected prints as BodyPrints, got {type(prints).__name__}")
        self._insert(doc_id, body, prints, prints.minhash())

    def _insert(self, doc_id, body, prints: "BodyPrints", signature: MinHash) -> None:
        position = len(self._docs)
        self._docs.append((doc_id, body, prints.bucket))
        self._by_hash.setdefault(prints.digest, []).append(position)
        self._lsh.insert(position, signature, check_duplication=False)
        if position == len(self._hashvalues):           # room for twice as many
            grown = np.zeros((max(64, 2 * position), NUM_PERM), dtype=np.uint64)
            grown[:position] = self._hashvalues
            self._hashvalues = grown
        self._hashvalues[position] = prints.hashvalues
        if prints.bucket <= _SMALL_BUCKET + 1:
            self._small.setdefault(prints.bucket, []).append(position)

    def _body(self, position: int) -> str:
        doc_id, body, bucket = self._docs[position]
        if not isinstance(body, str):
            body = body()
            self._docs[position] = (doc_id, body, bucket)
        return body

    def _first_copy(self, body, bucket: int, candidates: set[int]) -> str | None:
        near = [(self._docs[p][2], p) for p in candidates if abs(self._docs[p][2] - bucket) <= 1]
        if near and not isinstance(body, str):
            body = body()
        for _, p in sorted(near):
            if is_near_copy(body, self._body(p)):
                return self._docs[p][0]
        return None


@dataclass(frozen=True)
class PrintsTable:
    """Many documents' prints, by position (a previous build's, ``riwaya.pipeline.incremental``):
    their ids, length buckets, content hashes (rows of two uint64, :func:`digest_words`),
    MinHash values (one row each), and ``body_of(i)``: a function reading the i-th body."""

    doc_ids: list[str]
    buckets: np.ndarray
    digests: np.ndarray
    hashvalues: np.ndarray
    body_of: Callable[[int], Callable[[], str]]

    @classmethod
    def of(cls, docs: "list[tuple[str, str]]") -> "PrintsTable":
        """From (doc_id, body) pairs."""
        prints = [BodyPrints.of(body) for _, body in docs]
        bodies = [body for _, body in docs]
        return cls([d for d, _ in docs], np.array([p.bucket for p in prints], dtype=np.int64),
                   digest_words(*(p.digest for p in prints)),
                   np.stack([p.hashvalues for p in prints]) if prints
                   else np.zeros((0, NUM_PERM), np.uint64),
                   lambda i: (lambda: bodies[i]))

    def prints(self, i: int) -> BodyPrints:
        return BodyPrints(int(self.buckets[i]), self.digests[i].tobytes(), self.hashvalues[i])


def candidates(query: BodyPrints, buckets: np.ndarray, digests: np.ndarray,
               hashvalues: np.ndarray) -> np.ndarray:
    """The rule :meth:`DuplicateIndex.add` applies to choose what it compares, for many
    documents at once: which of the documents (their ``buckets``, ``digests`` as rows of two
    uint64 (:func:`digest_words`) and ``hashvalues``, one row each) it would compare ``query``
    with, were they in the index. An index-free query for a few documents (an incremental
    build's, :mod:`riwaya.pipeline.duplicate_replay`)."""
    return _pair_rule(query, buckets, digests, hashvalues, short=buckets <= _SMALL_BUCKET + 1)


def asked_by(prints: BodyPrints, buckets: np.ndarray, digests: np.ndarray,
             hashvalues: np.ndarray) -> np.ndarray:
    """The other way round: which of the documents, each asked in its turn, would compare
    itself with the one of ``prints``."""
    return _pair_rule(prints, buckets, digests, hashvalues,
                      short=prints.bucket <= _SMALL_BUCKET + 1)


def _pair_rule(prints: BodyPrints, buckets: np.ndarray, digests: np.ndarray,
               hashvalues: np.ndarray, *, short) -> np.ndarray:
    """A neighbouring length bucket, and the same content hash, or an LSH band in common with
    signatures agreeing on ``MIN_ESTIMATE`` of their values, or (``short``) the one compared
    with has a short body."""
    if not isinstance(prints, BodyPrints):
        raise TypeError(f"expected BodyPrints, got {type(prints).__name__}")
    found = np.abs(buckets.astype(np.int64) - prints.bucket) <= 1
    rows = np.flatnonzero(found)        # only these are compared (a few length buckets' worth)
    if len(rows):
        equal = hashvalues[rows] == prints.hashvalues
        band = equal.reshape(len(rows), LSH_BANDS, NUM_PERM // LSH_BANDS).all(axis=2).any(axis=1)
        agree = np.count_nonzero(equal, axis=1) / np.float64(NUM_PERM) >= MIN_ESTIMATE
        same = (digests[rows] == digest_words(prints.digest)).all(axis=1)
        short = short[rows] if isinstance(short, np.ndarray) else short
        found[rows] = same | (band & agree) | short
    return found


def digest_words(*digests: bytes) -> np.ndarray:
    """Content hashes (16 bytes each) as rows of two uint64, compared at once by
    :func:`candidates`."""
    if not digests:
        return np.zeros((0, 2), dtype=np.uint64)
    return np.frombuffer(b"".join(digests), dtype=np.uint64).reshape(len(digests), 2).copy()


class PairwiseDuplicates:
    """The reference: every earlier document of a neighbouring length bucket, pair by pair.

    Quadratic; kept as the oracle :class:`DuplicateIndex` is tested and benchmarked
    against, never used by the build.
    """

    def __init__(self) -> None:
        self._seen: dict[int, list[tuple[str, str]]] = {}

    def add(self, doc_id: str, body: "str | Callable[[], str]", *,
            prints: "BodyPrints | None" = None) -> str | None:
        """As :meth:`DuplicateIndex.add` (``prints`` are not needed here)."""
        body = body if isinstance(body, str) else body()
        bucket = length_bucket(body)
        found = None
        for b in (bucket - 1, bucket, bucket + 1):
            found = next((other_id for other_id, other in self._seen.get(b, [])
                          if is_near_copy(body, other)), None)
            if found:
                break
        self._seen.setdefault(bucket, []).append((doc_id, body))
        return found
