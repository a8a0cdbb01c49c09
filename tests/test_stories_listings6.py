"""Furniture the cleaner kept as article text, found by reading the kept lines of pool pages
(helper P6, on the tune halves of /work/corpus/dev2_kept4 and dev2_kept5): a press review's
teasers closing an article, each another story's headline glued to a lead that
opens with an outlet's verb of publishing (retelling.review_teasers); and what must stay an
article: an article quoting newspapers in its own paragraphs, a press review's items going on
with paragraphs. (Joomla's tag header "عرض العناصر حسب علامة :" is among the listing headers of
test_stories_listings4.py.)
The lines are written for the tests: each shows a class of page, not a page's words."""

from __future__ import annotations

from riwaya.pipeline.retelling import review_teasers
from tests.story_lines import ARTICLE, kept_lines

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب")

def _kept(page: list[str], codebook) -> list[str]:
    return [ln for ln in kept_lines(page, codebook, AGENCIES) if ln]


#: a review page's teasers below the article: a headline (a label, a question) glued to a lead
#: opening with "نشرت صحيفة", "قالت مجلة" ...
REVIEW = [
    "صحيفة ألمانية : ما الذي تريده الحكومة من الشركات الكبرى قالت صحيفة \" دي فيلت \" الألمانية إن "
    "الحملة على الشركات الكبرى لها أسباب تتجاوز مكافحة الفساد . . مجلة أمريكية : هل تنجو الصفقة ? "
    "نشرت مجلة \" تايم \" مقالا عن مستقبل الصفقة .",
    "كيف واجه السكان انقطاع الكهرباء في الشتاء ? نشرت صحيفة \" لا ريبوبليكا \" الإيطالية تقريرا "
    "تحدثت فيه عن معاناة السكان في المدن الساحلية .",
    "الغارديان : كيف أنهكت الديون الاقتصاد المحلي ? ? نشرت صحيفة \" الغارديان \" مقالا لخبير "
    "اقتصادي يقول فيه إن البلاد تواجه احتجاجات في أنحاء عدة .",
]


def test_a_review_s_teasers_closing_the_article_are_other_stories(sample_codebook):
    page = ARTICLE + REVIEW
    assert review_teasers(page, list(range(len(page)))) == len(ARTICLE)
    assert _kept(page, sample_codebook) == ARTICLE


def test_an_article_quoting_newspapers_keeps_its_lines(sample_codebook):
    # paragraphs opening with a quoted outlet ("وقالت صحيفة", "من جهتها , نشرت مجلة") are the article's
    page = ARTICLE + [
        "وقالت صحيفة \" الوطن \" المحلية إن المعارك ما زالت مستمرة في أطراف البلدة الشرقية .",
        "من جهتها , نشرت مجلة \" الأسبوع \" صورا للدمار الذي لحق بالمباني الحكومية في البلدة .",
        "في هذا السياق الميداني المتسارع نشرت صحيفة \" الأيام \" تقريرا عن أوضاع النازحين في المخيمات .",
    ]
    assert review_teasers(page, list(range(len(page)))) is None
    assert _kept(page, sample_codebook) == page


def test_a_press_review_s_items_going_on_with_paragraphs_keep_their_lines(sample_codebook):
    # a review page: each item's teaser line, then the item's paragraphs (the page's end is no
    # run of teasers)
    page = [REVIEW[1], "وأضافت الصحيفة أن الحكومة وعدت بإصلاح الشبكة قبل نهاية العام الجاري .",
            REVIEW[2], "وتابع الكاتب أن الحلول المقترحة لا تعالج أصل المشكلة بل تؤجلها سنوات .",
            "كيف تغيرت المدينة بعد الحرب ? نشرت مجلة \" لونا \" تحقيقا عن إعادة الإعمار في الأحياء القديمة .",
            "وقالت المجلة إن أعمال الترميم تسير ببطء بسبب نقص التمويل وتعقيد الإجراءات ."]
    assert review_teasers(page, list(range(len(page)))) is None


#: a campaign's next post below the first: a press release's dated dateline, the date first, a
#: city, a comma and its country, then the lead
NEXT_POST = [
    "12 أيار 2017 المدينة , البلاد بينما تتواصل الاحتجاجات على الاتفاقية الموقعة مع الشركة الأجنبية "
    "تجدد الحملة دعوتها لإلغائها فورا .",
    "وتدعو الحملة المواطنين إلى التواصل مع النواب ومطالبتهم بالتحرك العاجل قبل نهاية الدورة البرلمانية .",
    "كما تذكر الحملة بأن عشرات المؤسسات المحلية انضمت إليها خلال العام الماضي .",
]


def test_a_campaign_s_next_post_under_its_dated_dateline_is_another_story(sample_codebook):
    assert _kept(ARTICLE + NEXT_POST, sample_codebook) == ARTICLE


def test_a_timeline_opening_its_lines_with_dates_keeps_its_lines(sample_codebook):
    # a timeline's entries open with a date, then the event (no city, comma and country)
    page = ARTICLE + [
        "16 آذار 2017 قتل شخص وأصيب أربعة آخرون بجروح في انفجار عبوة ناسفة شمالي المدينة .",
        "3 نيسان 2017 الرئيس , في خطاب متلفز , يكلف وزير الزراعة السابق بتشكيل حكومة جديدة .",
        "28 أيار 2017 أصيب طفلان , أحدهما رضيع , برصاص قناص في الحي الشرقي من المدينة .",
    ]
    assert _kept(page, sample_codebook) == page
