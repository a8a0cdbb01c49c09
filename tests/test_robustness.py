"""Articles nobody tuned on: scraped pages, other spellings, another event's codebook."""

import json
import shutil

from conftest import SAMPLE_CODEBOOK as CODEBOOK
from riwaya.pipeline.build import build_corpus
from riwaya.pipeline.store import load_corpus

SCRAPED = """الرئيسية
أخبار
سياسة
اقتصاد
رياضة
عاجل
البنتاجون: الصور الروسية مأخوذة من لعبة فيديو
واشنطن - وكالات
نفى البنتاجون الأمريكي اليوم الأربعاء أن يكون التحالف قد سمح لمسلحي الدواعش بالخروج من مدينة البوكمال، وقال المتحدث باسم الوزارة إن الصور التي عرضتها موسكو "مأخوذة من لعبة فيديو".
وقال مسؤول عسكري أمريكي لوكالة رويترز إن التحالف لم يكن طرفاً في أي اتفاق مع داعش في الرقة.
في المقابل، أكدت وزارة الدفاع الروسية أن التحالف يقدم دعماً مباشراً لداعش.
اقرأ أيضا: روسيا تتهم التحالف بحماية داعش في دير الزور
شاهد أيضا: فيديو من الموصل
تابعونا على فيسبوك وتويتر
جميع الحقوق محفوظة © 2017
"""


def test_scraped_page(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "scraped.txt").write_text(SCRAPED, encoding="utf-8")
    report = build_corpus(raw, CODEBOOK, tmp_path / "out")
    assert report.documents == 1 and not report.skipped
    corpus = load_corpus(tmp_path / "out")
    text = corpus.documents.text.iloc[0]
    for junk in ("الرئيسية", "اقرأ أيضا", "شاهد أيضا", "تابعونا", "جميع الحقوق"):
        assert junk not in text
    assert corpus.documents.title.iloc[0] == "البنتاجون: الصور الروسية مأخوذة من لعبة فيديو"
    # nothing in the read-also and watch-also teasers counts
    places = set(corpus.mentions[corpus.mentions.kind == "place"].entity_id)
    assert "DEIR_EZZOR" not in places and "MOSUL" not in places
    assert {"ABU_KAMAL", "RAQQA"} <= places
    got = set(zip(corpus.statements.actor_id, corpus.statements.claim_id, corpus.statements.stance))
    assert got == {
        ("US_DOD", "ABU_KAMAL_NO_STRIKE", "denies"),      # نفى البنتاجون (another spelling)
        ("US_DOD", "VIDEO_GAME", "asserts"),              # المتحدث باسم الوزارة -> the ministry
        ("UNK:مسؤول عسكري امريكي", "COALITION_PARTY_TO_DEAL", "denies"),  # outside the codebook
        ("RU_MOD", "US_SUPPORTS_ISIS", "asserts"),
    }
    assert corpus.documents.source.iloc[0] == "وكالات"  # the dateline under the headline
    # the unknown speaker is listed as an actor, not dropped
    actors = corpus.actors.set_index("actor_id")
    assert not actors.loc["UNK:مسؤول عسكري امريكي"].in_codebook


def test_another_event_with_its_own_codebook(tmp_path):
    """A different event: only the codebook changes, no Python."""
    cb = tmp_path / "codebook"
    cb.mkdir()
    for name in ("lexicon.jsonl", "boilerplate.jsonl", "sources.jsonl"):
        shutil.copy(CODEBOOK / name, cb / name)
    rows = {
        "actors.jsonl": [
            {"id": "WATER_MIN", "name_en": "Ministry of Water Resources", "kind": "ministry",
             "aliases": ["وزارة الموارد المائية", "وزارة المياه"], "anaphors": ["الوزارة"]},
            {"id": "RESIDENTS", "name_en": "Residents", "kind": "people",
             "aliases": ["الأهالي", "السكان المحليون", "سكان القرية"]},
        ],
        "claims.jsonl": [
            {"id": "DAM_BREACH", "statement_en": "The dam was breached.",
             "cues": [{"all": ["انهيار|انهار|تصدع*", "@MOSUL_DAM"]}]},
        ],
        "places.jsonl": [
            {"id": "MOSUL_DAM", "name_en": "Mosul Dam", "name_ar": "سد الموصل", "aliases": ["السد"],
             "lat": 36.63, "lon": 42.82, "kind": "dam"},
        ],
    }
    for name, records in rows.items():
        (cb / name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                               encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "flood.txt").write_text(
        "نفت وزارة الموارد المائية وجود أي تصدع في سد الموصل.\n"
        "لكن الأهالي أكدوا أنهم شاهدوا انهيار جزء من السد.\n", encoding="utf-8")
    build_corpus(raw, cb, tmp_path / "out")
    corpus = load_corpus(tmp_path / "out")
    got = set(zip(corpus.statements.actor_id, corpus.statements.claim_id, corpus.statements.stance))
    assert got == {("WATER_MIN", "DAM_BREACH", "denies"), ("RESIDENTS", "DAM_BREACH", "asserts")}
    assert set(corpus.places.entity_id) >= {"MOSUL_DAM"}
    assert corpus.places.set_index("entity_id").loc["MOSUL_DAM"].geocoder == "codebook"
