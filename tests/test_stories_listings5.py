"""Other whole stories the cleaner kept as article text, found by reading the kept lines of pool
pages drawn at random (seed 20261205, /work/corpus/dev2_kept5/README.md): a feed of many days'
leads, each saying which weekday "today" is, with no header (riwaya/pipeline/listing.py
today_feed: one article has one today); a section page whose teasers, cut short with the next
lead glued after the mark, begin below a long first teaser (listing.excerpt_listing, its later
window); and what must stay an article: an interview whose questions trail off into the answer
in its first lines, a writer's pauses, an article naming past weekdays.
The lines are written for the tests: each shows a class of page, not a page's words."""

from __future__ import annotations

from riwaya.pipeline.listing import excerpt_listing, today_feed
from tests.story_lines import ARTICLE, kept_lines

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب")


def _kept(page: list[str], codebook) -> list[str]:
    return [ln for ln in kept_lines(page, codebook, AGENCIES) if ln]


def _all(page: list[str]) -> list[int]:
    return list(range(len(page)))


#: a feed of other stories' leads, each naming its own "today" (a tag page with no header)
TODAYS = [
    "أعلنت وزارة الدفاع , اليوم السبت , مقتل خمسة مسلحين في اشتباك قرب الحدود الشمالية مع دورية "
    "للجيش .",
    "قصفت الطائرات الحربية اليوم الأحد مواقع لمسلحين في المناطق الجبلية بعد هجوم على نقطة عسكرية .",
    "وقال بيان للجيش إن الغارات دمرت مخازن أسلحة وملاجئ كان المسلحون يستخدمونها منذ أشهر .",
    "أوقفت قوات الأمن , اليوم الأربعاء , عشرين شخصا يشتبه بانتمائهم إلى خلية مسلحة في العاصمة .",
    "أصيب ثلاثة جنود اليوم الثلاثاء في انفجار عبوة ناسفة على طريق رئيسي في الريف الجنوبي .",
    "أكد وزير الداخلية , اليوم الخميس , أن العمليات الأمنية ستتواصل حتى القضاء على الخلايا "
    "المسلحة .",
]


def test_a_feed_of_many_days_leads_has_no_article(sample_codebook):
    assert today_feed(TODAYS, _all(TODAYS)) == 0
    assert _kept(TODAYS, sample_codebook) == []


def test_leads_of_other_days_below_an_article_are_other_stories(sample_codebook):
    # the article's own today ("اليوم الأحد"), then the site's feed of other days' leads
    article = ARTICLE[:2] + ["وقال المتحدث باسم القوات , اليوم الأحد , إن العمليات ستتواصل "
                             "حتى تأمين البلدة بالكامل ."] + ARTICLE[2:]
    page = article + TODAYS[3:]
    assert _kept(page, sample_codebook) == article


def test_an_article_naming_past_weekdays_has_one_today(sample_codebook):
    page = ARTICLE[:2] + [
        "وقال المتحدث باسم القوات , اليوم الاثنين , إن العمليات ستتواصل حتى تأمين البلدة "
        "بالكامل .",
        "وكانت القوات قد بدأت هجومها يوم الخميس الماضي بعد أن حشدت تعزيزات كبيرة منذ "
        "الجمعة .",
        "وأضاف المتحدث أن الطيران نفذ يوم السبت عشرات الغارات , وأن الاشتباكات توقفت مساء الأحد .",
        "ونقلت وكالة محلية اليوم الاثنين عن سكان قولهم إن الهدوء عاد إلى الأحياء الشرقية .",
    ] + ARTICLE[2:]
    assert today_feed(page, _all(page)) is None
    assert _kept(page, sample_codebook) == page


#: a section page: a long first teaser (three paragraphs), then teasers cut short with the next
#: one's lead glued after the mark, every other line or so
LEADS = [
    "أعلنت وزارة الصحة افتتاح مستشفى ميداني جديد في المنطقة الشمالية لاستقبال الجرحى والمرضى "
    "من البلدات المجاورة .",
    "نفى متحدث باسم الجيش أن تكون طائراته قد استهدفت سوقا شعبية في الريف الغربي خلال الأسبوع "
    "الماضي .",
    "توجه وفد من الأمم المتحدة إلى العاصمة لبحث آليات إيصال المساعدات الإنسانية إلى المناطق "
    "المحاصرة .",
]
LATE_GLUED = [
    "تقارير - موقع الأخبار تقارير " + LEADS[0],
    "وقال مدير المستشفى إن الطواقم الطبية تعمل على مدار الساعة رغم النقص الحاد في الأدوية .",
    "وأضاف أن المستشفى يستقبل يوميا عشرات المرضى من القرى المحيطة التي تفتقر إلى المراكز الصحية .",
    "وأشار إلى أن الوزارة وعدت بإرسال شحنة جديدة من الأدوية والمعدات خلال الأيام المقبلة .",
    "وتابع أن الطواقم بحاجة إلى . . . " + LEADS[1],
    "وأضاف المتحدث أن التحقيقات ما زالت جارية لمعرفة ملابسات الحادث وتحديد المسؤولين عنه .",
    "وأوضح أن اللجنة ستنشر نتائج عملها خلال . . . " + LEADS[2],
    "وقال رئيس الوفد إن الطرق المؤدية إلى المناطق المحاصرة مغلقة منذ أسابيع بسبب المعارك .",
    "وأشار إلى أن القوافل ستنطلق في . . . " + LEADS[0],
    "وأكد أن المستشفى سيعمل على . . . " + LEADS[1],
]


def test_glued_teasers_below_a_long_first_teaser_are_a_listing(sample_codebook):
    assert excerpt_listing(LATE_GLUED, _all(LATE_GLUED)) == 0
    assert _kept(LATE_GLUED, sample_codebook) == []


def test_a_writer_s_pauses_leave_the_article_whole(sample_codebook):
    # three pauses in eleven lines, the first in the second paragraph: fewer than the listing's
    page = ARTICLE + [
        "لم يكن أحد يتوقع أن تنتهي المعارك بهذه السرعة . . . لقد عاش السكان أسابيع طويلة تحت "
        "القصف دون أن يعرفوا متى يعودون .",
        "وقال أحد السكان إن الحياة بدأت تعود إلى الشوارع ببطء بعد أن فتحت بعض المحلات أبوابها .",
        "كانت البيوت مهدمة والشوارع خالية من الناس . . . لم يبق في البلدة سوى عدد قليل من "
        "العائلات التي لم تجد مكانا آخر .",
        "وأضاف أن المدارس ما زالت مغلقة وأن الأهالي يطالبون بإعادة فتحها في أقرب وقت ممكن .",
        "ويبقى السؤال عن مستقبل البلدة معلقا . . . فالسكان ينتظرون الخدمات التي وعدت بها "
        "الحكومة منذ أشهر طويلة .",
    ]
    assert excerpt_listing(page, _all(page)) is None
    assert _kept(page, sample_codebook) == page


def test_a_short_interview_trailing_off_its_questions_keeps_its_lines(sample_codebook):
    # an interview's first lines: each question trails off into its answer after the mark
    page = [
        "وزير الصحة في حوار خاص : المستشفيات الميدانية ستعمل حتى نهاية العام",
        "هل تكفي المستشفيات الميدانية لاستقبال الجرحى . . . نحن نعمل على زيادة عدد الأسرة في كل "
        "المستشفيات وقد وصلت معدات جديدة الأسبوع الماضي .",
        "ومتى تصل شحنة الأدوية الموعودة إلى المناطق الشمالية . . . الشحنة الأولى في الطريق "
        "وستتبعها شحنات أخرى خلال الأيام المقبلة بحسب الاتفاق .",
        "وكيف تتعاملون مع النقص في الكوادر الطبية ? . . . استعنا بأطباء متطوعين من المحافظات "
        "الأخرى وسنفتح باب التوظيف قريبا أمام الخريجين الجدد .",
        "وماذا عن المرضى في القرى البعيدة . . . خصصنا فرقا متنقلة تزور القرى مرتين في الأسبوع "
        "وتنقل الحالات الصعبة إلى المستشفيات الكبيرة .",
        "ونقلت الوزارة في بيان أن الوزير سيزور المستشفيات الميدانية خلال الأسبوع المقبل .",
    ]
    assert excerpt_listing(page, _all(page)) is None
    assert _kept(page, sample_codebook) == page
