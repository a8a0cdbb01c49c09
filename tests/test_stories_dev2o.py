"""Other whole stories kept as article on unseen pages: an outlet's archive of dated items, one a
line, newest first ("2016 / 9 / 30 - قال ..."), from the page's top (a listing page: no article
of its own) or below the article (riwaya/pipeline/listing.py :func:`dated_feed`). Guards: a
timeline of dates inside an article (oldest first), an article with a numbered list of points,
a transcript, a live page's stamps of one day. The lines are written for the tests: each shows
a class of page, not a page's words."""

from __future__ import annotations

from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.stories import REASON
from tests.story_lines import ARTICLE

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب", "شينخوا")

ITEMS = [
    "2017 / 5 / 14 - دعت منظمة دولية إلى فتح ممرات آمنة لإيصال المساعدات إلى المدن المحاصرة في الشمال .",
    "2017 / 5 / 14 - قال مسؤول أممي إن آلاف الأسر ما زالت عالقة قرب خطوط القتال في الريف الشرقي .",
    "وأضاف أن فرق الإغاثة تنتظر الإذن بالدخول منذ أسابيع .",
    "2017 / 5 / 13 - رحب الأمين العام بالاتفاق الذي وقعته الأطراف في العاصمة بعد مفاوضات طويلة .",
    "2017 / 5 / 12 - أعربت وكالة اللاجئين عن قلقها من غرق قارب يقل مهاجرين قبالة السواحل الجنوبية .",
]


def split(lines: list[str]) -> tuple[list[str], list[str]]:
    cleaned = clean_text("\n".join(lines), agencies=AGENCIES)
    return [x for x in cleaned.text.split("\n") if x], \
        [r["text"] for r in cleaned.removed if r["reason"] == REASON]


def test_an_archive_of_dated_items_newest_first_has_no_article():
    # the archive's heading glued to its first item, then one item a line, newest first
    page = ["أهم الأخبار في أيار / مايو 2017 تصفح أهم الأخبار خلال الشهر " + ITEMS[0]] + ITEMS[1:]
    kept, removed = split(page)
    assert kept == [] and removed == page
    # day-first stamps and named months too
    page = ["18 / 3 / 2016 - أعلنت الشرطة توقيف ثلاثة مشتبه بهم في الهجوم على مركز الاقتراع .",
            "17 آذار 2016 - افتتح الوزير مستشفى جديدا في المدينة الساحلية بحضور مسؤولين محليين .",
            "15 / 3 / 2016 - وقعت الحكومة اتفاقا مع المانحين لتمويل مشاريع المياه في الأرياف .",
            "14 / 3 / 2016 - قالت المفوضية إن عدد الواصلين عبر البحر تراجع للشهر الثالث على التوالي ."]
    assert split(page)[0] == []


def test_items_glued_inside_lines_and_long_items_still_make_a_feed():
    # the heading glued to the first item, an item glued after the one before's last sentence,
    # items of several paragraphs
    more = ["وأوضح البيان أن الفرق الطبية وصلت إلى المنطقة بعد توقف القصف بساعات .",
            "وأشار إلى أن المستشفى الميداني يستقبل عشرات الجرحى يوميا .",
            "ودعا الأطراف إلى احترام القانون الإنساني الدولي وحماية العاملين في الإغاثة ."]
    page = ["أهم الأخبار في أيار / مايو 2017 تصفح أهم الأخبار خلال شهر " + ITEMS[0]] + more \
        + ["وطالب المسؤول بزيادة التمويل قبل حلول الصيف . " + ITEMS[1]] + more + ITEMS[3:]
    assert split(page)[0] == []
    # a site's box of items each cut short, the next one's stamp (day first, a bar and its
    # counters) glued after it
    page = ["الأخبار الدولية محتويات 23 - 10 - 2015 | قتل عشرات المدنيين في غارات على ريف المدينة .",
            "وقال مدير المرصد إن 14 - 10 - 2015 | 0 | 0 | أعلنت الشرطة توقيف شبكة لتهريب المهاجرين .",
            "وأوضحت الشرطة أن الموقوفين 02 - 10 - 2015 | 0 | 0 | ضرب زلزال متوسط القوة جنوب البلاد .",
            "30 - 09 - 2015 | 0 | 0 | افتتحت الحكومة جسرا جديدا فوق النهر بعد تأخير استمر سنوات ."]
    assert split(page)[0] == []


def test_dated_items_below_the_article_are_other_stories():
    kept, removed = split(ARTICLE + ITEMS)
    assert kept == ARTICLE and removed == ITEMS


def test_a_timeline_inside_an_article_is_kept():
    # oldest first: the article's own timeline of the events
    timeline = ["2011 / 3 / 15 - خرجت أولى التظاهرات في المدينة الجنوبية .",
                "2012 / 7 / 19 - دخلت فصائل المعارضة الأحياء الشرقية من المدينة .",
                "2016 / 12 / 22 - أعلنت الحكومة استعادة السيطرة على المدينة كاملة ."]
    page = ARTICLE + timeline + ["ويقول مراقبون إن المرحلة المقبلة ستكون أصعب على السكان ."]
    assert split(page)[1] == []
    # a whole page that is a timeline, from its top
    assert split(timeline + ["2017 / 1 / 30 - عاد آلاف النازحين إلى بيوتهم في الأحياء الشرقية ."])[1] == []


def test_a_live_page_s_stamps_of_one_day_are_kept():
    live = ["2017 / 5 / 14 - 10 : 30 قصف مدفعي على الأحياء الشمالية للمدينة .",
            "2017 / 5 / 14 - 11 : 15 أفاد ناشطون بسقوط قتلى في القصف .",
            "2017 / 5 / 14 - 12 : 40 وصلت سيارات الإسعاف إلى المنطقة المستهدفة ."]
    assert split(ARTICLE + live)[1] == []


def test_numbered_points_and_a_transcript_in_an_article_are_kept():
    points = ["1 - وقف إطلاق النار في جميع المناطق خلال أسبوع من التوقيع .",
              "2 - انسحاب المقاتلين الأجانب من المدن الكبرى .",
              "3 - تبادل الأسرى والمعتقلين بإشراف دولي .",
              "4 - عودة النازحين إلى قراهم بضمانات من الطرفين ."]
    assert split(ARTICLE + points)[1] == []
    transcript = ["المذيع : ما الذي تغير على الأرض منذ الأسبوع الماضي ?",
                  "الضيف : القوات تقدمت في الريف الشرقي وسيطرت على عدة قرى .",
                  "المذيع : وهل يعني ذلك نهاية المعارك في المحافظة ?",
                  "الضيف : لا , ما زالت هناك جيوب للتنظيم في الصحراء ."]
    assert split(ARTICLE + transcript)[1] == []
