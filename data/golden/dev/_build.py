"""Build the golden annotation of the development corpus (23 real scraped pages).

Run:  python data/golden/dev/_build.py          (writes tune/ and heldout/ next to this file)
      python data/golden/dev/_build.py --check  (validates only, writes nothing)

The annotation itself is the data below (PAGES and STATEMENTS). Nothing in the output is
typed by hand: every ``evidence`` is sliced out of the raw page between two anchors
(``start`` .. ``end``, both on one raw line), every ``not_places`` / ``metonyms`` string is
sliced out of the page's article text, and ``boilerplate`` is generated from
``article_lines``. The script asserts that each evidence occurs exactly once in its file
(pages whose body is repeated by the scraper: exactly once in the article lines, and its
first occurrence in the file lies there), that it lies inside ``article_lines``, and that
every id exists in the codebook.

Corpus: ``RIWAYA_DEV_CORPUS`` if set, else ``<workspace>/shared/corpus/dev`` (this file is
``<workspace>/main/data/golden/dev/_build.py``).
"""
from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("RIWAYA_DEV_CORPUS")
              or Path(__file__).resolve().parents[4] / "shared/corpus/dev")
CODEBOOK = HERE.parents[1] / "codebook"

SEED = 2017
N_HELDOUT = 8
N_PAGES = 23                  # dev2/_build.py reuses this engine with its own values
SPLITS = ("tune", "heldout")
STANCES = ("asserts", "denies", "concedes")
ARABIC = re.compile("[\u0600-\u06FF]")
LETTER = re.compile("[A-Za-z\u0600-\u06FF]")


def heldout_ids(stems: list[str]) -> list[str]:
    """The held-out pages: ``random.Random(2017).sample(sorted(stems), 8)``."""
    return random.Random(SEED).sample(sorted(stems), N_HELDOUT)


# --------------------------------------------------------------------------- data model

PAGES: dict[str, dict] = {}
STATEMENTS: list[dict] = []


def page(doc_id: str, *, title: str, article: list[tuple[int, int]], actors: list[str],
         places: list[str], not_places: list[str] = (), metonyms: list[str] = (),
         unlisted: list[str] = (), place_surfaces: list[str] = (),
         repeated_body: bool = False, note: str = "") -> None:
    """One page's mentions.

    ``places``: ids as in the guidelines. ``place_surfaces``: how the listed places are
    written (used only to check that no not_place/metonym string overlaps a real place).
    ``unlisted``: real places the article names that are not required (not in GeoNames'
    cities500 or only regions/features), for the README.
    """
    assert doc_id not in PAGES, doc_id
    PAGES[doc_id] = dict(title=title, article=[list(r) for r in article], actors=list(actors),
                         places=list(places), not_places=list(not_places),
                         metonyms=list(metonyms), unlisted=list(unlisted),
                         place_surfaces=list(place_surfaces), repeated_body=repeated_body,
                         note=note)


def st(doc_id: str, actor_id: str, claim_id: str, stance: str, line: int, start: str,
       end: str, *, optional: bool = False, note: str = "", speaker: str = "") -> None:
    """One statement; evidence = raw line ``line`` from ``start`` to the end of ``end``."""
    STATEMENTS.append(dict(doc_id=doc_id, actor_id=actor_id, claim_id=claim_id,
                           stance=stance, line=line, start=start, end=end,
                           optional=optional, note=note, speaker=speaker))


# --------------------------------------------------------------------------- annotation
# (filled in below, page by page; see README.md for the guidelines)

# ---- R-117_02 (Baladi News analysis, 6 Oct 2017: ISIS counter-offensive south of Deir ez-Zor)
# Line 1 mixes the site header with the headline and the first paragraph; line 38 is the footer.
# The headline ("did ISIS catch its breath with American oxygen?") is the outlet's own rhetorical
# question: no statement. Nothing in the body is about a codebook claim.
page("R-117_02", title="Baladi News analysis: ISIS offensive in the Badia (no codebook claim)",
     article=[(1, 37)],
     actors=["ISIS", "SYRIAN_GOV", "RUSSIA", "USA", "COALITION", "SDF"],
     places=["CC:SY", "CC:IQ", "CC:LB", "DEIR_EZZOR", "DAMASCUS", "EUPHRATES", "name:Tadmur",
             "name:Al Qaryatayn", "name:Homs", "name:As Sukhnah", "name:`Uqayribat",
             "name:Al Mayadin", "name:Al Qa'im", "name:Tehran", "name:Latakia", "name:Beirut",
             "name:Hamah", "name:Markadah", "name:At Tibni", "name:Tartus", "name:Baalbek",
             "name:El Hermel"],
     place_surfaces=["دير الزور", "ديرالزور", "دمشق", "الفرات", "تدمر", "القريتين", "حمص",
                     "السخنة", "عقيربات", "الميادين", "حصيبة", "طهران", "اللاذقية", "بيروت",
                     "حماة", "مركدة", "التبني", "طرطوس", "بعلبك", "الهرمل", "لبنان", "سوريا",
                     "سورية", "العراق"],
     not_places=["الدولة", "حزب الله", "وصف", "كبيرة", "المشهد", "البري", "كبيرا", "الإشارة",
                 "حول مقتل", "إطار", "لجنة", "البشري", "من جديد", "وقف", "قوات " + '" قسد "'],
     metonyms=["صدم موسكو", "بين موسكو وواشنطن", "روسيا تدافع", "تحاول إيران", "سيطرة واشنطن",
               "قيام واشنطن", "اتهمت إسرائيل إيران", "اتهمت ايران روسيا", "بين واشنطن وروسيا",
               "بين واشنطن وموسكو"],
     unlisted=["حميمة (Humaymah)", "الشولا", "كباجب", "الآرك", "المريعية", "حويجة صكر", "البوعمر",
               "الصور (Al-Sur, Deir ez-Zor; not Tyre)", "معان (village in Hama; not Ma'an, Jordan)",
               "جبل البلعاس", "القلمون", "معبر التنف", "الخابور", "حقل الجفرة", "كونيكو",
               "البغيلية", "airbases التيفور/الشعيرات/السين/الناصرية (not Nasiriyah, Iraq)",
               "البحر المتوسط", "جبل عاد", "جبال جبيل (not Byblos)", "الجزيرة", "الشام",
               "إقليم كردستان العراق", "الشرق الأوسط", "البادية"])

# ---- R-117_11 (Meir Amit Center weekly report, late Sep 2017)
# Line 1 is the site header (name twice, Persian placeholder text) with two captions: left out.
# Lines 2-5 are image captions of the report and stay in. The page stops at line 100.
page("R-117_11", title="Meir Amit weekly report (Sep 2017): Russian claims of US vehicles in ISIS areas",
     article=[(2, 100)],
     actors=["RU_MOD", "RUSSIA", "SYRIAN_GOV", "SDF", "ISIS", "USA", "IRAQI_FORCES",
             "COALITION", "DILLON"],
     places=["CC:SY", "CC:IQ", "RAQQA", "DEIR_EZZOR", "MOSUL", "EUPHRATES", "name:Al Hawijah",
             "name:Bayji", "name:`Anah", "name:Al Qa'im", "name:Idlib", "name:Ma`dan",
             "name:Kirkuk", "name:Tikrit"],
     place_surfaces=["سوريا", "العراق", "الرقة", "دير الزور", "الموصل", "الفرات", "الحويجه",
                     "الحويجة", "بيجي", "عانه", "القائم", "إدلب", "معدان", "كركوك", "تكريت"],
     not_places=["دمشق الآن", "الدرر الشامية", "العراق نت", "سوريا نت", "Syria - Victory",
                 "فرات اف ام", "مركز نينوى", "جيش سوريا الحر", "تحرير الشام", "فتح الشام",
                 "الدولة الإسلامية", "قوات سوريا الديمقراطية", "في الميدان", "اسم الحي",
                 "جزيرة قريبة", "الصور", "خبراء", "عبور", "معسكر", "لسان", "كبار", "حول",
                 "كامل", "وقف", "كبيرة", "جامعة", "الجديدة", "كان"],
     metonyms=["ترعاها أمريكا", "بين روسيا والقوات السورية", "رد من جانب روسيا", "تدخل روسيا",
               "برعاية الولايات المتحدة", "برئاسة الولايات المتحدة", "روسيا وتركيا",
               "وبين الولايات المتحدة"],
     unlisted=["الزاب", "الأنبار", "البحر الأبيض المتوسط", "شمال القوقاز", "البغيلية", "عياش",
               "قرية مظلوم", "بلدة خشان (probably Khasham)", "حقل كونكو", "حقل العزبة",
               "حويجة صخر (island; not Hawija, Iraq)", "ميدان الساعة/ميدان النعيم (Raqqa squares)",
               "الصحراء السورية"])
st("R-117_11", "RU_MOD", "US_SAFE_IN_ISIS_AREAS", "asserts", 36,
   "جاء في مزاعم روسية", "السيارات التي تستخدمها القوات الأمريكية الخاصة",
   note="'Russian claims' based on aerial images: Humvees of US special forces at an ISIS position "
        "in Deir ez-Zor; the paragraph's source is the Russian MoD's Facebook page (line 37), so "
        "the most specific actor is RU_MOD.")
st("R-117_11", "RU_MOD", "US_SAFE_IN_ISIS_AREAS", "asserts", 37,
   "وقد شوهدت هذه القوات", "كانت سابقا تحت سيطرة تنظيم الدولة الإسلامية",
   optional=True,
   note="Passive with the MoD's Facebook page cited after it; 'strongholds formerly held by ISIS' "
        "is weaker than the claim.")

# ---- R-117_12 (Meir Amit Center weekly report, early Nov 2017)  [held-out]
page("R-117_12", title="Meir Amit weekly report (Nov 2017): Abu Kamal offensive, Hadar (no codebook claim)",
     article=[(2, 100)],
     actors=["RU_MOD", "RUSSIA", "USA", "COALITION", "DILLON", "SDF", "ISIS", "SYRIAN_GOV", "SANA"],
     places=["CC:SY", "CC:IQ", "CC:IL", "CC:RU", "ABU_KAMAL", "DEIR_EZZOR", "EUPHRATES",
             "DAMASCUS", "name:Latakia", "name:Dar`a", "name:Idlib", "name:Al Mayadin",
             "name:Manbij", "name:Aleppo"],
     place_surfaces=["سوريا", "العراق", "إسرائيل", "روسيا", "البوكمال", "دير الزور", "الفرات",
                     "دمشق", "اللاذقية", "درعا", "إدلب", "الميادين", "منبج", "حلب"],
     not_places=["فيلق القدس", "مشهد النصر", "بزيارة", "زيارة", "وردا", "لأي", "طرف",
                 "معهد النورس", "كبيرة", "الأمن", "البيان", "الم لقب", "البري", "لسان",
                 "الحصار", "سنة", "خبر آخر", "قاسم سليماني", "بشار الأسد", "كولبينو",
                 "ويليكي نوفغورود", "دمشق الآن", "تحرير الشام", "الدولة الإسلامية",
                 "قوات سوريا الديمقراطية", "قيود الحرمون", "جبل الشيخ", "كان", "فإن"],
     metonyms=["نية إيران", "بالنسبة لإسرائيل", "ترعاها إيران", "ترعاها الولايات المتحدة",
               "أعمال الولايات المتحدة", "الولايات المتحدة غير معنية"],
     unlisted=["حضر/الحضر (Hadar, Golan; not Hatra, Iraq)", "بيت جن (Beit Jinn; not Beit Jann, Israel)",
               "هضبة الجولان", "التنف", "حميميم (airbase)", "البحر المتوسط", "الشرق الأوسط",
               "محطة ضخ النفط T2"])

# ---- R-147_04 (Al Hayat, Mar 2017: 400 more US troops for Raqqa; Reuters analysis of Turkey)
# One Al Hayat composite article (agency reports under one headline, with sub-heads on lines 20
# and 23); the coalition spokesman here is Col. John Dorrian, not Dillon.
page("R-147_04", title="Al Hayat: US deploys 400 troops and artillery for Raqqa (no codebook claim)",
     article=[(1, 45)],
     actors=["COALITION", "USA", "ISIS", "SDF", "RUSSIA", "SYRIAN_GOV"],
     places=["CC:SY", "CC:IQ", "RAQQA", "DEIR_EZZOR", "EUPHRATES", "name:Manbij",
             "name:Al Mayadin", "name:Al Qamishli", "name:Aleppo", "name:Ankara", "name:Moscow",
             "name:`Ayn al `Arab"],
     place_surfaces=["سورية", "سوريا", "العراق", "الرقة", "دير الزور", "الفرات", "منبج",
                     "الميادين", "القامشلي", "حلب", "في أنقرة", "إلى موسكو", "كوباني"],
     not_places=["وردا", "دور", "بدور", "دورا", "الدور", "بأنه", "لأي", "إشارة", "حصار",
                 "الخميس", "كردي", "إطار", "الطرف", "كالين", "قاسم مشترك", "قوله", "جويا",
                 "خليل", "قائم على", "جديدة", "بشار الأسد", "فلاديمير بوتين", "كامل",
                 "حزب العمال الكردستاني", "درع الفرات", "قوات سورية الديموقراطية", "كان",
                 "مدرسة", "الجيب", "الماسة", "الآمال", "ليل", "البلدة", "اتحاد"],
     metonyms=["على واشنطن للاضطلاع", "تستحث واشنطن", "واشنطن تقف", "واشنطن تقول لأنقرة",
               "تحاشته واشنطن", "كانت واشنطن أبدت", "تضطر واشنطن", "مدعومة من واشنطن",
               "أنقرة ما زالت", "انزعاج أنقرة", "كانت أنقرة تأمل", "تعتبرها أنقره",
               "وتضغط تركيا", "فقدت تركيا", "المدعوم من روسيا", "لروسيا وأميركا وتركيا"],
     unlisted=["المطب (village north of Raqqa)", "بيروت (dateline only)", "شمال سوريا (region)"])

# ---- R-207_10 (no header: seven reports on the YPG thanking Russia, Dec 2017, run together)
# The scraper concatenated several outlets' stories on the same event with no title or marker.
# Main article = the first story (lines 1-14, Al Hayat-style report ending with Ghouta); the
# others (AFP version from line 15, "العرب اليوم" line 23, Turkish statements line 27, Asharq
# al-Awsat interview with Sipan Hemo 28-51, Silo 52-54, another report 55-64) are other stories.
# No codebook claim in the main story (line 59's "اتفاق إخراج عناصر ... من الرقة" is narration
# in another story).
page("R-207_10", title="YPG thanks Russia and the coalition for east Deir ez-Zor (no codebook claim)",
     article=[(1, 14)],
     actors=["SDF", "RUSSIA", "ISIS", "USA", "US_DOD", "COALITION", "SYRIAN_GOV"],
     places=["CC:SY", "EUPHRATES", "DEIR_EZZOR", "ABU_KAMAL", "RAQQA", "DAMASCUS",
             "name:Al Mayadin"],
     place_surfaces=["سورية", "الفرات", "دير الزور", "البوكمال", "الرقة", "دمشق", "الميادين"],
     not_places=["وكان", "بيان", "إشارة", "قوله", "بصدد", "كامل", "سلمية", "السلمية",
                 "السلطات", "قوات سورية الديموقراطية", "سورية الديموقراطية"],
     metonyms=["الشكر إلى روسيا", "بدعم من روسيا", "بقيادة أميركا", "وعلى رأسها روسيا",
               "وشكرها روسيا"],
     unlisted=["حميميم (Hmeimim air base)", "الغوطة الشرقية"],
     note="ARAB_TRIBES not listed: the Arab tribes here are Deir ez-Zor tribes fighting with the "
          "YPG, not the tribes of the Raqqa arrangement.")

# ---- R-307_09 (Al-Araby Al-Jadeed, 15 Nov 2017: Lavrov and the Russian MoD on Abu Kamal)
# The scraper repeated the body: lines 1-18 are the first copy (line 1 = header + headline +
# first paragraph), lines 19-36 a second, damaged copy (dateline, headline, some words lost).
# The first copy counts; lines identical to it are not listed as boilerplate.
page("R-307_09", title="Al-Araby: Lavrov and the Russian MoD accuse the US over Abu Kamal",
     article=[(1, 18)], repeated_body=True,
     actors=["RUSSIA", "USA", "ISIS", "SDF", "RU_MOD", "COALITION", "SYRIAN_GOV", "US_DOD"],
     places=["CC:SY", "CC:QA", "CC:VN", "ABU_KAMAL", "RAQQA", "EUPHRATES", "name:Moscow",
             "name:Tel Aviv"],
     place_surfaces=["سورية", "قطر", "فيتنام", "البوكمال", "الرقة", "الفرات", "في موسكو",
                     "تل أبيب"],
     not_places=["بتوقيت القدس", "غرينتش", "الثورة", "بوجه", "حول", "إشارة", "آمن", "الآمن",
                 "بعين الاعتبار", "كبيرة", "البيان", "فلاديمير بوتين", "إطار", "دولة", "بيان",
                 "خارجة", "كان", "وكان", "الأمن", "الأمل", "بشار الأسد", "عملية جنيف",
                 "اتفاقيات جنيف", "معاهدة جنيف"],
     metonyms=["بوجه واشنطن", "بين طهران وموسكو", "بين موسكو وطهران", "اتهام واشنطن",
               "شارك الأردن", "موسكو بحثت", "موسكو وافقت", "المدعومة من واشنطن",
               "أهداف واشنطن", "لواشنطن بسعيها", "تعبير إسرائيل", "أوجدته الولايات المتحدة",
               "تتسامح فيها الولايات المتحدة", "خطط الولايات المتحدة",
               "موالية للولايات المتحدة"],
     unlisted=["هضبة الجولان", "القاعدة الجوية في قطر (Al Udeid, not named: only CC:QA required)"])
st("R-307_09", "RUSSIA", "ABU_KAMAL_NO_STRIKE", "asserts", 3,
   "اتهام واشنطن بتأمين انسحاب آمن", "من مدينة البوكمال السورية",
   note="The outlet sums up Russia's 'verbal aggression' (Lavrov and the MoD): accusing Washington "
        "of securing a safe withdrawal of ISIS from Abu Kamal.")
st("R-307_09", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 3,
   "اتهام واشنطن بتأمين انسحاب آمن", "من مدينة البوكمال السورية", optional=True,
   note="'securing a safe withdrawal of ISIS' read as shielding ISIS (as in the sample's 002).")
st("R-307_09", "RUSSIA", "COALITION_PARTY_TO_DEAL", "asserts", 3,
   "اتهام واشنطن بتأمين انسحاب آمن", "من مدينة البوكمال السورية وقبلها الرقة", optional=True,
   note="Elliptical 'and before it Raqqa': the US secured ISIS's withdrawal from Raqqa too.")
st("R-307_09", "RUSSIA", "RAQQA_DEAL", "asserts", 3,
   "اتهام واشنطن بتأمين انسحاب آمن", "من مدينة البوكمال السورية وقبلها الرقة", optional=True,
   note="Presupposed: ISIS fighters were let out of Raqqa safely.")
st("R-307_09", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 10,
   "كما تطرق لافروف إلى الوضع في مدينة البوكمال", "تتسامح فيها الولايات المتحدة مع الإرهابيين",
   note="Lavrov (foreign minister = RUSSIA): 'not the first time the US tolerates terrorists'.")
st("R-307_09", "RUSSIA", "ABU_KAMAL_NO_STRIKE", "asserts", 10,
   "كما تطرق لافروف إلى الوضع في مدينة البوكمال", "تتسامح فيها الولايات المتحدة مع الإرهابيين",
   optional=True, note="Said about the Abu Kamal situation, i.e. the convoys the US let go.")
st("R-307_09", "RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts", 11,
   "اتهام وزارة الدفاع الروسية لواشنطن", "من البوكمال")
st("R-307_09", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 11,
   "اتهام وزارة الدفاع الروسية لواشنطن", "من البوكمال", optional=True,
   note="'to guarantee a safe withdrawal of ISIS' as shielding ISIS.")
st("R-307_09", "RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts", 12,
   "وأعلنت الوزارة الروسية , في بيان أمس , أن", "( عند خروجهم من البوكمال )",
   note="'the Americans categorically refused to strike ISIS terrorists leaving Abu Kamal'.")
st("R-307_09", "RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts", 12,
   "لافتة إلى أنه", "إعاقة طائرات القوات الجوية الفضائية الروسية العاملة في المنطقة",
   note="Second sentence of the statement (وأكدت ... لافتة): coalition aircraft tried to obstruct "
        "Russian aircraft to secure ISIS's safe exit from Abu Kamal.")
st("R-307_09", "RU_MOD", "US_SUPPORTS_ISIS", "asserts", 12,
   "لافتة إلى أنه", "إعاقة طائرات القوات الجوية الفضائية الروسية العاملة في المنطقة",
   optional=True, note="'to guarantee the safe withdrawal of ISIS' as shielding ISIS.")
st("R-307_09", "RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts", 13,
   "وأضافت أن حظر الطيران في البوكمال", "في القاعدة الجوية في قطر",
   note="The no-fly over Abu Kamal was approved by the coalition's air operations centre in Qatar: "
        "the coalition obstructing flights there.")

# ---- R-307_10 (Al Mayadeen news feed tagged #البوكمال, Oct-Nov 2017)  [held-out]
# A feed page: no single story, each line a complete short news item (not a teaser of a story
# elsewhere). The items are the page's content (lines 1-18); line 19 is the footer.
# Items stated by the outlet itself ("the Syrian army ... liberate Abu Kamal completely",
# "after its liberation") are narration: no statement.
page("R-307_10", title="Al Mayadeen news feed #Abu Kamal (liberation, Lavrov, operations room)",
     article=[(1, 18)],
     actors=["SYRIAN_GOV", "ISIS", "RU_MOD", "COALITION", "USA", "RUSSIA", "IRAQI_FORCES"],
     places=["ABU_KAMAL", "DEIR_EZZOR", "EUPHRATES", "DAMASCUS", "RAQQA", "CC:SY", "CC:IQ",
             "CC:IR", "name:Al Qa'im", "name:Al Mayadin"],
     place_surfaces=["البوكمال", "دير الزور", "الفرات", "بدمشق", "الرقة", "سوريا", "العراق",
                     "إيران", "القائم", "مدينة الميادين"],
     not_places=["الميادين | الأخبار", "كاميرا الميادين", "يفيد الميادين", "مراسل الميادين",
                 "تفيد الميادين", "حزب الله العراق", "الشهداء", "بيان", "طراز", "حول", "زعيم",
                 "يشير", "كامل"],
     metonyms=["الموالية لإيران", "تقوده واشنطن", "أهداف واشنطن", "تتسامح فيها الولايات المتحدة"],
     unlisted=["دوار الساعة (Abu Kamal square)", "الغوطة الشرقية", "السبع بحرات / العباسيين (Damascus)",
               "حي الحميدية / حي الصناعة (Deir ez-Zor)", "طابية الجزيرة", "منفذ ربيعة (Rabia crossing, Iraq; not Rabi'ah, Syria)",
               "قلعة الرحبة", "البادية السورية"])
st("R-307_10", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 4,
   "مصدر ميداني يفيد الميادين", "حيث باتت المدينة بحكم الساقطة عسكريا", optional=True,
   speaker="مصدر ميداني",
   note="'the city has militarily fallen' (isolated from two sides): close to, not quite, liberated.")
st("R-307_10", "UNK", "US_SUPPORTS_ISIS", "asserts", 6,
   "غرفة عمليات حلفاء سوريا تتهم التحالف الدولي", "لمجموعات داعش في مدينة البوكمال",
   speaker="غرفة عمليات حلفاء سوريا",
   note="The allies' operations room (not the Syrian government) accuses the coalition of giving "
        "support and facilities to ISIS in Abu Kamal.")
st("R-307_10", "UNK", "ABU_KAMAL_NO_STRIKE", "asserts", 6,
   "غرفة عمليات حلفاء سوريا تتهم التحالف الدولي", "ومنع هذه القوات من إكمال تحرير المدينة",
   optional=True, speaker="غرفة عمليات حلفاء سوريا",
   note="Coalition help to ISIS in Abu Kamal and obstruction of the attacking forces: near the "
        "Abu Kamal claim, but no convoys or Russian aircraft.")
st("R-307_10", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 7,
   "ويضيف", "تتسامح فيها الولايات المتحدة مع الإرهابيين",
   note="Lavrov (foreign minister = RUSSIA): the US tolerates terrorists.")
st("R-307_10", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 8,
   "الإعلام الحربي يكشف عن أنباء", "مدينة البوكمال المحررة", optional=True,
   speaker="الإعلام الحربي",
   note="Presupposed in a noun phrase ('the liberated city of Abu Kamal').")

# ---- R-347_09 (Arabi21, 1 Oct 2017: how ISIS regained its breath; analysts)
# Line 1 begins with a ticker ("ع - اجل آخر الأخبار > >") before the headline, byline and
# caption; lines 3 and 18 begin with an empty "اقرأ أيضا"/"اقرأ" stub but carry body text.
# Lines 28-35 are teasers of other stories (Palestine, Egypt, Libya, Afrin), 36 the footer.
page("R-347_09", title="Arabi21: how ISIS regained its breath in Homs and Deir ez-Zor (analysts)",
     article=[(1, 27)],
     actors=["ISIS", "SYRIAN_GOV", "SDF", "RUSSIA", "USA", "COALITION"],
     places=["CC:SY", "DEIR_EZZOR", "name:Homs", "EUPHRATES", "name:Tadmur", "name:As Sukhnah",
             "DAMASCUS", "name:Al Qaryatayn", "RAQQA", "ABU_KAMAL", "name:Al Mayadin",
             "name:Al Busayrah"],
     place_surfaces=["سوريا", "دير الزور", "حمص", "الفرات", "تدمر", "السخنة", "دمشق",
                     "القريتين", "الرقة", "البوكمال", "الميادين", "البصيرة"],
     not_places=["غزة أبو محمد العدناني", "البغدادي", "شبكة دير الزور 24", "شكبة دير الزور 24",
                 "فرات بوست", "تحرير الشام", "قوات سوريا الديمقراطية", "الدولة", "الخميس",
                 "إطار", "كان", "لزعيم", "حرية", "فإن", "كبيرة", "جديدة", "قوله", "الدور",
                 "حديثه", "الحصار", "أشهر", "ورأى", "خليل", "كسرت"],
     metonyms=["بين الولايات المتحدة ورسيا", "الولايات المتحدة مرتاحة",
               "الولايات المتحدة التي تقود", "الولايات المتحدة تخطط"],
     unlisted=["الصور (Al-Sur, Deir ez-Zor; not Tyre)", "الشولا", "كباجب", "قصر الحير", "T3",
               "حقول كونيكو والعمر والجفرة", "العزبة", "البادية السورية"])
st("R-347_09", "UNK", "US_SUPPORTS_ISIS", "asserts", 9,
   "يرى المصطفى أنه", "جمدت من المعارك التي تخوضها قسد مع تنظيم الدولة", optional=True,
   speaker="الكاتب والمحلل السياسي , تركي المصطفى",
   note="The US is 'comfortable with' ISIS's attacks on the regime and froze the SDF's battles "
        "with ISIS: letting ISIS act, not plainly supporting it.")
st("R-347_09", "UNK", "US_SUPPORTS_ISIS", "asserts", 12,
   "بدوره يعتقد الكاتب الصحفي أحمد الشمام", "الدور الأبرز الذي يساعد التنظيم", optional=True,
   speaker="الكاتب الصحفي أحمد الشمام",
   note="Fewer US strikes in Deir ez-Zor are what helps ISIS: an effect, not an alleged policy.")

# ---- R-392_05 (Elaph, 5 Nov 2017: Allawi on Hariri's resignation; PMF not fighting in Abu Kamal)
# Line 1 mixes the site header (issue, dates, "published from London"), a headline of the same
# article's second part, the headline, a caption and the lead. Both parts are one article.
# Abu Kamal is only approached, never said to be liberated: no codebook claim.
page("R-392_05", title="Elaph: Allawi on Hariri; PMF denies fighting in Abu Kamal (no codebook claim)",
     article=[(1, 19)],
     actors=["IRAQI_FORCES", "ISIS", "SYRIAN_GOV"],
     places=["ABU_KAMAL", "CC:IQ", "CC:SY", "CC:LB", "CC:YE", "name:Beirut", "name:Al Qa'im",
             "EUPHRATES"],
     place_surfaces=["البوكمال", "البو كمال", "العراق", "سوريا", "لبنان", "اليمن", "بيروت",
                     "القائم", "الفرات"],
     not_places=["قناة الميادين", "حزب الله", "حزب الله العراق", "دور", "رأى", "بيان", "كان",
                 "وكان", "البلد", "الدولة", "دولة", "قوله", "جديد"],
     metonyms=["وهاجم إيران", "إن إيران", "أن إيران", "الموالية لإيران", "المدعومة من إيران"],
     unlisted=["لندن (site header: 'published from London')", "الشرق الأوسط"],
     note="RUSSIA not listed: only the adjective in 'بدعم جوي روسي'.")

# ---- R-505_00 (DW Arabic, 20 Oct 2017: SDF officially declares Raqqa liberated)
# Line 1 is DW's language notice; line 2 starts with DW's menu, then headline and lead.
# Line 26 = credits + start of a photo gallery ("عاصمة داعش السرية ...", by another author)
# that runs to line 49; line 50 is DW's page furniture. The gallery is a separate item
# (related gallery): its line 46 ("civilians left under an agreement between the tribes and the
# jihadists") is therefore not annotated.
page("R-505_00", title="DW: SDF declares Raqqa liberated, future in a decentralised Syria",
     article=[(2, 25)],
     actors=["SDF", "ISIS", "COALITION", "USA", "SYRIAN_GOV"],
     places=["RAQQA", "CC:SY", "CC:IQ"],
     place_surfaces=["الرقة", "سوريا", "العراق"],
     not_places=["عروس الفرات", "قوات سوريا الديمقراطية", "قوات سوريا الديموقراطية", "أشهر",
                 "الدولة", "كبرى", "الأشهر", "بيان", "إطار", "البيان", "السلطات", "كان", "كامل",
                 "لجنة"],
     metonyms=["بقيادة واشنطن", "تقوده واشنطن", "المدعومة من الولايات المتحدة",
               "الولايات المتحدة وتركيا"],
     unlisted=["الملعب البلدي (Raqqa stadium)"])
st("R-505_00", "SDF", "RAQQA_NOT_LIBERATED", "denies", 2,
   "أعلنت قوات سوريا الديمقراطية رسميا تحرير الرقة", "من \" داعش \"", optional=True,
   note="An official declaration that Raqqa is liberated contradicts the claim without answering "
        "it: optional denies.")
st("R-505_00", "SDF", "RAQQA_NOT_LIBERATED", "denies", 4,
   "أعلنت اليوم الجمعة", "عروس الفرات , مدينة الرقة", optional=True,
   note="Same declaration, reported again in the body.")

# ---- R-505_01 (Al Mayadeen, 20 Oct 2017: SDF: Raqqa part of a decentralised Syria)  [held-out]
# Line 1 = site name + headline three times + lead; line 15 is the footer.
page("R-505_01", title="Al Mayadeen: SDF on Raqqa's future; SOHR on the evacuation deal",
     article=[(1, 14)],
     actors=["SDF", "USA", "ISIS", "COALITION", "ACTIVISTS"],
     places=["RAQQA", "CC:SY"],
     place_surfaces=["الرقة", "سوريا"],
     not_places=["الميادين |", "قوات سوريا الديمقراطية", "حزب العمال الكردستاني", "بيان", "أمن",
                 "الأمن", "إطار", "البيان", "كامل", "فإن", "رفع صور", "زعيم", "الكردي"],
     metonyms=["المدعومة من واشنطن", "لواشنطن وحلفائها", "بقيادة واشنطن"],
     unlisted=["دوار النعيم (Raqqa roundabout)"],
     note="Line 3 ('after battles and an agreement on the withdrawal of ISIS members') is the "
          "outlet's narration: no statement. ARAB_TRIBES not listed: the sheikhs of Raqqa's clans "
          "(line 5) appear only as boycotting the SDF's ceremony, not as the arrangement's brokers.")
st("R-505_01", "SDF", "RAQQA_NOT_LIBERATED", "denies", 4,
   "وقالت القوات في بيان أعلنت فيه رسميا", "تحرير الرقة من داعش", optional=True,
   note="Declaration of Raqqa's liberation: contradicts the claim without answering it.")
st("R-505_01", "COALITION", "RAQQA_NOT_LIBERATED", "denies", 7,
   "أعلن التحالف الدولي بقيادة واشنطن", "خلو الرقة من تنظيم داعش", optional=True,
   note="'Raqqa is free of ISIS': contradicts the claim without answering it.")
st("R-505_01", "UNK", "RAQQA_DEAL", "asserts", 12,
   "وقال المرصد المعارض إن", "مع عوائلهم إلى خارج المدينة", speaker="المرصد المعارض",
   note="SOHR: the city was evacuated of ISIS members after long negotiations; Syrian members were "
        "moved out with their families.")
st("R-505_01", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 12,
   "وقال المرصد المعارض إن", "مع عوائلهم إلى خارج المدينة", speaker="المرصد المعارض",
   note="The negotiations were 'between ISIS and the international coalition'.")
st("R-505_01", "UNK", "FOREIGN_FIGHTERS_ESCAPED", "denies", 12,
   "وقال المرصد المعارض إن", "مع عوائلهم إلى خارج المدينة", speaker="المرصد المعارض",
   optional=True,
   note="The foreign members 'surrendered', only Syrian members left: against the claim, though "
        "not an answer to it.")

# ---- R-563_02 (Xinhua Arabic, 18 Nov 2017: Syrian army encircles Abu Kamal)
# Lines 1-15 are the story (line 1 = headline twice + timestamp); line 16 starts with the site's
# contact line and repeats the story (lines 16-29); line 30 is the copyright notice.
page("R-563_02", title="Xinhua: Syrian army encircles Abu Kamal; recalls the 8 Nov liberation claim",
     article=[(1, 15)], repeated_body=True,
     actors=["SYRIAN_GOV", "ISIS", "SDF", "USA", "IRAQI_FORCES", "RUSSIA"],
     places=["ABU_KAMAL", "DEIR_EZZOR", "DAMASCUS", "name:Al Mayadin", "EUPHRATES", "CC:SY",
             "name:London", "RAQQA"],
     place_surfaces=["البوكمال", "دير الزور", "دمشق", "الميادين", "الفرات", "سوريا", "لندن",
                     "الرقة"],
     not_places=["الدولة", "بيان", "فإن"],
     metonyms=["المدعومة من قبل الولايات المتحدة"],
     unlisted=[],
     note="RUSSIA: 'طائرات روسية' (Russian aircraft = Russian forces).")
st("R-563_02", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 2,
   "وباتت المدينة ساقطة عسكريا", "بحسب مصدر عسكري ومرصد حقوقي", optional=True,
   speaker="مصدر عسكري ومرصد حقوقي",
   note="'the city has militarily fallen' while fighting goes on inside: close to, not quite, "
        "liberated.")
st("R-563_02", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 5,
   "وأكد المصدر العسكري أن مدينة البوكمال", "بيد الجيش السوري وحلفائه", optional=True,
   speaker="المصدر العسكري", note="As line 2.")
st("R-563_02", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 10,
   "قال الجيش السوري في بيان له", "من تنظيم الدولة الإسلامية",
   note="The army's statement of 8 Nov (recalled); the outlet's next sentence (ISIS retook the "
        "city) is narration, not a statement.")

# ---- R-563_06 (Omran/"معهد العالم للدراسات" study, 13 May 2017: ISIS in Deir ez-Zor 2014-17)
# Lines 1-87 are the paper (line 1 = title three times + date + method note); 88-89 the author's
# bio, 90-94 comment form and footer. No codebook claim (history of 2014).
page("R-563_06", title="Study: military options to expel ISIS from Deir ez-Zor (no codebook claim)",
     article=[(1, 87)],
     actors=["ISIS", "SYRIAN_GOV", "USA", "COALITION", "IRAQI_FORCES", "SDF"],
     places=["DEIR_EZZOR", "RAQQA", "MOSUL", "ABU_KAMAL", "EUPHRATES", "CC:SY", "CC:IQ",
             "CC:TR", "CC:JO", "name:Markadah", "name:Aleppo", "name:Tadmur", "name:Al Qa'im",
             "name:Al Hasakah", "name:At Tibni", "name:Al Busayrah", "name:Khusham",
             "name:Dar`a", "name:Hajin", "name:As Susah", "name:Muh Hasan", "name:Al Mayadin",
             "name:Al `Asharah", "name:Subaykhan", "name:Homs", "name:Idlib"],
     place_surfaces=["دير الزور", "الرقة", "الموصل", "البوكمال", "الفرات", "سورية", "سوري ة",
                     "العراق", "إلى تركيا", "الأردن", "مركدة", "حلب", "تدمر", "القائم", "الحسكة",
                     "التبني", "البصيرة", "خشام", "درعا", "هجين", "السوسة", "موحسن", "الموحسن",
                     "الميادين", "العشارة", "صبيخان", "لحمص", "إدلب"],
     not_places=["منظمة دير الزور 24", "العراق والشام", "جيش سورية الديمقراطية",
                 "درع الفرات", "أحرار الشام", "موسكو الصغرى", "مسقط رأس", "باب التوبة",
                 "الباب واسعا", "الحراك المدني", "عبد الله الزبير", "مناجم الملح",
                 'عين " الجمل "', "كسب تأييد", "في وجه", "وجها لوجه", "المشهد العسكري",
                 "الحصار عنه", "والحمزة", "المناطق الخارجة", "الثورة ( السلمية", "حول", "أمن",
                 "كامل", "جديد", "كان", "منزله", "فورا", "لأول", "وقف", "آمن", "الإشارة",
                 "كبيرا", "جديدة", "كبيرة", "أشهر", "الجديدة", "بيان", "البيان", "فان", "وخرج"],
     metonyms=[],
     unlisted=["الصور (Al-Sur; not Tyre)", "الجولة", "كباجب", "السكرية", "الكم / محطة T2 / T3",
               "مظلوم", "حطلة", "مراط", "جديد عكيدات", "البريهة", "طابية جزيرة", "شحيل",
               "الحوايج", "ذبيان (Dhiban, spelled with a typo)", "الطيانة", "درنج", "سويدان جزيرة",
               "الجرذي", "أبو حردوب", "أبو حمام", "غرانيج", "الكشكية", "أبو خاطر", "أبو الحسن",
               "الشعفة", "الجفرة", "المريعية", "البوعمر", "طابية شامية", "البوليل", "سعلو",
               "الزباري", "بقرص", "الطيبة (Deir ez-Zor village)", "محكان", "القورية",
               "سويدان شامية", "غريبة شويط", "دبلان", "الكشمة", "الدوير", "الجورة", "القصور",
               "هرابش", "البغيلية", "غريبة", "معبر التنف", "القلمون", "نينوى", "الخابور",
               "شامية / جزيرة (the two banks)", "بادية الشام", "الشرق الأوسط",
               "حقل العمر / حقل التنك / بير الملح / كونيكو", "جسر السياسية"])

# ---- R-621_00 (Ain al-Yaqeen weekly, 17 Oct 2017: roundup on Syria)
# Lines 1-2 are the magazine's header; line 3 starts with the e-mail address and a list of the
# issue's headlines, then the roundup's first paragraph. The roundup (lines 3-100) is one long
# article with several topics; the page stops at line 100.
page("R-621_00", title="Ain al-Yaqeen roundup: coalition rejects negotiated ISIS exit from Raqqa",
     article=[(3, 100)],
     actors=["COALITION", "DILLON", "ISIS", "SYRIAN_GOV", "RUSSIA", "SDF", "USA", "RU_MOD",
             "ARAB_TRIBES"],
     places=["CC:SY", "CC:IQ", "CC:TR", "CC:KZ", "CC:TN", "DAMASCUS", "DEIR_EZZOR", "RAQQA",
             "ABU_KAMAL", "EUPHRATES", "name:Al Mayadin", "name:Cairo", "name:Baghdad",
             "name:Moscow", "name:Al Qaryatayn", "name:As Sukhnah", "name:Homs", "name:Idlib",
             "name:Dhiban", "name:Al Hasakah", "name:`Afrin", "name:Reyhanli",
             "name:Jisr ash Shughur", "name:Astana", "name:Sochi"],
     place_surfaces=["سوريا", "العراق", "داخل تركيا", "إلى تركيا", "قازاخستان", "تونس", "دمشق",
                     "دير الزور", "الرقة", "البوكمال", "الفرات", "الميادين", "القاهرة", "بغداد",
                     "وفي موسكو", "القريتين", "السخنة", "حمص", "إدلب", "أدلب", "آدلب", "ذيبان",
                     "الحسكة", "عفرين", "ريحانلي", "جسر الشغور", "آستانة", "سوتشي"],
     not_places=["ريان ديلون", "مخرجات آستانة", "حلف شمال الأطلسي", "حزب العمال الكردستاني",
                 "قوات سوريا الديمقراطية", "جيهان شيخ أحمد", "نور الدين", "بحله", "في حديثه",
                 "بشكل خفي", "المنفذ البحري", "بالجنة", "قنوات", "لوقف", "فورا", "حول",
                 "الخميس", "الحصار", "الآمن", "أشهر", "الأشهر", "كامل", "قوله", "كردي",
                 "الكردي", "أمن", "الأمن", "كبيرة", "كبيرا", "زعيم", "إطار", "الطرف", "والحد",
                 "الدولة", "ليل", "كان", "وكان"],
     metonyms=["مصر تحقق", "حق قت مصر", "تركيا تقيم", "تطالب تركيا", "روسيا تتهم أميركا",
               "أن تركيا أرسلت", "وتقول تركيا", "مع روسيا وإيران", "لتركيا ولا لغير تركيا",
               "وتعتبر تركيا", "ضد أنقرة", "من واشنطن تقديم", "هدف واشنطن", "حملة واشنطن",
               "المعلم واشنطن", "أن موسكو سوف", "أن سوريا لن تسمح"],
     unlisted=["الغوطة الشرقية", "محكان", "القورية", "الطيانة", "الطيبة (Homs desert)", "جبل ضاحك",
               "التنف", "مزرعة الاسدية", "أبو فاس", "باب الهوى", "أوجولبينار", "الشيخ بركات",
               "جبال الساحل", "البحر الأسود", "زغير / محميدة / محيميدة", "حوائج ذياب / حوائج بومصعة",
               "مراط", "الملحة", "الصور (Al-Sur; not Tyre)"])
st("R-621_00", "COALITION", "COALITION_PARTY_TO_DEAL", "denies", 3,
   "شد د التحالف الدولي", "المحاصرين في الرقة",
   note="Lead: the coalition will not accept a negotiated withdrawal of the besieged ISIS fighters "
        "(before the October convoy): it denies backing such a deal.")
st("R-621_00", "COALITION", "COALITION_PARTY_TO_DEAL", "denies", 14,
   "أك د التحالف الدولي أنه لن يقبل", "تنظيم داعش في الرقة", note="As line 3, in the body.")
st("R-621_00", "DILLON", "RAQQA_DEAL", "denies", 16,
   "مشيرا إلى أن المناقشات", "الاستسلام غير المشروط", optional=True,
   note="Negotiations are for civilians; for the remaining fighters the talks 'focused on "
        "unconditional surrender': no exit deal for fighters.")
st("R-621_00", "DILLON", "COALITION_PARTY_TO_DEAL", "denies", 17,
   "وأضاف ديلون", "أبدا جزءا منه أو نوافق عليه",
   note="'a negotiated withdrawal is something we as a coalition will never be part of or agree to'.")
st("R-621_00", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 40,
   "مشيرا إلى أن أشياء غريبة تحدث في محيط التنف", "فجأة الدواعش بأعداد كبيرة", optional=True,
   note="Lavrov insinuates that ISIS appears out of al-Tanf, the area controlled by the Americans "
        "(line 39): an insinuation, not an explicit accusation.")
st("R-621_00", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 41,
   "مضيفة أن التحالف الدولي بقيادة واشنطن", "يمنع القوات الحكومية من التقدم", optional=True,
   note="Zakharova (Russian MFA = RUSSIA): the coalition stops the government forces fighting ISIS "
        "from advancing; read as shielding ISIS only by implication.")
st("R-621_00", "SDF", "RAQQA_DEAL", "denies", 45,
   "ونفى المتحدث باسم وحدات الحماية الكردية", "لخروجهم من المدينة باتجاه دير الزور",
   note="YPG spokesman (SDF) denies any agreement for ISIS fighters to leave Raqqa.")
st("R-621_00", "UNK", "RAQQA_DEAL", "asserts", 46,
   "وقالت مصادر في المعارضة السورية", "لخروج مسلحي داعش الى محافظة دير الزور",
   speaker="مصادر في المعارضة السورية",
   note="A deal being prepared, mediated by tribal sheikhs, for ISIS fighters to leave Raqqa.")
st("R-621_00", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 46,
   "وقالت مصادر في المعارضة السورية", "لخروج مسلحي داعش الى محافظة دير الزور",
   speaker="مصادر في المعارضة السورية", optional=True,
   note="The coalition intensified strikes 'to pressure the remaining ISIS members to surrender or "
        "leave Raqqa': backing the exit only by implication.")
st("R-621_00", "SYRIAN_GOV", "US_SUPPORTS_ISIS", "asserts", 98,
   "مضيفا أن التحالف الأميركي", "يدمر كل شيء باستثناء داعش", optional=True,
   note="Moallem (Syrian FM = SYRIAN_GOV): the US coalition destroys everything except ISIS — "
        "sparing ISIS, read as shielding it.")

# ---- R-621_02 (Enab Baladi, June 2017, page dated 21 Jan 2018: de-escalation and ISIS)  [held-out]
# Line 1 = headline twice + date + caption + lead; 59-60 = archive dates, site description.
page("R-621_02", title="Enab Baladi: de-escalation turned against ISIS; Russia accuses SDF of a Raqqa deal",
     article=[(1, 58)],
     actors=["ISIS", "SYRIAN_GOV", "RUSSIA", "SDF", "USA", "COALITION", "US_DOD"],
     places=["CC:SY", "CC:IQ", "CC:JO", "RAQQA", "ABU_KAMAL", "DEIR_EZZOR", "MOSUL", "DAMASCUS",
             "EUPHRATES", "name:Hamah", "name:Aleppo", "name:Idlib", "name:Latakia", "name:Homs",
             "name:Dar`a", "name:Al Qunaytirah", "name:As-Suwayda", "name:As Sukhnah",
             "name:Tadmur", "name:Ad Dumayr", "name:Al Qaryatayn", "name:Tehran",
             "name:`Uqayribat", "name:As Salamiyah", "name:Dayr Hafir", "name:Maskanah",
             "name:Tartus", "name:Al Khafsah", "name:Al Bab", "name:Tadif", "name:Al-Tabqa",
             "name:Al Mansurah", "name:Baghdad", "name:Tall `Afar", "name:Al Hadar",
             "name:Al Qa'im", "name:Hajin"],
     place_surfaces=["سوريا", "العراق", "والأردن", "الرقة", "البوكمال", "دير الزور", "الموصل",
                     "دمشق", "الفرات", "حماة", "حلب", "إدلب", "اللاذقية", "حمص", "درعا",
                     "القنيطرة", "السويداء", "السخنة", "تدمر", "الضمير", "القريتين",
                     "خط طهران", "عقيربات", "السلمية", "دير حافر", "مسكنة", "طرطوس", "الخفسة",
                     "مدينة الباب", "تادف", "الطبقة", "المنصورة", "بغداد", "تلعفر", "الحضر",
                     "القائم", "هجين"],
     not_places=["محادثات أستانة", 'مقررات " أستانة "', "غضب الفرات", "درع الفرات", "ولاية الفرات",
                 "درع القلمون", "قوات سوريا الديمقراطية", "مجلس سوريا الديمقراطية", "رياض درار",
                 "سهيل الحسن", "ملح ة", "الحي ز", "الدولة", "أشهر", "الأشهر", "كردي", "كبرى",
                 "إطار", "فإن", "خبراء", "الأمن", "بيان", "كامل", "دور", "دولة", "وقف", "الحصار",
                 "كان", "وكان", "بري", "جديدة", "لأول", "للعبور", "لسان"],
     metonyms=["اعتمدتها روسيا وتركيا", "وبريطانيا والأردن",
               "دور إيران", "كانت طهران قد وقعت", "أشارت إليه روسيا",
               "مدعوم من الولايات المتحدة"],
     unlisted=["الأنبار", "معبر/قاعدة التنف", "أم جريص", "الشعيطات", "سهل الغاب",
               "المغير (Hama village; not El Meghaier, Algeria)",
               "القيروان (Iraqi subdistrict; not Kairouan, Tunisia)", "الغوطة الشرقية", "البلعاس",
               "مطار الجراح (كشيش) / مطار كويرس", "خاصر", "الباردة / البصيري / خنيفيس / العليانية",
               "جبل المحسة", "عقارب الصافية", "المبعوجة", "سوحا / أبو دالي / جروح / صلبا / أبو حنايا / مسعود / عكش",
               "البرغوثية", "حي المشلب", "الصالحية / الأسدية", "كديران", "سد البعث / سد الفرات",
               "الزرقة", "فياض الحماد", "البادية السورية", "الساحل السوري"])
st("R-621_02", "RUSSIA", "RAQQA_DEAL", "asserts", 41,
   "وهذا ما كانت أشارت إليه روسيا", "باتجاه البادية السورية",
   note="Russia accused the SDF of an agreement with ISIS to evacuate Raqqa and its surroundings "
        "toward the desert (June 2017), saying it had conclusive evidence.")
st("R-621_02", "UNK", "RAQQA_DEAL", "asserts", 41,
   "وقالت مصادر لعنب بلدي", "مناطق سيطرته في ريف حمص الشرقي", optional=True,
   speaker="مصادر",
   note="An SDF-ISIS agreement opened the road out of al-Mansoura, a town in Raqqa's countryside, "
        "not Raqqa itself.")

# ---- R-91_02 (Al-Ahram Center study, Mar 2017, page dated 21 Jan 2018: Manbij and Raqqa)
# Lines 1-90 are the study (line 1 = title twice + date + first paragraph); 91-99 its list of
# references ("انظر أيضا ..."), left out. No codebook claim.
page("R-91_02", title="Al-Ahram Center: Manbij and Raqqa, international interventions (no codebook claim)",
     article=[(1, 90)],
     actors=["ISIS", "SYRIAN_GOV", "USA", "RUSSIA", "SDF", "COALITION", "US_DOD"],
     places=["CC:SY", "CC:TR", "CC:IQ", "CC:LB", "CC:RU", "RAQQA", "EUPHRATES", "MOSUL",
             "DAMASCUS", "DEIR_EZZOR", "name:Manbij", "name:Aleppo", "name:Jarabulus",
             "name:Al Bab", "name:`Ayn al `Arab", "name:Al Hasakah", "name:`Afrin",
             "name:Antalya", "name:Adana", "name:Tall Abyad", "name:I`zaz", "name:Latakia",
             "name:Washington"],
     place_surfaces=["سوريا", "بجنوب تركيا", "من العراق", "إلى لبنان", "لروسيا في", "الرقة",
                     "الفرات", "الموصل", "دمشق", "دير الزور", "منبج", "منبح", "حلب", "جرابلس",
                     "مدينة الباب", "معركة الباب", "عين العرب", "الحسكة", "عفرين", "أنطاليا",
                     "أضنة", "تل الأبيض", "أعزاز", "اللاذقية", "لواشنطن في"],
     not_places=["الباب الكردي", "من باب كون", "الراعي الرئيسي", "ميدان الصراع", "جولة جنيف",
                 "جولات الأستانة", "تحرير الجولان", "مجلس منبج العسكري", "درع الفرات",
                 "غضب الفرات", "حزب العمال الكردستاني", "قوات سوريا الديمقراطية", "بشار الأسد",
                 "ردة فعل", "بعين الريبة", "سلوك", "بقصر", "بحرية", "عبور", "السنة", "عنه",
                 "البري", "زيارة", "الزيارة", "إشارة", "الإشارة", "حول", "دور", "الدور", "كان",
                 "كأن", "فإن", "إطار", "الإطار", "لوقف", "سنة", "الأمن", "للخبراء", "آمن",
                 "الجديدة", "جديد", "الدولة", "كردي"],
     metonyms=["حكومة بغداد", "تجاه موسكو", "أعلنت إسرائيل", "بين موسكو وطهران",
               "واشنطن غير راضية", "سياسية موسكو", "تراها واشنطن", "بررت واشنطن",
               "اتجاه واشنطن", "الضغط على واشنطن", "طالبت واشنطن", "رفضت إيران",
               "روسيا نفسها", "أنقرة تدرك"],
     unlisted=["الجزيرة (Kurdish canton)", "قاعدة إنجيرليك", "هضبة الجولان", "البحر المتوسط",
               "إقليم غرب كردستان / كردستان سوريا", "شمال سوريا (region)"])

# ---- R-9_03 (Syrian news roundup "أبرز التطورات على الساحة السورية", 30-31 Aug 2017)  [held-out]
# Line 1 begins with the page's date and a prayer-times widget ("بتوقيت بيروت الفجر ...")
# before the roundup; the whole roundup (lines 1-35) is the page's article.
page("R-9_03", title="Syria roundup: Hezbollah on the Qalamoun ISIS buses and the US role",
     article=[(1, 35)],
     actors=["ISIS", "USA", "SYRIAN_GOV", "SDF", "COALITION", "RU_MOD", "RUSSIA"],
     places=["CC:SY", "CC:IQ", "CC:JO", "CC:TR", "DEIR_EZZOR", "RAQQA", "DAMASCUS",
             "name:Tall `Afar", "name:Al Mayadin", "name:Al Hasakah", "name:Aleppo", "name:Idlib",
             "name:Hamah", "name:As Salamiyah", "name:`Uqayribat", "name:Homs",
             "name:As Sukhnah", "name:Al Atarib", "name:Riyadh"],
     place_surfaces=["سوريا", "العراق", "الاردن", "إلى تركيا", "دير الزور", "الرقة", "دمشق",
                     "تلعفر", "الميادين", "الحسكة", "حلب", "ادلب", "حماه", "السلمية", "عقيربات",
                     "حمص", "السخنة", "الأتارب", "الرياض"],
     not_places=["بتوقيت بيروت", "الشروق", "منصة موسكو", "أستانا 5", "لواء القريتين",
                 "فهد جاسم الفريج", "بشار الأسد", "أحمد بري", "بيان", "بيانه", "بعبور", "العبور",
                 "الحصار", "الدولة", "فإن", "بوجه", "الثورة", "فكان", "أمل"],
     metonyms=["عقدناها مع روسيا", "إنجازات روسيا", "مندوب روسيا", "إيران حريصة"],
     unlisted=["جبل البشري (not Bsharri)", "رجم الهجانة", "جبل صفية", "تلة علوش", "حوايج ذياب",
               "أبو خشب", "محكان", "تل العبد", "الحيرة", "حي الدرعية (Raqqa; not Diriyah)",
               "حي المرور", "حي الرميلة (Raqqa; not Rumaylah)", "كفر لوسين", "مخيم زهرة الخليج",
               "المكيمن الجنوبي / رسم الاحمر / نعيمة / جديدة / تناهج / السيب (Hama villages)",
               "الرويضة / جروح / المعضمية (Hama villages)", "وادي الضويحك", "هريبشة",
               "المزة (Damascus)", "المخفر 169 / 170"])
st("R-9_03", "UNK", "US_SUPPORTS_ISIS", "asserts", 3,
   "مضيفا أن ما يعلل به الامريكيون", "اللجوء الى المناطق الكردية في شمال العراق",
   speaker="حزب الله",
   note="Hezbollah's statement: the Americans are known to have helped more than a thousand ISIS "
        "fighters, mostly foreigners, escape from Tal Afar (Iraq, not Raqqa: no "
        "FOREIGN_FIGHTERS_ESCAPED).")

# ---- V-14_08 (Asharq al-Awsat, Sep 2017, Ibrahim Hamidi: "the picture is not finished", with
# other stories appended)
# Lines 1-14 are the Asharq al-Awsat analysis (headline on line 1). From line 15 the page runs
# on into other reports with no marker: the SDF's "Jazira Storm" press conference (15), SOHR
# (16), the Russian MoD + an al-Quds al-Arabi story with its own headline and byline (17-23,
# ending "عمان - الغد - تحت"). Those are other stories. No codebook claim in the main story
# (the Western official's "dubious deal" is between the regime and ISIS in Qalamoun).
page("V-14_08", title="Asharq al-Awsat: SDF vs regime race on the Euphrates (no codebook claim)",
     article=[(1, 14)],
     actors=["SDF", "USA", "SYRIAN_GOV", "RUSSIA", "US_DOD", "COALITION", "ISIS",
             "WESTERN_OFFICIAL"],
     places=["CC:SY", "CC:IQ", "CC:LB", "CC:JO", "EUPHRATES", "DEIR_EZZOR", "ABU_KAMAL", "RAQQA",
             "DAMASCUS", "name:Al Mayadin", "name:Ash Shaddadah", "name:Al Hasakah",
             "name:Tehran", "name:Baghdad", "name:Beirut"],
     place_surfaces=["سوريا", "العراق", "لبنان", "الأردن", "الفرات", "دير الزور", "البوكمال",
                     "الرقة", "دمشق", "الميادين", "الشدادي", "الحسكة", "طهران", "بغداد", "بيروت"],
     not_places=["رياض حجاب", "مغاوير الثورة", "عاصفة الجزيرة", "مجلس دير الزور العسكري",
                 "لواء سوريا الديمقراطية", "قوات سوريا الديمقراطية", "طرف", "بالعبور", "بعبور",
                 "عبور", "والجديد", "كان", "الحصار", "فإن", "قوله", "بدور", "دور", "الطرف"],
     metonyms=["المدعومين من موسكو", "المدعومة من واشنطن", "بقيادة أميركا", "أن تقدم أميركا",
               "تحشد إيران", "تسعى روسيا", "وقتل روسيا"],
     unlisted=["الجزيرة السورية / الشام (the two banks)", "القلمون الغربي", "البحر المتوسط",
               "أبو الخشب", "معمل السكر", "قاعدة التنف", "البادية السورية"],
     note="ARAB_TRIBES not listed: the Arab tribes of line 9 are Deir ez-Zor tribes joining the SDF "
          "offensive, not the Raqqa arrangement's tribes.")

# ---- V-30_00 (Asharq al-Awsat, 9 Nov 2017: PMF and regime meet at the border; Abu Kamal)
# Line 1 = section, headline three times, date, caption, dateline and lead; 19-22 footer.
# Abu Kamal is only encircled/entered, never said to be liberated: no codebook claim.
page("V-30_00", title="Asharq al-Awsat: PMF and the regime meet at the border; Abu Kamal stormed (no codebook claim)",
     article=[(1, 18)],
     actors=["IRAQI_FORCES", "ISIS", "SYRIAN_GOV", "SDF", "RUSSIA"],
     places=["ABU_KAMAL", "CC:IQ", "CC:SY", "DEIR_EZZOR", "EUPHRATES", "DAMASCUS",
             "name:Al `Asharah", "name:Al Jala'", "name:Subaykhan"],
     place_surfaces=["البوكمال", "العراق", "سوريا", "دير الزور", "الفرات", "دمشق",
                     "العشارة", "الجلاء", "صبيخان"],
     not_places=['" الشرق الأوسط "', "بولا أسطيح", "عاصفة الجزيرة", "قوات سوريا الديمقراطية",
                 "الخميس", "كبيرة", "ولأول"],
     metonyms=[],
     unlisted=["بيروت (dateline)", "المحطة الثانية (T2)", "القورية", "السيال", "خان (village)"],
     note="RUSSIA: 'الطائرات الحربية الروسية' (Russian warplanes = Russian forces). USA not listed: "
          "only 'المدعومة أميركيا'.")

# ---- V-30_01 (Al-Watan (Syria), 9 Nov 2017: the army enters Abu Kamal)
# Line 1 = headline twice + site name + lead; line 15 is the footer. "Entered"/"close to ending
# ISIS" is not a claim that Abu Kamal is liberated.
page("V-30_01", title="Al-Watan: the army enters Abu Kamal; observers on the coalition moving ISIS leaders",
     article=[(1, 14)],
     actors=["SYRIAN_GOV", "ISIS", "IRAQI_FORCES", "COALITION", "USA", "SDF"],
     places=["ABU_KAMAL", "CC:SY", "CC:IQ", "CC:IR", "DEIR_EZZOR", "EUPHRATES", "DAMASCUS",
             "name:Tadmur", "name:Aleppo", "name:Al Qa'im", "name:Baghdad", "name:Homs"],
     place_surfaces=["البوكمال", "سورية", "العراق", "وإيران", "دير الزور", "الفرات", "دمشق",
                     "تدمر", "حلب", "القائم", "بغداد", "حمص"],
     not_places=["بجلاء", "مجلس دير الزور العسكري", "قوات سورية الديمقراطية", "بشار الأسد",
                 "الأمن", "الدولة", "كان", "البري", "بري", "فإن"],
     metonyms=["تقوده واشنطن", "أظهرته واشنطن"],
     unlisted=["القورية", "معبر التنف", "خان / القشيرية (villages)"])
st("V-30_01", "UNK", "US_SUPPORTS_ISIS", "asserts", 9,
   "ويرجح مراقبون", "من كل مدينة سبق واقترب منها الجيش", speaker="مراقبون",
   note="Part of the observers' reasoning (سيما وأن): the US-led coalition moved ISIS's foreign "
        "leaders to unknown places from every city the army approached, i.e. shields ISIS.")

# ---- V-361_10 (NBN tag page "قوات سوريا الديمقراطية": a list of teasers)  [held-out]
# The page is a tag archive: each entry is a truncated teaser ("... . . .") followed by the
# story's first sentence, with "Posted by Date" furniture. There is no main story: every line is
# a teaser of a story published elsewhere, so article_lines is empty and all lines are
# boilerplate. Teasers deliberately not annotated include the Turkish government's criticism of
# "the agreement between the SDF and ISIS in Raqqa that let hundreds of extremists withdraw"
# (line 2) and "the SDF announced the full liberation of Raqqa" (line 8).
page("V-361_10", title="NBN tag page: teasers about the SDF (no main article)",
     article=[], actors=[], places=[],
     note="Listing page without a story of its own: nothing on it is a statement or a mention.")

# ---- V-370_01 (Al-Baath, Nov 2017: army gains in Hama and Deir ez-Zor; Russian strikes near
# Abu Kamal)  [held-out]
# Line 1 = headline twice + issue note + lead; line 16 = site furniture. No codebook claim.
page("V-370_01", title="Al-Baath: army gains; Russian cruise missiles near Abu Kamal (no codebook claim)",
     article=[(1, 15)],
     actors=["SYRIAN_GOV", "ISIS", "RU_MOD", "RUSSIA"],
     places=["ABU_KAMAL", "DEIR_EZZOR", "DAMASCUS", "name:Hamah", "name:Al Mayadin", "name:Homs",
             "name:Muh Hasan", "name:Maharda", "name:As Si`in"],
     place_surfaces=["البوكمال", "دير الزور", "دمشق", "حماة", "الميادين", "حمص", "موحسن",
                     "محردة", "السعن"],
     not_places=["مركز الفرات للحبوب", "مطحنة الفرات", "فيليكي نوفغورد", "جديدة", "كبيرة",
                 "جديد", "وقف", "بيان"],
     metonyms=["وتشارك روسيا"],
     unlisted=["الرصافة / كنامات / المطار القديم (Deir ez-Zor districts)", "الشيخ هلال",
               "رسم الأحمر / رسم الصاوي / رسم الصوان / مشيرفة عدوان / مشيرفة مويلح",
               "حطلة", "الحسينية (Deir ez-Zor village; not Husseiniya, Egypt)",
               "الغوطة الشرقية", "الشاغور / العباسيين (Damascus)", "البادية السورية"],
     note="EUPHRATES not listed: 'الفرات' only in the names of a grain centre and a mill.")

# ---- V-690_00 (Al Hayat "events of Saturday 4 Nov 2017": several stories on one page)  [held-out]
# The page collects six separate stories, each with its own headline and dateline:
# 1-10 "ISIS loses its Syrian and Iraqi strongholds" (London - Al Hayat; the page title's story),
# 11-26 Qaim (Baghdad), 27-43 "the fall of Deir ez-Zor paves the way to Abu Kamal", 44-56 "Syria
# announces the liberation of Deir ez-Zor", 57-86 AFP background, 87-100 AFP "Syrian-Iraqi siege".
# Main article = lines 1-10; the others are other stories (so SANA's line-52 accusation that the
# coalition tries to prolong ISIS's life is not annotated). No codebook claim in lines 1-10.
page("V-690_00", title="Al Hayat: ISIS loses its Syrian and Iraqi strongholds (no codebook claim)",
     article=[(1, 10)],
     actors=["ISIS", "SYRIAN_GOV", "IRAQI_FORCES", "SDF", "COALITION"],
     places=["CC:SY", "CC:IQ", "DEIR_EZZOR", "ABU_KAMAL", "RAQQA", "MOSUL", "DAMASCUS",
             "EUPHRATES", "name:Al Qa'im", "name:Homs", "name:Rawah"],
     place_surfaces=["سورية", "العراق", "دير الزور", "البوكمال", "الرقة", "الموصل", "دمشق",
                     "الفرات", "القائم", "حمص", "راوة"],
     not_places=["فرانس برس", "الأشهر", "بيان", "كبيرة"],
     metonyms=[],
     unlisted=["لندن (dateline)", "الأنبار", "منفذ القائم (border crossing)"],
     note="RUSSIA and USA not listed: only 'بدعم روسي' / 'بدعم أميركي'.")

# === END OF ANNOTATION ===

# --------------------------------------------------------------------------- engine

def load_codebook() -> tuple[set[str], set[str], set[str]]:
    def ids(name: str) -> set[str]:
        with open(CODEBOOK / name, encoding="utf-8") as f:
            return {json.loads(line)["id"] for line in f if line.strip()}
    return ids("actors.jsonl"), ids("claims.jsonl"), ids("places.jsonl")


def read_lines(doc_id: str) -> list[str]:
    return (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()


def article_set(p: dict) -> set[int]:
    return {n for a, b in p["article"] for n in range(a, b + 1)}


def article_text(lines: list[str], p: dict) -> str:
    return "\n".join(lines[n - 1] for n in sorted(article_set(p)))


def line_starts(raw: str) -> list[int]:
    starts, pos = [], 0
    for line in raw.splitlines(keepends=True):
        starts.append(pos)
        pos += len(line)
    return starts


def occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def slice_in(text: str, s: str, what: str) -> str:
    i = text.find(s)
    if i < 0:
        raise AssertionError(f"{what}: {s!r} not found")
    return text[i:i + len(s)]          # sliced from the page, identical to the anchor


def build(check_only: bool = False, partial: bool = False) -> dict:
    actor_ids, claim_ids, place_ids = load_codebook()
    stems = sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert len(stems) == N_PAGES, f"expected {N_PAGES} pages in {CORPUS}, found {len(stems)}"
    held = heldout_ids(stems)
    if partial:                     # while annotating: check the pages done so far
        stems = [d for d in stems if d in PAGES]
        check_only = True
    assert sorted(PAGES) == stems, sorted(set(stems) ^ set(PAGES))
    errors: list[str] = []
    out_st: dict[str, list[dict]] = {"tune": [], "heldout": []}
    out_me: dict[str, list[dict]] = {"tune": [], "heldout": []}
    counts: dict[str, dict] = {}

    for doc_id in stems:
        p = PAGES[doc_id]
        split = "heldout" if doc_id in held else "tune"
        raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        lines = raw.splitlines()
        art = article_set(p)
        for a, b in p["article"]:
            if not (1 <= a <= b <= len(lines)):
                errors.append(f"{doc_id}: bad range {a}-{b} ({len(lines)} lines)")
        atext = article_text(lines, p)
        # boilerplate: every non-blank raw line outside the article that has letters; a line
        # that also occurs inside the article text (a scraper's repeated body) is left out,
        # since a checker could not tell its copy from the article's.
        boiler, dropped_dupes = [], 0
        for n, line in enumerate(lines, 1):
            s = line.strip()
            if n in art or not s or not LETTER.search(s):
                continue
            if s in atext:
                dropped_dupes += 1
                continue
            if s not in boiler:
                boiler.append(s)
        # ids
        for a in p["actors"]:
            if a not in actor_ids:
                errors.append(f"{doc_id}: unknown actor {a}")
        for pl in p["places"]:
            if not (pl in place_ids or re.fullmatch(r"CC:[A-Z]{2}", pl)
                    or (pl.startswith("name:") and len(pl) > 5)):
                errors.append(f"{doc_id}: bad place {pl}")
        if len(set(p["actors"])) != len(p["actors"]) or len(set(p["places"])) != len(p["places"]):
            errors.append(f"{doc_id}: duplicate actor/place")
        # not_places / metonyms: sliced from the article; must not overlap a listed place
        surf_spans = []
        for s in p["place_surfaces"]:
            occ = occurrences(atext, s)
            if not occ:
                errors.append(f"{doc_id}: place surface {s!r} not in article")
            surf_spans += [(i, i + len(s)) for i in occ]
        sliced = {}
        for key in ("not_places", "metonyms"):
            vals = []
            for s in p[key]:
                try:
                    v = slice_in(atext, s, f"{doc_id} {key}")
                except AssertionError as e:
                    errors.append(str(e))
                    continue
                if key == "not_places":
                    for i in occurrences(atext, v):
                        # a place surface that overlaps the string without lying inside it
                        if any(i < b and a < i + len(v) and not (i <= a and b <= i + len(v))
                               for a, b in surf_spans):
                            errors.append(f"{doc_id}: not_place {v!r} overlaps a place surface")
                            break
                if v in vals:
                    errors.append(f"{doc_id}: duplicate {key} {v!r}")
                vals.append(v)
            sliced[key] = vals
        out_me[split].append({
            "doc_id": doc_id, "actors": p["actors"], "places": p["places"],
            "not_places": sliced["not_places"], "metonyms": sliced["metonyms"],
            "boilerplate": boiler, "article_lines": p["article"]})

        # statements
        starts = line_starts(raw)
        req = opt = 0
        for s in [s for s in STATEMENTS if s["doc_id"] == doc_id]:
            tag = f"{doc_id} {s['actor_id']} {s['claim_id']} l{s['line']}"
            if s["actor_id"] != "UNK" and s["actor_id"] not in actor_ids:
                errors.append(f"{tag}: unknown actor")
            if s["actor_id"] == "UNK" and not s["speaker"]:
                errors.append(f"{tag}: UNK without speaker")
            if s["actor_id"] != "UNK" and s["speaker"]:
                errors.append(f"{tag}: speaker given for a codebook actor")
            if s["claim_id"] not in claim_ids:
                errors.append(f"{tag}: unknown claim")
            if s["stance"] not in STANCES:
                errors.append(f"{tag}: bad stance")
            if s["line"] not in art:
                errors.append(f"{tag}: line outside article_lines")
                continue
            line = lines[s["line"] - 1]
            i = line.find(s["start"])
            j = line.find(s["end"], i + len(s["start"]) if i >= 0 else 0) if i >= 0 else -1
            if i < 0 or j < 0:
                errors.append(f"{tag}: anchors not found")
                continue
            ev = line[i:j + len(s["end"])]
            occ = occurrences(raw, ev)
            in_art = [k for k in occurrences(atext, ev)]
            if p["repeated_body"]:
                first_line = next(n for n, st0 in enumerate(starts, 1)
                                  if st0 <= occ[0] < st0 + len(lines[n - 1]) + 1)
                if len(in_art) != 1 or first_line not in art:
                    errors.append(f"{tag}: evidence not unique in the article copy")
            elif len(occ) != 1:
                errors.append(f"{tag}: evidence occurs {len(occ)} times in the file")
            rec = {"doc_id": doc_id, "actor_id": s["actor_id"], "claim_id": s["claim_id"],
                   "stance": s["stance"], "evidence": ev}
            if s["optional"]:
                rec["optional"] = True
            if s["note"]:
                rec["note"] = s["note"]
            if s["speaker"]:
                rec["speaker"] = s["speaker"]
            out_st[split].append(rec)
            opt += s["optional"]
            req += not s["optional"]
        counts[doc_id] = dict(split=split, title=p["title"], required=req, optional=opt,
                              actors=len(p["actors"]), places=len(p["places"]),
                              not_places=len(sliced["not_places"]),
                              metonyms=len(sliced["metonyms"]), boilerplate=len(boiler),
                              dropped_dupes=dropped_dupes,
                              article=p["article"], unlisted=p["unlisted"], note=p["note"])
    # duplicate statements (same doc, actor, claim, evidence)
    keys = [(r["doc_id"], r["actor_id"], r["claim_id"], r["evidence"])
            for sp in out_st.values() for r in sp]
    for k in set(keys):
        if keys.count(k) > 1:
            errors.append(f"duplicate statement {k[:3]}")
    if errors:
        raise SystemExit("annotation errors:\n  " + "\n  ".join(errors))
    if not check_only:
        for split in SPLITS:
            d = HERE / split
            d.mkdir(exist_ok=True)
            with open(d / "statements.jsonl", "w", encoding="utf-8") as f:
                for r in out_st[split]:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            with open(d / "mentions.jsonl", "w", encoding="utf-8") as f:
                for r in out_me[split]:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return dict(heldout=sorted(held), tune=sorted(set(stems) - set(held)), counts=counts)


def main(argv: list[str]) -> int:
    info = build(check_only="--check" in argv, partial="--partial" in argv)
    tot = {"tune": [0, 0], "heldout": [0, 0]}
    for doc_id, c in info["counts"].items():
        tot[c["split"]][0] += c["required"]
        tot[c["split"]][1] += c["optional"]
    print("heldout:", " ".join(info["heldout"]))
    print("tune:   ", " ".join(info["tune"]))
    for split, (r, o) in tot.items():
        print(f"{split}: {r} required, {o} optional statements")
    if "--counts" in argv:
        print(json.dumps(info["counts"], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
