"""Claim cue patterns compiled once, and find_claims on sentences written for the test."""

from pathlib import Path

import pytest

from riwaya.codebook import load_codebook
from riwaya.codebook.cues import CueGroup, CueWord, compile_claims, compile_group
from riwaya.codebook.model import Claim, ClaimCue
from riwaya.pipeline.mentions import EntityIndex, find_mentions
from riwaya.pipeline.statements import StatementExtractor, find_claims
from riwaya.pipeline.statements.claims import claim_terms
from riwaya.pipeline.statements.model import Lexicon
from riwaya.text.matcher import NormText

CODEBOOK = load_codebook(Path(__file__).resolve().parent.parent / "data" / "codebook")
INDEX = EntityIndex.build(CODEBOOK)
LEXICON = Lexicon.build(CODEBOOK.lexicon)


@pytest.mark.parametrize("group, words, entities", [
    ("حرر*|استعاد", (CueWord("حرر", prefix=True), CueWord("استعاد")), ()),
    # alternatives are stripped and normalised like text (أ -> ا, ة -> ه)
    (" أقر | لعبة الفيديو ", (CueWord("اقر"), CueWord("لعبه الفيديو")), ()),
    ("@ABU_KAMAL|قصف", (CueWord("قصف"),), ("ABU_KAMAL",)),
    ("@USA|@COALITION", (), ("USA", "COALITION")),
    # nothing in "*" can match a word
    ("*|@ISIS", (), ("ISIS",)),
])
def test_compile_group(group, words, entities):
    assert compile_group(group) == CueGroup(words, entities)


def test_compile_group_says_what_it_expected():
    with pytest.raises(TypeError, match="Expected a cue group as str, got list"):
        compile_group(["a", "b"])


def test_cue_patterns_are_compiled_once_at_load():
    assert [c.id for c in CODEBOOK.compiled_claims] == [c.id for c in CODEBOOK.claims]
    assert StatementExtractor.build(CODEBOOK).claims is CODEBOOK.compiled_claims


def claims_in(text, *cues, exclude=()):
    compiled = compile_claims([Claim(id="T", statement_en="a test claim",
                                     cues=[ClaimCue(**cue) for cue in cues])])
    nt = NormText.of(text)
    found = find_claims(nt, 0, len(nt.tokens), compiled, claim_terms(compiled).find(nt),
                        find_mentions(nt, INDEX), LEXICON, exclude)
    return nt, found


@pytest.mark.parametrize("cue, text, anchor", [
    # a prefix group: any word it starts, behind clitics
    ({"all": ["حرر*"]}, "قال إن الجيش حررها أمس", "حررها"),
    ({"all": ["حرر*"]}, "قال إن الجيش وحررها أمس", "حررها"),
    ({"all": ["حرر*"]}, "قال إن الجيش أعلن التحرير", None),
    # an @ID group: a mention of the place, under any of its aliases
    ({"all": ["@ABU_KAMAL"]}, "دخل الجيش مدينة البو كمال", "البو كمال"),
    ({"all": ["@ABU_KAMAL"]}, "دخل الجيش الرقة", None),
    # every all group, anywhere in the content; the first one anchors
    ({"all": ["قصف", "@ABU_KAMAL"]}, "قصف الطيران قوافل خرجت من البوكمال", "قصف"),
    ({"all": ["قصف", "@ABU_KAMAL"]}, "قصف الطيران قوافل خرجت من الرقة", None),
    # a near group within the window of the anchor, on either side
    ({"all": ["استعاد"], "near": ["@ABU_KAMAL"], "window": 2}, "استعاد الجيش البوكمال", "استعاد"),
    ({"all": ["استعاد"], "near": ["@ABU_KAMAL"], "window": 2}, "البوكمال استعادها؟ لا، استعاد الجيش", "استعاد"),
    ({"all": ["استعاد"], "near": ["@ABU_KAMAL"], "window": 2},
     "استعاد الجيش بعد معارك طويلة وشرسة مدينة البوكمال", None),
    # a negated cue: only under a negation scoped over the anchor
    ({"all": ["تحررت"], "negated": True}, "لا نعتبر أن الرقة تحررت", "تحررت"),
    ({"all": ["تحررت"], "negated": True}, "نعتبر أن الرقة تحررت", None),
    ({"all": ["تحررت"], "negated": True}, "لا، نعتبر أن الرقة تحررت", None),    # a clause break
    ({"all": ["تحررت"], "negated": True}, "لا تزال الرقة تحررت", None),         # "still"
    # a not_between word cuts a near group from the anchor: between them, right after the
    # anchor (its complement), or governing a near word before the anchor
    ({"all": ["دعم*", "@USA"], "near": ["@ISIS"], "window": 6, "not_between": "الهجوم|ضد"},
     "قال إن الولايات المتحدة تقدم دعما للهجوم على داعش", None),
    ({"all": ["دعم*", "@USA"], "near": ["@ISIS"], "window": 6, "not_between": "الهجوم|ضد"},
     "قال إن الولايات المتحدة تقدم الدعم لداعش", "دعم"),
    ({"all": ["احتلال"], "near": ["@RAQQA"], "window": 5, "not_between": "داعش"},
     "قالوا إن الرقة عانت من احتلال داعش", None),
    ({"all": ["احتلال"], "near": ["@RAQQA"], "window": 5, "not_between": "داعش"},
     "قالوا إن الوجود الأجنبي في الرقة احتلال", "احتلال"),
    ({"all": ["بالتعاون مع"], "near": ["@ISIS"], "window": 4, "not_between": "لمحاربة|محاربة"},
     "قال إنها تعمل لمحاربة داعش بالتعاون مع واشنطن", None),
    ({"all": ["بالتعاون مع"], "near": ["@ISIS"], "window": 4, "not_between": "لمحاربة|محاربة"},
     "قال إنها تعمل لصالح داعش بالتعاون مع واشنطن", "بالتعاون مع"),
    # a claim under a condition or a verb of intending is not said to be so
    ({"all": ["حرر*"], "near": ["@ABU_KAMAL"], "window": 3},
     "قال إنه إذا حرر الجيش البوكمال فستنتهي الحرب", None),
    ({"all": ["سيطر*"], "near": ["@ABU_KAMAL"], "window": 3},
     "قال إن القوات تسعى إلى السيطرة على البوكمال", None),
    ({"all": ["سيطر*"], "near": ["@ABU_KAMAL"], "window": 3},
     "قال إن القوات سيطرت على البوكمال", "سيطرت"),
])
def test_find_claims(cue, text, anchor):
    nt, found = claims_in(text, cue)
    if anchor is None:
        assert found == []
    else:
        (cand,) = found
        assert cand.claim_id == "T"
        assert text[cand.anchor.start:cand.anchor.end] == anchor
        assert cand.negated_cue == cue.get("negated", False)


def test_near_group_widens_the_candidate_span():
    nt, (cand,) = claims_in("قالوا إن الجيش استعاد البوكمال اليوم",
                            {"all": ["استعاد"], "near": ["@ABU_KAMAL"], "window": 3})
    assert [t.norm for t in nt.tokens[cand.first:cand.last]] == ["استعاد", "البوكمال"]


def test_first_matching_pattern_speaks_for_the_claim_with_its_stance():
    nt, found = claims_in("أرفق موظف صورا خاطئة من لعبة فيديو",
                          {"all": ["صور خاطئة|صورا خاطئة"], "stance": "concedes"},
                          {"all": ["لعبة فيديو"]})
    assert [(c.claim_id, c.cue_stance) for c in found] == [("T", "concedes")]


def test_anchor_in_an_excluded_range_is_left_out():
    text = "الصور من لعبة فيديو، لعبة فيديو"
    nt, (cand,) = claims_in(text, {"all": ["لعبة فيديو"]})
    assert cand.anchor.first == 2
    nt, (cand,) = claims_in(text, {"all": ["لعبة فيديو"]}, exclude=[(2, 4)])
    assert cand.anchor.first == 4
    assert claims_in(text, {"all": ["لعبة فيديو"]}, exclude=[(0, 6)])[1] == []


def test_a_not_between_group_is_checked_like_the_others():
    with pytest.raises(ValueError, match="empty alternative"):
        ClaimCue(all=["دعم*"], not_between="الهجوم||ضد")
    assert ClaimCue(all=["دعم*"]).not_between == ""
