"""A small, deterministic synthetic corpus for the dashboard's tests.

Written with ``riwaya.pipeline.store.write_corpus`` so it goes through the same contract as a real build.
Offsets are computed from the text, never typed in by hand. One article carries a ``<script>``
in its text: the dashboard must escape it.

Facts the tests rely on (keep in step with the assertions in tests/):
- 3 articles from 3 outlets: "Alpha News" (a1), "Beta Agency" (b1), "SANA" (s1);
- RU_MOD x VIDEO_GAME is "mixed" (denies in s1, concedes in a1);
- US_DOD asserts VIDEO_GAME; ACTIVISTS asserts VIDEO_GAME;
- DILLON denies COALITION_PARTY_TO_DEAL; COALITION concedes RAQQA_DEAL;
- a1 s0 and b1 s1 are near-duplicates (syndication); SANA alone reports US_SAFE_IN_ISIS_AREAS;
- places: Abu Kamal (a1, b1), Raqqa (a1, b1, s1), Deir ez-Zor (s1), Fallujah (s1);
- an unknown speaker "UNK:مصدر مجهول" (in_codebook False) asserts RAQQA_NOT_LIBERATED;
- OLD_FOOTAGE has no statement at all (a silent column);
- claims have short labels (label_en) except RAQQA_NOT_LIBERATED, which falls back to its id.

The statements leave ``method``/``confidence``/``speaker_kind``/``affiliation`` empty, as in a
corpus built before those columns. ``write_fixture(out, suggestions=True)`` fills them (see
SUGGESTIONS) and adds one more article, "n1" from "Gamma Daily" (2017-11-16):
- every statement above: method "rule", confidence 1.0, speaker_kind "codebook" (the UNK one "source");
- "UNK:إيغور كوناشينكوف" (named, affiliation RU_MOD, rule 0.95) denies VIDEO_GAME;
- "UNATTRIBUTED" (unattributed, rule 0.9) asserts US_SUPPORTS_ISIS;
- "UNK:مصدر عسكري" (source, example-only, confidence 0.55) asserts RAQQA_DEAL;
- COALITION (codebook, both, 0.8) concedes RAQQA_DEAL.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from riwaya.pipeline.store import write_corpus  # noqa: E402

# (actor_id, name_en, name_ar, kind, in_codebook)
ACTORS = [
    ("RU_MOD", "Russian Ministry of Defence", "وزارة الدفاع الروسية", "state", True),
    ("US_DOD", "US Department of Defense", "وزارة الدفاع الأمريكية", "state", True),
    ("COALITION", "US-led coalition", "التحالف الدولي", "organisation", True),
    ("DILLON", "Col. Ryan Dillon", "رايان ديلون", "person", True),
    ("ACTIVISTS", "Social-media activists", "ناشطون", "group", True),
    ("ISIS", "Islamic State", "داعش", "group", True),
    ("UNK:مصدر مجهول", "مصدر مجهول", "مصدر مجهول", "unknown", False),
]

# (claim_id, label_en, statement_en); one claim without a short label (falls back to its id)
CLAIMS = [
    ("VIDEO_GAME", "Video game images", "The images came from a video game."),
    ("OLD_FOOTAGE", "Old footage", "The evidence reused old footage."),
    ("US_SUPPORTS_ISIS", "US backs ISIS", "The US supports ISIS."),
    ("RAQQA_DEAL", "Raqqa deal", "A deal let ISIS fighters leave Raqqa."),
    ("COALITION_PARTY_TO_DEAL", "Coalition party to deal", "The coalition was a party to the Raqqa deal."),
    ("US_SAFE_IN_ISIS_AREAS", "US safe in ISIS areas", "US forces move unhindered in ISIS areas."),
    ("RAQQA_NOT_LIBERATED", None, "Raqqa has not really been liberated."),
]

# entity_id, name_en, name_ar, lat, lon, kind
PLACES = [
    ("GN:ABU_KAMAL", "Abu Kamal", "البوكمال", 34.4531, 40.9184, "city"),
    ("GN:RAQQA", "Raqqa", "الرقة", 35.9528, 39.0079, "city"),
    ("GN:DEIR", "Deir ez-Zor", "دير الزور", 35.3359, 40.1408, "city"),
    ("GN:FALLUJAH", "Fallujah", "الفلوجة", 33.3500, 43.7833, "city"),
]

# Each sentence: (text, statements, mentions)
#   statement: (actor_id, actor_surface, claim_id, stance, cue)
#   mention:   (kind, entity_id, surface)
DOCS = [
    {
        "doc_id": "a1", "source": "Alpha News", "date": "2017-11-14", "title": "خبر ألفا",
        "url": "https://alpha.example/a1",
        "sentences": [
            ("قالت وزارة الدفاع الروسية إن التحالف يدعم داعش في البوكمال.",
             [("RU_MOD", "وزارة الدفاع الروسية", "US_SUPPORTS_ISIS", "asserts", "قالت")],
             [("actor", "RU_MOD", "وزارة الدفاع الروسية"), ("actor", "COALITION", "التحالف"),
              ("actor", "ISIS", "داعش"), ("place", "GN:ABU_KAMAL", "البوكمال")]),
            ("ونفى البنتاغون ذلك وقال إن الصور من لعبة فيديو.",
             [("US_DOD", "البنتاغون", "US_SUPPORTS_ISIS", "denies", "نفى"),
              ("US_DOD", "البنتاغون", "VIDEO_GAME", "asserts", "قال")],
             [("actor", "US_DOD", "البنتاغون")]),
            ("وأقرت الوزارة بأن موظفا أرفق صورا خاطئة.",
             [("RU_MOD", "الوزارة", "VIDEO_GAME", "concedes", "أقرت")],
             [("actor", "RU_MOD", "الوزارة")]),
            ("واعترف التحالف باتفاق سمح بخروج المسلحين من الرقة.",
             [("COALITION", "التحالف", "RAQQA_DEAL", "concedes", "اعترف")],
             [("actor", "COALITION", "التحالف"), ("place", "GN:RAQQA", "الرقة")]),
        ],
    },
    {
        "doc_id": "b1", "source": "Beta Agency", "date": "2017-11-15", "title": "خبر بيتا",
        "url": "https://beta.example/b1",
        "sentences": [
            ("أكد ناشطون أن الصور مأخوذة من لعبة فيديو.",
             [("ACTIVISTS", "ناشطون", "VIDEO_GAME", "asserts", "أكد")],
             [("actor", "ACTIVISTS", "ناشطون")]),
            ("وقالت وزارة الدفاع الروسية إن التحالف يدعم داعش في البوكمال.",
             [("RU_MOD", "وزارة الدفاع الروسية", "US_SUPPORTS_ISIS", "asserts", "قالت")],
             [("actor", "RU_MOD", "وزارة الدفاع الروسية"), ("actor", "COALITION", "التحالف"),
              ("actor", "ISIS", "داعش"), ("place", "GN:ABU_KAMAL", "البوكمال")]),
            ("ونفى ديلون أن يكون التحالف طرفا في صفقة الرقة.",
             [("DILLON", "ديلون", "COALITION_PARTY_TO_DEAL", "denies", "نفى")],
             [("actor", "DILLON", "ديلون"), ("actor", "COALITION", "التحالف"),
              ("place", "GN:RAQQA", "الرقة")]),
        ],
    },
    {
        "doc_id": "s1", "source": "SANA", "date": "2017-11-14", "title": "خبر سانا <b>عاجل</b>",
        "url": "https://sana.example/s1",
        "sentences": [
            ("نشرت وزارة الدفاع الروسية صورا تظهر القوات الأمريكية في دير الزور <script>alert('x')</script>.",
             [("RU_MOD", "وزارة الدفاع الروسية", "US_SAFE_IN_ISIS_AREAS", "asserts", "نشرت")],
             [("actor", "RU_MOD", "وزارة الدفاع الروسية"), ("place", "GN:DEIR", "دير الزور")]),
            ("وقال مصدر مجهول إن الرقة لم تحرر بعد.",
             [("UNK:مصدر مجهول", "مصدر مجهول", "RAQQA_NOT_LIBERATED", "asserts", "قال")],
             [("actor", "UNK:مصدر مجهول", "مصدر مجهول"), ("place", "GN:RAQQA", "الرقة")]),
            ("وقالت الوزارة إن الصور ليست من لعبة فيديو بل من الفلوجة.",
             [("RU_MOD", "الوزارة", "VIDEO_GAME", "denies", "قالت")],
             [("actor", "RU_MOD", "الوزارة"), ("place", "GN:FALLUJAH", "الفلوجة")]),
        ],
    },
]


#: the statements' provenance columns (riwaya.pipeline.schema, issue 8)
PROVENANCE = ("method", "confidence", "speaker_kind", "affiliation")

# One more article for write_fixture(suggestions=True). A statement here is
#   (actor_id, actor_surface, claim_id, stance, cue, method, confidence, speaker_kind, affiliation)
SUGGESTIONS = {
    "doc_id": "n1", "source": "Gamma Daily", "date": "2017-11-16", "title": "خبر غاما",
    "url": "https://gamma.example/n1",
    "sentences": [
        ("وقال المتحدث باسم وزارة الدفاع الروسية الجنرال إيغور كوناشينكوف إن الصور ليست من لعبة فيديو.",
         [("UNK:إيغور كوناشينكوف", "إيغور كوناشينكوف", "VIDEO_GAME", "denies", "قال",
           "rule", 0.95, "named", "RU_MOD")],
         [("actor", "RU_MOD", "وزارة الدفاع الروسية"),
          ("actor", "UNK:إيغور كوناشينكوف", "إيغور كوناشينكوف")]),
        ("وقيل إن التحالف يدعم داعش.",
         [("UNATTRIBUTED", "قيل", "US_SUPPORTS_ISIS", "asserts", "قيل",
           "rule", 0.9, "unattributed", None)],
         [("actor", "COALITION", "التحالف"), ("actor", "ISIS", "داعش")]),
        ("وذكر مصدر عسكري أن المسلحين غادروا الرقة باتفاق.",
         [("UNK:مصدر عسكري", "مصدر عسكري", "RAQQA_DEAL", "asserts", "ذكر",
           "example", 0.55, "source", None)],
         [("actor", "UNK:مصدر عسكري", "مصدر عسكري"), ("place", "GN:RAQQA", "الرقة")]),
        ("وأقر التحالف بأن المسلحين خرجوا باتفاق.",
         [("COALITION", "التحالف", "RAQQA_DEAL", "concedes", "أقر", "both", 0.8, "codebook", None)],
         [("actor", "COALITION", "التحالف")]),
    ],
}


def fixture_tables(*, suggestions: bool = False) -> dict[str, list[dict]]:
    """The fixture's tables; ``suggestions`` adds the provenance columns and SUGGESTIONS."""
    documents, sentences, mentions, statements = [], [], [], []
    for doc in DOCS + ([SUGGESTIONS] if suggestions else []):
        parts, pos = [], 0
        for sid, (text, stmts, ments) in enumerate(doc["sentences"]):
            start = pos
            end = start + len(text)
            parts.append(text)
            pos = end + 1  # one space or newline between sentences
            sentences.append({"doc_id": doc["doc_id"], "sentence_id": sid, "start": start,
                              "end": end, "text": text})
            for n, (actor, surface, claim, stance, cue, *found) in enumerate(stmts):
                cue_at = text.index(cue)
                statements.append({
                    "statement_id": f"{doc['doc_id']}:{sid}:{n}", "doc_id": doc["doc_id"],
                    "sentence_id": sid, "actor_id": actor, "actor_surface": surface,
                    "claim_id": claim, "stance": stance, "cue": cue, "quote": text,
                    "start": start, "end": end,
                    "cue_start": start + cue_at, "cue_end": start + cue_at + len(cue)})
                if suggestions:
                    statements[-1].update(zip(PROVENANCE, found or (
                        "rule", 1.0, "source" if actor.startswith("UNK:") else "codebook", None)))
            for kind, entity, surface in ments:
                at = text.index(surface)
                mentions.append({"doc_id": doc["doc_id"], "sentence_id": sid, "kind": kind,
                                 "entity_id": entity, "surface": surface, "start": start + at,
                                 "end": start + at + len(surface),
                                 "method": "alias" if kind == "actor" else "gazetteer"})
        # sentence 2 starts a new paragraph, to exercise line breaks in the reader
        full = ""
        for i, part in enumerate(parts):
            full += ("" if i == 0 else ("\n" if i == 2 else " ")) + part
        for s in sentences:
            if s["doc_id"] == doc["doc_id"]:
                assert full[s["start"]:s["end"]] == s["text"]
        documents.append({"doc_id": doc["doc_id"], "file": f"{doc['doc_id']}.txt",
                          "source": doc["source"], "source_basis": "metadata", "date": doc["date"],
                          "url": doc["url"], "title": doc["title"], "text": full, "language": "ar",
                          "duplicate_of": None, "raw_text": full, "encoding": "utf-8",
                          "removed": "[]"})
    return {
        "documents": documents,
        "sentences": sentences,
        "mentions": mentions,
        "statements": statements,
        "places": [dict(zip(("entity_id", "name_en", "name_ar", "lat", "lon", "kind"), p),
                        geocoder="codebook") for p in PLACES],
        "actors": [dict(zip(("actor_id", "name_en", "name_ar", "kind", "in_codebook"), a))
                   for a in ACTORS],
        "claims": [dict(zip(("claim_id", "label_en", "statement_en"), c)) for c in CLAIMS],
    }


def write_fixture(out_dir: Path | str, *, suggestions: bool = False) -> Path:
    """Write the fixture corpus into ``out_dir``; returns the build folder. ``suggestions``:
    with the statements' provenance columns and the SUGGESTIONS article."""
    return write_corpus(out_dir, fixture_tables(suggestions=suggestions),
                        info={"fixture": "tests/fixture_corpus.py"})


if __name__ == "__main__":  # pragma: no cover - manual use: python tests/fixture_corpus.py OUT
    print(write_fixture(sys.argv[1] if len(sys.argv) > 1 else "data/fixture"))

