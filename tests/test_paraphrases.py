"""Statements on sentences written to vary what the codebook was tuned on.

``tests/data/paraphrases.jsonl`` (see ``tests/paraphrase_score.py``): paraphrases of every claim
(other speakers, verbs, word orders, passives, quotes, the place named one sentence before) and
near-misses that must give no statement (questions, teasers, the claim's words without a
speaker, the speaker on something else). Each ``tune`` item is a case; the ``check`` items are
only scored together, so that what was tuned on them stays apart from what judges it.
"""

from pathlib import Path

import pytest

from riwaya.codebook import load_codebook
from riwaya.pipeline.mentions import EntityIndex
from riwaya.pipeline.statements import StatementExtractor

from paraphrase_score import judge, load_items, predicted, run, score

ITEMS = load_items()
CODEBOOK = load_codebook(Path(__file__).resolve().parent.parent / "data" / "codebook")
#: floors under today's scores (tune P 0.993 R 1.000; check P 0.844 R 0.818)
FLOORS = {"tune": (0.97, 0.95), "check": (0.80, 0.78)}


@pytest.fixture(scope="module")
def extractor():
    return StatementExtractor.build(CODEBOOK), EntityIndex.build(CODEBOOK)


def _case(item):
    marks = [pytest.mark.xfail(reason=item["xfail"], strict=True)] if item.get("xfail") else []
    return pytest.param(item, id=item["id"], marks=marks)


@pytest.mark.parametrize("item", [_case(i) for i in ITEMS if i["split"] == "tune"])
def test_paraphrase(item, extractor):
    res = judge(item, predicted(*extractor, item["text"]))
    assert res.ok, f"missed {res.missed}, wrong {res.wrong}"


@pytest.mark.parametrize("split", ["tune", "check"])
def test_paraphrase_score(split, extractor):
    results = run([i for i in ITEMS if i["split"] == split], *extractor)
    s = score(results)
    print(s.line(split))
    p_floor, r_floor = FLOORS[split]
    assert s.precision >= p_floor and s.recall >= r_floor and s.stance >= 0.9, s.line(split)
    assert s.near_miss_clean >= s.near_misses - 3, s.line(split)


DEV2 = Path(__file__).resolve().parent / "data" / "paraphrases_dev2.jsonl"
#: floors under the development set written apart from the rules (dev2 P 0.898 R 0.677 at
#: 90 items, then P 0.965 R 0.846); it may be read per item, and is tuned on by classes of
#: wording, never sentences
DEV2_FLOORS = (0.9, 0.8)
#: a third set (60 items, a third near-misses) written by the rules' author before looking at
#: any result, split by a fixed rule (even items tune, odd items check); only its tune half is
#: a test (P 0.867 R 0.650 when written, then P 1.000 R 0.950): the check half is scored in
#: aggregate by ``paraphrase_score.py --file … --split dev3-check``
DEV3 = Path(__file__).resolve().parent / "data" / "paraphrases_dev3.jsonl"
DEV3_FLOORS = (0.95, 0.85)
#: a fourth set (66 multi-sentence news paragraphs as agencies write them, half near-misses)
#: written before any result was seen and split by the same rule; its tune half is a test (P
#: 0.810 R 0.773 when written, then P 0.950 R 0.864), its check half scored in aggregate only
DEV4 = Path(__file__).resolve().parent / "data" / "paraphrases_dev4.jsonl"
DEV4_FLOORS = (0.9, 0.8)


@pytest.mark.skipif(not DEV2.exists(), reason="no dev2 paraphrase set")
def test_dev2_score(extractor):
    s = score(run([i for i in load_items(DEV2) if i["split"] == "dev2"], *extractor))
    print(s.line("dev2"))
    assert s.precision >= DEV2_FLOORS[0] and s.recall >= DEV2_FLOORS[1], s.line("dev2")


def test_dev3_tune_score(extractor):
    items = load_items(DEV3)
    assert [i["split"] for i in items] == ["dev3-tune" if n % 2 == 0 else "dev3-check"
                                           for n in range(len(items))]   # the fixed split
    s = score(run([i for i in items if i["split"] == "dev3-tune"], *extractor))
    print(s.line("dev3-tune"))
    assert s.precision >= DEV3_FLOORS[0] and s.recall >= DEV3_FLOORS[1], s.line("dev3-tune")
    assert s.near_miss_clean == s.near_misses, s.line("dev3-tune")


def test_dev4_tune_score(extractor):
    items = load_items(DEV4)
    assert [i["split"] for i in items] == ["dev4-tune" if n % 2 == 0 else "dev4-check"
                                           for n in range(len(items))]   # the fixed split
    s = score(run([i for i in items if i["split"] == "dev4-tune"], *extractor))
    print(s.line("dev4-tune"))
    assert s.precision >= DEV4_FLOORS[0] and s.recall >= DEV4_FLOORS[1], s.line("dev4-tune")
    assert s.near_miss_clean >= s.near_misses - 1, s.line("dev4-tune")


@pytest.mark.parametrize("items, splits", [(ITEMS, ("tune", "check")),
                                           (load_items(DEV2), ("dev2",)),
                                           (load_items(DEV3), ("dev3-tune", "dev3-check")),
                                           (load_items(DEV4), ("dev4-tune", "dev4-check"))])
def test_the_data_names_real_claims_and_actors(items, splits):
    claims = {c.id for c in CODEBOOK.claims}
    actors = {a.id for a in CODEBOOK.actors}
    for item in items:
        assert item["kind"] in ("paraphrase", "near_miss") and item["split"] in splits
        assert (item["kind"] == "near_miss") == (not item["expect"]), item["id"]
        for actor, claim, stance in item["expect"] + item.get("optional", []):
            assert claim in claims and stance in ("asserts", "denies", "concedes"), item["id"]
            assert actor in actors or actor in ("UNK", "UNK:source", "UNK:named",
                                                "UNK:unattributed"), item["id"]
