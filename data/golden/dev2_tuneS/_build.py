"""Golden statements of helper S's claim-bearing tuning pages (``dev2_tuneS``).

Real scraped pages of the Baly et al. (2018) corpus from ``/tmp/pool/raw``, drawn by
``/work/corpus/dev2_tuneS/_select.py`` (batch 1, 24 pages) and ``_select2.py`` (batch 2, 7 pages),
seeded, by neutral cue words in the text (README beside them), and split before any pipeline output
was seen: ``tune/`` (12) + ``tune2/`` (4) tuned on, ``check/`` (11) + ``check2/`` (3) scored only in
aggregate. Annotated from the text alone, statements only, with the guidelines of
``data/golden/README.md`` and ``data/golden/dev/README.md`` (main article only; a tag page of
teasers has no article; a feed of complete short items counts its items). ``mentions.jsonl``
carries each page's ``article_lines`` only.

The engine is ``data/golden/dev/_build.py`` (imported, not copied), as in ``dev2_tuneD``.

Run:  python data/golden/dev2_tuneS/_build.py   (pages: $RIWAYA_DEV2S_CORPUS, default
      /work/corpus/dev2_tuneS/all; batch 2: $RIWAYA_DEV2S_CORPUS2, default .../all2)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("RIWAYA_DEV2S_CORPUS", "/work/corpus/dev2_tuneS/all"))
TUNE = ["R-133_08", "R-210_01", "R-279_11", "R-342_01", "R-411_04", "R-509_04", "R-524_01",
        "R-625_10", "V-362_04", "V-639_06", "V-696_04", "V-7_09"]
CHECK = ["R-128_00", "R-342_05", "R-563_10", "R-565_08", "V-395_12", "V-403_00", "V-46_06",
         "V-600_01", "V-625_09", "V-634_08", "V-7_07"]
# V-634_03 was drawn for check but is a tune page of data/golden/dev2_tuneD2 (found after the
# annotation, before any check result): left out (its annotation is kept below, unused)


sys.path.insert(0, str(HERE.parent))
from engine import build_batch, load  # noqa: E402  (data/golden/engine.py)

E = load(CORPUS, n_pages=len(TUNE) + len(CHECK), heldout=CHECK)


def page(doc_id: str, title: str, article: list[tuple[int, int]]) -> None:
    E.page(doc_id, title=title, article=article, actors=[], places=[])


st = E.st

# ============================================================================ tune (12)

page("R-133_08", "Liveuamap feed (May 2017): complete short items (no codebook claim)", [(1, 16)])
page("R-210_01", "DW: Trump tells Erdogan arms to Syrian partners adjusted (no codebook claim)",
     [(2, 15)])
page("R-279_11", "Al-Akhbar Syria section: a list of teasers (no article)", [])

page("R-342_01", "BBC Arabic: fighting in Abu Kamal; the army says it retook the city", [(1, 12)])
st("R-342_01", "UNK", "ABU_KAMAL_LIBERATED", "denies", 2, "المرصد السوري لحقوق الإنسان \" المعارض أكد",
   "لازالت تحت الحصار", speaker="المرصد السوري لحقوق الإنسان", optional=True,
   note="still besieged: contradicts the army without answering it (dev guideline 6)")
st("R-342_01", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 6, "يقول الجيش السوري إنه استعاد",
   "السيطرة على المدينة", note="the city is named later in the same sentence")
st("R-342_01", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 6, "قيادي في القوات الحكومية السورية قوله",
   "لقد تم تحرير البوكمال", speaker="قيادي في القوات الحكومية السورية")
st("R-342_01", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 6, "ونقلت وكالة رويترز للأنباء",
   "عن قيادي", speaker="وكالة رويترز للأنباء", optional=True, note="relays the commander")

page("R-411_04", "Al Mayadeen digest of the day: complete short items (no codebook claim)", [(1, 36)])
page("R-509_04", "Euronews: a Saudi minister visits Raqqa (no codebook claim)", [(1, 14)])
page("R-524_01", "Elaph: the loss of Mosul, a list of ISIS defeats (no codebook claim)", [(1, 75)])
page("R-625_10", "Reuters: the UN blacklists the Saudi-led coalition (no codebook claim)", [(1, 13)])
page("V-362_04", "Israel prepares for other wars after Syria (no codebook claim)", [(1, 27)])
page("V-639_06", "Syrian Reporter: massacres in Aleppo (no codebook claim)", [(1, 10)])
page("V-696_04", "Aleppo 24: SDF hands a retired officer to the regime (no codebook claim)", [(1, 7)])
page("V-7_09", "RBSS: Raqqa's youth conscripted by the SDF and ISIS (no codebook claim)", [(1, 10)])

# ============================================================================ check (12)

page("R-128_00", "Al Jazeera: Russian bombers strike near Abu Kamal (no codebook claim)", [(2, 4)])
page("R-342_05", "Al Jazeera: conflicting reports on Abu Kamal (Shoigu, activists, the army)", [(1, 9)])
st("R-342_05", "RU_MOD", "ABU_KAMAL_LIBERATED", "asserts", 1, "أعلن وزير الدفاع الروسي",
   "على آخر معاقل على الحدود مع العراق",
   note="the town's name is in the headline of the same scraped sentence (a link dropped)")
st("R-342_05", "UNK", "ABU_KAMAL_LIBERATED", "denies", 1, "في حين أكد ناشطون",
   "استعادة التنظيم نحو نصفها", speaker="ناشطون", optional=True)
st("R-342_05", "UNK", "ABU_KAMAL_LIBERATED", "denies", 4, "لكن ناشطين سوريين قالوا",
   "استعاد نصف مدينة البوكمال", speaker="ناشطين سوريين", optional=True)
st("R-342_05", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 6, "أن جيش النظام أعلن",
   "على البوكمال")
page("R-563_10", "Liveuamap feed (Sep 2017): complete short items (no codebook claim)", [(1, 29)])
page("R-565_08", "Al Arabiya: the last battle of Raqqa (the deal in the outlet's voice)", [(1, 10)])
page("V-395_12", "Turkey Post: Turkey's reckoning on Afrin (no codebook claim)", [(1, 24)])
page("V-403_00", "Opinion: Hayat Tahrir al-Sham and 'America's sheikhs' (no codebook claim)", [(1, 54)])
page("V-46_06", "Al Hayat: the army advances in Deir ez-Zor (no codebook claim)", [(1, 8)])
page("V-600_01", "Noon Post: al-Bab, Manbij, Raqqa (no codebook claim)", [(1, 23)])
page("V-625_09", "Al Mayadeen tag page 'SDF': a list of teasers (no article)", [])
page("V-634_08", "Unews: the army's achievements in 2017 (outlet narration only)", [(1, 31)])
page("V-7_07", "Dorar: Raqqa council official: the SDF's control is a new occupation", [(1, 8)])
HIJAZI = "نائب رئيس مجلس محافظة الرقة , محمد حجازي"
st("V-7_07", "UNK", "RAQQA_NOT_LIBERATED", "asserts", 1, "مجلس محافظة الرقة : سيطرة",
   "على المحافظة احتلال جديد", speaker="مجلس محافظة الرقة", optional=True, note="headline")
st("V-7_07", "UNK", "RAQQA_NOT_LIBERATED", "asserts", 1, "أفاد نائب رئيس مجلس محافظة الرقة",
   "احتلال ا جديد ا للمدينة", speaker=HIJAZI)
st("V-7_07", "UNK", "RAQQA_NOT_LIBERATED", "asserts", 2, "وقال \" حجازي \"",
   "نعتبر أن الرقة خرجت من احتلال إلى احتلال", speaker=HIJAZI)
st("V-7_07", "UNK", "RAQQA_NOT_LIBERATED", "asserts", 4, "وتابع قائل ا",
   "هذه الإرادة الأمريكية هدفها تدمير الرقة", speaker=HIJAZI)


# ---- left out (V-634_03, see CHECK), not built:
# page("V-634_03", "Al Rai: Sochi summit; the army enters Abu Kamal again (SOHR)", [(1, 11)])
# st("V-634_03", "UNK", "ABU_KAMAL_LIBERATED", "denies", 6, "تمكنت القوات النظامية أمس من دخول البوكمال",
#    "حسبما افاد المرصد السوري لحقوق الانسان", speaker="المرصد السوري لحقوق الانسان",
#    optional=True, note="ISIS had retaken the city: contradicts without answering")
# st("V-634_03", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 6, "وكان الجيش السوري قد أعلن",
#    "استعادة السيطرة على البوكمال")


BATCH1 = (dict(PAGES=dict(E.PAGES), STATEMENTS=list(E.STATEMENTS)), CORPUS, TUNE, CHECK,
          ("tune", "check"))
E.PAGES.clear()
E.STATEMENTS.clear()

# ============================================================================ batch 2
# Drawn by /work/corpus/dev2_tuneS/_select2.py (strict cues), split before any result: tune2 (4)
# and check2 (3; R-308_00 dropped before annotation: the same story as tune2's R-307_06).
CORPUS2 = Path(os.environ.get("RIWAYA_DEV2S_CORPUS2", "/work/corpus/dev2_tuneS/all2"))
TUNE2 = ["R-307_06", "R-338_01", "R-376_01", "R-505_12"]
CHECK2 = ["R-108_11", "R-176_00", "R-505_03"]

page("R-307_06", "Middle East Online: Moscow accuses the US of obstructing strikes at Abu Kamal",
     [(1, 4)])
st("R-307_06", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 1, "الدفاع الروسية تقول إن واشنطن",
   "بإعاقتها ضربات جوية روسية ضدهم")
st("R-307_06", "RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts", 1, "الدفاع الروسية تقول إن واشنطن",
   "بإعاقتها ضربات جوية روسية ضدهم", optional=True,
   note="obstructing Russian strikes; the town is in the headline of the same scraped sentence")
st("R-307_06", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 3, "اتهمت وزارة الدفاع الروسية الولايات المتحدة",
   "بدعم تنظيم الدولة الإسلامية في سوريا")
st("R-307_06", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 4, "وقال المتحدث باسم وزارة الدفاع الروسية",
   "الزملاء الأميركيون")
st("R-307_06", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 4, "ولفت الجنرال الروسي",
   "حيث تتمركز قوة للتحالف الدولي بقيادة واشنطن", optional=True,
   note="ISIS attacks from near US-held al-Tanf: an insinuation (dev guideline 8)")

page("R-338_01", "Al Mayadeen: Trump and Putin's statement on Syria; Putin on Abu Kamal", [(1, 10)])
st("R-338_01", "RUSSIA", "ABU_KAMAL_LIBERATED", "asserts", 7, "قال الرئيس الروسي",
   "بعد تحرير البوكمال وتطهيرها", optional=True, note="presupposed in a noun phrase")

page("R-376_01", "Annahar/AFP: Russian strikes on Deir ez-Zor; ISIS retakes Abu Kamal (SOHR)",
     [(1, 1), (5, 19)])
st("R-376_01", "UNK", "ABU_KAMAL_LIBERATED", "denies", 8, "واوضح ان القصف",
   "السيطرة عليها بالكامل السبت", speaker="المرصد", optional=True,
   note="ISIS retook the city: contradicts without answering")
st("R-376_01", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 9, "وكان الجيش السوري اعلن",
   "استعادة كاملة لمدينة البوكمال")
st("R-376_01", "UNK", "ABU_KAMAL_LIBERATED", "denies", 11, "وافاد المرصد",
   "استعاد السيطرة عليها في شكل كامل", speaker="المرصد", optional=True)

page("R-505_12", "Al Bilad: SDF says Raqqa will be part of a federal Syria (no codebook claim)",
     [(1, 14)])

page("R-108_11", "Syrian revolution site: the day's articles (Al Hayat, Al Quds al-Arabi, AFP)",
     [(1, 100)])
SILO = "طلال سيلو"
st("R-108_11", "UNK", "RAQQA_DEAL", "asserts", 44, "منشق عن القوات الكردية",
   "غادروا الرقة بصفقة", speaker="منشق عن القوات الكردية", optional=True, note="headline")
st("R-108_11", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 44, "منشق عن القوات الكردية",
   "وافقت عليها واشنطن", speaker="منشق عن القوات الكردية", optional=True, note="headline")
st("R-108_11", "UNK", "RAQQA_DEAL", "asserts", 48, "أكد طلال سيلو",
   "غادروا المدينة بموجب صفقة سرية", speaker=SILO,
   note="the city (Raqqa) named in the story's headline, as dev2_tuneD's R-509_02")
st("R-108_11", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 48, "أكد طلال سيلو",
   "وافقت عليها الولايات المتحدة", speaker=SILO, optional=True, note="in a relative clause")
st("R-108_11", "USA", "COALITION_PARTY_TO_DEAL", "denies", 49, "ووصف مسؤولون أمريكيون",
   "زائفة ومختلقة", optional=True, note="denies Silo's account as a whole")
st("R-108_11", "UNK", "RAQQA_DEAL", "asserts", 49, "غير أن مسؤولا أمنيا في تركيا",
   "روى أحداثا مشابهة", speaker="مسؤولا أمنيا في تركيا", optional=True)
st("R-108_11", "UNK", "RAQQA_DEAL", "asserts", 50, "وقال سيلو",
   "على أن يرحل الإرهابيون", speaker=SILO)
page("R-176_00", "Youm7: Turkey may extend its mission to Afrin (no codebook claim)", [(1, 7)])
page("R-505_03", "Sky News Arabia: SDF's plan for Raqqa (no codebook claim)", [(1, 8)])

BATCH2 = (dict(PAGES=dict(E.PAGES), STATEMENTS=list(E.STATEMENTS)), CORPUS2, TUNE2, CHECK2,
          ("tune2", "check2"))


def main(argv: list[str]) -> int:
    for batch in (BATCH1, BATCH2):
        build_batch(E, batch, argv, HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
