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


# --- issue 9: hostile and careless input files (3, 4, 5, 7, 8, 9) ---------------------------

ARTICLE = ("قال المتحدث باسم البنتاغون إن الصور التي نشرتها وزارة الدفاع الروسية مأخوذة من لعبة "
           "فيديو، ونفى أن يكون التحالف قد سمح لمسلحي داعش بالخروج من البوكمال.\n")


def test_hostile_raw_folder_builds_with_reasons_and_warnings(tmp_path):
    """Each numbered failure of issue 9 on input files, in one real build."""
    raw = tmp_path / "raw"
    (raw / "sana").mkdir(parents=True)
    (raw / "empty_folder").mkdir()
    good = ARTICLE.encode()
    (raw / "bad_byte.txt").write_bytes(good[:6] + b"\xff" + good[6:])          # 3
    (raw / "cut.txt").write_bytes(good + "ق".encode()[:1])                     # 3
    (raw / "moji.txt").write_text(good.decode("cp1256"), encoding="utf-8")     # 3: mojibake
    (raw / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "x.txt~").write_text(ARTICLE, encoding="utf-8")                     # 4: a backup
    (raw / "passwd.txt").symlink_to("/etc/passwd")                             # 5
    (raw / "gone.txt").symlink_to(tmp_path / "gone.txt")                       # 5: dangling
    (raw / "sana" / "x.txt").write_text(ARTICLE, encoding="utf-8")             # 5: subfolder
    (raw / "zalgo.txt").write_text("ب" + "\u0301" * 200_000 + " " + ARTICLE)   # 7
    (raw / "doc.pdf").write_bytes(b"%PDF-1.4 (" + good + b")")                 # 8
    (raw / "data.json").write_text('{"text": "%s"}' % ARTICLE.strip())         # 8
    (raw / "note.rtf").write_text("{\\rtf1 %s}" % ARTICLE)                     # 8
    (raw / "wide.txt").write_bytes(ARTICLE.encode("utf-16-be"))               # 8: no BOM
    (raw / "metadata.csv").write_bytes(                                        # 9: ; and cp1256
        "file;source;date;language;notes\n"
        "x.txt;سانا;14 تشرين الثاني 2017;ar;\n"
        "wide.txt;X;03/04/2017;klingon;\n"
        "missing.txt;Y;2017-11-14T10:00:00Z;ar;\n".encode("cp1256"))
    report = build_corpus(raw, CODEBOOK, tmp_path / "out")
    skipped = dict(report.skipped)
    assert "outside the raw folder" in skipped["passwd.txt"]
    assert skipped["gone.txt"].startswith("a dangling link")
    assert skipped["x.txt~"] == "an editor backup or swap file, not an article"
    assert skipped["empty_folder/"] == "an empty folder"
    for name, ext in (("doc.pdf", ".pdf"), ("data.json", ".json"), ("note.rtf", ".rtf")):
        assert skipped[name].startswith(f"not an article file: {ext}; ")
    corpus = load_corpus(tmp_path / "out")
    docs = corpus.documents.set_index("doc_id")
    assert {"bad_byte", "cut", "sana__x", "wide", "x", "zalgo"} <= set(docs.index) <= {
        "bad_byte", "cut", "moji", "sana__x", "wide", "x", "zalgo"}
    assert docs.loc["sana__x"].file == "sana/x.txt"
    assert not any("root:" in t for t in docs.text)
    warnings = "\n".join(report.warnings)
    assert "bad_byte.txt: 1 byte not valid UTF-8" in warnings
    assert "cut.txt: 1 byte not valid UTF-8" in warnings
    assert docs.loc["bad_byte"].encoding == "utf-8" and "ط§" not in docs.loc["bad_byte"].text
    assert "moji.txt: looks like mojibake" in warnings
    assert "zalgo.txt: 199996 combining marks dropped" in warnings
    assert max(len(t) for t in docs.text) < 1000
    assert docs.loc["wide"].encoding == "utf-16-be" and docs.loc["wide"].text == ARTICLE.strip()
    assert (docs.loc["x"].source, docs.loc["x"].date) == ("سانا", "2017-11-14")
    assert docs.date.isna()["wide"] and docs.loc["wide"].language == "ar"
    for says in ("line 1: column(s) 'notes' ignored", "line 3, column 'date': '03/04/2017' is ambiguous",
                 "line 3, column 'language': 'klingon'", "line 4, column 'file': 'missing.txt'"):
        assert says in warnings, says
    # the statements of the clean article are found in its damaged copies too
    for doc_id in ("bad_byte", "cut", "x", "wide"):
        assert set(corpus.statements[corpus.statements.doc_id == doc_id].claim_id) >= {"VIDEO_GAME"}


def test_doc_id_clash_stops_before_writing(tmp_path):
    import pytest

    from riwaya.errors import InputFileError
    from riwaya.pipeline.store import read_manifest

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "x.txt").write_text(ARTICLE, encoding="utf-8")
    build_corpus(raw, CODEBOOK, tmp_path / "out")
    before = read_manifest(tmp_path / "out")
    (raw / "x.md").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputFileError, match="x.md and x.txt would both be document 'x'"):
        build_corpus(raw, CODEBOOK, tmp_path / "out")
    assert read_manifest(tmp_path / "out") == before


def test_empty_raw_folder_builds_an_empty_corpus(tmp_path):
    (tmp_path / "raw").mkdir()
    report = build_corpus(tmp_path / "raw", CODEBOOK, tmp_path / "out")
    assert report.documents == 0 and report.warnings == [f"no article files in {tmp_path / 'raw'}"]
