"""Claims defined by example sentences (riwaya/pipeline/statements/examples.py)."""

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from riwaya.codebook import load_codebook
from riwaya.codebook.cues import compile_claims
from riwaya.codebook.model import Claim
from riwaya.pipeline.build import build_corpus
from riwaya.pipeline.statements.examples import (CONFIRM, MARGIN, MAX_CONFIDENCE, SURE, THRESHOLD,
                                                 EmbeddingCache, ExampleMatcher, confidence_of,
                                                 needs_met, text_key)
from riwaya.pipeline.store import load_corpus

CODEBOOK = Path(__file__).resolve().parent.parent / "data" / "codebook"


def _write(folder: Path, name: str, records: list[dict]) -> None:
    (folder / name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                               encoding="utf-8")


def test_a_claim_defined_only_by_two_examples_finds_a_paraphrase(tmp_path):
    """No cue pattern at all: two example sentences, and the article says it in other words."""
    cb = tmp_path / "codebook"
    cb.mkdir()
    shutil.copy(CODEBOOK / "lexicon.jsonl", cb / "lexicon.jsonl")   # the language, unchanged
    _write(cb, "actors.jsonl", [
        {"id": "WATER_MIN", "name_en": "Ministry of Water Resources", "kind": "ministry",
         "aliases": ["وزارة الموارد المائية"]},
        {"id": "GOVERNOR", "name_en": "The governor", "kind": "person", "aliases": ["المحافظ"]}])
    _write(cb, "claims.jsonl", [
        {"id": "DAM_COLLAPSED", "statement_en": "The dam collapsed and flooded the villages.",
         "examples": ["The dam on the river collapsed and the water flooded the villages downstream.",
                      "انهار السد على النهر وغمرت المياه القرى الواقعة أسفله"]}])
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "flood.txt").write_text(
        "وقالت وزارة الموارد المائية إن المياه غمرت القرى بعد انهيار السد.\n"
        "وأكد المحافظ أن الأمطار ستتوقف غدا في معظم المناطق.\n", encoding="utf-8")
    build_corpus(raw, cb, tmp_path / "out")
    st = load_corpus(tmp_path / "out").statements
    got = set(zip(st.actor_id, st.claim_id, st.stance, st.method))
    assert got == {("WATER_MIN", "DAM_COLLAPSED", "asserts", "example")}
    (conf,) = st.confidence
    assert 0 < conf < 1
    assert (tmp_path / "out" / "embeddings.npz").exists()   # the cache beside the corpus


def test_a_claim_needs_cues_or_examples():
    with pytest.raises(ValueError, match="cues or examples"):
        Claim(id="C", statement_en="Something happened.")


class CountingEncoder:
    """A stand-in encoder: a fixed vector per text, and a count of what it was asked."""

    def __init__(self, table: dict[str, list[float]]):
        self.table, self.calls = table, []

    def encode(self, texts):
        self.calls.append(list(texts))
        rows = np.zeros((len(texts), 512), dtype=np.float32)
        for i, t in enumerate(texts):
            v = np.asarray(self.table.get(t, [0, 0, 0, 1]), dtype=np.float32)
            rows[i, :len(v)] = v / np.linalg.norm(v)
        return rows


def test_cache_encodes_each_text_once_and_survives_on_disk(tmp_path):
    enc = CountingEncoder({"a": [1, 0], "b": [0, 1]})
    cache = EmbeddingCache(tmp_path / "e.npz", encoder=enc)
    first = cache.embed(["a", "b", "a", ""])
    again = cache.embed(["b", "a"])
    assert enc.calls == [["a", "b"]]                      # once per distinct text
    assert np.allclose(first[3], 0)                       # an empty text is a zero row
    assert np.allclose(again[0], first[1])
    cache.save()
    reloaded = EmbeddingCache(tmp_path / "e.npz", encoder=CountingEncoder({}))
    assert text_key("a") in reloaded.lru                  # keyed by the plain text
    assert np.allclose(reloaded.embed(["a"])[0], first[0], atol=1e-3)
    assert reloaded.encoder.calls == []                   # nothing re-encoded after a rebuild


def test_a_damaged_cache_file_is_ignored(tmp_path):
    bad = tmp_path / "e.npz"
    bad.write_bytes(b"not a numpy file")
    cache = EmbeddingCache(bad, encoder=CountingEncoder({"x": [1, 0]}))
    assert cache.embed(["x"]).shape == (1, 512)


def _matcher(needs: list[str] | None = None) -> tuple[ExampleMatcher, CountingEncoder]:
    claims = compile_claims([
        Claim(id="A", statement_en="a", examples=["example a"], needs=needs or []),
        Claim(id="B", statement_en="b", examples=["example b"])])
    enc = CountingEncoder({"example a": [1, 0, 0], "example b": [0, 1, 0]})
    return ExampleMatcher.build(claims, EmbeddingCache(encoder=enc)), enc


def test_the_similarity_ranks_and_the_structure_decides():
    matcher, _ = _matcher(needs=["@PLACE"])
    close = np.array([0.9, 0.2], dtype=np.float32)
    hit = matcher.decide(close, {"PLACE"}, set())
    assert hit.claim_id == "A" and not hit.context_only
    assert matcher.decide(close, set(), set()) is None               # the claim's needs
    in_context = matcher.decide(close, set(), {"PLACE"})             # named one sentence before
    assert in_context.context_only and in_context.confidence < hit.confidence
    assert matcher.decide(np.array([THRESHOLD - 0.01, 0.0]), {"PLACE"}, set()) is None
    rivals = np.array([0.7, 0.7 - MARGIN / 2], dtype=np.float32)
    assert matcher.decide(rivals, {"PLACE"}, set()) is None     # two rivals carried: no lead
    # the structure picks among the encoder's rivals: only the second carries its words
    assert matcher.decide(rivals, {"PLACE"}, set(), lambda c: c == "B").claim_id == "B"
    assert matcher.decide(rivals, set(), set()).claim_id == "B"  # A's needs are not met
    below_sure = np.array([(THRESHOLD + SURE) / 2, 0.0], dtype=np.float32)
    assert matcher.decide(below_sure, {"PLACE"}, set(), lambda c: False) is None  # no shared word
    # nor at the encoder's surest: "تسعى إلى استعادة السيطرة على البوكمال" scores 0.82
    assert matcher.decide(np.array([SURE, 0.0]), {"PLACE"}, set(), lambda c: False) is None
    assert matcher.decide(np.array([SURE, 0.0]), {"PLACE"}, set()).confidence == MAX_CONFIDENCE
    assert matcher.confirms(np.array([CONFIRM, 0.1]), "A")
    assert not matcher.confirms(np.array([CONFIRM, CONFIRM + 2 * MARGIN]), "A")


def test_only_contents_of_a_few_words_are_encoded():
    matcher, enc = _matcher()
    rows = matcher.similarities(["أن", "إن السد انهار بالكامل أمس"])
    assert rows[0].max() == -1.0                        # too short to say anything
    assert enc.calls[-1] == ["إن السد انهار بالكامل أمس"]


def test_needs_alternatives():
    claim = compile_claims([Claim(id="C", statement_en="c", cues=[
        {"all": ["قصف", "@X|@Y"]}, {"all": ["ضرب", "@Z"], "near": ["@W"]}])])[0]
    assert needs_met(claim.needs, {"Y"}) and needs_met(claim.needs, {"Z", "W"})
    assert not needs_met(claim.needs, {"Z"})
    assert needs_met((), set())


def test_confidence_grows_with_similarity_and_stays_below_rules():
    low, high = confidence_of(THRESHOLD, False), confidence_of(0.99, False)
    assert 0 < low < high < 0.9


def test_no_examples_no_model():
    codebook = load_codebook(CODEBOOK)
    from riwaya.pipeline.statements import StatementExtractor

    assert StatementExtractor.build(codebook, examples=False).examples is None
    assert all(c.examples for c in codebook.claims)      # every claim of the event has examples


def test_an_example_match_of_a_claim_with_cue_patterns_needs_its_anchor_word(tmp_path):
    """Between THRESHOLD and SURE the encoder only ranks: a claim with cue patterns is taken
    from its examples only where the content holds the anchor word of one of its patterns and
    a word of each of that pattern's word groups (here the rule itself fails: its near word is
    too far from the anchor); a word of the examples (السد) is not enough, and neither is the
    anchor without the pattern's other words (the dam's collapse is not the bridge's)."""
    from riwaya.pipeline.mentions import EntityIndex, find_mentions
    from riwaya.pipeline.statements import StatementExtractor
    from riwaya.text.matcher import NormText
    from riwaya.text.segment import split_sentences

    cb = tmp_path / "codebook"
    cb.mkdir()
    shutil.copy(CODEBOOK / "lexicon.jsonl", cb / "lexicon.jsonl")
    _write(cb, "actors.jsonl", [{"id": "WATER_MIN", "name_en": "Ministry of Water", "kind": "ministry",
                                 "aliases": ["وزارة الموارد المائية"]}])
    _write(cb, "claims.jsonl", [
        {"id": "DAM", "statement_en": "The dam collapsed.", "examples": ["انهار السد"],
         "cues": [{"all": ["انهار*"], "near": ["السد|سد"], "window": 1}]},
        {"id": "OTHER", "statement_en": "Something else.", "examples": ["شيء آخر تماما"]}])
    mid = (THRESHOLD + SURE) / 2
    close = [mid, (1 - mid ** 2) ** 0.5, 0]               # cosine ``mid`` with the example
    enc = CountingEncoder({"انهار السد": [1, 0, 0], "شيء آخر تماما": [0, 0, 1],
                           "إن السد في أعلى الوادي انهار بالكامل صباح أمس": close,
                           "إن الجسر في أعلى الوادي انهار بالكامل صباح أمس": close,
                           "إن السد ما زال قائما كما كان صباح أمس": close})
    codebook = load_codebook(cb)
    extractor = StatementExtractor.build(codebook, cache=EmbeddingCache(encoder=enc))
    index = EntityIndex.build(codebook)

    def found(text):
        nt = NormText.of(text)
        return {(s.actor_id, s.claim_id, s.method) for s in
                extractor.extract("t", nt, split_sentences(text), find_mentions(nt, index))}

    assert found("وقالت وزارة الموارد المائية إن السد في أعلى الوادي انهار بالكامل صباح أمس.") \
        == {("WATER_MIN", "DAM", "example")}
    # the anchor without the pattern's near word: another thing collapsed
    assert found("وقالت وزارة الموارد المائية إن الجسر في أعلى الوادي انهار بالكامل صباح أمس.") \
        == set()
    assert found("وقالت وزارة الموارد المائية إن السد ما زال قائما كما كان صباح أمس.") == set()
