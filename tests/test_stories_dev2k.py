"""Page furniture the cleaner kept as article text, found by reading the kept lines of 250 pool
pages drawn at random (seed 9101, /work/corpus/dev2_kept/README.md) against their raw pages:
a listing of related teasers whose leads are cut a few words in, each line running on into the
next teaser (riwaya/pipeline/listing.py), and widgets closing the article: tag boxes, related
links, latest-news boxes with timed items, comment boxes and account forms, an aggregator's
sign-off repeating the headline, a map site's closing lines (boilerplate rules,
data/codebook/boilerplate.jsonl).
The lines are written for the tests: each shows a class of page, not a page's words."""

from __future__ import annotations

import pytest

from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.listing import excerpt_listing
from tests.story_lines import ARTICLE

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب", "شينخوا")

#: a tag page's teasers: each line is one teaser's lead cut a few words in (". . ."), the next
#: teaser's outlet and lead glued after it
CUT_LEADS = [
    "أعلنت وزارة الدفاع يوم الأحد وصول تعزيزات جديدة إلى . . . رويترز قال مسؤول في الأمم المتحدة "
    "إن قوافل المساعدات لم تصل بعد إلى البلدات المحاصرة في الريف الشرقي .",
    "وقال المسؤول في تصريح . . . سكاي نيوز عربية أكد وزير الخارجية يوم الاثنين أن بلاده لن تشارك "
    "في أي مؤتمر لا يضم جميع الأطراف .",
    "وأضاف الوزير خلال مؤتمر صحفي مشترك مع نظيره . . . أ ف ب أعلنت السلطات المحلية فتح معبر حدودي "
    "جديد أمام الشاحنات التجارية بعد إغلاق دام أشهرا .",
    "وذكرت وكالة الأنباء الرسمية أن . . . العربية أفادت مصادر طبية بأن حصيلة القتلى في القصف على "
    "السوق الشعبية ارتفعت إلى عشرين شخصا .",
    "وقال مدير المستشفى . . . رويترز نفى متحدث باسم الجيش أن تكون طائراته قد استهدفت مواقع مدنية "
    "خلال الأسبوع الماضي .",
]


def kept(lines: list[str], codebook=None) -> list[str]:
    kw = {"boilerplate": codebook.boilerplate, "sources": codebook.sources} if codebook else {}
    text = clean_text("\n".join(lines), agencies=AGENCIES, **kw).text
    return [ln for ln in text.split("\n") if ln]


def test_a_listing_of_leads_cut_a_few_words_in_has_no_article():
    # every line: a lead cut after a few words, the next teaser glued after the mark
    assert excerpt_listing(CUT_LEADS, list(range(len(CUT_LEADS)))) == 0
    assert kept(CUT_LEADS) == []
    # under a tag archive's heading and a full first teaser
    page = ["أرشيف الوسوم : الحدود أعلنت السلطات إغلاق المعبر الحدودي أمام المسافرين حتى إشعار آخر "
            "بسبب الأوضاع الأمنية في المنطقة ."] + CUT_LEADS
    assert kept(page) == []


def test_a_writer_s_pauses_are_no_cut_leads():
    # an opinion piece pausing with ". . ." at the end of a few of its paragraphs' first clause,
    # going on with و/ف: the article stays whole
    paused = ["ولكن القائد لم يقتنع . . . وظل يراهن على الوقت حتى تبدلت موازين القوى في المنطقة .",
              "وهنا ترد الحقائق على أرض المعركة . . . فالقوات تقدمت حيث لم يتوقع أحد أن تتقدم .",
              "وكان هذا هو موقف الحكومة . . . وهو موقف لم يتغير منذ سنوات طويلة رغم كل الضغوط ."]
    page = [ARTICLE[0], paused[0]] + ARTICLE[1:3] + paused[1:2] + ARTICLE[3:] + paused[2:]
    assert kept(page) == page
    # a short piece whose first clauses trail off, each going on with و/ف: not a cut lead either
    assert kept([ARTICLE[0]] + paused + ARTICLE[1:3]) == [ARTICLE[0]] + paused + ARTICLE[1:3]
    # nor an interview's questions trailing off
    page = ARTICLE[:2] + ["الصحيفة : هل تتوقعون أن يكون الرد قريبا . . . أم أن الأمر سيطول ?"] \
        + ARTICLE[2:]
    assert kept(page) == page


@pytest.mark.parametrize("footer", [
    ["All events and areas of control on the map are geolocated approximatelyLiveuamap . com هو "
     "الخريطة و تغذية الأخبار",
     "مهمتنا أن نقول عن الأزمة في أوكرانيا في جميع أنحاء العالم ."],
    # a tag box run into the related links and share buttons; a network's closing links
    ["كلمات دال ة , , , , روابط ذات صلة تابعونا على اختيارات القراء فيسبوك تويتر X تم إرسال "
     "تعليقك بنجاح , شكرا لتواصلك معنا ."],
    ["روابط ذات علاقة الأخبار صفحات خاصة قضايا ساخنة فيديو وصور 2018 ."],
    # a related box whose first item is dated, with the most-read counts after it
    ["منشورات متعلقة 3 مارس , 2017 12 8 أبريل , 2017 30 الأكثر زيارة 5 يناير , 2018 410",
     "تابعنا على مواقع التواصل النشرة البريدية اشترك بقائمتنا البريدية ."],
    # a programme page's latest news, each item timed ("قبل ساعة"), places in them
    ["المزيد حول موضوع الحلقة مواضيع و قضايا أحدث الأخبار قبل ساعة أعلنت الحكومة إغلاق المعابر "
     "الحدودية مع الدولة المجاورة حتى إشعار آخر .",
     "قبل ساعتين قالت الأمم المتحدة إن قافلة مساعدات دخلت البلدة المحاصرة في ريف العاصمة ."],
    ["اقرأ أيضا المواضيع المميزة تويتر - 40k متابعين 12 ساعات منذ خرج المئات بعد ظهر اليوم في "
     "مظاهرة بمدينة حدودية رفعوا فيها لافتات تطالب بعودة النازحين إلى قراهم قبل حلول الشتاء . . . "
     "3 أيام منذ قتل طفل جراء انفجار لغم من مخلفات الحرب في ريف المحافظة أثناء لعبه قرب منزله ."],
    # an aggregator's sign-off: thanks, a like prompt, the headline again, a trending box
    ["نشكر كل متابعينا ونعدكم دائما بتقديم كل ما هو افضل . . ونقل الاخبار من كافة المصادر .",
     "لا تنسوا عمل لايك لصفحتنا على الفيسبوك ومتابعة آخر الاخبار على تويتر .",
     "مع تحيات اسرة موقع الأخبار , " + ARTICLE[0] + " , تابعونا علي مواقع التواصل الاجتماعي .",
     "متداولة الانالثلاثاء 02 يناير 2018 07 : 07 مساء الأحد 18 يونيو 2017 08 : 11 مساء"],
    ["نشكركم زوارنا الكرام علي متابعتنا ونتمني ان نكون عند حسن ظنكم بنا دائمآ , " + ARTICLE[0]
     + " عبر موقعنا , لاتنسوا عمل لايك علي صفحات التواصل الاجتماعي الخاصة بموقعنا ."],
    # a comments box with a poll, and a site's account forms
    ["ترشيحاتنا تعليقات فيسبوك تعليقات الموقع بالصور تصويت هل توافق على القرار ? نعم لا لا أهتم"],
    ["تسجيلهل لديك ملف شخصي على example . comتسجيل أهلا بكم , !",
     "البريد الإلكتروني : كلمة السر : حفظتسجيل أهلا بكم , !",
     "البريد الإلكتروني : الاسم المستعارحذف الملف الشخصيهل حقا تريد حذف حسابك ?"],
])
def test_widgets_closing_the_article_are_boilerplate(footer, sample_codebook):
    assert kept(ARTICLE + footer, sample_codebook) == ARTICLE


def test_the_article_s_last_paragraph_glued_to_a_tag_box_is_kept(sample_codebook):
    # the tag box's rule opens a line: a paragraph run into it stays (article text first)
    glued = ARTICLE[-1] + " كلمات دال ة , , روابط ذات صلة تابعونا على اختيارات القراء فيسبوك"
    assert kept(ARTICLE[:-1] + [glued], sample_codebook)[-1] == glued


def test_a_day_s_feed_of_one_news_office_has_no_article():
    # a day's archive: every item opens with the office's credit and its town, the first glued
    # to the archive's heading
    items = ["مكتب الأخبار المحلية - البلدة الشمالية أعلن المجلس المحلي اليوم افتتاح مدرسة جديدة "
             "بعد ترميمها بدعم من منظمة إغاثية .",
             "مكتب الأخبار المحلية - المدينة الساحلية شيعت القوات الحكومية اليوم ثلاثة من عناصرها "
             "قتلوا في اشتباكات على أطراف المدينة .",
             "وقال مصدر طبي للمكتب إن المستشفى الميداني استقبل عشرات الجرحى خلال ساعات الليل .",
             "مكتب الأخبار المحلية - الريف الغربي استعادت فصائل المعارضة السيطرة على تلة استراتيجية "
             "بعد معارك استمرت يومين مع القوات الحكومية .",
             "مكتب الأخبار المحلية - المدينة الساحلية نظم أهالي الحي وقفة احتجاجية اليوم للمطالبة "
             "بإصلاح شبكة المياه المتوقفة منذ أسبوعين ."]
    page = ["20 شباط 2017 - مكتب الأخبار المحلية أرشيف يوم : " + items[0]] + items[1:]
    assert kept(page) == []
    # the article's own dateline opens one line only: the article stays
    page = [ARTICLE[0], "مكتب الأخبار المحلية - البلدة الشمالية " + ARTICLE[1]] + ARTICLE[2:]
    assert kept(page) == page


def test_the_article_s_headline_glued_to_a_trending_label_is_kept(sample_codebook):
    # "trending now" glued to the article's headline and lead opens no widget: only the label
    # followed by the widget's dates does
    page = ["متداولة الان" + ARTICLE[0] + " " + ARTICLE[1]] + ARTICLE[2:]
    assert kept(page, sample_codebook) == page
