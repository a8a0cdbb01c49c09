"""Build the golden annotation of dev2: 12 more real scraped pages, annotated before any
measurement on them (held out entirely: nobody tunes on them).

Run:  python data/golden/dev2/_build.py          (writes heldout/ next to this file)
      python data/golden/dev2/_build.py --check  (validates only, writes nothing)

Pages: ``$RIWAYA_DEV2_CORPUS`` (default ``<workspace>/corpus/dev2``, i.e. /work/corpus/dev2); the
26 drawn pages are read from its ``sel/`` folder when there is one, else from the folder itself
(see that folder's README.md for the seeded draws).
The engine (anchored evidence slicing, boilerplate generation, checks, writing) is the one of
``../dev/_build.py``, imported and pointed at this corpus and annotation; guidelines and file
format are those of ``../dev/README.md``. Do not read or tune on these pages or their annotation.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from engine import load  # noqa: E402  (data/golden/engine.py)

_root = Path(os.environ.get("RIWAYA_DEV2_CORPUS")
             or Path(__file__).resolve().parents[4] / "corpus/dev2")
engine = load(_root / "sel" if (_root / "sel").is_dir() else _root, n_pages=26, out=HERE,
              splits=("heldout",), heldout=lambda stems: list(stems))   # every dev2 page is held out
page, st = engine.page, engine.st

# --------------------------------------------------------------------------- annotation

# ---- R-128_04 (Youm7, Jan 2018 scrape: Russian long-range bombers strike ISIS near Abu Kamal)
# Line 1 = headline + site name + scrape date + headline again + lead; line 4 = comments/footer.
# Strikes on ISIS near Abu Kamal: no codebook claim.
page("R-128_04", title="Youm7: Russian MoD, long-range bombers hit ISIS near Abu Kamal (no codebook claim)",
     article=[(1, 3)],
     actors=["RU_MOD", "RUSSIA", "ISIS"],
     places=["ABU_KAMAL", "DEIR_EZZOR", "CC:SY", "CC:RU", "CC:IR", "CC:IQ"],
     place_surfaces=["البوكمال", "دير الزور", "سوريا", "روسيا", "إيران", "والعراق"],
     not_places=["اليوم السابع", "الأحد", "الجمعة", "بيان نشرته", "تي . يو", "بدون طيار",
                 "وكالة تاس", "للدولة الإسلامية"],
     note="RUSSIA: 'ست قاذفات روسية' (Russian bombers = Russian forces).")

# ---- R-505_06 (Youm7: the SDF says Raqqa will be part of a decentralised Syria, Oct 2017)
# Line 1 = headline + site + scrape date + headline + lead; line 4 footer.
page("R-505_06", title="Youm7: SDF, Raqqa part of a decentralised federal Syria",
     article=[(1, 3)],
     actors=["SDF", "USA", "ISIS"],
     places=["RAQQA", "CC:SY"],
     place_surfaces=["الرقة", "سوريا لا مركزية", "سوريا \" لا مركزية", "سوريا ديمقراطية"],
     not_places=["قوات سوريا الديمقراطية", "اليوم السابع", "الأحد", "الجمعة", "بيان أعلنت"],
     note="USA: 'المدعومة من الولايات المتحدة' names the US (not a nisba adjective).")
st("R-505_06", "SDF", "RAQQA_NOT_LIBERATED", "denies", 3,
   "وقالت القوات فى بيان أعلنت فيه رسميا", "انتزاع الرقة من داعش", optional=True,
   note="Official announcement that Raqqa was taken from ISIS: contradicts RAQQA_NOT_LIBERATED "
        "without answering it (guideline 6).")

# ---- R-342_10 (Al Arab, 19 Nov 2017: the Syrian army takes Abu Kamal a second time)
# Line 1 = headline + date/issue twice + headline + caption; 2-3 body; 4 = "read also" + footer.
page("R-342_10", title="Al Arab: Syrian army retakes Abu Kamal; military source, SOHR",
     article=[(1, 3)],
     actors=["SYRIAN_GOV", "ISIS", "SDF"],
     places=["ABU_KAMAL", "CC:IQ", "CC:SY", "EUPHRATES", "DEIR_EZZOR", "name:Rawah"],
     place_surfaces=["البوكمال", "العراق", "سوريا", "نهر الفرات", "دير الزور", "راوة"],
     not_places=["قوات سوريا الديمقراطية", "المرصد السوري لحقوق الإنسان", "حزب الله اللبناني",
                 "الحرس الثوري الإيراني", "المدينة", "البلاد", "كان أعلن", "الخميس", "المصدر"],
     metonyms=["الموالين لدمشق"],
     unlisted=["دمشق (dateline 'دمشق -' only)"],
     note="RUSSIA not listed: only 'بدعم جوي روسي'.")
st("R-342_10", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 2,
   "وقال مصدر عسكري", "على كامل مدينة البوكمال \"", speaker="مصدر عسكري")
st("R-342_10", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 2,
   "الجيش كان أعلن", "إحكام قبضته على البوكمال", optional=True,
   note="The army's earlier (9 Nov) announcement, reported inside pro-Damascus voices' excuses.")
st("R-342_10", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 3,
   "بدوره أكد المرصد السوري", "السيطرة على المدينة", speaker="المرصد السوري لحقوق الإنسان",
   note="SOHR confirms the army and allies regained control of the city.")

# ---- R-589_00 (Youm7, Sep 2017: Moallem, Kurdish autonomy negotiable)
# Line 1 = headline + site + scrape date + headline + lead; line 12 footer. No codebook claim.
page("R-589_00", title="Youm7: Moallem, self-rule for Syria's Kurds negotiable (no codebook claim)",
     article=[(1, 11)],
     actors=["SYRIAN_GOV", "SANA", "ISIS", "SDF", "USA", "COALITION", "RUSSIA"],
     places=["CC:SY", "CC:IQ", "DEIR_EZZOR"],
     place_surfaces=["سوريا", "العراق", "دير الزور"],
     not_places=["روسيا اليوم", "اليوم السابع", "الأحد", "وليد المعلم", "حزب الاتحاد الديمقراطى",
                 "حكما ذاتيا", "قوات سوريا الديمقراطية", "بشار الأسد", "الدولة الإسلامية",
                 "قناة آر . تى"],
     metonyms=["دمشق تؤيد", "وحدة العراق", "ودمشق تجنبتا"],
     note="SYRIAN_GOV: the foreign minister and 'الحكومة السورية'; RUSSIA: 'الروس', 'المدعوم من "
          "روسيا'; COALITION: 'التحالف الذى تقوده الولايات المتحدة'. CC:IQ for 'بأكراد العراق'.")

# ---- R-157_04 (Al Ittihad opinion, 13 Sep 2017: Turkey and Iran in Syria)
# Line 1 = section + site name + title + dates + sharing links + title + publication date + lead;
# line 16 = comment form. An opinion column: no codebook claim.
page("R-157_04", title="Al Ittihad opinion: Turkey and Iran in Syria (no codebook claim)",
     article=[(1, 15)],
     actors=["RUSSIA", "USA", "SDF", "ISIS"],
     places=["CC:SY", "CC:LB", "RAQQA", "DAMASCUS", "name:Aleppo", "name:Jarabulus", "name:I`zaz",
             "name:Al Bab", "name:Manbij", "name:`Afrin", "name:Homs", "name:Latakia", "name:Hamah",
             "name:Idlib"],
     place_surfaces=["سوريا", "لبنان", "الرقة", "دمشق", "حلب", "جرابلس", "إعزاز", "الباب", "منبج",
                     "عفرين", "حمص", "اللاذقية", "حماة", "إدلب"],
     not_places=["مسار أستانة", "درع الفرات", "جبهة فتح الشام", "عبد الله بن زايد", "سلوك", "ت ربك",
                 "ألفين", "دور", "بطول", "جريدة الاتحاد", "الأحد", "الحرس الثوري",
                 "قوات \" سوريا الديموقراطية \""],
     metonyms=["اختارت روسيا", "موسكو تطلعت", "تتصرف إيران وتركيا", "ومولتها تركيا", "لطهران",
               "تتطلع تركيا", "وترغب تركيا"],
     unlisted=["منطقة الشهباء (region)", "المنطقة العربية", "مطار دمشق الدولي (counted as Damascus)"],
     note="RUSSIA: 'روسيا', Lavrov 'وزير خارجية روسيا', 'الكرملين'; USA: 'حاجة الولايات المتحدة'.")

# ---- V-84_07 (Sputnik Arabic, 26 Oct 2015: the Syrian army takes 50 villages; SANA)
# Line 1 = headline + site + scrape date + "urgent" + headline; line 2 starts with the author and
# timestamps; line 7 starts with a photo credit. Lines 14-21 = tags, sign-up and account forms.
# An army communique on western Syria: no codebook claim.
page("V-84_07", title="Sputnik Arabic: Syrian army spokesman, 50 villages taken (no codebook claim)",
     article=[(1, 13)],
     actors=["SYRIAN_GOV", "SANA", "ISIS"],
     places=["name:Aleppo", "name:Latakia", "DAMASCUS", "name:Harasta", "name:Darayya",
             "name:Al Qunaytirah", "name:Dar`a", "name:Tafas", "name:Homs", "name:Tallbisah",
             "name:Ar Rastan", "name:Al Ghantu", "name:Al Qaryatayn", "name:Kabbasin", "name:Al Bab",
             "name:Dayr Hafir", "name:As Safirah", "name:Khan Shaykhun", "name:Idlib", "DEIR_EZZOR"],
     place_surfaces=["حلب", "اللاذقية", "دمشق", "حرستا", "داريا", "القنيطرة", "درعا", "طفس", "حمص",
                     "تلبيسة", "الرستن", "الغنطو", "القريتين", "قباسين", "الباب", "دير حافر",
                     "السفيرة", "خان شيخون", "إدلب", "دير الزور"],
     not_places=["الاتحاد الإسلامي لأجناد الشام", "لما يسمى", "مساكن محطة", "مقر قيادة", "نو ه",
                 "له ثلاث", "الاثنين"],
     unlisted=["القاهرة (dateline)", "جب الأحمر", "سلمى (Salma, Latakia; not in cities500)",
               "مزارع نولة", "الغوطة الشرقية / الغربية", "ضهرة الكسارة", "جسر الغارية الغربية",
               "عتمان", "مقص الحجر", "المنطرة", "اليادودة", "سنيسل", "المحطة", "جوالك", "تيرمعلة",
               "حوش الزبادي", "عز الدين", "القنيطرات", "السمعليل", "عين الدنانير", "السعن الأسود",
               "العامرية", "عين حسين", "الوضيحي", "حدادين", "المفلسة", "الحلبية", "أم أركيلة",
               "تل أحمر", "الشيخ أحمد", "خان طومان", "النيرب", "التمانعة", "المغيرية", "ترتياح",
               "عكو", "الجفرة"])

# ---- R-524_00 (El-Dostor-style site "النادي الدولي", 18 Oct 2017: scenarios after Raqqa)
# Line 1 = headline + site name; line 2 = staff names + headline + date + lead; 20 = footer.
page("R-524_00", title="Scenarios of the war in Syria after Raqqa's liberation; Fisk, analysts",
     article=[(1, 19)],
     actors=["ISIS", "USA", "SDF", "SYRIAN_GOV", "RUSSIA"],
     places=["CC:SY", "RAQQA", "CC:IQ", "MOSUL", "EUPHRATES", "DEIR_EZZOR", "name:Kirkuk",
             "name:Aleppo", "name:Idlib"],
     place_surfaces=["سوريا", "الرقة", "العراق", "الموصل", "الفرات", "دير الزور", "كركوك العراقية",
                     "حلب", "إدلب"],
     not_places=["النادي الدولي", "يفتح الباب أمام", "تفتح الباب أمام", "كركوك الشام",
                 "ويست بوينت", "مركز الأمن الأمريكي الجديد", "حزب العمال الكردستاني", "بن ساس",
                 "\" حزب الله \"", "من جانب واحد", "النصر", "كسب الحرب", "قوات سوريا الديمقراطية",
                 "قوات سورية الديمقراطية", "الأسد"],
     metonyms=["تخشى أنقرة", "خط واشنطن"],
     unlisted=["البحر المتوسط", "الصحراء السورية", "الشرق الأوسط"],
     note="RUSSIA: 'الحلفاء الروس', 'المدعوم من إيران وروسيا'; SYRIAN_GOV: 'الجيش السورى', "
          "'النظام السورى', 'الأسد'. Kirkuk: 'كركوك العراقية' (the city); 'كركوك الشام' is a metaphor.")
st("R-524_00", "SDF", "RAQQA_NOT_LIBERATED", "denies", 6,
   "وأعلنت الفصائل المسلحة", "على داعش فى الرقة", optional=True,
   note="The US-backed factions (the SDF) declare victory over ISIS in Raqqa: contradicts "
        "RAQQA_NOT_LIBERATED without answering it (guideline 6).")
st("R-524_00", "SDF", "RAQQA_DEAL", "concedes", 7,
   "أعلنت قوات سوريا الديمقراطية , أن", "إلى ريف دير الزور", optional=True,
   note="The SDF say ISIS fighters who left Raqqa shielded themselves with civilians forced to "
        "leave with them to the Deir ez-Zor countryside: a departure, no deal or convoy named.")
st("R-524_00", "UNK", "RAQQA_DEAL", "asserts", 8,
   "مشيرا إلى تقارير", "275 من مقاتلى التنظيم", speaker="روبرت فيسك",
   note="Fisk, pointing to reports of the release of at least 275 ISIS fighters (mass surrender "
        "in Raqqa).")

# ---- V-279_00 (Al-Rai agency, mid 2017: coalition massacres in Syria and Iraq; Airwars)
# Line 1 = headline + site + update date + headline + "published in:" + lead; 15 = source line,
# comment form, menus, footer. The outlet's own accusations are narration; Airwars' figures are
# about civilian deaths: no codebook claim.
page("V-279_00", title="Al-Rai: coalition massacres in Syria and Iraq, Airwars figures (no codebook claim)",
     article=[(1, 14)],
     actors=["COALITION", "US_DOD", "USA", "ISIS", "SDF", "IRAQI_FORCES", "SYRIAN_GOV"],
     places=["CC:SY", "CC:IQ", "name:London", "MOSUL", "RAQQA", "name:Al Mansurah",
             "name:Al Mayadin", "DEIR_EZZOR", "ABU_KAMAL", "name:Manbij"],
     place_surfaces=["سوريا", "سورية", "العراق", "لندن", "الموصل", "الرقة", "المنصورة", "الميادين",
                     "دير الزور", "البو كمال", "منبج"],
     not_places=["وكالة الرأي الدولية", "نيويورك تايمز", "لجنة التحقيق حول سوريا",
                 "قوات سوريا الديمقراطية", "صيف 2014", "وقف عملياتها", "رصد نتائج", "أوباما",
                 "دونالد ترامب", "عد اد"],
     metonyms=["طيران واشنطن", "وتقود أمريكا"],
     unlisted=["قرية العكيرشي (Raqqa countryside)", "قرية توخار كبير (near Manbij)"],
     note="USA: 'الجيش الأمريكي', 'الولايات المتحدة', 'أمريكا'; US_DOD: 'البنتاغون'; "
          "SYRIAN_GOV: 'الحكومة السورية'; IRAQI_FORCES: 'القوات العراقية'.")

# ---- V-41_04 (Al-Badil, 17 Aug 2016: the Syrian battlefield and the battle of Aleppo)
# Line 1 = headline + section + site + menu + scrape date + weather widget (القاهرة) + headline +
# date + lead; line 19 = social links, archive dates, footer. Line 13 opens with the tail of a
# paragraph the scraper lost; lines 13-18 (Russian bombers in Iran) are the same article.
page("V-41_04", title="Al-Badil: the Syrian battlefield and the battle of Aleppo (no codebook claim)",
     article=[(1, 18)],
     actors=["SYRIAN_GOV", "RUSSIA", "RU_MOD", "ISIS", "USA"],
     places=["name:Aleppo", "CC:TR", "DAMASCUS", "name:Idlib", "name:Hamah", "CC:IR", "CC:IQ",
             "CC:SY", "DEIR_EZZOR", "RAQQA", "name:Hamadan", "CC:RU"],
     place_surfaces=["حلب", "بتركيا", "دمشق", "إدلب", "حماة", "إيران", "ايران", "العراق", "سوريا",
                     "سورية", "دير الزور", "الرقة", "همدان", "روسيا"],
     not_places=["جبهة النصرة", "\" فتح الشام \"", "أحرار الشام", "فيلق الشام", "أجناد الشام",
                 "جند الأقصى", "نور الدين الزنكي", "جيش الفتح", "الحزب الإسلامي التركستاني",
                 "لواء الحق", "جيش السنة", "رجب أردوغان", "فتحوا الباب امام", "حجر الزاوية",
                 "الصعيد", "عربي و دولي", "أطار", "ساتر", "طراز", "مرات", "البقعة الجغرافية",
                 "كسر حصار"],
     metonyms=["كانت موسكو قد اعلنت", "روسيا و امريكا تقتربان", "استضافت إيران", "بينه و بين طهران"],
     unlisted=["القاهرة (weather widget in the header)", "Aleppo districts: بني زيد (not Bani Zayd, "
               "Palestine), الخالدية, الأشرفية, الليرمون, الراموسة", "طريق الكاستيلو",
               "ساتر السابقية", "بحر قزوين (Caspian; not Qazvin)", "قاعدة حميميم",
               "الشمال السوري (region)"],
     note="RU_MOD: 'وزارة الدفاع الروسية', 'وزير الدفاع الروسي'; USA: 'امريكا'.")

# ---- R-120_04 (Al Arab opinion, Oct 2017, Asaad al-Basri: Kirkuk, Soleimani, Barzani)
# Line 1 = headline + byline + date/issue twice + headline + standfirst + lead; line 37 ends the
# column and runs on into the author's bio, his other articles and the footer (kept whole).
# About Kirkuk and the Kurds; Raqqa appears only in a relative clause ("the SDF, which liberated
# the city"): no codebook claim.
page("R-120_04", title="Al Arab opinion: Kirkuk, Soleimani and Barzani (no codebook claim)",
     article=[(1, 37)],
     actors=["IRAQI_FORCES", "ISIS", "SDF", "COALITION", "USA"],
     places=["name:Erbil", "name:Kirkuk", "CC:IQ", "CC:IR", "name:Baghdad", "name:Tall `Afar",
             "CC:TR", "CC:SY", "RAQQA", "MOSUL", "name:Sulaymaniyah", "name:Khanaqin",
             "name:Latakia", "name:Tartus", "name:Bandar Abbas", "name:Dihok", "name:Najaf",
             "name:Washington", "CC:SA", "CC:JO"],
     place_surfaces=["أربيل", "كركوك", "العراق", "إيران", "بغداد", "تلعفر", "تركيا", "سوريا",
                     "الرقة", "الموصل", "السليمانية", "خانقين", "اللاذقية", "طرطوس", "بندر عباس",
                     "دهوك", "النجف", "واشنطن", "السعودية", "المملكة الهاشمية"],
     not_places=["' الحشد الكردستاني '", "معهد الشرق الأوسط", "قوات سوريا الديمقراطية",
                 "حزب العمال الكردستاني", "حزب الاتحاد الوطني", "بول سالم", "بوريس جونسون",
                 "شركة نفط الشمال", "صور للجنرال", "بلد عضو", "يوما", "بيان مجلس", "بدور حيدر",
                 "محلات الخمور", "دولا دينية", "صحيفة العرب", "الخبر على صفحات"],
     metonyms=["حكومة بغداد", "من أنقرة إلى طهران", "نشر إيران", "تقدمها إيران", "ويقنع تركيا",
               "أشادت بريطانيا", "ويسمح لتركيا"],
     unlisted=["كردستان العراق / إقليم كردستان (regions)", "الرزازة (lake)", "جسر بزيبز (bridge)",
               "قلعة أربيل (counted as Erbil)", "الشرق الأوسط", "المتوسط (sea)"],
     note="USA: 'الأميركان', 'الولايات المتحدة', 'أميركا', Trump; IRAQI_FORCES: 'الجيش العراقي', "
          "'القوات العراقية'; COALITION: 'قوات التحالف'. CC:SA / CC:JO: 'نحو السعودية والمملكة "
          "الهاشمية' (an outlet towards them); Washington: the institute 'في واشنطن'.")

# ---- V-46_08 (Al-Araby Al-Jadeed, 29 Oct 2017, Ammar al-Halabi: regime losses in Deir ez-Zor,
# SDF east of the Euphrates, Turkish officers near Idlib)
# Line 1 = headline (cut) + date + clocks (بتوقيت القدس, غرينتش) + city picker + headline + "most
# read" + lead. The scraper repeated the body: line 17 ends the story, then "اقرأ أيضا", the
# author and the headline and lead again; lines 18-33 are the second copy (33 ends with footer).
# Battle reports and ISIS's own claims: no codebook claim.
page("V-46_08", title="Al-Araby Al-Jadeed: regime losses in Deir ez-Zor; SDF east of the Euphrates (no codebook claim)",
     article=[(1, 17)], repeated_body=True,
     actors=["SYRIAN_GOV", "ISIS", "SDF", "RUSSIA"],
     places=["DEIR_EZZOR", "CC:SY", "name:Aleppo", "EUPHRATES", "name:Jarabulus", "name:Al Mayadin",
             "name:Al Busayrah", "name:Idlib", "name:Bdama", "name:Latakia", "name:Hamah"],
     place_surfaces=["دير الزور", "سورية", "حلب", "الفرات", "جرابلس", "الميادين", "البصيرة", "إدلب",
                     "بداما", "اللاذقية", "حماة"],
     not_places=["فرات بوست", "العربي الجديد", "لواء الشمال", "قوات سورية الديمقراطية",
                 "للمليشيات الكردي ", "طائرات حربية", "الزيارة", "قم ة", "داخله", "بيان نشره",
                 "الأحد"],
     unlisted=["القدس / غرينتش (clocks in the header)", "Deir ez-Zor districts: حي العمال, الحميدية "
               "(not Al Hamidiyah, UAE), الحويقة, الجبيلة, الرشدية, الشيخ ياسين, الرصافة, "
               "المطار القديم, الموظفين, الجبيل (not Jubail)", "الحردانة", "الحلونجي", "الجات",
               "البوليل", "بغدادي", "دحلة", "جديدة عكيدات", "الشحيل", "جبل العكاوي", "مخفر بيسون",
               "سهل الغاب", "مطار منغ"],
     note="RUSSIA: 'طائرات حربية روسية', 'القوات الروسية'.")

# ---- R-73_01 (Islamist Movements Portal press review, 5 Nov 2017)
# Line 1 = portal name + the review's headlines twice + chairman + date + intro. The title names
# the "خلية الواحات" item (Al-Qaeda rising as ISIS declines): lines 2-10 (its opening was lost by
# the scraper). Lines 11-28 are other items of the review (Shia in Egypt, credited to البوابة نيوز;
# the Iraqi army in Anbar and Al Qaim, credited to Al Hayat; Qatar and Al-Qaeda; ISIS in Algeria,
# credited to Al-Ittihad) and are boilerplate by guideline 2. No codebook claim in lines 1-10.
page("R-73_01", title="Islamist Movements Portal press review: Al-Qaeda rising as ISIS declines (no codebook claim)",
     article=[(1, 10)],
     actors=["ISIS"],
     places=["CC:ML", "CC:BF", "CC:LY", "name:Benghazi", "name:Sirte"],
     place_surfaces=["مالي", "بوركينا فاسو", "ليبيا", "بنغازي", "سرت"],
     not_places=["بوابة الحركات الاسلامية", "اعتصام النهضة", "خلية الواحات", "شيخ الأزهر",
                 "عربي ا وعالمي ا", "الأحد", "في مكان واحد", "الصورة الجديدة", "بصدد",
                 "أنصار الإسلام", "كيانات جديدة"],
     unlisted=["سيناء (region)", "منطقة الصحراء (Sahara)", "شمال / جنوب ليبيا (regions)"])


# =========================================================================== stratum B
# (8 pages drawn among candidates with a claim cue; see /work/corpus/dev2/README.md)

# ---- R-128_03 (DW Arabic, 17 Nov 2017: Syrian strikes on Ghouta; Russian bombers near Abu
# Kamal; Russian veto on the chemical inquiry)
# Line 1 = DW's language notice; line 2 = menu + headline + lead. Line 25 = credits + start of a
# photo gallery on chemical weapons (to line 41); line 42 = author, tags, links (as R-505_00).
# No codebook claim in lines 2-24.
page("R-128_03", title="DW: strikes on Ghouta, Russian bombers near Abu Kamal, Russian veto (no codebook claim)",
     article=[(2, 24)],
     actors=["SYRIAN_GOV", "RUSSIA", "RU_MOD", "ISIS", "USA"],
     places=["DAMASCUS", "name:Harasta", "ABU_KAMAL", "DEIR_EZZOR", "CC:SY", "CC:RU", "CC:IR",
             "CC:IQ", "name:Khan Shaykhun"],
     place_surfaces=["دمشق", "حرستا", "البوكمال", "دير الزور", "سوريا", "روسيا", "إيران",
                     "والعراق", "خان شيخون"],
     not_places=["المرصد السوري لحقوق الإنسان", "ورد مقاتلو", "تي . يو", "بدون طيار", "وكالة تاس",
                 "شتيفان زايبرت", "مرحلة جديدة", "الدول الخمس", "بيان نشرته"],
     metonyms=["فشلت روسيا", "أعدته روسيا", "عارضتها روسيا وبوليفيا", "وامتنعت الصين ومصر",
               "روسيا نفسها", "مطالبا موسكو", "وكانت روسيا استخدمت"],
     unlisted=["الغوطة الشرقية (region)"],
     note="RU_MOD: 'وزارة الدفاع' / 'الوزارة' (the Russian MoD's statement); RUSSIA: 'قاذفات "
          "روسية', 'روسيا'; USA: 'الولايات المتحدة'.")

# ---- V-13_03 (Noon Post, 11 Oct 2017: four days after Turkey's move into Idlib; Raqqa)
# Line 1 = headline + site + search box + headline + date + credit + sub-head + lead; line 22 =
# footer. Lines 16 and 19 repeat sentences of lines 3 and 9 (kept: the page's own text).
page("V-13_03", title="Noon Post: Turkey in Idlib; reports of talks on a safe exit from Raqqa",
     article=[(1, 21)],
     actors=["ISIS", "SDF", "RUSSIA", "COALITION", "USA", "SYRIAN_GOV"],
     places=["name:Idlib", "CC:TR", "CC:SY", "name:`Afrin", "RAQQA", "EUPHRATES", "name:Hamah",
             "name:Homs", "DEIR_EZZOR", "name:Latakia", "CC:GE"],
     place_surfaces=["إدلب", "لإدلب", "تركيا", "سوريا", "عفرين", "الرقة", "نهر الفرات", "حماة",
                     "حمص", "دير الزور", "اللاذقية", "جورجيا"],
     not_places=["نون بوست", "هيئة تحرير الشام", "حركة أحرار الشام الإسلامية", "جبهة فتح الشام",
                 "حركة نور الدين الزنكي", "جيش الأحرار", "كتائب ابن تيمية", "أبو محمد الجولاني",
                 "بن علي يلدريم", "نور الدين جانكلي", "\" الأناضول \"", "صحيفة الشرق الأوسط",
                 "مسار جنيف", "محادثات أستانة", "تفاهمات أستانة", "مسار أستانة", "درع الفرات",
                 "علم الثورة", "الحول دون", "خروج آمن", "جناح آخر", "لا سيما", "دور القوات",
                 "\" روسيا الاتحادية \""],
     metonyms=["أنقرة باقية", "سعت تركيا", "أنقرة تستهدف", "أنقرة تدعم", "تميل تركيا وروسيا",
               "روسيا ترى", "ستحظى أنقرة"],
     unlisted=["معبر باب الهوى (crossing)", "حميميم (Russian air base)", "البحر المتوسط",
               "أوروبا / جنوب شرق أوروبا", "الشمال السوري (region)"],
     note="SYRIAN_GOV: 'الحكومة السورية', 'النظام', 'الأسد'; SDF: 'وحدات حماية الشعب', 'القوات "
          "الكردية'.")
st("V-13_03", "UNK", "RAQQA_DEAL", "asserts", 15,
   "وهناك أنباء تفيد عن مفاوضات", "في أرياف حماة وحمص ودير الزور", speaker="أنباء",
   note="Reports of SDF-ISIS negotiations on a safe exit of ISIS fighters and their families "
        "from Raqqa (an exit deal being arranged).")

# ---- R-241_10 (Okaz, 23 Nov 2017: Putin at Sochi; Ghouta; Deir ez-Zor after Abu Kamal)
# Line 1 = headline + section + site + search + sub-head + headline + dates + credit and
# dateline "( سوتشي , بيروت )"; line 10 = related articles, services, footer.
page("R-241_10", title="Okaz: Putin at Sochi; fighting in Ghouta and east of Deir ez-Zor; SOHR",
     article=[(1, 9)],
     actors=["RUSSIA", "SYRIAN_GOV", "ISIS"],
     places=["CC:SY", "name:Sochi", "name:`Afrin", "DAMASCUS", "name:Harasta", "EUPHRATES",
             "DEIR_EZZOR", "ABU_KAMAL"],
     place_surfaces=["سورية", "سوتشي", "عفرين", "دمشق", "حرستا", "نهر الفرات", "دير الزور",
                     "لدير الزور", "البوكمال"],
     not_places=["صحيفة عكاظ", "فلاديمير بوتين", "التسوية السلمية", "حل سلمي", "عملية جنيف",
                 "مؤتمر شعوب سورية", "المرصد السوري لحقوق الإنسان", "رجب طيب أردوغان",
                 "حسن روحاني", "مرحلة جديدة"],
     metonyms=["إيران وتركيا أيدتا", "اتفاق تركيا وروسيا وإيران"],
     unlisted=["بيروت / سوتشي in the line-1 dateline (metadata; Sochi is named again in the body)",
               "عين ترما (town in Ghouta, not in cities500)", "غوطة دمشق (counted as Damascus)"],
     note="RUSSIA: 'الرئيس الروسي فلاديمير بوتين'.")
st("R-241_10", "UNK", "ABU_KAMAL_LIBERATED", "asserts", 9,
   "وأفاد المرصد السوري", "سيطرتها على البوكمال", optional=True,
   speaker="المرصد السوري لحقوق الإنسان",
   note="SOHR: the allied militias consolidated their control of Abu Kamal last Monday; stated in "
        "a 'بعد أن' clause of its report on the fight east of Deir ez-Zor.")

# ---- V-303_06 (Aleppo Media Center, 4 Dec 2017: ISIS downs a regime jet near Abu Kamal)
# No headline on the page: lines 1-4 are the story; line 5 = date, comment notice, poll, menus,
# footer. ISIS's Amaq and local media sources on a downed jet: no codebook claim.
page("V-303_06", title="Aleppo Media Center: ISIS says it downed a regime jet near Abu Kamal (no codebook claim)",
     article=[(1, 4)],
     actors=["ISIS", "SYRIAN_GOV"],
     places=["ABU_KAMAL", "DEIR_EZZOR", "DAMASCUS"],
     place_surfaces=["البوكمال", "دير الزور", "ديرالزور", "دمشق"],
     not_places=["وكالة \" أعماق \"", "طائرة حربية", "دون أن تبين", "طراز لام 39", "لهيب الحرب"],
     unlisted=["قرية البقعان (Abu Kamal countryside)", "القلمون الغربي (region)",
               "مطار دير الزور العسكري (counted as Deir ez-Zor)"])

# ---- V-111_01 (Step News Agency, 30 Oct 2017: daily news summary of Syria)
# Line 1 = site name + date + tags + title + publication date + first item; lines 2-12 are further
# items (complete short reports: a news feed, guideline 4); 13-14 = site description and footer.
page("V-111_01", title="Step News: daily summary of Syria, 30 Oct 2017 (no codebook claim)",
     article=[(1, 12)],
     actors=["SYRIAN_GOV", "RUSSIA", "ISIS"],
     places=["DEIR_EZZOR", "name:As Susah", "ABU_KAMAL", "name:Mazra`at Bayt Jinn",
             "name:Kafr Batna", "name:Halfaya", "name:As Sukhnah", "name:Homs", "name:Idlib",
             "name:Hamah", "name:Ma`arratmisrin"],
     place_surfaces=["دير الزور", "السوسة", "البوكمال", "مزرعة بيت جن", "كفربطنا", "حلفايا",
                     "السخنة", "حمص", "إدلب", "ادلب", "حماة", "معرة مصرين"],
     not_places=["وكالة ستيب الإخبارية", "هيئة تحرير الشام", "الهلال الأحمر", "أبو علي دمر",
                 "حسن ناصيف", "عائلة واحدة"],
     unlisted=["Deir ez-Zor districts الحميدية (not Al Hamidiyah, UAE) / الشيخ ياسين",
               "جبل الشيخ", "الغوطة الغربية / الشرقية", "مسرابا", "حي جوبر", "عين ترما", "سرحا",
               "أبو لفة", "اللطامنة (Al Lataminah, not in cities500)", "المحطة الثانية (T2)",
               "الجينة", "شطيب", "الهوية"],
     note="RUSSIA: 'طيران النظام و روسيا' (Russian aircraft), 'قصف جو ي روسي' is a nisba only.")

# ---- R-24_01 (SDF website, Dec 2017: Turkey wants Nusra fighters evacuated from Ghouta; a
# defected Euphrates Shield commander on Turkey moving ISIS fighters from Jarabulus)
# Line 1 = headline + site name (the SDF's own site) + date + headline twice + lead; line 24 =
# site menus. Turkey moving ISIS fighters out of Jarabulus is an escape elsewhere by another
# actor (guideline 7): no codebook claim.
page("R-24_01", title="SDF site: Turkey and Nusra evacuees; commander on ISIS fighters moved from Jarabulus (no codebook claim)",
     article=[(1, 23)],
     actors=["SDF", "RUSSIA", "ISIS", "SYRIAN_GOV"],
     places=["DAMASCUS", "CC:TR", "CC:SD", "CC:SY", "name:Jarabulus", "name:Kilis",
             "name:Gaziantep", "DEIR_EZZOR", "name:Karkamis", "name:I`zaz"],
     place_surfaces=["دمشق", "تركيا", "تركية", "للسودان", "سورية", "سوريا", "جرابلس", "كيليس",
                     "عنتاب", "دير الزور", "كار كميش", "كار كاميش", "العزاز"],
     not_places=["جبهة النصرة", "درع الفرات", "رجب طيب أردوغان", "فلاديمير بوتين",
                 "محمد جاسم الحسن", "الهلال الأحمر التركي", "وكالة مازوبوتمايا", "حزب البعث",
                 "بشار الأسد", "الجيش السوري الحر", "الدعاية السوداء", "الأحد", "مرات",
                 "قوات سوريا الديمقراطية - Syrian Democratic Forces"],
     metonyms=["تريد أنقرة", "قامت تركية", "وقالت تركيا", "دخلت تركيا في علاقة مع تركيا",
               "وكان النظام السوري وروسيا", "لإرضاء روسيا"],
     unlisted=["الغوطة الشرقية (counted as Damascus: 'في العاصمة السورية دمشق')",
               "هطاي (Hatay, a province; 'مدينة هطاي' = Antakya?)", "المدن والعواصم الأوروبية"],
     note="Karkamis: GeoNames 'Karkamış' (cities500), written 'كار كميش' / 'كار كاميش' (also in "
          "'معبر كار كاميش', the crossing named after the town). RUSSIA: 'روسيا', Putin; "
          "SYRIAN_GOV: 'النظام السوري', Assad.")

# ---- R-208_02 (Al Shorouk, 25 Nov 2017: Ankara says Washington will stop arming the YPG;
# Hariri on Geneva; the Pentagon to disclose 2,000 troops)
# Line 1 = headline + site + "most read" + poll + headline + like button; line 2 = publication
# date + two sub-heads + lead. The page ends with the story.
page("R-208_02", title="Al Shorouk: Trump's assurances to Erdogan on the YPG; Raqqa battle over (White House)",
     article=[(1, 16)],
     actors=["USA", "SDF", "US_DOD", "ISIS", "RUSSIA", "SYRIAN_GOV"],
     places=["CC:SY", "RAQQA", "name:Sochi", "name:Riyadh", "name:Geneva", "name:Washington"],
     place_surfaces=["سوريا", "الرقة", "سوتشى", "الرياض", "جنيف", "واشنطن"],
     not_places=["بوابة الشروق", "\" واشنطن بوست \"", "وكالة \" الأناضول \"",
                 "مولود تشاووش أوغلو", "رجب طيب أردوغان", "فلاديمير بوتين", "مؤتمر سوتشى",
                 "نصر الحريرى", "احتمال دوما", "بيان أن", "حوار وطنى سورى"],
     metonyms=["أنقرة تؤكد", "ضمانات من واشنطن", "بأن واشنطن ستتوقف", "بين واشنطن وأنقرة",
               "اقتراح روسيا"],
     note="USA: 'واشنطن', 'الولايات المتحدة', Trump, the White House, 'الجيش الأمريكى'; US_DOD: "
          "'البنتاجون', 'وزارة الدفاع الأمريكية'. Washington: 'لكن فى واشنطن' (in Washington).")
st("R-208_02", "USA", "RAQQA_NOT_LIBERATED", "denies", 4,
   "حيث أكد البيت الأبيض", "وانتهت معركة الرقة", optional=True,
   note="The White House: 'the battle of Raqqa has ended' contradicts RAQQA_NOT_LIBERATED without "
        "answering it (guideline 6).")

# ---- R-264_00 (Al Qabas, ~21 Nov 2017: "Geneva 8 in two stages, with Sochi in between")
# Line 1 = headline; line 2 = site + date + caption of the story's photo (Douma) + headline;
# line 27 = tags, archive dates, prayer times, teasers, footer.
page("R-264_00", title="Al Qabas: Geneva 8 and Sochi; coalition Humvees for the SDF; regime media on Abu Kamal",
     article=[(1, 26)],
     actors=["SDF", "ISIS", "COALITION", "USA", "US_DOD", "SYRIAN_GOV", "RUSSIA"],
     places=["CC:SY", "name:Duma", "DAMASCUS", "name:Darat `Izzah", "name:Idlib", "name:Aleppo",
             "name:`Afrin", "name:Al Qamishli", "ABU_KAMAL", "name:Harasta", "name:`Irbin",
             "DEIR_EZZOR", "CC:JO", "name:Dar`a", "name:Al Qunaytirah", "name:Geneva",
             "name:Sochi", "name:Riyadh"],
     place_surfaces=["سوريا", "بسوريا", "دوما", "لدمشق", "دارة عزة", "إدلب", "حلب", "عفرين",
                     "القامشلي", "البوكمال", "حرستا", "عربين", "دير الزور", "الاردن", "الأردن",
                     "درعا", "والقنيطرة", "جنيف", "سوتشي", "الرياض"],
     not_places=["\" جنيف 8 \"", "مفاوضات جنيف", "مؤتمر \" سوتشي \"", "مؤتمر سوتشي للحوار",
                 "حركة نور الدين الزنكي", "حركة زنكي", "جبهة النصرة", "حركة احرار الشام",
                 "\" عرين الحرس الجمهوري \"", "\" عنب بلدي \"", "وكالة \" سبوتنيك \"",
                 "صحيفة الغارديان", "ستيفان دي ميستورا", "محمد بن سلمان", "فيلق الرحمن",
                 "جيش الإسلام", "القبس الإلكتروني", "همر", "جيمس ماتيس", "فلاديمير بوتين",
                 "المطلة على", "مؤتمر جنيف"],
     metonyms=["اكدت المعارضة السورية ان تركيا", "بتنسيق مع الأردن", "حددت روسيا",
               "روسيا وإيران وتركيا"],
     unlisted=["الشيخ عقيل (village)", "حقل التنك (oil field)", "إدارة المركبات (base)",
               "Harasta districts حي العجمي / الحدائق / حي الجسرين", "الغوطة الشرقية",
               "القلمون الشرقي (region)", "قمة فييتنام (summit; no location given)"],
     note="US_DOD: 'وزير الدفاع الأمريكي جيمس ماتيس'. Geneva and Sochi count where the text "
          "places something there ('المحادثات السياسية في جنيف', 'مؤتمر في سوتشي'); the talks' "
          "names are not places. CC:JO: 'غرفة عملياته في الاردن'.")
st("R-264_00", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 14,
   "وتركزت التغطية الاعلامية للنظام", "السيطرة على مدينة البوكمال", optional=True,
   note="The regime's media coverage centred on the taking of Abu Kamal: no speech verb.")


# =========================================================================== stratum C
# (6 pages drawn among pages with a claim-bearing span; see /work/corpus/dev2/README.md)

# ---- R-509_05 (Annabaa, Dec 2017: ISIS's defeat in 2017; foreign fighters; Talal Silo's account
# of the Raqqa deal, after Reuters)
# Line 1 = menu word + lead (no headline on the page); lines 1-85 are one long article with
# sub-heads run into the lines (L10 "هزيمة وتحديات", L40 "40 الف مقاتل", L57 "صفقات سرية");
# line 86 = channel link, comments, site description, contacts, footer.
page("R-509_05", title="Annabaa: ISIS after 2017; foreign fighters; Silo on the secret Raqqa deal",
     article=[(1, 85)],
     actors=["ISIS", "IRAQI_FORCES", "USA", "COALITION", "SYRIAN_GOV", "RUSSIA", "SDF", "BBC",
             "DRIVERS"],
     places=["CC:SY", "CC:IQ", "MOSUL", "RAQQA", "name:Bayji", "name:Ramadi", "FALLUJAH",
             "name:Aleppo", "name:Homs", "DAMASCUS", "name:Astana", "name:Sochi", "CC:FR",
             "name:Marawi City", "CC:AF", "CC:LY", "CC:SO", "CC:YE", "CC:TR", "DEIR_EZZOR",
             "name:Ankara"],
     place_surfaces=["سوريا", "سورية", "العراق", "الموصل", "الرقة", "بيجي", "الرمادي", "الفلوجة",
                     "حلب", "حمص", "دمشق", "أستانا", "سوتشي", "فرنسا", "مراوي", "افغانستان",
                     "ليبيا", "الصومال", "اليمن", "تركيا", "دير الزور", "أنقرة"],
     not_places=["كتائب حزب الله", "راند كوربوريشن", "جامعة جورجتاون", "فلاديمير بوتين",
                 "بشار الأسد", "حزب العمال الكردستاني", "شاهين جيلو", "جماعة ابو سياف",
                 "موقع آمن", "دول الساحل", "جان ايف لودريان", "سيث جونز",
                 "بروس هوفمان", "توكاس ساندرسم", "أيمن التميمي", "إنجي صدقي",
                 "اللجنة الدولية للصليب الأحمر"],
     metonyms=["أمام دمشق تحد", "أكدت دمشق", "حليفتي دمشق", "تستضيف روسيا", "رعت كل من روسيا",
               "وتختلف تركيا مع واشنطن", "اختلفت أنقرة شريك واشنطن", "وتقول تركيا",
               "إن تركيا تعتقد", "الذي دعمته واشنطن"],
     unlisted=["محافظة الأنبار (province)", "البلقان / اوروبا (regions)",
               "جزيرة مينداناو (island)", "ولاية جوزان (Jowzjan province)",
               "المناطق القبلية الباكستانية (adjective)", "قرية جلابية (village)",
               "مساحة بريطانيا (a comparison of size, not a location)"],
     note="Talal Silo, the SDF's former spokesman who defected to Turkey, speaks for himself "
          "(UNK + speaker); his mid-October statement as spokesman is the SDF's.")
SILO = "طلال سيلو"
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 57,
   "وقال إن آلافا من مقاتلي التنظيم", "وافقت عليها الولايات المتحدة", speaker=SILO)
st("R-509_05", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 57,
   "وقال إن آلافا من مقاتلي التنظيم", "وافقت عليها الولايات المتحدة", speaker=SILO)
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 58,
   "وقال طلال سيلو", "من مدينة الرقة", speaker=SILO,
   note="The SDF prepared the transfer of all remaining ISIS fighters out of Raqqa.")
st("R-509_05", "USA", "COALITION_PARTY_TO_DEAL", "denies", 59,
   "ووصف مسؤولون أمريكيون", "زائفة ومختلقة \"",
   note="US officials call Silo's statements (a secret deal approved by the US) false.")
st("R-509_05", "USA", "RAQQA_DEAL", "denies", 59,
   "ووصف مسؤولون أمريكيون", "زائفة ومختلقة \"", optional=True,
   note="Their denial covers Silo's account of the deal too, though the coalition had conceded "
        "an arrangement.")
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 59,
   "غير أن مسؤولا أمنيا في تركيا", "روى أحداثا مشابهة", optional=True,
   speaker="مسؤولا أمنيا في تركيا", note="'Recounted similar events': vague.")
st("R-509_05", "SDF", "RAQQA_DEAL", "concedes", 61,
   "أحد المسؤولين الذين قالوا لوسائل الإعلام", "غادروا الرقة مع عائلاتهم",
   note="As SDF spokesman in mid-October Silo said fewer than 300 fighters left Raqqa with "
        "their families while others fought on.")
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 62,
   "إلا أنه عاد و قال", "لحين إتمام عملية الإجلاء", speaker=SILO)
st("R-509_05", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 63,
   "وأضاف أن مسؤولا أمريكيا", "وافق على الصفقة", speaker=SILO)
st("R-509_05", "DRIVERS", "RAQQA_DEAL", "asserts", 65,
   "أحد السائقين في عملية الإجلاء", "محملة بالمقاتلين والذخائر")
st("R-509_05", "BBC", "RAQQA_DEAL", "asserts", 65,
   "وقالت هيئة الإذاعة البريطانية", "وصف قافلة", optional=True,
   note="The BBC relays the driver's words (nested report: the source is required).")
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 66,
   "وأبدت الحكومة التركية قلقها", "الذين غادروا الرقة", optional=True,
   speaker="الحكومة التركية", note="Presupposed in Turkey's worry about fighters who left Raqqa.")
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 67,
   "وقال سيلو \" تم التوصل لاتفاق", "أن يرحل الإرهابيون", speaker=SILO)
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 71,
   "وأضاف \" الإعلان كان غطاء", "رحلوا إلى دير الزور", speaker=SILO)
st("R-509_05", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 71,
   "وأن الاتفاق أقرته الولايات المتحدة", "لمعركة الرقة", speaker=SILO)
st("R-509_05", "SDF", "RAQQA_DEAL", "denies", 73,
   "وتنفي قوات سوريا الديمقراطية", "مغادرة الرقة إلى دير الزور")
st("R-509_05", "COALITION", "COALITION_PARTY_TO_DEAL", "denies", 73,
   "وقال التحالف العسكري", "\" اتفاقات مع إرهابيين \"")
st("R-509_05", "COALITION", "US_SUPPORTS_ISIS", "denies", 74,
   "وقال التحالف في بيان", "تواطؤ التحالف مع تنظيم داعش")
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 75,
   "إلا أن مسؤولا أمنيا تركيا قال", "أكبر من العدد المعترف به",
   speaker="مسؤولا أمنيا تركيا")
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 76,
   "وقال إن تركيا تعتقد", "عن رحيل أفراد داعش", optional=True,
   speaker="مسؤولا أمنيا تركيا", note="The departure is presupposed ('the departure of ISIS men').")
st("R-509_05", "UNK", "RAQQA_DEAL", "asserts", 82,
   "وأضاف أن محادثات الرقة", "صهر أمير التنظيم في الرقة", speaker=SILO)
st("R-509_05", "UNK", "COALITION_PARTY_TO_DEAL", "asserts", 84,
   "وقال سيلو \" عاد بموافقة الإدارة الأمريكية", "إلى دير الزور", speaker=SILO)
st("R-509_05", "COALITION", "RAQQA_DEAL", "concedes", 85,
   "وقبل أسبوعين قال التحالف", "بالرحيل عن الرقة",
   note="A commander attended the talks; a deal was reached, without the coalition's consent.")
st("R-509_05", "COALITION", "COALITION_PARTY_TO_DEAL", "denies", 85,
   "وقبل أسبوعين قال التحالف", "بالرحيل عن الرقة")

# ---- V-7_00 (Asharq al-Awsat online, 19 Oct 2017: the SDF prepares to hand Raqqa to a civil
# council; a new Astana round)
# Line 1 = section + headline three times + sub-head + dates + caption + dateline (بيروت) + lead;
# lines 19-22 = menus, videos, footer. "The SDF took the whole city after an agreement ... under
# which hundreds of ISIS members surrendered" (line 7) is the outlet's narration.
page("V-7_00", title="Asharq al-Awsat: SDF to hand Raqqa to a civil council; Astana round",
     article=[(1, 18)],
     actors=["SDF", "ISIS", "USA", "COALITION", "SYRIAN_GOV", "RUSSIA"],
     places=["RAQQA", "CC:SY", "DEIR_EZZOR", "CC:IQ", "CC:KZ", "name:Astana", "name:Moscow",
             "name:Geneva"],
     place_surfaces=["الرقة", "سوريا", "دير الزور", "والعراق", "كازاخستان", "آستانة", "موسكو",
                     "جنيف"],
     not_places=["\" الشرق الأوسط أونلاين \"", "\" غضب الفرات \"", "مجلس الرقة المدني",
                 "مفاوضات آستانة", "روجدا فلات", "مصطفى بالي", "طلال سلو",
                 "ستيفان دي ميستورا", "وزارة خارجية كازاخستان", "جولة جديدة",
                 "قوات سوريا الديمقراطية"],
     metonyms=["ترعاها روسيا وإيران حلفيتا دمشق"],
     unlisted=["بيروت (dateline)", "Raqqa landmarks: المشفى الوطني, الملعب البلدي, دوار النعيم"],
     note="USA: 'المدعوم من واشنطن', 'الولايات المتحدة'; SYRIAN_GOV: 'النظام السوري'.")
st("V-7_00", "SDF", "RAQQA_NOT_LIBERATED", "denies", 3,
   "وأعلنت \" قوات سوريا الديمقراطية \"", "سيطرتها بشكل كامل على مدينة الرقة", optional=True,
   note="The SDF announce full control of Raqqa: contradicts RAQQA_NOT_LIBERATED without "
        "answering it (guideline 6).")

# ---- R-505_04 (AFP report as scraped, Oct 2017: inside Raqqa after the battle)
# Three body lines, no headline or furniture. The surrender "after an agreement sponsored by the
# Raqqa civil council" is the agency's narration; Silo on the investigations: no codebook claim.
page("R-505_04", title="AFP (scraped body): inside Raqqa after the battle (no codebook claim)",
     article=[(1, 3)],
     actors=["SDF", "ISIS"],
     places=["RAQQA"],
     place_surfaces=["الرقة"],
     not_places=["\" فرانس برس \"", "مجلس الرقة المدني", "طلال سلو", "انتبه حاجز",
                 "قوات سورية الديموقراطية", "للدولة الاسلامية"])

# ---- R-91_00 (Al Arab, Dec 2017: the SDF coordinate with the Iraqi army on the border)
# Line 1 = headline + date/issue twice + headline + standfirst; line 2 = sub-head + dateline
# (دمشق) + body; line 6 = "read also" and footer. No codebook claim.
page("R-91_00", title="Al Arab: SDF and Iraqi army set up a joint border centre (no codebook claim)",
     article=[(1, 5)],
     actors=["SDF", "USA", "IRAQI_FORCES", "ISIS", "RUSSIA", "COALITION", "DILLON", "SYRIAN_GOV"],
     places=["DEIR_EZZOR", "CC:IQ", "CC:SY", "EUPHRATES", "RAQQA"],
     place_surfaces=["دير الزور", "العراق", "سوريا", "نهر الفرات", "الفرات", "الرقة"],
     not_places=["الكولونيل ريان ديلون", "وأضاف ديلون", "قوات سوريا الديمقراطية", "النصر",
                 "لولا", "الطرف العراقي", "الأحد"],
     metonyms=["فواشنطن تدعم", "روسيا لن تمانع", "حليفتها إيران", "وأعلن الأحد العراق",
               "تعاون مع موسكو", "تركيا وإيران"],
     unlisted=["دمشق (dateline only)", "الصحراء الغربية (region)"],
     note="RUSSIA: 'روسيا', 'القوة الجوية الروسية'; SYRIAN_GOV: 'قوات الحكومة السورية'; "
          "DILLON: 'الكولونيل ريان ديلون المتحدث باسم التحالف'.")

# ---- R-435_11 (Liveuamap Syria feed, machine-translated, ~June 2017)
# A news feed (guideline 4): line 1 = share/menu chrome, then items run together; items to line
# 19, which ends with the map legend in English; 20-22 = site description and cookie notice.
# No codebook claim among the items.
page("R-435_11", title="Liveuamap Syria feed, June 2017 (no codebook claim)",
     article=[(1, 19)],
     actors=["ISIS", "SYRIAN_GOV", "SDF", "RUSSIA", "RU_MOD", "USA", "US_DOD", "COALITION",
             "IRAQI_FORCES"],
     places=["CC:SY", "name:Tadmur", "name:Al Bab", "name:As-Suwayda", "name:Tadif", "name:`Afrin",
             "name:Al Mayadin", "RAQQA", "name:Dar`a", "DEIR_EZZOR", "name:Hamah", "DAMASCUS",
             "name:Idlib", "name:Aleppo", "name:Jarabulus", "name:Homs", "name:Al Mansurah",
             "ABU_KAMAL", "name:Darat `Izzah", "name:Khirbat Ghazalah"],
     place_surfaces=["سوريا", "تدمر", "الباب", "السويداء", "تادف", "عفرين", "مايادين", "الميادين",
                     "الرقة", "درعا", "دير الزور", "حماة", "دمشق", "إدلب", "حلب", "جرابلس", "حمص",
                     "المنصورة", "أبوكمال", "دارة عزة", "خربة غزالة"],
     not_places=["\" أحرار الشرقية \"", "أسود الشرقية", "جيش العزة", "جيش النصر", "فيلق الشام",
                 "هيئة تحرير الشام", "جيش الإسلام", "غضب الفرات", "درع الفرات", "وكالة أعماق",
                 "جسر بري", "محطة الري", "سد الحرية", "على بعد ميل", "رجل مسن", "قتيل واحد",
                 "معركة يطلقون"],
     metonyms=["روسيا تحاول"],
     unlisted=["كرمة / دار الفتح (villages; not Karmah, Palestine)", "بلدة الري (garbled; not Rey, "
               "Iran)", "أديغيا / القوقاز (regions)", "باروتا", "القصيبة", "البواري",
               "قرية حمام (not Hamam, Israel)", "سد الحرية / سد آزادى / سد البعث (dams)",
               "أبو قباب", "اللطمانه (Al Lataminah)", "حاجز زازا / صبي البيار",
               "الصحراء السورية", "السويداء, شرق الرقة (a village near Raqqa, not As-Suwayda)",
               "Deir ez-Zor districts جبيلة / الحميدية / الرصافة", "الأشعري", "الغوطة الشرقية",
               "برزة (Damascus district)", "الأسدية", "سمراء", "مزرعة عدنانية", "الرققة",
               "هورات عجيل", "علية", "أبو قبي", "معبر باب الهوى", "الغربية (garbled)",
               "قلعة الماضي (garbled Qal`at al Madiq)", "شمال سوريا (region)"],
     note="A machine-translated map feed; places are listed where the text names them "
          "recognisably.")

# ---- R-435_12 (Liveuamap Syria feed, another snapshot, ~May-June 2017)
# Items from line 1 (which starts mid-item) to line 13, which ends with the English map legend;
# 14-16 = site description. Lines 6-13 repeat items of R-435_11. No codebook claim.
page("R-435_12", title="Liveuamap Syria feed, May-June 2017 (no codebook claim)",
     article=[(1, 13)],
     actors=["ISIS", "SYRIAN_GOV", "SDF", "RUSSIA", "RU_MOD", "USA"],
     places=["CC:SY", "name:Tadmur", "CC:MA", "name:Al-Tabqa", "RAQQA", "name:Kafr Shams",
             "name:Dar`a", "name:Al Bab", "name:Aleppo", "name:`Afrin", "name:Maskanah",
             "name:Al Mansurah", "DAMASCUS", "name:Khanasir", "name:Homs", "name:Al Mayadin",
             "DEIR_EZZOR", "name:Hamah"],
     place_surfaces=["سوريا", "سورىا", "تدمر", "المغرب", "طبقة", "الطبقة", "الرقة", "كفر شمس",
                     "درعا", "الباب", "حلب", "عفرين", "مسكنة", "المنصورة", "دمشق", "خناصير", "حمص",
                     "مايادين", "الميادين", "دير الزور", "حماة"],
     not_places=["\" أحرار الشرقية \"", "أسود الشرقية", "جيش العزة", "جيش النصر",
                 "هيئة تحرير الشام", "غضب الفرات", "وكالة أعماق", "جسر بري", "سد الحرية",
                 "لواء الحمزة", "بير كسب", "وقف إطلاق النار", "للرقة تذبح بصمت", "نفس الطريق",
                 "شريعة حمورابي"],
     metonyms=["تستعد الجزائر", "روسيا تحاول", "نتفق معها مع تركيا"],
     unlisted=["مستورة", "عقربا (Daraa village; not `Aqraba, Palestine)", "جنوب سوريا (region)",
               "تل الدكوه", "المنشية (Daraa district)", "الغوطة الشرقية / حوش الضواحية",
               "جداع كبيرة / صغيرة", "سد البعث / سد الحرية / سد آزادى (dams)", "الأشعري",
               "العباسية", "الفوعة - كفريا (written فوعه - كفرايا)", "قاعدة السين الجوية",
               "أديغيا / القوقاز", "باروتا", "القصيبة / البواري", "قرية حمام", "أبو قباب",
               "اللطمانه", "حاجز زازا / صبي البيار", "معبر باب الهوى", "الصحراء (Sahara)"],
     note="Khanasir is written 'خناصير'; Tabqa 'طبقة' / 'الطبقة'.")


# --------------------------------------------------------------------------- run

if __name__ == "__main__":
    sys.exit(engine.main(sys.argv[1:]))
