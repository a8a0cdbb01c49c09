"""Each sentence's closest sentence in another group, without comparing every pair.

Compare sources asks, for every sentence of the chosen outlets, which sentence of another
outlet is most like it (rapidfuzz ``ratio`` of the normalised texts). Comparing all pairs is
exact but quadratic (18 minutes and a 2.4 GB matrix for six outlets at 10k articles), so past
:data:`EXACT_PAIRS` pairs the candidates come from hashing instead:

- sentences with the same normalised text are paired at once (the earliest copy in another
  group, score 100), and only a group's first copy of a text goes on (its copies take its
  answer: a later copy never wins a tie);
- every sentence's runs of three words (shingles) are hashed into an index; two sentences of different
  groups sharing shingles are candidates, the :data:`CANDIDATES` sharing most are scored with
  rapidfuzz. A shingle found in more than :data:`COMMON_SHINGLE` sentences (a stock phrase)
  proposes nobody: it says nothing about copying.

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
    codes = np.unique(group, return_inverse=True)[1]
    first = _first_copies(norm, codes)
    rep = first == np.arange(n)        # the first sentence of each text in its group
    same = _identical_elsewhere(norm, codes, rep)
    best[same >= 0], score[same >= 0] = same[same >= 0], 100.0
    # only a group's first copy of a text is indexed (a later copy never wins a tie) and
    # asks for candidates (its copies take its answer)
    pairs = _candidate_pairs(norm, group, indexed=rep, asking=rep & (same < 0))
    for i, js in pairs.items():
        top_j, top_s = -1, -1.0
        for j in sorted(js):
            s = float(np.float32(fuzz.ratio(norm[i], norm[j])))  # as cdist gives it
            if s > top_s:
                top_j, top_s = j, s
        best[i], score[i] = top_j, top_s
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


def _first_copies(norm: list[str], codes: np.ndarray) -> np.ndarray:
    """Each sentence's first copy (the same normalised text) in its own group (itself if first)."""
    import pandas as pd

    frame = pd.DataFrame({"text": norm, "code": codes, "i": np.arange(len(norm))})
    return frame.groupby(["text", "code"], sort=False)["i"].transform("min").to_numpy()


def _identical_elsewhere(norm: list[str], codes: np.ndarray, rep: np.ndarray) -> np.ndarray:
    """Each sentence's earliest identical sentence (the same normalised text) in another
    group, -1 when there is none: its best match at once (score 100), unhashed."""
    import pandas as pd

    firsts = pd.DataFrame({"text": norm, "code": codes, "i": np.arange(len(norm))})[rep]
    head = firsts.drop_duplicates("text")                     # each text's earliest copy
    top_code = dict(zip(head["text"], head["code"]))
    top_i = dict(zip(head["text"], head["i"]))
    other = firsts[firsts["code"].to_numpy() != firsts["text"].map(top_code).to_numpy()]
    second = dict(zip(*other.drop_duplicates("text")[["text", "i"]].T.values))   # earliest of another group
    return np.asarray([top_i[t] if top_code[t] != c else second.get(t, -1)
                       for t, c in zip(norm, codes.tolist())], dtype=np.int64)


def _candidate_pairs(norm: list[str], group: np.ndarray, *, indexed: np.ndarray | None = None,
                     asking: np.ndarray | None = None) -> dict[int, list[int]]:
    """{sentence: the sentences of other groups most worth scoring}, for the sentences
    ``asking`` (default every one) among the sentences ``indexed`` (default every one)."""
    codes = np.unique(group, return_inverse=True)[1]
    asking = np.ones(len(norm), dtype=bool) if asking is None else asking
    owner, keys = [], []
    for i, text in enumerate(norm):
        if indexed is not None and not indexed[i]:
            continue
        for h in shingles(text):
            owner.append(i)
            keys.append(h)
    if not owner:
        return {}
    owner_a = np.asarray(owner, dtype=np.int64)
    key_a = np.asarray(keys, dtype=np.int64)
    order = np.argsort(key_a, kind="stable")
    key_a, owner_a = key_a[order], owner_a[order]
    starts = np.flatnonzero(np.r_[True, key_a[1:] != key_a[:-1]])
    sizes = np.diff(np.r_[starts, len(key_a)])
    left, right = [], []
    for s, size in zip(starts.tolist(), sizes.tolist()):
        if size < 2 or size > COMMON_SHINGLE:
            continue
        members = owner_a[s:s + size]
        askers = members[asking[members]]       # only the sentences asking get pairs
        if not len(askers):
            continue
        a, b = np.repeat(askers, size), np.tile(members, len(askers))
        keep = codes[a] != codes[b]
        left.append(a[keep])
        right.append(b[keep])
    if not left:
        return {}
    n = len(norm)
    pair = np.concatenate(left) * n + np.concatenate(right)
    pair, shared = np.unique(pair, return_counts=True)
    i, j = pair // n, pair % n
    # per sentence, the candidates sharing most shingles first (then the earlier one)
    order = np.lexsort((j, -shared, i))
    i, j = i[order], j[order]
    rank = np.arange(len(i)) - np.searchsorted(i, i)   # place among the sentence's candidates
    keep = rank < CANDIDATES
    out: dict[int, list[int]] = {}
    for a, b in zip(i[keep].tolist(), j[keep].tolist()):
        out.setdefault(a, []).append(b)
    return out
