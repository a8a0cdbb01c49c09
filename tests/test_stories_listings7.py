"""Furniture the cleaner kept, and article text it cut, found by reading the kept and removed
lines of 40 unread pool pages (helper B11, /work/helpers/B/tune.txt, tune2.txt): a forum's page
of one member's numbered posts (riwaya/pipeline/posts.py: the first post is the article); a
report's section heading written as a compound with a dash ("جيو - سياسة ...") glued to its
paragraph, which the splitter read as another story's dateline (stories.COMPOUND_PREFIXES);
site forms, notices and a comments widget's notice as codebook rules; a closing box printed
below the article (maintext.widget_items) and galleries printed slide after slide or titled
"في صور" (maintext._gallery). A map site's feed over its footer stays: its items are the
page's content.
The lines are written for the tests: each shows a class of page, not a page's words."""

from __future__ import annotations

import pytest

from riwaya.pipeline.posts import later_posts
from tests.story_lines import ARTICLE, kept_lines

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب")


def _kept(page: list[str], codebook) -> list[str]:
    return [ln for ln in kept_lines(page, codebook, AGENCIES) if ln]


#: a forum's header and notices over a member's posts
FORUM_TOP = [
    "عرض المشاركات - أبو سامر منتدى البلدة أهلا , زائر .",
    "الرجاء أو هل فقدت يمكنك الدخول او التسجيل عن طريق البريد الالكتروني .",
    "كما سيتمكن الزوار بعد رفع الصور نسخ رابط الصورة ووضعها في المنتديات مباشرة .",
    "لاحظ انه يمكنك فقط مشاهدة المشاركات التى كتبها فى الاقسام التى يسمح لك بدخولها فقط .",
]
FIRST_POST = [
    "مواضيع - أبو سامر صفحات : [ 1 ] 1 / افتتاح جسر جديد فوق النهر افتتحت البلدية جسرا جديدا "
    "يربط ضفتي النهر بعد عامين من العمل .",
    "وقال رئيس البلدية إن الجسر سيخفف الزحام عن الطريق القديم , وإن العمل بدأ يوم 5 / أيلول / "
    "2016 بتمويل محلي .",
]
OTHER_POSTS = [
    "2 / نقص الخبز في المخابز الشرقية اشتكى سكان الأحياء الشرقية من نقص الخبز منذ أسبوع .",
    "وقال صاحب مخبز إن الطحين لم يصل بسبب إغلاق الطريق الجنوبي .",
    "5 / مهرجان للأطفال في الحديقة العامة نظمت جمعية أهلية مهرجانا للأطفال في الحديقة العامة .",
]


def test_a_forum_s_page_of_posts_keeps_its_first_post(sample_codebook):
    page = FORUM_TOP + FIRST_POST + OTHER_POSTS
    assert _kept(page, sample_codebook) == FIRST_POST


def test_a_post_glued_after_the_signature_inside_a_line_starts_the_other_stories(sample_codebook):
    # the line holding the next post's number is kept (its first words end the first post)
    signed = "وختم بالقول إن الأهالي ينتظرون افتتاح الطريق الجديد . تحياتي أبو سامر 13 / 4 / 2016 " \
             "2 / نقص الخبز في المخابز الشرقية اشتكى سكان الأحياء من نقص الخبز ."
    page = FORUM_TOP + FIRST_POST + [signed] + OTHER_POSTS[1:]
    assert _kept(page, sample_codebook) == FIRST_POST + [signed]


def test_a_page_cut_inside_a_post_keeps_that_post_s_lines(sample_codebook):
    # no number before the first kept lines: they are the first post's, the first numbered post
    # the second
    inside = ["وأضاف المتحدث أن الجسر القديم سيغلق للصيانة خلال الأشهر المقبلة .",
              "وأشار إلى أن حركة المرور ستتحول إلى الطريق الشمالي مؤقتا ."]
    page = FORUM_TOP + inside + OTHER_POSTS
    assert _kept(page, sample_codebook) == inside


@pytest.mark.parametrize("line", [
    "ووقع الاتفاق في 10 / 12 / 2017 بحضور ممثلين عن الطرفين .",
    "وتعود الحادثة إلى يوم 5 / أيلول / 2017 حين أغلق الطريق .",
    "كما ورد في المجلد 5 / 36 من الوثائق المنشورة .",
])
def test_dates_and_references_are_no_post_numbers(line):
    page = FIRST_POST[:1] + [line, "وقال الأهالي إن الطريق ما زال مغلقا ."]
    assert later_posts(page, list(range(len(page)))) == []


def test_an_article_s_numbered_points_without_a_forum_header_keep_their_lines(sample_codebook):
    page = ARTICLE[:3] + [
        "1 / أن تنسحب القوات من الأحياء السكنية خلال أسبوع من توقيع الاتفاق بين الطرفين .",
        "2 / أن تفتح الطرق أمام قوافل المساعدات الإنسانية دون شروط مسبقة من أي طرف .",
        "3 / أن يعود النازحون إلى منازلهم بإشراف لجنة محلية مستقلة ومراقبين دوليين ."] + ARTICLE[3:]
    assert _kept(page, sample_codebook) == page


#: a map site's feed: events run together (each item a short report), the site's footer below
FEED = [
    "قصف مدفعي على الأحياء الشرقية للمدينة ليلة أمسوصول تعزيزات عسكرية إلى محيط البلدة الشمالية "
    "قادمة من الجنوبإغلاق المعبر الحدودي أمام حركة الشاحنات التجارية حتى إشعار آخرالدفاع المدني "
    "ينتشل ثلاث جثث من تحت أنقاض مبنى في الحي القديم بعد غارة جوية فجر اليوم .",
    "انفجار عبوة ناسفة على الطريق الدولي دون إصابات . مقتل شخصين بقصف على قرية في الريف الغربي "
    "اشتباكات متقطعة على جبهة الريف الجنوبي .",
]
MAP_FOOTER = "All events and areas of control on the map are geolocated approximatelyLiveuamap . com " \
             "هو الخريطة و تغذية الأخبار منصة ."


def test_a_map_site_s_feed_over_its_footer_keeps_its_items(sample_codebook):
    # a feed of complete short reports is the page's content (data/golden/dev/README.md, listing
    # pages; dev2_tuneD's R-635_04): only the footer goes
    assert _kept(FEED + [MAP_FOOTER], sample_codebook) == FEED


def test_a_section_heading_written_as_a_dashed_compound_is_no_dateline(sample_codebook):
    # "جيو - سياسة ..." opens a report's section, glued to its first paragraph, below paragraphs
    # going on with و: the report goes on
    heading = "جيو - سياسة الزعامة المحلية أدركت السلطات قيمة دور الوساطة الذي يلعبه الوجهاء بين " \
              "الدولة والسكان المحليين فدفعتهم إلى التنافس على هذه المهمة ."
    page = ARTICLE + [heading, "وهذا ما جعل الوجهاء يتنافسون على الزعامة في كل بلدة من بلدات المنطقة ."]
    assert _kept(page, sample_codebook) == page


@pytest.mark.parametrize("footer", [
    # a blog's comment form, its required fields and the site's copyright below it
    ["لن يتم نشر عنوان بريدك الإلكتروني .", "الحقول الإلزامية مشار إليها ب - * التعليق الاسم *",
     "إعادة نشر أي مادة من مواد الموقع دون الإشارة إليه ممنوع ."],
    # a share-by-mail box and its error, a comment prompt run into a feed's times
    ["إرسال إلى بريد إلكتروني اسمك بريدك الإلكتروني لم يتم إرسال الموضوع .",
     "فشل التأكد من البريد الإلكتروني , من فضلك أعد المحاولة ."],
    ["مرتبط Be the first to comment السبت 6 : 33 مساء الجمعة 4 : 05 مساء الأرشيف"],
    # a newsletter's promise, a comments protocol, a programme's blurb
    ["سنرسل لك أفضل المواضيع المنشورة على موقعنا في مختلف المجالات ."],
    ["مشاركتك بالتعليق تعني أنك قرأت شروط نشر التعليقات على الموقع ."],
    ["تتضمن \" غرفة الأخبار \" أهم الأخبار المحلية والدولية لحظة بلحظة ."],
])
def test_site_forms_and_blurbs_closing_the_article_are_boilerplate(footer, sample_codebook):
    assert _kept(ARTICLE + footer, sample_codebook) == ARTICLE


@pytest.mark.parametrize("header", [
    "تسجيل الدخولأفضل ما في الموقع بين يديك الآن بضغطة واحدة . احتفظ بالمقالات التي أعجبتك .",
    "لا ي مكننا أن نضمن عرض هذا المحتوى دون حواجز .",
])
def test_a_site_s_log_in_prompt_or_notice_above_the_article_is_boilerplate(header, sample_codebook):
    assert _kept([ARTICLE[0], header] + ARTICLE[1:], sample_codebook) == ARTICLE


#: a site's closing box: one teaser printed three times among others, long teasers after it
TEASER = "كاتب معروف : الانتخابات المقبلة امتحان صعب للحكومة وعليها أن تثبت نزاهتها وأنها لا تمارس سياسة الإقصاء"
BOX = [TEASER,
       "مجلة أمريكية : السلاح الجديد أخطر مما يعتقده الخبراء لماذا تأخر الرد الرسمي على التهديدات المتكررة للحدود",
       TEASER,
       "صحيفة محلية : تعويضات العمال المفصولين من المصانع الحكومية بلغت ملايين الدولارات خلال العام الماضي",
       TEASER,
       "الحدود . . التوتر المفتعل بين البلدين كما تراه صحيفة أجنبية في تقرير مطول عن الأزمة الأخيرة .",
       "من نحن . . ولماذا أصدرنا هذه الصحيفة ? لشراء كتب الموقع باللغتين العربية والإنكليزية اضغط على الرابط .",
       "مسؤول سابق في ذكرى رحيل فنان كبير . . ابن المدينة . . عاشق البحر والجبل والناس الطيبين في كل مكان .",
       ": وثائق سرية تكشف عن خطة قديمة لشن هجوم على العاصمة وقصف مقر الحكومة صحف محلية : الترشح في الوقت القاتل !",
       "لماذا يزور المبعوث العاصمة الآن ? نائب سابق يحرر توكيلا لتأييد المرشح ويصفه بالأيقونة الوطنية . . ومغن : صوتي له ."]


def test_a_closing_box_under_an_article_is_boilerplate_to_the_page_s_end(sample_codebook):
    # the box starts in the page's first half (a short article, a long box) but below the
    # article's paragraphs going on with و: the box and every line after it
    assert _kept(ARTICLE + BOX, sample_codebook) == ARTICLE


def test_a_box_above_the_article_s_paragraphs_leaves_the_paragraphs_below_it(sample_codebook):
    # printed three times below one paragraph going on with و only: the box ends at its last copy
    below = ["أكد المصدر العسكري أن وحدات الهندسة ستواصل تفكيك الألغام في البلدة خلال الأيام المقبلة .",
             "تتواصل المعارك مع مقاتلي التنظيم في محيط البلدة الشرقية رغم الغارات التي نفذها الطيران ."]
    page = ARTICLE[:3] + BOX[:5] + below
    assert _kept(page, sample_codebook) == ARTICLE[:3] + below


def test_a_comments_widget_s_notice_closes_the_article(sample_codebook):
    # the comments widget's notice, the site's box of other stories glued after it and below it
    box = ["Please enable JavaScript to view the أعلنت البلدية افتتاح معرض للكتاب في المدينة القديمة "
           "بمشاركة عشرات دور النشر .",
           "قتل ثلاثة أشخاص في حادث سير على الطريق السريع بين المدينتين مساء أمس ."]
    assert _kept(ARTICLE + box, sample_codebook) == ARTICLE
    # after a long paragraph of the article, the notice glued to it keeps the line
    glued = ARTICLE[-1][:-1] + "انتهى Please enable JavaScript to view the"
    assert _kept(ARTICLE[:-1] + [glued], sample_codebook) == ARTICLE[:-1] + [glued]


#: a gallery's title printed on every slide, each caption glued after it on the same line
GALLERY_TITLE = "في صور : العلاقات بين البلدين على محك القانون الجديد"
GLUED_SLIDES = [GALLERY_TITLE + " " + caption for caption in (
    "شكلت أحداث العام الماضي نقطة تحول في العلاقات بين البلدين بعد سنوات من التعاون الوثيق .",
    "صور الدمار في العاصمة ستظل راسخة في أذهان الناس لسنوات طويلة قادمة بلا شك .",
    "مؤسس التنظيم المتطرف ينحدر من عائلة ثرية كانت لها علاقات واسعة بالحكومة .",
    "المصالح الاستراتيجية المشتركة بين البلدين دفعت الحكومتين إلى تجاوز الخلافات مرارا .",
    "البيت الأبيض أكد أن الرئيس سيستخدم حق النقض ضد مشروع القانون الجديد قريبا .")]


def test_a_gallery_printed_slide_after_slide_is_boilerplate(sample_codebook):
    assert _kept(ARTICLE + GLUED_SLIDES, sample_codebook) == ARTICLE


def test_a_gallery_titled_in_pictures_with_captions_between_is_boilerplate(sample_codebook):
    # "في صور" opens the title: a preposition, not a paragraph going on with و/ف
    slides = []
    for slide in GLUED_SLIDES[:4]:
        slides += [slide, "وأضاف التعليق أن الصورة التقطت في الأسبوع الماضي خلال زيارة ميدانية ."]
    assert _kept(ARTICLE + slides, sample_codebook) == ARTICLE


def test_the_article_s_paragraph_glued_to_a_gallery_s_title_keeps_its_line(sample_codebook):
    # the article's last paragraph, the credit and the first slide on one line: the line is kept
    # (mixed), the slides below it are the gallery's; a credit alone before the title is not
    glued = ARTICLE[-1] + " ع . ج ( رويترز ) " + GLUED_SLIDES[0]
    assert _kept(ARTICLE[:-1] + [glued] + GLUED_SLIDES[1:], sample_codebook) == ARTICLE[:-1] + [glued]
    credit = "ع . ج ( رويترز ) " + GLUED_SLIDES[0]
    assert _kept(ARTICLE + [credit] + GLUED_SLIDES[1:], sample_codebook) == ARTICLE


def test_a_quoted_thread_of_posts_under_one_handle_is_no_gallery(sample_codebook):
    # a writer's numbered posts, each under his name and handle: quoted in the article
    thread = [f"كاتب معروف ( @ writer ) {n} - " + text for n, text in enumerate((
        "منذ بداية الإعلان عن التنظيم قبل سنوات وهو يفتك بالناس في كل مكان يصل إليه .",
        "فلما استيقن الناس بظلمه تحالفوا ضده فأخرجوه من قراهم ومدنهم إلى الصحراء .",
        "أراد بعض الأطراف إعادة صناعة التنظيم فسهلت له الوصول وأغمضت الأعين عن جرائمه .",
        "استطاع التنظيم أن ينتشر خلال ثلاثة شهور فقط مستغلا الفوضى في المناطق المحررة ."), 2)]
    page = ARTICLE[:3] + thread + ARTICLE[3:]
    assert _kept(page, sample_codebook) == page
