"""riwaya.dashboard.overlap: each sentence's closest sentence in another group, every pair
scored for a few thousand sentences, candidates from hashed shingles beyond (issue 10)."""

from __future__ import annotations

import random
import time

import numpy as np
import pytest

from riwaya.dashboard.overlap import best_matches, shingles

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
WORDS = ["".join(random.Random(i).choices(_LETTERS, k=3 + i % 6)) for i in range(3000)]


def corpus(n: int, groups: int = 6, copies: float = 0.1, seed: int = 10):
    """``n`` sentences in ``groups`` groups; a share of them copied into another group with
    one word changed. Returns (sentences, groups, {copy: original})."""
    rng = random.Random(seed)
    texts, labels, copied = [], [], {}
    for i in range(n):
        if i > 10 and rng.random() < copies:
            j = rng.randrange(i)
            words = texts[j].split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            texts.append(" ".join(words))
            labels.append(f"g{(int(labels[j][1:]) + 1) % groups}")
            copied[i] = j
        else:
            texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 22))))
            labels.append(f"g{rng.randrange(groups)}")
    return texts, np.asarray(labels), copied


def test_hashed_candidates_find_what_every_pair_finds():
    texts, labels, copied = corpus(1500)
    exact_j, exact_s = best_matches(texts, labels)                  # 2.25M pairs: exact
    hashed_j, hashed_s = best_matches(texts, labels, exact_pairs=0)
    close = exact_s >= 60
    assert close.sum() >= len(copied)  # every copy (and its original) is close to something
    assert (hashed_s[close] == exact_s[close]).all()
    assert (labels[hashed_j] != labels).all()                        # always another group
    assert ((hashed_s == 0) | close).all()                           # nothing alike: 0


def test_no_other_group_or_no_sentence():
    j, s = best_matches(["a b", "a b"], np.asarray(["x", "x"]))
    assert j.tolist() == [-1, -1] and s.tolist() == [-1.0, -1.0]
    assert best_matches([], np.asarray([]))[0].size == 0
    with pytest.raises(TypeError, match="numpy array of 2 group labels"):
        best_matches(["a", "b"], ["x", "y"])


def test_ties_go_to_the_earlier_sentence_on_both_paths():
    texts, labels = ["a b c", "a b c", "a b c", "x y z"], np.asarray(["g1", "g2", "g2", "g1"])
    for exact in (10**9, 0):
        j, s = best_matches(texts, labels, exact_pairs=exact)
        assert j[0] == 1 and s[0] == 100.0 and j[1] == 0 and j[2] == 0


@pytest.mark.parametrize("text, n", [("", 0), ("واحدة", 1), ("قال إن", 1), ("قال إن القصف", 1),
                                     ("قال إن القصف توقف", 2), ("أ ب ج أ ب ج", 3)])
def test_shingles_are_runs_of_three_words(text, n):
    assert len(shingles(text)) == n


def test_forty_thousand_sentences_are_compared_in_seconds():
    """Six outlets at 10k articles: ~40k sentences (all pairs: ~18 minutes, a 2.4 GB matrix)."""
    texts, labels, copied = corpus(40_000)
    t = time.perf_counter()
    j, s = best_matches(texts, labels)
    took = time.perf_counter() - t
    assert took < 30, f"{took:.1f} s"
    found = [i for i, o in copied.items() if s[i] >= 80]
    assert len(found) >= 0.99 * len(copied)


@pytest.mark.parametrize("texts", [
    ["اعلنت الوزاره امس ان القصف توقف", "اعلن الوزير ان القصف لم يتوقف", "bbc arabic 130 صوره"],
    ["é à ü ÿ ° ±", "ت é", "emoji 😀 قال", "", "ΑΒΓ مرحبا", "٠١٢ ٣"],    # Latin-1 letters, beyond the BMP
])
def test_packed_texts_score_as_the_texts(texts):
    """Arabic swapped with Latin-1 letters, both ways: one byte a character for rapidfuzz, the
    same ratio for every pair, and packing twice gives the texts back."""
    from rapidfuzz import fuzz

    from riwaya.dashboard.overlap import packed

    got = packed(texts)
    assert [len(t) for t in got] == [len(t) for t in texts] and packed(got) == texts
    arabic = [g for g, t in zip(got, texts) if all(ord(c) < 0xB0 or 0x620 <= ord(c) < 0x670 for c in t)]
    assert all(max(map(ord, g), default=0) < 256 for g in arabic)   # Arabic and ASCII: one byte each
    for a in range(len(texts)):
        for b in range(len(texts)):
            assert fuzz.ratio(got[a], got[b]) == fuzz.ratio(texts[a], texts[b])


@pytest.mark.parametrize("exact_pairs", [0, None], ids=["hashed", "every pair"])
@pytest.mark.parametrize("wide", [False, True], ids=["one byte", "with wide forms"])
def test_the_builds_stored_forms_match_as_the_texts(exact_pairs, wide):
    """The build stores each form as bytes (Arabic swapped into Latin-1, one byte a character;
    a wide form as text): read as a dictionary of bytes (or, with a wide one, of text), they give
    the matches and scores of the texts themselves, on both paths."""
    import pyarrow as pa

    from riwaya.dashboard.forms import _comparable
    from riwaya.pipeline.sentence_forms import form_of, stored_form

    texts, labels, _ = corpus(1500)
    if wide:   # a Persian letter and a Latin one past the swap: stored as \x00 + UTF-8
        texts[5], texts[900] = texts[5] + " پژوهش", "café " + texts[900]
    stored = pa.array([stored_form(t) for t in texts], pa.binary()).dictionary_encode()
    forms = pa.DictionaryArray.from_arrays(stored.indices, _comparable(stored.dictionary))
    assert pa.types.is_string(forms.dictionary.type) == wide
    assert [form_of(b) for b in stored.dictionary.to_pylist()] == list(dict.fromkeys(texts))
    kw = {} if exact_pairs is None else {"exact_pairs": exact_pairs}
    want_j, want_s = best_matches(texts, labels, **kw)
    got_j, got_s = best_matches(forms, labels, **kw)
    assert (got_j == want_j).all() and (got_s == want_s).all()
    assert (want_s >= 80).sum() > 100        # copies found: the comparison did something
