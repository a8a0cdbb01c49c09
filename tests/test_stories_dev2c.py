"""Kinds of page furniture found on more dev2 tuning pages (riwaya/pipeline/stories.py), through
the cleaner as the build runs it: teasers cut before their time stamps, a press roundup's outlet
labels, an aside between dashes, another story glued inside a line. The lines are written for
the tests: each shows a class of page, not a page's words."""

from __future__ import annotations

import pytest

from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.stories import REASON, StorySplitter, excerpt_listing
from tests.story_lines import ARTICLE, kept_lines

AGENCIES = ("رويترز", "وكالات", "أ ف ب", "دويتشه فيله", "بي بي سي")
MORE = [
    "وأشار المصدر إلى أن القوات ستواصل عملياتها حتى تأمين كامل المنطقة من بقايا المسلحين المنتشرين فيها .",
    "ولفت إلى أن فرق الإسعاف نقلت عددا من المصابين إلى المستشفيات القريبة لتلقي العلاج اللازم .",
]


def split(lines: list[str]) -> tuple[list[str], list[str]]:
    cleaned = clean_text("\n".join(lines), agencies=AGENCIES)
    return cleaned.text.split("\n"), [r["text"] for r in cleaned.removed if r["reason"] == REASON]


def test_teasers_cut_before_their_time_stamps_make_a_listing():
    page = [f"{ARTICLE[k][:40]} . . . {k + 1} : 2{k} م | Posted by Date : {ARTICLE[k + 1]}"
            for k in range(1, 5)]
    assert excerpt_listing(page, list(range(len(page)))) == 0
    # a time after a sentence's end is no cut
    page = [f"{ARTICLE[k]} . 10 : 30 {ARTICLE[k + 1]}" for k in range(1, 5)]
    assert excerpt_listing(page, list(range(len(page)))) is None


def test_a_press_roundup_s_outlet_labels_head_no_story():
    page = ["صحافة : بي بي سي : " + ARTICLE[0], ARTICLE[1], ARTICLE[2] + " دويتشه فيله : " + ARTICLE[0],
            ARTICLE[3], ARTICLE[4], ARTICLE[5], "دويتشه فيله : " + MORE[0]]
    kept, removed = split(page)
    assert removed == [] and kept == page
    # without labels inside its lines, the page is no roundup: the label heads another story
    page = [ARTICLE[0], ARTICLE[1], ARTICLE[2], ARTICLE[3], ARTICLE[4], ARTICLE[5],
            "دويتشه فيله : " + MORE[0]]
    kept, removed = split(page)
    assert removed == page[-1:]


@pytest.mark.parametrize("opening, dateline", [
    ("ومن جانبه , صرح - غاضبا - ", False),
    ("وفي المقابل , قال - ", False),
    ("واشنطن , بيروت - ", True),
    ("دير الزور - ", True),
])
def test_a_dateline_opens_with_a_place_not_a_particle(opening, dateline):
    assert StorySplitter.is_dateline(opening + ARTICLE[1]) is dateline


def test_a_story_glued_inside_a_line_after_a_full_stop():
    glued = ARTICLE[3][:-2] + " . الوزير : تحرير البلدة تطور مهمبيروت ( وكالات ) " + ARTICLE[1]
    other = ["وقال الوزير في بيان إن العمل لم ينته بعد وإن القوات ستواصل ملاحقة المسلحين في المنطقة ."]
    kept, removed = split(ARTICLE[:3] + [glued] + other)
    assert kept == ARTICLE[:3] + [glued] and removed == other


def test_the_page_s_own_headline_glued_inside_a_line_heads_no_other_story():
    # the site's chrome, then the article's headline again over its date and agency: the
    # paragraphs after it are the article's, not another story's
    title = "هل تستعيد القوات الحكومية البلدة على الضفة الغربية لنهر الفرات ? - الموقع"
    chrome = ("اشترك الآن في خدمتنا المميزة لقراءة التحليلات والملفات الخاصة وتصفح نسخة الصحيفة "
              "هل تستعيد القوات الحكومية البلدة على الضفة الغربية لنهر الفرات ? 9 أيار 2015 | "
              "المصدر : ( أ ف ب ) " + ARTICLE[5])
    page = [title] + ARTICLE[1:5] + [chrome] + MORE
    kept, removed = split(page)
    assert removed == [] and kept[-len(MORE):] == MORE
    # another headline there still heads another story
    page[5] = chrome.replace("هل تستعيد القوات الحكومية البلدة على الضفة الغربية لنهر الفرات ?",
                             "المعارضة تعلن هجوما جديدا في ريف حلب الشمالي .")
    assert split(page)[1] == MORE


@pytest.mark.parametrize("line, inside", [
    ("وقال المصدر إن القوات تقدمت . ونقلت ( رويترز ) عن مسؤول قوله إن المعارك مستمرة .", False),
    ("وقال المصدر إن القوات تقدمت . وقال مسؤول ل ( رويترز ) إن المعارك مستمرة .", False),
    ("وقال المصدر إن القوات تقدمت . المعارضة : هجوم جديدبيروت ( أ ف ب ) قالت مصادر إن المعارك مستمرة .", True),
])
def test_what_a_story_inside_a_line_is(line, inside):
    assert StorySplitter.build(AGENCIES).has_story_inside(line) is inside


@pytest.mark.parametrize("footer", [
    "روابط الموقع الأكثر قراءة جميع حقوق النشر محفوظة لدى المؤسسة ويحظر نشر أي مادة دون إذن مسبق",
    "أجرى الحوار : فلان الفلاني وعلان العلاني اقرأ في هذا المجال",
    "Related Posts منبر الموقع 1 of 2 آخر الأخبار 1 of 45 بحوث ودراسات",
    "أهم العناوين أحدث المقالات عناوين ذات صلة الأكثر مشاهدة فيديوهات ذات صلة",
    "يرجى تفقد بريدك الالكتروني والضغط على الرابط لتنشيط حسابك .",
    "انشر تعليقك إن التعليقات المنشورة على الموقع تعبر حصرا عن رأي كتابها",
    "إعداد فلان الفلاني للنشرة العربية - تحرير علان العلاني",
])
def test_a_page_s_footer_lines_are_boilerplate(footer, sample_codebook):
    assert kept_lines(ARTICLE + [footer], sample_codebook, AGENCIES) == ARTICLE


@pytest.mark.parametrize("notice", [
    "الأحد 21 يناير 2018 الطقس : الرطوبة : أكثر الكلمات انتشارا تم إكتشاف مانع الإعلانات عزيزي "
    "المستخدم العائد من الإعلانات يمثل مصدر الربح الأساسي للموقع والعاملين به مما يساعدنا على "
    "البقاء مستقلين وحياديين حيث أننا غير تابعين لأي جهة حكومية أو حزب .",
    "لمساعدتنا على الإستمرار في إنتاج محتوى مهني صحفي حيادي غير موجه أو ممول نرجو إلغاء تفعيل "
    "مانع الإعلانات \" AD Block \" .",
])
def test_an_ad_blocker_notice_above_the_article_is_no_article_of_its_own(notice, sample_codebook):
    # the notice, long and ending a sentence, read as the article's paragraphs above the
    # story's headline glued to its dateline: the story was cut as another one
    kw = dict(boilerplate=sample_codebook.boilerplate, sources=sample_codebook.sources,
              agencies=AGENCIES)
    story = ["شكرا لتفهمك القوات الحكومية تستعيد بلدة على الضفة الغربية دمشق - ( رويترز ) : "
             + ARTICLE[1]] + ARTICLE[2:]
    cleaned = clean_text("\n".join([notice, notice[:-2] + " للموقع ."] + story), **kw)
    assert cleaned.text.split("\n") == story
    assert [r for r in cleaned.removed if r["reason"] == REASON] == []


#: the article's last paragraphs run together with the page's footer on one line
LAST_PARAGRAPHS = " ".join(ARTICLE[3:6]) + " " + MORE[0][:-2]


@pytest.mark.parametrize("footer", [
    "لا توجد تعليقات على الخبر 2017 حقوق النشر محفوظة للموقع تم التصميم بواسطة فريق الموقع",
    "جميع الحقوق محفوظة للموقع © 2018",
    "انشر تعليقك إن التعليقات المنشورة على الموقع تعبر حصرا عن رأي كتابها",
])
def test_a_footer_glued_to_the_article_s_last_paragraph_keeps_the_line(footer, sample_codebook):
    glued = LAST_PARAGRAPHS + " " + footer
    assert kept_lines(ARTICLE[:3] + [glued], sample_codebook, AGENCIES) == ARTICLE[:3] + [glued]
    # the footer alone, or after a few words of chrome, is still dropped
    for line in (footer, "روابط الموقع " + footer, LAST_PARAGRAPHS[1:] + " " + footer):
        assert kept_lines(ARTICLE[:3] + [line], sample_codebook, AGENCIES) == ARTICLE[:3]


# the article's own background at its end: paragraphs going on with و, in words of their own
BACKGROUND = [
    "وكانت الحكومة قد رفعت أسعار الوقود مطلع العام الماضي استجابة لمطالب صندوق النقد الدولي بخفض العجز .",
    "وتواجه النقابات العمالية ضغوطا متزايدة من أعضائها الذين يطالبون برفع الأجور قبل نهاية العام المالي .",
    "وشهدت العاصمة احتجاجات واسعة خلال الصيف شارك فيها آلاف الطلاب والموظفين والمتقاعدين من مختلف المهن .",
    "ويتوقع خبراء اقتصاديون تراجع معدلات التضخم تدريجيا مع تحسن الإنتاج الزراعي وعودة السياحة الأجنبية .",
]


#: an article whose paragraphs keep reusing its words (as a real one does)
COHERENT = [
    "الجيش يعلن السيطرة على بلدة جديدة في الريف الشرقي لمحافظة دير الزور بعد معارك مع التنظيم",
    "وقال مصدر عسكري إن وحدات الجيش سيطرت على البلدة بعد معارك عنيفة مع عناصر التنظيم "
    "استمرت عدة أيام في الريف الشرقي لمحافظة دير الزور .",
    "وأضاف المصدر أن وحدات الهندسة تعمل على تفكيك الألغام التي زرعها عناصر التنظيم في "
    "البلدة قبل انسحابهم نحو الريف الشرقي للمحافظة .",
    "وأوضح المصدر العسكري أن الجيش يواصل تقدمه في الريف الشرقي بعد السيطرة على البلدة "
    "وأن عناصر التنظيم انسحبوا نحو البادية بعد معارك استمرت عدة أيام .",
]


def test_an_article_s_background_at_its_end_is_kept():
    page = COHERENT + BACKGROUND
    assert clean_text("\n".join(page), agencies=AGENCIES).text.split("\n") == page
    # the same paragraphs as leads of other stories (not going on with و) are teasers
    leads = [line[1:] for line in BACKGROUND]
    kept = clean_text("\n".join(COHERENT + leads), agencies=AGENCIES).text.split("\n")
    assert kept[:len(COHERENT)] == COHERENT and len(kept) <= len(COHERENT) + 1
