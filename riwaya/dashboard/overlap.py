"""Each sentence's closest sentence in another group, without comparing every pair.

Compare sources asks, for every sentence of the chosen outlets, which sentence of another
outlet is most like it (rapidfuzz ``ratio`` of the normalised texts). Comparing all pairs is
exact but quadratic (18 minutes and a 2.4 GB matrix for six outlets at 10k articles), so past
:data:`EXACT_PAIRS` pairs the candidates come from hashing instead:

- sentences with the same normalised text are paired at once (the earliest copy in another
  group, score 100), and only a group's first copy of a text goes on (its copies take its
  answer: a later copy never wins a tie);
- every sentence's runs of three words (shingles) are hashed (each distinct text once); two
  sentences of different groups sharing shingles are candidates (how many they share: one
  sparse product, sentences x shingles x sentences), the :data:`CANDIDATES` sharing most are
  scored with rapidfuzz, all at once (``cpdist``). A shingle found in more than
  :data:`COMMON_SHINGLE` sentences (a stock phrase) proposes nobody: it says nothing about
  copying.

A sentence with no candidate scores 0 (no sentence elsewhere shares three words in a row
with it). Ties go to the earlier sentence, as with the full matrix.
"""

from __future__ import annotations

import numpy as np

#: up to this many pairs, every pair is scored (exact)
EXACT_PAIRS = 4_000_000
#: candidates scored per sentence (those sharing most shingles)
CANDIDATES = 8
#: a shingle in more sentences than this proposes no candidates
COMMON_SHINGLE = 64


def best_matches(norm: list[str], group: np.ndarray, *, exact_pairs: int = EXACT_PAIRS
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(best index, best score) of each sentence among the sentences of another group
    (index -1 and score -1 when there is none to compare with; score 0 when nothing is alike).
    ``norm``: the normalised sentences; ``group``: each one's group label."""
    from rapidfuzz import fuzz, process

    n = len(norm)
    if not isinstance(group, np.ndarray) or len(group) != n:
        raise TypeError(f"best_matches: expected a numpy array of {n} group labels, got {group!r}")
    best = np.full(n, -1, dtype=np.int64)
    score = np.full(n, -1.0)
    if n == 0 or len(set(group.tolist())) < 2:
        return best, score
    if n * n <= exact_pairs:
        scores = np.asarray(process.cdist(norm, norm, scorer=fuzz.ratio, workers=1), dtype=float)
        scores[group[:, None] == group[None, :]] = -1.0  # a match must come from another group
        best = scores.argmax(axis=1)  # the first of equal scores
        return best, scores[np.arange(n), best]
    score[:] = 0.0  # another group exists: nothing alike scores 0
    import pandas as pd

    codes = np.unique(group, return_inverse=True)[1].ravel()
    text_ids = pd.factorize(pd.Series(norm, dtype=object))[0].astype(np.int64)
    first = _first_copies(text_ids, codes)
    rep = first == np.arange(n)        # the first sentence of each text in its group
    same = _identical_elsewhere(text_ids, codes, rep)
    best[same >= 0], score[same >= 0] = same[same >= 0], 100.0
    # only a group's first copy of a text is indexed (a later copy never wins a tie) and
    # asks for candidates (its copies take its answer)
    i, j = _candidate_pairs(norm, group, indexed=rep, asking=rep & (same < 0))
    if len(i):
        # every candidate pair scored at once (float32, as cdist gives it); per sentence the
        # best score, the earlier sentence of equal ones
        s = process.cpdist([norm[x] for x in i.tolist()], [norm[x] for x in j.tolist()],
                           scorer=fuzz.ratio, workers=1).astype(float)
        order = np.lexsort((j, -s, i))
        top = order[np.r_[True, i[order][1:] != i[order][:-1]]]
        best[i[top]], score[i[top]] = j[top], s[top]
    copies = ~rep & (same < 0)
    best[copies], score[copies] = best[first[copies]], score[first[copies]]
    # with nothing alike, the first sentence of another group stands as the best, scoring 0
    # (sentence 0, or for sentence 0's group the first sentence of another group)
    lonely = best < 0
    first_other = int(np.argmax(group != group[0]))
    best[lonely] = np.where(group[lonely] == group[0], first_other, 0)
    return best, score


def shingles(text: str) -> set[int]:
    """Hashes of a normalised sentence's runs of three words (the whole sentence when it is
    shorter)."""
    words = text.split()
    if len(words) < 3:
        return {hash(text)} if text else set()
    return {hash(run) for run in zip(words, words[1:], words[2:])}


def _first_copies(text_ids: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Each sentence's first copy (the same normalised text, ``text_ids``) in its own group
    (itself if first)."""
    key = text_ids * (int(codes.max()) + 1) + codes
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return first[inverse.ravel()]


def _identical_elsewhere(text_ids: np.ndarray, codes: np.ndarray, rep: np.ndarray) -> np.ndarray:
    """Each sentence's earliest identical sentence (the same normalised text) in another
    group, -1 when there is none: its best match at once (score 100), unhashed."""
    _, top_i = np.unique(text_ids, return_index=True)     # each text's earliest copy
    top_code = codes[top_i]
    firsts = np.flatnonzero(rep)
    other = firsts[codes[firsts] != top_code[text_ids[firsts]]]
    second = np.full(len(top_i), -1, dtype=np.int64)       # its earliest copy in another group
    texts, at = np.unique(text_ids[other], return_index=True)
    second[texts] = other[at]
    return np.where(top_code[text_ids] != codes, top_i[text_ids], second[text_ids]).astype(np.int64)


def _candidate_pairs(norm: list[str], group: np.ndarray, *, indexed: np.ndarray | None = None,
                     asking: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(sentences i, sentences j): for each sentence ``asking`` (default every one), the
    sentences of other groups most worth scoring among those ``indexed`` (default every one),
    at most :data:`CANDIDATES` each, sorted by i."""
    codes = np.unique(group, return_inverse=True)[1]
    asking = np.ones(len(norm), dtype=bool) if asking is None else asking
    indexed_ids = [i for i in range(len(norm)) if indexed is None or indexed[i]]
    sets = {t: np.fromiter(shingles(t), dtype=np.int64)
            for t in dict.fromkeys(norm[i] for i in indexed_ids)}
    hashed = [sets[norm[i]] for i in indexed_ids]        # each distinct text hashed once
    nothing = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not sum(len(hs) for hs in hashed):
        return nothing
    key_a = np.concatenate(hashed)
    owner_a = np.repeat(np.asarray(indexed_ids, dtype=np.int64), [len(hs) for hs in hashed])
    order = np.argsort(key_a, kind="stable")
    key_a, owner_a = key_a[order], owner_a[order]
    starts = np.flatnonzero(np.r_[True, key_a[1:] != key_a[:-1]])
    sizes = np.diff(np.r_[starts, len(key_a)])
    # how many useful shingles (shared by 2..COMMON_SHINGLE sentences) each asking sentence
    # shares with each indexed one: a sparse product, sentences x shingles x sentences
    group_of = np.repeat(np.arange(len(starts)), sizes)
    useful = ((sizes >= 2) & (sizes <= COMMON_SHINGLE))[group_of]
    n = len(norm)
    members = _incidence(owner_a[useful], group_of[useful], n, len(starts))
    askers = _incidence(owner_a[useful & asking[owner_a]], group_of[useful & asking[owner_a]], n,
                        len(starts))
    shared_counts = (askers @ members.T).tocoo()
    i, j, shared = (shared_counts.row.astype(np.int64), shared_counts.col.astype(np.int64),
                    shared_counts.data)
    keep = codes[i] != codes[j]
    if not keep.any():
        return nothing
    i, j, shared = i[keep], j[keep], shared[keep]
    # per sentence, the candidates sharing most shingles first (then the earlier one)
    order = np.lexsort((j, -shared, i))
    i, j = i[order], j[order]
    rank = np.arange(len(i)) - np.searchsorted(i, i)   # place among the sentence's candidates
    keep = rank < CANDIDATES
    return i[keep], j[keep]


def _incidence(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int):
    """A sparse 0/1 matrix (CSR, int32) with ones at (rows, cols)."""
    from scipy import sparse

    ones = np.ones(len(rows), dtype=np.int32)
    return sparse.csr_matrix((ones, (rows, cols)), shape=(n_rows, n_cols))
