"""Golden statements of helper D's claim-bearing tuning pages (``dev2_tuneD``).

Eighteen real scraped pages of the Baly et al. (2018) corpus, drawn by
``/work/corpus/dev2_tuneD/_select.py`` (seeded, README beside it) from the pages that helper N's
held-out set (``/work/corpus/dev2/README.md``) and ``shared/corpus/dev`` do not hold, split
before any pipeline output was seen: ``tune/`` (9 pages, tuned on) and ``check/`` (9 pages,
scored only in aggregate). Annotated, statements only, with the guidelines of
``data/golden/README.md`` and ``data/golden/dev/README.md`` (main article only; a tag page of
teasers has no article). ``mentions.jsonl`` carries each page's ``article_lines`` only (no actor
or place list: these pages score statements).

The engine is ``data/golden/dev/_build.py`` (imported, not copied): evidence sliced from the raw
line between two anchors, checked unique and inside the article lines.

A second batch of longer pages (``_select2.py``) is written to ``tune2/`` (3) and ``check2/`` (2).

Run:  python data/golden/dev2_tuneD/_build.py   (pages: $RIWAYA_DEV2D_CORPUS, default
      /work/corpus/dev2_tuneD/all; batch 2: $RIWAYA_DEV2D_CORPUS2, default .../all2)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("RIWAYA_DEV2D_CORPUS", "/work/corpus/dev2_tuneD/all"))
TUNE = ["R-127_00", "R-288_00", "R-288_02", "R-307_04", "R-342_04", "R-342_08", "R-509_02",
        "R-547_09", "V-395_11"]
CHECK = ["R-186_04", "R-187_10", "R-308_01", "R-342_03", "R-635_03", "R-651_12", "R-89_01",
         "V-328_06", "V-596_06"]


sys.path.insert(0, str(HERE.parent))
from engine import build_batch, load  # noqa: E402  (data/golden/engine.py)

E = load(CORPUS, n_pages=len(TUNE) + len(CHECK), heldout=CHECK)


def page(doc_id: str, title: str, article: list[tuple[int, int]]) -> None:
    E.page(doc_id, title=title, article=article, actors=[], places=[])


st = E.st

# ============================================================================ tune (9)

page("R-127_00", "Reuters: coalition says < 3,000 ISIS fighters left (no codebook claim)",
     [(1, 1), (4, 9)])

page("R-288_00", "Alsumaria: French army says the coalition opposed the Raqqa exit deal",
     [(1, 6)])
st("R-288_00", "UNK", "COALITION_PARTY_TO_DEAL", "denies", 1, "أعلن الجيش الفرنسي",
   "عارض اتفاقا أتاح لمسلحي التنظيم الانسحاب", speaker="الجيش الفرنسي")
st("R-288_00", "UNK", "RAQQA_DEAL", "concedes", 1, "أعلن الجيش الفرنسي",
   "معقلهم السابق في سوريا , مدينة الرقة", speaker="الجيش الفرنسي", optional=True,
   note="the deal is in a relative clause (presupposed)")
st("R-288_00", "UNK", "RAQQA_DEAL", "asserts", 3, "وذكرت تقارير إعلامية",
   "خرجوا من الرقة في إطار الاتفاق", speaker="تقارير إعلامية")
st("R-288_00", "UNK", "FOREIGN_FIGHTERS_ESCAPED", "asserts", 3, "وذكرت تقارير إعلامية",
   "بينهم مئات الأجانب , خرجوا من الرقة", speaker="تقارير إعلامية")
st("R-288_00", "TURKEY_MFA", "RAQQA_DEAL", "asserts", 4, "وقالت أنقرة",
   "الاتفاق الذي أبرم بين قوات سوريا الديمقراطية", optional=True,
   note="Ankara's dismay presupposes the deal (as the sample's 001)")
st("R-288_00", "UNK", "COALITION_PARTY_TO_DEAL", "denies", 5, "وقال ستايغر",
   "التحالف لم يكن مع هذا الاتفاق", speaker="المتحدث باسم الجيش الفرنسي باتريك ستايغر")
st("R-288_00", "UNK", "RAQQA_DEAL", "concedes", 5, "وقال ستايغر",
   "الذي أتاح لإرهابيي داعش الهرب", speaker="المتحدث باسم الجيش الفرنسي باتريك ستايغر",
   optional=True, note="relative clause")
st("R-288_00", "UNK", "RAQQA_DEAL", "concedes", 6, "كانت طائرات دون طيار",
   "تراقب القافلة", speaker="المتحدث باسم الجيش الفرنسي باتريك ستايغر", optional=True,
   note="drones watched the convoy (as the sample's Dillon)")

page("R-288_02", "NBN tag page 'الرقة': a list of teasers (no article)", [])

page("R-307_04", "Euronews: Russian MoD says the US covers ISIS, obstructed strikes at Abu Kamal",
     [(1, 15)])
st("R-307_04", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 1, "ذكرت وزارة الدفاع الروسية",
   "تقدم بالفعل غطاء لوحدات تنظيم")
st("R-307_04", "RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts", 2, "وأضافت الوزارة",
   "بالقرب من مدينة البوكمال السورية")
st("R-307_04", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 3, "وقالت \" هذه الحقائق",
   "غطاء لوحدات \" داعش")

page("R-342_04", "AFP: the army retakes all of Abu Kamal (military source, SANA, SOHR)",
     [(1, 11)])
st("R-342_04", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 2, "استعاد وحلفاؤه السيطرة مجددا",
   "وفق ما أكد مصدر عسكري", speaker="مصدر عسكري", optional=True,
   note="the city's name is missing from the scraped sentence (named in the next one)")
st("R-342_04", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 3, "وقال المصدر",
   "على كامل مدينة البوكمال", speaker="مصدر عسكري")
st("R-342_04", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 4, "وأفاد المصدر العسكري",
   "والسيطرة عليها بالكامل", speaker="مصدر عسكري")
st("R-342_04", "SANA", "ABU_KAMAL_LIBERATED", "asserts", 5, "وأوردت وكالة الأنباء",
   "يقضون على آخر بؤر إرهابيي داعش في المدينة", optional=True,
   note="'eliminating the last pockets': ongoing")
st("R-342_04", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 9, "وكان الجيش السوري أعلن",
   "استعادة البوكمال")

page("R-342_08", "SOHR: ISIS retakes Abu Kamal; the army had announced its full control",
     [(1, 1)])
st("R-342_08", "UNK", "ABU_KAMAL_LIBERATED", "denies", 1, "أفاد \" المرصد السوري",
   "السيطرة التامة على مدينة البوكمال", speaker="المرصد السوري لحقوق الانسان", optional=True,
   note="contradicts without answering (guideline 6)")
st("R-342_08", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 1,
   "وكان الجيش السوري أعلن في وقت سابق", "على كامل البوكمال")

page("R-509_02", "Qantara/Reuters: SDF defector Talal Silo on the Raqqa deal the US approved",
     [(1, 7), (34, 54)])
SILO = "طلال سيلو"
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 1, "وقال إن آلافا من مقاتلي التنظيم",
   "غادر المدينة بموجب صفقة سرية", speaker=SILO)
st("R-509_02", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 1, "وقال إن آلافا من مقاتلي التنظيم",
   "صفقة سرية وافقت عليها الولايات المتحدة", speaker=SILO, optional=True,
   note="in a relative clause on the deal")
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 2, "وقال طلال سيل",
   "لنقل جميع المسلحين الباقين من تنظيم الدولة الإسلامية من مدينة الرقة", speaker=SILO)
st("R-509_02", "USA", "COALITION_PARTY_TO_DEAL", "denies", 3, "ووصف مسؤولون أمريكيون",
   "زائفة ومختلقة", optional=True, note="denies Silo's account as a whole")
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 3, "غير أن مسؤولا أمنيا في تركيا",
   "روى أحداثا مشابهة", speaker="مسؤولا أمنيا في تركيا", optional=True)
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 5, "وأحد المسؤولين الذين قالوا لوسائل الإعلام",
   "أقل من 300 مقاتل غادروا الرقة مع عائلاتهم", speaker=SILO, optional=True)
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 6, "إلا أنه قال في مقابلة",
   "لحين إتمام عملية الإجلاء", speaker=SILO)
st("R-509_02", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 7, "وأضاف أن مسؤولا أمريكيا",
   "وافق على الصفقة", speaker=SILO)
st("R-509_02", "DRIVERS", "RAQQA_DEAL", "asserts", 35, "أن أحد السائقين",
   "محملة بالمقاتلين والذخائر")
st("R-509_02", "BBC", "RAQQA_DEAL", "asserts", 35, "وقالت هيئة الإذاعة البريطانية",
   "في عملية الإجلاء", optional=True, note="relays the driver")
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 37, "وقال سيلو : \" تم التوصل لاتفاق",
   "على أن يرحل الإرهابيون", speaker=SILO)
st("R-509_02", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 41, "وأضاف : \" الإعلان كان غطاء",
   "وأن الاتفاق أقرته الولايات المتحدة", speaker=SILO)
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 41, "وأضاف : \" الإعلان كان غطاء",
   "لهؤلاء الذين رحلوا إلى دير الزور", speaker=SILO, optional=True)
st("R-509_02", "SDF", "RAQQA_DEAL", "denies", 42, "وتنفي قوات سوريا الديمقراطية",
   "استطاعوا مغادرة الرقة إلى دير الزور")
st("R-509_02", "COALITION", "COALITION_PARTY_TO_DEAL", "denies", 42, "وقال التحالف العسكري",
   "اتفاقات مع إرهابيين")
st("R-509_02", "COALITION", "US_SUPPORTS_ISIS", "denies", 43, "وقال التحالف في بيان",
   "تواطؤ التحالف مع تنظيم الدولة الإسلامية")
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 44, "إلا أن مسؤولا أمنيا تركيا قال",
   "أكبر من العدد المعترف به", speaker="مسؤولا أمنيا تركيا", optional=True)
st("R-509_02", "UNK", "RAQQA_DEAL", "asserts", 51, "وأضاف أن محادثات الرقة",
   "ووسيط من الدولة الإسلامية", speaker=SILO)
st("R-509_02", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 53, "وقال سيلو : \" عاد",
   "بموافقة الإدارة الأمريكية", speaker=SILO)
st("R-509_02", "COALITION", "RAQQA_DEAL", "concedes", 54, "وقبل أسبوعين قال التحالف",
   "الصفقة التي قال إنه تم التوصل إليها")
st("R-509_02", "COALITION", "COALITION_PARTY_TO_DEAL", "denies", 54, "وقبل أسبوعين قال التحالف",
   "لكنه لم يشارك في الصفقة")

page("R-547_09", "Turk Press (Al-Monitor): Erdogan accuses the coalition of backing ISIS",
     [(1, 28)])
st("R-547_09", "UNK", "US_SUPPORTS_ISIS", "asserts", 16, "واتهم قوات التحالف",
   "بدعم داعش", speaker="الرئيس التركي")
st("R-547_09", "USA", "US_SUPPORTS_ISIS", "denies", 17, "أصدرته السفارة الأمريكية",
   "لا تدعم داعش")

page("V-395_11", "Al Jazeera (Feb 2017): FSA and Turkey take al-Bab (no codebook claim)",
     [(1, 14)])

# ============================================================================ check (9)

page("R-186_04", "Uyun al-Khalij: Washington to cut arms to groups fighting ISIS (no claim)",
     [(1, 1)])
page("R-187_10", "Pentagon reviews arms to the Syrian Kurds (no codebook claim)", [(1, 3)])
page("R-308_01", "Arabi21: how ISIS became a tool for settling scores (Turkey, BBC, Russia)",
     [(1, 29)])
TURKEY = "تركيا"
st("R-308_01", "UNK", "RAQQA_DEAL", "asserts", 4, "اتهمت تركيا المليشيات الكردية",
   "بتسهيل خروج عناصر تنظيم الدولة من مدينة الرقة", speaker=TURKEY)
st("R-308_01", "UNK", "RAQQA_DEAL", "asserts", 5, "وقالت تركيا إن اتفاقا",
   "خرج بموجبه عناصر التنظيم من المدينة", speaker=TURKEY)
st("R-308_01", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 5, "وقالت تركيا إن اتفاقا",
   "في الرقة برعاية أمريكية", speaker=TURKEY)
st("R-308_01", "SDF", "RAQQA_DEAL", "denies", 8, "مصطفى بالي , كان قد أعلن",
   "بمبدأ عدم التفاوض مع التنظيم", optional=True, note="a principle, not about Raqqa")
st("R-308_01", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 11, "وسبق أن ألمحت تركيا",
   "تسهيل خروج تنظيم الدولة من الرقة", speaker=TURKEY)
st("R-308_01", "BBC", "RAQQA_DEAL", "asserts", 12, "ويتعلق الأمر بانتقال",
   "وفق اتفاق تم بينهم", optional=True, note="the BBC report's content, no cue in the sentence")
st("R-308_01", "BBC", "COALITION_PARTY_TO_DEAL", "asserts", 12, "ويتعلق الأمر بانتقال",
   "وبين التحالف الغربي", optional=True)
st("R-308_01", "COALITION", "COALITION_PARTY_TO_DEAL", "denies", 12, "وهو أمر تصر",
   "على نفيه", optional=True)
st("R-308_01", "BBC", "RAQQA_DEAL", "asserts", 13, "ووصف التقرير", "سر الرقة القذر")
st("R-308_01", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 14, "وجهت روسيا اتهامات",
   "بتقديم تغطية لعناصر تنظيم الدولة")
st("R-308_01", "RUSSIA", "ABU_KAMAL_NO_STRIKE", "asserts", 14, "وجهت روسيا اتهامات",
   "في مدينة البوكمال السورية", optional=True)
st("R-308_01", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 15, "التي قالت إن الولايات المتحدة",
   "غطاء لوحدات تنظيم الدولة")
st("R-308_01", "COALITION", "US_SUPPORTS_ISIS", "concedes", 27, "وكان التحالف الدولي أعلن",
   "بالغذاء , والماء", optional=True, note="the Qalamoun convoy fed by the coalition")

page("R-342_03", "Rai al-Youm: ISIS retakes Abu Kamal (SOHR); the army had announced it",
     [(1, 15)])
SOHR = "المرصد السوري لحقوق الانسان"
st("R-342_03", "UNK", "ABU_KAMAL_LIBERATED", "denies", 6, "واكد المرصد السوري",
   "السيطرة التامة على مدينة البوكمال", speaker=SOHR, optional=True)
st("R-342_03", "UNK", "ABU_KAMAL_LIBERATED", "denies", 7, "وصرح مدير المرصد",
   "على مدينة البوكمال بشكل كامل", speaker=SOHR, optional=True)
st("R-342_03", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 8, "وكان الجيش السوري اعلن",
   "استعادة كامل مدينة البوكمال")
st("R-342_03", "UNK", "ABU_KAMAL_LIBERATED", "denies", 9, "وذكر مدير المرصد",
   "على مدينة البوكمال بشكل شبه كامل", speaker=SOHR, optional=True)
st("R-342_03", "UNK", "ABU_KAMAL_LIBERATED", "denies", 11, "وقال عبد الرحمن إن التنظيم",
   "استعادت السيطرة على المدينة", speaker=SOHR, optional=True)

page("R-635_03", "Palestine Now: 133 civilians killed in strikes (no codebook claim)", [(1, 8)])
page("R-651_12", "Alsouria: Hezbollah: the Qalamoun ISIS convoy goes to Abu Kamal (no claim)",
     [(1, 10)])
page("R-89_01", "Russia starts withdrawing from Syria; Pentagon doubts (no codebook claim)",
     [(1, 21)])
page("V-328_06", "Alalam: ISIS arrests an imam close to Baghdadi (no codebook claim)", [(1, 10)])
page("V-596_06", "Rawabet: the Iranian corridor (no codebook claim)", [(1, 35)])


BATCH1 = (dict(PAGES=dict(E.PAGES), STATEMENTS=list(E.STATEMENTS)), CORPUS, TUNE, CHECK,
          ("tune", "check"))
E.PAGES.clear()
E.STATEMENTS.clear()

# ============================================================================ batch 2
# Drawn by /work/corpus/dev2_tuneD/_select2.py (pages of 12,000-20,000 characters), split before
# any result: tune2 (3) and check2 (2).
CORPUS2 = Path(os.environ.get("RIWAYA_DEV2D_CORPUS2", "/work/corpus/dev2_tuneD/all2"))
TUNE2 = ["R-635_04", "V-229_05", "V-611_00"]
CHECK2 = ["R-147_00", "V-566_02"]

page("R-635_04", "Liveuamap feed (Sep 2017): complete short items, run together", [(1, 30)])
st("R-635_04", "USA", "US_SUPPORTS_ISIS", "denies", 7, "وزارة الخارجية الأميركية : الادعاءات",
   "لا أساس لها في الواقع")

page("V-229_05", "Islamic Movements Portal: world press roundup (items are the content)", [(1, 75)])
BASHIR = "نواف بشير زعيم قبيلة فى دير الزور"
st("V-229_05", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 26, "أنا أتهم الأمريكيين",
   "برعايتهم لاتفاق بين الأكراد وداعش", speaker=BASHIR)
st("V-229_05", "UNK", "RAQQA_DEAL", "asserts", 26, "أنا أتهم الأمريكيين",
   "بالرحيل عن الرقة", speaker=BASHIR)
st("V-229_05", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 28, "بدأت روسيا فى توجيه",
   "التى تهدف لمحاربة الارهابيين", optional=True,
   note="obstructing operations against the terrorists: an insinuation (dev guideline 8)")
st("V-229_05", "SYRIAN_GOV", "RAQQA_NOT_LIBERATED", "asserts", 43, "والتى وصفها وليد المعلم",
   "مدينة محتلة")

page("V-611_00", "Liveuamap feed (Aug 2017): complete short items (no codebook claim)", [(1, 29)])

page("R-147_00", "Al Hayat, 4 Dec 2017: YPG thanks Russia for Deir ez-Zor (no codebook claim)",
     [(1, 17)])
page("V-566_02", "Meir Amit weekly report (June 2017): Russians say the coalition let ISIS move",
     [(2, 100)])
st("V-566_02", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 22, "كما وقال الاثنان أن دول التحالف",
   "بالانتقال من الرقة إلى تدمر ودير الزور",
   note="the Russian General Staff and the forces' commander: the coalition let ISIS move "
        "(June 2017, before the Raqqa deal; dev guideline 7)")
st("V-566_02", "RU_MOD", "COALITION_PARTY_TO_DEAL", "asserts", 22, "كما وقال الاثنان أن دول التحالف",
   "قد سمحت لقوات تنظيم الدولة الإسلامية", optional=True)
st("V-566_02", "UNK", "RAQQA_DEAL", "asserts", 46, "وأفادت التقارير بأن وفدا",
   "من مدينة الرقة باتجاه دير الزور", speaker="التقارير", optional=True,
   note="negotiations toward a deal")
st("V-566_02", "UNK", "RAQQA_DEAL", "denies", 47, "المحامي ابراهيم الحسن", "نفى هذا الخبر",
   speaker="المحامي ابراهيم الحسن , عضو المجلس المدني لمحافظة الرقة", optional=True)

BATCH2 = (dict(PAGES=dict(E.PAGES), STATEMENTS=list(E.STATEMENTS)), CORPUS2, TUNE2, CHECK2,
          ("tune2", "check2"))


def main(argv: list[str]) -> int:
    for batch in (BATCH1, BATCH2):
        build_batch(E, batch, argv, HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
