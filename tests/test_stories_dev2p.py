"""Article text the cleaner must keep, found by diffing the cut lines of 2,970 unannotated real
pages before and after the sixth round's rules (riwaya/pipeline/stories.py, retelling.py,
maintext.py): the article's own agency credit opening its body below a headline, a summary, a
caption or chrome; a retelling found beyond the next item of a roundup; a prompt printed above
and below the article; and the closing lines (a disclaimer, a share prompt, a newsletter box)
that are furniture by their own words. The lines are written for the tests: each shows a class
of page, not a page's words."""

from __future__ import annotations

import pytest

from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.stories import REASON
from tests.story_lines import ARTICLE, kept_lines

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب", "شينخوا")
CHROME_HEADLINE = ("الرئيسية أخبار عربية ودولية آخر تحديث 10 : 47 مصدر : الموقع " + ARTICLE[0]
                   + " الجيش يطلق عملية جديدة في ريف المحافظة .")
SUMMARY = ("أطلقت القوات الحكومية يوم الجمعة عملية عسكرية جديدة في ريف دير الزور الشرقي بعد أيام "
           "من السيطرة على البلدة .")


def split(lines: list[str]) -> tuple[list[str], list[str]]:
    cleaned = clean_text("\n".join(lines), agencies=AGENCIES)
    return cleaned.text.split("\n"), [r["text"] for r in cleaned.removed if r["reason"] == REASON]


def test_the_article_s_own_credit_after_a_headline_and_a_summary_opens_its_body():
    # the headline glued to the site's chrome, a one-sentence summary, then the body opening
    # with the agency's credit: the article's own, not another story
    body = "( شينخوا ) دمشق 8 نوفمبر 2017 / " + ARTICLE[1]
    page = [CHROME_HEADLINE, SUMMARY, body] + ARTICLE[2:]
    kept, removed = split(page)
    assert removed == [] and kept == page
    # the credit right after the chrome and the headline, with no summary
    page = [CHROME_HEADLINE, "بيروت ( أ ف ب ) - " + ARTICLE[1]] + ARTICLE[2:]
    assert split(page)[1] == []
    # a summary and a photo's caption above the credit: no paragraph goes on with و/ف
    caption = ("جنود من القوات الحكومية يتقدمون في أحد شوارع البلدة بعد السيطرة عليها يوم الجمعة "
               "في ريف دير الزور الشرقي .")
    page = [CHROME_HEADLINE, SUMMARY, caption, body] + ARTICLE[2:]
    assert split(page)[1] == []


def test_the_article_s_own_credit_below_long_lines_of_chrome_opens_its_body():
    # five long lines of the site's chrome (a newsletter box, a subscription offer) between the
    # headline and the body, which opens with the agency's credit: the article's own
    chrome = ["هل تريد الاشتراك في نشرتنا الإخبارية ? جاري التسجيل . . هذا البريد مسجل مسبقا لقد "
              "تم تسجيلك بنجاح حصل خطأ ما .",
              "اشترك الآن بخدمة المشتركين من الموقع - قراءة مقالات النسخة الرقمية - قراءة التحليلات "
              "والملفات الخاصة في الموقع - تصفح نسخة الصحيفة كاملة كل صباح .",
              "تابعوا آخر المستجدات على مدار الساعة من مراسلينا في العواصم العربية والعالمية عبر "
              "تطبيق الهاتف ونشرة البريد اليومية .",
              "سجل الآن لتحصل على النشرة اليومية التي تصلك كل صباح مع أهم الأخبار والتحليلات "
              "والمقالات المختارة من محررينا ."]
    body = ["( أ ف ب ) " + ARTICLE[1]] + ARTICLE[2:]
    page = [CHROME_HEADLINE] + chrome + body
    assert split(page)[1] == []


def test_an_agency_header_after_a_short_article_still_starts_another_story():
    # the article has a headline and two paragraphs below it: the header is another story's
    other = ["دمشق ( رويترز ) - قال التلفزيون الرسمي إن القوات تواصل عملياتها في المدينة نافيا "
             "تقارير عن انسحابها من أحيائها الشمالية .", "وقال مصدر للتلفزيون إن الوحدات تلاحق المسلحين ."]
    page = ARTICLE[:3] + other
    kept, removed = split(page)
    assert kept == ARTICLE[:3] and removed == other


MORE = [
    "وأشار المصدر إلى أن القوات ستواصل عملياتها حتى تأمين كامل المنطقة من بقايا المسلحين المنتشرين فيها .",
    "ولفت إلى أن فرق الإسعاف نقلت عددا من المصابين إلى المستشفيات القريبة لتلقي العلاج اللازم .",
]
OTHER = [
    "( رويترز ) الأمم المتحدة تدعو إلى هدنة إنسانية دعت الأمم المتحدة أمس إلى هدنة إنسانية عاجلة "
    "تسمح بإدخال المساعدات إلى المناطق المحاصرة في الشمال .",
    "وقال المتحدث باسم المنظمة إن الوضع الإنساني يتدهور بسرعة مع اقتراب فصل الشتاء .",
]


def test_a_retelling_under_a_later_item_s_label_leaves_the_article_whole():
    # a roundup of labelled items: the first item is the article; an agency's item heads the
    # next story; a third outlet's item retells the first one (a sentence of the article with
    # a word changed): the split stays at the agency's item
    retold = ARTICLE[4].replace("مئات العائلات", "آلاف العائلات")
    article = ["( موقع الأخبار ) " + ARTICLE[0] + " " + ARTICLE[1], ARTICLE[2], ARTICLE[3],
               MORE[0], MORE[1], ARTICLE[4], ARTICLE[5]]
    rest = OTHER + ["( صحيفة المساء ) القوات تستعيد البلدة " + ARTICLE[1], retold]
    kept, removed = split(article + rest)
    assert kept == article and removed == rest


def test_an_opinion_page_s_disclaimer_is_no_paragraph_above_its_body(sample_codebook):
    # chrome and the headline, the writer's note, the outlet's disclaimer, then the body opening
    # with the outlet's credit: the disclaimer is boilerplate, so no article stands above the
    # credit and the body is the article's
    kw = dict(boilerplate=sample_codebook.boilerplate, sources=sample_codebook.sources,
              agencies=AGENCIES)
    note = "مقال رأي لفلان الفلاني , محام سابق وإعلامي معروف وكاتب سياسي في عدد من الصحف العربية ."
    disclaimer = "المقال يعبر عن رأي الكاتب ولا يعكس بالضرورة رأي شبكة الأخبار العالمية ."
    body = ["( رويترز ) - - " + ARTICLE[1]] + ARTICLE[2:]
    cleaned = clean_text("\n".join([CHROME_HEADLINE, note, disclaimer] + body), **kw)
    assert cleaned.text.split("\n") == [CHROME_HEADLINE, note] + body
    assert {"text": disclaimer, "reason": "disclaimer"} in cleaned.removed


def test_a_prompt_printed_above_and_below_the_article_takes_only_its_copies():
    # a newsletter prompt printed above the headline, under it and after the article, whose
    # paragraphs open without و/ف: the article between the prompt's copies is kept
    from riwaya.pipeline.maintext import widget_items
    prompt = "الرجاء المحاولة من جديد الرجاء إدخال بريدك الإلكتروني شكرا لاشتراكك !"
    body = [ARTICLE[1], "إلا أن المصادر نفت ذلك لاحقا مؤكدة أن القوات ما زالت في مواقعها على أطراف البلدة .",
            "كما أعلنت الهيئة المحلية فتح ممرات آمنة لخروج المدنيين من الأحياء الشرقية للبلدة ."]
    page = [ARTICLE[0], prompt, "هل تريد الاشتراك في نشرتنا الإخبارية", prompt] + body + [prompt]
    assert widget_items(page, list(range(len(page)))) == [1, 3, len(page) - 1]



@pytest.mark.parametrize("line", [
    # a writer's note ending with a share prompt, and a site's newsletter box with its links
    "عمل مستشارا في السفارة في عدد من العواصم بين عامي 2002 و 2008 هل أعجبك الموضوع ? شاركه مع أصدقائك !",
    "ادخل بريدك الالكتروني خريطة الموقع تابعنا على الشبكات الاجتماعية عن الموقع موقع إخباري مستقل",
])
def test_a_closing_share_prompt_and_newsletter_box_are_boilerplate(line, sample_codebook):
    # closing lines below an opinion piece: each is the page's by its own words, not only as a
    # run of closing teasers (which the disclaimer between them breaks)
    assert kept_lines(ARTICLE + [line], sample_codebook, AGENCIES) == ARTICLE
