"""Common Arabic words that GeoNames lists as towns, and real place mentions, in sentences
written for this test (``tests/data/place_words.jsonl``: text, the places it names as
``[surface, English name or codebook id]``, and why). The class of error the place evidence
(riwaya/pipeline/place_evidence.py) must avoid, beyond the pages it was tuned on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from riwaya.pipeline.mentions import EntityIndex, find_mentions
from riwaya.text.matcher import NormText

DATA = Path(__file__).resolve().parent / "data" / "place_words.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def places(sample_codebook, sample_gazetteer):
    index = EntityIndex.build(sample_codebook, sample_gazetteer)

    def find(text: str) -> list[list[str]]:
        out = []
        for m in find_mentions(NormText.of(text), index):
            if m.kind == "place":
                entry = sample_gazetteer.get(m.entity_id) if ":" in m.entity_id else None
                out.append([m.surface, entry.name_en if entry else m.entity_id])
        return out
    return find


def test_the_data_has_both_kinds():
    assert sum(not c["places"] for c in CASES) >= 15 and sum(bool(c["places"]) for c in CASES) >= 8


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:40] for c in CASES])
def test_place_words(case, places):
    assert places(case["text"]) == case["places"], case["why"]
