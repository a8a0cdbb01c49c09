"""Other whole stories the cleaner kept as article text, found by reading the kept lines of pool
pages drawn at random (seed 20261202, /work/corpus/dev2_kept4/README.md): a tag, section or month
archive under its header ("X Archives - ...", "أرشيف الوسم :", "أرشيف شهر :") and a map site's
feed of events (data/codebook/boilerplate.jsonl, reason listing.LISTING_HEADER: every line from
the header on); a tag archive whose items are stamped with a weekday and a date glued after the
teaser before them, cut short (riwaya/pipeline/listing.py marked_feed); a listing whose teasers
are cut short with the next lead glued after the mark (listing.excerpt_listing); the next story's
headline and lead glued to the article's footer (a "drop the rest" header's line going on with
another story, furniture.opens_another_story); related widgets closing the article.
The lines are written for the tests: each shows a class of page, not a page's words."""

from __future__ import annotations

import pytest

from riwaya.pipeline.listing import excerpt_listing, marked_feed
from tests.story_lines import ARTICLE, kept_lines

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب")

#: other stories' leads, as a listing prints them (each a teaser of its own story)
LEADS = [
    "أعلنت وزارة الصحة افتتاح مستشفى ميداني جديد في المنطقة الشمالية لاستقبال الجرحى والمرضى "
    "من البلدات المجاورة .",
    "وقال مدير المستشفى إن الطواقم الطبية تعمل على مدار الساعة رغم النقص الحاد في الأدوية والمعدات .",
    "نفى متحدث باسم الجيش أن تكون طائراته قد استهدفت سوقا شعبية في الريف الغربي خلال الأسبوع الماضي .",
    "وأضاف المتحدث أن التحقيقات ما زالت جارية لمعرفة ملابسات الحادث وتحديد المسؤولين عنه .",
    "وصل وفد من الأمم المتحدة إلى العاصمة لبحث آليات إيصال المساعدات الإنسانية إلى المناطق المحاصرة .",
]


def _kept(page: list[str], codebook) -> list[str]:
    return [ln for ln in kept_lines(page, codebook, AGENCIES) if ln]


@pytest.mark.parametrize("header", [
    "الحدود Archives - موقع الأخبار أرشيف الوسم : ",
    "المستشفيات | موقع الأخبار أنت هنا : \" أرشيف القسم : 12 / 01 / 2018 ",
    "تقارير | مدونة الكاتب Tag Archives : ",
    "الصحة أرشيف التصنيف : ",
    "يناير 2018 - موقع الأخبار أرشيف شهر : ",
    "عرض العناصر حسب علامة : البلدة ",     # Joomla's tag page
])
def test_a_tag_archive_under_its_header_has_no_article(header, sample_codebook):
    # the header glued to the first teaser's lead, full paragraphs below it: other stories
    page = [header + LEADS[0]] + LEADS[1:]
    assert _kept(page, sample_codebook) == []


@pytest.mark.parametrize("sentence", [
    "وقالت مديرة أرشيف الوسم الوطني إن الوثائق المنشورة تعود إلى عقود مضت .",
    "وقال مدير المعرض إن عرض العناصر الأثرية المستعادة سيبدأ الأسبوع المقبل .",
])
def test_a_listing_header_s_words_in_an_article_are_no_listing_header(sentence, sample_codebook):
    # an article that names an archive or shows items (no header's colon) keeps every line
    page = ARTICLE[:2] + [sentence] + ARTICLE[2:]
    assert _kept(page, sample_codebook) == page


#: a tag archive's items: each teaser cut short (". . ."), the next one's stamp glued after it:
#: an empty field or two, a weekday, a date (a Hijri one first, or a time and a view count)
STAMPED = [
    "وسوم الصحة , , , السبت 20 كانون الثاني 2018 - 12 : 20 م 34 " + LEADS[0],
    LEADS[1] + " وأشار إلى أن . . . , , الجمعة 19 كانون الثاني 2018 - 9 : 04 ص 120 " + LEADS[2],
    LEADS[3],
    "وكانت المنظمة قد . . . الخميس 18 كانون الثاني 2018 - 5 : 54 م 244 " + LEADS[4],
    "وأوضح الوفد أن الطرق ما زالت مغلقة . . . الثلاثاء 16 كانون الثاني 2018 - 8 : 10 ص 87 "
    + LEADS[0],
]
HIJRI_STAMPED = [
    "وأكد المسؤول أن العمل جار . . . الأحد 13 ربيع الثاني 1439 ه - - 31 ديسمبر 2017 م " + LEADS[0],
    LEADS[1],
    "السبت 12 ربيع الثاني 1439 ه - - 30 ديسمبر 2017 م " + LEADS[2],
    LEADS[3] + " وأضاف . . . الأربعاء 25 ربيع الأول 1439 ه - - 13 ديسمبر 2017 م " + LEADS[4],
    "وقالت المصادر إن . . . الخميس 12 ربيع الأول 1439 ه - - 30 نوفمبر 2017 م " + LEADS[0],
]


@pytest.mark.parametrize("page", [STAMPED, HIJRI_STAMPED])
def test_a_tag_archive_of_stamped_teasers_has_no_article(page, sample_codebook):
    assert marked_feed(page, list(range(len(page)))) == 0
    assert _kept(page, sample_codebook) == []


def test_stamped_teasers_below_an_article_are_other_stories(sample_codebook):
    page = ARTICLE + STAMPED[1:]
    assert _kept(page, sample_codebook) == ARTICLE


def test_an_article_s_timeline_by_weekday_is_no_feed(sample_codebook):
    # a chronology opening its lines with weekdays and dates, oldest first, a quote trailing off
    timeline = [
        "الخميس 18 كانون الثاني 2018 : بدأت القوات هجومها على الأطراف الشرقية للبلدة بعد قصف مكثف .",
        "وقال قائد ميداني إن الهدف . . . الجمعة 19 كانون الثاني 2018 كان موعد الهجوم الثاني وفق الخطة .",
        "السبت 20 كانون الثاني 2018 : دخلت القوات الأحياء الشرقية وبدأت عمليات التمشيط .",
        "وأضاف أن المعارك . . . الأحد 21 كانون الثاني 2018 انتهت بالسيطرة الكاملة على البلدة .",
        "وأكد أن الوحدات الهندسية . . . الاثنين 22 كانون الثاني 2018 بدأت تفكيك الألغام في الشوارع .",
    ]
    page = ARTICLE + timeline
    assert marked_feed(page, list(range(len(page)))) is None
    assert _kept(page, sample_codebook) == page


#: a map site's feed of events: its menu glued to the first event, the events run together
EVENTS = [
    "وقالت مصادر محلية إن القصف استهدف الأحياء الشرقية للمدينة . " + LEADS[2],
    "ويخشى السكان من تجدد المعارك في الأيام المقبلة . " + LEADS[4],
    LEADS[1],
]


def test_a_map_site_s_feed_of_events_has_no_article(sample_codebook):
    page = ["شاركMap News مشاهدة المزيد SyriaSyriaSelect news regionMenuالأحداث" + LEADS[0]] + EVENTS
    assert _kept(page, sample_codebook) == []


def test_an_event_s_page_keeps_the_event_above_the_site_s_feed(sample_codebook):
    event = "قوات الحكومة تسيطر على ثلاث قرى جديدة في الريف الشرقي بعد معارك عنيفة مع التنظيمMap ."
    page = [event, "شارك" + event[:-6] + " لغات اخرى : مشاهدة المزيد SyriaSyriaكلمات : Syria , "
            "Raqqa , Sdf"] + EVENTS
    assert _kept(page, sample_codebook) == [event]


#: a section page of teasers, each cut short with the next one's lead glued after the mark (no
#: dateline, no time stamp between them)
GLUED = [
    "أخبار محلية - الصفحة 3 - موقع الأخبار أخبار محلية " + LEADS[0],
    "وقال مدير المستشفى إن الطواقم الطبية تعمل على مدار . . . " + LEADS[2],
    "وأضاف المتحدث أن التحقيقات ما زالت جارية لمعرفة . . . " + LEADS[4],
    "وأوضح الوفد أن الطرق المؤدية إلى المناطق المحاصرة ما زالت مغلقة منذ أسابيع بسبب المعارك .",
    "وأشار إلى أن القوافل ستنطلق في . . . " + LEADS[0],
    "وتابع أن الفرق الطبية بحاجة إلى . . . " + LEADS[2],
]


def test_a_listing_of_teasers_glued_after_their_cut_has_no_article(sample_codebook):
    assert excerpt_listing(GLUED, list(range(len(GLUED)))) == 0
    assert _kept(GLUED, sample_codebook) == []


def test_an_interview_parting_questions_and_answers_with_marks_keeps_its_lines(sample_codebook):
    # a few answers glued after the question's trailing mark, most lines plain: an article
    interview = ARTICLE + [
        "هل تتوقعون أن تنتهي المعارك قريبا في المنطقة الشرقية . . . لا أستطيع أن أحدد موعدا لكن "
        "القوات تتقدم كل يوم في الأحياء والقرى المحيطة .",
        "وماذا عن المدنيين الذين بقوا في البلدة . . . نحن نعمل مع المنظمات الإنسانية لتأمين خروجهم "
        "إلى مناطق آمنة في أقرب وقت .",
        "وهل هناك تنسيق مع الحلفاء . . . التنسيق قائم منذ بداية العمليات وهو مستمر على كل المستويات "
        "العسكرية والسياسية .",
    ]
    assert excerpt_listing(interview, list(range(len(interview)))) is None
    assert _kept(interview, sample_codebook) == interview


def test_other_stories_glued_to_the_article_s_footer_are_not_the_article(sample_codebook):
    # each story closes with its footer (read also, source, tags), the next story's headline and
    # lead glued to it; the next story's second paragraph goes on with و: still that story's
    footer = "اقرأ أيضا : المصدر : موقع الأخبار كلمات دلالية : "
    page = ARTICLE + [footer + "مستشفى ميداني جديد في الشمال " + LEADS[0], LEADS[1],
                      footer + "وفد أممي في العاصمة " + LEADS[4], LEADS[3]]
    assert _kept(page, sample_codebook) == ARTICLE


def test_a_related_box_whose_links_lost_their_text_leaves_the_article_going_on(sample_codebook):
    # the header's line goes on with the article (و): a box inside the article, as before
    page = ARTICLE[:3] + ["مقالات متعلقة وذكرت مصادر محلية أن مئات العائلات نزحت من البلدة خلال "
                          "الأسابيع الماضية باتجاه المناطق القريبة ."] + ARTICLE[3:]
    assert _kept(page, sample_codebook) == ARTICLE


@pytest.mark.parametrize("widget", [
    # a related widget's header glued to its one headline (and the site's article id)
    ["المواضيع مواضيع ذات صلة إقرأ أيضا sitenews article1512323557000476600 وفد أممي يصل إلى "
     "العاصمة لبحث المساعدات ar الخط"],
    ["المواضيع موضوعات قد تعجبك sitenews article1507264502401337200 مستشفى ميداني جديد في "
     "المنطقة الشمالية ar اخترنا لك"],
    # a rights group's "more content" box: dates, section, other reports' titles, its slogan
    ["Region / Country Topic لمزيد من المحتوى يناير 18 , 2018 التقارير ديسمبر 21 , 2017 "
     "العائلات تبحث عن مكانهم بعد المعارك في الريف الشرقي", "نسلط الضوء على الانتهاكات ."],
    # a magazine's "most related" box: dates, sections, other reports' leads
    ["المصادر الأكثر ارتباطا 3 / 2 / 2017 14 / 6 / 2017 مجتمع تقارير في هذا التقرير نستعرض "
     "مجموعة من القصص", "فما السر ? تعرف في هذا التقرير على تفاصيل الدراسة الجديدة ."],
])
def test_a_related_widget_closing_the_article_is_not_the_article(widget, sample_codebook):
    assert _kept(ARTICLE + widget, sample_codebook) == ARTICLE
