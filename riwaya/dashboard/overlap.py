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

from riwaya.pipeline.sentence_forms import SWAP_FROM, SWAP_SIZE, SWAP_TO

#: up to this many pairs, every pair is scored (exact)
EXACT_PAIRS = 4_000_000
#: candidates scored per sentence (those sharing most shingles)
CANDIDATES = 8
#: a shingle in more sentences than this proposes no candidates
COMMON_SHINGLE = 64
#: candidate pairs scored at a time (their texts are Python strings meanwhile)
SCORED_AT_ONCE = 100_000


def best_matches(norm, group: np.ndarray, *, exact_pairs: int = EXACT_PAIRS
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(best index, best score) of each sentence among the sentences of another group
    (index -1 and score -1 when there is none to compare with; score 0 when nothing is alike).
    ``norm``: the normalised sentences (a list of str, a pyarrow string array, or a pyarrow
    dictionary array of them as :mod:`riwaya.dashboard.forms` reads the build's); ``group``:
    each one's group label."""
    from rapidfuzz import fuzz, process

    forms = None if _is_dictionary(norm) else as_forms(norm)
    n = len(norm)
    if forms is None and n * n <= exact_pairs:
        forms = as_forms(norm)
    if not isinstance(group, np.ndarray) or len(group) != n:
        raise TypeError(f"best_matches: expected a numpy array of {n} group labels, got {group!r}")
    best = np.full(n, -1, dtype=np.int64)
    score = np.full(n, -1.0)
    if n == 0 or len(set(group.tolist())) < 2:
        return best, score
    if n * n <= exact_pairs:
        texts = forms.to_pylist()
        scores = np.asarray(process.cdist(texts, texts, scorer=fuzz.ratio, workers=1), dtype=float)
        scores[group[:, None] == group[None, :]] = -1.0  # a match must come from another group
        best = scores.argmax(axis=1)  # the first of equal scores
        return best, scores[np.arange(n), best]
    score[:] = 0.0  # another group exists: nothing alike scores 0
    import pyarrow.compute as pc

    import pandas as pd

    codes = pd.factorize(group)[0].astype(np.int64)   # each group a number (a hash table, not a sort)
    # each distinct text once (ids: first seen first; as read, or numbered here)
    encoded = norm if _is_dictionary(norm) else pc.dictionary_encode(forms)
    text_ids = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    distinct = encoded.dictionary
    first = _first_copies(text_ids, codes)
    rep = first == np.arange(n)        # the first sentence of each text in its group
    same = _identical_elsewhere(text_ids, codes, rep)
    best[same >= 0], score[same >= 0] = same[same >= 0], 100.0
    # only a group's first copy of a text is indexed (a later copy never wins a tie) and
    # asks for candidates (its copies take its answer)
    i, j = _candidate_pairs(distinct, text_ids, codes, indexed=rep, asking=rep & (same < 0))
    if len(i):
        s = _pair_scores(distinct, text_ids[i], text_ids[j])
        # per sentence the best score, the earlier sentence of equal ones
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


def _is_dictionary(norm) -> bool:
    import pyarrow as pa

    return isinstance(norm, pa.DictionaryArray) and _is_forms_type(norm.dictionary.type)


def _is_forms_type(kind) -> bool:
    """Strings, or the build's stored forms (bytes, one a character: compared as they are)."""
    import pyarrow as pa

    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind)


def as_forms(norm):
    """``norm`` (a list of str, or a pyarrow string array, or of the build's stored forms:
    binary) as one pyarrow array."""
    import pyarrow as pa

    if isinstance(norm, pa.ChunkedArray):
        norm = norm.combine_chunks()
    if isinstance(norm, pa.DictionaryArray):
        norm = norm.dictionary_decode()
    if isinstance(norm, pa.Array):
        if not _is_forms_type(norm.type):
            raise TypeError(f"best_matches: expected strings, got an Arrow array of {norm.type}")
        return norm.fill_null(pa.scalar(b"" if pa.types.is_binary(norm.type) else "", norm.type)) \
            if norm.null_count else norm
    if isinstance(norm, (list, tuple)) and all(isinstance(t, str) for t in norm):
        return pa.array(norm, pa.string())
    raise TypeError(f"best_matches: expected a list of str or a pyarrow string array, "
                    f"got {type(norm).__name__}")


def _pair_scores(distinct, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """rapidfuzz ratio of the texts ``distinct[a[k]]`` and ``distinct[b[k]]`` (float32, as
    cdist gives it), each pair of texts scored once (``cpdist``), :data:`SCORED_AT_ONCE` pairs
    at a time: only their texts are Python strings meanwhile."""
    import pyarrow as pa
    from rapidfuzz import fuzz, process

    size = np.int64(len(distinct))
    pairs, back = np.unique(a * size + b, return_inverse=True)
    scores = np.empty(len(pairs))
    for start in range(0, len(pairs), SCORED_AT_ONCE):
        part = pairs[start:start + SCORED_AT_ONCE]
        used, where = np.unique(np.r_[part // size, part % size], return_inverse=True)
        texts = distinct.take(pa.array(used)).to_pylist()
        texts = texts if pa.types.is_binary(distinct.type) else packed(texts)  # stored forms: packed
        left, right = where[:len(part)].tolist(), where[len(part):].tolist()
        scores[start:start + len(part)] = process.cpdist(
            [texts[x] for x in left], [texts[x] for x in right], scorer=fuzz.ratio, workers=-1)   # every core
    return scores[back.ravel()]


#: :func:`packed` swaps the Arabic letters and marks (U+0620-U+066F, the normalised forms' letters
#: and digits) with the 80 code points U+00B0-U+00FF, each with one, both ways: as the build
#: stores the forms (:func:`riwaya.pipeline.sentence_forms.stored_form`)
_SWAP_FROM, _SWAP_TO, _SWAP_SIZE = SWAP_FROM, SWAP_TO, SWAP_SIZE
_SWAP_SHIFT = np.zeros(_SWAP_FROM + _SWAP_SIZE + 1, dtype=np.int32)   # what each code point moves by
_SWAP_SHIFT[_SWAP_FROM:_SWAP_FROM + _SWAP_SIZE] = _SWAP_TO - _SWAP_FROM
_SWAP_SHIFT[_SWAP_TO:_SWAP_TO + _SWAP_SIZE] = _SWAP_FROM - _SWAP_TO


def packed(texts: list[str]) -> list[str]:
    """``texts`` with the Arabic letters swapped with Latin-1 ones (:data:`_SWAP_FROM`), both
    ways: a one-to-one change of characters, so rapidfuzz's ratio of any two is the same, but
    an Arabic sentence becomes a string of one byte a character, which rapidfuzz compares three
    times faster (a table look-up instead of a hash per character). All texts at once, by numpy."""
    if not texts:
        return []
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.int32)
    codes = codes + _SWAP_SHIFT[np.minimum(codes, len(_SWAP_SHIFT) - 1)]
    whole = codes.astype(np.uint8).tobytes().decode("latin-1") if not len(codes) or codes.max() < 256 \
        else codes.tobytes().decode("utf-32-le")
    ends = np.cumsum([len(t) for t in texts]).tolist()
    return [whole[a:b] for a, b in zip([0, *ends[:-1]], ends)]


def shingle_keys(texts) -> tuple[np.ndarray, np.ndarray]:
    """(text, key) of each run of three words (a shingle) of each of ``texts`` (a pyarrow
    string array of normalised sentences, words one space apart), by text (a run repeated in a
    text is there as often): the key of a run is its three words' ids packed in one integer (two
    texts share a key when they share the run); a text of one or two words is one key of its
    own, an empty text none. The words are split and numbered by Arrow, all texts at once (a
    Python set per text was most of the time of six outlets at 100,000 articles)."""
    import pyarrow.compute as pc

    texts = as_forms(texts)
    nothing = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not len(texts):
        return nothing
    words = pc.split_pattern(texts, " ")
    lengths = pc.list_value_length(words).to_numpy(zero_copy_only=False).astype(np.int64)
    lengths[(pc.binary_length(texts).to_numpy(zero_copy_only=False) == 0)] = 0    # "" splits into [""]
    flat = pc.list_flatten(words)
    if len(flat) != int(lengths.sum()):     # the empty texts' [""] left out
        keep = np.repeat(lengths > 0, pc.list_value_length(words).to_numpy(zero_copy_only=False))
        flat = flat.filter(keep)
    word = pc.dictionary_encode(flat).indices.to_numpy(zero_copy_only=False).astype(np.int64)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    starts = np.ones(len(word), dtype=bool)     # a run of three starts here: not at a text's
    ends = np.cumsum(lengths)                   # last two words
    for back in (1, 2):
        starts[(ends - back)[lengths >= back]] = False
    at = np.flatnonzero(starts)
    vocabulary = int(word.max()) + 1 if len(word) else 1
    if vocabulary ** 3 < 2 ** 62:
        key = (word[at] * vocabulary + word[at + 1]) * vocabulary + word[at + 2]
    else:   # too many words to pack three: number the pairs first
        pair = np.unique(word[at] * vocabulary + word[at + 1], return_inverse=True)[1].ravel()
        key = pair * vocabulary + word[at + 2]
    short = np.flatnonzero((lengths > 0) & (lengths < 3))
    # a short text is its own key (below every run's), after the runs
    return np.r_[owner[at], short], np.r_[key, -1 - short]


def shingles(text: str) -> set[int]:
    """The shingle keys of one normalised sentence (:func:`shingle_keys`): its runs of three
    words (the whole sentence when it is shorter)."""
    return set(shingle_keys([text])[1].tolist()) if text else set()


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


def _candidate_pairs(distinct, text_ids: np.ndarray, codes: np.ndarray, *, indexed: np.ndarray,
                     asking: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sentences i, sentences j): for each sentence ``asking``, the sentences of other groups
    most worth scoring among those ``indexed``, at most :data:`CANDIDATES` each, sorted by i.
    ``distinct``: the distinct texts; ``text_ids``: each sentence's text among them; ``codes``:
    each sentence's group."""
    import pandas as pd
    from scipy import sparse

    n = len(text_ids)
    nothing = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    owner, key = shingle_keys(distinct)              # each distinct text hashed once
    if not len(key):
        return nothing
    column, keys = pd.factorize(key)                 # numbered by a hash table, not sorted
    by_text = sparse.csr_matrix((np.ones(len(key), dtype=np.int32), (owner, column)),
                                shape=(len(distinct), len(keys)))   # repeats summed ...
    by_text.data[:] = 1                                              # ... and counted once
    # a row per sentence: the shingles of the indexed ones (empty rows for the others)
    rows = np.flatnonzero(indexed)
    mine = by_text[text_ids[rows]]
    counts = np.zeros(n, dtype=np.int64)
    counts[rows] = np.diff(mine.indptr)
    # how many useful shingles (shared by 2..COMMON_SHINGLE indexed sentences) each asking
    # sentence shares with each indexed one: a sparse product, sentences x shingles x sentences
    sizes = np.bincount(mine.indices, minlength=len(keys))
    useful = ((sizes >= 2) & (sizes <= COMMON_SHINGLE))[mine.indices].astype(np.int32)
    indptr = np.r_[0, np.cumsum(counts)]
    members = sparse.csr_matrix((useful, mine.indices, indptr), shape=(n, len(keys)))
    row_of = np.repeat(np.arange(n), counts)
    askers = sparse.csr_matrix((useful * asking[row_of], mine.indices.copy(), indptr.copy()),
                               shape=(n, len(keys)))   # its own arrays: eliminate_zeros compacts them
    members.eliminate_zeros()
    askers.eliminate_zeros()
    shared_counts = (askers @ members.T).tocoo()
    i, j, shared = (shared_counts.row.astype(np.int64), shared_counts.col.astype(np.int64),
                    shared_counts.data)
    keep = codes[i] != codes[j]
    if not keep.any():
        return nothing
    i, j, shared = i[keep], j[keep], shared[keep]
    # per sentence, the candidates sharing most shingles first (then the earlier one): one
    # integer key sorted (three sorts were a third of the search at 100,000 articles)
    most = int(shared.max()) + 1
    order = np.argsort((i * most + (most - 1 - shared)) * n + j)
    i, j = i[order], j[order]
    rank = np.arange(len(i)) - np.searchsorted(i, i)   # place among the sentence's candidates
    keep = rank < CANDIDATES
    return i[keep], j[keep]
