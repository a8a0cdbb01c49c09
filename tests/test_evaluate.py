"""The evaluator's matching and scoring rules, on small hand-made corpora (no pipeline)."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pandas as pd
import pytest

from riwaya.errors import RiwayaError
from riwaya.evaluate import EvalReport, GoldenError, evaluate, load_golden, locate, norm_actor
from riwaya.evaluate.score import assign
from riwaya.pipeline.schema import TABLES
from riwaya.pipeline.store import Corpus, load_corpus, write_corpus

DOC = "d1"
TEXT = ("قال ديلون إن الصور من لعبة فيديو. "
        "وقال مصدر مطلع إن الرقة لم تحرر بعد. "
        "ونفى التحالف أن يكون طرفا في أي صفقة. "
        "وأكد البنتاغون أن الصور من لعبة فيديو أيضا.")

G_DILLON = {"doc_id": DOC, "actor_id": "DILLON", "claim_id": "VIDEO_GAME", "stance": "asserts",
            "evidence": "قال ديلون إن الصور من لعبة فيديو"}
G_UNK = {"doc_id": DOC, "actor_id": "UNK", "claim_id": "RAQQA_NOT_LIBERATED", "stance": "asserts",
         "evidence": "وقال مصدر مطلع إن الرقة لم تحرر بعد"}
G_COAL = {"doc_id": DOC, "actor_id": "COALITION", "claim_id": "COALITION_PARTY_TO_DEAL",
          "stance": "denies", "evidence": "ونفى التحالف أن يكون طرفا في أي صفقة"}


def span(text: str, sub: str, *, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=TABLES[name].names)


def corpus(texts: dict[str, str], statements=(), mentions=(), places=()) -> Corpus:
    """``statements``: (doc, actor, claim, stance, (start, end)); ``mentions``: (doc, kind,
    entity_id, surface, occurrence); ``places``: (entity_id, name_en, lat, lon)."""
    st = []
    for n, (doc, actor, claim, stance, (s, e)) in enumerate(statements):
        st.append({"statement_id": f"{doc}:0:{n}", "doc_id": doc, "sentence_id": 0,
                   "actor_id": actor, "actor_surface": actor, "claim_id": claim,
                   "stance": stance, "cue": "قال", "quote": texts[doc][s:e] if s is not None else None,
                   "start": s, "end": e, "cue_start": s, "cue_end": s})
    me = []
    for doc, kind, eid, surface, occ in mentions:
        s, e = span(texts[doc], surface, occurrence=occ)
        me.append({"doc_id": doc, "sentence_id": 0, "kind": kind, "entity_id": eid,
                   "surface": surface, "start": s, "end": e, "method": "alias"})
    pl = [{"entity_id": eid, "name_en": name, "name_ar": "", "lat": lat, "lon": lon,
           "kind": "city", "geocoder": "codebook"} for eid, name, lat, lon in places]
    docs = [{"doc_id": d, "file": f"{d}.txt", "text": t, "language": "ar"} for d, t in texts.items()]
    return Corpus(documents=frame("documents", docs), sentences=frame("sentences", []),
                  mentions=frame("mentions", me), places=frame("places", pl),
                  statements=frame("statements", st), actors=frame("actors", []),
                  claims=frame("claims", []))


def golden_dir(tmp_path: Path, statements=(), mentions=()) -> Path:
    d = tmp_path / "golden"
    d.mkdir(exist_ok=True)
    (d / "statements.jsonl").write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in statements), encoding="utf-8")
    (d / "mentions.jsonl").write_text(
        "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in mentions), encoding="utf-8")
    return d


def S(sub: str, occurrence: int = 0) -> tuple[int, int]:
    return span(TEXT, sub, occurrence=occurrence)


# --------------------------------------------------------------------------- statements, table

CASES = [
    # id, golden records, predictions (actor, claim, stance, span), expected (tp, fp, fn, stance_errors)
    ("exact span", [G_DILLON], [("DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"]))],
     (1, 0, 0, 0)),
    ("whole sentence covers evidence", [G_DILLON],
     [("DILLON", "VIDEO_GAME", "asserts", S("قال ديلون إن الصور من لعبة فيديو. "))], (1, 0, 0, 0)),
    ("partial overlap (one character)", [G_DILLON],
     [("DILLON", "VIDEO_GAME", "asserts", (S(G_DILLON["evidence"])[1] - 1, S(G_DILLON["evidence"])[1] + 5))],
     (1, 0, 0, 0)),
    ("touching spans do not overlap", [G_DILLON],
     [("DILLON", "VIDEO_GAME", "asserts", (S(G_DILLON["evidence"])[1], S(G_DILLON["evidence"])[1] + 5))],
     (0, 1, 1, 0)),
    ("empty span overlaps nothing", [G_DILLON],
     [("DILLON", "VIDEO_GAME", "asserts", (S(G_DILLON["evidence"])[0] + 3,) * 2)], (0, 1, 1, 0)),
    ("missing span", [G_DILLON], [("DILLON", "VIDEO_GAME", "asserts", (None, None))], (0, 1, 1, 0)),
    ("same claim later in the document is not this statement", [G_DILLON],
     [("DILLON", "VIDEO_GAME", "asserts", S("وأكد البنتاغون أن الصور من لعبة فيديو أيضا"))], (0, 1, 1, 0)),
    ("other actor", [G_DILLON], [("COALITION", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"]))],
     (0, 1, 1, 0)),
    ("other claim", [G_DILLON], [("DILLON", "OLD_FOOTAGE", "asserts", S(G_DILLON["evidence"]))],
     (0, 1, 1, 0)),
    ("UNK:<surface> counts as UNK", [G_UNK],
     [("UNK:مصدر مطلع", "RAQQA_NOT_LIBERATED", "asserts", S(G_UNK["evidence"]))], (1, 0, 0, 0)),
    ("bare UNK", [G_UNK], [("UNK", "RAQQA_NOT_LIBERATED", "asserts", S(G_UNK["evidence"]))],
     (1, 0, 0, 0)),
    ("a codebook id is not UNK", [G_UNK],
     [("SDF", "RAQQA_NOT_LIBERATED", "asserts", S(G_UNK["evidence"]))], (0, 1, 1, 0)),
    ("stance error still matches", [G_COAL],
     [("COALITION", "COALITION_PARTY_TO_DEAL", "asserts", S(G_COAL["evidence"]))], (1, 0, 0, 1)),
    ("two predictions on one golden: one is a duplicate", [G_DILLON],
     [("DILLON", "VIDEO_GAME", "asserts", S("قال ديلون")),
      ("DILLON", "VIDEO_GAME", "asserts", S("الصور من لعبة فيديو"))], (1, 1, 0, 0)),
    ("the duplicate with the right stance wins", [G_COAL],
     [("COALITION", "COALITION_PARTY_TO_DEAL", "asserts", S("ونفى التحالف")),
      ("COALITION", "COALITION_PARTY_TO_DEAL", "denies", S("طرفا في أي صفقة"))], (1, 1, 0, 0)),
    ("one prediction cannot match two goldens", [G_DILLON, {**G_DILLON, "evidence": "الصور من لعبة فيديو"}],
     [("DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"]))], (1, 0, 1, 0)),
    ("one-to-one is a maximum matching, not greedy",
     [{**G_DILLON, "evidence": "قال ديلون"}, {**G_DILLON, "evidence": "لعبة فيديو"}],
     [("DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"])),   # overlaps both
      ("DILLON", "VIDEO_GAME", "asserts", S("قال ديلون"))],            # overlaps the first only
     (2, 0, 0, 0)),
    ("several statements, all found", [G_DILLON, G_UNK, G_COAL],
     [("DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"])),
      ("UNK:مصدر", "RAQQA_NOT_LIBERATED", "asserts", S(G_UNK["evidence"])),
      ("COALITION", "COALITION_PARTY_TO_DEAL", "concedes", S(G_COAL["evidence"]))], (3, 0, 0, 1)),
    ("nothing predicted", [G_DILLON, G_UNK], [], (0, 0, 2, 0)),
    ("optional golden matched: neither hit nor false positive", [{**G_DILLON, "optional": True}],
     [("DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"]))], (0, 0, 0, 0)),
    ("optional golden unmatched: no miss", [{**G_DILLON, "optional": True}, G_COAL],
     [("COALITION", "COALITION_PARTY_TO_DEAL", "denies", S(G_COAL["evidence"]))], (1, 0, 0, 0)),
    ("required golden preferred over optional", [{**G_DILLON, "optional": True},
                                                 {**G_DILLON, "evidence": "الصور من لعبة"}],
     [("DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"]))], (1, 0, 0, 0)),
    ("statements without a claim are ignored", [G_DILLON],
     [("DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"])),
      ("DILLON", None, "asserts", S(G_DILLON["evidence"])),
      ("DILLON", "", "asserts", S(G_DILLON["evidence"]))], (1, 0, 0, 0)),
]


@pytest.mark.parametrize("golden,preds,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_statement_matching(tmp_path, golden, preds, expected):
    c = corpus({DOC: TEXT}, [(DOC, *p) for p in preds])
    report = evaluate(c, golden_dir(tmp_path, golden))
    tp, fp, fn, stance_err = expected
    got = (report.tp, report.fp, report.fn, len(report.stance_errors))
    assert got == expected, report.format()
    assert report.n_golden == sum(not g.get("optional") for g in golden)
    if tp + fp:
        assert report.precision == pytest.approx(tp / (tp + fp))
    if report.n_golden:
        assert report.recall == pytest.approx(tp / report.n_golden)
    if tp:
        assert report.stance_accuracy == pytest.approx((tp - stance_err) / tp)


def test_scores_and_lists(tmp_path):
    c = corpus({DOC: TEXT}, [
        (DOC, "DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"])),
        (DOC, "COALITION", "COALITION_PARTY_TO_DEAL", "asserts", S(G_COAL["evidence"])),   # wrong stance
        (DOC, "US_DOD", "VIDEO_GAME", "asserts", S("وأكد البنتاغون أن الصور")),            # not golden
    ])
    r = evaluate(c, golden_dir(tmp_path, [G_DILLON, G_UNK, G_COAL]))
    assert (r.tp, r.fp, r.fn) == (2, 1, 1)
    assert r.precision == pytest.approx(2 / 3)
    assert r.recall == pytest.approx(2 / 3)
    assert r.f1 == pytest.approx(2 / 3)
    assert r.stance_accuracy == pytest.approx(0.5)
    [err] = r.stance_errors
    assert (err["golden_stance"], err["predicted_stance"]) == ("denies", "asserts")
    assert err["quote"] == G_COAL["evidence"]
    [fp] = r.false_positives
    assert fp["actor_id"] == "US_DOD" and fp["quote"] == "وأكد البنتاغون أن الصور"
    [miss] = r.misses
    assert miss["actor_id"] == "UNK" and "nothing predicted" in miss["reason"]
    assert r.per_doc[DOC] == {"golden": 3, "predicted": 3, "tp": 2, "fp": 1, "fn": 1, "stance_ok": 1}
    text = r.format()
    for needle in ("precision", "STANCE ERRORS", "MISSES", "FALSE POSITIVES", "US_DOD",
                   "وأكد البنتاغون", "FAIL"):
        assert needle in text
    d = r.to_dict()
    json.dumps(d, ensure_ascii=False)
    assert d["tp"] == 2 and d["failures"]


def test_duplicate_false_positive_is_explained(tmp_path):
    c = corpus({DOC: TEXT}, [(DOC, "DILLON", "VIDEO_GAME", "asserts", S("قال ديلون")),
                             (DOC, "DILLON", "VIDEO_GAME", "asserts", S("لعبة فيديو"))])
    r = evaluate(c, golden_dir(tmp_path, [G_DILLON]))
    [fp] = r.false_positives
    assert fp["reason"].startswith("duplicate")


def test_predictions_in_other_documents_are_ignored(tmp_path):
    c = corpus({DOC: TEXT, "other": TEXT},
               [(DOC, "DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"])),
                ("other", "US_DOD", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"]))])
    r = evaluate(c, golden_dir(tmp_path, [G_DILLON]))
    assert (r.tp, r.fp) == (1, 0)
    assert r.ignored == {"other documents": 1}


def test_golden_evidence_missing_from_text_is_reported(tmp_path):
    lost = {**G_DILLON, "evidence": "هذه الجملة حذفها التنظيف"}
    c = corpus({DOC: TEXT}, [(DOC, "DILLON", "VIDEO_GAME", "asserts", S(G_DILLON["evidence"]))])
    r = evaluate(c, golden_dir(tmp_path, [lost]))
    assert r.fn == 1 and r.fp == 1
    [err] = r.evidence_errors
    assert err["problem"] == "not found in documents.text" and err["line"] == 1
    assert "EVIDENCE NOT IN documents.text" in r.format()


def test_missing_document_is_reported(tmp_path):
    r = evaluate(corpus({DOC: TEXT}), golden_dir(tmp_path, [{**G_DILLON, "doc_id": "gone"}]))
    assert r.fn == 1
    assert r.evidence_errors[0]["problem"] == "document not in the corpus"


def test_evidence_first_occurrence_and_repeated_body_warning(tmp_path):
    body = "قال ديلون إن الصور من لعبة فيديو."
    text = body + "\n" + body
    second = span(text, "قال ديلون", occurrence=1)
    c = corpus({DOC: text}, [(DOC, "DILLON", "VIDEO_GAME", "asserts", second)])
    r = evaluate(c, golden_dir(tmp_path, [G_DILLON]))
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)          # the first copy is the statement
    assert any("occurs 2×" in w for w in r.warnings)


@pytest.mark.parametrize("text,evidence,how", [
    ("قال ديلون إن الصور", "ديلون إن", "exact"),
    ("قال ديلون\u00a0إن الصور", "ديلون إن", "whitespace"),          # NBSP in the text
    ("قال ديلون إن الصور", "ديلون\u00a0إن", "whitespace"),          # NBSP in the evidence
    ("قال ديلون\nإن الصور", "ديلون إن", "whitespace"),
    ("قال ديلـون إنّ الصور", "ديلون إن", "diacritics"),              # tatweel, shadda
])
def test_locate_tolerances(text, evidence, how):
    start, end, got = locate(text, evidence)
    assert got == how
    assert text[start:end].replace("\u00a0", " ").replace("\n", " ").startswith("دي")


def test_locate_absent():
    assert locate("قال ديلون", "البنتاغون") is None
    assert locate("قال ديلون", "") is None


@pytest.mark.parametrize("raw,expected", [
    ("UNK", "UNK"), ("UNK:مصدر مطلع", "UNK"), ("UNK:", "UNK"), ("DILLON", "DILLON"),
    ("UNKNOWN_GROUP", "UNKNOWN_GROUP"), (None, ""), (float("nan"), ""), (" RU_MOD ", "RU_MOD"),
])
def test_norm_actor(raw, expected):
    assert norm_actor(raw) == expected


def test_assignment_is_maximum_weight():
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        w = [[rng.choice([0.0, 0.0, 1000.0, 1010.5, 1001.2]) for _ in range(m)] for _ in range(n)]
        got = assign(w)
        assert len({r for r, _ in got}) == len(got) == len({c for _, c in got})
        assert all(w[r][c] > 0 for r, c in got)
        best = 0.0
        for perm in itertools.permutations(range(max(n, m)), n):
            best = max(best, sum(w[r][c] for r, c in enumerate(perm) if c < m))
        assert sum(w[r][c] for r, c in got) == pytest.approx(best)


# --------------------------------------------------------------------------- mentions

MTEXT = ("سيطرت قوات سوريا الديمقراطية على الرقة. وقال ديلون إن المقاتلين فروا إلى سوريا. "
         "وأفادت وزارة الدفاع الروسية من موسكو بأن ادعاءات أمريكا باطلة.")
BOILER = "إقرأ أيضاً: موسكو تعتزم عقد مؤتمر في سوتشي"
MGOLD = {"doc_id": DOC, "actors": ["SDF", "DILLON", "RU_MOD"],
         "places": ["RAQQA", "CC:SY", "name:Moscow"],
         "not_places": ["قوات سوريا الديمقراطية"], "metonyms": ["ادعاءات أمريكا"],
         "boilerplate": [BOILER]}
PLACES = [("RAQQA", "Raqqa", 35.95, 39.0), ("CC:SY", "Syria", 35.0, 38.0),
          ("GN:524901", "Moscow", 55.75, 37.62), ("GN:1", "Sochi", None, None),
          ("CC:US", "United States", 39.8, -98.6)]
GOOD_MENTIONS = [(DOC, "actor", "SDF", "قوات سوريا الديمقراطية", 0), (DOC, "actor", "DILLON", "ديلون", 0),
                 (DOC, "actor", "RU_MOD", "وزارة الدفاع الروسية", 0), (DOC, "place", "RAQQA", "الرقة", 0),
                 (DOC, "place", "CC:SY", "سوريا", 1), (DOC, "place", "GN:524901", "موسكو", 0)]


def mention_report(tmp_path, mentions, *, text=MTEXT, places=PLACES) -> EvalReport:
    return evaluate(corpus({DOC: text}, mentions=mentions, places=places),
                    golden_dir(tmp_path, [], [MGOLD]))


def test_mentions_all_found(tmp_path):
    r = mention_report(tmp_path, GOOD_MENTIONS)
    assert (r.actor_recall, r.place_recall) == (1.0, 1.0)
    assert not (r.coordinate_errors or r.not_place_errors or r.boilerplate_errors)
    assert r.failures() == []            # no statements in golden: statement scores are vacuous
    assert "PASS" in r.format()


MENTION_CASES = [
    ("actor missing", [m for m in GOOD_MENTIONS if m[2] != "DILLON"],
     dict(actor_recall=2 / 3, missing_actors=[{"doc_id": DOC, "actor_id": "DILLON"}])),
    ("place by name: missing", [m for m in GOOD_MENTIONS if m[2] != "GN:524901"],
     dict(place_recall=2 / 3, missing_places=[{"doc_id": DOC, "place": "name:Moscow"}])),
    ("actor mention does not count as a place", [m for m in GOOD_MENTIONS if m[2] != "RAQQA"]
     + [(DOC, "actor", "RAQQA", "الرقة", 0)],
     dict(place_recall=2 / 3)),
    ("place inside an organisation name", GOOD_MENTIONS + [(DOC, "place", "CC:SY", "سوريا", 0)],
     dict(not_place_errors=1)),
    ("actor inside the organisation name is fine", GOOD_MENTIONS, dict(not_place_errors=0)),
    ("place without coordinates", GOOD_MENTIONS + [(DOC, "place", "GN:1", "سوريا", 1)],
     dict(coordinate_errors=1)),
    ("place not in the places table", GOOD_MENTIONS + [(DOC, "place", "GN:999", "الرقة", 0)],
     dict(coordinate_errors=1)),
    ("metonymic country is a warning, not an error", GOOD_MENTIONS + [(DOC, "place", "CC:US", "أمريكا", 0)],
     dict(not_place_errors=0, warnings_match="where the country is an actor")),
]


@pytest.mark.parametrize("mentions,expect", [c[1:] for c in MENTION_CASES], ids=[c[0] for c in MENTION_CASES])
def test_mention_rules(tmp_path, mentions, expect):
    r = mention_report(tmp_path, mentions)
    for key, value in expect.items():
        if key == "warnings_match":
            assert any(value in w for w in r.warnings), r.warnings
        elif isinstance(value, int) and key.endswith("errors"):
            assert len(getattr(r, key)) == value, r.format()
        elif isinstance(value, float):
            assert getattr(r, key) == pytest.approx(value)
        else:
            assert getattr(r, key) == value
    if expect.get("not_place_errors") or expect.get("coordinate_errors"):
        assert r.failures()


def test_boilerplate_kept_and_mentions_inside_it(tmp_path):
    text = MTEXT + "\n" + BOILER
    mentions = GOOD_MENTIONS + [(DOC, "place", "GN:524901", "موسكو", 1),
                                (DOC, "actor", "RUSSIA", "موسكو", 1)]
    r = mention_report(tmp_path, mentions, text=text)
    problems = sorted(e["problem"] for e in r.boilerplate_errors)
    assert problems == ["kept in documents.text", "mention inside boilerplate",
                        "mention inside boilerplate"]
    assert any("boilerplate" in f for f in r.failures())
    assert "BOILERPLATE" in r.format()


def test_boilerplate_removed_is_clean(tmp_path):
    r = mention_report(tmp_path, GOOD_MENTIONS)      # BOILER is not in MTEXT
    assert r.boilerplate_errors == []


def test_roundtrip_through_the_store(tmp_path):
    c = corpus({DOC: TEXT}, [(DOC, "UNK:مصدر", "RAQQA_NOT_LIBERATED", "asserts", S(G_UNK["evidence"]))])
    tables = {name: getattr(c, name) for name in TABLES}
    write_corpus(tmp_path / "out", tables)
    r = evaluate(load_corpus(tmp_path / "out"), golden_dir(tmp_path, [G_UNK]))
    assert (r.tp, r.fp, r.fn) == (1, 0, 0)


# --------------------------------------------------------------------------- golden files

@pytest.mark.parametrize("line,field", [
    ({**G_DILLON, "stance": "supports"}, "stance"),
    ({k: v for k, v in G_DILLON.items() if k != "evidence"}, "evidence"),
    ({**G_DILLON, "actor_id": ""}, "actor_id"),
    ({**G_DILLON, "optional": "yes"}, "optional"),
])
def test_bad_golden_statement_names_line_and_field(tmp_path, line, field):
    d = golden_dir(tmp_path, [G_UNK, line])
    with pytest.raises(GoldenError, match=rf"statements.jsonl, line 2, field '{field}'"):
        load_golden(d)


def test_bad_golden_json_and_duplicate_mentions(tmp_path):
    d = golden_dir(tmp_path)
    (d / "statements.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldenError, match="line 1"):
        load_golden(d)
    d = golden_dir(tmp_path, [], [MGOLD, MGOLD])
    with pytest.raises(GoldenError, match="second line"):
        load_golden(d)
    with pytest.raises(GoldenError, match="not found"):
        load_golden(tmp_path / "nowhere")


def test_golden_error_is_a_riwaya_error():
    assert issubclass(GoldenError, RiwayaError)


def test_optional_annotator_fields_are_read(tmp_path):
    d = golden_dir(tmp_path, [{**G_DILLON, "speaker": "ديلون"}],
                   [{**MGOLD, "article_lines": [[1, 3], [5, 9]]}])
    golden = load_golden(d)
    assert golden.statements[0].speaker == "ديلون" and golden.statements[0].line == 1
    assert golden.mentions[DOC].article_lines == ((1, 3), (5, 9))
    assert golden.folder == str(d)


@pytest.mark.parametrize("statement, mention, file, field", [
    ({**G_DILLON, "optinal": True}, MGOLD, "statements.jsonl", "optinal"),        # a typo
    (G_DILLON, {**MGOLD, "article_lines": [[1, "x"]]}, "mentions.jsonl", "article_lines.0.1"),
    (G_DILLON, {**MGOLD, "places": "RAQQA"}, "mentions.jsonl", "places"),
])
def test_unknown_or_malformed_fields_are_named(tmp_path, statement, mention, file, field):
    with pytest.raises(GoldenError, match=rf"{file}, line 1, field '{field}'"):
        load_golden(golden_dir(tmp_path, [statement], [mention]))


def test_unexpected_places_are_listed_but_do_not_fail(tmp_path):
    r = mention_report(tmp_path, GOOD_MENTIONS + [(DOC, "place", "CC:US", "أمريكا", 0)])
    assert r.unexpected_places == [{"doc_id": DOC, "entity_id": "CC:US", "name_en": "United States",
                                    "surface": "أمريكا"}]
    assert r.failures() == []
    assert "UNEXPECTED PLACES" in r.format()
